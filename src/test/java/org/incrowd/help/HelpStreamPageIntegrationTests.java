package org.incrowd.help;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.incrowd.discussion.Post;
import org.incrowd.identity.ParticipantType;
import org.incrowd.identity.Person;
import org.incrowd.jam.Forum;
import org.incrowd.jam.Jam;
import org.incrowd.jam.JamKind;
import org.incrowd.support.Fixtures;
import org.incrowd.support.IncrowdTest;
import org.incrowd.support.SignedInRequests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The stream page: unanswered questions first, the longest waiting on top with their age shown and more prominent
 * with age, then answered ones, solved ones last with their mark; paged across the statuses; per topic; readable
 * by guests only where the organisers opened the stream to them; the same through the API.
 */
@IncrowdTest
class HelpStreamPageIntegrationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    HelpStreams streams;

    Fixtures fixtures;
    SignedInRequests signedIn;
    Jam stream;
    Forum deliveries;
    Forum billing;
    Person customer;
    Person engineer;

    @BeforeEach
    void stream() {
        fixtures = Fixtures.of(context);
        signedIn = new SignedInRequests(mvc, fixtures);
        stream = fixtures.jam("Ask Northwind").campaign(JamKind.HELP_STREAM, null, null).create();
        deliveries = fixtures.forum(stream, "Deliveries");
        billing = fixtures.forum(stream, "Billing");
        customer = fixtures.person("Carla Customer", ParticipantType.CLIENT);
        engineer = fixtures.person("Dana Engineer");
        fixtures.join(stream, customer);
        fixtures.join(stream, engineer);
    }

    private Post askedAgo(Forum topic, String title, Duration ago) {
        return askedAgo(topic, customer, title, ago);
    }

    private Post askedAgo(Forum topic, Person asker, String title, Duration ago) {
        var question = fixtures.idea(topic, asker, title, "Details of " + title);
        jdbc.sql("update help_question set asked_at = ? where question_id = ?")
                .params(Timestamp.from(Instant.now().minus(ago)), question.id()).update();
        return question;
    }

    @Test
    void unansweredQuestionsComeFirstTheLongestWaitingOnTopWithTheirAgeThenAnsweredThenSolved() throws Exception {
        var solved = askedAgo(deliveries, "Solved one", Duration.ofDays(3));
        var answer = fixtures.reply(solved, engineer, "Here is how.");
        context.getBean(HelpQuestions.class).markSolution(fixtures.actor(customer), solved.id(), answer.id());
        var answered = askedAgo(billing, "Answered one", Duration.ofDays(2));
        fixtures.reply(answered, engineer, "We are on it.");
        var fresh = askedAgo(billing, "Fresh one", Duration.ofMinutes(10));
        var hours = askedAgo(deliveries, "Waiting hours", Duration.ofHours(3));
        var days = askedAgo(deliveries, "Waiting days", Duration.ofDays(2).plusHours(5));

        var page = signedIn.page(engineer, "/help/" + stream.id());

        assertThat(positions(page, days, hours, fresh, answered, solved)).isSorted();
        assertThat(page).contains("waiting 2 days 5 hours").contains("waiting 3 hours")
                .contains("help-waiting-days").contains("help-waiting-hours").contains("help-waiting-fresh")
                .contains("Solved").contains("help-solved-mark");
        var topic = signedIn.page(engineer, "/help/" + stream.id() + "/topics/" + billing.id());
        assertThat(topic).contains("Fresh one").contains("Answered one").doesNotContain("Waiting days");
    }

    private static List<Integer> positions(String page, Post... questions) {
        var positions = new ArrayList<Integer>();
        for (var question : questions) {
            int at = page.indexOf("/help/questions/" + question.id() + "\"");
            assertThat(at).as(question.title()).isPositive();
            positions.add(at);
        }
        return positions;
    }

    @Test
    void pagesFollowTheOrderAcrossTheStatuses() {
        var all = new ArrayList<Long>();
        var second = fixtures.person("Sam Second Engineer");
        fixtures.join(stream, second);
        for (int i = 0; i < StreamPage.PER_PAGE + 5; i++) {
            var asker = fixtures.person("Asker " + i, ParticipantType.CLIENT);
            fixtures.join(stream, asker);
            var question = askedAgo(deliveries, asker, "Question " + i, Duration.ofMinutes(500 - i));
            if (i % 2 == 0) {
                fixtures.reply(question, i % 4 == 0 ? engineer : second, "Answer " + i);
            }
            all.add(question.id());
        }
        var reader = fixtures.actor(customer);
        var first = streams.page(reader, stream.id(), null, 0);
        var next = streams.page(reader, stream.id(), null, 1);

        assertThat(first.hasMore()).isTrue();
        assertThat(next.hasMore()).isFalse();
        var shown = new ArrayList<Long>();
        first.items().forEach(item -> shown.add(item.question().questionId()));
        next.items().forEach(item -> shown.add(item.question().questionId()));
        var expected = context.getBean(HelpQuestions.class).stream(reader, stream.id(), null, 100, 0).stream()
                .map(HelpQuestion::questionId).toList();
        assertThat(shown).containsExactlyElementsOf(expected).containsExactlyInAnyOrderElementsOf(all);
        assertThat(first.items()).extracting(item -> item.question().status()).startsWith(QuestionStatus.OPEN);
        assertThat(next.items()).extracting(item -> item.question().status()).last()
                .isEqualTo(QuestionStatus.ANSWERED);
    }

    @Test
    void guestsReadTheStreamOnlyWhereTheOrganisersOpenedItToThem() throws Exception {
        askedAgo(deliveries, "A public question", Duration.ofHours(1));
        var closed = mvc.perform(get("/help/" + stream.id()).with(Fixtures.browser())).andReturn().getResponse();
        assertThat(closed.getContentAsString()).doesNotContain("A public question");

        fixtures.jams().openToGuests(fixtures.actor(fixtures.organiser()), stream.id(), true);
        var open = mvc.perform(get("/help/" + stream.id()).with(Fixtures.browser())).andReturn().getResponse();

        assertThat(open.getStatus()).isEqualTo(200);
        assertThat(open.getContentAsString()).contains("A public question").contains("Ask a question");
    }

    @Test
    void theApiListsTheStreamAndTheAskerMarksTheSolution() throws Exception {
        var question = askedAgo(deliveries, "Through the API", Duration.ofHours(5));
        var answer = fixtures.reply(question, engineer, "Answered.");

        var listed = mvc.perform(get("/api/v1/help/" + stream.id() + "/questions").with(fixtures.bearer(engineer)))
                .andReturn().getResponse();
        assertThat(listed.getStatus()).isEqualTo(200);
        assertThat(listed.getContentAsString()).contains("\"title\":\"Through the API\"")
                .contains("\"status\":\"ANSWERED\"").contains("\"organisationName\":\"Ask Northwind\"");

        var byEngineer = mvc.perform(post("/api/v1/help/" + stream.id() + "/questions/" + question.id() + "/solution")
                .with(fixtures.bearer(engineer)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"answerId\": " + answer.id() + "}")).andReturn().getResponse();
        assertThat(byEngineer.getStatus()).isEqualTo(403);
        var malformed = mvc.perform(post("/api/v1/help/" + stream.id() + "/questions/" + question.id() + "/solution")
                .with(fixtures.bearer(customer)).contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andReturn().getResponse();
        assertThat(malformed.getStatus()).isEqualTo(400);
        assertThat(malformed.getContentAsString()).contains("answerId");

        var solved = mvc.perform(post("/api/v1/help/" + stream.id() + "/questions/" + question.id() + "/solution")
                .with(fixtures.bearer(customer)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"answerId\": " + answer.id() + "}")).andReturn().getResponse();
        assertThat(solved.getStatus()).isEqualTo(200);
        assertThat(solved.getContentAsString()).contains("\"status\":\"SOLVED\"");
    }

    @Test
    void theJamHomeOfAHelpStreamLeadsToItsStreamPage() throws Exception {
        assertThat(signedIn.page(customer, "/jams/" + stream.id())).contains("href=\"/help/" + stream.id() + "\"")
                .contains("Open the help stream");
        var jam = fixtures.liveJam("Ideas, not questions");
        assertThat(signedIn.page(customer, "/jams/" + jam.id())).doesNotContain("Open the help stream");
    }

    @Test
    void organisersNameTheOrganisationAnswersAppearUnder() throws Exception {
        var question = askedAgo(deliveries, "Who answers?", Duration.ofHours(1));
        fixtures.reply(question, engineer, "We do.");

        var refused = signedIn.send(fixtures.organiser(), post("/help/" + stream.id() + "/name")
                .param("organisationName", " "));
        assertThat(refused.getStatus()).isEqualTo(422);
        signedIn.send(fixtures.organiser(), post("/help/" + stream.id() + "/name")
                .param("organisationName", "Northwind <Support>"));

        assertThat(signedIn.page(customer, "/help/questions/" + question.id()))
                .contains("Northwind &lt;Support&gt;").contains("answered by Dana Engineer");
        assertThat(signedIn.send(engineer, post("/help/" + stream.id() + "/name")
                .param("organisationName", "Dana's")).getStatus()).isEqualTo(403);
    }
}
