package org.incrowd.insight.opinions.algorithm;

/**
 * Knobs of the pipeline. {@link #DEFAULT} follows Pol.is.
 *
 * @param minVotes a participant is placed in a group once they have voted on at least min(minVotes, statements)
 *     statements
 * @param maxGroups the most groups the silhouette criterion may choose (at least 2)
 * @param baseClusters the number of fine clusters the participants are first summarised into
 * @param representativePerGroup how many representative statements to keep per group
 * @param listSize how many statements to keep in the consensus, divisive and minority lists
 */
public record OpinionSettings(int minVotes, int maxGroups, int baseClusters, int representativePerGroup,
        int listSize) {

    public static final OpinionSettings DEFAULT = new OpinionSettings(7, 5, 100, 5, 10);

    /** Pol.is's rule: how many statements someone must have voted on to be placed in a group. */
    public int votesToBeGrouped(int statements) {
        return Math.min(minVotes, statements);
    }
}
