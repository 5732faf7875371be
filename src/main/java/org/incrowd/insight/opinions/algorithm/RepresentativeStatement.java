package org.incrowd.insight.opinions.algorithm;

/**
 * A statement that sets a group apart: the group agrees (or disagrees) with it much more than everyone else.
 *
 * @param statement the statement's key
 * @param stance whether the group stands out by agreeing or by disagreeing
 * @param groupVotes how many of the group's members voted on the statement
 * @param groupShare the group's (smoothed) share voting that way
 * @param othersShare the (smoothed) share of everyone outside the group voting that way
 * @param ratio groupShare / othersShare
 * @param zScore the two-proportion test statistic of the difference (above 1.645: significant at 95 %, one-sided)
 */
public record RepresentativeStatement(long statement, Stance stance, int groupVotes, double groupShare,
        double othersShare, double ratio, double zScore) {}
