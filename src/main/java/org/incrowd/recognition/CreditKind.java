package org.incrowd.recognition;

/**
 * The kinds of act that help someone else, each with its base weight: what one act counts before the rule on
 * {@code /jams/{id}/givers/rules} weighs it against self-help, repetition and closed loops. Acts that take more of
 * the giver (an answer that solved a question, a build-on good enough to be adopted) weigh more than a click.
 */
public enum CreditKind {
    /** An answer the asker marked as the one that solved their question; credit to the answerer. */
    SOLUTION(3),
    /** A build-on the idea's author adopted into the idea; credit to the builder. */
    BUILD_ON(3),
    /** A post someone else marked helpful; credit to its author, from the marker. */
    HELPFUL(1),
    /** A reply to one of a newcomer's first posts that the newcomer marked helpful or as the solution. */
    NEWCOMER(2),
    /** Joining an idea's team, and each build-on a team member adds to that idea; credit from the idea's author. */
    TEAM(1),
    /** A facilitator pinned or spotlit someone's post, or announced to the Jam or a forum. */
    FACILITATION(1),
    /** An idea entered for someone else that its person then claimed; credit to whoever entered it. */
    PROXY(2);

    private final double weight;

    CreditKind(double weight) {
        this.weight = weight;
    }

    public double weight() {
        return weight;
    }

    public String messageKey() {
        return "recognition.kind." + name();
    }

    /** The rules page's plain-words explanation of this kind of act. */
    public String explanationKey() {
        return "recognition.rules.explain." + name();
    }
}
