package org.incrowd.insight.opinions.algorithm;

/**
 * A position held strongly by a small group and not by the rest: the minority report that a Jam report must show.
 *
 * @param group the small group's id
 * @param statement the statement's key
 * @param stance what the group holds
 * @param groupShare share of the group holding it
 * @param othersShare share of everyone else holding it
 */
public record MinorityPosition(int group, long statement, Stance stance, double groupShare, double othersShare) {}
