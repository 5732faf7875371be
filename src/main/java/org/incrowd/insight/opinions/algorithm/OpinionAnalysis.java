package org.incrowd.insight.opinions.algorithm;

import java.util.ArrayList;
import java.util.Arrays;

/**
 * The opinion pipeline, in Pol.is's named stages: vote matrix → principal components → groups → representativeness →
 * consensus. Plain Java, deterministic: the same votes give the same result on every run and machine, whatever the
 * number of threads. With the votes' times ({@link #history}), the groups are those the conversation's history made,
 * as Pol.is's are (ADR 55): the same votes at the same times give the same result.
 *
 * <p>The stages: {@link VoteMatrix}; {@code PrincipalComponents} (two components, Pol.is's sparsity-aware
 * placement); {@code Participation} (who is grouped) and {@code GroupClustering} (base clusters, then groups chosen
 * by silhouette); {@code Representativeness} (Pol.is's representative statements per group); {@code Consensus}
 * and {@code MinorityReport}. The scores of the result's lists, all from Pol.is's smoothed shares
 * (n + 1) / (votes + 2) per group:
 * <ul>
 *   <li>consensus: the product over groups of the share voting the statement's way (agree or disagree), listed
 *       when more than half of every group votes that way; the top {@code listSize} of each way, merged;</li>
 *   <li>divisive: the largest minus the smallest agree share among groups with at least 5 votes on it;</li>
 *   <li>minority: for a group under a quarter of the grouped participants, positions at least 70 % of it hold,
 *       with everyone else at least 30 points lower (and the gap significant), largest gap first;</li>
 *   <li>bridging: the geometric mean of the groups' agree shares, for every statement grouped people voted on.</li>
 * </ul>
 */
public final class OpinionAnalysis {

    private OpinionAnalysis() {}

    /** A full computation from the votes alone. */
    public static OpinionResult analyse(VoteMatrix votes, OpinionSettings settings) {
        return analyse(votes, settings, MissingVotes.STATEMENT_AVERAGE);
    }

    /** A full computation, following the given generation of Pol.is's treatment of unseen statements. */
    public static OpinionResult analyse(VoteMatrix votes, OpinionSettings settings, MissingVotes missingVotes) {
        return run(votes, settings, missingVotes, null, GroupClustering.Carried.NONE);
    }

    /**
     * A recomputation that starts from an earlier result's model (much faster after a few new votes): the principal
     * components start from the previous ones, which after a few new votes need one to a few steps instead of a
     * dozen or more. Everything else follows the rules of {@link #analyse}, so the groups are those a full
     * computation finds (a participant could differ only if sitting within the components' tolerance of a group
     * boundary).
     */
    public static OpinionResult update(OpinionResult previous, VoteMatrix votes, OpinionSettings settings) {
        return run(votes, settings, previous.model().missingVotes(), previous.model().components(),
                GroupClustering.Carried.NONE);
    }

    /**
     * The groups as the conversation's history made them: the votes replayed in time order, one clustering per hour
     * of the votes' times, each starting where the one before ended (see {@link VoteHistory}). The same votes at the
     * same times give the same result.
     */
    public static OpinionResult history(VoteHistory history, OpinionSettings settings, MissingVotes missingVotes) {
        return history(history, settings, missingVotes, null).result();
    }

    /**
     * {@link #history(VoteHistory, OpinionSettings, MissingVotes)}, starting from a checkpoint of an earlier replay
     * of the same conversation when the votes of its hours are unchanged (otherwise from the first vote), so that a
     * live map replays only the hours since. The result is the same either way; the checkpoint returned is where
     * this replay stood at the end of its last full hour, for the next one.
     */
    public static Replayed history(VoteHistory history, OpinionSettings settings, MissingVotes missingVotes,
            HistoryCheckpoint from) {
        check(settings);
        var state = new Stages(null, GroupClustering.Carried.NONE);
        var replay = history.replay();
        var points = new ArrayList<HistoryCheckpoint.Point>();
        if (from != null) {
            var usable = from.pointsFor(settings, missingVotes);
            int at = replay.skipToLatest(usable.stream().mapToLong(HistoryCheckpoint.Point::hour).toArray(),
                    usable.stream().mapToLong(HistoryCheckpoint.Point::fingerprint).toArray());
            if (at >= 0) {
                var point = usable.get(at);
                state = new Stages(point.components(), point.carried());
                points.addAll(usable.subList(0, at + 1));
            }
        }
        int replayedHours = 0;
        while (replay.hasNextHour()) {
            replayedHours++;
            long hour = replay.nextVoteHour();
            VoteMatrix earlier = replay.nextHour();
            if (earlier.statements() >= VoteHistory.FEWEST_STATEMENTS) {
                state = groups(earlier, settings, missingVotes, state.components(), state.carried()).stages();
            }
            var point = new HistoryCheckpoint.Point(hour + 1, replay.fingerprint(), settings, missingVotes,
                    state.components(), state.carried());
            var kept = HistoryCheckpoint.keep(points, point);
            points.clear();
            points.addAll(kept);
        }
        return new Replayed(run(replay.all(), settings, missingVotes, state.components(), state.carried()),
                HistoryCheckpoint.of(points), replayedHours);
    }

    /**
     * A replay's result, and where the next replay of the same conversation may start (null: at its first vote).
     *
     * @param replayedHours the hours (with votes, before the last) this replay clustered: all of them when it started
     *     at the first vote, fewer when it resumed from a checkpoint
     */
    public record Replayed(OpinionResult result, HistoryCheckpoint checkpoint, int replayedHours) {}

    /** What one run hands to the next in a history. */
    private record Stages(PrincipalComponents components, GroupClustering.Carried carried) {}

    /** Stages 2 and 3: the places, who is grouped, and the groups. */
    private record Groups(PrincipalComponents components, double[][] place, int[] rows,
            GroupClustering.Result clustering) {

        Stages stages() {
            return new Stages(components, clustering.carried());
        }
    }

    private static Groups groups(VoteMatrix votes, OpinionSettings settings, MissingVotes missingVotes,
            PrincipalComponents components, GroupClustering.Carried carried) {
        // Stage 2: principal components and each participant's place.
        var fitted = PrincipalComponents.fit(votes, missingVotes, components);
        double[][] place = fitted.project(votes);
        // Stage 3: who is grouped, and the groups.
        boolean[] grouped = Participation.grouped(votes, settings, missingVotes, carried.keys());
        int[] rows = rowsWhere(grouped);
        double[] gx = new double[rows.length];
        double[] gy = new double[rows.length];
        long[] keys = new long[rows.length];
        for (int i = 0; i < rows.length; i++) {
            gx[i] = place[0][rows[i]];
            gy[i] = place[1][rows[i]];
            keys[i] = votes.participantKey(rows[i]);
        }
        var clustering = GroupClustering.cluster(gx, gy, keys, arrivalOf(votes, rows), settings.baseClusters(),
                settings.maxGroups(), carried);
        return new Groups(fitted, place, rows, clustering);
    }

    private static OpinionResult run(VoteMatrix votes, OpinionSettings settings, MissingVotes missingVotes,
            PrincipalComponents components, GroupClustering.Carried carried) {
        check(settings);
        var stages = groups(votes, settings, missingVotes, components, carried);
        double[][] place = stages.place();
        int[] rows = stages.rows();
        var clustering = stages.clustering();
        int[] groupOfRow = new int[votes.participants()];
        Arrays.fill(groupOfRow, Placement.UNGROUPED);
        for (int i = 0; i < rows.length; i++) {
            groupOfRow[rows[i]] = clustering.group()[i];
        }
        // Stages 4 and 5: what sets each group apart, and where the groups stand together.
        var tallies = GroupTallies.count(votes, groupOfRow, clustering.groups());
        long[] keys = votes.statementKeys();
        var groups = new ArrayList<OpinionGroup>();
        for (int g = 0; g < clustering.groups(); g++) {
            groups.add(new OpinionGroup(g, tallies.size(g),
                    Representativeness.of(tallies, g, keys, settings.representativePerGroup())));
        }
        var placements = new ArrayList<Placement>(votes.participants());
        for (int i = 0; i < votes.participants(); i++) {
            placements.add(new Placement(votes.participantKey(i), place[0][i], place[1][i], groupOfRow[i],
                    votes.votesOf(i)));
        }
        var model = new OpinionModel(missingVotes, stages.components());
        return new OpinionResult(votes.participants(), votes.statements(), votes.votes(), placements, groups,
                Consensus.consensus(tallies, keys, settings.listSize()),
                Consensus.divisive(tallies, keys, settings.listSize()),
                MinorityReport.of(tallies, keys, settings.listSize()), Consensus.bridging(tallies, keys), model);
    }

    /**
     * The grouped participants (indices into {@code rows}) in the matrix's arrival order, or null when the matrix
     * keeps key order (see {@link VoteMatrix#arrival}).
     */
    private static int[] arrivalOf(VoteMatrix votes, int[] rows) {
        int[] arrival = votes.arrival();
        if (arrival == null) {
            return null;
        }
        int[] indexOfRow = new int[votes.participants()];
        Arrays.fill(indexOfRow, -1);
        for (int i = 0; i < rows.length; i++) {
            indexOfRow[rows[i]] = i;
        }
        int[] visit = new int[rows.length];
        int next = 0;
        for (int row : arrival) {
            if (indexOfRow[row] >= 0) {
                visit[next++] = indexOfRow[row];
            }
        }
        return visit;
    }

    private static int[] rowsWhere(boolean[] flags) {
        int count = 0;
        for (boolean flag : flags) {
            count += flag ? 1 : 0;
        }
        int[] rows = new int[count];
        int next = 0;
        for (int i = 0; i < flags.length; i++) {
            if (flags[i]) {
                rows[next++] = i;
            }
        }
        return rows;
    }

    private static void check(OpinionSettings settings) {
        if (settings.minVotes() < 1 || settings.maxGroups() < 1 || settings.baseClusters() < 1
                || settings.representativePerGroup() < 0 || settings.listSize() < 0) {
            throw new IllegalArgumentException("Opinion settings out of range: " + settings
                    + " (votes, groups and base clusters at least 1; list sizes at least 0)");
        }
    }
}
