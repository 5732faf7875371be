package org.incrowd.insight.opinions.algorithm;

/**
 * Per group and statement: how many members agreed, disagreed and voted at all (pass included). One pass over the
 * grouped participants' votes; everything the later stages say about statements is computed from these counts.
 */
final class GroupTallies {

    private final int groups;
    private final int statements;
    private final int[] counts; // per (group, statement): agree, disagree, seen, side by side for one cache line
    private final int[] size;

    private GroupTallies(int groups, int statements) {
        this.groups = groups;
        this.statements = statements;
        this.counts = new int[groups * statements * 3];
        this.size = new int[groups];
    }

    /** Rows per parallel chunk (see {@link Chunks}). */
    private static final int CHUNK_ROWS = 16384;

    /** @param groupOfRow per matrix row, the group or {@link Placement#UNGROUPED} */
    static GroupTallies count(VoteMatrix votes, int[] groupOfRow, int groups) {
        var tallies = new GroupTallies(groups, votes.statements());
        int[] rowStart = votes.rowStart();
        int[] columns = votes.columns();
        byte[] values = votes.values();
        int rows = groupOfRow.length;
        int[][] partial = new int[Chunks.count(rows, CHUNK_ROWS)][];
        Chunks.forEach(rows, CHUNK_ROWS, (chunk, from, to) -> {
            int[] counts = new int[tallies.counts.length];
            for (int i = from; i < to; i++) {
                int g = groupOfRow[i];
                if (g == Placement.UNGROUPED) {
                    continue;
                }
                int base = g * tallies.statements;
                for (int p = rowStart[i]; p < rowStart[i + 1]; p++) {
                    int at = (base + columns[p]) * 3;
                    int v = values[p];
                    counts[at] += (v + 1) >> 1; // 1 for agree (+1), else 0
                    counts[at + 1] += (1 - v) >> 1; // 1 for disagree (−1), else 0
                    counts[at + 2]++;
                }
            }
            partial[chunk] = counts;
        });
        // Integer sums: the order does not change the result, but it is fixed anyway.
        for (int[] counts : partial) {
            for (int i = 0; i < counts.length; i++) {
                tallies.counts[i] += counts[i];
            }
        }
        for (int g : groupOfRow) {
            if (g != Placement.UNGROUPED) {
                tallies.size[g]++;
            }
        }
        return tallies;
    }

    int groups() {
        return groups;
    }

    int statements() {
        return statements;
    }

    int size(int group) {
        return size[group];
    }

    int grouped() {
        int total = 0;
        for (int s : size) {
            total += s;
        }
        return total;
    }

    /** Members of the group who voted {@code stance}'s way on the statement. */
    int count(int group, int statement, Stance stance) {
        int at = (group * statements + statement) * 3;
        return stance == Stance.AGREE ? counts[at] : counts[at + 1];
    }

    /** Members of the group who voted on the statement at all. */
    int seen(int group, int statement) {
        return counts[(group * statements + statement) * 3 + 2];
    }

    /** Grouped participants who voted on the statement. */
    int seen(int statement) {
        int total = 0;
        for (int g = 0; g < groups; g++) {
            total += seen(g, statement);
        }
        return total;
    }

    /** Everyone grouped but outside the group who voted {@code stance}'s way on the statement. */
    int countOutside(int group, int statement, Stance stance) {
        int total = 0;
        for (int g = 0; g < groups; g++) {
            total += g == group ? 0 : count(g, statement, stance);
        }
        return total;
    }

    int seenOutside(int group, int statement) {
        return seen(statement) - seen(group, statement);
    }

    /**
     * Pol.is's smoothed share, (n + 1) / (seen + 2): a Beta(1, 1) prior, so that 1 of 1 reads as 2/3, not 100 %,
     * and a statement nobody in the group saw reads as 1/2.
     */
    static double share(int n, int seen) {
        return (n + 1.0) / (seen + 2.0);
    }

    /** The group's smoothed share voting {@code stance}'s way. */
    double share(int group, int statement, Stance stance) {
        return share(count(group, statement, stance), seen(group, statement));
    }

    /** Everyone else's (grouped, outside the group) smoothed share voting {@code stance}'s way. */
    double shareOutside(int group, int statement, Stance stance) {
        return share(countOutside(group, statement, stance), seenOutside(group, statement));
    }
}
