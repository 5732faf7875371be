package org.incrowd.jam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import org.incrowd.identity.Role;
import org.incrowd.support.Fixtures;
import org.incrowd.support.IncrowdTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * An organiser asks for plain language in a Jam: its home, forums, threads and posting forms then put the question
 * first and big, speak in short sentences and show pictures beside the reactions; other Jams stay as they were.
 */
@IncrowdTest
class PlainLanguageIntegrationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext context;

    String page(MockHttpServletRequestBuilder request, MockHttpSession session) throws Exception {
        return mvc.perform(request.session(session).with(Fixtures.browser()).with(Fixtures.servletPath()))
                .andReturn().getResponse().getContentAsString();
    }

    @Test
    void aPlainLanguageJamPutsTheQuestionFirstAndShowsReactionPicturesWithWords() throws Exception {
        var fixtures = Fixtures.of(context);
        var jam = fixtures.jam("Warehouse Jam").question("How can we make lifting safer?").create();
        var forum = fixtures.forum(jam, "Lifting");
        var idea = fixtures.idea(forum, "Two people for heavy boxes");
        var member = fixtures.person("Member Mia", Role.PARTICIPANT);
        fixtures.join(jam, member);
        var organiser = fixtures.signIn(fixtures.organiser());

        var saved = mvc.perform(post("/jams/" + jam.id() + "/plain-language").param("plain", "true").with(csrf())
                .session(organiser).with(Fixtures.browser())).andReturn().getResponse();
        assertThat(saved.getRedirectedUrl()).isEqualTo("/jams/" + jam.id() + "/edit?plainLanguageSaved#plain-language");
        assertThat(page(get("/jams/" + jam.id() + "/edit"), organiser))
                .containsPattern("<input type=\"checkbox\" id=\"plain\" name=\"plain\" value=\"true\" checked");

        var reader = fixtures.signIn(member);
        String home = page(get("/jams/" + jam.id()), reader);
        assertThat(home).contains("<body class=\"plain-language\"")
                .contains("<h1 class=\"plain-question\">How can we make lifting safer?</h1>")
                .doesNotContain("<h1>Warehouse Jam</h1>");
        String forumPage = page(get("/forums/" + forum.id()), reader);
        assertThat(forumPage.indexOf("What do you think about Lifting?")).as("the question comes first")
                .isLessThan(forumPage.indexOf("Two people for heavy boxes")).isPositive();
        assertThat(forumPage).contains("<h1 class=\"plain-question\">What do you think about Lifting?</h1>")
                .contains("Give your idea").contains("Your idea in a few words").contains("Send my idea")
                .containsPattern("<img class=\"reaction-icon\" src=\"/img/reactions/agree[^\"]*\\.svg\" alt=\"\""
                        + "[^>]*>\\s*I agree");
        String thread = page(get("/threads/" + idea.id()), reader);
        assertThat(thread).contains("<p class=\"plain-question\">What do you think about Lifting?</p>")
                .containsPattern("<img class=\"reaction-icon\" src=\"/img/reactions/agree[^\"]*\\.svg\"[^>]*>\\s*I agree")
                .contains("I do not agree").contains("I am not sure").contains("This helps").contains("Send my answer");
        // An htmx reaction swaps the bar in again: still in plain words, with the pictures.
        String bar = mvc.perform(post("/posts/" + idea.id() + "/reaction").param("kind", "AGREE").with(csrf())
                .header("HX-Request", "true").session(reader).with(Fixtures.servletPath())).andReturn().getResponse()
                .getContentAsString();
        assertThat(bar).contains("I agree").contains("reaction-icon").contains("aria-pressed=\"true\"");

        // German readers get German plain language.
        assertThat(page(get("/forums/" + forum.id()).header("Accept-Language", "de"), reader))
                .contains("Ich bin dafür").contains("Meine Idee senden");
    }

    @Test
    void otherJamsKeepTheirUsualPages() throws Exception {
        var fixtures = Fixtures.of(context);
        var jam = fixtures.jam("Usual Jam").question("What should change?").create();
        var forum = fixtures.forum(jam, "Change");
        var idea = fixtures.idea(forum, "Fewer meetings");
        var member = fixtures.person("Member Usual", Role.PARTICIPANT);
        fixtures.join(jam, member);
        var reader = fixtures.signIn(member);

        String forumPage = page(get("/forums/" + forum.id()), reader);
        assertThat(forumPage).contains("<h1>Change</h1>").doesNotContain("plain-language").doesNotContain("reaction-icon")
                .contains("Share an idea");
        assertThat(page(get("/threads/" + idea.id()), reader)).doesNotContain("reaction-icon")
                .doesNotContain("I agree").contains("Agree");
        // Switched off again, the plain Jam's pages are usual too.
        var organiser = fixtures.signIn(fixtures.organiser());
        fixtures.jams().usePlainLanguage(fixtures.organiser().asActor(), jam.id(), true);
        mvc.perform(post("/jams/" + jam.id() + "/plain-language").with(csrf()).session(organiser)
                .with(Fixtures.browser())).andReturn();
        assertThat(fixtures.jams().isPlainLanguage(jam.id())).isFalse();
        assertThat(page(get("/jams/" + jam.id()), reader)).doesNotContain("plain-question");
    }

    @Test
    void onlyOrganisersSwitchPlainLanguage() throws Exception {
        var fixtures = Fixtures.of(context);
        var jam = fixtures.liveJam("Guarded Jam");
        var member = fixtures.person("Member Guard", Role.PARTICIPANT);
        fixtures.join(jam, member);

        var refused = mvc.perform(post("/jams/" + jam.id() + "/plain-language").param("plain", "true").with(csrf())
                .session(fixtures.signIn(member)).with(Fixtures.browser())).andReturn().getResponse();
        assertThat(refused.getStatus()).isEqualTo(403);
        assertThat(fixtures.jams().isPlainLanguage(jam.id())).isFalse();
    }
}
