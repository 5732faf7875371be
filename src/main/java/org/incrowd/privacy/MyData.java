package org.incrowd.privacy;

import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.incrowd.identity.Actor;
import org.incrowd.privacy.internal.mydata.PrivacyRequests;
import org.incrowd.shared.AdministrativeAct;
import org.incrowd.shared.PersonalData;
import org.incrowd.shared.Refusal;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Your data" (issue 16, ADR 44): everything Incrowd holds about the person asking, one section per module that
 * holds personal data ({@link PersonalData}), collected in one read-only pass. Each download is recorded, with how
 * much each section held, and shown to administrators in the audit trail.
 */
@Service
public class MyData {

    private final List<PersonalData> sources;
    private final PrivacyRequests requests;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    MyData(List<PersonalData> sources, PrivacyRequests requests, ApplicationEventPublisher events, Clock clock) {
        this.sources = sources;
        this.requests = requests;
        this.events = events;
        this.clock = clock;
    }

    /** The person's data, section by section in a stable order; only a signed-in person gets their own. */
    @Transactional
    public Map<String, Object> download(Actor actor) {
        if (actor.isGuest()) {
            throw Refusal.forbidden("error.forbidden");
        }
        long personId = actor.personId();
        var data = new LinkedHashMap<String, Object>();
        var counts = new LinkedHashMap<String, Integer>();
        sources.stream().sorted(java.util.Comparator.comparing(PersonalData::section)).forEach(source -> {
            var about = source.about(personId);
            data.put(source.section(), about);
            counts.put(source.section(), count(about));
        });
        data.put("privacyRequests", requests.of(personId));
        requests.record(personId, PrivacyRequests.Kind.DOWNLOAD, clock.instant(), counts);
        events.publishEvent(new AdministrativeAct(personId, "person.data-downloaded", "person:" + personId, null,
                asText(counts)));
        var document = new LinkedHashMap<String, Object>();
        document.put("generatedAt", clock.instant());
        document.putAll(data);
        return document;
    }

    /** How many records a section holds: its entries, or the entries of its lists. */
    static int count(Object about) {
        if (about instanceof Collection<?> list) {
            return list.size();
        }
        if (about instanceof Map<?, ?> map) {
            int lists = 0;
            int entries = 0;
            for (var value : map.values()) {
                if (value instanceof Collection<?> list) {
                    lists++;
                    entries += list.size();
                }
            }
            return lists == 0 ? 1 : entries;
        }
        return about == null ? 0 : 1;
    }

    static Map<String, String> asText(Map<String, Integer> counts) {
        var text = new LinkedHashMap<String, String>();
        counts.forEach((section, count) -> text.put(section, String.valueOf(count)));
        return text;
    }
}
