package org.incrowd.insight.themes.algorithm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class WardMergeTests {

    private static final int D = 3;

    /**
     * One large group cut into four micro-clusters (as k-means over-segments it) and two small groups with one each:
     * merged down to three themes, the four pieces make one theme and the small groups keep a theme each.
     */
    @Test
    void joinsThePiecesOfOneGroupBeforeJoiningTwoGroups() {
        var points = new ArrayList<float[]>();
        float[][] pieces = {{1, 0.25f, 0.25f}, {1, -0.25f, 0.25f}, {1, 0.25f, -0.25f}, {1, -0.25f, -0.25f}};
        for (float[] piece : pieces) {
            for (int i = 0; i < 30; i++) {
                points.add(new float[] {piece[0], piece[1] + i * 0.002f, piece[2]});
            }
        }
        for (int i = 0; i < 10; i++) {
            points.add(new float[] {0.2f, 1, i * 0.01f});
        }
        for (int i = 0; i < 10; i++) {
            points.add(new float[] {0.2f, i * 0.01f, 1});
        }
        float[] micro = unitRows(List.of(pieces[0], pieces[1], pieces[2], pieces[3], new float[] {0.2f, 1, 0.05f},
                new float[] {0.2f, 0.05f, 1}));
        float[] x = unitRows(points);

        float[] centres = WardMerge.merge(x, D, IntStream.range(0, points.size()).toArray(), micro, 6, 3);

        assertThat(centres).hasSize(3 * D);
        int[] theme = IntStream.range(0, points.size())
                .map(i -> Vectors.nearest(x, i * D, Vectors.columns(centres, 3, D), 3, D, new float[3])).toArray();
        assertThat(IntStream.range(0, 120).map(i -> theme[i]).distinct().count()).isEqualTo(1);
        assertThat(IntStream.range(120, 130).map(i -> theme[i]).distinct().toArray()).hasSize(1);
        assertThat(IntStream.range(130, 140).map(i -> theme[i]).distinct().toArray()).hasSize(1);
        assertThat(IntStream.of(theme[0], theme[120], theme[130]).distinct().count()).isEqualTo(3);
    }

    /** Posts that all say the same thing fill one micro-cluster: one theme comes back, not empty ones beside it. */
    @Test
    void givesNoEmptyThemeWhenFewerMicroClustersHoldPostsThanThemesAreWanted() {
        float[] x = unitRows(List.of(new float[] {1, 1, 0}, new float[] {1, 1, 0}, new float[] {1, 1, 0}));
        float[] micro = unitRows(List.of(new float[] {1, 1, 0}, new float[] {0, 0, 1}, new float[] {-1, 0, 0}));

        float[] centres = WardMerge.merge(x, D, new int[] {0, 1, 2}, micro, 3, 2);

        assertThat(centres).hasSize(D);
        assertThat(Vectors.dot(centres, 0, x, 0, D)).isGreaterThan(0.999f);
    }

    private static float[] unitRows(List<float[]> rows) {
        float[] x = new float[rows.size() * D];
        for (int i = 0; i < rows.size(); i++) {
            System.arraycopy(rows.get(i), 0, x, i * D, D);
            Vectors.normalise(x, i * D, D);
        }
        return x;
    }
}
