package org.incrowd.insight.opinions.polis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.incrowd.insight.opinions.polis.PolisExport.Vote;
import org.junit.jupiter.api.Test;

/** The latest vote of each voter on each comment, in time order, within a budget of distinct votes. */
class LatestVotesTests {

    @Test
    void keepsEachVotersLatestVotePerCommentInTimeOrder() {
        var latest = new LatestVotes(10);
        latest.add(new Vote(300, 1, 7, 1));
        latest.add(new Vote(100, 2, 7, -1));
        latest.add(new Vote(200, 1, 7, -1)); // earlier than the vote held: not the latest
        latest.add(new Vote(100, 2, 7, 0)); // the same time, a later line: the latest
        latest.add(new Vote(50, 1, 8, 1));

        assertThat(all(latest)).containsExactly(new Vote(50, 1, 8, 1), new Vote(100, 2, 7, 0),
                new Vote(300, 1, 7, 1));
    }

    @Test
    void holdsManyVotesAndRefusesOneBeyondItsBudget() {
        var latest = new LatestVotes(5_000);
        for (int i = 0; i < 5_000; i++) {
            latest.add(new Vote(i, i % 50, i / 50, 1));
        }
        latest.add(new Vote(9_999, 0, 0, -1)); // a change of mind costs nothing

        assertThat(latest.size()).isEqualTo(5_000);
        assertThat(all(latest).getLast()).isEqualTo(new Vote(9_999, 0, 0, -1));
        assertThatThrownBy(() -> latest.add(new Vote(1, 99, 99, 1))).hasMessageContaining("more than 5000 votes");
    }

    private static List<Vote> all(LatestVotes latest) {
        var votes = new ArrayList<Vote>();
        latest.forEachInTimeOrder(votes::add);
        return votes;
    }
}
