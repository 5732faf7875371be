package org.incrowd.live.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.incrowd.shared.LiveEventType;
import org.junit.jupiter.api.Test;

/**
 * Tallies go out in turns within the second, a forum at a time (ADR 50, "Tallies in turns"): a Jam's votes of one
 * second do not all reach every stream in one burst, and yet each thread gets its tally within the second.
 */
class TalliesTests {

    private static final long JAM = 4;

    /** The log, as far as tallies use it: what was appended, by thread. */
    private static final class Appended extends LiveLog {

        final List<Long> threads = new ArrayList<>();

        Appended() {
            super(null, null, null);
        }

        @Override
        void append(long jamId, Long forumId, Long threadId, LiveEventType type, String payload, Instant now) {
            threads.add(threadId);
        }
    }

    @Test
    void eachForumsThreadsGoOutInTheForumsOwnTurnAndEveryThreadWithinOneRoundOfTurns() {
        var log = new Appended();
        var tallies = new Tallies(log, new WakeUps(null, null), Clock.systemUTC());
        // Three forums with ids next to one another, as a Jam's forums have them; two threads in the first
        tallies.changed(JAM, 21, 100, 1001);
        tallies.changed(JAM, 21, 101, 1011);
        tallies.changed(JAM, 22, 200, 2001);
        tallies.changed(JAM, 23, 300, 3001);

        var perTurn = new ArrayList<List<Long>>();
        for (int turn = 0; turn < Tallies.SLOTS; turn++) {
            tallies.tick();
            perTurn.add(List.copyOf(log.threads));
            log.threads.clear();
        }

        assertThat(perTurn.get(1)).containsExactlyInAnyOrder(100L, 101L); // forum 21 in its turn, both threads at once
        assertThat(perTurn.get(2)).containsExactly(200L);
        assertThat(perTurn.get(3)).containsExactly(300L);
        assertThat(perTurn.stream().mapToInt(List::size).sum()).as("one tally per changed thread").isEqualTo(4);
    }

    @Test
    void aVoteAfterItsForumsTurnWaitsForTheNextRoundNotLonger() {
        var log = new Appended();
        var tallies = new Tallies(log, new WakeUps(null, null), Clock.systemUTC());
        tallies.tick(); // turn 0
        tallies.tick(); // turn 1: forum 21's, nothing changed yet
        tallies.changed(JAM, 21, 100, 1001);
        for (int turn = 2; turn < Tallies.SLOTS; turn++) {
            tallies.tick();
        }
        assertThat(log.threads).isEmpty();
        tallies.tick(); // turn 0 again
        tallies.tick(); // turn 1
        assertThat(log.threads).containsExactly(100L);
    }
}
