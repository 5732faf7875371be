package org.incrowd.jam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import org.incrowd.identity.ParticipantType;
import org.incrowd.identity.Role;
import org.incrowd.support.Fixtures;
import org.incrowd.support.IncrowdTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * An organiser opens a Jam to guests: people without an account then read its home, forums and threads, are told
 * how to take part, and cannot post, react or join. Closed again, or never opened, the Jam sends guests to sign in
 * with a word of why, and afterwards back to where they were going.
 */
@IncrowdTest
class GuestAccessIntegrationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext context;

    private MockHttpServletResponse guestGet(String path, MockHttpSession session) throws Exception {
        return Fixtures.page(mvc, path, session);
    }

    @Test
    void guestsReadAJamOpenedToThemButCannotTakePart() throws Exception {
        var fixtures = Fixtures.of(context);
        var jam = fixtures.jam("Open doors Jam").audience(ParticipantType.EMPLOYEE).create();
        var forum = fixtures.forum(jam, "Canteen");
        var idea = fixtures.idea(forum, "Longer opening hours");
        var organiser = fixtures.signIn(fixtures.organiser());

        var opened = mvc.perform(post("/jams/" + jam.id() + "/guest-access").session(organiser).with(csrf())
                .param("readable", "true").with(Fixtures.browser())).andReturn().getResponse();
        assertThat(opened.getRedirectedUrl()).isEqualTo("/jams/" + jam.id() + "?openToGuests");
        assertThat(mvc.perform(get("/jams/" + jam.id()).session(organiser).with(Fixtures.browser())).andReturn()
                .getResponse().getContentAsString()).contains("Guests (people without an account) can read this Jam");

        var guest = new MockHttpSession();
        assertThat(guestGet("/jams", guest).getContentAsString()).contains("Open doors Jam")
                .contains("As a guest you see the Jams that are open to guests");
        var home = guestGet("/jams/" + jam.id(), guest);
        assertThat(home.getStatus()).isEqualTo(200);
        assertThat(home.getContentAsString()).contains("You are reading as a guest").contains("Canteen")
                .doesNotContain("href=\"/jams/" + jam.id() + "/join\"");
        var forumPage = guestGet("/forums/" + forum.id(), guest);
        assertThat(forumPage.getStatus()).isEqualTo(200);
        assertThat(forumPage.getContentAsString()).contains("Longer opening hours")
                .contains("You are reading as a guest").doesNotContain("action=\"/forums/" + forum.id() + "/threads\"");
        var thread = guestGet("/threads/" + idea.id(), guest);
        assertThat(thread.getStatus()).isEqualTo(200);
        assertThat(thread.getContentAsString()).contains("Longer opening hours").contains("disabled");
        // The parts of those pages that their live regions fetch again are read as the pages are.
        var parts = java.util.Map.of("/jams/" + jam.id() + "/sections/activity", "Longer opening hours",
                "/forums/" + forum.id() + "/ideas", "Longer opening hours",
                "/threads/" + idea.id() + "/replies", "<div id=\"replies\"");
        for (var part : parts.entrySet()) {
            var answer = guestGet(part.getKey(), guest);
            assertThat(answer.getStatus()).as(part.getKey()).isEqualTo(200);
            assertThat(answer.getContentAsString()).as(part.getKey()).contains(part.getValue());
        }

        // Taking part needs an account, whatever a guest sends.
        var react = mvc.perform(post("/posts/" + idea.id() + "/reaction").session(guest).with(csrf())
                .param("kind", "AGREE").with(Fixtures.browser()).with(Fixtures.servletPath())).andReturn().getResponse();
        assertThat(react.getRedirectedUrl()).isEqualTo("/signin");
        // An employee-only Jam opened to guests is readable by every account too: signing in never hides it.
        var client = fixtures.signIn(fixtures.person("Client Carla", ParticipantType.CLIENT, Role.PARTICIPANT));
        assertThat(mvc.perform(get("/forums/" + forum.id()).session(client).with(Fixtures.browser())).andReturn()
                .getResponse().getStatus()).isEqualTo(200);
    }

    @Test
    void aJamNotOpenToGuestsSendsThemToSignInSayingWhyAndBackAfterwards() throws Exception {
        var fixtures = Fixtures.of(context);
        var jam = fixtures.liveJam("Members only Jam");
        var forum = fixtures.forum(jam, "Depots");
        var guest = new MockHttpSession();

        var refused = guestGet("/forums/" + forum.id(), guest);
        assertThat(refused.getRedirectedUrl()).isEqualTo("/signin");
        // A part of the page fetched by its script (a reader signed out while the page stayed open) is told to sign
        // in, not sent there, so htmx leaves the region; signing in still leads back to the page, not to the part.
        var part = mvc.perform(get("/forums/" + forum.id() + "/ideas").session(guest).header("HX-Request", "true")
                .with(Fixtures.browser()).with(Fixtures.servletPath())).andReturn().getResponse();
        assertThat(part.getStatus()).isEqualTo(401);
        assertThat(part.getContentAsString()).contains("Sign in to see this page.");
        assertThat(guestGet("/jams", guest).getContentAsString()).doesNotContain("Members only Jam");
        var signInPage = guestGet("/signin", guest);
        assertThat(signInPage.getContentAsString()).contains("Sign in to see this page.");

        var member = fixtures.person("Returning Rita", Role.PARTICIPANT);
        var signedIn = mvc.perform(post("/signin").session(guest).with(csrf()).with(Fixtures.browser())
                .with(Fixtures.servletPath()).with(Fixtures.from(Fixtures.newAddress()))
                .param("email", member.email()).param("password", Fixtures.PASSWORD)).andReturn().getResponse();
        assertThat(signedIn.getRedirectedUrl()).endsWith("/forums/" + forum.id() + "?continue");
    }

    @Test
    void onlyOrganisersOpenAJamToGuests() throws Exception {
        var fixtures = Fixtures.of(context);
        var jam = fixtures.liveJam("Not yours to open");
        var participant = fixtures.signIn(fixtures.person("Pushy Pete", Role.PARTICIPANT));
        var refused = mvc.perform(post("/jams/" + jam.id() + "/guest-access").session(participant).with(csrf())
                .param("readable", "true").with(Fixtures.browser())).andReturn().getResponse();
        assertThat(refused.getStatus()).isEqualTo(403);
        assertThat(fixtures.jams().isGuestReadable(jam.id())).isFalse();
    }
}
