package org.incrowd.review;

/**
 * One weighted criterion of a Jam's scorecard.
 *
 * @param position order on the scorecard, from 0; scores refer to it
 * @param name     the organiser's name for it (impact, effort, reach ...)
 * @param weight   its share of the score in percent; a scorecard's weights add up to 100
 */
public record Criterion(int position, String name, int weight) {
}
