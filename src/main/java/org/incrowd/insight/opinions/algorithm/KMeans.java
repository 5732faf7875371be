package org.incrowd.insight.opinions.algorithm;

import java.util.Arrays;
import java.util.HashSet;

/**
 * Weighted k-means (Lloyd's algorithm) on points in the plane, as Pol.is runs it: start from given centres, assign
 * every point to its nearest centre, move each centre to the weighted mean of its points, drop a centre that lost
 * all its points, and repeat until no centre moves by {@value #SETTLED} or more, or for a bounded number of rounds.
 * Pol.is's stopping rule matters: its clusterings are the ones reached when the centres settle to that precision,
 * and the choice of the number of groups depends on them.
 *
 * <p>Finding the nearest of 100 centres for 150,000 points, round after round, is the hot loop of a recomputation.
 * It goes through a grid laid over the points once per run (about 16 points a cell). Each round, a cell keeps as
 * candidates only the centres that can be nearest to some point in it: those whose distance to the cell is at most
 * the smallest "farthest distance" from a centre to the cell. Most cells are left with a single candidate, and
 * their points are assigned without measuring anything; the others measure their few candidates. No centre that
 * could be nearest is ever left out, so the answer is exactly the nearest centre (ties to the lower-numbered one),
 * as a scan of all centres would give.
 */
final class KMeans {

    /** Pol.is's test of a settled clustering: every centre moved less than this (in map units). */
    static final double SETTLED = 0.01;

    /** Average points per grid cell: fewer makes more cells to check, more leaves more candidates per point. */
    private static final int POINTS_PER_CELL = 16;

    /** Grid cells per parallel chunk (see {@link Chunks}). */
    private static final int CHUNK_CELLS = 512;

    private KMeans() {}

    /**
     * A clustering: centres (in the order of the starting centres, minus dropped ones), each point's centre, each
     * centre's total weight, and each centre's starting centre (its index among the starts), which carries a
     * cluster's lineage from one clustering of a history to the next.
     */
    record Clustering(double[] x, double[] y, int[] assignment, double[] weight, int[] origin) {

        int size() {
            return x.length;
        }
    }

    /**
     * @param weights null for all 1
     * @param startX the starting centres' x (at least one)
     * @param maxRounds bound on assignment rounds (Lloyd's algorithm may crawl at the end)
     * @return the last round's assignment and the centres of that assignment
     */
    static Clustering run(double[] px, double[] py, double[] weights, double[] startX, double[] startY,
            int maxRounds) {
        int n = px.length;
        var grid = new Grid(px, py);
        double[] cx = startX.clone();
        double[] cy = startY.clone();
        int[] assignment = new int[n];
        double[] weight = new double[cx.length];
        int[] origin = new int[cx.length];
        Arrays.setAll(origin, c -> c);
        for (int round = 0; round < maxRounds; round++) {
            grid.assign(cx, cy, assignment);
            // Sums in point order, on one thread: the same bits every run.
            double[] sx = new double[cx.length];
            double[] sy = new double[cx.length];
            Arrays.fill(weight, 0);
            for (int i = 0; i < n; i++) {
                double w = weights == null ? 1 : weights[i];
                int c = assignment[i];
                sx[c] += w * px[i];
                sy[c] += w * py[i];
                weight[c] += w;
            }
            int kept = 0;
            double moved = 0;
            int[] renumber = new int[cx.length];
            for (int c = 0; c < cx.length; c++) {
                if (weight[c] > 0) {
                    double nx = sx[c] / weight[c];
                    double ny = sy[c] / weight[c];
                    moved = Math.max(moved, Math.sqrt(sq(nx - cx[c]) + sq(ny - cy[c])));
                    cx[kept] = nx;
                    cy[kept] = ny;
                    weight[kept] = weight[c];
                    origin[kept] = origin[c];
                    renumber[c] = kept++;
                } else {
                    renumber[c] = -1;
                }
            }
            boolean dropped = kept < cx.length;
            if (dropped) {
                // Pol.is drops a centre that lost all its points; renumber the others in their order.
                for (int i = 0; i < n; i++) {
                    assignment[i] = renumber[assignment[i]];
                }
                cx = Arrays.copyOf(cx, kept);
                cy = Arrays.copyOf(cy, kept);
                weight = Arrays.copyOf(weight, kept);
                origin = Arrays.copyOf(origin, kept);
            }
            if (!dropped && moved < SETTLED) {
                break;
            }
        }
        return new Clustering(cx, cy, assignment, weight, origin);
    }

    /** Assigns every point to its nearest centre. */
    static void assign(double[] px, double[] py, double[] cx, double[] cy, int[] assignment) {
        new Grid(px, py).assign(cx, cy, assignment);
    }

    /**
     * The first {@code k} distinct points in order: Pol.is's deterministic start for a new clustering (it amounts to
     * the earliest participants, or the first base clusters).
     */
    static double[][] firstDistinct(double[] px, double[] py, int k) {
        double[] x = new double[Math.min(k, px.length)];
        double[] y = new double[x.length];
        int found = 0;
        var seen = new HashSet<Point>();
        for (int i = 0; i < px.length && found < x.length; i++) {
            if (seen.add(new Point(px[i], py[i]))) {
                x[found] = px[i];
                y[found++] = py[i];
            }
        }
        return new double[][] {Arrays.copyOf(x, found), Arrays.copyOf(y, found)};
    }

    /** √(dx² + dy²); not Math.hypot, which guards against overflow at many times the cost. */
    static double distance(double dx, double dy) {
        return Math.sqrt(dx * dx + dy * dy);
    }

    private record Point(double x, double y) {}

    private static double sq(double v) {
        return v * v;
    }

    /** The grid of the class comment: cells over the points' bounding box, each listing its points. */
    private static final class Grid {

        private final double[] px;
        private final double[] py;
        private final int side;
        private final double minX;
        private final double minY;
        private final double cellWidth;
        private final double cellHeight;
        private final double slack;
        private final int[] cellStart;
        private final int[] pointsByCell;

        Grid(double[] px, double[] py) {
            this.px = px;
            this.py = py;
            int n = px.length;
            double loX = Double.POSITIVE_INFINITY;
            double hiX = Double.NEGATIVE_INFINITY;
            double loY = Double.POSITIVE_INFINITY;
            double hiY = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                loX = Math.min(loX, px[i]);
                hiX = Math.max(hiX, px[i]);
                loY = Math.min(loY, py[i]);
                hiY = Math.max(hiY, py[i]);
            }
            side = Math.max(1, (int) Math.sqrt((double) n / POINTS_PER_CELL));
            minX = n == 0 ? 0 : loX;
            minY = n == 0 ? 0 : loY;
            // Cells a little wider than needed, so that the largest point falls in the last cell.
            cellWidth = n == 0 ? 1 : Math.max((hiX - loX) / side * (1 + 1e-9), Double.MIN_NORMAL);
            cellHeight = n == 0 ? 1 : Math.max((hiY - loY) / side * (1 + 1e-9), Double.MIN_NORMAL);
            // Cell edges are computed in floating point; widen each cell by this much so that no point lies
            // outside its cell's rectangle by a rounding error.
            slack = 1e-9 * (Math.abs(minX) + Math.abs(minY) + (hiX - loX) + (hiY - loY) + 1);
            int cells = side * side;
            int[] cellOf = new int[n];
            cellStart = new int[cells + 1];
            for (int i = 0; i < n; i++) {
                int gx = Math.min(side - 1, (int) ((px[i] - minX) / cellWidth));
                int gy = Math.min(side - 1, (int) ((py[i] - minY) / cellHeight));
                cellOf[i] = gy * side + gx;
                cellStart[cellOf[i] + 1]++;
            }
            for (int c = 0; c < cells; c++) {
                cellStart[c + 1] += cellStart[c];
            }
            pointsByCell = new int[n];
            int[] fill = Arrays.copyOf(cellStart, cells);
            for (int i = 0; i < n; i++) {
                pointsByCell[fill[cellOf[i]]++] = i;
            }
        }

        /** Writes each point's nearest centre into {@code assignment}. */
        void assign(double[] cx, double[] cy, int[] assignment) {
            int k = cx.length;
            Chunks.forEach(side * side, CHUNK_CELLS, (chunk, from, to) -> {
                int[] candidates = new int[k];
                for (int cell = from; cell < to; cell++) {
                    if (cellStart[cell] == cellStart[cell + 1]) {
                        continue;
                    }
                    int count = candidates(cell, cx, cy, candidates);
                    for (int at = cellStart[cell]; at < cellStart[cell + 1]; at++) {
                        int i = pointsByCell[at];
                        assignment[i] = count == 1 ? candidates[0] : nearest(px[i], py[i], cx, cy, candidates, count);
                    }
                }
            });
        }

        /** The centres that may be nearest to a point in the cell, in ascending order; returns how many. */
        private int candidates(int cell, double[] cx, double[] cy, int[] out) {
            double x0 = minX + (cell % side) * cellWidth - slack;
            double x1 = x0 + cellWidth + 2 * slack;
            double y0 = minY + (cell / side) * cellHeight - slack;
            double y1 = y0 + cellHeight + 2 * slack;
            double bound = Double.POSITIVE_INFINITY;
            for (int c = 0; c < cx.length; c++) {
                double far = sq(Math.max(Math.abs(cx[c] - x0), Math.abs(cx[c] - x1)))
                        + sq(Math.max(Math.abs(cy[c] - y0), Math.abs(cy[c] - y1)));
                bound = Math.min(bound, far);
            }
            int count = 0;
            for (int c = 0; c < cx.length; c++) {
                double dx = cx[c] < x0 ? x0 - cx[c] : cx[c] > x1 ? cx[c] - x1 : 0;
                double dy = cy[c] < y0 ? y0 - cy[c] : cy[c] > y1 ? cy[c] - y1 : 0;
                if (dx * dx + dy * dy <= bound) {
                    out[count++] = c;
                }
            }
            return count;
        }

        private static int nearest(double x, double y, double[] cx, double[] cy, int[] candidates, int count) {
            int best = candidates[0];
            double bestD2 = sq(cx[best] - x) + sq(cy[best] - y);
            for (int n = 1; n < count; n++) {
                int c = candidates[n];
                double d2 = sq(cx[c] - x) + sq(cy[c] - y);
                if (d2 < bestD2) { // candidates ascend, so a tie keeps the lower-numbered centre
                    bestD2 = d2;
                    best = c;
                }
            }
            return best;
        }
    }
}
