package org.incrowd.insight.opinions.polis;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.incrowd.insight.opinions.algorithm.AdjustedRandIndex;
import org.incrowd.insight.opinions.algorithm.MissingVotes;
import org.incrowd.insight.opinions.algorithm.OpinionAnalysis;
import org.incrowd.insight.opinions.algorithm.OpinionResult;
import org.incrowd.insight.opinions.algorithm.OpinionSettings;
import org.incrowd.insight.opinions.algorithm.Placement;
import org.incrowd.insight.opinions.algorithm.VoteMatrix;

/**
 * The real Pol.is conversations in {@code ../shared/data/polis} and how well Incrowd's groups agree with Pol.is's
 * own, for the agreement tests and the benchmark.
 *
 * <p>Pol.is's math changed over the years, and an export holds the groups of the last recomputation. Three of the
 * conversations (brexit-consensus and the two scoop-hivemind ones) ended in 2017; the others had later votes. The
 * exports show the 2017 math's two marks: participants with only one to six votes were grouped (the 2017 math
 * counted statements excluded from the analysis as voted on by everyone), and the groups match only when an unseen
 * statement counts as a pass ({@link MissingVotes#PASS}). Pol.is also excludes "meta" statements (demographic
 * questions) from the analysis, and the export does not say which statements were meta; we infer them as stated per
 * conversation below.
 */
public final class PolisConversations {

    /** Relative to the project root, the working directory of tests and of {@code ./incrowd bench}. */
    public static final Path FOLDER = Path.of("..", "shared", "data", "polis");

    /** How Pol.is computed a conversation's groups, as far as the export and its dates tell. */
    public record Method(Set<Long> metaStatements, Set<Long> metaCandidates,
            String why) {}

    /** Agreement with Pol.is for one conversation. */
    public record Agreement(String conversation, double ari, double minimum, double maximum, int variants,
            double currentMethodAri, int groups, int polisGroups, int grouped, int polisGrouped) {}

    private PolisConversations() {}

    public static boolean available() {
        return Files.isDirectory(FOLDER);
    }

    /** The conversation folders, by name. */
    public static List<String> names() {
        if (!available()) {
            return List.of();
        }
        try (Stream<Path> folders = Files.list(FOLDER)) {
            return folders.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot list " + FOLDER, e);
        }
    }

    public static PolisExport read(String name) {
        return PolisExport.read(FOLDER.resolve(name));
    }

    /**
     * Pol.is's math changed early in 2018 (an unseen statement became the statement's average instead of a pass; who
     * is grouped changed with it): an export whose last vote is older holds groups of the 2017 math. A rule by the
     * votes' dates, not a setting per conversation.
     */
    static final long POLIS_MATH_2018 = 1_514_764_800_000L; // 2018-01-01T00:00Z

    public static MissingVotes mathOf(PolisExport export) {
        long last = export.votes().stream().mapToLong(PolisExport.Vote::timestamp).max().orElse(Long.MAX_VALUE);
        return last < POLIS_MATH_2018 ? MissingVotes.PASS : MissingVotes.STATEMENT_AVERAGE;
    }

    /**
     * The meta statements of a conversation: Pol.is's moderators flag statements about the participant (age, where
     * one lives) as meta, leaving them out of the groups, and the export does not carry the flag. This supplies the
     * missing column of the data, as far as the statements' text shows it; it is not a setting of the method.
     */
    public static Method methodOf(String name) {
        return switch (name) {
            case "scoop-hivemind.ubi" -> new Method(range(32, 42), Set.of(),
                    "statements 32-42 are demographic questions (age, where one lives, gender, work), Pol.is's "
                            + "meta statements");
            case "scoop-hivemind.freshwater" -> new Method(range(24, 36), Set.of(),
                    "statements 24-36 are questions about the participant (where one lives, age, work, their own "
                            + "use of water), Pol.is's meta statements, as on scoop-hivemind.ubi");
            case "brexit-consensus" -> new Method(Set.of(), Set.of(0L, 1L, 3L, 10L, 11L, 12L, 15L),
                    "meta statements unknown: of the seven statements about the participant (0, 1, 3, 10, 11, 12, "
                            + "15: how they voted, class, language...), every subset that groups the same "
                            + "participants as Pol.is (bar the fewest) is tried");
            default -> new Method(Set.of(), Set.of(), "no meta statements");
        };
    }

    /**
     * Incrowd's groups for the conversation, by its history ({@link OpinionAnalysis#history}) under the math of the
     * export's era and with its meta statements (see the class comment), compared with Pol.is's.
     */
    public static Agreement agreement(String name) {
        var export = read(name);
        var method = methodOf(name);
        var math = mathOf(export);
        // One rule set and nothing known about the conversation: Incrowd's math, no meta statements.
        double current = ari(export, OpinionAnalysis.history(export.voteHistory(Set.of()), OpinionSettings.DEFAULT,
                MissingVotes.STATEMENT_AVERAGE));
        var variants = new ArrayList<Variant>();
        for (Set<Long> meta : metaVariants(method)) {
            var result = OpinionAnalysis.history(export.voteHistory(meta), OpinionSettings.DEFAULT, math);
            variants.add(new Variant(result, ari(export, result), groupedDifference(export, result)));
        }
        // With candidates, keep the variants that group the same participants as Pol.is (bar the fewest).
        int fewest = variants.stream().mapToInt(Variant::difference).min().orElseThrow();
        var kept = variants.stream().filter(v -> v.difference() == fewest)
                .sorted((a, b) -> Double.compare(a.ari(), b.ari())).toList();
        var median = kept.get(kept.size() / 2);
        int grouped = grouped(export, median.result());
        int polisGroups = (int) export.polisGroups().values().stream().distinct().count();
        return new Agreement(name, median.ari(), kept.getFirst().ari(), kept.getLast().ari(), kept.size(), current,
                median.result().groups().size(), polisGroups, grouped, export.polisGroups().size());
    }

    /** How many of the participants Pol.is grouped Incrowd grouped too. */
    static int grouped(PolisExport export, OpinionResult result) {
        return (int) result.placements().stream()
                .filter(p -> p.grouped() && export.polisGroups().containsKey(p.participant())).count();
    }

    private record Variant(OpinionResult result, double ari, int difference) {}

    /** The export's votes, hidden comments and the given meta statements excluded. */
    public static VoteMatrix matrix(PolisExport export, Set<Long> metaStatements) {
        var builder = VoteMatrix.builder();
        export.comments().stream().filter(c -> c.hidden() || metaStatements.contains(c.id()))
                .forEach(c -> builder.exclude(c.id()));
        export.votes().forEach(v -> builder.vote(v.voter(), v.comment(), v.value()));
        return builder.build();
    }

    /**
     * Adjusted Rand index over the participants Pol.is grouped; a participant Incrowd leaves ungrouped counts as a
     * group of its own.
     */
    public static double ari(PolisExport export, OpinionResult result) {
        var polis = new ArrayList<Integer>();
        var ours = new ArrayList<Integer>();
        for (var placement : result.placements()) {
            Integer theirs = export.polisGroups().get(placement.participant());
            if (theirs != null) {
                polis.add(theirs);
                ours.add(placement.group());
            }
        }
        return AdjustedRandIndex.of(polis, ours);
    }

    /** How many participants one side grouped and the other did not. */
    private static int groupedDifference(PolisExport export, OpinionResult result) {
        int difference = 0;
        for (var placement : result.placements()) {
            if (placement.grouped() != export.polisGroups().containsKey(placement.participant())) {
                difference++;
            }
        }
        return difference;
    }

    private static List<Set<Long>> metaVariants(Method method) {
        var candidates = new ArrayList<>(method.metaCandidates());
        candidates.sort(null);
        var variants = new ArrayList<Set<Long>>();
        for (int mask = 0; mask < 1 << candidates.size(); mask++) {
            var meta = new HashSet<>(method.metaStatements());
            for (int i = 0; i < candidates.size(); i++) {
                if ((mask & 1 << i) != 0) {
                    meta.add(candidates.get(i));
                }
            }
            variants.add(meta);
        }
        return variants;
    }

    private static Set<Long> range(long from, long to) {
        var set = new HashSet<Long>();
        for (long id = from; id <= to; id++) {
            set.add(id);
        }
        return set;
    }
}
