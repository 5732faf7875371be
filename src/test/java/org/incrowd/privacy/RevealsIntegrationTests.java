package org.incrowd.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import jakarta.mail.internet.MimeMessage;
import java.util.List;
import org.incrowd.discussion.Post;
import org.incrowd.identity.Person;
import org.incrowd.identity.Role;
import org.incrowd.jam.IdentityMode;
import org.incrowd.jam.IdentityModes;
import org.incrowd.support.Fixtures;
import org.incrowd.support.HiddenAuthors;
import org.incrowd.support.IncrowdTest;
import org.incrowd.support.MailCatcher;
import org.incrowd.support.SignedInRequests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Revealing a hidden author takes two administrators (ADR 43): one asks with a reason, a second one approves; only
 * the two of them then see the name, the post keeps its pseudonym, the audit trail records each step and the author
 * is told. Everything else is refused with a clear message and changes nothing.
 */
@IncrowdTest
class RevealsIntegrationTests {

    static final String REASON = "A threat of violence against a named colleague; HR must act.";

    @Autowired
    org.incrowd.identity.internal.PersonRepository personRows;

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcClient jdbc;

    HiddenAuthors hidden;
    Fixtures fixtures;
    SignedInRequests requests;
    Person asker;
    Person approver;
    Person thirdAdmin;
    Post idea;

    @BeforeEach
    void aHiddenAuthorAndThreeAdministrators() {
        hidden = HiddenAuthors.in(context);
        fixtures = hidden.fixtures;
        requests = new SignedInRequests(mvc, fixtures);
        asker = fixtures.person("Asking Admin", Role.ADMINISTRATOR);
        approver = fixtures.person("Approving Admin", Role.ADMINISTRATOR);
        thirdAdmin = fixtures.person("Bystanding Admin", Role.ADMINISTRATOR);
        idea = hidden.pseudonymousIdea("Safety at the depot", "Someone at the depot threatens people.");
    }

    @Test
    void aSecondAdministratorApprovesAndOnlyTheTwoOfThemSeeTheAuthorWhoIsTold() throws Exception {
        assertThat(requests.page(asker, "/threads/" + idea.id())).contains("Reveal the author…")
                .contains("/admin/reveals/new?post=" + idea.id());
        assertThat(requests.page(asker, "/admin/reveals/new?post=" + idea.id())).contains("Safety at the depot")
                .contains("Someone at the depot threatens people.");
        long id = ask(asker, idea, REASON);
        hidden.assertNoTrace("the pending request", requests.page(asker, "/admin/reveals/" + id));
        assertThat(requests.page(approver, "/admin/reveals")).contains(REASON).contains("Asking Admin")
                .contains("Safety at the depot").contains("Someone at the depot threatens people.");
        assertThat(requests.page(asker, "/admin/reveals/" + id)).doesNotContain("/approve")
                .contains("A second administrator approves or declines this request.");

        var approved = requests.send(approver, post("/admin/reveals/" + id + "/approve").param("note", "Agreed."));
        assertThat(approved.getRedirectedUrl()).isEqualTo("/admin/reveals/" + id);

        for (var party : List.of(asker, approver)) {
            assertThat(requests.page(party, "/admin/reveals/" + id)).contains(HiddenAuthors.NAME)
                    .contains(hidden.author.email()).contains("Approved");
        }
        hidden.assertNoTrace("a third administrator's view", requests.page(thirdAdmin, "/admin/reveals/" + id));
        hidden.assertNoTrace("the list of requests", requests.page(asker, "/admin/reveals"));
        hidden.assertNoTrace("the thread after the reveal", requests.page(asker, "/threads/" + idea.id()));
        hidden.assertNoTrace("the post's JSON after the reveal", api(approver, get("/api/v1/posts/" + idea.id()))
                .getContentAsString());

        assertThat(jdbc.sql("select action || '|' || details from audit_entry where subject = ? order by id")
                .param("post:" + idea.id()).query(String.class).list())
                .satisfiesExactly(
                        requested -> assertThat(requested).startsWith("post.reveal-requested|"),
                        revealed -> assertThat(revealed).startsWith("post.revealed|")
                                .contains(String.valueOf(asker.id())).contains(String.valueOf(approver.id())));
        assertThat(jdbc.sql("select reason from audit_entry where subject = ? and action = 'post.revealed'")
                .param("post:" + idea.id()).query(String.class).single()).isEqualTo(REASON);

        assertThat(requests.page(hidden.author, "/notifications"))
                .contains("Two administrators approved revealing to each other that you wrote")
                .contains("Safety at the depot")
                .contains("A threat of violence against a named colleague");
        assertThat(jdbc.sql("select person_id from notification where kind = 'POST_REVEALED' and link like ?")
                .param("%#post-" + idea.id()).query(Long.class).list()).containsExactly(hidden.author.id());
        MimeMessage mail = MailCatcher.awaitOne(hidden.author.email());
        assertThat(MailCatcher.text(mail)).contains("Safety at the depot").contains(REASON)
                .doesNotContain("Asking Admin").doesNotContain("Approving Admin");
    }

    @Test
    void theAuthorIsToldInTheirLanguageAndTheReasonIsEscapedInPageAndMail() throws Exception {
        jdbc.sql("update person set language = 'de' where id = ?").param(hidden.author.id()).update();
        personRows.evict(hidden.author.id());
        String reason = "<script>alert('reveal')</script> & <b>bold</b>";
        long id = ask(asker, idea, reason);
        requests.send(approver, post("/admin/reveals/" + id + "/approve"));

        for (var path : List.of("/admin/reveals", "/admin/reveals/" + id)) {
            assertThat(requests.page(approver, path)).as(path).doesNotContain("<script>alert").doesNotContain("<b>bold")
                    .contains("&lt;script&gt;");
        }
        assertThat(requests.page(hidden.author, "/notifications")).doesNotContain("<script>alert");
        MimeMessage mail = MailCatcher.awaitOne(hidden.author.email());
        assertThat(MailCatcher.text(mail)).contains("Zwei Administrator/innen haben genehmigt");
        assertThat(MailCatcher.html(mail)).doesNotContain("<script>alert").doesNotContain("<b>bold");
    }

    @Test
    void theAdministratorWhoAskedCannotApproveTheirOwnRequest() throws Exception {
        long id = ask(asker, idea, REASON);
        var own = requests.send(asker, post("/admin/reveals/" + id + "/approve").param("note", "My own note"));
        assertThat(own.getStatus()).isEqualTo(409);
        assertThat(own.getContentAsString()).contains("a second, different administrator must decide it")
                .contains("My own note");
        assertNothingRevealed(id);
        assertThat(api(asker, post("/api/v1/reveals/" + id + "/approve")).getStatus()).isEqualTo(409);
        assertNothingRevealed(id);
    }

    @Test
    void aRequestWithoutAReasonOrForAnUnknownPostIsShownAgainWithItsMessageAndWhatWasTyped() throws Exception {
        var none = requests.send(asker, post("/admin/reveals").param("post", String.valueOf(idea.id())));
        assertThat(none.getStatus()).isEqualTo(422);
        assertThat(none.getContentAsString()).contains("Write why the author must be revealed.")
                .contains("Safety at the depot");
        var spaces = requests.send(asker, post("/admin/reveals").param("post", String.valueOf(idea.id()))
                .param("reason", "    "));
        assertThat(spaces.getStatus()).isEqualTo(422);
        assertThat(spaces.getContentAsString()).contains("Write why the author must be revealed.");
        var tooLong = requests.send(asker, post("/admin/reveals").param("post", String.valueOf(idea.id()))
                .param("reason", "x".repeat(Reveals.MAX_REASON + 1)));
        assertThat(tooLong.getStatus()).isEqualTo(422);
        assertThat(tooLong.getContentAsString()).contains("at most 1000 characters")
                .contains("x".repeat(Reveals.MAX_REASON + 1));
        var unknown = requests.send(asker, post("/admin/reveals").param("post", "0").param("reason", REASON));
        assertThat(unknown.getStatus()).isEqualTo(422);
        assertThat(unknown.getContentAsString()).contains("There is no such post.").contains(REASON);
        assertThat(requestsFor(idea)).isZero();
        assertThat(audited("post.reveal-requested")).isZero();
    }

    @Test
    void approvingTwiceOrApprovingADeclinedRequestIsRefusedAndChangesNothing() throws Exception {
        long declined = ask(asker, idea, REASON);
        assertThat(requests.send(approver, post("/admin/reveals/" + declined + "/decline").param("note", "Not enough."))
                .getRedirectedUrl()).isEqualTo("/admin/reveals/" + declined);
        var late = requests.send(thirdAdmin, post("/admin/reveals/" + declined + "/approve").param("note", "Late"));
        assertThat(late.getStatus()).isEqualTo(409);
        assertThat(late.getContentAsString()).contains("This request was declined").contains("Late");
        hidden.assertNoTrace("a declined request", requests.page(approver, "/admin/reveals/" + declined));
        assertThat(audited("post.reveal-declined")).isEqualTo(1);
        assertThat(audited("post.revealed")).isZero();

        long approved = ask(asker, idea, REASON);
        requests.send(approver, post("/admin/reveals/" + approved + "/approve"));
        var twice = requests.send(thirdAdmin, post("/admin/reveals/" + approved + "/approve"));
        assertThat(twice.getStatus()).isEqualTo(409);
        assertThat(twice.getContentAsString()).contains("This request is already approved.");
        hidden.assertNoTrace("a third administrator after a refused approval",
                requests.page(thirdAdmin, "/admin/reveals/" + approved));
        assertThat(audited("post.revealed")).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from notification where kind = 'POST_REVEALED' and person_id = ?")
                .param(hidden.author.id()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aPostThatNamesItsAuthorHasNothingToReveal() throws Exception {
        var organiser = fixtures.actor(fixtures.organiser());
        var named = fixtures.forum(hidden.jam, "Say it by name");
        context.getBean(IdentityModes.class).setForForum(organiser, named.id(), IdentityMode.NAMED);
        var namedIdea = fixtures.idea(named, hidden.author, "By name", "I say this by name.");
        var signed = hidden.pseudonymousIdea("Signed", "I sign this one.");
        jdbc.sql("update post set signed_by_name = true where id = ?").param(signed.id()).update();

        for (var post : List.of(namedIdea, signed)) {
            var refused = requests.send(asker, post("/admin/reveals").param("post", String.valueOf(post.id()))
                    .param("reason", REASON));
            assertThat(refused.getStatus()).isEqualTo(409);
            assertThat(refused.getContentAsString()).contains("there is nothing to reveal").contains(REASON);
            assertThat(requestsFor(post)).isZero();
            assertThat(requests.page(asker, "/threads/" + post.id())).doesNotContain("Reveal the author…");
        }
    }

    @Test
    void onlyAdministratorsTakePartAndOnlyTheySeeTheLink() throws Exception {
        long id = ask(asker, idea, REASON);
        var organiser = fixtures.organiser();
        for (var who : List.of(organiser, hidden.author)) {
            for (var path : List.of("/admin/reveals", "/admin/reveals/new?post=" + idea.id(), "/admin/reveals/" + id)) {
                assertThat(requests.send(who, get(path)).getStatus()).as(path).isEqualTo(403);
            }
            assertThat(requests.send(who, post("/admin/reveals/" + id + "/approve")).getStatus()).isEqualTo(403);
            assertThat(requests.send(who, post("/admin/reveals").param("post", String.valueOf(idea.id()))
                    .param("reason", REASON)).getStatus()).isEqualTo(403);
            assertThat(api(who, get("/api/v1/reveals")).getStatus()).isEqualTo(403);
            assertThat(api(who, post("/api/v1/reveals/" + id + "/approve")).getStatus()).isEqualTo(403);
        }
        assertThat(requests.page(organiser, "/threads/" + idea.id())).doesNotContain("Reveal the author…");
        assertNothingRevealed(id);
    }

    @Test
    void theApiFollowsTheSameRulesWithProblemsNamingWhatIsWrong() throws Exception {
        var blank = api(asker, post("/api/v1/reveals").contentType(MediaType.APPLICATION_JSON)
                .content("{\"postId\":" + idea.id() + ",\"reason\":\"   \"}"));
        assertThat(blank.getStatus()).isEqualTo(422);
        assertThat(blank.getContentType()).contains("application/problem+json");
        assertThat(blank.getContentAsString()).contains("\"field\":\"reason\"");
        var unknown = api(asker, post("/api/v1/reveals").contentType(MediaType.APPLICATION_JSON)
                .content("{\"postId\":0,\"reason\":\"Because\"}"));
        assertThat(unknown.getStatus()).isEqualTo(422);
        assertThat(unknown.getContentAsString()).contains("\"field\":\"post\"");

        var created = api(asker, post("/api/v1/reveals").contentType(MediaType.APPLICATION_JSON)
                .content("{\"postId\":" + idea.id() + ",\"reason\":\"" + REASON + "\"}"));
        assertThat(created.getStatus()).isEqualTo(201);
        long id = ((Number) com.jayway.jsonpath.JsonPath.read(created.getContentAsString(), "$.id")).longValue();
        assertThat(api(approver, get("/api/v1/reveals")).getContentAsString()).contains(REASON)
                .contains("\"id\":" + id);
        var again = api(approver, post("/api/v1/reveals").contentType(MediaType.APPLICATION_JSON)
                .content("{\"postId\":" + idea.id() + ",\"reason\":\"Again\"}"));
        assertThat(again.getStatus()).isEqualTo(409);

        assertThat(api(asker, post("/api/v1/reveals/" + id + "/approve")).getStatus()).isEqualTo(409);
        var approved = api(approver, post("/api/v1/reveals/" + id + "/approve"));
        assertThat(approved.getStatus()).isEqualTo(200);
        assertThat(approved.getContentAsString()).contains(HiddenAuthors.NAME).contains("\"state\":\"APPROVED\"");
        hidden.assertNoTrace("the request for a third administrator",
                api(thirdAdmin, get("/api/v1/reveals/" + id)).getContentAsString());
        assertThat(api(thirdAdmin, post("/api/v1/reveals/" + id + "/decline")).getStatus()).isEqualTo(409);
        assertThat(api(thirdAdmin, get("/api/v1/reveals/0")).getStatus()).isEqualTo(404);
    }

    @Test
    void anAuthorWhoSwitchedRevealNoticesOffIsStillToldInTheBell() throws Exception {
        context.getBean(org.incrowd.notify.internal.Preferences.class).save(hidden.author.id(), java.util.Map.of(
                org.incrowd.notify.NotificationKind.POST_REVEALED, new org.incrowd.notify.internal.Preference(false,
                        org.incrowd.notify.internal.MailTiming.OFF)));
        long id = ask(asker, idea, REASON);

        requests.send(approver, post("/admin/reveals/" + id + "/approve"));

        assertThat(requests.page(hidden.author, "/notifications"))
                .contains("Two administrators approved revealing to each other that you wrote")
                .contains("Safety at the depot");
    }

    private long ask(Person admin, Post post, String reason) throws Exception {
        var response = requests.send(admin, post("/admin/reveals").param("post", String.valueOf(post.id()))
                .param("reason", reason));
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(302);
        return Long.parseLong(response.getRedirectedUrl().substring("/admin/reveals/".length()));
    }

    private MockHttpServletResponse api(Person person, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(fixtures.bearer(person)).with(Fixtures.servletPath())).andReturn()
                .getResponse();
    }

    private void assertNothingRevealed(long id) {
        assertThat(jdbc.sql("select state from reveal_request where id = ?").param(id).query(String.class).single())
                .isEqualTo("PENDING");
        assertThat(audited("post.revealed")).isZero();
        assertThat(jdbc.sql("select count(*) from notification where kind = 'POST_REVEALED' and person_id = ?")
                .param(hidden.author.id()).query(Long.class).single()).isZero();
    }

    private long requestsFor(Post post) {
        return jdbc.sql("select count(*) from reveal_request where post_id = ?").param(post.id()).query(Long.class)
                .single();
    }

    private long audited(String action) {
        return jdbc.sql("select count(*) from audit_entry where subject = ? and action = ?")
                .params("post:" + idea.id(), action).query(Long.class).single();
    }
}
