package org.incrowd.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Saved views and page links keep the queue's filters as a query string, and read them back unchanged. */
class QueueFilterTests {

    @Test
    void aFilterReadsBackFromItsOwnQueryString() {
        var filter = new QueueFilter("under-review", 12L, "t 3&x", "CLIENT", 2.5, 4.0, 7, true, true, "score");

        assertThat(filter.query()).isEqualTo("stage=under-review&forum=12&theme=t+3%26x&type=CLIENT&minScore=2.5"
                + "&maxScore=4&waitingDays=7&overdue=true&mine=true&sort=score");
        assertThat(QueueFilter.ofQuery(filter.query())).isEqualTo(filter);
    }

    @Test
    void valuesThatDoNotParseAreLeftOutSoThatAStaleLinkStillOpens() {
        var filter = QueueFilter.of(Map.of("forum", "x", "minScore", "high", "type", " ", "waitingDays", "3"));

        assertThat(filter).isEqualTo(new QueueFilter(null, null, null, null, null, null, 3, false, false, null));
        assertThat(QueueFilter.NONE.query()).isEmpty();
        assertThat(QueueFilter.NONE.sortOrDefault()).isEqualTo("waiting");
    }
}
