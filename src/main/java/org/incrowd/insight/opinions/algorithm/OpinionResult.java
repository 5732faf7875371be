package org.incrowd.insight.opinions.algorithm;

import java.util.List;

/**
 * Everything the opinion pipeline found for one set of votes.
 *
 * @param participants participants with at least one vote
 * @param statements statements with at least one vote
 * @param votes number of (participant, statement) votes
 * @param placements every participant with at least one vote, ordered by participant key
 * @param groups the opinion groups, ordered by id
 * @param consensus statements every group tends to agree (or disagree) with, strongest first
 * @param divisive statements the groups split on, most divisive first
 * @param minority positions held strongly by a small group, strongest first
 * @param bridging every statement voted on by grouped participants, ordered by agreement across groups (not by raw
 *     count)
 * @param model what a later {@link OpinionAnalysis#update} starts from; not meant for display
 */
public record OpinionResult(int participants, int statements, long votes, List<Placement> placements,
        List<OpinionGroup> groups, List<StatementStanding> consensus, List<StatementStanding> divisive,
        List<MinorityPosition> minority, List<StatementStanding> bridging, OpinionModel model) {

    public OpinionResult {
        placements = List.copyOf(placements);
        groups = List.copyOf(groups);
        consensus = List.copyOf(consensus);
        divisive = List.copyOf(divisive);
        minority = List.copyOf(minority);
        bridging = List.copyOf(bridging);
    }
}
