package org.incrowd.kiosk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import jakarta.servlet.http.Cookie;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import org.incrowd.discussion.Post;
import org.incrowd.identity.IdentityService;
import org.incrowd.jam.Forum;
import org.incrowd.jam.Jam;
import org.incrowd.support.Fixtures;
import org.incrowd.support.IncrowdTest;
import org.incrowd.support.MockMvcSessions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.HtmlUtils;

/**
 * A kiosk as its organiser and the people at it see it: codes kept as hashes that work only on kiosks of their Jam,
 * sessions that reach nothing but the kiosk and end after each act or a minute idle, and acts sent twice done once.
 */
@IncrowdTest
class KioskIntegrationTests {

    private static final Pattern CODE = Pattern.compile("<code>([A-Z0-9]{6})</code>");
    private static final Pattern LINK = Pattern.compile("/kiosk/enrol/([A-Za-z0-9_-]{20,})");

    @Autowired
    ApplicationContext context;
    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    Fixtures fixtures;
    Jam jam;
    Forum forum;
    MockHttpSession organiser;

    @BeforeEach
    void setUp() throws Exception {
        fixtures = Fixtures.of(context);
        jam = fixtures.liveJam("Depot ideas");
        forum = fixtures.forum(jam, "What would make night shifts safer?");
        organiser = fixtures.signIn(fixtures.organiser());
    }

    @Test
    void theOrganiserCreatesAKioskWhoseOneTimeLinkBindsTheDeviceWithAStrictCookie() throws Exception {
        var page = mvc.perform(post("/jams/" + jam.id() + "/kiosks").session(organiser).with(csrf())
                .param("name", "Depot 4 break room")).andReturn().getResponse();
        assertThat(page.getStatus()).isEqualTo(200);
        assertThat(page.getContentAsString()).contains("Depot 4 break room").contains("Open this link on the device");
        var matcher = LINK.matcher(page.getContentAsString());
        assertThat(matcher.find()).isTrue();
        String token = matcher.group(1);

        var enrolled = mvc.perform(post("/kiosk/enrol/" + token).with(csrf())).andReturn().getResponse();

        assertThat(enrolled.getRedirectedUrl()).isEqualTo("/kiosk/screen");
        String cookie = enrolled.getHeader("Set-Cookie");
        assertThat(cookie).startsWith("incrowd-kiosk=").contains("HttpOnly").contains("SameSite=Strict")
                .contains("Path=/kiosk");
        String secret = cookie.substring("incrowd-kiosk=".length(), cookie.indexOf(';'));
        assertThat(jdbc.sql("select secret_hash from kiosk_device where name = 'Depot 4 break room'")
                .query(String.class).list()).doesNotContain(secret).doesNotContainNull();
        var screen = mvc.perform(get("/kiosk/screen").cookie(new Cookie("incrowd-kiosk", secret)))
                .andReturn().getResponse();
        assertThat(screen.getStatus()).isEqualTo(200);
        assertThat(screen.getContentAsString()).contains("What would make night shifts safer?")
                .contains("Your personal code or badge number");
        // The link works once.
        assertThat(mvc.perform(post("/kiosk/enrol/" + token).with(csrf())).andReturn().getResponse().getStatus())
                .isEqualTo(410);
    }

    @Test
    void codesAreKeptAsHashesAndWorkOnlyOnKiosksOfTheirOwnJam() throws Exception {
        String maria = issue(jam, "Maria, night shift").getFirst();
        var otherJam = fixtures.liveJam("Office ideas");
        fixtures.forum(otherJam, "Coffee?");
        Cookie here = kiosk(jam);
        Cookie elsewhere = kiosk(otherJam);

        assertThat(jdbc.sql("select code_hash from kiosk_code where jam_id = ?").param(jam.id()).query(String.class)
                .list()).hasSize(1).noneMatch(hash -> hash.contains(maria));

        var refused = signIn(elsewhere, maria);
        assertThat(refused.response().getStatus()).isEqualTo(422);
        assertThat(text(refused.response())).contains("This code belongs to another Jam")
                .contains("value=\"" + maria + "\"");

        var signedIn = signIn(here, maria.toLowerCase().substring(0, 3) + "-" + maria.substring(3));
        assertThat(signedIn.response().getStatus()).isEqualTo(200);
        assertThat(text(signedIn.response())).contains("Hello, Maria, night shift");
    }

    @Test
    void anUnknownExpiredOrRevokedCodeIsRefusedWithItsReasonAndTheTypedCodeKept() throws Exception {
        var codes = issue(jam, "Ali, cleaning\nBeth, driver");
        Cookie kiosk = kiosk(jam);
        jdbc.sql("update kiosk_code set expires_at = ? where jam_id = ? and person_id = (select id from person"
                + " where display_name = 'Ali, cleaning' order by id desc fetch first 1 rows only)")
                .params(java.sql.Timestamp.from(Instant.now().minusSeconds(60)), jam.id()).update();
        jdbc.sql("update kiosk_code set revoked_at = ? where jam_id = ? and person_id = (select id from person"
                + " where display_name = 'Beth, driver' order by id desc fetch first 1 rows only)")
                .params(java.sql.Timestamp.from(Instant.now()), jam.id()).update();

        assertThat(text(signIn(kiosk, codes.get(0)).response())).contains("This code has expired")
                .contains("value=\"" + codes.get(0) + "\"");
        assertThat(text(signIn(kiosk, codes.get(1)).response())).contains("This code was revoked");
        var unknown = signIn(kiosk, "QQQQQQ").response();
        assertThat(unknown.getStatus()).isEqualTo(422);
        assertThat(text(unknown)).contains("This code is not known here").contains("value=\"QQQQQQ\"");
    }

    @Test
    void aKioskTakesNoCodeAfterTwentyWrongGuessesNotEvenARightOne() throws Exception {
        String maria = issue(jam, "Maria, night shift").getFirst();
        Cookie kiosk = kiosk(jam);
        for (int guess = 0; guess < 20; guess++) {
            assertThat(signIn(kiosk, "GUESS" + guess).response().getStatus()).isEqualTo(422);
        }

        var blocked = signIn(kiosk, maria).response();

        assertThat(blocked.getStatus()).isEqualTo(429);
        assertThat(text(blocked)).contains("Too many wrong codes on this kiosk. Try again in 10 minutes.");
        assertThat(signIn(kiosk(jam), maria).response().getStatus()).as("another kiosk").isEqualTo(200);
    }

    @Test
    void aKioskSessionReachesNoOtherPageAndNoApi() throws Exception {
        var session = signIn(kiosk(jam), issue(jam, "Maria, night shift").getFirst()).session();

        assertThat(mvc.perform(get("/kiosk/alive").session(session)).andReturn().getResponse().getStatus())
                .isEqualTo(204);
        for (String page : List.of("/jams", "/jams/" + jam.id(), "/profile", "/forums/" + forum.id(), "/")) {
            var response = mvc.perform(get(page).session(session).with(Fixtures.browser())).andReturn()
                    .getResponse();
            assertThat(response.getStatus()).as(page).isEqualTo(303);
            assertThat(response.getRedirectedUrl()).as(page).isEqualTo("/kiosk");
        }
        var me = mvc.perform(get("/api/v1/me").session(session)).andReturn().getResponse();
        assertThat(me.getStatus()).isEqualTo(403);
        assertThat(me.getContentType()).startsWith("application/problem+json");
        var write = mvc.perform(post("/api/v1/forums/" + forum.id() + "/threads").session(session).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content("{\"title\": \"Sneaky\", \"body\": \"Not here.\"}"))
                .andReturn().getResponse();
        assertThat(write.getStatus()).isEqualTo(403);
        assertThat(fixtures.reading().countInJam(jam.id())).isZero();
    }

    @Test
    void anIdeaPostedOnAKioskIsThePersonsAndSignsThemOutWithThanks() throws Exception {
        Cookie kiosk = kiosk(jam);
        var session = signIn(kiosk, issue(jam, "Maria, night shift").getFirst()).session();

        var thanks = mvc.perform(post("/kiosk/ideas").session(session).cookie(kiosk).with(csrf())
                .param("forum", String.valueOf(forum.id())).param("clientId", "screen-1-i")
                .param("title", "Lights in the yard").param("body", "The yard is dark at 3 am."))
                .andReturn().getResponse();

        assertThat(thanks.getStatus()).isEqualTo(200);
        assertThat(text(thanks)).contains("Thank you, Maria, night shift — signed out")
                .contains("Your personal code or badge number");
        Post idea = fixtures.reading().latestInJam(fixtures.actor(fixtures.organiser()), jam.id(), 1).getFirst();
        assertThat(idea.title()).isEqualTo("Lights in the yard");
        assertThat(idea.authorName()).isEqualTo("Maria, night shift");
        assertThat(IdentityService.isKioskOnly(context.getBean(IdentityService.class).require(idea.authorId())))
                .isTrue();
        assertThat(mvc.perform(get("/kiosk/alive").session(session)).andReturn().getResponse().getStatus())
                .isEqualTo(403);

        // The same form sent again (a reload) is thanked for, not posted twice.
        var again = mvc.perform(post("/kiosk/ideas").cookie(kiosk).with(csrf())
                .param("forum", String.valueOf(forum.id())).param("clientId", "screen-1-i")
                .param("title", "Lights in the yard").param("body", "The yard is dark at 3 am."))
                .andReturn().getResponse();
        assertThat(text(again)).contains("Received — thank you");
        assertThat(fixtures.reading().countInJam(jam.id())).isEqualTo(1);
    }

    @Test
    void aSessionIdleForLongerThanAMinuteIsSignedOutAndTheIdeaIsKeptAsTyped() throws Exception {
        Cookie kiosk = kiosk(jam);
        var session = signIn(kiosk, issue(jam, "Maria, night shift").getFirst()).session();
        MockMvcSessions.setAttribute(context, session, "org.incrowd.identity.internal.KioskPrincipal.lastSeen",
                System.currentTimeMillis() - 61_000);

        var refused = mvc.perform(post("/kiosk/ideas").session(session).cookie(kiosk).with(csrf())
                .param("forum", String.valueOf(forum.id())).param("clientId", "screen-2-i")
                .param("title", "Heated cabins").param("body", "Forklift cabins are cold.")).andReturn()
                .getResponse();

        assertThat(refused.getStatus()).isEqualTo(401);
        assertThat(text(refused)).contains("You were signed out after a minute without activity")
                .contains("value=\"Heated cabins\"").contains("Forklift cabins are cold.");
        assertThat(fixtures.reading().countInJam(jam.id())).isZero();
    }

    @Test
    void anOfflineActSentTwiceIsDoneOnceAndABadCodeIsReportedWithItsReason() throws Exception {
        Cookie kiosk = kiosk(jam);
        String code = issue(jam, "Maria, night shift").getFirst();
        String act = """
                {"clientId": "8c1d2f5e-offline-1", "code": "%s", "forumId": %d,
                 "title": "Lockers near the gate", "body": "Written while the network was down."}"""
                .formatted(code, forum.id());

        var first = offline(kiosk, act);
        var second = offline(kiosk, act);

        assertThat(first.getStatus()).isEqualTo(200);
        assertThat(first.getContentAsString()).contains("\"status\":\"done\"").contains("\"repeated\":false");
        assertThat(second.getContentAsString()).contains("\"status\":\"done\"").contains("\"repeated\":true");
        assertThat(fixtures.reading().countInJam(jam.id())).isEqualTo(1);

        var unknown = offline(kiosk, act.replace("8c1d2f5e-offline-1", "8c1d2f5e-offline-2")
                .replace(code, "QQQQQQ"));
        assertThat(unknown.getStatus()).isEqualTo(422);
        assertThat(unknown.getContentType()).startsWith("application/problem+json");
        assertThat(unknown.getContentAsString()).contains("This code is not known here");
        assertThat(fixtures.reading().countInJam(jam.id())).isEqualTo(1);
        // Without the kiosk's cookie nothing is taken at all.
        var noKiosk = mvc.perform(post("/kiosk/acts").contentType(MediaType.APPLICATION_JSON)
                .content(act.replace("offline-1", "offline-3"))).andReturn().getResponse();
        assertThat(noKiosk.getStatus()).isEqualTo(403);
    }

    @Test
    void aReactionOnAKioskCountsForThePersonAndARevokedKioskStopsAtOnce() throws Exception {
        var idea = fixtures.idea(forum, "Night bus");
        Cookie kiosk = kiosk(jam);
        String code = issue(jam, "Maria, night shift").getFirst();
        var session = signIn(kiosk, code).session();

        var thanks = mvc.perform(post("/kiosk/reactions").session(session).cookie(kiosk).with(csrf())
                .param("forum", String.valueOf(forum.id())).param("post", String.valueOf(idea.id()))
                .param("kind", "AGREE").param("clientId", "screen-3-r")).andReturn().getResponse();

        assertThat(text(thanks)).contains("Thank you, Maria, night shift");
        assertThat(fixtures.reading().countsOf(idea.id()).agree()).isEqualTo(1);

        long deviceId = jdbc.sql("select max(id) from kiosk_device where jam_id = ?").param(jam.id())
                .query(Long.class).single();
        mvc.perform(post("/jams/" + jam.id() + "/kiosks/" + deviceId + "/revoke").session(organiser).with(csrf()));
        assertThat(mvc.perform(get("/kiosk/screen").cookie(kiosk)).andReturn().getResponse().getContentAsString())
                .contains("This device is not (or no longer) a kiosk");
        assertThat(signIn(kiosk, code).response().getStatus()).isEqualTo(403);
    }

    @Test
    void anAddressWithoutAnAccountRefusesTheWholeListNamingTheLineAndKeepsIt() throws Exception {
        String typed = "Maria, night shift\nnobody-here@example.org";

        var refused = mvc.perform(post("/jams/" + jam.id() + "/kiosks/codes").session(organiser).with(csrf())
                .param("lines", typed).param("days", "30")).andReturn().getResponse();

        assertThat(refused.getStatus()).isEqualTo(422);
        assertThat(text(refused)).contains("Line 2: nobody has an account with nobody-here@example.org")
                .contains(typed);
        assertThat(jdbc.sql("select count(*) from kiosk_code where jam_id = ?").param(jam.id()).query(Long.class)
                .single()).isZero();
    }

    @Test
    void aBadgeNumberSignsInLikeACodeAndAMemberWithAnAccountGetsACodeToo() throws Exception {
        var dana = fixtures.person("Dana Driver");
        var printed = mvc.perform(post("/jams/" + jam.id() + "/kiosks/codes").session(organiser).with(csrf())
                .param("lines", "Maria, night shift; 40417\n" + dana.email()).param("days", "7"))
                .andReturn().getResponse();
        assertThat(text(printed)).contains("40417").contains("Dana Driver").contains("kiosk only");
        var danasCode = CODE.matcher(printed.getContentAsString());
        assertThat(danasCode.find()).isTrue();
        Cookie kiosk = kiosk(jam);

        assertThat(text(signIn(kiosk, "40417").response())).contains("Hello, Maria, night shift");
        assertThat(text(signIn(kiosk, danasCode.group(1)).response())).contains("Hello, Dana Driver");
    }

    @Test
    void whatOrganisersAndPeopleTypeIsShownAsTextOnTheSlipsAndTheKiosk() throws Exception {
        String name = "Eve <img src=x onerror=alert(1)>";
        var printed = mvc.perform(post("/jams/" + jam.id() + "/kiosks/codes").session(organiser).with(csrf())
                .param("lines", name).param("days", "30")).andReturn().getResponse();
        assertThat(printed.getContentAsString()).doesNotContain("<img src=x").contains("&lt;img src=x");
        var code = CODE.matcher(printed.getContentAsString());
        assertThat(code.find()).isTrue();

        var hello = signIn(kiosk(jam), code.group(1)).response();

        assertThat(hello.getContentAsString()).doesNotContain("<img src=x").contains("Hello, Eve &lt;img src=x");
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    record SignedIn(MockHttpServletResponse response, MockHttpSession session) {
    }

    /** Issues codes through the organisers' page and reads them off the printable list. */
    List<String> issue(Jam where, String lines) throws Exception {
        var session = where.id() == jam.id() ? organiser : fixtures.signIn(fixtures.organiser());
        var page = mvc.perform(post("/jams/" + where.id() + "/kiosks/codes").session(session).with(csrf())
                .param("lines", lines).param("days", "30")).andReturn().getResponse();
        assertThat(page.getStatus()).as(page.getContentAsString()).isEqualTo(200);
        return CODE.matcher(page.getContentAsString()).results().map(m -> m.group(1)).toList();
    }

    Cookie kiosk(Jam where) {
        var kiosks = context.getBean(Kiosks.class);
        var enrolment = kiosks.create(fixtures.actor(fixtures.organiser()), where.id(), "Kiosk of " + where.title());
        return new Cookie("incrowd-kiosk", kiosks.enrol(enrolment.token()).orElseThrow());
    }

    SignedIn signIn(Cookie kiosk, String code) throws Exception {
        var result = mvc.perform(post("/kiosk/signin").cookie(kiosk).with(csrf()).param("code", code)
                .param("forum", String.valueOf(forum.id()))).andReturn();
        return new SignedIn(result.getResponse(), (MockHttpSession) result.getRequest().getSession());
    }

    MockHttpServletResponse offline(Cookie kiosk, String json) throws Exception {
        return mvc.perform(post("/kiosk/acts").cookie(kiosk).contentType(MediaType.APPLICATION_JSON).content(json))
                .andReturn().getResponse();
    }

    static String text(MockHttpServletResponse response) throws Exception {
        return HtmlUtils.htmlUnescape(response.getContentAsString());
    }
}
