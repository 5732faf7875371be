package org.incrowd.insight.participation.algorithm;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Participation by group, in three stages: {@code tally} (each person into their group of every dimension), {@code
 * suppressSmall} (groups under the threshold are not shown, so no individual can be picked out) and {@code
 * rankQuiet} (the shown groups whose invited people are least active, for facilitators to reach out to).
 */
public final class ParticipationAnalysis {

    /** Enough quiet groups to act on, few enough to read. */
    static final int QUIET_LIMIT = 10;

    private ParticipationAnalysis() {
    }

    public static ParticipationFigures analyse(Iterable<Counted> people, int minGroupSize) {
        var tallies = tally(people);
        var groups = new EnumMap<Dimension, Collection<GroupFigures>>(Dimension.class);
        tallies.groups().forEach((dimension, byValue) -> groups.put(dimension, byValue.values()));
        return analyse(tallies.total(), groups, minGroupSize);
    }

    /**
     * Stages 2 and 3 over figures tallied already, per group of each dimension (as a read model keeps them): the
     * same figures as from the people themselves.
     */
    public static ParticipationFigures analyse(GroupFigures total, Map<Dimension, Collection<GroupFigures>> groups,
                                               int minGroupSize) {
        var breakdowns = new ArrayList<Breakdown>();
        for (Dimension dimension : Dimension.values()) {
            breakdowns.add(suppressSmall(dimension, groups.getOrDefault(dimension, List.of()), minGroupSize));
        }
        return new ParticipationFigures(total, breakdowns, rankQuiet(breakdowns, total), minGroupSize);
    }

    record Tallies(GroupFigures total, Map<Dimension, Map<String, GroupFigures>> groups) {
    }

    /** Stage 1: every person counts once in the total and once in their group of each dimension. */
    static Tallies tally(Iterable<Counted> people) {
        var total = GroupFigures.empty(null);
        var groups = new EnumMap<Dimension, Map<String, GroupFigures>>(Dimension.class);
        for (Dimension dimension : Dimension.values()) {
            groups.put(dimension, new HashMap<>());
        }
        for (Counted person : people) {
            total = total.plus(person);
            for (Dimension dimension : Dimension.values()) {
                String value = dimension.of(person);
                groups.get(dimension).compute(keyOf(value),
                        (key, figures) -> (figures == null ? GroupFigures.empty(value) : figures).plus(person));
            }
        }
        return new Tallies(total, groups);
    }

    /** Stage 2: groups too small to keep people anonymous are left out, and counted as left out. */
    static Breakdown suppressSmall(Dimension dimension, Iterable<GroupFigures> groups, int minGroupSize) {
        var shown = new ArrayList<GroupFigures>();
        int hiddenGroups = 0;
        for (GroupFigures group : groups) {
            if (group.people() >= minGroupSize) {
                shown.add(group);
            } else {
                hiddenGroups++;
            }
        }
        shown.sort(Comparator.comparingLong(GroupFigures::people).reversed().thenComparing(ParticipationAnalysis::sortKey));
        return new Breakdown(dimension, shown, hiddenGroups);
    }

    /**
     * Stage 3: shown groups with invited people and a known value (nobody can reach out to "not given"), whose share
     * active is below the whole Jam's or zero, quietest first; among equally quiet groups the larger comes first.
     */
    static List<QuietGroup> rankQuiet(List<Breakdown> breakdowns, GroupFigures total) {
        double overall = total.shareActive();
        return breakdowns.stream()
                .flatMap(breakdown -> breakdown.groups().stream().map(g -> new QuietGroup(breakdown.dimension(), g)))
                .filter(q -> q.figures().value() != null && q.figures().invited() > 0)
                .filter(q -> q.figures().activeInvited() == 0 || q.figures().shareActive() < overall)
                .sorted(Comparator.comparingDouble((QuietGroup q) -> q.figures().shareActive())
                        .thenComparing(Comparator.comparingLong((QuietGroup q) -> q.figures().invited()).reversed())
                        .thenComparing(QuietGroup::dimension)
                        .thenComparing(q -> sortKey(q.figures())))
                .limit(QUIET_LIMIT)
                .toList();
    }

    /** HashMap keys cannot sort a null "not given", so it is keyed as "" (a real value is never blank). */
    private static String keyOf(String value) {
        return Objects.requireNonNullElse(value, "");
    }

    private static String sortKey(GroupFigures group) {
        return keyOf(group.value());
    }
}
