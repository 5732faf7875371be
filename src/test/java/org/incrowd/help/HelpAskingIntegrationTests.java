package org.incrowd.help;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.net.URI;
import java.time.Duration;
import org.incrowd.identity.IdentityService;
import org.incrowd.identity.ParticipantType;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A customer asks without an account: the question waits unpublished until they follow the link mailed to them,
 * which publishes it once and signs them in; only the organisation's employees answer; the asker is mailed the
 * answer with a link that brings them back signed in, and marks the answer that solved it.
 */
@IncrowdTest
class HelpAskingIntegrationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    IdentityService identity;
    @Autowired
    HelpQuestions questions;

    Fixtures fixtures;
    SignedInRequests signedIn;
    Jam stream;
    Forum deliveries;
    Forum billing;

    @BeforeEach
    void stream() {
        fixtures = Fixtures.of(context);
        signedIn = new SignedInRequests(mvc, fixtures);
        stream = fixtures.jam("Northwind help").campaign(JamKind.HELP_STREAM, null, null).create();
        deliveries = fixtures.forum(stream, "Deliveries");
        billing = fixtures.forum(stream, "Billing");
        context.getBean(HelpStreams.class).nameOrganisation(fixtures.actor(fixtures.organiser()), stream.id(),
                "Northwind Support");
    }

    private MockHttpServletResponse ask(String email, String topic, String title, String body, String client)
            throws Exception {
        return mvc.perform(post("/help/" + stream.id() + "/ask/mail").with(csrf()).with(Fixtures.browser())
                .with(Fixtures.from(client)).param("email", email).param("name", "Carla Customer")
                .param("topic", topic).param("title", title).param("body", body)).andReturn().getResponse();
    }

    private MockHttpServletResponse open(String path, MockHttpSession session) throws Exception {
        var request = get(path).with(Fixtures.browser());
        return mvc.perform(session == null ? request : request.session(session)).andReturn().getResponse();
    }

    private static String linkIn(String address, int mails, String prefix) {
        var message = MailCatcher.await(address, mails, Duration.ofSeconds(10)).getLast();
        return URI.create(MailCatcher.link(message, prefix)).getPath();
    }

    private long questionsInStream() {
        return jdbc.sql("select count(*) from help_question where jam_id = ?").param(stream.id()).query(Long.class)
                .single();
    }

    @Test
    void aQuestionWithoutAConfirmedAddressIsNotPublishedAndTheLinkPublishesItOnce() throws Exception {
        String email = fixtures.email("carla");
        var asked = ask(email, String.valueOf(billing.id()), "Why was I charged twice?", "Invoice 4711 shows it twice.",
                Fixtures.newAddress());

        assertThat(asked.getRedirectedUrl()).isEqualTo("/help/" + stream.id() + "/asked");
        assertThat(open("/help/" + stream.id() + "/asked", null).getContentAsString()).contains("Check your e-mail");
        assertThat(questionsInStream()).as("nothing is published before the address is confirmed").isZero();
        assertThat(identity.findByEmail(email)).as("no account before the link is followed").isEmpty();
        var mail = MailCatcher.awaitOne(email);
        assertThat(mail.getSubject()).isEqualTo("Confirm your question to Northwind help");
        assertThat(MailCatcher.text(mail)).contains("Why was I charged twice?").contains("48 hours");

        String link = linkIn(email, 1, "/help/confirm/");
        var following = mvc.perform(get(link).with(Fixtures.browser())).andReturn();
        var confirmed = following.getResponse();

        assertThat(confirmed.getRedirectedUrl()).startsWith("/help/questions/");
        assertThat(questionsInStream()).isEqualTo(1);
        var carla = identity.findByEmail(email).orElseThrow();
        assertThat(carla.participantType()).isEqualTo(ParticipantType.CLIENT);
        assertThat(carla.verified()).isTrue();
        assertThat(identity.signsInWithPassword(carla.id())).isFalse();
        var question = questions.stream(fixtures.actor(fixtures.organiser()), stream.id(), null, 10, 0).getFirst();
        assertThat(question.forumId()).isEqualTo(billing.id());
        assertThat(question.askerId()).isEqualTo(carla.id());
        // The link signed Carla in: the question's page offers her to add to it.
        var session = (MockHttpSession) following.getRequest().getSession(false);
        var page = mvc.perform(get(confirmed.getRedirectedUrl()).with(Fixtures.browser()).session(session))
                .andReturn().getResponse();
        assertThat(page.getStatus()).isEqualTo(200);
        assertThat(page.getContentAsString()).contains("Why was I charged twice?").contains("Add to your question");

        var again = open(link, null);
        assertThat(again.getRedirectedUrl()).as("a second click shows the question and publishes nothing")
                .isEqualTo("/help/questions/" + question.questionId());
        assertThat(questionsInStream()).isEqualTo(1);
    }

    @Test
    void aRefusedQuestionComesBackWithTheMessageAndEverythingTyped() throws Exception {
        var refused = ask("not-an-address", "unsure", "My <b>parcel</b> is late", "Ordered on Monday.",
                Fixtures.newAddress());

        assertThat(refused.getStatus()).isEqualTo(422);
        assertThat(refused.getContentAsString()).contains("not-an-address").contains("value=\"My &lt;b>parcel&lt;/b> is late\"")
                .contains("Ordered on Monday.").doesNotContain("<b>parcel</b>");
        assertThat(questionsInStream()).isZero();
    }

    @Test
    void theFormAnswersAlikeWhetherOrNotTheAddressHasAnAccount() throws Exception {
        var owner = fixtures.person("Known Customer", ParticipantType.CLIENT);
        var withAccount = ask(owner.email(), "unsure", "Opening hours?", "When are you open?", Fixtures.newAddress());
        var without = ask(fixtures.email("stranger"), "unsure", "Opening hours?", "When are you open?",
                Fixtures.newAddress());

        assertThat(withAccount.getStatus()).isEqualTo(without.getStatus());
        assertThat(withAccount.getRedirectedUrl()).isEqualTo(without.getRedirectedUrl());
        // Following the link publishes the question as the existing account, in the first topic ("not sure").
        open(linkIn(owner.email(), 1, "/help/confirm/"), null);
        var question = questions.stream(fixtures.actor(owner), stream.id(), null, 10, 0).getFirst();
        assertThat(question.askerId()).isEqualTo(owner.id());
        assertThat(question.forumId()).isEqualTo(deliveries.id());
    }

    @Test
    void anUnconfirmedQuestionExpiresAfterTwoDaysAndItsLinkPublishesNothing() throws Exception {
        String email = fixtures.email("late");
        ask(email, "unsure", "Too late?", "I waited.", Fixtures.newAddress());
        String link = linkIn(email, 1, "/help/confirm/");
        jdbc.sql("update help_asking set expires_at = created_at where email = ?").param(email).update();

        var expired = open(link, null);

        assertThat(expired.getStatus()).isEqualTo(410);
        assertThat(expired.getContentAsString()).contains("older than 48 hours");
        assertThat(questionsInStream()).isZero();
        assertThat(open("/help/confirm/never-mailed", null).getStatus()).isEqualTo(404);
    }

    @Test
    void askingIsLimitedPerAddressAndPerClientAddress() throws Exception {
        String email = fixtures.email("eager");
        for (int i = 0; i < Asking.PER_ADDRESS_PER_HOUR; i++) {
            assertThat(ask(email, "unsure", "Question " + i, "Details", Fixtures.newAddress()).getStatus())
                    .isEqualTo(302);
        }
        var tooMany = ask(email, "unsure", "One more", "Details kept", Fixtures.newAddress());
        assertThat(tooMany.getStatus()).isEqualTo(429);
        assertThat(tooMany.getContentAsString()).contains("Too many questions").contains("Details kept");

        String office = Fixtures.newAddress();
        for (int i = 0; i < Asking.PER_CLIENT_PER_HOUR; i++) {
            ask(fixtures.email("office"), "unsure", "Question " + i, "Details", office);
        }
        assertThat(ask(fixtures.email("office"), "unsure", "One more", "Details", office).getStatus()).isEqualTo(429);
    }

    @Test
    void onlyEmployeesAnswerAndTheAskerIsMailedTheAnswerWithALinkThatSignsThemIn() throws Exception {
        String email = fixtures.email("asker");
        ask(email, String.valueOf(deliveries.id()), "Where is my <script>parcel</script>?", "Tracking says nothing.",
                Fixtures.newAddress());
        open(linkIn(email, 1, "/help/confirm/"), null);
        var carla = identity.findByEmail(email).orElseThrow();
        var question = questions.stream(fixtures.actor(carla), stream.id(), null, 10, 0).getFirst();
        var dana = identity.registerWithHash(new org.incrowd.identity.Registration(fixtures.email("dana"),
                Fixtures.PASSWORD, "Dana <i>Engineer</i>", null, null, "service <b>engineer</b>",
                ParticipantType.EMPLOYEE, null), identity.hashPassword(Fixtures.PASSWORD),
                java.util.EnumSet.of(org.incrowd.identity.Role.PARTICIPANT));
        fixtures.join(stream, dana);
        var otherCustomer = fixtures.person("Other Customer", ParticipantType.CLIENT);
        fixtures.join(stream, otherCustomer);

        var refused = signedIn.send(otherCustomer, post("/help/questions/" + question.questionId() + "/answers")
                .param("body", "I have the same problem."));
        assertThat(refused.getStatus()).isEqualTo(403);
        assertThat(refused.getContentAsString()).contains("Only the organisation").contains("I have the same problem.");
        var throughThreadPage = signedIn.send(otherCustomer, post("/posts/" + question.questionId() + "/replies")
                .param("body", "Sneaking in."));
        assertThat(throughThreadPage.getStatus()).isEqualTo(403);
        assertThat(questions.require(fixtures.actor(carla), question.questionId()).answers()).isZero();

        var answered = signedIn.send(dana, post("/help/questions/" + question.questionId() + "/answers")
                .param("body", "It is at the depot <img src=x onerror=alert(1)>; fetch it today."));
        assertThat(answered.getStatus()).isEqualTo(302);

        var page = signedIn.page(dana, "/help/questions/" + question.questionId());
        assertThat(page).contains("Northwind Support")
                .contains("answered by Dana &lt;i&gt;Engineer&lt;/i&gt;, service &lt;b&gt;engineer&lt;/b&gt;")
                .contains("Where is my &lt;script&gt;parcel&lt;/script&gt;?")
                .doesNotContain("<script>parcel").doesNotContain("<img src=x").doesNotContain("<b>engineer");
        var mail = MailCatcher.await(email, 2, Duration.ofSeconds(10)).getLast();
        assertThat(MailCatcher.text(mail)).contains("Northwind Support answered your question")
                .contains("It is at the depot");
        assertThat(MailCatcher.html(mail)).doesNotContain("<script>parcel").doesNotContain("<img src=x")
                .doesNotContain("<i>Engineer");
        String link = URI.create(MailCatcher.link(mail, "/help/answered/")).getPath();

        var followed = mvc.perform(get(link).with(Fixtures.browser())).andReturn();
        assertThat(followed.getResponse().getRedirectedUrl()).isEqualTo("/help/questions/" + question.questionId());
        var carlasSession = (MockHttpSession) followed.getRequest().getSession(false);
        var carlasPage = mvc.perform(get("/help/questions/" + question.questionId()).with(Fixtures.browser())
                .session(carlasSession)).andReturn().getResponse().getContentAsString();
        assertThat(carlasPage).contains("This solved it");
        var answerId = jdbc.sql("select id from post where thread_id = ? and parent_id is not null")
                .param(question.questionId()).query(Long.class).single();

        var solved = mvc.perform(post("/help/questions/" + question.questionId() + "/solution").with(csrf())
                .with(Fixtures.browser()).session(carlasSession).param("answer", String.valueOf(answerId)))
                .andReturn().getResponse();
        assertThat(solved.getStatus()).isEqualTo(302);
        var solvedPage = mvc.perform(get("/help/questions/" + question.questionId()).with(Fixtures.browser())
                .session(carlasSession)).andReturn().getResponse().getContentAsString();
        assertThat(solvedPage).contains("Solved by Dana &lt;i&gt;Engineer&lt;/i&gt;'s answer.")
                .contains("help-solution");
        // The link was good once: following it again shows the question without signing anyone in.
        var secondTime = mvc.perform(get(link).with(Fixtures.browser())).andReturn();
        assertThat(secondTime.getResponse().getRedirectedUrl()).isEqualTo("/help/questions/" + question.questionId());
        assertThat(mvc.perform(get("/profile").with(Fixtures.browser())
                .session((MockHttpSession) secondTime.getRequest().getSession(true))).andReturn().getResponse()
                .getRedirectedUrl()).contains("/signin");
    }

    @Test
    void aMemberAsksDirectly() throws Exception {
        Person member = fixtures.person("Eve Employee");
        fixtures.join(stream, member);
        var asked = signedIn.send(member, post("/help/" + stream.id() + "/ask").param("topic", "unsure")
                .param("title", "Where are the forms?").param("body", "For travel costs."));

        assertThat(asked.getRedirectedUrl()).startsWith("/help/questions/");
        assertThat(questionsInStream()).isEqualTo(1);
    }
}
