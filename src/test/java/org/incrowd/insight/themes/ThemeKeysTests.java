package org.incrowd.insight.themes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ThemeKeysTests {

    /** A snapshot of posts 1..n (no times, one author) in the given raw themes, with the given keys. */
    static ThemeSnapshot snapshot(int[] themeOfPost, List<String> keys, int nextKey) {
        int n = themeOfPost.length;
        long[] posts = new long[n];
        for (int i = 0; i < n; i++) {
            posts[i] = i + 1;
        }
        int[] noWindow = new int[n];
        java.util.Arrays.fill(noWindow, -1);
        var themes = keys.stream().map(key -> new ThemeSnapshot.ComputedTheme(key, "label " + key, List.of(), List.of()))
                .toList();
        return new ThemeSnapshot(1, 0, Instant.EPOCH, n, nextKey, themes, List.of(), 0, posts, themeOfPost,
                noWindow, new int[n], List.of(new ThemeSnapshot.Author(7, null, null, null, "EMPLOYEE")), null, null);
    }

    @Test
    void theFirstThemesGetFreshKeysInOrder() {
        var named = ThemeKeys.name(new long[] {1, 2, 3}, new int[] {0, 1, 1}, 2, null);
        assertThat(named.keys()).containsExactly("t1", "t2");
        assertThat(named.nextKey()).isEqualTo(3);
    }

    @Test
    void aThemeKeepsItsKeyWhenItsPostsMostlyStayTogetherEvenIfTheOrderChanges() {
        var previous = snapshot(new int[] {0, 0, 0, 1, 1, 1}, List.of("t1", "t2"), 3);
        // Recomputed with two new posts: the second theme grew and is now listed first.
        var named = ThemeKeys.name(new long[] {1, 2, 3, 4, 5, 6, 7, 8}, new int[] {1, 1, 1, 0, 0, 0, 0, 0}, 2,
                previous);
        assertThat(named.keys()).containsExactly("t2", "t1");
        assertThat(named.nextKey()).isEqualTo(3);
    }

    @Test
    void aNewThemeWithLittleOverlapGetsAFreshKeyAndEachOldKeyIsUsedOnce() {
        var previous = snapshot(new int[] {0, 0, 0, 0, 0, 0}, List.of("t4"), 5);
        // The one theme split in two halves: the larger overlap keeps the key (ties: the first theme).
        var named = ThemeKeys.name(new long[] {1, 2, 3, 4, 5, 6, 7}, new int[] {0, 0, 0, 1, 1, 1, 2}, 3, previous);
        assertThat(named.keys()).containsExactly("t4", "t5", "t6");
        assertThat(named.nextKey()).isEqualTo(7);
    }

    @Test
    void aSmallThemeInsideAMuchLargerNewOneKeepsItsKeySoItsDecisionsStayWithIt() {
        // Themes on words: t1 had 2 posts, t2 the other 2. Themes on meaning put both in one theme of 12 posts with
        // 8 new ones: Jaccard 2/12 for each, below the threshold; t1 (first on ties) lives on in the large theme.
        var previous = snapshot(new int[] {0, 0, 1, 1}, List.of("t1", "t2"), 3);
        long[] posts = new long[12];
        for (int i = 0; i < posts.length; i++) {
            posts[i] = i + 1;
        }
        var named = ThemeKeys.name(posts, new int[12], 1, previous);
        assertThat(named.keys()).containsExactly("t1");
        assertThat(named.nextKey()).isEqualTo(3);
    }
}
