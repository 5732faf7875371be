package org.incrowd.recognition;

/** What recognition announces, for notifications. */
public final class RecognitionEvents {

    private RecognitionEvents() {
    }

    /** Someone earned a badge in a Jam (by weighted credit; told once, when it is first earned). */
    public record BadgeEarned(long jamId, long personId, Badge badge) {
    }

    /** An organiser awarded a challenge's prize to someone ({@code ideaId}: for that idea, or null), with a reason. */
    public record PrizeAwarded(long prizeId, long jamId, long personId, Long ideaId, String prize, String reason,
                               long awardedBy) {
    }
}
