package org.incrowd.discussion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.incrowd.identity.Person;
import org.incrowd.identity.Role;
import org.incrowd.jam.ForumDraft;
import org.incrowd.jam.ForumRole;
import org.incrowd.support.Fixtures;
import org.incrowd.support.IncrowdTest;
import org.incrowd.shared.Refusal;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.owasp.html.HtmlSanitizer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Classic cross-site scripting payloads typed wherever people can type: idea titles, bodies and tags, display names,
 * Jam titles, questions, purposes and terms, forum titles, refused forms. Every page and API answer showing them must
 * show them as text: no script from user content, no event handler attribute, no script URL, no frame or plugin, no
 * htmx attribute that would make the page send requests. Every HTML answer also carries the security headers that
 * would stop a payload that slipped through.
 *
 * <p>The HTML is tokenised with the OWASP sanitizer's HTML lexer (already on the classpath), which decodes entities
 * in attribute values the way browsers do; raw-text checks back it up.
 */
@IncrowdTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class XssIntegrationTests {

    static final List<String> PAYLOADS = List.of(
            "<script>alert('xss')</script>",
            "<SCRIPT SRC=https://evil.example/x.js></SCRIPT>",
            "<scr<script>ipt>alert('nested')</scr</script>ipt>",
            "<img src=x onerror=alert('img')>",
            "<img src=x onerror=alert('unclosed')",
            "<svg onload=alert('svg')>",
            "<svg><script>alert('svg script')</script></svg>",
            "<math><mtext><table><mglyph><style><img src=x onerror=alert('mxss')>",
            "[click me](javascript:alert('md link'))",
            "[click](JaVaScRiPt:alert('md case'))",
            "[click](javascript&#58;alert('md entity'))",
            "![pic](javascript:alert('md image'))",
            "[ref link][r]\n\n[r]: javascript:alert('md ref')",
            "<javascript:alert('autolink')>",
            "<https://example.org/\" onmouseover=\"alert('autolink attr')>",
            "www.example.org/\"onmouseover=\"alert('gfm autolink')",
            "[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
            "<a href=\"jav&#x09;ascript:alert('tab')\">tab</a>",
            "<a href=\"&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert('dec')\">dec</a>",
            "<a href=\"javascript&colon;alert('colon')\">colon</a>",
            "&lt;script&gt;alert('entities')&lt;/script&gt;",
            "&#60;img src=x onerror=alert('numeric')&#62;",
            "<iframe src=\"javascript:alert('iframe')\"></iframe>",
            "<iframe srcdoc=\"<script>alert('srcdoc')</script>\">",
            "<object data=\"javascript:alert('object')\">",
            "<embed src=\"data:text/html,<script>alert('embed')</script>\">",
            "<p style=\"background:url(javascript:alert('style'))\">styled</p>",
            "<div style=\"width: expression(alert('expression'))\">",
            "<style>@import 'https://evil.example/x.css';</style>",
            "\"><script>alert('attr break')</script>",
            "'><img src=x onerror=alert('single')>",
            "\" autofocus onfocus=\"alert('focus')",
            "</textarea><script>alert('textarea')</script>",
            "</title><script>alert('title')</script>",
            "<b onmouseover=alert('b')>bold",
            "<details open ontoggle=alert('toggle')>",
            "<body onload=alert('body')>",
            "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert('meta')\">",
            "<base href=\"javascript:alert('base')//\">",
            "<form action=\"javascript:alert('form')\"><button>go</button></form>",
            "<div hx-get=\"/signout\" hx-trigger=\"load\">htmx</div>",
            "<a href=\"https://evil.example\" data-hx-post=\"/jams\" hx-trigger=\"mouseover\">hx</a>");

    /** Scripts the layout loads; anything else with a script tag is an injection. */
    static final Pattern OWN_SCRIPT = Pattern.compile("/(webjars|js)/[\\w./-]+\\.js");
    static final List<String> FOREIGN_ELEMENTS = List.of("iframe", "frame", "frameset", "object", "embed", "applet",
            "svg", "math", "img", "image", "base", "style", "video", "audio", "source", "track", "portal", "template",
            "xmp", "plaintext", "noscript", "isindex", "marquee");
    static final List<String> URL_ATTRIBUTES = List.of("href", "src", "action", "formaction", "xlink:href", "poster",
            "background", "data", "codebase", "cite", "ping", "srcset", "lowsrc", "dynsrc");

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext context;

    Fixtures fixtures;
    Person admin;
    Person organiser;
    final List<Case> cases = new ArrayList<>();
    int htmlResponsesChecked;

    /** Everything made from one payload. */
    record Case(int index, String payload, Person author, String authorName, long jamId, long forumId, long ideaId,
                String ideaTitle) {
        @Override
        public String toString() {
            return "#" + index + " " + payload.replace("\n", "\\n");
        }
    }

    @BeforeAll
    void world() throws Exception {
        fixtures = Fixtures.of(context);
        admin = fixtures.person("Xss admin", Role.ADMINISTRATOR);
        organiser = fixtures.organiser();
        for (int i = 0; i < PAYLOADS.size(); i++) {
            cases.add(make(i, PAYLOADS.get(i)));
        }
    }

    /** Types the payload everywhere, through the same forms and API people use. */
    Case make(int index, String payload) throws Exception {
        String name = cut(payload, 80);
        Person author;
        try {
            author = fixtures.registered(name, EnumSet.of(Role.PARTICIPANT));
        } catch (Refusal refused) {
            name = "Author " + index;
            author = fixtures.registered(name, EnumSet.of(Role.PARTICIPANT));
        }

        // The Jam, through the organiser's form.
        var created = perform(post("/jams").with(fixtures.bearer(organiser)).param("title", cut(payload, 120))
                .param("question", cut(payload, 500)).param("purpose", payload).param("terms", payload)
                .param("startsAt", "2020-01-01T09:00").param("endsAt", "2099-12-31T18:00").param("timeZone", "UTC")
                .param("audience", "EMPLOYEE"));
        assertThat(created.getStatus()).as("Jam for %s", payload).isEqualTo(302);
        long jamId = Long.parseLong(created.getRedirectedUrl().replaceAll("^/jams/(\\d+)/edit.*$", "$1"));
        assertThat(perform(post("/api/v1/jams/" + jamId + "/publish").with(fixtures.bearer(organiser))).getStatus())
                .isEqualTo(200);
        var forum = fixtures.jams().addForum(organiser.asActor(), jamId, new ForumDraft(cut(payload, 120), cut(payload, 500)));
        fixtures.jams().assignStaff(organiser.asActor(), forum.id(), author.email(), ForumRole.HOST);
        fixtures.jams().join(author.asActor(), jamId, true);

        // The idea, through the page form; then edited through the API so the history holds the payload too.
        String title = cut(payload, 200);
        var idea = perform(post("/forums/" + forum.id() + "/threads").with(fixtures.bearer(author))
                .param("title", title).param("body", payload).param("tags", "xss"));
        assertThat(idea.getStatus()).as("idea for %s: %s", payload, idea.getContentAsString()).isEqualTo(302);
        long ideaId = Long.parseLong(idea.getRedirectedUrl().replaceAll("^/threads/(\\d+).*$", "$1"));
        var edit = perform(patch("/api/v1/posts/" + ideaId).with(fixtures.bearer(author))
                .contentType(MediaType.APPLICATION_JSON).content(json(Map.of("title", title, "body", payload + "\n\n" + payload))));
        assertThat(edit.getStatus()).as("edit for %s", payload).isEqualTo(200);

        // A reply that builds on it, by someone else, quoting the payload.
        var replier = fixtures.poolAuthor(jamId);
        var reply = fixtures.posting().reply(replier.asActor(), ideaId, new PostDraft(null, "> " + payload, ""));
        // Recognition: the replier finds the idea helpful, so its author is named on the Jam's givers page.
        fixtures.reacting().markHelpful(replier.asActor(), ideaId);

        // Facilitation: the replier flags the idea; the author, a host, announces, hides the reply with the payload as
        // the reason, and leaves a note for the next shift.
        assertThat(perform(post("/posts/" + ideaId + "/flag").with(fixtures.bearer(replier)).param("reason", "OTHER")
                .param("detail", cut(payload, 500))).getStatus()).as("flag for %s", payload).isEqualTo(302);
        assertThat(perform(post("/forums/" + forum.id() + "/announcements").with(fixtures.bearer(author))
                .param("body", cut(payload, 1000))).getStatus()).as("announcement for %s", payload).isEqualTo(302);
        assertThat(perform(post("/posts/" + reply.id() + "/hide").with(fixtures.bearer(author))
                .param("reason", cut(payload, 500))).getStatus()).as("hiding for %s", payload).isEqualTo(302);
        assertThat(perform(post("/forums/" + forum.id() + "/notes").with(fixtures.bearer(author))
                .param("body", payload)).getStatus()).as("note for %s", payload).isEqualTo(302);
        // The Jam's report, published through the organiser's form, citing the idea.
        var report = perform(post("/jams/" + jamId + "/report").with(fixtures.bearer(organiser)).param("rows", "1")
                .param("heard", payload).param("next", payload).param("rec-0-title", cut(payload, 200))
                .param("rec-0-rationale", payload).param("rec-0-posts", String.valueOf(ideaId))
                .param("publish", "true"));
        assertThat(report.getStatus()).as("report for %s: %s", payload, report.getContentAsString()).isEqualTo(302);
        // A proposal to join the idea with a second one, the payload as the note (the author hosts the forum).
        var second = fixtures.idea(forum, author, "Second idea " + index, "Twice.");
        assertThat(perform(post("/ideas/" + ideaId + "/join").with(fixtures.bearer(author)).param("kind", "LINK")
                .param("other", "" + second.id()).param("note", cut(payload, 2000))).getStatus())
                .as("join proposal for %s", payload).isEqualTo(302);
        return new Case(index, payload, author, name, jamId, forum.id(), ideaId, title);
    }

    private org.incrowd.jam.Jam challenge;

    /** A challenge whose prize the organiser tries to award with each payload (recognition). */
    org.incrowd.jam.Jam challenge() {
        if (challenge == null) {
            challenge = fixtures.jam("Xss challenge").campaign(org.incrowd.jam.JamKind.CHALLENGE, "A prize", null)
                    .endsIn(java.time.Duration.ofDays(3)).create();
        }
        return challenge;
    }

    static Stream<Integer> payloads() {
        return IntStream.range(0, PAYLOADS.size()).boxed();
    }

    @Test
    void thereAreEnoughClassicPayloads() {
        assertThat(PAYLOADS).hasSizeGreaterThanOrEqualTo(25).doesNotHaveDuplicates();
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("payloads")
    void pagesShowThePayloadAsTextAndNeverAsMarkup(int index) throws Exception {
        var c = cases.get(index);
        var thread = page("/threads/" + c.ideaId, c.author);
        assertThat(thread.text).as("the idea title reads as typed").contains(c.ideaTitle.strip());
        assertThat(thread.text).as("the author's name reads as typed").contains(c.authorName.strip());

        var forum = page("/forums/" + c.forumId, c.author);
        assertThat(forum.text).contains(c.ideaTitle.strip());

        var jam = page("/jams/" + c.jamId, c.author);
        assertThat(jam.text).as("the Jam title reads as typed").contains(cut(c.payload, 120).strip());

        page("/jams/" + c.jamId + "/join", fixtures.person("Xss reader " + index, Role.PARTICIPANT));
        page("/posts/" + c.ideaId + "/history", c.author);
        page("/forums/" + c.forumId + "/console", c.author);
        page("/posts/" + c.ideaId + "/flag", c.author);
        page("/posts/" + c.ideaId + "/moderate", c.author);
        page("/jams/" + c.jamId + "/console", organiser);
        page("/posts/" + c.ideaId + "/edit", c.author);
        page("/profile", c.author);
        page("/jams/" + c.jamId + "/edit", organiser);
        page("/jams/" + c.jamId + "/report", c.author);
        page("/jams/" + c.jamId + "/report/edit", organiser);
        assertThat(page("/jams/" + c.jamId + "/givers", c.author).text).as("the giver's name reads as typed")
                .contains(c.authorName.strip());
        page("/jams/" + c.jamId + "/givers/rules", c.author);
        page("/profile/recognition", c.author);
        page("/", c.author);
        page("/joins/" + context.getBean(org.incrowd.review.IdeaJoins.class).standingOf(List.of(c.ideaId)).getFirst()
                .id(), c.author);
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("payloads")
    void refusedFormsShowThePayloadBackAsText(int index) throws Exception {
        var c = cases.get(index);

        var tags = perform(post("/forums/" + c.forumId + "/threads").with(fixtures.bearer(c.author))
                .with(Fixtures.browser()).param("title", c.ideaTitle).param("body", c.payload).param("tags", c.payload));
        assertThat(tags.getStatus()).as("a payload is not a tag").isEqualTo(422);
        assertSafe(tags, "refused tags");

        var jamForm = perform(post("/jams").with(fixtures.bearer(organiser)).with(Fixtures.browser())
                .param("title", cut(c.payload, 120)).param("purpose", c.payload).param("startsAt", "2020-01-01T09:00")
                .param("endsAt", "2099-01-01T09:00").param("timeZone", "UTC").param("audience", "EMPLOYEE")
                .param("invitations", c.payload).param("invitationOnly", "true"));
        assertThat(jamForm.getStatus()).as("a payload is not a list of e-mail addresses").isEqualTo(422);
        assertSafe(jamForm, "refused Jam form");

        var signUp = perform(post("/signup").with(csrf()).with(Fixtures.browser()).param("email", c.payload)
                .param("password", "short").param("displayName", c.payload).param("orgUnit", cut(c.payload, 80))
                .param("participantType", c.payload));
        assertThat(signUp.getStatus()).isEqualTo(422);
        assertSafe(signUp, "refused sign-up");

        var edit = perform(post("/posts/" + c.ideaId + "/edit").with(fixtures.bearer(c.author)).with(Fixtures.browser())
                .param("title", c.payload + "x".repeat(201)).param("body", c.payload).param("tags", c.payload));
        assertThat(edit.getStatus()).isEqualTo(422);
        assertSafe(edit, "refused edit");

        var join = perform(post("/ideas/" + c.ideaId + "/join").with(fixtures.bearer(c.author)).with(Fixtures.browser())
                .param("kind", "LINK").param("other", c.payload).param("note", c.payload));
        assertThat(join.getStatus()).as("a payload is not an idea").isEqualTo(422);
        assertSafe(join, "refused join proposal");

        var prize = perform(post("/jams/" + challenge().id() + "/givers/prizes").with(fixtures.bearer(organiser))
                .with(Fixtures.browser()).param("idea", cut(c.payload, 20)).param("email", cut(c.payload, 254))
                .param("reason", c.payload));
        assertThat(prize.getStatus()).as("a payload names no idea of the challenge").isEqualTo(422);
        assertSafe(prize, "refused prize");
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("payloads")
    void theApiReturnsThePayloadVerbatimAsJsonWithOnlySanitisedHtml(int index) throws Exception {
        var c = cases.get(index);

        var post = api("/api/v1/posts/" + c.ideaId, c.author);
        assertThat((String) JsonPath.read(post, "$.title")).isEqualTo(c.ideaTitle.strip());
        assertThat((String) JsonPath.read(post, "$.body")).isEqualTo((c.payload + "\n\n" + c.payload).strip());
        assertThat((String) JsonPath.read(post, "$.authorName")).isEqualTo(c.authorName.strip());
        assertFragmentSafe(JsonPath.read(post, "$.bodyHtml"), "bodyHtml of the idea");

        var thread = api("/api/v1/threads/" + c.ideaId, c.author);
        List<String> replies = JsonPath.read(thread, "$.replies[*].bodyHtml");
        assertThat(replies).hasSize(1);
        assertFragmentSafe(replies.getFirst(), "bodyHtml of the reply");
        assertThat((String) JsonPath.read(thread, "$.replies[0].parentAuthorName")).isEqualTo(c.authorName.strip());

        assertThat((String) JsonPath.read(api("/api/v1/jams/" + c.jamId, c.author), "$.title"))
                .isEqualTo(cut(c.payload, 120).strip());
        assertThat((String) JsonPath.read(api("/api/v1/forums/" + c.forumId, c.author), "$.staff[0].displayName"))
                .isEqualTo(c.authorName.strip());
        assertThat((String) JsonPath.read(api("/api/v1/me", c.author), "$.displayName")).isEqualTo(c.authorName.strip());
        List<String> activity = JsonPath.read(api("/api/v1/jams/" + c.jamId + "/activity", c.author), "$[*].bodyHtml");
        activity.forEach(html -> assertFragmentSafe(html, "bodyHtml in the activity"));
    }

    /** Help streams: the question, the answer, the answerer's role and the organisation's name read as typed. */
    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("payloads")
    void helpStreamPagesShowThePayloadAsText(int index) throws Exception {
        var c = cases.get(index);
        var stream = fixtures.jam(cut(c.payload, 120)).campaign(org.incrowd.jam.JamKind.HELP_STREAM, null, null)
                .create();
        var topic = fixtures.forum(stream, cut(c.payload, 120));
        context.getBean(org.incrowd.help.HelpStreams.class).nameOrganisation(organiser.asActor(), stream.id(),
                cut(c.payload, 120));
        fixtures.join(stream, c.author);
        var question = fixtures.posting().startThread(c.author.asActor(), topic.id(),
                new PostDraft(c.ideaTitle, c.payload, ""));
        var identity = fixtures.identity();
        var answerer = identity.registerWithHash(new org.incrowd.identity.Registration(fixtures.email("xss-answerer"),
                Fixtures.PASSWORD, "Answerer " + index, null, null, cut(c.payload, 80),
                org.incrowd.identity.ParticipantType.EMPLOYEE, null), identity.hashPassword(Fixtures.PASSWORD),
                EnumSet.of(Role.PARTICIPANT));
        fixtures.join(stream, answerer);
        context.getBean(org.incrowd.help.Answering.class).answer(answerer.asActor(), question.id(),
                new PostDraft(null, c.payload, ""));

        assertThat(page("/help/" + stream.id(), c.author).text).contains(c.ideaTitle.strip());
        var questionPage = page("/help/questions/" + question.id(), c.author);
        assertThat(questionPage.text).as("the answerer's role reads as typed")
                .contains(cut(c.payload, 80).strip().lines().findFirst().orElseThrow());
        page("/help/" + stream.id() + "/ask", c.author);
        var refused = perform(post("/help/" + stream.id() + "/ask").with(fixtures.bearer(c.author))
                .with(Fixtures.browser()).param("topic", c.payload).param("title", c.payload).param("body", ""));
        assertThat(refused.getStatus()).isEqualTo(422);
        assertSafe(refused, "refused question");
    }

    @Test
    void listsShowingEveryoneAndEveryJamAreSafe() throws Exception {
        page("/jams", organiser);
        page("/", organiser);
        for (int p = 0; ; p++) {
            var people = page("/admin/people?page=" + p, admin);
            if (!people.html.contains("rel=\"next\"") || p > 50) {
                break;
            }
        }
    }

    @Test
    void everyHtmlAnswerCarriesTheSecurityHeadersErrorPagesIncluded() throws Exception {
        var c = cases.getFirst();
        for (var request : List.<MockHttpServletRequestBuilder>of(get("/"), get("/signin"), get("/signup"),
                get("/threads/999999").with(fixtures.bearer(c.author)),
                get("/admin/people").with(fixtures.bearer(c.author)),
                get("/threads/abc").with(fixtures.bearer(c.author)))) {
            var response = perform(request.with(Fixtures.browser()));
            assertThat(response.getContentType()).startsWith("text/html");
            assertHeaders(response, "error and public pages");
        }
        assertThat(htmlResponsesChecked).as("HTML answers checked so far").isGreaterThan(0);
    }

    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {
            "<script>alert(1)</script>",
            "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
            "<img src=x onerror=alert(1)>",
            "<svg/onload=alert(1)>",
            "<p><a href=\"jav&#x09;ascript:alert(1)\">x</a></p>",
            "<a href=\"&#106;avascript:alert(1)\">x</a>",
            "<a href=\" javascript:alert(1)\">x</a>",
            "<a href=\"data:text/html,x\">x</a>",
            "<input value=\"\" onfocus=\"alert(1)\">",
            "<div style=\"color:red\">x</div>",
            "<iframe srcdoc=\"x\"></iframe>",
            "<form action=\"javascript:alert(1)\"></form>",
            "<div hx-get=\"/signout\" hx-trigger=\"load\">x</div>",
            "<form hx-post=\"/jams\"></form>",
            "<meta http-equiv=\"refresh\" content=\"0;url=/\">",
            "<script src=\"https://evil.example/x.js\"></script>",
    })
    void theChecksCatchWhatTheyLookFor(String bad) {
        String page = "<!DOCTYPE html><html><head><script src=\"/js/incrowd.js\"></script></head><body><main>" + bad
                + "</main></body></html>";
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> assertDocumentSafe(page, "a planted page"))
                .isInstanceOf(AssertionError.class);
        assertDocumentSafe("<!DOCTYPE html><html><head><script src=\"/js/incrowd.js\"></script></head><body><main>"
                + "&lt;script&gt;alert(1)&lt;/script&gt; <a href=\"/threads/1\">ok</a></main></body></html>", "a fine page");
    }

    @Test
    void jsonAnswersAreNeverSniffedAsHtml() throws Exception {
        var response = perform(get("/api/v1/posts/" + cases.getFirst().ideaId).with(fixtures.bearer(admin)));

        assertThat(response.getContentType()).startsWith("application/json");
        assertThat(response.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
    }

    // ---- fetching ------------------------------------------------------------------------------------------------

    record Page(String html, String text) {
    }

    Page page(String path, Person viewer) throws Exception {
        var response = perform(get(path).with(fixtures.bearer(viewer)).with(Fixtures.browser()));
        assertThat(response.getStatus()).as("GET %s", path).isEqualTo(200);
        var tokens = assertSafe(response, path);
        return new Page(response.getContentAsString(), tokens.text.toString());
    }

    String api(String path, Person viewer) throws Exception {
        var response = perform(get(path).with(fixtures.bearer(viewer)));
        assertThat(response.getStatus()).as("GET %s", path).isEqualTo(200);
        assertThat(response.getContentType()).startsWith("application/json");
        assertThat(response.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        return response.getContentAsString();
    }

    MockHttpServletResponse perform(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(Fixtures.servletPath())).andReturn().getResponse();
    }

    // ---- the checks ----------------------------------------------------------------------------------------------

    Tokens assertSafe(MockHttpServletResponse response, String where) throws Exception {
        assertThat(response.getContentType()).as(where).startsWith("text/html");
        assertHeaders(response, where);
        return assertDocumentSafe(response.getContentAsString(), where);
    }

    void assertHeaders(MockHttpServletResponse response, String where) {
        String csp = response.getHeader("Content-Security-Policy");
        assertThat(csp).as("Content-Security-Policy of %s", where).isNotBlank();
        var directives = new LinkedHashMap<String, String>();
        for (String directive : csp.split(";")) {
            String[] parts = directive.strip().split("\\s+", 2);
            directives.put(parts[0].toLowerCase(Locale.ROOT), parts.length > 1 ? parts[1] : "");
        }
        String scriptSrc = directives.getOrDefault("script-src", directives.get("default-src"));
        assertThat(scriptSrc).as("script-src of %s", where).isNotNull().doesNotContain("'unsafe-inline'")
                .doesNotContain("'unsafe-eval'").doesNotContain("*").doesNotContain("data:");
        assertThat(directives.get("object-src")).as("object-src of %s", where).isEqualTo("'none'");
        assertThat(response.getHeader("X-Content-Type-Options")).as(where).isEqualTo("nosniff");
        assertThat(response.getHeader("X-Frame-Options")).as(where).isEqualTo("DENY");
        htmlResponsesChecked++;
    }

    /** A whole page: only the layout's own scripts. */
    static Tokens assertDocumentSafe(String html, String where) {
        var tokens = Tokens.of(html);
        for (var tag : tokens.tags) {
            if (tag.name.equals("script")) {
                assertThat(tag.attribute("src")).as("script on %s: %s", where, tag).isNotNull().matches(OWN_SCRIPT);
            }
            if (tag.name.equals("link")) {
                // The layout's stylesheet and favicon only, at their content-hashed addresses.
                assertThat(tag.attribute("href")).as("link on %s: %s", where, tag)
                        .matches("/(css/[\\w.-]+\\.css|favicon-[0-9a-f]{32}\\.svg)");
            }
            if (tag.name.equals("meta")) {
                assertThat(tag.attribute("http-equiv")).as("meta on %s: %s", where, tag).isNull();
            }
            if (tag.name.equals("form")) {
                assertThat(tag.attribute("action")).as("form on %s: %s", where, tag).startsWith("/");
            }
            assertTagSafe(tag, where);
        }
        assertThat(tokens.scriptText.toString().strip()).as("inline script on %s", where).isEmpty();
        assertRawSafe(html, tokens, where);
        return tokens;
    }

    /** Sanitised post HTML: no script at all. */
    static void assertFragmentSafe(String html, String where) {
        var tokens = Tokens.of(html);
        for (var tag : tokens.tags) {
            assertThat(tag.name).as("element in %s", where).isNotIn("script", "link", "meta", "form", "input",
                    "button", "textarea", "select");
            assertTagSafe(tag, where);
        }
        assertRawSafe(html, tokens, where);
    }

    static void assertTagSafe(Tag tag, String where) {
        assertThat(tag.name).as("element on %s", where).isNotIn(FOREIGN_ELEMENTS);
        for (var attribute : tag.attributes.entrySet()) {
            String name = attribute.getKey();
            String value = attribute.getValue();
            assertThat(name).as("attribute on %s: %s", where, tag).doesNotStartWith("on").isNotEqualTo("style")
                    .isNotEqualTo("srcdoc");
            if (URL_ATTRIBUTES.contains(name)) {
                String url = value.replaceAll("[\\u0000-\\u0020\\u007f-\\u009f]", "").toLowerCase(Locale.ROOT);
                assertThat(url).as("%s on %s: %s", name, where, tag).doesNotStartWith("javascript:")
                        .doesNotStartWith("vbscript:").doesNotStartWith("data:").doesNotStartWith("livescript:");
            }
            if (name.startsWith("hx-") || name.startsWith("data-hx-")) {
                // Only the htmx the templates write: the reaction forms, an announcement's "dismiss", the
                // similar-ideas region of the new-idea form, the follow buttons and the bell.
                String htmx = name + "=" + value;
                boolean reaction = tag.name.equals("form") && htmx.matches(
                        "hx-post=/posts/\\d+/(reaction|helpful)|hx-target=#reactions-\\d+|hx-swap=outerHTML");
                boolean dismiss = tag.name.equals("form") && htmx.matches(
                        "hx-post=/announcements/\\d+/dismiss|hx-target=closest \\.announcement|hx-swap=outerHTML");
                boolean similarIdeas = tag.name.equals("div") && htmx.matches("hx-get=/search/similar\\?forum=\\d+"
                        + "|hx-trigger=keyup changed delay:500ms from:#title, keyup changed delay:500ms from:#idea-body"
                        + "|hx-include=#title, #idea-body");
                // The follow and mute buttons of a thread or forum, and the place on its page that loads them.
                boolean follow = (tag.name.equals("form") || tag.name.equals("div")) && htmx.matches(
                        "hx-(get|post)=/(threads|forums)/\\d+/follow|hx-target=#follow-(thread|forum)-\\d+"
                                + "|hx-trigger=load|hx-swap=outerHTML");
                // The notification bell in the header, which the notify module's fragment replaces on load.
                boolean bell = tag.name.equals("li") && htmx.matches(
                        "hx-get=/notifications/bell|hx-trigger=load|hx-swap=outerHTML");
                assertThat(reaction || dismiss || similarIdeas || follow || bell).as("htmx attribute on %s: %s %s", where, tag, htmx).isTrue();
            }
        }
    }

    /** Raw-text backup: user text always has '<' escaped, so no dangerous tag may start anywhere. */
    static void assertRawSafe(String html, Tokens tokens, String where) {
        var scripts = Pattern.compile("(?i)<script\\b").matcher(html).results().count();
        assertThat(scripts).as("'<script' on %s", where)
                .isEqualTo(tokens.tags.stream().filter(t -> t.name.equals("script")).count());
        assertThat(html).as("raw markup on %s", where)
                .doesNotContainPattern("(?i)<(iframe|svg|img|object|embed|math|style|base|frame|applet)\\b");
        assertThat(Pattern.compile("(?i)<body\\b").matcher(html).results().count()).as("'<body' on %s", where)
                .isLessThanOrEqualTo(1);
    }

    // ---- tokenising ----------------------------------------------------------------------------------------------

    record Tag(String name, Map<String, String> attributes) {
        String attribute(String attribute) {
            return attributes.get(attribute);
        }
    }

    /** Start tags with their (entity-decoded) attributes, the text, and what stood inside script elements. */
    static final class Tokens {
        final List<Tag> tags = new ArrayList<>();
        final StringBuilder text = new StringBuilder();
        final StringBuilder scriptText = new StringBuilder();

        static Tokens of(String html) {
            var tokens = new Tokens();
            var open = new ArrayList<String>();
            HtmlSanitizer.sanitize(html, new HtmlSanitizer.Policy() {
                @Override
                public void openDocument() {
                }

                @Override
                public void closeDocument() {
                }

                @Override
                public void openTag(String name, List<String> attributes) {
                    var map = new LinkedHashMap<String, String>();
                    for (int i = 0; i + 1 < attributes.size(); i += 2) {
                        map.put(attributes.get(i).toLowerCase(Locale.ROOT), attributes.get(i + 1));
                    }
                    tokens.tags.add(new Tag(name.toLowerCase(Locale.ROOT), map));
                    open.add(name.toLowerCase(Locale.ROOT));
                }

                @Override
                public void closeTag(String name) {
                    int at = open.lastIndexOf(name.toLowerCase(Locale.ROOT));
                    if (at >= 0) {
                        open.subList(at, open.size()).clear();
                    }
                }

                @Override
                public void text(String chunk) {
                    if (!open.isEmpty() && open.getLast().equals("script")) {
                        tokens.scriptText.append(chunk);
                    } else {
                        tokens.text.append(chunk);
                    }
                }
            });
            return tokens;
        }
    }

    // ---- small things --------------------------------------------------------------------------------------------

    static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }

    static String json(Map<String, String> fields) {
        var out = new StringBuilder("{");
        fields.forEach((key, value) -> {
            if (out.length() > 1) {
                out.append(',');
            }
            out.append(quote(key)).append(':').append(quote(value));
        });
        return out.append('}').toString();
    }

    static String quote(String text) {
        var out = new StringBuilder("\"");
        for (char ch : text.toCharArray()) {
            switch (ch) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                default -> out.append(ch < 0x20 ? String.format("\\u%04x", (int) ch) : String.valueOf(ch));
            }
        }
        return out.append('"').toString();
    }
}
