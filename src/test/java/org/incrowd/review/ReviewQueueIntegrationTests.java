package org.incrowd.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.incrowd.discussion.Post;
import org.incrowd.identity.ParticipantType;
import org.incrowd.identity.Person;
import org.incrowd.identity.Role;
import org.incrowd.jam.Forum;
import org.incrowd.jam.Jam;
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
 * The review queue as organisers and reviewers use it: scorecards, scores with their spread, filters, saved views,
 * bulk moves with one reason, and who sees which ideas.
 */
@IncrowdTest
class ReviewQueueIntegrationTests {

    @Autowired
    ApplicationContext context;
    @Autowired
    MockMvc mvc;
    @Autowired
    ReviewQueue queue;
    @Autowired
    Scoring scoring;
    @Autowired
    Reviewers reviewers;
    @Autowired
    ReviewLedger ledger;
    @Autowired
    JdbcClient jdbc;

    Fixtures fixtures;
    SignedInRequests as;
    Person organiser;
    Jam jam;
    Forum forum;
    Forum other;

    @BeforeEach
    void world() {
        fixtures = Fixtures.of(context);
        as = new SignedInRequests(mvc, fixtures);
        organiser = fixtures.organiser();
        jam = fixtures.liveJam("Review queue");
        forum = fixtures.forum(jam, "Shifts");
        other = fixtures.forum(jam, "Canteen");
    }

    Post ideaBy(Forum where, ParticipantType type, String title) {
        var author = fixtures.person("Author " + title, type);
        fixtures.join(jam, author);
        return fixtures.idea(where, author, title, "Body of " + title);
    }

    String stageOf(Post idea) {
        return jdbc.sql("select stage_key from idea_review where idea_id = ?").param(idea.id()).query(String.class)
                .single();
    }

    List<Long> ids(QueueFilter filter) {
        return queue.page(fixtures.actor(organiser), jam.id(), filter, 0).rows().stream().map(QueuePage.Row::ideaId)
                .toList();
    }

    @Test
    void aScorecardWhoseWeightsDoNotAddUpIsRefusedWithTheTypedValuesKept() throws Exception {
        var response = as.send(organiser, post("/jams/" + jam.id() + "/review/scorecard")
                .param("name", "Impact", "Effort", "Reach").param("weight", "50", "30", "10"));

        assertThat(response.getStatus()).isEqualTo(422);
        String page = response.getContentAsString();
        assertThat(page).contains("The weights add up to 90 %, but must add up to 100 %.")
                .contains("value=\"Impact\"").contains("value=\"Effort\"").contains("value=\"Reach\"")
                .contains("value=\"50\"").contains("value=\"30\"").contains("value=\"10\"");
        assertThat(scoring.criteria(jam.id())).isEmpty();

        var saved = as.send(organiser, post("/jams/" + jam.id() + "/review/scorecard")
                .param("name", "Impact", "Effort", "Reach").param("weight", "50", "30", "20"));
        assertThat(saved.getStatus()).isEqualTo(302);
        assertThat(scoring.criteria(jam.id())).extracting(Criterion::name, Criterion::weight)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Impact", 50),
                        org.assertj.core.groups.Tuple.tuple("Effort", 30),
                        org.assertj.core.groups.Tuple.tuple("Reach", 20));
    }

    @Test
    void twoReviewersScoresShowTheWeightedMeanAndTheSpread() throws Exception {
        scoring.define(fixtures.actor(organiser), jam.id(), List.of("Impact", "Effort", "Reach"),
                List.of("50", "30", "20"));
        var idea = ideaBy(forum, ParticipantType.EMPLOYEE, "Night buses");
        var reviewer = fixtures.person("Rita Reviewer");
        reviewers.assign(fixtures.actor(organiser), jam.id(), reviewer.email(), List.of(Reviewers.Target.forum(
                forum.id())), null);

        // Rita: 5, 3, 1 → 2.5 + 0.9 + 0.2 = 3.6; the organiser: 3, 3, 3 → 3.0
        var scored = as.send(reviewer, post("/jams/" + jam.id() + "/review/scores/" + idea.id())
                .param("score0", "5").param("score1", "3").param("score2", "1"));
        assertThat(scored.getStatus()).isEqualTo(302);
        as.send(organiser, post("/jams/" + jam.id() + "/review/scores/" + idea.id())
                .param("score0", "3").param("score1", "3").param("score2", "3"));

        String page = as.page(organiser, "/jams/" + jam.id() + "/review/scores/" + idea.id());
        assertThat(page).contains("Score 3.30 (weighted mean of 2 reviewers); spread 3.00 to 3.60, standard"
                + " deviation 0.30.").contains("Rita Reviewer");
        String queuePage = as.page(organiser, "/jams/" + jam.id() + "/review");
        assertThat(queuePage).contains("3.30").contains("from 3.00 to 3.60, 2 reviewers");
        assertThat(ledger.ofIdea(idea.id(), false)).noneMatch(entry -> entry.action().equals(Scoring.SCORED));
        assertThat(ledger.ofIdea(idea.id(), true)).filteredOn(entry -> entry.action().equals(Scoring.SCORED))
                .hasSize(2).first().satisfies(entry -> assertThat(entry.detail()).isEqualTo(
                        "Impact=5, Effort=3, Reach=1"));
    }

    @Test
    void aScoreOutOfRangeIsRefusedWithTheTypedValuesKept() throws Exception {
        scoring.define(fixtures.actor(organiser), jam.id(), List.of("Impact"), List.of("100"));
        var idea = ideaBy(forum, ParticipantType.EMPLOYEE, "Lockers");

        var response = as.send(organiser, post("/jams/" + jam.id() + "/review/scores/" + idea.id())
                .param("score0", "9"));

        assertThat(response.getStatus()).isEqualTo(422);
        assertThat(response.getContentAsString()).contains("Give a score from 1 to 5.").contains("value=\"9\"");
        assertThat(scoring.scores(fixtures.actor(organiser), jam.id(), idea.id()).reviewers()).isEmpty();
    }

    @Test
    void theFiltersFindExactlyTheIdeasAsked() {
        var frontLine = ideaBy(forum, ParticipantType.CLIENT, "Ticket machines");
        var staff = ideaBy(forum, ParticipantType.EMPLOYEE, "Rosters");
        var canteen = ideaBy(other, ParticipantType.CLIENT, "Soup");
        var organiserActor = fixtures.actor(organiser);
        scoring.define(organiserActor, jam.id(), List.of("Impact"), List.of("100"));
        scoring.score(organiserActor, jam.id(), frontLine.id(), Map.of(0, 4));
        scoring.score(organiserActor, jam.id(), staff.id(), Map.of(0, 2));
        context.getBean(Reviewing.class).decide(organiserActor, jam.id(), List.of(staff.id()),
                "under-review", "We are looking at it.");

        assertThat(ids(new QueueFilter(null, null, null, "CLIENT", null, null, null, false, false, null)))
                .containsExactlyInAnyOrder(frontLine.id(), canteen.id());
        assertThat(ids(new QueueFilter("under-review", null, null, null, null, null, null, false, false, null)))
                .containsExactly(staff.id());
        assertThat(ids(new QueueFilter(null, other.id(), null, null, null, null, null, false, false, null)))
                .containsExactly(canteen.id());
        assertThat(ids(new QueueFilter(null, null, null, null, 3.0, null, null, false, false, null)))
                .containsExactly(frontLine.id());
        assertThat(ids(new QueueFilter(null, forum.id(), null, "CLIENT", null, 3.5, null, false, false, null)))
                .isEmpty();
        assertThat(ids(new QueueFilter(null, null, null, null, null, null, null, false, false, "score")))
                .startsWith(frontLine.id(), staff.id());
    }

    @Test
    void aSavedViewAppliesItsFiltersAgain() throws Exception {
        var frontLine = ideaBy(forum, ParticipantType.CLIENT, "Step-free entrances");
        ideaBy(forum, ParticipantType.EMPLOYEE, "Break rooms");

        var saved = as.send(organiser, post("/jams/" + jam.id() + "/review/views").param("viewName", "Front line")
                .param("type", "CLIENT").param("sort", "newest"));
        assertThat(saved.getStatus()).isEqualTo(302);
        String location = saved.getRedirectedUrl();
        assertThat(location).contains("view=");

        String page = as.page(organiser, location);
        assertThat(page).contains("Front line").contains("1 matching ideas").contains("Step-free entrances")
                .doesNotContain("Break rooms").contains("<option value=\"CLIENT\" selected>");
        assertThat(frontLine.id()).isPositive();
    }

    @Test
    void allMatchingIdeasMoveWithOneReason() throws Exception {
        var moved = new ArrayList<Post>();
        for (int i = 0; i < 60; i++) {
            moved.add(fixtures.idea(forum, "Bulk idea " + i));
        }
        var untouched = ideaBy(other, ParticipantType.EMPLOYEE, "Elsewhere");

        var response = as.send(organiser, post("/jams/" + jam.id() + "/review/bulk").param("forum",
                        String.valueOf(forum.id())).param("all", "true").param("action", "move")
                .param("toStage", "not-pursued").param("reason", "Out of this Jam's scope, see the report."));

        assertThat(response.getStatus()).isEqualTo(302);
        assertThat(response.getRedirectedUrl()).contains("done=moved").contains("count=60");
        assertThat(moved).allSatisfy(idea -> assertThat(stageOf(idea)).isEqualTo("not-pursued"));
        assertThat(stageOf(untouched)).isEqualTo("new");
        assertThat(ledger.ofIdea(moved.get(42).id(), false)).singleElement()
                .satisfies(entry -> assertThat(entry.reason()).isEqualTo("Out of this Jam's scope, see the report."));
        assertThat(as.page(organiser, response.getRedirectedUrl())).contains("60 ideas were moved.");
    }

    @Test
    void aBulkMoveWithoutReasonMovesNothingAndKeepsTheSelection() throws Exception {
        var first = ideaBy(forum, ParticipantType.EMPLOYEE, "Shade");
        var second = ideaBy(forum, ParticipantType.EMPLOYEE, "Water");

        var response = as.send(organiser, post("/jams/" + jam.id() + "/review/bulk")
                .param("ids", String.valueOf(first.id()), String.valueOf(second.id())).param("action", "move")
                .param("toStage", "selected").param("reason", "   "));

        assertThat(response.getStatus()).isEqualTo(422);
        String page = response.getContentAsString();
        assertThat(page).contains("Write the reason for this decision")
                .contains("value=\"" + first.id() + "\" id=\"pick-" + first.id() + "\" checked")
                .contains("value=\"" + second.id() + "\" id=\"pick-" + second.id() + "\" checked")
                .contains("<option value=\"selected\" selected>");
        assertThat(stageOf(first)).isEqualTo("new");
        assertThat(stageOf(second)).isEqualTo("new");
    }

    @Test
    void anAssignedReviewerSeesOnlyTheirIdeasAndAParticipantIsRefused() throws Exception {
        var theirs = ideaBy(forum, ParticipantType.EMPLOYEE, "Theirs to review");
        var notTheirs = ideaBy(other, ParticipantType.EMPLOYEE, "Someone else's");
        var byHand = ideaBy(other, ParticipantType.EMPLOYEE, "Given by hand");
        var reviewer = fixtures.person("Rex Reviewer", Role.PARTICIPANT);
        var assigned = as.send(organiser, post("/jams/" + jam.id() + "/review/reviewers")
                .param("reviewer", reviewer.email()).param("kind", "forum").param("target",
                        String.valueOf(forum.id())));
        assertThat(assigned.getStatus()).isEqualTo(302);
        reviewers.assign(fixtures.actor(organiser), jam.id(), reviewer.email(),
                List.of(Reviewers.Target.idea(byHand.id())), null);

        String page = as.page(reviewer, "/jams/" + jam.id() + "/review");
        assertThat(page).contains("Theirs to review").contains("Given by hand").doesNotContain("Someone else's");
        var foreign = as.send(reviewer, post("/jams/" + jam.id() + "/review/bulk")
                .param("ids", String.valueOf(notTheirs.id())).param("toStage", "selected").param("reason", "Mine"));
        assertThat(foreign.getStatus()).isEqualTo(403);
        assertThat(stageOf(notTheirs)).isEqualTo("new");
        var own = as.send(reviewer, post("/jams/" + jam.id() + "/review/bulk")
                .param("ids", String.valueOf(theirs.id())).param("toStage", "under-review").param("reason", "Next"));
        assertThat(own.getStatus()).isEqualTo(302);
        assertThat(stageOf(theirs)).isEqualTo("under-review");

        var participant = fixtures.person("Pia Participant", Role.PARTICIPANT);
        fixtures.join(jam, participant);
        assertThat(as.send(participant, get("/jams/" + jam.id() + "/review")).getStatus()).isEqualTo(403);
        assertThat(as.send(participant, get("/api/v1/jams/" + jam.id() + "/review/queue")).getStatus())
                .isEqualTo(403);
        assertThat(as.send(reviewer, get("/jams/" + jam.id() + "/review/reviewers")).getStatus()).isEqualTo(403);
    }

    @Test
    void theApiFiltersTheQueueAndRefusesAScorecardThatDoesNotAddUp() throws Exception {
        var frontLine = ideaBy(forum, ParticipantType.CLIENT, "Api front line");
        ideaBy(forum, ParticipantType.EMPLOYEE, "Api staff");

        var response = as.send(organiser, get("/api/v1/jams/" + jam.id() + "/review/queue").param("type", "CLIENT"));
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentAsString()).contains("\"total\":1")
                .contains("\"ideaId\":" + frontLine.id()).contains("Api front line").doesNotContain("Api staff");

        var refused = as.send(organiser, put("/api/v1/jams/" + jam.id() + "/review/scorecard")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"criteria\":[{\"name\":\"Impact\",\"weight\":60},{\"name\":\"Reach\",\"weight\":60}]}"));
        assertThat(refused.getStatus()).isEqualTo(422);
        assertThat(refused.getContentType()).contains("problem");
        assertThat(refused.getContentAsString()).contains("120");
        assertThat(scoring.criteria(jam.id())).isEmpty();
    }

    @Test
    void whatPeopleWroteIsEscapedInTheQueue() throws Exception {
        ideaBy(forum, ParticipantType.EMPLOYEE, "<script>alert('idea')</script>");
        as.send(organiser, post("/jams/" + jam.id() + "/review/views")
                .param("viewName", "<img src=x onerror=alert(1)>"));

        String page = as.page(organiser, "/jams/" + jam.id() + "/review");
        assertThat(page).doesNotContain("<script>alert(").doesNotContain("<img src=x")
                .contains("&lt;script&gt;alert(").contains("&lt;img src=x onerror=alert(1)&gt;");
    }

    @Test
    void aReviewerAssignedWhileReadingSeesTheDecisionFormOnTheNextPage() throws Exception {
        var idea = ideaBy(forum, ParticipantType.EMPLOYEE, "Bike sheds");
        var reviewer = fixtures.person("Rhea Reviewer");
        fixtures.join(jam, reviewer);
        // The reader's review scope is cached (ADR 51): the first page holds "reviews nothing".
        assertThat(as.page(reviewer, "/threads/" + idea.id())).doesNotContain("/ideas/" + idea.id() + "/decision");

        reviewers.assign(fixtures.actor(organiser), jam.id(), reviewer.email(), List.of(Reviewers.Target.forum(
                forum.id())), null);

        assertThat(as.page(reviewer, "/threads/" + idea.id())).contains("/ideas/" + idea.id() + "/decision");
    }
}
