package org.incrowd.insight.themes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.incrowd.insight.themes.ThemeDecision.Kind;
import org.junit.jupiter.api.Test;

/** Analysts' decisions replayed on a computed snapshot: posts 1-4 in t1, 5-7 in t2, 8-9 in t3. */
class PulseThemesTests {

    static final ThemeSnapshot SNAPSHOT = ThemeKeysTests.snapshot(new int[] {0, 0, 0, 0, 1, 1, 1, 2, 2},
            List.of("t1", "t2", "t3"), 4);

    long ids;

    ThemeDecision decision(Kind kind, String key, String target, String label, Long... posts) {
        return new ThemeDecision(++ids, 0, kind, key, target, label, List.of(posts), 1, Instant.EPOCH);
    }

    List<PulseTheme> themes(ThemeDecision... decisions) {
        return PulseThemes.of(SNAPSHOT, List.of(decisions), Map.of());
    }

    @Test
    void withoutDecisionsThemesAreAsComputedLargestFirst() {
        assertThat(themes()).extracting(PulseTheme::key).containsExactly("t1", "t2", "t3");
        assertThat(themes()).extracting(PulseTheme::size).containsExactly(4, 3, 2);
        assertThat(themes()).extracting(PulseTheme::label).containsExactly("label t1", "label t2", "label t3");
    }

    @Test
    void aMergedThemeFollowsItsTargetAndLaterDecisionsAboutItReachTheTarget() {
        var themes = themes(decision(Kind.MERGE, "t3", "t2", null), decision(Kind.RENAME, "t3", null, "Both"));
        assertThat(themes).extracting(PulseTheme::key).containsExactly("t2", "t1");
        assertThat(themes.getFirst().size()).isEqualTo(5);
        assertThat(themes.getFirst().label()).isEqualTo("Both");
    }

    @Test
    void splitMovePinAndHideShapeTheThemes() {
        var themes = themes(decision(Kind.SPLIT, "t1", "s9", "Split", 1L, 2L),
                decision(Kind.MOVE, "t2", "t3", null, 5L), decision(Kind.PIN, "t3", null, null),
                decision(Kind.HIDE, "t1", null, null));
        // Pinned first, then by size, then by label ("Split" before "label t1").
        assertThat(themes).extracting(PulseTheme::key).containsExactly("t3", "s9", "t1", "t2");
        assertThat(themes).extracting(PulseTheme::size).containsExactly(3, 2, 2, 2);
        assertThat(themes).extracting(PulseTheme::pinned).containsExactly(true, false, false, false);
        assertThat(themes).extracting(PulseTheme::hidden).containsExactly(false, false, true, false);
        assertThat(themes.get(1).label()).isEqualTo("Split");
        assertThat(themes.get(1).representatives()).containsExactly(1L, 2L);
    }

    @Test
    void aMoveIntoAThemeThatNoLongerExistsLeavesThePostWhereTheAnalysisPutIt() {
        var themes = themes(decision(Kind.MOVE, "t1", "t99", null, 1L), decision(Kind.MERGE, "t2", "t98", null));
        assertThat(themes).extracting(PulseTheme::size).containsExactly(4, 3, 2);
    }
}
