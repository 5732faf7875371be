package org.incrowd.review.internal;

/**
 * A row of the stages form, as shown or as typed.
 *
 * @param key   the stage's key, empty for the row that adds one
 * @param order the position typed (rows are saved in this order)
 * @param ideas how many ideas stand in the stage (a stage holding any cannot be removed)
 */
public record StageRow(String key, String name, String outcome, String order, boolean removed, long ideas) {
}
