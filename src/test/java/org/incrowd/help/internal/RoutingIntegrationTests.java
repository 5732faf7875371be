package org.incrowd.help.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import javax.xml.parsers.DocumentBuilderFactory;
import org.incrowd.discussion.Post;
import org.incrowd.help.HelpQuestions;
import org.incrowd.identity.Person;
import org.incrowd.jam.Forum;
import org.incrowd.jam.Jam;
import org.incrowd.jam.JamKind;
import org.incrowd.support.Fixtures;
import org.incrowd.support.IncrowdTest;
import org.incrowd.support.MailCatcher;
import org.incrowd.support.SignedInRequests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;
import org.w3c.dom.Element;

/**
 * A help stream about parcels: questions go to the least-loaded available expert of their topic (general ones to the
 * topic their words match), the expert is told; answerers hand questions on with a note the asker never sees; the
 * stream reads as an Atom feed and embeds only on the sites the organisers allowed.
 */
@IncrowdTest
class RoutingIntegrationTests {

    @Autowired
    ApplicationContext context;
    @Autowired
    MockMvc mvc;
    @Autowired
    HelpQuestions questions;

    Fixtures fixtures;
    SignedInRequests browser;
    Jam stream;
    Forum deliveries;
    Forum billing;
    Forum notSure;
    Person asker;

    @BeforeEach
    void aStreamWithTwoTopicsAndAGeneralOne() {
        fixtures = Fixtures.of(context);
        browser = new SignedInRequests(mvc, fixtures);
        stream = fixtures.jam("Parcel help").campaign(JamKind.HELP_STREAM, null, null).endsIn(Duration.ofDays(1))
                .create();
        deliveries = fixtures.forum(stream, "Deliveries");
        billing = fixtures.forum(stream, "Billing");
        notSure = fixtures.forum(stream, "Not sure");
        asker = member("Carla Customer");
    }

    @Test
    void aQuestionGoesToTheLeastLoadedAvailableExpertOfItsTopicWhoIsTold() throws Exception {
        var busy = expert("Dana Busy", deliveries);
        var idle = expert("Eli Idle", deliveries);
        var first = fixtures.idea(deliveries, asker, "Where is my parcel?", "It was due on Monday.");
        long firstTo = questions.require(fixtures.actor(asker), first.id()).assigneeId();

        var second = fixtures.idea(deliveries, asker, "Can I change the address?", "I moved.");

        long secondTo = questions.require(fixtures.actor(asker), second.id()).assigneeId();
        assertThat(firstTo).isIn(busy.id(), idle.id());
        assertThat(secondTo).as("the one without a waiting question").isNotEqualTo(firstTo).isIn(busy.id(), idle.id());
        var told = MailCatcher.awaitOne(firstTo == busy.id() ? busy.email() : idle.email());
        assertThat(MailCatcher.text(told)).contains("Where is my parcel?");
        assertThat(browser.page(firstTo == busy.id() ? busy : idle, "/notifications")).contains("Where is my parcel?");
    }

    @Test
    void anExpertWhoIsAwayOrOffShiftIsSkipped() throws Exception {
        var away = expert("Fay Away", billing);
        var offShift = expert("Gus Off", billing);
        var here = expert("Hal Here", billing);
        browser.send(away, post("/help/" + stream.id() + "/expertise").param("topics", "" + billing.id())
                .param("awayUntil", LocalDateTime.now(ZoneOffset.UTC).plusDays(2).truncatedTo(ChronoUnit.MINUTES)
                        .toString()));
        browser.send(offShift, post("/help/" + stream.id() + "/expertise").param("topics", "" + billing.id())
                .param("offShift", "true"));

        for (int i = 0; i < 3; i++) {
            var question = fixtures.idea(billing, asker, "Charged twice " + i, "My card was charged twice.");
            assertThat(questions.require(fixtures.actor(asker), question.id()).assigneeId()).isEqualTo(here.id());
        }
        var overview = browser.page(fixtures.organiser(), "/help/" + stream.id() + "/experts");
        assertThat(overview).contains("Hal Here", "Fay Away", "Nobody covers this topic");
    }

    @Test
    void aGeneralQuestionGoesToTheTopicItsWordsMatch() throws Exception {
        var courier = expert("Ida Courier", deliveries);
        var accountant = expert("Jo Accountant", billing);
        browser.send(fixtures.organiser(), post("/help/" + stream.id() + "/experts/general")
                .param("general", "" + notSure.id()));
        fixtures.idea(deliveries, asker, "Parcel not delivered", "The courier left no note and the parcel is lost.");
        fixtures.idea(deliveries, asker, "Courier came late", "The delivery van arrived after the window.");
        fixtures.idea(billing, asker, "Invoice is wrong", "The invoice charges VAT twice; please refund.");
        fixtures.idea(billing, asker, "Refund missing", "My refund for the invoice never reached my card.");

        var general = fixtures.idea(notSure, asker, "No idea where to ask",
                "The courier says the parcel was delivered but I never got it.");
        var money = fixtures.idea(notSure, asker, "Money question", "Where is the refund of my invoice?");

        assertThat(questions.require(fixtures.actor(asker), general.id()).assigneeId()).isEqualTo(courier.id());
        assertThat(questions.require(fixtures.actor(asker), money.id()).assigneeId()).isEqualTo(accountant.id());
    }

    @Test
    void aHandOverNeedsANoteAndAColleagueOfTheStreamAndTheNoteNeverReachesTheAsker() throws Exception {
        var first = expert("Kim First", deliveries);
        var colleague = member("Lou Colleague");
        var outsider = fixtures.person("Max Outsider");
        var question = fixtures.idea(deliveries, asker, "Broken parcel", "The box arrived crushed.");
        String path = "/help/questions/" + question.id() + "/hand-over";

        var noNote = browser.send(first, post(path).param("colleague", colleague.email()).param("note", " "));
        var notInStream = browser.send(first, post(path).param("colleague", outsider.email())
                .param("note", "Customer called again; needs the serial number"));

        assertThat(noNote.getStatus()).isEqualTo(422);
        assertThat(noNote.getContentAsString()).contains("Write a note", colleague.email());
        assertThat(notInStream.getStatus()).isEqualTo(422);
        assertThat(notInStream.getContentAsString()).contains("joined this help stream",
                "Customer called again; needs the serial number");
        assertThat(browser.send(asker, get(path)).getStatus()).isEqualTo(403);

        var handed = browser.send(first, post(path).param("colleague", colleague.email())
                .param("note", "Customer called again; needs the <b>serial</b> number"));

        assertThat(handed.getStatus()).isEqualTo(302);
        assertThat(questions.require(fixtures.actor(asker), question.id()).assigneeId()).isEqualTo(colleague.id());
        assertThat(MailCatcher.text(MailCatcher.awaitOne(colleague.email()))).contains("needs the <b>serial</b>");
        var answerersPage = browser.page(colleague, "/threads/" + question.id());
        assertThat(answerersPage).contains("Kim First handed it to Lou Colleague",
                "needs the &lt;b&gt;serial&lt;/b&gt; number");
        var askersPage = browser.page(asker, "/threads/" + question.id());
        assertThat(askersPage).contains("Broken parcel").doesNotContain("serial", "Hand over");
    }

    @Test
    void theFeedIsAtomWithTheLatestQuestionsTheirStatusAndTheirMarkupAsText() throws Exception {
        fixtures.jams().openToGuests(fixtures.actor(fixtures.organiser()), stream.id(), true);
        var older = fixtures.idea(billing, asker, "Old question", "Asked first.");
        fixtures.reply(older, member("Nia Answerer"), "Here is the answer.");
        fixtures.idea(deliveries, asker, "<script>alert(1)</script> & more", "Markup in the title.");

        var response = mvc.perform(get("/help/" + stream.id() + "/feed.atom")).andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentType()).startsWith("application/atom+xml");
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        var feed = factory.newDocumentBuilder().parse(new ByteArrayInputStream(
                response.getContentAsString().getBytes(StandardCharsets.UTF_8))).getDocumentElement();
        assertThat(feed.getNamespaceURI()).isEqualTo("http://www.w3.org/2005/Atom");
        assertThat(feed.getLocalName()).isEqualTo("feed");
        var entries = feed.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "entry");
        assertThat(entries.getLength()).isEqualTo(2);
        var newest = (Element) entries.item(0);
        assertThat(child(newest, "title")).isEqualTo("<script>alert(1)</script> & more");
        assertThat(((Element) newest.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "category").item(0))
                .getAttribute("term")).isEqualTo("OPEN");
        assertThat(child((Element) entries.item(1), "title")).isEqualTo("Old question");
        assertThat(((Element) ((Element) entries.item(1)).getElementsByTagNameNS("http://www.w3.org/2005/Atom",
                "category").item(0)).getAttribute("term")).isEqualTo("ANSWERED");
        assertThat(response.getContentAsString()).doesNotContain("<script>");
        Instant.parse(child(feed, "updated"));
    }

    @Test
    void theEmbeddedPageNamesOnlyTheAllowedSitesAndEveryOtherPageStaysUnframeable() throws Exception {
        fixtures.jams().openToGuests(fixtures.actor(fixtures.organiser()), stream.id(), true);
        fixtures.idea(deliveries, asker, "Embedded question", "Seen on the shop's site.");
        String origins = "/help/" + stream.id() + "/embed/origins";

        var refused = browser.send(fixtures.organiser(), post(origins)
                .param("origins", "https://shop.example.com\nhttp://shop.example.com"));
        var wildcard = browser.send(fixtures.organiser(), post(origins).param("origins", "https://*.example.com"));
        var saved = browser.send(fixtures.organiser(), post(origins)
                .param("origins", "https://shop.example.com/\nhttp://localhost:8081"));
        var embed = mvc.perform(get("/help/" + stream.id() + "/embed")).andReturn().getResponse();
        var home = mvc.perform(get("/jams/" + stream.id())).andReturn().getResponse();

        assertThat(refused.getStatus()).isEqualTo(422);
        assertThat(refused.getContentAsString()).contains("must use https://", "http://shop.example.com");
        assertThat(wildcard.getStatus()).isEqualTo(422);
        assertThat(saved.getStatus()).isEqualTo(302);
        assertThat(embed.getStatus()).isEqualTo(200);
        assertThat(embed.getContentAsString()).contains("Embedded question", "target=\"_blank\"")
                .doesNotContain("site-header");
        assertThat(embed.getHeader("Content-Security-Policy"))
                .contains("frame-ancestors http://localhost:8081 https://shop.example.com", "script-src 'self'")
                .doesNotContain("frame-ancestors 'none'");
        assertThat(embed.getHeader("X-Frame-Options")).isNull();
        assertThat(home.getHeader("Content-Security-Policy")).endsWith("frame-ancestors 'none'");
        assertThat(home.getHeader("X-Frame-Options")).isEqualTo("DENY");
    }

    private Person member(String name) {
        var person = fixtures.person(name);
        fixtures.join(stream, person);
        return person;
    }

    private Person expert(String name, Forum topic) throws Exception {
        var person = member(name);
        browser.send(person, post("/help/" + stream.id() + "/expertise").param("topics", "" + topic.id()));
        return person;
    }

    private static String child(Element element, String name) {
        return element.getElementsByTagNameNS("http://www.w3.org/2005/Atom", name).item(0).getTextContent();
    }
}
