package org.incrowd.insight.opinions.algorithm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.LongStream;

/**
 * Stage 1, the vote matrix: participants × statements, agree +1, disagree −1, pass 0, unseen missing. Sparse, rows
 * and columns in ascending key order, so that the same votes always give the same matrix.
 *
 * <p>Stored as compressed sparse rows: per participant the ascending column numbers of the statements voted on and
 * the votes as bytes. A Jam of 150,000 participants × 5,000 statements × 5,000,000 votes takes about 26 MB (an
 * {@code int} column and a {@code byte} vote per vote, an {@code int} per row start, a {@code long} per key).
 *
 * <p>Excluded statements (hidden by moderation) are not columns. The matrix remembers which of them had votes,
 * because Pol.is keeps such statements as columns of zeros, and those still weigh in its projection (see
 * {@link PrincipalComponents}); and per participant which of them they voted on, because Pol.is counts those votes
 * when deciding who is grouped (see {@code Participation}).
 */
public final class VoteMatrix {

    private final long[] participantKeys;
    private final long[] statementKeys;
    private final int[] rowStart;
    private final int[] columns;
    private final byte[] values;
    private final long[] excluded;
    private final long[] excludedVoted;
    /** Per row, like {@link #rowStart}: the keys of the excluded statements the participant voted on, ascending. */
    private final int[] excludedStart;
    private final long[] excludedVotes;
    /** The rows in the order Pol.is's matrix would hold them (see {@link #arrival}); null: key order. */
    private final int[] arrival;

    private VoteMatrix(long[] participantKeys, long[] statementKeys, int[] rowStart, int[] columns, byte[] values,
            long[] excluded, long[] excludedVoted, int[] excludedStart, long[] excludedVotes, int[] arrival) {
        this.participantKeys = participantKeys;
        this.statementKeys = statementKeys;
        this.rowStart = rowStart;
        this.columns = columns;
        this.values = values;
        this.excluded = excluded;
        this.excludedVoted = excludedVoted;
        this.excludedStart = excludedStart;
        this.excludedVotes = excludedVotes;
        this.arrival = arrival;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Participants with at least one vote. Someone who voted only on excluded statements is a row without votes, as
     * in Pol.is (they are placed at the centre, and grouped only if their votes on excluded statements are enough;
     * see {@code Participation}).
     */
    public int participants() {
        return participantKeys.length;
    }

    /** Statements, not excluded, with at least one vote. */
    public int statements() {
        return statementKeys.length;
    }

    /** Votes on statements that are not excluded (the latest per participant and statement). */
    public long votes() {
        return columns.length;
    }

    /** The key of the participant in row {@code row} (0 ≤ row < {@link #participants()}), ascending with the row. */
    public long participantKey(int row) {
        return participantKeys[row];
    }

    /** The key of the statement in column {@code column}, ascending with the column. */
    public long statementKey(int column) {
        return statementKeys[column];
    }

    /** The row of a participant, or −1 if the participant has no (counted) vote. */
    public int participantRow(long participant) {
        int row = Arrays.binarySearch(participantKeys, participant);
        return row < 0 ? -1 : row;
    }

    /** The column of a statement, or −1 if it has no vote or is excluded. */
    public int statementColumn(long statement) {
        int column = Arrays.binarySearch(statementKeys, statement);
        return column < 0 ? -1 : column;
    }

    /** How many statements the participant in {@code row} voted on. */
    public int votesOf(int row) {
        return rowStart[row + 1] - rowStart[row];
    }

    /** How many excluded statements the participant in {@code row} voted on. */
    public int excludedVotesOf(int row) {
        return excludedStart[row + 1] - excludedStart[row];
    }

    /**
     * The participant's vote on a statement: +1, −1 or 0, or {@code null} when they have not voted on it (or it is
     * excluded). For checks and small tools; the stages read the arrays directly.
     */
    public Integer vote(long participant, long statement) {
        int row = participantRow(participant);
        int column = statementColumn(statement);
        if (row < 0 || column < 0) {
            return null;
        }
        int at = Arrays.binarySearch(columns, rowStart[row], rowStart[row + 1], column);
        return at < 0 ? null : (int) values[at];
    }

    /** How many excluded statements had votes (Pol.is counts them in its projection; see the class comment). */
    public int excludedStatementsWithVotes() {
        return excludedVoted.length;
    }

    /** Whether the statement was excluded. */
    public boolean isExcluded(long statement) {
        return Arrays.binarySearch(excluded, statement) >= 0;
    }

    /**
     * This matrix with {@code newer}'s votes laid over it: a vote in {@code newer} adds to or replaces this matrix's
     * vote on the same statement, and {@code newer}'s exclusions apply to both. Costs one pass over the votes, far
     * less than building the whole matrix again after a few new votes.
     */
    public VoteMatrix plus(VoteMatrix newer) {
        long[] allExcluded = union(excluded, newer.excluded);
        long[] keys = union(statementKeys, newer.statementKeys);
        long[] kept = Arrays.stream(keys).filter(k -> Arrays.binarySearch(allExcluded, k) < 0).toArray();
        long[] newlyExcludedVoted = Arrays.stream(keys).filter(k -> Arrays.binarySearch(allExcluded, k) >= 0)
                .toArray();
        long[] allExcludedVoted = union(union(excludedVoted, newer.excludedVoted), newlyExcludedVoted);
        int[] fromOld = columnMap(statementKeys, kept);
        int[] fromNew = columnMap(newer.statementKeys, kept);
        // Usually no statement is new or newly excluded: old rows then keep their column numbers and most rows,
        // without a newer vote, are copied as they are.
        boolean sameColumns = Arrays.equals(statementKeys, kept);
        long[] people = union(participantKeys, newer.participantKeys);

        int[] starts = new int[people.length + 1];
        int[] excludedStarts = new int[people.length + 1];
        var excludedKeys = new ArrayList<long[]>(people.length);
        int capacity = sameColumns ? columns.length + newer.columns.length - overlap(newer, fromNew)
                : columns.length + newer.columns.length;
        int[] cols = new int[capacity];
        byte[] vals = new byte[capacity];
        int rows = 0;
        int size = 0;
        int oldRow = 0;
        int newRow = 0;
        for (long person : people) {
            int a = -1;
            int b = -1;
            if (oldRow < participantKeys.length && participantKeys[oldRow] == person) {
                a = oldRow++;
            }
            if (newRow < newer.participantKeys.length && newer.participantKeys[newRow] == person) {
                b = newRow++;
            }
            if (b < 0 && sameColumns) {
                int length = rowStart[a + 1] - rowStart[a];
                System.arraycopy(columns, rowStart[a], cols, size, length);
                System.arraycopy(values, rowStart[a], vals, size, length);
                size += length;
            } else {
                size = mergeRow(a, fromOld, newer, b, fromNew, cols, vals, size);
            }
            long[] voted = excludedVotedBy(a, fromOld, newer, b);
            excludedKeys.add(voted);
            excludedStarts[rows + 1] = excludedStarts[rows] + voted.length;
            starts[++rows] = size;
        }
        return new VoteMatrix(people, kept, starts, size == capacity ? cols : Arrays.copyOf(cols, size),
                size == capacity ? vals : Arrays.copyOf(vals, size), allExcluded, allExcludedVoted, excludedStarts,
                excludedKeys.stream().flatMapToLong(Arrays::stream).toArray(), null);
    }

    /**
     * The excluded statements that row {@code a} of this matrix and row {@code b} of {@code newer} (−1: none) voted
     * on together, including this matrix's statements that {@code newer} excludes.
     */
    private long[] excludedVotedBy(int a, int[] fromOld, VoteMatrix newer, int b) {
        var keys = LongStream.empty();
        if (a >= 0) {
            keys = Arrays.stream(excludedVotes, excludedStart[a], excludedStart[a + 1]);
            long[] newlyExcluded = Arrays.stream(columns, rowStart[a], rowStart[a + 1])
                    .filter(c -> fromOld[c] < 0).mapToLong(c -> statementKeys[c]).toArray();
            keys = LongStream.concat(keys, Arrays.stream(newlyExcluded));
        }
        if (b >= 0) {
            keys = LongStream.concat(keys,
                    Arrays.stream(newer.excludedVotes, newer.excludedStart[b], newer.excludedStart[b + 1]));
        }
        return keys.sorted().distinct().toArray();
    }

    /** How many of {@code newer}'s votes replace a vote of this matrix (same participant and statement). */
    private int overlap(VoteMatrix newer, int[] fromNew) {
        int count = 0;
        for (int b = 0; b < newer.participantKeys.length; b++) {
            int a = participantRow(newer.participantKeys[b]);
            for (int j = newer.rowStart[b]; a >= 0 && j < newer.rowStart[b + 1]; j++) {
                int column = fromNew[newer.columns[j]];
                if (Arrays.binarySearch(columns, rowStart[a], rowStart[a + 1], column) >= 0) {
                    count++;
                }
            }
        }
        return count;
    }

    /** Merges row {@code a} of this matrix and row {@code b} of {@code newer} (−1: none) into the output arrays. */
    private int mergeRow(int a, int[] fromOld, VoteMatrix newer, int b, int[] fromNew, int[] cols, byte[] vals,
            int size) {
        int i = a < 0 ? 0 : rowStart[a];
        int iEnd = a < 0 ? 0 : rowStart[a + 1];
        int j = b < 0 ? 0 : newer.rowStart[b];
        int jEnd = b < 0 ? 0 : newer.rowStart[b + 1];
        while (i < iEnd || j < jEnd) {
            int ci = i < iEnd ? fromOld[columns[i]] : Integer.MAX_VALUE;
            int cj = j < jEnd ? fromNew[newer.columns[j]] : Integer.MAX_VALUE;
            if (i < iEnd && ci < 0) {
                i++;
            } else if (j < jEnd && cj < 0) {
                j++;
            } else if (ci < cj) {
                cols[size] = ci;
                vals[size++] = values[i++];
            } else {
                // The newer vote wins when both voted on the same statement.
                cols[size] = cj;
                vals[size++] = newer.values[j++];
                if (ci == cj) {
                    i++;
                }
            }
        }
        return size;
    }

    private static int[] columnMap(long[] from, long[] to) {
        int[] map = new int[from.length];
        for (int c = 0; c < from.length; c++) {
            int at = Arrays.binarySearch(to, from[c]);
            map[c] = at < 0 ? -1 : at;
        }
        return map;
    }

    private static long[] union(long[] a, long[] b) {
        long[] out = new long[a.length + b.length];
        int i = 0;
        int j = 0;
        int n = 0;
        while (i < a.length || j < b.length) {
            long next;
            if (j == b.length || (i < a.length && a[i] < b[j])) {
                next = a[i++];
            } else if (i == a.length || b[j] < a[i]) {
                next = b[j++];
            } else {
                next = a[i++];
                j++;
            }
            out[n++] = next;
        }
        return Arrays.copyOf(out, n);
    }

    /**
     * The rows in the order Pol.is's matrix would hold them, where order matters: the clusterings' first distinct
     * points and their ties (see {@code GroupClustering}). Pol.is's named matrix appends the rows new to it with each
     * batch of votes a recomputation reads (named_matrix.clj, {@code update-nmat}), and a batch comes ordered by
     * statement, then participant (postgres.clj, {@code conv-poll}): so its rows are by the batch of the
     * participant's first vote, then the lowest statement they voted on in it, then key. Known only to a matrix
     * built in batches ({@link VoteHistory} builds one per hour); null otherwise (key order).
     */
    int[] arrival() {
        return arrival;
    }
    // The stages read the arrays directly: they are never handed out of the package.

    int[] rowStart() {
        return rowStart;
    }

    int[] columns() {
        return columns;
    }

    byte[] values() {
        return values;
    }

    long[] participantKeys() {
        return participantKeys;
    }

    long[] statementKeys() {
        return statementKeys;
    }

    /** Collects votes in any order; a later vote by the same participant on the same statement replaces the earlier. */
    public static final class Builder {

        /** No votes on excluded statements: shared, as most participants of a large Jam have none. */
        private static final long[] NONE = {};

        private final KeyIndex participants = new KeyIndex();
        private final KeyIndex statements = new KeyIndex();
        private final KeyIndex excluded = new KeyIndex();
        private int[] rows = new int[1024];
        private int[] cols = new int[1024];
        private byte[] vals = new byte[1024];
        private int count;
        /** Set by {@link #batch}: the matrices built then keep the rows' arrival order. */
        private boolean batched;
        private long batch;
        /** Per participant (by id), the batch of their first vote and the lowest statement they voted on in it. */
        private long[] firstBatch = new long[0];
        private long[] lowestStatement = new long[0];
        /** Ids in arrival order, final for the first {@link #ordered} (batches before the current one). */
        private int[] orderedIds = new int[0];
        private int ordered;

        private Builder() {}

        /**
         * The votes given from now on reach the matrix in batch {@code number} (not less than the one before): the
         * matrices built then have their rows in Pol.is's arrival order (see {@link VoteMatrix#arrival}).
         */
        Builder batch(long number) {
            if (count > 0 && !batched) {
                throw new IllegalStateException("Batches are given from the first vote on, or not at all");
            }
            batched = true;
            batch = number;
            return this;
        }

        /** @param value +1 agree, −1 disagree, 0 pass */
        public Builder vote(long participant, long statement, int value) {
            if (value < -1 || value > 1) {
                throw new IllegalArgumentException("A vote is +1 (agree), -1 (disagree) or 0 (pass), not " + value
                        + " (participant " + participant + ", statement " + statement + ")");
            }
            if (count == rows.length) {
                int grown = count + (count >> 1);
                rows = Arrays.copyOf(rows, grown);
                cols = Arrays.copyOf(cols, grown);
                vals = Arrays.copyOf(vals, grown);
            }
            int known = participants.size();
            int id = participants.idOf(participant);
            if (batched) {
                arrive(id, id == known, statement);
            }
            rows[count] = id;
            cols[count] = statements.idOf(statement);
            vals[count] = (byte) value;
            count++;
            return this;
        }

        private void arrive(int id, boolean first, long statement) {
            if (first) {
                if (id == firstBatch.length) {
                    int grown = Math.max(1024, id + (id >> 1));
                    firstBatch = Arrays.copyOf(firstBatch, grown);
                    lowestStatement = Arrays.copyOf(lowestStatement, grown);
                }
                firstBatch[id] = batch;
                lowestStatement[id] = statement;
            } else if (firstBatch[id] == batch) {
                lowestStatement[id] = Math.min(lowestStatement[id], statement);
            }
        }

        /**
         * The rows (ranks of the participant ids) in Pol.is's order: by the batch of the first vote, then the lowest
         * statement voted on in it, then key. Ids are numbered as first seen, so each batch's newcomers are a run of
         * ids, and only the runs need sorting; the runs of batches before the current one no longer change and are
         * kept sorted for the next matrix.
         */
        private int[] arrival(long[] participantIds, int[] rank) {
            int n = participantIds.length;
            if (orderedIds.length < n) {
                orderedIds = Arrays.copyOf(orderedIds, Math.max(n, orderedIds.length * 2));
            }
            for (int from = ordered; from < n;) {
                int to = from + 1;
                while (to < n && firstBatch[to] == firstBatch[from]) {
                    to++;
                }
                Integer[] run = new Integer[to - from];
                for (int i = 0; i < run.length; i++) {
                    run[i] = from + i;
                }
                Arrays.sort(run, Comparator.<Integer>comparingLong(id -> lowestStatement[id])
                        .thenComparingLong(id -> participantIds[id]));
                for (int i = 0; i < run.length; i++) {
                    orderedIds[from + i] = run[i];
                }
                if (firstBatch[from] != batch) {
                    ordered = to;
                }
                from = to;
            }
            int[] arrival = new int[n];
            for (int i = 0; i < n; i++) {
                arrival[i] = rank[orderedIds[i]];
            }
            return arrival;
        }

        /** Leaves a statement out of the analysis (e.g. hidden by moderation) even if it has votes. */
        public Builder exclude(long statement) {
            excluded.idOf(statement);
            return this;
        }

        public VoteMatrix build() {
            long[] excludedKeys = sorted(excluded.keysById());
            // Statements: ascending keys; excluded ones get no column (−1).
            long[] statementIds = statements.keysById();
            long[] allStatements = sorted(statementIds);
            long[] kept = Arrays.stream(allStatements).filter(k -> Arrays.binarySearch(excludedKeys, k) < 0)
                    .toArray();
            long[] excludedVoted = Arrays.stream(allStatements)
                    .filter(k -> Arrays.binarySearch(excludedKeys, k) >= 0).toArray();
            int[] column = new int[statementIds.length];
            for (int id = 0; id < statementIds.length; id++) {
                int at = Arrays.binarySearch(kept, statementIds[id]);
                column[id] = at < 0 ? -1 : at;
            }
            // Participants: ascending keys.
            long[] participantIds = participants.keysById();
            long[] allPeople = sorted(participantIds);
            int[] rank = new int[participantIds.length];
            for (int id = 0; id < participantIds.length; id++) {
                rank[id] = Arrays.binarySearch(allPeople, participantIds[id]);
            }
            // Counting sort of the votes by row; within a row the input order is kept, so the last of equal
            // (row, column) pairs is the latest vote.
            int[] start = new int[allPeople.length + 1];
            for (int v = 0; v < count; v++) {
                if (column[cols[v]] >= 0) {
                    start[rank[rows[v]] + 1]++;
                }
            }
            for (int r = 0; r < allPeople.length; r++) {
                start[r + 1] += start[r];
            }
            long[] packed = new long[start[allPeople.length]];
            int[] fill = Arrays.copyOf(start, allPeople.length);
            for (int v = 0; v < count; v++) {
                int c = column[cols[v]];
                if (c >= 0) {
                    // Column in the high half, input position in the low half: sorting orders by column, then time.
                    packed[fill[rank[rows[v]]]++] = ((long) c << 32) | v;
                }
            }
            return compact(allPeople, kept, start, packed, excludedKeys, excludedVoted,
                    excludedVotes(allPeople.length, rank, column, statementIds),
                    batched ? arrival(participantIds, rank) : null);
        }

        /** Per participant (by rank), the keys of the excluded statements they voted on, ascending. */
        private long[][] excludedVotes(int people, int[] rank, int[] column, long[] statementIds) {
            long[][] voted = new long[people][];
            int[] size = new int[people];
            for (int v = 0; v < count; v++) {
                if (column[cols[v]] < 0) {
                    int r = rank[rows[v]];
                    if (voted[r] == null) {
                        voted[r] = new long[4];
                    } else if (size[r] == voted[r].length) {
                        voted[r] = Arrays.copyOf(voted[r], size[r] * 2);
                    }
                    voted[r][size[r]++] = statementIds[cols[v]];
                }
            }
            for (int r = 0; r < people; r++) {
                voted[r] = voted[r] == null ? NONE
                        : Arrays.stream(voted[r], 0, size[r]).sorted().distinct().toArray();
            }
            return voted;
        }

        private VoteMatrix compact(long[] allPeople, long[] kept, int[] start, long[] packed, long[] excludedKeys,
                long[] excludedVoted, long[][] excludedVotes, int[] arrival) {
            int[] excludedStart = new int[allPeople.length + 1];
            for (int r = 0; r < allPeople.length; r++) {
                excludedStart[r + 1] = excludedStart[r] + excludedVotes[r].length;
            }
            int[] outStart = new int[allPeople.length + 1];
            int[] outCols = new int[packed.length];
            byte[] outVals = new byte[packed.length];
            long[] people = new long[allPeople.length];
            int rowsOut = 0;
            int size = 0;
            for (int r = 0; r < allPeople.length; r++) {
                Arrays.sort(packed, start[r], start[r + 1]);
                for (int i = start[r]; i < start[r + 1]; i++) {
                    int c = (int) (packed[i] >>> 32);
                    boolean replacedLater = i + 1 < start[r + 1] && (int) (packed[i + 1] >>> 32) == c;
                    if (!replacedLater) {
                        outCols[size] = c;
                        outVals[size++] = vals[(int) packed[i]];
                    }
                }
                people[rowsOut++] = allPeople[r];
                outStart[rowsOut] = size;
            }
            return new VoteMatrix(Arrays.copyOf(people, rowsOut), kept, Arrays.copyOf(outStart, rowsOut + 1),
                    Arrays.copyOf(outCols, size), Arrays.copyOf(outVals, size), excludedKeys, excludedVoted,
                    excludedStart, Arrays.stream(excludedVotes).flatMapToLong(Arrays::stream).toArray(), arrival);
        }

        private static long[] sorted(long[] keys) {
            long[] copy = keys.clone();
            Arrays.sort(copy);
            return copy;
        }
    }
}
