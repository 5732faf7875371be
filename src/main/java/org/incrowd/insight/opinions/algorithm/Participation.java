package org.incrowd.insight.opinions.algorithm;

import java.util.Arrays;

/**
 * Who is placed in a group, by Pol.is's rule: a participant who has voted on at least min(minVotes, statements)
 * statements, counting statements excluded from the analysis (hidden by moderation) and the votes on them: a vote
 * on a statement later hidden still shows how much someone took part. A few votes say too little about someone to
 * put them in a group, and their point on the map is mostly the sparsity factor's guess.
 *
 * <p>Also Pol.is's: while fewer than {@value #AT_LEAST} participants qualify, the most active of the others (with at
 * least one vote) are added, most votes first, ties by key, until there are {@value #AT_LEAST}, so that a young
 * conversation shows groups at all.
 *
 * <p>Also Pol.is's (conversation.clj, {@code :in-conv}): once in, a participant stays in for good, even where the rule
 * would now leave them out (the threshold rises with the statements up to {@code minVotes}; someone taken in among
 * the most active of a young conversation may later fall below it). A history ({@link OpinionAnalysis#history})
 * hands the previous run's grouped participants on; a computation from scratch has none, so there the same votes
 * always group the same participants.
 */
final class Participation {

    /** Pol.is's "greedy" minimum of grouped participants. */
    static final int AT_LEAST = 15;

    private Participation() {}

    /**
     * Per matrix row, whether the participant is grouped.
     *
     * @param alreadyIn keys (ascending) of the participants grouped by the previous run of the same history
     */
    static boolean[] grouped(VoteMatrix votes, OpinionSettings settings, MissingVotes missing, long[] alreadyIn) {
        int n = votes.participants();
        // Pol.is counts the votes on excluded statements too (its vote counts come from the matrix before
        // moderation), and the excluded statements among the statements; in 2017 it counted excluded statements as
        // voted on by everyone (they were columns of zeros).
        boolean everyone = missing == MissingVotes.PASS;
        int threshold = settings.votesToBeGrouped(votes.statements() + votes.excludedStatementsWithVotes());
        boolean[] in = new boolean[n];
        if (votes.statements() == 0) {
            return in; // no statement to have an opinion on
        }
        int count = 0;
        int[] counted = new int[n];
        // Rows and alreadyIn both ascend by key: one walk matches them.
        for (int i = 0, j = 0; i < n; i++) {
            counted[i] = votes.votesOf(i) + (everyone ? votes.excludedStatementsWithVotes() : votes.excludedVotesOf(i));
            long key = votes.participantKey(i);
            while (j < alreadyIn.length && alreadyIn[j] < key) {
                j++;
            }
            in[i] = counted[i] >= threshold || j < alreadyIn.length && alreadyIn[j] == key;
            count += in[i] ? 1 : 0;
        }
        if (count < AT_LEAST) {
            Integer[] others = new Integer[n - count];
            int o = 0;
            for (int i = 0; i < n; i++) {
                if (!in[i]) {
                    others[o++] = i;
                }
            }
            // Rows are in key order, so a stable sort by votes keeps ties by key.
            Arrays.sort(others, (a, b) -> Integer.compare(counted[b], counted[a]));
            for (int i = 0; i < others.length && count < AT_LEAST && counted[others[i]] > 0; i++) {
                in[others[i]] = true;
                count++;
            }
        }
        return in;
    }
}
