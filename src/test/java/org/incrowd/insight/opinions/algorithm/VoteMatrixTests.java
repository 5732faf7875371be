package org.incrowd.insight.opinions.algorithm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class VoteMatrixTests {

    @Test
    void aLaterVoteOnTheSameStatementReplacesTheEarlier() {
        var matrix = VoteMatrix.builder().vote(1, 10, 1).vote(1, 10, -1).vote(1, 11, 0).build();

        assertThat(matrix.votes()).isEqualTo(2);
        assertThat(matrix.vote(1, 10)).isEqualTo(-1);
        assertThat(matrix.vote(1, 11)).isZero();
        assertThat(matrix.vote(1, 12)).isNull();
    }

    @Test
    void rowsAndColumnsAreInAscendingKeyOrderWhateverTheInputOrder() {
        var matrix = VoteMatrix.builder().vote(30, 7, 1).vote(10, 9, -1).vote(20, 8, 0).vote(10, 7, 1).build();

        assertThat(matrix.participants()).isEqualTo(3);
        assertThat(matrix.participantKey(0)).isEqualTo(10);
        assertThat(matrix.participantKey(2)).isEqualTo(30);
        assertThat(matrix.statementKey(0)).isEqualTo(7);
        assertThat(matrix.statementKey(2)).isEqualTo(9);
        assertThat(matrix.votesOf(matrix.participantRow(10))).isEqualTo(2);
    }

    @Test
    void excludedStatementsAreNoColumnsButAreRemembered() {
        var matrix = VoteMatrix.builder().vote(1, 1, 1).vote(1, 2, 1).vote(2, 2, -1).exclude(2).exclude(99).build();

        assertThat(matrix.statements()).isEqualTo(1);
        assertThat(matrix.vote(1, 2)).isNull();
        assertThat(matrix.isExcluded(2)).isTrue();
        assertThat(matrix.excludedStatementsWithVotes()).isEqualTo(1);
        // Participant 2 voted only on the excluded statement: a row without votes.
        assertThat(matrix.participants()).isEqualTo(2);
        assertThat(matrix.votesOf(matrix.participantRow(2))).isZero();
    }

    @Test
    void countsEachParticipantsVotesOnExcludedStatementsOnce() {
        var matrix = VoteMatrix.builder().vote(1, 1, 1).vote(1, 2, 1).vote(1, 2, -1).vote(1, 3, 0).vote(2, 1, 1)
                .exclude(2).exclude(3).build();

        assertThat(matrix.excludedVotesOf(matrix.participantRow(1))).isEqualTo(2);
        assertThat(matrix.excludedVotesOf(matrix.participantRow(2))).isZero();
    }

    @Test
    void plusCountsVotesOnExcludedStatementsLikeAFreshBuild() {
        // Person 1 votes again on excluded statement 3; newer excludes statement 1, which both had votes on.
        var older = VoteMatrix.builder().vote(1, 1, 1).vote(1, 3, 1).vote(2, 1, -1).vote(2, 4, 1).exclude(3).build();
        var newer = VoteMatrix.builder().vote(1, 3, -1).vote(2, 5, 1).vote(3, 3, 0).exclude(1).exclude(3).build();
        var both = older.plus(newer);

        var fresh = VoteMatrix.builder().vote(1, 1, 1).vote(1, 3, 1).vote(2, 1, -1).vote(2, 4, 1).vote(1, 3, -1)
                .vote(2, 5, 1).vote(3, 3, 0).exclude(1).exclude(3).build();
        assertThat(both.participants()).isEqualTo(fresh.participants());
        for (int i = 0; i < both.participants(); i++) {
            assertThat(both.excludedVotesOf(i)).as("participant " + both.participantKey(i))
                    .isEqualTo(fresh.excludedVotesOf(i));
        }
        assertThat(both.excludedVotesOf(both.participantRow(1))).isEqualTo(2);
    }

    @Test
    void plusLaysNewerVotesOverOlderOnes() {
        var older = VoteMatrix.builder().vote(1, 1, 1).vote(1, 2, 1).vote(2, 1, -1).build();
        var newer = VoteMatrix.builder().vote(1, 2, -1).vote(3, 5, 0).exclude(1).build();
        var both = older.plus(newer);

        var expected = VoteMatrix.builder().vote(1, 1, 1).vote(1, 2, 1).vote(2, 1, -1).vote(1, 2, -1).vote(3, 5, 0)
                .exclude(1).build();
        assertThat(both.votes()).isEqualTo(expected.votes());
        assertThat(both.participants()).isEqualTo(expected.participants());
        assertThat(both.vote(1, 2)).isEqualTo(-1);
        assertThat(both.vote(1, 1)).isNull();
        assertThat(both.excludedStatementsWithVotes()).isEqualTo(1);
        for (int i = 0; i < both.participants(); i++) {
            assertThat(both.participantKey(i)).isEqualTo(expected.participantKey(i));
            assertThat(both.votesOf(i)).isEqualTo(expected.votesOf(i));
        }
    }

    @Test
    void plusOfVotesOnKnownStatementsEqualsAFreshBuild() {
        var all = VoteMatrix.builder();
        var older = VoteMatrix.builder();
        var newer = VoteMatrix.builder();
        for (int v = 0; v < 5_000; v++) {
            long person = v % 300;
            long statement = v * 7 % 40;
            int value = v % 3 - 1;
            all.vote(person, statement, value);
            (v < 4_000 ? older : newer).vote(person, statement, value);
        }
        var merged = older.build().plus(newer.build());
        var fresh = all.build();

        assertThat(merged.votes()).isEqualTo(fresh.votes());
        for (long person = 0; person < 300; person++) {
            for (long statement = 0; statement < 40; statement++) {
                assertThat(merged.vote(person, statement)).isEqualTo(fresh.vote(person, statement));
            }
        }
    }

    @Test
    void rejectsAVoteThatIsNotAgreeDisagreeOrPass() {
        assertThatThrownBy(() -> VoteMatrix.builder().vote(1, 2, 5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not 5").hasMessageContaining("participant 1");
    }

    @Test
    void holdsManyVotesCompactly() {
        var builder = VoteMatrix.builder();
        for (int v = 0; v < 200_000; v++) {
            builder.vote(v % 5_000, v % 997, v % 3 - 1);
        }
        var matrix = builder.build();

        assertThat(matrix.participants()).isEqualTo(5_000);
        assertThat(matrix.statements()).isEqualTo(997);
        assertThat(matrix.votes()).isEqualTo(200_000);
    }
}
