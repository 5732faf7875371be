package org.incrowd.jam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.incrowd.identity.Person;
import org.incrowd.identity.Role;
import org.incrowd.support.Fixtures;
import org.incrowd.support.IncrowdTest;
import org.incrowd.support.SignedInRequests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Versioned terms (ADR 47): saving changed terms publishes a new version and keeps the old one readable; a member who
 * accepted an older version is asked again before their next post, with what they wrote kept and posted on "I accept";
 * the API answers a terms-not-accepted problem; reading never asks.
 */
@IncrowdTest
class TermsIntegrationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcClient jdbc;

    Fixtures fixtures;
    SignedInRequests requests;
    Jam jam;
    Forum forum;
    Person member;

    @BeforeEach
    void aJamWhoseMemberAcceptedTheFirstTerms() {
        fixtures = Fixtures.of(context);
        requests = new SignedInRequests(mvc, fixtures);
        jam = fixtures.jam("Terms " + System.nanoTime()).terms("Be kind. Version one.").create();
        forum = fixtures.forum(jam, "Canteen");
        member = fixtures.person("Mina Member", Role.PARTICIPANT);
        fixtures.join(jam, member);
    }

    @AfterEach
    void noOrganisationTermsLeftForOtherTests() {
        // The organisation's terms apply to every post of every test: none may outlive the test that wrote them.
        jdbc.sql("delete from terms_acceptance where scope = 'organisation'").update();
        jdbc.sql("delete from terms_version where scope = 'organisation'").update();
    }

    @Test
    void savingChangedTermsPublishesANewVersionAndKeepsTheOldOneReadable() throws Exception {
        saveTerms("Be kind. Version **two**.");
        saveTerms("Be kind. Version **two**."); // unchanged: no new version

        String page = requests.page(member, "/terms/jam-" + jam.id());
        assertThat(page).contains("Version <strong>two</strong>.").contains("Version 2, published")
                .contains("Version 1, published").doesNotContain("Version 3");
        assertThat(requests.page(member, "/terms/jam-" + jam.id() + "/1")).contains("Be kind. Version one.");
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'terms.published' and subject = ?")
                .param("jam:" + jam.id()).query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void joiningRecordsTheVersionAcceptedOnTheProfile() throws Exception {
        String profile = requests.page(member, "/profile/terms");
        assertThat(profile).contains(jam.title()).contains("/terms/jam-" + jam.id() + "/1");
        assertThat(requests.page(member, "/profile")).contains("/profile/terms");
    }

    @Test
    void aNewVersionInterruptsTheNextIdeaKeepsItAndPostsItOnAccepting() throws Exception {
        saveTerms("Be kind. Version two: no names of colleagues.");

        var interrupted = requests.send(member, post("/forums/" + forum.id() + "/threads")
                .param("title", "Quiet rooms").param("body", "A room <b>without</b> phones on every floor.")
                .param("tags", ""));
        assertThat(interrupted.getStatus()).isEqualTo(302);
        String ask = interrupted.getRedirectedUrl();
        assertThat(ask).contains("/terms/jam-" + jam.id() + "/2/acceptance?draft=");
        assertThat(jdbc.sql("select count(*) from post where forum_id = ?").param(forum.id()).query(Long.class)
                .single()).isZero();

        String page = requests.page(member, ask.substring(ask.indexOf("/terms/")));
        assertThat(page).contains("Version two: no names of colleagues.").contains("Be kind. Version one.")
                .contains("action=\"/forums/" + forum.id() + "/threads\"")
                .contains("name=\"title\" value=\"Quiet rooms\"")
                .contains("A room &lt;b&gt;without&lt;/b&gt; phones on every floor.")
                .contains("name=\"acceptTermsVersion\" value=\"2\"");

        var posted = requests.send(member, post("/forums/" + forum.id() + "/threads")
                .param("title", "Quiet rooms").param("body", "A room <b>without</b> phones on every floor.")
                .param("tags", "").param("acceptTermsScope", "jam-" + jam.id()).param("acceptTermsVersion", "2"));
        assertThat(posted.getStatus()).isEqualTo(302);
        assertThat(posted.getRedirectedUrl()).startsWith("/threads/");
        assertThat(requests.page(member, posted.getRedirectedUrl())).contains("Quiet rooms");
        assertThat(requests.page(member, "/profile/terms")).contains("/terms/jam-" + jam.id() + "/2");
    }

    @Test
    void repliesAndEditsWaitForTheNewTermsToo() throws Exception {
        var idea = fixtures.idea(forum, member, "Bike racks", "More of them near the gate.");
        saveTerms("Version two.");

        var reply = requests.send(member, post("/posts/" + idea.id() + "/replies").param("body", "Covered ones."));
        assertThat(reply.getRedirectedUrl()).contains("/terms/jam-" + jam.id() + "/2/acceptance");
        var edit = requests.send(member, post("/posts/" + idea.id() + "/edit").param("title", "Bike racks")
                .param("body", "Many more of them near the gate."));
        assertThat(edit.getRedirectedUrl()).contains("/terms/jam-" + jam.id() + "/2/acceptance");
    }

    @Test
    void readingNeverAsksForTheNewTerms() throws Exception {
        fixtures.idea(forum, member, "Bike racks", "More of them near the gate.");
        saveTerms("Version two.");

        assertThat(requests.page(member, "/forums/" + forum.id())).contains("Bike racks");
        assertThat(requests.page(member, "/jams/" + jam.id())).contains(jam.title());
    }

    @Test
    void theApiAnswersAProblemNamingTheTermsAndAcceptsOnlyTheCurrentVersion() throws Exception {
        saveTerms("Version two.");
        String idea = "{\"title\":\"Quiet rooms\",\"body\":\"A room without phones.\",\"tags\":\"\"}";

        var refused = api(post("/api/v1/forums/" + forum.id() + "/threads").content(idea));
        assertThat(refused.getStatus()).isEqualTo(409);
        assertThat(refused.getContentAsString()).contains("/problems/terms-not-accepted")
                .contains("\"scope\":\"jam-" + jam.id() + "\"").contains("\"version\":2")
                .contains("/api/v1/terms/jam-" + jam.id() + "/2/acceptance")
                .contains("Accept the current terms (version 2) before you post.");

        var old = api(post("/api/v1/terms/jam-" + jam.id() + "/1/acceptance"));
        assertThat(old.getStatus()).isEqualTo(409);
        assertThat(old.getContentAsString()).contains("Version 1 of these terms is no longer current: version 2 is.");
        assertThat(api(post("/api/v1/terms/jam-" + jam.id() + "/9/acceptance")).getStatus()).isEqualTo(404);

        var accepted = api(post("/api/v1/terms/jam-" + jam.id() + "/2/acceptance"));
        assertThat(accepted.getStatus()).isEqualTo(201);
        assertThat(accepted.getContentAsString()).contains("\"version\":2");
        assertThat(api(post("/api/v1/forums/" + forum.id() + "/threads").content(idea)).getStatus()).isEqualTo(201);
        assertThat(api(get("/api/v1/profile/terms")).getContentAsString()).contains("\"version\":2");
    }

    @Test
    void theOrganisationsTermsOfUseAreRequiredTextAndAskedBeforeTheFirstPost() throws Exception {
        var administrator = fixtures.person("Ada Admin", Role.ADMINISTRATOR);
        var empty = requests.send(administrator, post("/admin/terms").param("text", "   "));
        assertThat(empty.getStatus()).isEqualTo(422);
        assertThat(empty.getContentAsString()).contains("Write the terms of use: they cannot be empty.");
        assertThat(requests.send(member, post("/admin/terms").param("text", "Mine.")).getStatus()).isEqualTo(403);

        var published = requests.send(administrator, post("/admin/terms").param("text", "Respect **everyone**."));
        assertThat(published.getRedirectedUrl()).isEqualTo("/admin/terms?saved");
        assertThat(requests.page(administrator, "/admin/terms")).contains("Respect **everyone**.");

        var interrupted = requests.send(member, post("/forums/" + forum.id() + "/threads")
                .param("title", "Quiet rooms").param("body", "A room without phones."));
        assertThat(interrupted.getRedirectedUrl()).contains("/terms/organisation/1/acceptance?draft=");
        assertThat(requests.send(member, post("/terms/organisation/1/acceptance")).getRedirectedUrl())
                .isEqualTo("/terms/organisation?accepted");
        assertThat(fixtures.idea(forum, member, "Quiet rooms", "A room without phones.").title())
                .isEqualTo("Quiet rooms");
    }

    @Test
    void organisersSeeHowManyMembersAcceptedTheCurrentVersion() throws Exception {
        var other = fixtures.person("Otto Other", Role.PARTICIPANT);
        fixtures.join(jam, other);
        saveTerms("Version two.");
        fixtures.join(jam, other); // joining again accepts the current version

        assertThat(requests.page(fixtures.organiser(), "/terms/jam-" + jam.id()))
                .contains("1 of 2 members accepted the current version (2).");
        assertThat(requests.page(member, "/terms/jam-" + jam.id())).doesNotContain("members accepted");
    }

    @Test
    void termsAreMarkdownRenderedWithoutScripts() throws Exception {
        saveTerms("Be **kind**.\n\n<script>alert('x')</script><img src=x onerror=alert(1)>");

        String page = requests.page(member, "/terms/jam-" + jam.id());
        assertThat(page).contains("<strong>kind</strong>").doesNotContain("<script>alert").doesNotContain("<img");
    }

    @Test
    void unknownTermsAndVersionsAreNotFound() throws Exception {
        assertThat(requests.send(member, get("/terms/nothing")).getStatus()).isEqualTo(404);
        assertThat(requests.send(member, get("/terms/jam-" + jam.id() + "/7")).getStatus()).isEqualTo(404);
        var hidden = fixtures.jam("Hidden " + System.nanoTime()).terms("Secret.").draft().create();
        assertThat(requests.send(member, get("/terms/jam-" + hidden.id())).getStatus()).isEqualTo(404);
    }

    private MockHttpServletResponse api(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder
                                                request) throws Exception {
        return mvc.perform(request.with(fixtures.bearer(member)).contentType(MediaType.APPLICATION_JSON))
                .andReturn().getResponse();
    }

    private void saveTerms(String terms) {
        var current = fixtures.jams().require(fixtures.actor(fixtures.organiser()), jam.id());
        fixtures.jams().update(fixtures.actor(fixtures.organiser()), jam.id(), new JamDraft(current.title(),
                current.purpose(), current.question(), local(current.startsAt()), local(current.endsAt()), "UTC",
                current.audience(), false, null, terms));
    }

    private static String local(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
