package org.incrowd.insight.opinions.algorithm;

/**
 * What the principal components take an unseen statement to mean, and how much a participant must have voted to be
 * grouped. Pol.is changed both over the years; {@link #STATEMENT_AVERAGE} is Pol.is today and what Incrowd uses. The
 * other exists to check the pipeline against Pol.is exports that were computed in 2017 (see PolisAgreementTests).
 */
public enum MissingVotes {

    /**
     * Pol.is since about 2018: an unseen statement counts as the average vote on it, so it pulls a participant
     * nowhere. A participant's own votes decide whether they are grouped.
     */
    STATEMENT_AVERAGE,

    /**
     * Pol.is in 2017: an unseen statement counts as a pass (0). Excluded statements that had votes count as answered
     * by everyone when deciding who is grouped (Pol.is then counted its zeroed-out columns).
     */
    PASS
}
