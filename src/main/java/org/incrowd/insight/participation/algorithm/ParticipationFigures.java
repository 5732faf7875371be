package org.incrowd.insight.participation.algorithm;

import java.util.List;

/** Everything the participation page shows apart from the timeline. */
public record ParticipationFigures(GroupFigures total, List<Breakdown> breakdowns, List<QuietGroup> quiet,
                                   int minGroupSize) {

    public ParticipationFigures {
        breakdowns = List.copyOf(breakdowns);
        quiet = List.copyOf(quiet);
    }

    public Breakdown breakdown(Dimension dimension) {
        return breakdowns.stream().filter(b -> b.dimension() == dimension).findFirst().orElseThrow();
    }
}
