package org.incrowd.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.incrowd.insight.opinions.algorithm.AdjustedRandIndex;
import org.incrowd.insight.opinions.algorithm.HistoryCheckpoint;
import org.incrowd.insight.opinions.algorithm.MissingVotes;
import org.incrowd.insight.opinions.algorithm.OpinionAnalysis;
import org.incrowd.insight.opinions.algorithm.OpinionGroup;
import org.incrowd.insight.opinions.algorithm.OpinionResult;
import org.incrowd.insight.opinions.algorithm.OpinionSettings;
import org.incrowd.insight.opinions.algorithm.Placement;
import org.incrowd.insight.opinions.algorithm.VoteHistory;
import org.incrowd.insight.opinions.algorithm.VoteMatrix;
import org.incrowd.insight.opinions.polis.PolisConversations;

/**
 * {@code ./incrowd bench opinions}: the opinion-groups algorithm at Jam scale (see {@link SyntheticJam#JAM}) and its
 * agreement with Pol.is. Writes {@code bench/results/opinions.json}:
 * <ul>
 *   <li>{@code seconds_full}: median wall time of a full {@code OpinionAnalysis.analyse} (after warm-up runs);</li>
 *   <li>{@code ms_incremental}: median wall time of taking in 1,000 new reactions, i.e. {@code VoteMatrix.plus}
 *       and {@code OpinionAnalysis.update}, each update starting from the previous one;</li>
 *   <li>{@code peak_heap_mb}: the highest heap use seen during a full analysis and an update (sum of the heap
 *       pools' peaks, garbage included; an upper bound), with the heap limit the run had;</li>
 *   <li>{@code live_heap_mb}: heap in use after a full collection while the matrix and a result are held;</li>
 *   <li>{@code ari}: adjusted Rand index with Pol.is's groups per conversation (see PolisAgreementTests).</li>
 * </ul>
 * The JMH benchmark {@code OpinionsJmhBenchmark} measures the same two operations with JMH's statistics.
 */
public final class OpinionsBenchmark {

    static final Path RESULTS = Path.of("bench", "results", "opinions.json");
    private static final int FULL_WARMUPS = 3;
    private static final int FULL_RUNS = 7;
    private static final int UPDATE_WARMUPS = 10;
    private static final int UPDATE_RUNS = 20;
    private static final int NEW_VOTES = 1_000;
    /** The synthetic Jam's votes spread over three days, as a Jam runs. */
    private static final int LIVE_HOURS = 72;
    private static final int LIVE_WARMUPS = 2;
    private static final int LIVE_RUNS = 5;

    private OpinionsBenchmark() {}

    public static void main(String[] args) {
        boolean polis = !Arrays.asList(args).contains("--skip-polis");
        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        var jam = SyntheticJam.JAM;
        if (Arrays.asList(args).contains("--only-live-replay")) {
            var values = new LinkedHashMap<String, Object>(liveReplay(jam));
            values.put("opinions_live_replay_machine", machine(loadBefore));
            BenchResults.merge(RESULTS, values);
            System.out.println("Wrote " + RESULTS.toAbsolutePath().normalize());
            return;
        }
        long started = System.nanoTime();
        VoteMatrix matrix = jam.matrix();
        double buildSeconds = seconds(started);
        System.out.printf("Synthetic Jam: %,d participants x %,d statements, %,d votes (built in %.1f s)%n",
                matrix.participants(), matrix.statements(), matrix.votes(), buildSeconds);

        var full = new ArrayList<Double>();
        OpinionResult result = null;
        for (int run = 0; run < FULL_WARMUPS + FULL_RUNS; run++) {
            long t = System.nanoTime();
            result = OpinionAnalysis.analyse(matrix, OpinionSettings.DEFAULT);
            if (run >= FULL_WARMUPS) {
                full.add(seconds(t));
            }
        }
        System.out.printf("Full analysis: median %.3f s (min %.3f, max %.3f) over %d runs; groups %s%n",
                median(full), min(full), max(full), full.size(), sizes(result));

        var incremental = new ArrayList<Double>();
        var updateOnly = new ArrayList<Double>();
        var deltas = new ArrayList<VoteMatrix>();
        for (int i = 0; i < UPDATE_WARMUPS + UPDATE_RUNS; i++) {
            deltas.add(jam.moreVotes(NEW_VOTES, i));
        }
        VoteMatrix current = matrix;
        OpinionResult latest = result;
        int warmSteps = 0;
        var agreement = new ArrayList<Double>();
        for (int i = 0; i < deltas.size(); i++) {
            long t = System.nanoTime();
            current = current.plus(deltas.get(i));
            long merged = System.nanoTime();
            latest = OpinionAnalysis.update(latest, current, OpinionSettings.DEFAULT);
            if (i >= UPDATE_WARMUPS) {
                incremental.add(seconds(t) * 1000);
                updateOnly.add(seconds(merged) * 1000);
                warmSteps = Math.max(warmSteps, latest.model().componentIterations());
            }
            if (i % 5 == 4) {
                // Not timed: does the update group like a full analysis of the same votes?
                var fresh = OpinionAnalysis.analyse(current, OpinionSettings.DEFAULT);
                agreement.add(AdjustedRandIndex.of(groups(latest), groups(fresh)));
            }
        }
        System.out.printf("Update after %,d new reactions: median %.1f ms (update alone %.1f ms; min %.1f, max %.1f)"
                + "; adjusted Rand index with a full analysis of the same votes: median %.5f, lowest %.5f%n",
                NEW_VOTES, median(incremental), median(updateOnly), min(incremental), max(incremental),
                median(agreement), min(agreement));

        var heap = heap(matrix, current, latest);
        System.out.printf("Heap: peak %.0f MB (limit %.0f MB), live %.0f MB%n", heap.get("peak_heap_mb"),
                heap.get("heap_limit_mb"), heap.get("live_heap_mb"));

        var values = new LinkedHashMap<String, Object>();
        values.put("seconds_full", round(median(full), 3));
        values.put("ms_incremental", round(median(incremental), 1));
        values.putAll(heap);
        values.put("opinions_detail", detail(matrix, buildSeconds, full, incremental, updateOnly, agreement,
                latest, result.model().componentIterations(), warmSteps));
        if (polis) {
            values.putAll(polis());
        }
        values.put("opinions_machine", machine(loadBefore));
        BenchResults.merge(RESULTS, values);
        System.out.println("Wrote " + RESULTS.toAbsolutePath().normalize());
    }

    private static Map<String, Object> detail(VoteMatrix matrix, double buildSeconds, List<Double> full,
            List<Double> incremental, List<Double> updateOnly, List<Double> updateAgreement, OpinionResult result,
            int coldSteps, int warmSteps) {
        var detail = new LinkedHashMap<String, Object>();
        detail.put("participants", matrix.participants());
        detail.put("statements", matrix.statements());
        detail.put("votes", matrix.votes());
        detail.put("new_votes_per_update", NEW_VOTES);
        detail.put("groups", sizes(result));
        detail.put("seconds_full_runs", full.stream().map(s -> round(s, 3)).toList());
        detail.put("ms_incremental_runs", incremental.stream().map(s -> round(s, 1)).toList());
        detail.put("ms_update_without_merge", round(median(updateOnly), 1));
        // Every fifth update of the chain against a full analysis of the same votes. Where the full analyses
        // themselves switch between two near-equal k-means optima as votes arrive, an update can land on the other.
        detail.put("ari_update_vs_full_median", round(median(updateAgreement), 5));
        detail.put("ari_update_vs_full_lowest", round(min(updateAgreement), 5));
        detail.put("ari_update_vs_full_checkpoints", updateAgreement.stream().map(a -> round(a, 5)).toList());
        detail.put("power_iteration_steps_full", coldSteps);
        detail.put("power_iteration_steps_update_max", warmSteps);
        detail.put("seconds_build_matrix_from_votes", round(buildSeconds, 2));
        return detail;
    }

    /** The machine, with the load average before and after the measurement. */
    private static Map<String, Object> machine(double loadBefore) {
        var machine = machine();
        // Other work on the machine slows the measurements: the one-minute load average before and after says how
        // quiet it was (2 cores: 1.0 is one core busy).
        machine.put("load_average_before", round(loadBefore, 2));
        machine.put("load_average_after",
                round(ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), 2));
        return machine;
    }

    /**
     * The live map's recompute (ADR 55): the synthetic Jam's votes cast over {@link #LIVE_HOURS} hours and replayed
     * hour by hour. {@code seconds_live_pass}: a pass after {@link #NEW_VOTES} new reactions in the current hour,
     * starting from the previous pass's checkpoint (what the debounced recompute does); {@code seconds_live_cold}: the
     * first pass on a node, replaying every hour (after a restart); and a pass after a reaction cast 2, 12 or 48
     * hours earlier changed (from the last checkpoint before its hour). The votes are read into a {@code VoteHistory}
     * first (in the application, from the database); that fill is reported apart.
     */
    private static Map<String, Object> liveReplay(SyntheticJam jam) {
        long start = 1_780_000_000_000L / 3_600_000 * 3_600_000;
        long now = start + LIVE_HOURS * 3_600_000L - 60_000;
        long t = System.nanoTime();
        var builder = VoteHistory.builder();
        jam.history(LIVE_HOURS, start, builder);
        var history = builder.build();
        double fill = seconds(t);
        System.out.printf("Synthetic Jam over %d hours: %,d timed votes (filled in %.1f s)%n", LIVE_HOURS,
                history.votes(), fill);
        t = System.nanoTime();
        var cold = OpinionAnalysis.history(history, OpinionSettings.DEFAULT, MissingVotes.STATEMENT_AVERAGE, null);
        double coldSeconds = seconds(t);
        System.out.printf("Cold replay (every hour): %.2f s; groups %s%n", coldSeconds, sizes(cold.result()));
        var restart = restartFromStoredPoints(history, cold);
        var passes = new ArrayList<Double>();
        var fills = new ArrayList<Double>();
        var checkpoint = cold.checkpoint();
        OpinionResult latest = cold.result();
        for (int run = 0; run < LIVE_WARMUPS + LIVE_RUNS; run++) {
            long f = System.nanoTime();
            var next = VoteHistory.builder();
            jam.history(LIVE_HOURS, start, next);
            for (int batch = 0; batch <= run; batch++) {
                jam.moreVotes(NEW_VOTES, batch, now, next);
            }
            var votes = next.build();
            long p = System.nanoTime();
            var pass = OpinionAnalysis.history(votes, OpinionSettings.DEFAULT, MissingVotes.STATEMENT_AVERAGE,
                    checkpoint);
            if (run >= LIVE_WARMUPS) {
                passes.add(seconds(p));
                fills.add((p - f) / 1e9);
            }
            checkpoint = pass.checkpoint();
            latest = pass.result();
        }
        var fresh = OpinionAnalysis.analyse(jam.matrix(), OpinionSettings.DEFAULT);
        System.out.printf("Live pass (from the checkpoint, %,d new reactions each): median %.3f s (min %.3f, max %.3f)"
                + "; filling the votes %.2f s; groups %s (from the final votes alone: %s)%n", NEW_VOTES,
                median(passes), min(passes), max(passes), median(fills), sizes(latest), sizes(fresh));
        // A reaction cast earlier changed: the pass starts at the last checkpoint before its hour.
        var changedPasses = new LinkedHashMap<String, Object>();
        for (int hoursAgo : new int[] {2, 12, 48}) {
            var next = VoteHistory.builder();
            jam.history(LIVE_HOURS, start, (long) ((LIVE_HOURS - hoursAgo + 0.5) / LIVE_HOURS * history.votes()),
                    next);
            for (int batch = 0; batch < LIVE_WARMUPS + LIVE_RUNS; batch++) {
                jam.moreVotes(NEW_VOTES, batch, now, next);
            }
            var votes = next.build();
            long p = System.nanoTime();
            OpinionAnalysis.history(votes, OpinionSettings.DEFAULT, MissingVotes.STATEMENT_AVERAGE, checkpoint);
            double changedSeconds = seconds(p);
            changedPasses.put(hoursAgo + "h", round(changedSeconds, 2));
            System.out.printf("Live pass after a reaction of %d hours ago changed: %.2f s%n", hoursAgo,
                    changedSeconds);
        }
        var values = new LinkedHashMap<String, Object>();
        values.put("seconds_live_pass", round(median(passes), 3));
        values.put("seconds_live_cold", round(coldSeconds, 2));
        values.put("seconds_live_cold_from_stored_checkpoints", restart.get("seconds_first_pass"));
        var detail = new LinkedHashMap<String, Object>();
        detail.put("hours", LIVE_HOURS);
        detail.put("passes", passes.stream().map(x -> round(x, 3)).toList());
        detail.put("seconds_fill_votes_median", round(median(fills), 2));
        detail.put("seconds_fill_votes_cold", round(fill, 2));
        detail.put("group_sizes", sizes(latest));
        detail.put("seconds_pass_after_a_change_hours_ago", changedPasses);
        detail.put("cold_pass_from_stored_checkpoints", restart);
        values.put("opinions_live_replay_detail", detail);
        return values;
    }

    /**
     * The first pass after a restart when the checkpoints are kept in the database ({@code HistoryCheckpoints}): each
     * point of the cold replay's checkpoint written as the database keeps it, then read back from those bytes and
     * resumed from, with the same votes. Repeated: the first in this JVM (the analysis is warm from the cold replay,
     * the reading of points is not), then the median of {@link #LIVE_RUNS} more. The database's own transfer of the
     * bytes is not included (their size is), nor the JIT warm-up of a freshly started server.
     */
    private static Map<String, Object> restartFromStoredPoints(VoteHistory history, OpinionAnalysis.Replayed cold) {
        long t = System.nanoTime();
        var bytes = cold.checkpoint().marks().stream().map(cold.checkpoint()::bytesOf).toList();
        double written = seconds(t);
        var passes = new ArrayList<Double>();
        var reads = new ArrayList<Double>();
        boolean same = true;
        int replayedHours = 0;
        for (int run = 0; run <= LIVE_RUNS; run++) {
            t = System.nanoTime();
            var restored = HistoryCheckpoint.read(bytes);
            reads.add(seconds(t));
            var resumed = OpinionAnalysis.history(history, OpinionSettings.DEFAULT, MissingVotes.STATEMENT_AVERAGE,
                    restored);
            passes.add(seconds(t));
            replayedHours = resumed.replayedHours();
            same &= resumed.result().placements().equals(cold.result().placements())
                    && resumed.result().groups().equals(cold.result().groups());
        }
        var later = passes.subList(1, passes.size());
        long total = bytes.stream().mapToLong(b -> b.length).sum();
        System.out.printf("Cold pass from stored checkpoints: first %.2f s, then median %.2f s (min %.2f, max %.2f);"
                + " of which reading %d points (%.1f MB) %.3f s first, %.3f s median; %d hours replayed (full replay: "
                + "%d); writing the points %.2f s; the same map as the full replay: %s%n", passes.get(0),
                median(later), min(later), max(later), bytes.size(), total / 1e6, reads.get(0),
                median(reads.subList(1, reads.size())), replayedHours, cold.replayedHours(), written, same);
        var values = new LinkedHashMap<String, Object>();
        values.put("seconds_first_pass", round(passes.get(0), 2));
        values.put("seconds_pass_median", round(median(later), 2));
        values.put("passes", passes.stream().map(x -> round(x, 3)).toList());
        values.put("seconds_read_points", reads.stream().map(x -> round(x, 3)).toList());
        values.put("seconds_write_points", round(written, 3));
        values.put("points", bytes.size());
        values.put("stored_mb", round(total / 1e6, 2));
        values.put("hours_replayed", replayedHours);
        values.put("same_map_as_full_replay", same);
        return values;
    }

    private static Map<String, Object> polis() {
        var ari = new LinkedHashMap<String, Object>();
        var current = new LinkedHashMap<String, Object>();
        var how = new LinkedHashMap<String, Object>();
        var groupedShare = new LinkedHashMap<String, Object>();
        for (String name : PolisConversations.names()) {
            var agreement = PolisConversations.agreement(name);
            ari.put(name, round(agreement.ari(), 3));
            current.put(name, round(agreement.currentMethodAri(), 3));
            groupedShare.put(name, round((double) agreement.grouped() / agreement.polisGrouped(), 3));
            var method = PolisConversations.methodOf(name);
            how.put(name, "history by the hour, " + PolisConversations.mathOf(PolisConversations.read(name)) + ": "
                    + method.why() + (agreement.variants() > 1 ? String.format("; median of %d variants, %.3f to %.3f",
                            agreement.variants(), agreement.minimum(), agreement.maximum()) : ""));
            System.out.printf("Pol.is %-22s ARI %.3f, grouped %d of Pol.is's %d, groups %d vs %d (Incrowd's math, "
                            + "no meta statements: %.3f)%n", name, agreement.ari(), agreement.grouped(),
                    agreement.polisGrouped(), agreement.groups(), agreement.polisGroups(),
                    agreement.currentMethodAri());
        }
        if (ari.isEmpty()) {
            System.out.println("No Pol.is data in " + PolisConversations.FOLDER.toAbsolutePath().normalize());
            return Map.of();
        }
        return Map.of("ari", ari, "ari_polis_current_math", current, "ari_how", how, "polis_grouped_share",
                groupedShare);
    }

    /** Peak heap during a full analysis and an update, and live heap afterwards (see the class comment). */
    private static Map<String, Double> heap(VoteMatrix matrix, VoteMatrix current, OpinionResult latest) {
        var pools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        System.gc();
        pools.forEach(MemoryPoolMXBean::resetPeakUsage);
        var result = OpinionAnalysis.analyse(matrix, OpinionSettings.DEFAULT);
        var updated = OpinionAnalysis.update(result, current, OpinionSettings.DEFAULT);
        double peak = pools.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum() / 1e6;
        System.gc();
        double live = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1e6;
        var heap = new LinkedHashMap<String, Double>();
        heap.put("peak_heap_mb", (double) Math.round(peak));
        heap.put("heap_limit_mb", (double) Math.round(Runtime.getRuntime().maxMemory() / 1e6));
        heap.put("live_heap_mb", (double) Math.round(live));
        // Keep the results reachable until measured.
        if (updated.placements().size() + latest.placements().size() < 0) {
            throw new AssertionError();
        }
        return heap;
    }

    private static Map<String, Object> machine() {
        var machine = new LinkedHashMap<String, Object>();
        machine.put("cores", Runtime.getRuntime().availableProcessors());
        machine.put("jdk", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"));
        machine.put("jvm_arguments", ManagementFactory.getRuntimeMXBean().getInputArguments());
        machine.put("date", OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS).toString());
        machine.put("command", "./incrowd bench opinions");
        return machine;
    }

    private static List<Integer> groups(OpinionResult result) {
        return result.placements().stream().map(Placement::group).toList();
    }

    private static List<Integer> sizes(OpinionResult result) {
        return result.groups().stream().map(OpinionGroup::size).toList();
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static double median(List<Double> values) {
        var sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static double min(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    }

    private static double max(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }

    private static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }
}
