package org.incrowd.insight.opinions.algorithm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class AdjustedRandIndexTests {

    @Test
    void identicalSplitsScoreOneWhateverTheLabels() {
        assertThat(AdjustedRandIndex.of(List.of(0, 0, 1, 1, 2), List.of("b", "b", "a", "a", "c"))).isEqualTo(1.0);
    }

    @Test
    void matchesPublishedValues() {
        // Values as given by scikit-learn's adjusted_rand_score for the same labellings.
        assertThat(AdjustedRandIndex.of(List.of(0, 0, 0, 1, 1, 1), List.of(0, 0, 1, 1, 2, 2)))
                .isCloseTo(0.24242424, within(1e-8));
        assertThat(AdjustedRandIndex.of(List.of(0, 0, 1, 2), List.of(0, 0, 1, 1))).isCloseTo(0.57142857,
                within(1e-8));
        assertThat(AdjustedRandIndex.of(List.of(0, 0, 1, 1), List.of(0, 1, 0, 1))).isCloseTo(-0.5, within(1e-8));
    }

    @Test
    void largeLabellingsDoNotOverflow() {
        var a = new java.util.ArrayList<Integer>();
        var b = new java.util.ArrayList<Integer>();
        for (int i = 0; i < 200_000; i++) {
            a.add(i % 3);
            b.add(i % 3 == 0 && i % 1000 == 0 ? 1 : i % 3);
        }
        assertThat(AdjustedRandIndex.of(a, b)).isBetween(0.99, 1.0);
    }

    @Test
    void rejectsLabellingsOfDifferentLength() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> AdjustedRandIndex.of(List.of(1), List.of(1, 2)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
