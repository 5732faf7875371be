package org.incrowd.facilitation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.incrowd.identity.Role;
import org.incrowd.jam.IdentityMode;
import org.incrowd.jam.IdentityModes;
import org.incrowd.support.Fixtures;
import org.incrowd.support.IncrowdTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * What every page of a Jam shows besides its posts (announcements, guest sessions, how authors appear, the Jam's
 * post count) is cached per Jam or forum (ADR 51). Each test reads the page first, so that the cache holds the old
 * answer, then changes it: the reader's next page shows the change.
 */
@IncrowdTest
class CachedNoticesIntegrationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext context;
    @Autowired
    Facilitation facilitation;
    @Autowired
    IdentityModes modes;

    Fixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = Fixtures.of(context);
    }

    private String page(String path, MockHttpSession session) throws Exception {
        return mvc.perform(get(path).session(session).with(Fixtures.browser()).with(Fixtures.servletPath()))
                .andReturn().getResponse().getContentAsString();
    }

    @Test
    void anAnnouncementShowsOnTheNextPageAndGoesWhenWithdrawn() throws Exception {
        var jam = fixtures.liveJam("Cached announcements " + System.nanoTime());
        var forum = fixtures.forum(jam, "Canteen");
        var reader = fixtures.signIn(fixtures.person("Fay", Role.PARTICIPANT));
        assertThat(page("/forums/" + forum.id(), reader)).doesNotContain("Soup is back on Friday");
        var organiser = fixtures.actor(fixtures.organiser());

        facilitation.announceToForum(organiser, forum.id(), "Soup is back on Friday");
        assertThat(page("/forums/" + forum.id(), reader)).contains("Soup is back on Friday");

        var announcement = facilitation.announcementsOf(organiser, jam.id(), forum.id()).getFirst();
        facilitation.editAnnouncement(organiser, announcement.id(), "Soup is back on Thursday");
        assertThat(page("/forums/" + forum.id(), reader)).contains("Soup is back on Thursday")
                .doesNotContain("Soup is back on Friday");

        facilitation.withdrawAnnouncement(organiser, announcement.id());
        assertThat(page("/forums/" + forum.id(), reader)).doesNotContain("Soup is back on Thursday");
    }

    @Test
    void aScheduledGuestShowsOnTheNextPage() throws Exception {
        var jam = fixtures.liveJam("Cached guests " + System.nanoTime());
        var forum = fixtures.forum(jam, "Strategy");
        var guest = fixtures.person("Gil Guest", Role.PARTICIPANT);
        var reader = fixtures.signIn(fixtures.person("Hal", Role.PARTICIPANT));
        assertThat(page("/forums/" + forum.id(), reader)).doesNotContain("Gil Guest");

        var now = LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES);
        facilitation.scheduleGuest(fixtures.actor(fixtures.organiser()), forum.id(), guest.email(), "Chief of staff",
                now.minusMinutes(5).toString(), now.plusHours(1).toString());

        assertThat(page("/forums/" + forum.id(), reader)).contains("Gil Guest").contains("Chief of staff");
    }

    @Test
    void aForumThatHidesNamesHidesThemOnTheNextPage() throws Exception {
        var jam = fixtures.liveJam("Cached modes " + System.nanoTime());
        var forum = fixtures.forum(jam, "Salaries");
        var author = fixtures.person("Ivo Visible", Role.PARTICIPANT);
        fixtures.join(jam, author);
        var idea = fixtures.idea(forum, author, "Publish the pay bands", "So that everyone can compare.");
        var reader = fixtures.signIn(fixtures.person("Jo", Role.PARTICIPANT));
        assertThat(page("/threads/" + idea.id(), reader)).contains("Ivo Visible");

        modes.setForForum(fixtures.actor(fixtures.organiser()), forum.id(), IdentityMode.ANONYMOUS);

        assertThat(page("/threads/" + idea.id(), reader)).doesNotContain("Ivo Visible").contains("Publish the pay bands");
    }

    @Test
    void aNewIdeaCountsOnTheJamsHomeAtOnce() throws Exception {
        var jam = fixtures.liveJam("Cached counts " + System.nanoTime());
        var forum = fixtures.forum(jam, "Energy");
        var reader = fixtures.signIn(fixtures.person("Kit", Role.PARTICIPANT));
        assertThat(page("/jams/" + jam.id(), reader)).contains(stats(0, 0));

        var idea = fixtures.idea(forum, "Solar roofs");
        fixtures.reply(idea, fixtures.poolAuthor(jam.id()), "On every school first.");

        assertThat(page("/jams/" + jam.id(), reader)).contains(stats(1, 2)).contains("Solar roofs");
    }

    /** The Jam home's "N ideas · M posts in all" line. */
    private static String stats(int ideas, int posts) {
        return "<p class=\"stats\"><strong>" + ideas + "</strong> ideas · <strong>" + posts + "</strong> posts in all";
    }
}
