package org.incrowd.notify.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.incrowd.identity.IdentityService;
import org.incrowd.identity.Person;
import org.incrowd.jam.Jam;
import org.incrowd.jam.JamService;
import org.incrowd.notify.NotificationKind;
import org.incrowd.notify.NotificationParams;
import org.incrowd.recognition.RecognitionEvents;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Who is told of recognition: the person who earned a badge (its name in their language), and the winner of a
 * challenge's prize, with the organiser's reason.
 */
@Component
class RecognitionTriggers {

    private static final int CHUNK = 1000;

    private final Inbox inbox;
    private final IdentityService identity;
    private final JamService jams;
    private final MessageSource messages;

    RecognitionTriggers(Inbox inbox, IdentityService identity, JamService jams, MessageSource messages) {
        this.inbox = inbox;
        this.identity = identity;
        this.jams = jams;
        this.messages = messages;
    }

    /** Each person told of each new badge, its name in their language; people read a thousand at a time. */
    @EventListener
    void on(RecognitionEvents.BadgesEarned event) {
        String jam = jamTitle(event.jamId());
        var earned = event.earned();
        for (int from = 0; from < earned.size(); from += CHUNK) {
            var chunk = earned.subList(from, Math.min(earned.size(), from + CHUNK));
            var people = identity.findAll(chunk.stream().map(RecognitionEvents.Earned::personId).distinct().toList());
            var told = new java.util.ArrayList<Inbox.Personal>();
            for (var one : chunk) {
                var person = people.get(one.personId());
                if (person == null) {
                    continue;
                }
                var locale = person.language() == null || person.language().isBlank() ? Locale.ENGLISH
                        : Locale.forLanguageTag(person.language());
                told.add(new Inbox.Personal(one.personId(), "/jams/" + event.jamId() + "/givers/rules#badges",
                        Map.of(NotificationParams.TITLE, messages.getMessage(one.badge().messageKey(), null,
                                one.badge().name(), locale), NotificationParams.JAM, jam)));
            }
            inbox.deliverEach(NotificationKind.BADGE_EARNED, event.jamId(), told);
        }
    }

    @EventListener
    void on(RecognitionEvents.PrizeAwarded event) {
        inbox.deliver(NotificationKind.PRIZE_AWARDED, List.of(event.personId()), event.jamId(),
                "/jams/" + event.jamId() + "/givers#prize-" + event.prizeId(), Map.of(
                        NotificationParams.ACTOR, identity.find(event.awardedBy()).map(Person::displayName).orElse(""),
                        NotificationParams.TITLE, Excerpts.of(event.prize() == null ? "" : event.prize(),
                                Excerpts.TITLE),
                        NotificationParams.JAM, jamTitle(event.jamId()),
                        NotificationParams.REASON, Excerpts.of(event.reason(), Excerpts.TEXT)));
    }

    private String jamTitle(long jamId) {
        Jam jam = jams.findAll(List.of(jamId)).get(jamId);
        return jam == null ? "" : jam.title();
    }
}
