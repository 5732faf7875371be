package org.incrowd.jam;

import static org.assertj.core.api.Assertions.assertThat;

import org.incrowd.identity.ParticipantType;
import org.incrowd.identity.Person;
import org.incrowd.identity.Role;
import org.incrowd.support.Fixtures;
import org.incrowd.support.IncrowdTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The Jam, its forums and each reader's standing in it (member, staff, removed) are kept in caches so that pages do
 * not read them again on every request (ADR 51). Every test reads a page first, so that the cache holds the old
 * answer, changes something, and reads again: the change shows at once, on the very next page.
 */
@IncrowdTest
class CachedPermissionsIntegrationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext context;

    Fixtures fixtures;
    Person organiser;

    @BeforeEach
    void setUp() {
        fixtures = Fixtures.of(context);
        organiser = fixtures.organiser();
    }

    private MockHttpServletResponse page(String path, MockHttpSession session) throws Exception {
        return Fixtures.page(mvc, path, session);
    }

    @Test
    void aRemovedMemberIsRefusedOnTheirVeryNextPage() throws Exception {
        var ana = fixtures.person("Ana", Role.PARTICIPANT);
        var jam = fixtures.jam("Cached removal " + System.nanoTime()).invitationOnly(ana.email()).create();
        var forum = fixtures.forum(jam, "Travel");
        fixtures.join(jam, ana);
        var idea = fixtures.idea(forum, ana, "Night trains", "Sleep on the way there.");
        var session = fixtures.signIn(ana);
        assertThat(page("/threads/" + idea.id(), session).getStatus()).isEqualTo(200);

        fixtures.jams().removeMember(fixtures.actor(organiser), jam.id(), ana.email(), "Posted adverts");

        var refused = page("/threads/" + idea.id(), session);
        assertThat(refused.getStatus()).isEqualTo(403);
        assertThat(refused.getContentAsString()).contains("Posted adverts");
        assertThat(page("/jams", session).getContentAsString()).doesNotContain(jam.title());
    }

    @Test
    void aHostWhoseRoleIsRevokedNoLongerSeesTheModerationLinks() throws Exception {
        var jam = fixtures.liveJam("Cached staff " + System.nanoTime());
        var forum = fixtures.forum(jam, "Canteen");
        var idea = fixtures.idea(forum, "Soup on Fridays");
        var bo = fixtures.person("Bo", Role.PARTICIPANT);
        fixtures.host(forum, bo);
        var session = fixtures.signIn(bo);
        assertThat(page("/threads/" + idea.id(), session).getContentAsString())
                .contains("/posts/" + idea.id() + "/moderate");
        assertThat(page("/forums/" + forum.id(), session).getContentAsString()).contains("Bo");

        fixtures.jams().removeStaff(fixtures.actor(organiser), forum.id(), bo.id(), ForumRole.HOST);

        assertThat(page("/threads/" + idea.id(), session).getContentAsString())
                .doesNotContain("/posts/" + idea.id() + "/moderate");
        assertThat(fixtures.jams().mayFacilitate(fixtures.actor(bo),
                fixtures.jams().requireForum(fixtures.actor(bo), forum.id()))).isFalse();
    }

    @Test
    void aJamClosedEarlyStopsTakingPostsAtOnce() throws Exception {
        var jam = fixtures.liveJam("Cached close " + System.nanoTime());
        var forum = fixtures.forum(jam, "Energy");
        var idea = fixtures.idea(forum, "Solar roofs");
        var cy = fixtures.person("Cy", Role.PARTICIPANT);
        fixtures.join(jam, cy);
        var session = fixtures.signIn(cy);
        assertThat(page("/threads/" + idea.id(), session).getContentAsString())
                .contains("action=\"/posts/" + idea.id() + "/replies\"");

        fixtures.closeNow(jam);

        assertThat(page("/threads/" + idea.id(), session).getContentAsString())
                .doesNotContain("action=\"/posts/" + idea.id() + "/replies\"");
        assertThat(fixtures.jams().mayPost(fixtures.actor(cy), fixtures.jams().requireForum(fixtures.actor(cy),
                forum.id()))).isFalse();
    }

    @Test
    void aJamClosedToGuestsRefusesThemOnTheirNextPage() throws Exception {
        var jam = fixtures.jam("Cached guests " + System.nanoTime()).audience(ParticipantType.EMPLOYEE).create();
        var forum = fixtures.forum(jam, "Parking");
        fixtures.jams().openToGuests(fixtures.actor(organiser), jam.id(), true);
        var guest = new MockHttpSession();
        assertThat(page("/forums/" + forum.id(), guest).getStatus()).isEqualTo(200);

        fixtures.jams().openToGuests(fixtures.actor(organiser), jam.id(), false);

        assertThat(page("/forums/" + forum.id(), guest).getStatus()).isNotEqualTo(200);
    }

    @Test
    void aNewOrRenamedForumShowsOnTheJamsHomeAtOnce() throws Exception {
        var jam = fixtures.liveJam("Cached forums " + System.nanoTime());
        var forum = fixtures.forum(jam, "Old name");
        var session = fixtures.signIn(fixtures.person("Di", Role.PARTICIPANT));
        assertThat(page("/jams/" + jam.id(), session).getContentAsString()).contains("Old name");

        fixtures.jams().updateForum(fixtures.actor(organiser), forum.id(), new ForumDraft("New name", null));
        fixtures.forum(jam, "Second forum");

        assertThat(page("/jams/" + jam.id(), session).getContentAsString()).contains("New name")
                .contains("Second forum").doesNotContain("Old name");
        assertThat(page("/forums/" + forum.id(), session).getContentAsString()).contains("New name");
    }

    @Test
    void joiningShowsTheMembersPostingFormAtOnce() throws Exception {
        var jam = fixtures.liveJam("Cached join " + System.nanoTime());
        var forum = fixtures.forum(jam, "Mobility");
        var eve = fixtures.person("Eve", Role.PARTICIPANT);
        var session = fixtures.signIn(eve);
        assertThat(page("/forums/" + forum.id(), session).getContentAsString())
                .doesNotContain("action=\"/forums/" + forum.id() + "/threads\"");

        fixtures.join(jam, eve);

        assertThat(page("/forums/" + forum.id(), session).getContentAsString())
                .contains("action=\"/forums/" + forum.id() + "/threads\"");
    }
}
