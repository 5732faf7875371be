package org.incrowd.insight.opinions.algorithm;

import java.util.List;

/**
 * How the groups stand on one statement; used for consensus, divisive statements and the bridging ranking.
 *
 * @param statement the statement's key
 * @param stance the direction the score is about
 * @param score the list's own score (see where the list is produced), higher first
 * @param shareByGroup for each group (index = group id), the group's smoothed share voting in {@code stance}'s
 *     direction
 * @param votes how many grouped participants voted on the statement
 */
public record StatementStanding(long statement, Stance stance, double score, List<Double> shareByGroup, int votes) {

    public StatementStanding {
        shareByGroup = List.copyOf(shareByGroup);
    }
}
