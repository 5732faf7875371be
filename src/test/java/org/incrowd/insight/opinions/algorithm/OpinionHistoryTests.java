package org.incrowd.insight.opinions.algorithm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The groups as a conversation's history made them ({@link OpinionAnalysis#history}). */
class OpinionHistoryTests {

    private static final OpinionSettings SETTINGS = OpinionSettings.DEFAULT;
    private static final long HOUR = VoteHistory.STEP_MILLIS;
    private static final long START = 1_780_000_000_000L / HOUR * HOUR;

    private record Timed(Camps.Vote vote, long time) {}

    @Test
    void aConversationWhoseVotesCameWithinOneHourGroupsAsAFullAnalysis() {
        var votes = Camps.twoCamps(20);
        var timed = new ArrayList<Timed>();
        for (int i = 0; i < votes.size(); i++) {
            timed.add(new Timed(votes.get(i), START + i * 1000L));
        }

        var history = OpinionAnalysis.history(history(timed), SETTINGS, MissingVotes.STATEMENT_AVERAGE);
        var full = OpinionAnalysis.analyse(Camps.matrix(votes), SETTINGS);

        assertThat(history.placements()).isEqualTo(full.placements());
        assertThat(history.groups()).hasSize(2);
    }

    @Test
    void groupsFoundEarlyHoldWhenANewCampArrivesInTheLastHour() {
        // Camps A and B in the first hour, camp C with them or in the last hour; a vote an hour until the end.
        var early = withThirdCamp(0, 7);
        var late = withThirdCamp(6, 7);

        var settled = OpinionAnalysis.history(history(early), SETTINGS, MissingVotes.STATEMENT_AVERAGE);
        var fresh = OpinionAnalysis.history(history(late), SETTINGS, MissingVotes.STATEMENT_AVERAGE);
        var full = OpinionAnalysis.analyse(matrix(early), SETTINGS);

        assertThat(full.groups()).as("from scratch, the same votes").hasSize(3);
        assertThat(settled.groups()).as("camp C there from the start").hasSize(3);
        assertThat(fresh.groups()).as("camp C only in the last hour").hasSize(2);
    }

    @Test
    void aReplaysRowsAreInTheOrderPolisMatrixAppendsThem() {
        // Pol.is appends the rows new in each recomputation's batch, which comes ordered by statement, then
        // participant: by the hour of the first vote, then the lowest statement voted on in it, then key.
        var history = VoteHistory.builder()
                .vote(9, 5, 1, START + 10)
                .vote(3, 2, 1, START + HOUR + 30)
                .vote(1, 4, -1, START + HOUR + 10)
                .vote(7, 2, 0, START + HOUR + 20)
                .vote(1, 1, 1, START + 2 * HOUR) // a later hour: no longer counts for participant 1's place
                .vote(2, 9, 1, START + 2 * HOUR + 5)
                .build();

        var replay = history.replay();
        var firstHour = replay.nextHour();
        var all = replay.all();

        assertThat(keysInArrivalOrder(firstHour)).containsExactly(9L);
        assertThat(keysInArrivalOrder(all)).containsExactly(9L, 3L, 7L, 1L, 2L);
    }

    private static List<Long> keysInArrivalOrder(VoteMatrix matrix) {
        var keys = new ArrayList<Long>();
        for (int row : matrix.arrival()) {
            keys.add(matrix.participantKey(row));
        }
        return keys;
    }

    @Test
    void someoneGroupedWhenTheConversationWasYoungStaysGroupedAsStatementsAreAdded() {
        // Three statements in the first hour: three votes are enough to be grouped. Seven more statements two hours
        // later, which everyone but participant 99 answers: from scratch, 3 votes of 10 are too few.
        var timed = new ArrayList<Timed>();
        for (long person = 1; person <= 20; person++) {
            int side = person % 2 == 0 ? 1 : -1;
            for (long statement = 1; statement <= 3; statement++) {
                timed.add(new Timed(new Camps.Vote(person, statement, statement == 3 ? -side : side),
                        START + person * 1000L + statement));
            }
            for (long statement = 4; statement <= 10; statement++) {
                timed.add(new Timed(new Camps.Vote(person, statement, side), START + 2 * HOUR + person * 1000L
                        + statement));
            }
        }
        for (long statement = 1; statement <= 3; statement++) {
            timed.add(new Timed(new Camps.Vote(99, statement, statement == 3 ? -1 : 1), START + 30_000 + statement));
        }

        var history = OpinionAnalysis.history(history(timed), SETTINGS, MissingVotes.STATEMENT_AVERAGE);
        var full = OpinionAnalysis.analyse(matrix(timed), SETTINGS);

        assertThat(Camps.groupOf(full, 99)).as("from scratch").isEqualTo(Placement.UNGROUPED);
        assertThat(Camps.groupOf(history, 99)).as("grouped in the first hour, still grouped")
                .isEqualTo(Camps.groupOf(history, 2));
    }

    @Test
    void theSameVotesAtTheSameTimesGiveTheSameGroupsInAnyOrder() {
        var timed = withThirdCamp(2, 9);
        var shuffled = new ArrayList<>(timed);
        Collections.shuffle(shuffled, new Random(11));

        var once = OpinionAnalysis.history(history(timed), SETTINGS, MissingVotes.STATEMENT_AVERAGE);
        var again = OpinionAnalysis.history(history(shuffled), SETTINGS, MissingVotes.STATEMENT_AVERAGE);

        assertThat(again.placements()).isEqualTo(once.placements());
        assertThat(again.groups()).isEqualTo(once.groups());
    }

    @Test
    void aReplayThatStartsAtTheLastCheckpointEndsWhereAReplayFromTheFirstVoteEnds() {
        var timed = withThirdCamp(2, 9);
        var firstHours = timed.stream().filter(t -> t.time() < START + 5 * HOUR).toList();

        var earlier = OpinionAnalysis.history(history(firstHours), SETTINGS, MissingVotes.STATEMENT_AVERAGE, null);
        var resumed = OpinionAnalysis.history(history(timed), SETTINGS, MissingVotes.STATEMENT_AVERAGE,
                earlier.checkpoint());
        var fromStart = OpinionAnalysis.history(history(timed), SETTINGS, MissingVotes.STATEMENT_AVERAGE, null);

        assertThat(earlier.checkpoint()).as("hours replayed before the last one").isNotNull();
        assertThat(resumed.result().placements()).isEqualTo(fromStart.result().placements());
        assertThat(resumed.result().groups()).isEqualTo(fromStart.result().groups());
    }

    @Test
    void aVoteChangedInAnEarlierHourMakesTheReplayStartAgainFromTheFirstVote() {
        var timed = withThirdCamp(2, 9);
        var checkpoint = OpinionAnalysis.history(history(timed), SETTINGS, MissingVotes.STATEMENT_AVERAGE, null)
                .checkpoint();
        // Camp C changes its mind on the split statement in hour 2: the hours since are another history.
        var changed = new ArrayList<Timed>();
        for (var t : timed) {
            boolean campC = t.vote().participant() > 200 && t.vote().statement() == Camps.SPLIT;
            changed.add(campC ? new Timed(new Camps.Vote(t.vote().participant(), Camps.SPLIT, 1), t.time()) : t);
        }

        var resumed = OpinionAnalysis.history(history(changed), SETTINGS, MissingVotes.STATEMENT_AVERAGE, checkpoint);
        var fromStart = OpinionAnalysis.history(history(changed), SETTINGS, MissingVotes.STATEMENT_AVERAGE, null);

        assertThat(resumed.result().placements()).isEqualTo(fromStart.result().placements());
        assertThat(resumed.result().groups()).isEqualTo(fromStart.result().groups());
    }

    @Test
    void aCheckpointReadBackFromItsStoredBytesResumesTheReplayToTheSameMap() {
        var timed = withThirdCamp(2, 9);
        var firstHours = timed.stream().filter(t -> t.time() < START + 8 * HOUR).toList();
        var written = OpinionAnalysis.history(history(firstHours), SETTINGS, MissingVotes.STATEMENT_AVERAGE, null)
                .checkpoint();
        var stored = written.marks().stream().map(written::bytesOf).toList();

        var restored = HistoryCheckpoint.read(stored.reversed());
        var resumed = OpinionAnalysis.history(history(timed), SETTINGS, MissingVotes.STATEMENT_AVERAGE, restored);
        var fromStart = OpinionAnalysis.history(history(timed), SETTINGS, MissingVotes.STATEMENT_AVERAGE, null);

        assertThat(restored.marks()).as("oldest first, whatever order the rows came in")
                .isEqualTo(written.marks());
        var before = written.pointsFor(SETTINGS, MissingVotes.STATEMENT_AVERAGE);
        var after = restored.pointsFor(SETTINGS, MissingVotes.STATEMENT_AVERAGE);
        for (int i = 0; i < before.size(); i++) {
            assertThat(after.get(i).components()).isEqualTo(before.get(i).components());
            assertThat(after.get(i).carried()).usingRecursiveComparison().isEqualTo(before.get(i).carried());
        }
        assertThat(resumed.replayedHours()).as("only the hours after the stored ones")
                .isLessThan(fromStart.replayedHours());
        assertThat(resumed.result().placements()).isEqualTo(fromStart.result().placements());
        assertThat(resumed.result().groups()).isEqualTo(fromStart.result().groups());
    }

    @Test
    void aStoredCheckpointIsNotResumedFromByAReplayWithOtherSettings() {
        var timed = withThirdCamp(2, 9);
        var written = OpinionAnalysis.history(history(timed), SETTINGS, MissingVotes.STATEMENT_AVERAGE, null)
                .checkpoint();
        var restored = HistoryCheckpoint.read(written.marks().stream().map(written::bytesOf).toList());
        var other = new OpinionSettings(3, 5, 100, 5, 10);

        var resumed = OpinionAnalysis.history(history(timed), other, MissingVotes.STATEMENT_AVERAGE, restored);
        var fromStart = OpinionAnalysis.history(history(timed), other, MissingVotes.STATEMENT_AVERAGE, null);

        assertThat(HistoryCheckpoint.method(other, MissingVotes.STATEMENT_AVERAGE))
                .isNotEqualTo(HistoryCheckpoint.method(SETTINGS, MissingVotes.STATEMENT_AVERAGE));
        assertThat(resumed.replayedHours()).isEqualTo(fromStart.replayedHours());
        assertThat(resumed.result().placements()).isEqualTo(fromStart.result().placements());
    }

    @Test
    void checkpointsAreKeptForTheNewestHourAndOneHourInEachBandOfAgeBeforeIt() {
        var points = new ArrayList<HistoryCheckpoint.Point>();
        for (long hour = 1; hour <= 40; hour++) {
            var kept = HistoryCheckpoint.keep(points, new HistoryCheckpoint.Point(hour, hour, SETTINGS,
                    MissingVotes.STATEMENT_AVERAGE, null, GroupClustering.Carried.NONE));
            points.clear();
            points.addAll(kept);
        }

        var ages = points.stream().mapToLong(p -> 40 - p.hour()).toArray();
        assertThat(ages).as("newest last, one per band of age 1, 2-3, 4-7, 8-15, 16-31, 32-63, the first kept")
                .hasSize(7).startsWith(39).endsWith(1, 0);
        for (int i = 0; i + 1 < ages.length; i++) {
            assertThat(64 - Long.numberOfLeadingZeros(ages[i]))
                    .isEqualTo(64 - Long.numberOfLeadingZeros(ages[i + 1]) + 1);
        }
    }

    /**
     * Camps A and B vote in the first hour; camp C (agreeing with both camps' statements, disagreeing with what
     * everyone else agrees with) in hour {@code campC}; one of A re-votes each later hour up to {@code lastHour}.
     */
    private static List<Timed> withThirdCamp(int campC, int lastHour) {
        var timed = new ArrayList<Timed>();
        for (var vote : Camps.twoCamps(20)) {
            timed.add(new Timed(vote, START + timed.size() * 1000L));
        }
        for (int i = 1; i <= 20; i++) {
            long person = 200 + i;
            long at = START + campC * HOUR + i * 1000L;
            timed.add(new Timed(new Camps.Vote(person, Camps.EVERYONE_AGREES, -1), at));
            timed.add(new Timed(new Camps.Vote(person, Camps.SPLIT, 0), at));
            for (long s : Camps.A_AGREES) {
                timed.add(new Timed(new Camps.Vote(person, s, 1), at));
            }
            for (long s : Camps.B_AGREES) {
                timed.add(new Timed(new Camps.Vote(person, s, 1), at));
            }
            for (long s : Camps.UNDECIDED) {
                timed.add(new Timed(new Camps.Vote(person, s, i % 2 == 0 ? 1 : -1), at));
            }
        }
        for (int hour = 1; hour <= lastHour; hour++) {
            timed.add(new Timed(new Camps.Vote(1, Camps.EVERYONE_AGREES, 1), START + hour * HOUR + 5));
        }
        return timed;
    }

    private static VoteHistory history(List<Timed> votes) {
        var builder = VoteHistory.builder();
        votes.forEach(t -> builder.vote(t.vote().participant(), t.vote().statement(), t.vote().value(), t.time()));
        return builder.build();
    }

    private static VoteMatrix matrix(List<Timed> votes) {
        return Camps.matrix(votes.stream().map(Timed::vote).toList());
    }
}
