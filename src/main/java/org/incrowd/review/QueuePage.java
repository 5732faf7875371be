package org.incrowd.review;

import java.time.Instant;
import java.util.List;

/** One page of the review queue and how many ideas match its filters in all. */
public record QueuePage(List<Row> rows, long total, int page, int pageSize) {

    /** An idea as the queue shows it. */
    public record Row(long ideaId, String title, long forumId, String authorType, String stageKey,
                      Instant stageSince, Instant postedAt, Double score, Double low, Double high, int scorers,
                      String themeKey, Instant dueAt, Instant decidedAt) {

        public boolean overdue(Instant now) {
            return dueAt != null && decidedAt == null && dueAt.isBefore(now);
        }
    }

    public boolean hasMore() {
        return (long) (page + 1) * pageSize < total;
    }

    public int pages() {
        return (int) Math.max(1, (total + pageSize - 1) / pageSize);
    }
}
