package org.incrowd.recognition;

/**
 * Badges named for helping, each earned by weighted credit of one kind (never by raw counts): after the rule has
 * discounted self-help, repetition and closed loops, a threshold of about two genuine acts of that kind.
 */
public enum Badge {
    SOLVER(CreditKind.SOLUTION, 6),
    BUILDER(CreditKind.BUILD_ON, 6),
    HELPING_HAND(CreditKind.HELPFUL, 5),
    WELCOMER(CreditKind.NEWCOMER, 4),
    TEAM_PLAYER(CreditKind.TEAM, 3),
    FACILITATOR(CreditKind.FACILITATION, 5),
    VOICE_CARRIER(CreditKind.PROXY, 4);

    private final CreditKind kind;
    private final double threshold;

    Badge(CreditKind kind, double threshold) {
        this.kind = kind;
        this.threshold = threshold;
    }

    public CreditKind kind() {
        return kind;
    }

    public double threshold() {
        return threshold;
    }

    /** Whether {@code credit} of this badge's kind earns it. */
    public boolean earnedBy(double credit) {
        return credit >= threshold - 1e-9;
    }

    public String messageKey() {
        return "recognition.badge." + name();
    }
}
