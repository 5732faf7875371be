package org.incrowd.recognition.algorithm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.incrowd.recognition.CreditKind;

/**
 * The weighting of helping acts against gaming, as named stages over a Jam's acts (plain Java: acts in, credit per
 * person and kind out; the same acts always give the same credit):
 * <ol>
 *     <li>{@link #pairs}: acts grouped by giver and beneficiary, counted per kind; kinds switched off do not count;</li>
 *     <li>{@link #withoutSelfHelp}: an act of help to oneself earns nothing;</li>
 *     <li>{@link #diminishingPerPair}: the n-th act from the same beneficiary to the same giver counts 1/n (the
 *     weightiest kinds first), so a pair's credit grows like ln n while acts spread over n people count n;</li>
 *     <li>{@link #closedLoops}: help that comes back to the giver within {@value #LOOP_LENGTH} steps (the beneficiary
 *     helped the giver, or helped someone who did, and so on) counts {@value #LOOP_FACTOR} of its weight: reciprocal
 *     pairs and small rings that keep their acts among themselves;</li>
 *     <li>{@link #sum}: credit per giver and kind.</li>
 * </ol>
 * Cost: O(a + p log p + p·s·s) for a acts over p distinct pairs, s = {@value #LOOP_SCAN} the most neighbours a loop
 * search looks at per step (so one very busy person cannot make it quadratic): about a second for a million acts.
 */
public final class GiverCredit {

    /** What a closed-loop act counts of its weight. */
    public static final double LOOP_FACTOR = 0.2;
    /** The longest loop of help found (a ring of this many people at most). */
    public static final int LOOP_LENGTH = 4;
    /**
     * The stated bound: a ring whose members only help one another (every act comes back within {@link #LOOP_LENGTH}
     * steps) gains at most this share of what the same number of acts spread over the community earns.
     */
    public static final double RING_SHARE_BOUND = LOOP_FACTOR;
    /** The beneficiary of acts for the community as a whole (an announcement). */
    public static final long COMMUNITY = 0;
    static final int LOOP_SCAN = 64;
    private static final CreditKind[] KINDS = CreditKind.values();
    private static final CreditKind[] BY_WEIGHT = Arrays.stream(KINDS)
            .sorted(Comparator.comparingDouble(CreditKind::weight).reversed()).toArray(CreditKind[]::new);

    private GiverCredit() {
    }

    /** A person's weighted credit of one kind, and how many acts it comes from. */
    public record Credit(long personId, CreditKind kind, double credit, int acts) {
    }

    /** Weighted credit per giver and kind, for the kinds in {@code counted}; sorted by person, then kind. */
    public static List<Credit> compute(Acts acts, Set<CreditKind> counted) {
        var pairs = pairs(acts, counted);
        withoutSelfHelp(pairs);
        diminishingPerPair(pairs);
        closedLoops(pairs);
        return sum(pairs);
    }

    /** Acts in columns, to hold a million of them without a million objects. */
    public static final class Acts {
        private long[] givers = new long[1024];
        private long[] beneficiaries = new long[1024];
        private byte[] kinds = new byte[1024];
        private int size;

        /** One act: {@code giver} helped {@code beneficiary} ({@link #COMMUNITY}: everyone). */
        public Acts add(long giver, long beneficiary, CreditKind kind) {
            if (size == givers.length) {
                givers = Arrays.copyOf(givers, size * 2);
                beneficiaries = Arrays.copyOf(beneficiaries, size * 2);
                kinds = Arrays.copyOf(kinds, size * 2);
            }
            givers[size] = giver;
            beneficiaries[size] = beneficiary;
            kinds[size] = (byte) kind.ordinal();
            size++;
            return this;
        }

        public int size() {
            return size;
        }
    }

    /** Distinct (giver, beneficiary) pairs with their acts per kind, and the weight each pair earns per kind. */
    static final class Pairs {
        final long[] people;  // dense index → person id, ascending
        final int[] giver;    // per pair, dense
        final int[] beneficiary;
        final int[] counts;   // pair * kinds + kind
        final double[] weight; // pair * kinds + kind: what the pair earns of that kind
        final int size;
        final int community;  // dense index of COMMUNITY, or -1

        Pairs(long[] people, int[] giver, int[] beneficiary, int[] counts, int size) {
            this.people = people;
            this.giver = giver;
            this.beneficiary = beneficiary;
            this.counts = counts;
            this.size = size;
            this.weight = new double[size * KINDS.length];
            int at = Arrays.binarySearch(people, COMMUNITY);
            this.community = at >= 0 ? at : -1;
        }
    }

    /** Stage 1: acts of counted kinds, grouped by pair and sorted by giver, then beneficiary. */
    static Pairs pairs(Acts acts, Set<CreditKind> counted) {
        var all = new long[acts.size * 2];
        System.arraycopy(acts.givers, 0, all, 0, acts.size);
        System.arraycopy(acts.beneficiaries, 0, all, acts.size, acts.size);
        Arrays.sort(all);
        int distinct = 0;
        for (int i = 0; i < all.length; i++) {
            if (i == 0 || all[i] != all[i - 1]) {
                all[distinct++] = all[i];
            }
        }
        long[] people = Arrays.copyOf(all, distinct);
        long n = Math.max(1, distinct);
        // A key per act: giver * n + beneficiary, then kind in the low bits; sorting groups each pair's acts.
        var keys = new long[acts.size];
        int kept = 0;
        for (int i = 0; i < acts.size; i++) {
            if (!counted.contains(KINDS[acts.kinds[i]])) {
                continue;
            }
            long g = Arrays.binarySearch(people, acts.givers[i]);
            long b = Arrays.binarySearch(people, acts.beneficiaries[i]);
            keys[kept++] = (g * n + b) << 3 | acts.kinds[i];
        }
        Arrays.sort(keys, 0, kept);
        var giver = new int[kept];
        var beneficiary = new int[kept];
        var counts = new int[Math.max(1, kept) * KINDS.length];
        int size = 0;
        long previous = -1;
        for (int i = 0; i < kept; i++) {
            long pair = keys[i] >>> 3;
            if (pair != previous) {
                giver[size] = (int) (pair / n);
                beneficiary[size] = (int) (pair % n);
                size++;
                previous = pair;
            }
            counts[(size - 1) * KINDS.length + (int) (keys[i] & 7)]++;
        }
        return new Pairs(people, giver, beneficiary, counts, size);
    }

    /** Stage 2: help to oneself earns nothing: such acts are no acts of giving at all. */
    static void withoutSelfHelp(Pairs pairs) {
        for (int pair = 0; pair < pairs.size; pair++) {
            if (pairs.giver[pair] == pairs.beneficiary[pair]) {
                Arrays.fill(pairs.counts, pair * KINDS.length, (pair + 1) * KINDS.length, 0);
            }
        }
    }

    /** Stage 3: within a pair, the n-th act (weightiest kinds first) counts 1/n of its kind's weight. */
    static void diminishingPerPair(Pairs pairs) {
        for (int pair = 0; pair < pairs.size; pair++) {
            int before = 0;
            for (var kind : BY_WEIGHT) {
                int count = pairs.counts[pair * KINDS.length + kind.ordinal()];
                if (count > 0) {
                    pairs.weight[pair * KINDS.length + kind.ordinal()] = kind.weight()
                            * (harmonic(before + count) - harmonic(before));
                    before += count;
                }
            }
        }
    }

    /** Stage 4: a pair whose help comes back to the giver within {@link #LOOP_LENGTH} steps counts {@link #LOOP_FACTOR}. */
    static void closedLoops(Pairs pairs) {
        // Out-neighbours per person (pairs are sorted by giver, then beneficiary): start[g] .. start[g + 1].
        var start = new int[pairs.people.length + 1];
        for (int pair = 0; pair < pairs.size; pair++) {
            start[pairs.giver[pair] + 1]++;
        }
        for (int p = 0; p < pairs.people.length; p++) {
            start[p + 1] += start[p];
        }
        for (int pair = 0; pair < pairs.size; pair++) {
            int g = pairs.giver[pair];
            int b = pairs.beneficiary[pair];
            if (g == b || b == pairs.community || !comesBack(pairs, start, b, g, LOOP_LENGTH - 1)) {
                continue;
            }
            for (int k = 0; k < KINDS.length; k++) {
                pairs.weight[pair * KINDS.length + k] *= LOOP_FACTOR;
            }
        }
    }

    /** Whether {@code from} helped {@code to} directly or through at most {@code steps - 1} others. */
    private static boolean comesBack(Pairs pairs, int[] start, int from, int to, int steps) {
        if (helped(pairs, start, from, to)) {
            return true;
        }
        if (steps == 1) {
            return false;
        }
        int end = Math.min(start[from + 1], start[from] + LOOP_SCAN);
        for (int pair = start[from]; pair < end; pair++) {
            int next = pairs.beneficiary[pair];
            if (next != from && next != to && next != pairs.community && comesBack(pairs, start, next, to, steps - 1)) {
                return true;
            }
        }
        return false;
    }

    private static boolean helped(Pairs pairs, int[] start, int from, int to) {
        return Arrays.binarySearch(pairs.beneficiary, start[from], start[from + 1], to) >= 0;
    }

    /** Stage 5: credit and acts per giver and kind. */
    static List<Credit> sum(Pairs pairs) {
        var credit = new double[pairs.people.length * KINDS.length];
        var acts = new int[pairs.people.length * KINDS.length];
        for (int pair = 0; pair < pairs.size; pair++) {
            for (int k = 0; k < KINDS.length; k++) {
                int at = pairs.giver[pair] * KINDS.length + k;
                credit[at] += pairs.weight[pair * KINDS.length + k];
                acts[at] += pairs.counts[pair * KINDS.length + k];
            }
        }
        var result = new ArrayList<Credit>();
        for (int p = 0; p < pairs.people.length; p++) {
            for (int k = 0; k < KINDS.length; k++) {
                int at = p * KINDS.length + k;
                if (acts[at] > 0) {
                    result.add(new Credit(pairs.people[p], KINDS[k], credit[at], acts[at]));
                }
            }
        }
        return result;
    }

    private static double harmonic(int n) {
        double sum = 0;
        for (int i = 1; i <= n; i++) {
            sum += 1.0 / i;
        }
        return sum;
    }
}
