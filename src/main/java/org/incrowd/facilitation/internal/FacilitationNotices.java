package org.incrowd.facilitation.internal;

import gg.jte.Content;
import gg.jte.TemplateEngine;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.incrowd.discussion.Reading;
import org.incrowd.identity.Actor;
import org.incrowd.identity.IdentityService;
import org.incrowd.jam.Jam;
import org.incrowd.jam.JamPageSection;
import org.incrowd.jam.Place;
import org.incrowd.jam.PlaceNotice;
import org.incrowd.shared.Ui;
import org.springframework.stereotype.Component;

/**
 * What everyone in a Jam should notice: announcements, guests answering now or soon, and (on the Jam's home) the
 * posts facilitators spotlit.
 */
@Component
class FacilitationNotices implements PlaceNotice, JamPageSection {

    /** Announcements stay on the pages for a day; the console keeps them all. */
    static final Duration SHOWN_FOR = Duration.ofHours(24);
    /** The newest is shown; the others wait behind "n more", so that they never fill a phone's screen. */
    static final int SHOWN_AT_MOST = 10;

    private final Announcements announcements;
    private final GuestSessions guests;
    private final Reading discussion;
    private final IdentityService identity;
    private final TemplateEngine templates;
    private final Clock clock;

    FacilitationNotices(Announcements announcements, GuestSessions guests, Reading discussion,
                        IdentityService identity, TemplateEngine templates, Clock clock) {
        this.announcements = announcements;
        this.guests = guests;
        this.discussion = discussion;
        this.identity = identity;
        this.templates = templates;
        this.clock = clock;
    }

    @Override
    public Content render(Place place, Actor viewer, Ui ui) {
        return notices(place.jam(), place.forum().id(), viewer, ui, false);
    }

    @Override
    public String name() {
        return "notices";
    }

    @Override
    public int order() {
        return 5;
    }

    @Override
    public Content render(Jam jam, Actor viewer, Ui ui) {
        return notices(jam, null, viewer, ui, true);
    }

    private Content notices(Jam jam, Long forumId, Actor viewer, Ui ui, boolean home) {
        var now = clock.instant();
        var shown = announcements.latest(jam.id(), forumId, viewer.personId(), now.minus(SHOWN_FOR), SHOWN_AT_MOST);
        var sessions = guests.current(jam.id(), forumId, now, 5);
        var ids = new java.util.HashSet<Long>();
        shown.forEach(a -> ids.add(a.authorId()));
        sessions.forEach(s -> ids.add(s.personId()));
        var names = new HashMap<Long, String>();
        identity.findAll(ids).forEach((id, person) -> names.put(id, person.displayName()));
        Map<String, Object> model = new HashMap<>();
        model.put("ui", ui);
        model.put("jam", jam);
        model.put("announcements", shown);
        model.put("sessions", sessions);
        model.put("names", names);
        model.put("now", now);
        model.put("spotlit", home ? discussion.spotlit(viewer, jam.id(), 5) : java.util.List.of());
        model.put("home", home);
        return output -> templates.render("facilitation/notices.jte", model, output);
    }
}
