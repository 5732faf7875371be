package org.incrowd.insight.themes.algorithm;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Stage 6, trend: the time from the first to the last post is cut into equal windows, and each theme's posts are
 * counted per window (Spangler et al. use the posts' timestamps the same way to find emerging themes). A theme is
 * <ul>
 * <li><b>emerging</b> if at least two thirds of its posts are in the latest window, and that share is at least 1.25
 * times the latest window's share of all posts (the theme is new, not just the Jam busy lately);</li>
 * <li><b>growing</b> / <b>fading</b> if its share of the latest window's posts is more than 1.25 times / less than
 * 0.8 times its share of the earlier posts;</li>
 * <li><b>steady</b> otherwise, and always when the posts carry no time.</li>
 * </ul>
 * Emerging terms are the dictionary terms whose share of posts rises most from the earlier windows to the latest.
 */
final class ThemeTrends {

    private static final int EMERGING_TERMS = 10;
    private static final int MIN_RECENT_POSTS = 3;

    final int[][] windows;
    final Trend[] trends;
    /** Window of each post, -1 without a time. */
    final int[] windowOf;
    final int windowCount;

    private ThemeTrends(int[][] windows, Trend[] trends, int[] windowOf, int windowCount) {
        this.windows = windows;
        this.trends = trends;
        this.windowOf = windowOf;
        this.windowCount = windowCount;
    }

    static ThemeTrends of(List<Instant> times, int[] cluster, int k, int windowCount) {
        int n = times.size();
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (Instant time : times) {
            if (time != null) {
                first = Math.min(first, time.toEpochMilli());
                last = Math.max(last, time.toEpochMilli());
            }
        }
        int[] windowOf = new int[n];
        java.util.Arrays.fill(windowOf, -1);
        Trend[] trends = new Trend[k];
        java.util.Arrays.fill(trends, Trend.STEADY);
        if (first >= last) { // no times, or all at one moment: nothing moves
            return new ThemeTrends(new int[k][0], trends, windowOf, 0);
        }
        int[][] windows = new int[k][windowCount];
        int[] total = new int[windowCount];
        double span = (double) (last - first) + 1;
        for (int i = 0; i < n; i++) {
            if (times.get(i) != null) {
                windowOf[i] = (int) Math.min(windowCount - 1, (times.get(i).toEpochMilli() - first) / span * windowCount);
                total[windowOf[i]]++;
                if (cluster[i] >= 0) {
                    windows[cluster[i]][windowOf[i]]++;
                }
            }
        }
        int latestAll = total[windowCount - 1];
        int allPosts = java.util.Arrays.stream(total).sum();
        for (int c = 0; c < k; c++) {
            trends[c] = trend(windows[c], latestAll, allPosts);
        }
        return new ThemeTrends(windows, trends, windowOf, windowCount);
    }

    static Trend trend(int[] counts, int latestAll, int allPosts) {
        int posts = java.util.Arrays.stream(counts).sum();
        int latest = counts[counts.length - 1];
        if (posts == 0) {
            return Trend.STEADY;
        }
        double latestShareOfTheme = (double) latest / posts;
        double latestShareOfAll = (double) latestAll / allPosts;
        if (latestShareOfTheme >= 2.0 / 3 && latestShareOfTheme >= 1.25 * latestShareOfAll) {
            return Trend.EMERGING;
        }
        int earlierAll = allPosts - latestAll;
        if (latestAll == 0 || earlierAll == 0) {
            return Trend.STEADY;
        }
        double recent = (double) latest / latestAll;
        double earlier = (double) (posts - latest) / earlierAll;
        if (recent > 1.25 * earlier) {
            return Trend.GROWING;
        }
        return recent < 0.8 * earlier ? Trend.FADING : Trend.STEADY;
    }

    /** The analysed terms rising most in the latest window, best first. */
    List<String> emergingTerms(TermMatrix matrix, Dictionary dictionary) {
        if (windowCount == 0) {
            return List.of();
        }
        int[] recent = new int[dictionary.size()];
        int[] earlier = new int[dictionary.size()];
        int recentPosts = 0;
        int earlierPosts = 0;
        for (int row = 0; row < matrix.rows; row++) {
            if (windowOf[row] < 0) {
                continue;
            }
            boolean latest = windowOf[row] == windowCount - 1;
            int[] counts = latest ? recent : earlier;
            if (latest) {
                recentPosts++;
            } else {
                earlierPosts++;
            }
            for (int i = matrix.offsets[row]; i < matrix.offsets[row + 1]; i++) {
                counts[matrix.terms[i]]++;
            }
        }
        var candidates = new ArrayList<Integer>();
        double[] lift = new double[recent.length];
        for (int t = 0; t < recent.length; t++) {
            if (recent[t] >= MIN_RECENT_POSTS) {
                // Add-one smoothing keeps a term never seen before from an infinite lift.
                lift[t] = ((recent[t] + 1.0) / (recentPosts + 1.0)) / ((earlier[t] + 1.0) / (earlierPosts + 1.0));
                if (lift[t] > 1.5) {
                    candidates.add(t);
                }
            }
        }
        candidates.sort((a, b) -> {
            int byLift = Double.compare(lift[b], lift[a]);
            return byLift != 0 ? byLift : dictionary.terms[a].compareTo(dictionary.terms[b]);
        });
        return candidates.stream().limit(EMERGING_TERMS).map(t -> dictionary.terms[t]).toList();
    }
}
