package org.incrowd.insight.opinions;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.incrowd.discussion.Post;
import org.incrowd.discussion.ReactionKind;
import org.incrowd.identity.Person;
import org.incrowd.identity.Role;
import org.incrowd.insight.opinions.algorithm.MissingVotes;
import org.incrowd.insight.opinions.algorithm.OpinionAnalysis;
import org.incrowd.insight.opinions.algorithm.OpinionGroup;
import org.incrowd.insight.opinions.algorithm.OpinionResult;
import org.incrowd.insight.opinions.algorithm.OpinionSettings;
import org.incrowd.insight.opinions.algorithm.Placement;
import org.incrowd.insight.opinions.algorithm.VoteHistory;
import org.incrowd.jam.Forum;
import org.incrowd.jam.Jam;
import org.incrowd.support.Fixtures;
import org.incrowd.support.IncrowdTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/**
 * The live map's groups are those the Jam's history made (ADR 55), the same as {@code ./incrowd analyse opinions}
 * computes from the same votes at the same times: two camps react in the Jam's first hour and settle the map at two
 * groups; a third camp reacts hours later, in the last hour with reactions, and is not yet a group of its own,
 * although a computation from the final votes alone would show three.
 */
@IncrowdTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpinionHistoryIntegrationTests {

    static final int CAMP = 12;

    @Autowired
    ApplicationContext context;
    @Autowired
    MockMvc mvc;
    @Autowired
    OpinionRecompute recompute;
    @Autowired
    OpinionSnapshots snapshots;
    @Autowired
    JdbcClient jdbc;

    Fixtures fixtures;
    Jam jam;
    Forum forum;
    Instant firstHour;
    final List<Post> greenIdeas = new ArrayList<>();
    final List<Post> greyIdeas = new ArrayList<>();
    Post commonGround;
    final List<Person> green = new ArrayList<>();
    final List<Person> grey = new ArrayList<>();
    final List<Person> blue = new ArrayList<>();
    /** Every reaction as the test cast it, with the time it was given: what an export of the Jam would hold. */
    final List<Timed> votes = new ArrayList<>();

    record Timed(long person, long post, int value, Instant at) {}

    @BeforeAll
    void twoCampsEarlyAndAThirdLate() {
        fixtures = Fixtures.of(context);
        jam = fixtures.liveJam("Library hours");
        forum = fixtures.forum(jam, "Opening times");
        firstHour = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(6, ChronoUnit.HOURS);
        var author = member("Author");
        for (int i = 0; i < 4; i++) {
            greenIdeas.add(fixtures.idea(forum, author, "Open late " + i, "Evenings for those who work " + i));
            greyIdeas.add(fixtures.idea(forum, author, "Open early " + i, "Mornings for those who study " + i));
        }
        commonGround = fixtures.idea(forum, author, "More seats", "Everyone wants a seat.");
        for (int i = 0; i < CAMP; i++) {
            green.add(member("Green " + i));
            grey.add(member("Grey " + i));
            blue.add(member("Blue " + i));
        }
        var all = new ArrayList<Post>(greenIdeas);
        all.addAll(greyIdeas);
        all.add(commonGround);
        for (int i = 0; i < CAMP; i++) {
            Instant early = firstHour.plusSeconds(60L * i);
            Instant late = firstHour.plus(3, ChronoUnit.HOURS).plusSeconds(60L * i);
            // Blue: late and early opening both, not more seats. Each member passes on one idea: camps are not
            // unanimous.
            Post passed = all.get(i % all.size());
            for (var idea : all) {
                boolean isGreen = greenIdeas.contains(idea);
                boolean isGrey = greyIdeas.contains(idea);
                react(green.get(i), idea, idea == passed ? ReactionKind.PASS
                        : isGrey ? ReactionKind.DISAGREE : ReactionKind.AGREE, early);
                react(grey.get(i), idea, idea == passed ? ReactionKind.PASS
                        : isGreen ? ReactionKind.DISAGREE : ReactionKind.AGREE, early);
                react(blue.get(i), idea, idea == passed ? ReactionKind.PASS
                        : idea == commonGround ? ReactionKind.DISAGREE : ReactionKind.AGREE, late);
            }
        }
        assertThat(recompute.recompute(jam.id())).as("this node gets the lease").isTrue();
    }

    Person member(String name) {
        var person = fixtures.person(name, Role.PARTICIPANT);
        fixtures.join(jam, person);
        return person;
    }

    /** Reacts as the person would, then dates the reaction to the hour the story needs. */
    void react(Person person, Post post, ReactionKind kind, Instant at) {
        fixtures.reacting().react(fixtures.actor(person), post.id(), kind);
        jdbc.sql("update reaction set reacted_at = ? where post_id = ? and person_id = ?")
                .params(Timestamp.from(at), post.id(), person.id()).update();
        votes.add(new Timed(person.id(), post.id(), kind == ReactionKind.AGREE ? 1
                : kind == ReactionKind.DISAGREE ? -1 : 0, at));
    }

    OpinionSnapshot jamMap() {
        return snapshots.latest(jam.id(), OpinionSnapshot.WHOLE_JAM).orElseThrow();
    }

    /** What {@code ./incrowd analyse opinions} computes from these votes and times. */
    OpinionResult analysedFromTheVotes() {
        var history = VoteHistory.builder();
        votes.forEach(v -> history.vote(v.person(), v.post(), v.value(), v.at().toEpochMilli()));
        return OpinionAnalysis.history(history.build(), OpinionSettings.DEFAULT, MissingVotes.STATEMENT_AVERAGE);
    }

    /**
     * A node parses a stored map once and keeps it while it is the latest, so that a page view does not parse a
     * Jam-sized map: the map carries its clock's nanoseconds, the database keeps microseconds, and an exact
     * comparison of the two made every view parse it again.
     */
    @Test
    void anotherNodeParsesTheStoredMapOnceWhileItIsTheLatest() {
        var otherNode = new OpinionSnapshots(jdbc, context.getBean(JsonMapper.class));
        var read = otherNode.latest(jam.id(), OpinionSnapshot.WHOLE_JAM).orElseThrow();
        assertThat(read.computedAt()).isEqualTo(jamMap().computedAt());
        assertThat(otherNode.latest(jam.id(), OpinionSnapshot.WHOLE_JAM).orElseThrow()).isSameAs(read);
    }

    @Test
    void theJamsMapShowsTheGroupsOfItsHistoryAsAnalyseOpinionsComputesThem() throws Exception {
        var analysed = analysedFromTheVotes();
        var map = jamMap();

        assertThat(map.placements()).extracting(Placement::participant, Placement::group)
                .isEqualTo(analysed.placements().stream().map(p -> org.assertj.core.groups.Tuple.tuple(
                        p.participant(), p.group())).toList());
        assertThat(map.groups()).extracting(OpinionGroup::size).containsExactly(
                analysed.groups().stream().mapToInt(OpinionGroup::size).boxed().toArray(Integer[]::new));
        assertThat(map.groups()).as("the third camp came after the map had settled").hasSize(2);

        var html = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .get("/jams/" + jam.id() + "/opinions").accept("text/html").with(fixtures.bearer(green.get(0))))
                .andReturn().getResponse().getContentAsString();
        for (var group : map.groups()) {
            assertThat(html).contains("Group " + OpinionPage.groupName(group.id()) + ": " + group.size() + " people");
        }
    }

    @Test
    void aComputationFromTheFinalVotesAloneWouldShowTheThirdCamp() {
        var history = VoteHistory.builder();
        votes.forEach(v -> history.vote(v.person(), v.post(), v.value(), firstHour.toEpochMilli()));
        var allAtOnce = OpinionAnalysis.history(history.build(), OpinionSettings.DEFAULT,
                MissingVotes.STATEMENT_AVERAGE);

        assertThat(allAtOnce.groups()).as("the same votes, all in one hour").hasSize(3);
        assertThat(jamMap().groups()).hasSize(2);
    }

    @Test
    void aRestartResumesFromTheStoredCheckpointsToTheSameMap() {
        recompute.recompute(jam.id());
        var carried = jamMap();
        var stored = storedPoints();

        recompute.forgetCheckpoints();
        recompute.recompute(jam.id());
        var resumed = jamMap();

        assertThat(stored).as("the replay's checkpoints, kept in the database").isNotEmpty();
        assertThat(storedPoints()).isEqualTo(stored);
        assertThat(resumed.placements()).isEqualTo(carried.placements());
        assertThat(resumed.groups()).isEqualTo(carried.groups());
        assertThat(resumed.consensus()).isEqualTo(carried.consensus());
    }

    @Test
    void aRestartWithoutStoredCheckpointsReplaysTheHistoryToTheSameMap() {
        recompute.recompute(jam.id());
        var carried = jamMap();

        recompute.forgetCheckpoints();
        jdbc.sql("delete from opinion_history_checkpoint where jam_id = ?").param(jam.id()).update();
        recompute.recompute(jam.id());
        var replayed = jamMap();

        assertThat(replayed.placements()).isEqualTo(carried.placements());
        assertThat(replayed.groups()).isEqualTo(carried.groups());
        assertThat(storedPoints()).as("written again by the replay").isNotEmpty();
    }

    @Test
    void unreadableStoredCheckpointsAreReplacedByAReplayFromTheFirstVote() {
        recompute.recompute(jam.id());
        var carried = jamMap();
        var stored = storedPoints();

        recompute.forgetCheckpoints();
        var written = damage(jam.id(), false);
        recompute.recompute(jam.id());

        assertThat(jamMap().placements()).isEqualTo(carried.placements());
        assertThat(jamMap().groups()).isEqualTo(carried.groups());
        assertThat(storedPoints()).isEqualTo(stored);
        assertThat(damage(jam.id(), true)).as("the unreadable rows written anew").isEqualTo(written);
    }

    /**
     * Cuts each stored state of the Jam to its first half (what a reader of a point sees first stays readable, its
     * components and clusters do not); with {@code dryRun}, only answers the states as they are.
     */
    List<String> damage(long jamId, boolean dryRun) {
        var rows = jdbc.sql("select forum_id, ends_hour, state from opinion_history_checkpoint where jam_id = ?")
                .param(jamId).query((rs, n) -> new Object[] {rs.getLong(1), rs.getLong(2), rs.getBytes(3)}).list();
        var states = new ArrayList<String>();
        for (var row : rows) {
            byte[] state = (byte[]) row[2];
            states.add(row[0] + ":" + row[1] + ":" + java.util.Arrays.hashCode(state));
            if (!dryRun) {
                jdbc.sql("update opinion_history_checkpoint set state = ? where jam_id = ? and forum_id = ? "
                                + "and ends_hour = ?")
                        .params(java.util.Arrays.copyOf(state, state.length / 2), jamId, row[0], row[1]).update();
            }
        }
        states.sort(null);
        return states;
    }

    @Test
    void aReactionChangedInTheFirstHourChangesTheMapAfterARestartAsAnalyseOpinionsWould() {
        recompute.recompute(jam.id());
        var before = jamMap();
        var storedBefore = storedPoints();
        var person = green.get(1);
        var idea = greyIdeas.get(2);
        var cast = votes.stream().filter(v -> v.person() == person.id() && v.post() == idea.id()).findFirst()
                .orElseThrow();
        votes.remove(cast);

        react(person, idea, ReactionKind.AGREE, cast.at());
        recompute.forgetCheckpoints();
        recompute.recompute(jam.id());
        var after = jamMap();

        assertThat(cast.value()).as("the vote was a disagreement").isEqualTo(-1);
        assertThat(after.placements()).isNotEqualTo(before.placements());
        assertThat(after.placements()).extracting(Placement::participant, Placement::group)
                .isEqualTo(analysedFromTheVotes().placements().stream().map(p -> org.assertj.core.groups.Tuple.tuple(
                        p.participant(), p.group())).toList());
        assertThat(storedPoints()).as("the first hour's checkpoint is another one now")
                .isNotEmpty().isNotEqualTo(storedBefore);
    }

    /** The stored checkpoints of the whole Jam's map: which hours, with which fingerprints of their votes. */
    List<String> storedPoints() {
        return jdbc.sql("""
                        select ends_hour, fingerprint from opinion_history_checkpoint
                        where jam_id = ? and forum_id = ? order by ends_hour""")
                .params(jam.id(), OpinionSnapshot.WHOLE_JAM)
                .query((rs, n) -> rs.getLong(1) + ":" + rs.getLong(2)).list();
    }
}
