package org.incrowd.insight.opinions.algorithm;

/**
 * Where one participant sits on the opinion map.
 *
 * @param participant the participant's key as given to {@link VoteMatrix.Builder#vote}
 * @param x first principal component (after the sparsity correction)
 * @param y second principal component
 * @param group the opinion group's id, or {@link #UNGROUPED} when the participant has voted too little to be placed
 *     in a group
 * @param votes how many statements the participant has voted on (agree, disagree or pass)
 */
public record Placement(long participant, double x, double y, int group, int votes) {

    public static final int UNGROUPED = -1;

    public boolean grouped() {
        return group != UNGROUPED;
    }
}
