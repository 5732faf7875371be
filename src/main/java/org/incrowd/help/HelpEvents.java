package org.incrowd.help;

/** What happens in a help stream, for notifications, routing, live pages and recognition. */
public final class HelpEvents {

    private HelpEvents() {
    }

    /** A question was posted in a help stream ({@code forumId}: its topic). */
    public record QuestionAsked(long questionId, long jamId, long forumId, long askerId) {
    }

    /** Someone other than the asker answered; {@code first}: the question had no answer before. */
    public record QuestionAnswered(long questionId, long answerId, long jamId, long forumId, long askerId,
                                   long answererId, boolean first) {
    }

    /** The asker marked the answer that solved their question (or moved the mark to another answer). */
    public record SolutionMarked(long questionId, long answerId, long jamId, long askerId, long answererId) {
    }

    /**
     * A question was routed or handed to a person: by routing ({@code fromId} null, no note) or by an answerer who
     * passes it to a colleague with a note, for continuity across shifts.
     */
    public record QuestionAssigned(long questionId, long jamId, Long fromId, long toId, String note) {
    }
}
