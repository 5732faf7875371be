package org.incrowd.review;

import java.util.List;
import java.util.Map;

/**
 * What the reviewers made of one idea: each reviewer's scores and weighted total, and over the reviewers the mean
 * (the idea's score) with its spread, so that disagreement shows.
 */
public record IdeaScores(long ideaId, List<Criterion> criteria, List<ReviewerScore> reviewers, Double score,
                         Double low, Double high, Double deviation) {

    /** One reviewer's scores by criterion position, and their weighted total. */
    public record ReviewerScore(long reviewerId, String reviewerName, Map<Integer, Integer> scores, double total) {
    }

    /** The weighted mean over the reviewers and its spread (population standard deviation). */
    static IdeaScores of(long ideaId, List<Criterion> criteria, List<ReviewerScore> reviewers) {
        if (reviewers.isEmpty()) {
            return new IdeaScores(ideaId, criteria, reviewers, null, null, null, null);
        }
        var totals = reviewers.stream().mapToDouble(ReviewerScore::total).toArray();
        double mean = java.util.Arrays.stream(totals).average().orElseThrow();
        double variance = java.util.Arrays.stream(totals).map(t -> (t - mean) * (t - mean)).average().orElseThrow();
        return new IdeaScores(ideaId, criteria, reviewers, mean,
                java.util.Arrays.stream(totals).min().orElseThrow(),
                java.util.Arrays.stream(totals).max().orElseThrow(), Math.sqrt(variance));
    }
}
