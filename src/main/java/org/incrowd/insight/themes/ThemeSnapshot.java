package org.incrowd.insight.themes;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * Stored themes of a Jam ({@code forumId} {@link #WHOLE_JAM}) or one forum, as the pipeline found them at
 * {@code computedAt}, before any analyst's refinement (refinements are replayed on top, see {@link PulseThemes}).
 * Posts are kept as parallel arrays, sorted by post id, so that a large Jam's snapshot stays compact.
 *
 * @param lastPostId   the newest post analysed: later ones are placed with the node's model until the next recompute
 * @param nextKey      the number the next new theme's key gets (see {@link ThemeKeys})
 * @param windows      how many time windows the trends compare (0 when the posts span no time)
 * @param themeOfPost  index into {@code themes}, or -1 for a post with no known word
 * @param windowOfPost time window of each post, -1 without one
 * @param authorOfPost index into {@code authors}
 * @param firstPostAt  the time of the first post, the start of the first window (null without windows, and in
 *                     snapshots stored before it was kept)
 * @param lastPostAt   the time of the last post, the end of the last window
 */
public record ThemeSnapshot(long jamId, long forumId, Instant computedAt, long lastPostId, int nextKey,
                            List<ComputedTheme> themes, List<String> emergingTerms, int windows, long[] posts,
                            int[] themeOfPost, int[] windowOfPost, int[] authorOfPost, List<Author> authors,
                            Instant firstPostAt, Instant lastPostAt) {

    public static final long WHOLE_JAM = 0;

    /**
     * A theme as computed: its key across recomputes, its label, its representative posts (ids) and its summary (the
     * sentences nearest its centre; empty for themes on words, and in snapshots stored before summaries).
     */
    public record ComputedTheme(String key, String label, List<Long> representatives, List<String> summary) {

        public ComputedTheme {
            summary = summary == null ? List.of() : List.copyOf(summary);
        }
    }

    /** What the page's spread shows about an author, read once when the snapshot is computed. */
    public record Author(long id, String country, String unit, String jobRole, String participantType) {
    }

    /** What the snapshot weighs in memory, in the things a Jam has many of: posts and their authors. */
    int elements() {
        return posts.length + authors.size();
    }

    /**
     * When a time window starts: the windows cut the time from the first to the last post into equal parts (as
     * {@code ThemeTrends} does). Null when the snapshot does not know its span.
     */
    public Instant windowStart(int window) {
        if (firstPostAt == null || lastPostAt == null || windows == 0) {
            return null;
        }
        long span = java.time.Duration.between(firstPostAt, lastPostAt).toMillis() + 1;
        return firstPostAt.plusMillis(span * window / windows);
    }

    /** The raw theme index of a post, or -1 when it is not in this snapshot or has no theme. */
    int themeOf(long postId) {
        int at = Arrays.binarySearch(posts, postId);
        return at < 0 ? -1 : themeOfPost[at];
    }

    boolean contains(long postId) {
        return Arrays.binarySearch(posts, postId) >= 0;
    }

    /** Raw theme index by key, or -1. */
    int indexOf(String key) {
        for (int i = 0; i < themes.size(); i++) {
            if (themes.get(i).key().equals(key)) {
                return i;
            }
        }
        return -1;
    }
}
