package org.incrowd.insight.opinions.algorithm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.incrowd.insight.opinions.algorithm.Camps.groupOf;
import static org.incrowd.insight.opinions.algorithm.Camps.matrix;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class OpinionAnalysisTests {

    private static final OpinionSettings SETTINGS = OpinionSettings.DEFAULT;

    @Test
    void twoClearCampsGiveTwoGroupsWithTheRightMembers() {
        var result = OpinionAnalysis.analyse(matrix(Camps.twoCamps(20)), SETTINGS);

        assertThat(result.groups()).hasSize(2);
        assertThat(result.groups()).extracting(OpinionGroup::size).containsExactly(20, 20);
        int a = groupOf(result, 1);
        int b = groupOf(result, 101);
        assertThat(a).isNotEqualTo(b);
        for (long i = 1; i <= 20; i++) {
            assertThat(groupOf(result, i)).as("camp A member %d", i).isEqualTo(a);
            assertThat(groupOf(result, 100 + i)).as("camp B member %d", 100 + i).isEqualTo(b);
        }
    }

    @Test
    void groupsAreNumberedLargestFirst() {
        var votes = Camps.twoCamps(20);
        votes.removeIf(v -> v.participant() > 115); // camp B: 15 members
        var result = OpinionAnalysis.analyse(matrix(votes), SETTINGS);

        assertThat(result.groups()).extracting(OpinionGroup::size).containsExactly(20, 15);
        assertThat(groupOf(result, 1)).isZero();
    }

    @Test
    void aStatementEveryoneAgreesWithTopsConsensus() {
        var result = OpinionAnalysis.analyse(matrix(Camps.twoCamps(20)), SETTINGS);

        var top = result.consensus().getFirst();
        assertThat(top.statement()).isEqualTo(Camps.EVERYONE_AGREES);
        assertThat(top.stance()).isEqualTo(Stance.AGREE);
        assertThat(top.shareByGroup()).allSatisfy(share -> assertThat(share).isGreaterThan(0.9));
        assertThat(result.consensus()).extracting(StatementStanding::statement).doesNotContain(Camps.SPLIT);
    }

    @Test
    void aStatementTheCampsSplitOnTopsDivisive() {
        var result = OpinionAnalysis.analyse(matrix(Camps.twoCamps(20)), SETTINGS);

        assertThat(result.divisive().getFirst().statement()).isEqualTo(Camps.SPLIT);
        assertThat(result.divisive()).extracting(StatementStanding::statement)
                .doesNotContain(Camps.EVERYONE_AGREES);
    }

    @Test
    void representativeStatementsOfEachCampAreTheOnesItAgreesWithAndTheOtherDisagreesWith() {
        var result = OpinionAnalysis.analyse(matrix(Camps.twoCamps(20)), SETTINGS);
        var a = result.groups().get(groupOf(result, 1));
        var b = result.groups().get(groupOf(result, 101));

        assertThat(a.representative()).isNotEmpty().allSatisfy(r -> assertThat(r.stance() == Stance.AGREE
                ? isAgreedByA(r.statement()) : isAgreedByB(r.statement())).isTrue());
        assertThat(b.representative()).isNotEmpty().allSatisfy(r -> assertThat(r.stance() == Stance.AGREE
                ? isAgreedByB(r.statement()) : isAgreedByA(r.statement())).isTrue());
        // Agreeing statements first, as Pol.is shows them.
        assertThat(a.representative().getFirst().stance()).isEqualTo(Stance.AGREE);
        assertThat(a.representative().getFirst().groupShare()).isGreaterThan(a.representative().getFirst()
                .othersShare());
        assertThat(a.representative()).hasSizeLessThanOrEqualTo(SETTINGS.representativePerGroup());
    }

    private static boolean isAgreedByA(long statement) {
        return statement == Camps.SPLIT || Camps.A_AGREES.contains(statement);
    }

    private static boolean isAgreedByB(long statement) {
        return Camps.B_AGREES.contains(statement);
    }

    @Test
    void aSmallStronglyHeldMinorityAppearsInMinority() {
        // Camps A (34: odd numbers), B (25) and a small camp C (9: every eighth), arriving mixed as people join a Jam.
        // Everyone in A and B rejects statements 11 and 12; C holds them and keeps out of the big camps' quarrel.
        var votes = new ArrayList<Camps.Vote>();
        long dissent = 11;
        long alsoDissent = 12;
        for (int p = 1; p <= 68; p++) {
            if (p % 8 == 4) {
                votes.add(new Camps.Vote(p, dissent, 1));
                votes.add(new Camps.Vote(p, alsoDissent, p % 3 == 0 ? 0 : 1));
                votes.add(new Camps.Vote(p, Camps.EVERYONE_AGREES, 1));
                for (long s = Camps.SPLIT; s <= 8; s++) {
                    votes.add(new Camps.Vote(p, s, 0));
                }
            } else {
                Camps.member(votes, p, p % 2 == 1, p);
                votes.add(new Camps.Vote(p, dissent, -1));
                votes.add(new Camps.Vote(p, alsoDissent, -1));
            }
        }
        var result = OpinionAnalysis.analyse(matrix(votes), SETTINGS);
        int small = groupOf(result, 4);

        assertThat(result.groups()).extracting(OpinionGroup::size).containsExactly(34, 25, 9);
        for (int p = 1; p <= 68; p++) {
            int camp = p % 8 == 4 ? 2 : p % 2 == 1 ? 0 : 1;
            assertThat(groupOf(result, p)).as("participant %d", p).isEqualTo(camp);
        }
        assertThat(result.minority()).isNotEmpty().allSatisfy(m -> assertThat(m.group()).isEqualTo(small));
        var top = result.minority().getFirst();
        assertThat(top.statement()).isEqualTo(dissent);
        assertThat(top.stance()).isEqualTo(Stance.AGREE);
        assertThat(top.groupShare()).isGreaterThanOrEqualTo(MinorityReport.HELD);
        assertThat(top.othersShare()).isLessThan(0.1);
    }

    @Test
    void participantsWithTooFewVotesAreUngrouped() {
        var votes = Camps.twoCamps(20);
        votes.add(new Camps.Vote(500, Camps.SPLIT, 1));
        votes.add(new Camps.Vote(500, 3, 1));
        var result = OpinionAnalysis.analyse(matrix(votes), SETTINGS);

        var newcomer = result.placements().stream().filter(p -> p.participant() == 500).findFirst().orElseThrow();
        assertThat(newcomer.grouped()).isFalse();
        assertThat(newcomer.group()).isEqualTo(Placement.UNGROUPED);
        assertThat(newcomer.votes()).isEqualTo(2);
        assertThat(result.groups()).extracting(OpinionGroup::size).containsExactly(20, 20);
        assertThat(result.placements()).hasSize(41);
    }

    @Test
    void votesOnHiddenStatementsCountTowardsBeingGrouped() {
        // Pol.is's rule: how much someone took part includes their votes on statements a moderator hid later.
        var builder = VoteMatrix.builder().exclude(90).exclude(91);
        Camps.twoCamps(20).forEach(v -> builder.vote(v.participant(), v.statement(), v.value()));
        for (long person : List.of(500L, 501L)) {
            builder.vote(person, Camps.EVERYONE_AGREES, 1).vote(person, Camps.SPLIT, 1).vote(person, 3, 1)
                    .vote(person, 4, 1).vote(person, 5, 1).vote(person, 6, -1);
        }
        builder.vote(500, 90, 1).vote(500, 91, -1);
        var result = OpinionAnalysis.analyse(builder.build(), SETTINGS);

        var campA = placement(result, 1).group();
        assertThat(placement(result, 500).grouped()).as("6 votes and 2 on hidden statements").isTrue();
        assertThat(placement(result, 500).group()).isEqualTo(campA);
        assertThat(placement(result, 500).votes()).isEqualTo(6);
        assertThat(placement(result, 501).grouped()).as("6 votes").isFalse();
    }

    private static Placement placement(OpinionResult result, long participant) {
        return result.placements().stream().filter(p -> p.participant() == participant).findFirst().orElseThrow();
    }

    @Test
    void aYoungConversationGroupsItsMostActiveParticipantsAnyway() {
        // Pol.is's rule: with fewer than 15 participants over the vote threshold, the most active others join.
        var votes = new ArrayList<>(Camps.twoCamps(5));
        votes.removeIf(v -> v.participant() % 2 == 0 && v.statement() > 4);
        var result = OpinionAnalysis.analyse(matrix(votes), SETTINGS);

        assertThat(result.placements()).allSatisfy(p -> assertThat(p.grouped()).isTrue());
    }

    @Test
    void theSameVotesInAnotherOrderGiveAnIdenticalResult() {
        var votes = Camps.twoCamps(25);
        var shuffled = new ArrayList<>(votes);
        Collections.shuffle(shuffled, new Random(7));

        assertThat(OpinionAnalysis.analyse(matrix(shuffled), SETTINGS))
                .isEqualTo(OpinionAnalysis.analyse(matrix(votes), SETTINGS));
    }

    @Test
    void theResultDoesNotDependOnTheNumberOfThreads() throws Exception {
        // Big enough for several parallel chunks in every stage.
        var votes = Camps.many(40_000, 300, 600_000, 11);
        var onOneThread = new java.util.concurrent.ForkJoinPool(1);
        try {
            var serial = onOneThread.submit(() -> OpinionAnalysis.analyse(votes, SETTINGS)).get();
            var parallel = OpinionAnalysis.analyse(votes, SETTINGS);

            assertThat(parallel).isEqualTo(serial);
            assertThat(parallel.groups()).hasSizeGreaterThanOrEqualTo(2);
        } finally {
            onOneThread.shutdown();
        }
    }

    @Test
    void excludedStatementsAreIgnored() {
        var votes = Camps.twoCamps(20);
        var builder = VoteMatrix.builder().exclude(Camps.SPLIT);
        votes.forEach(v -> builder.vote(v.participant(), v.statement(), v.value()));
        var result = OpinionAnalysis.analyse(builder.build(), SETTINGS);

        assertThat(result.statements()).isEqualTo(9);
        assertThat(result.groups()).hasSize(2);
        var mentioned = new ArrayList<Long>();
        result.groups().forEach(g -> g.representative().forEach(r -> mentioned.add(r.statement())));
        result.consensus().forEach(s -> mentioned.add(s.statement()));
        result.divisive().forEach(s -> mentioned.add(s.statement()));
        result.bridging().forEach(s -> mentioned.add(s.statement()));
        assertThat(mentioned).isNotEmpty().doesNotContain(Camps.SPLIT);
        assertThat(result.placements()).allSatisfy(p -> assertThat(p.votes()).isEqualTo(9));
    }

    @Test
    void bridgingRanksEveryStatementByAgreementAcrossGroups() {
        var result = OpinionAnalysis.analyse(matrix(Camps.twoCamps(20)), SETTINGS);

        assertThat(result.bridging()).hasSize(10);
        assertThat(result.bridging().getFirst().statement()).isEqualTo(Camps.EVERYONE_AGREES);
        assertThat(result.bridging()).extracting(StatementStanding::score).isSortedAccordingTo(
                (x, y) -> Double.compare(y, x));
    }

    @Test
    void anUpdateAfterAFewNewVotesEqualsAFullAnalysisOfTheSameVotes() {
        var votes = Camps.twoCamps(25);
        var before = OpinionAnalysis.analyse(matrix(votes), SETTINGS);
        votes.add(new Camps.Vote(3, 9, 1));
        votes.add(new Camps.Vote(104, 9, -1));
        votes.add(new Camps.Vote(300, Camps.SPLIT, 1));
        votes.add(new Camps.Vote(7, Camps.EVERYONE_AGREES, -1));
        var after = matrix(votes);

        var updated = OpinionAnalysis.update(before, after, SETTINGS);
        var full = OpinionAnalysis.analyse(after, SETTINGS);

        assertThat(updated.groups()).isEqualTo(full.groups());
        assertThat(updated.consensus()).extracting(StatementStanding::statement)
                .isEqualTo(full.consensus().stream().map(StatementStanding::statement).toList());
        assertThat(updated.divisive()).extracting(StatementStanding::statement)
                .isEqualTo(full.divisive().stream().map(StatementStanding::statement).toList());
        assertThat(updated.minority()).isEqualTo(full.minority());
        for (int i = 0; i < full.placements().size(); i++) {
            var u = updated.placements().get(i);
            var f = full.placements().get(i);
            assertThat(u.group()).isEqualTo(f.group());
            // The components stop at a tolerance (see PrincipalComponents); points agree to k-means' precision.
            assertThat(u.x()).isCloseTo(f.x(), within(KMeans.SETTLED));
            assertThat(u.y()).isCloseTo(f.y(), within(KMeans.SETTLED));
        }
    }

    @Test
    void anUpdateOnTheVotesOfAPlusMatrixMatchesAFreshBuild() {
        var votes = Camps.twoCamps(10);
        var first = matrix(votes.subList(0, 100));
        var rest = matrix(votes.subList(100, votes.size()));

        assertThat(OpinionAnalysis.analyse(first.plus(rest), SETTINGS))
                .isEqualTo(OpinionAnalysis.analyse(matrix(votes), SETTINGS));
    }

    @Test
    void nobodyVotedMeansNoGroups() {
        var result = OpinionAnalysis.analyse(VoteMatrix.builder().build(), SETTINGS);

        assertThat(result.groups()).isEmpty();
        assertThat(result.placements()).isEmpty();
        assertThat(result.consensus()).isEmpty();
        assertThat(result.bridging()).isEmpty();
    }

    @Test
    void votesOnlyOnExcludedStatementsGroupNobody() {
        var builder = VoteMatrix.builder().exclude(1).exclude(2);
        LongStream.rangeClosed(1, 20).forEach(p -> builder.vote(p, 1, 1).vote(p, 2, p % 2 == 0 ? 1 : -1));
        var result = OpinionAnalysis.analyse(builder.build(), SETTINGS);

        assertThat(result.placements()).hasSize(20).allSatisfy(p -> {
            assertThat(p.grouped()).isFalse();
            assertThat(p.votes()).isZero();
        });
        assertThat(result.groups()).isEmpty();
    }

    @Test
    void everyoneVotingAlikeGivesOneGroupAndNoDivisiveStatement() {
        var builder = VoteMatrix.builder();
        LongStream.rangeClosed(1, 20).forEach(p -> LongStream.rangeClosed(1, 8).forEach(s -> builder.vote(p, s, 1)));
        var result = OpinionAnalysis.analyse(builder.build(), SETTINGS);

        assertThat(result.groups()).hasSize(1);
        assertThat(result.groups().getFirst().size()).isEqualTo(20);
        assertThat(result.divisive()).isEmpty();
        assertThat(result.consensus()).hasSize(8);
    }

    @Test
    void rejectsSettingsOutOfRange() {
        var bad = new OpinionSettings(0, 5, 100, 5, 10);

        assertThatThrownBy(() -> OpinionAnalysis.analyse(matrix(List.of()), bad))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Opinion settings");
    }
}
