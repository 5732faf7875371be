package org.incrowd.insight.themes;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Gives each newly computed theme a key that names it across recomputes, so that an analyst's decisions about a
 * theme ("call it Flexible hours", "pin it") stay with it when new posts arrive and the themes are computed afresh.
 * A new theme takes the key of the previous theme it shares most posts with (Jaccard similarity of their post sets,
 * at least {@link #MIN_OVERLAP}); each previous key goes to one new theme at most, best matches first, ties broken by
 * theme order and then key, so every node and every run names the themes alike. A previous theme left without a
 * match then goes to the unnamed new theme that holds most of its posts (at least {@link #MAJORITY} of them): when
 * the method changes (themes on words became themes on meaning, ADR 57) a theme can gather more posts than the old
 * one had, and the Jaccard similarity drops while the old theme is plainly inside the new one, with its decisions.
 * Other themes get fresh keys.
 */
final class ThemeKeys {

    /** Below this share of common posts two themes are different themes, not one that changed. */
    static final double MIN_OVERLAP = 0.2;
    /** A previous theme most of whose posts are in one new theme lives on in it. */
    static final double MAJORITY = 0.5;

    /** The keys of the new themes, in their order, and the next fresh key number. */
    record Named(List<String> keys, int nextKey) {
    }

    /** {@code jaccard}: the share of common posts (of the union; in the second pass, of the previous theme). */
    private record Match(int current, int previous, double jaccard) {
    }

    private ThemeKeys() {
    }

    /**
     * @param posts         the posts of the new computation, sorted by id
     * @param themeOfPost   their new theme index, -1 for none
     * @param themes        how many new themes there are
     * @param previous      the previous snapshot of the same scope, or null for the first one
     */
    static Named name(long[] posts, int[] themeOfPost, int themes, ThemeSnapshot previous) {
        int nextKey = previous == null ? 1 : previous.nextKey();
        var keys = new ArrayList<String>(themes);
        if (previous == null || previous.themes().isEmpty()) {
            for (int t = 0; t < themes; t++) {
                keys.add(key(nextKey++));
            }
            return new Named(keys, nextKey);
        }
        int before = previous.themes().size();
        int[] currentSize = new int[themes];
        int[] previousSize = new int[before];
        int[][] common = new int[themes][before];
        for (int i = 0; i < previous.posts().length; i++) {
            if (previous.themeOfPost()[i] >= 0) {
                previousSize[previous.themeOfPost()[i]]++;
            }
        }
        for (int i = 0; i < posts.length; i++) {
            int now = themeOfPost[i];
            if (now >= 0) {
                currentSize[now]++;
                int then = previous.themeOf(posts[i]);
                if (then >= 0) {
                    common[now][then]++;
                }
            }
        }
        var matches = new ArrayList<Match>();
        for (int now = 0; now < themes; now++) {
            for (int then = 0; then < before; then++) {
                if (common[now][then] > 0) {
                    double jaccard = (double) common[now][then]
                            / (currentSize[now] + previousSize[then] - common[now][then]);
                    if (jaccard >= MIN_OVERLAP) {
                        matches.add(new Match(now, then, jaccard));
                    }
                }
            }
        }
        matches.sort(Comparator.comparingDouble(Match::jaccard).reversed().thenComparingInt(Match::current)
                .thenComparing(m -> previous.themes().get(m.previous()).key()));
        String[] named = new String[themes];
        boolean[] taken = new boolean[before];
        for (var match : matches) {
            if (named[match.current()] == null && !taken[match.previous()]) {
                named[match.current()] = previous.themes().get(match.previous()).key();
                taken[match.previous()] = true;
            }
        }
        var inside = new ArrayList<Match>();
        for (int now = 0; now < themes; now++) {
            for (int then = 0; then < before; then++) {
                if (named[now] == null && !taken[then] && previousSize[then] > 0
                        && (double) common[now][then] / previousSize[then] >= MAJORITY) {
                    inside.add(new Match(now, then, (double) common[now][then] / previousSize[then]));
                }
            }
        }
        inside.sort(Comparator.comparingDouble(Match::jaccard).reversed().thenComparingInt(Match::current)
                .thenComparing(m -> previous.themes().get(m.previous()).key()));
        for (var match : inside) {
            if (named[match.current()] == null && !taken[match.previous()]) {
                named[match.current()] = previous.themes().get(match.previous()).key();
                taken[match.previous()] = true;
            }
        }
        for (int t = 0; t < themes; t++) {
            if (named[t] == null) {
                named[t] = key(nextKey++);
            }
        }
        keys.addAll(Arrays.asList(named));
        return new Named(keys, nextKey);
    }

    /** Computed themes are "t1", "t2"...; themes an analyst split off are "s" and their decision's id. */
    static String key(int number) {
        return "t" + number;
    }
}
