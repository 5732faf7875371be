package org.incrowd.insight.participation.algorithm;

import java.util.List;

/**
 * One dimension's groups, largest first. Groups with fewer people than the threshold are not listed (so that no one
 * is singled out); {@code hiddenGroups} says how many were left out, not how many people they hold.
 */
public record Breakdown(Dimension dimension, List<GroupFigures> groups, int hiddenGroups) {

    public Breakdown {
        groups = List.copyOf(groups);
    }
}
