package org.incrowd.recognition;

/** What recognition announces, for notifications. */
public final class RecognitionEvents {

    private RecognitionEvents() {
    }

    /**
     * People earned badges in a Jam (by weighted credit; told when first earned): all of one recompute in one event,
     * so that a Jam-wide recompute tells thousands in a few statements.
     */
    public record BadgesEarned(long jamId, java.util.List<Earned> earned) {
    }

    public record Earned(long personId, Badge badge) {
    }

    /** An organiser awarded a challenge's prize to someone ({@code ideaId}: for that idea, or null), with a reason. */
    public record PrizeAwarded(long prizeId, long jamId, long personId, Long ideaId, String prize, String reason,
                               long awardedBy) {
    }
}
