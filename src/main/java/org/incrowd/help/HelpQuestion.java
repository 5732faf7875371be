package org.incrowd.help;

import java.time.Duration;
import java.time.Instant;

/**
 * A question of a help stream and where it stands (no text: pages read the post through the discussion module, for
 * the reader).
 */
public record HelpQuestion(long questionId, long jamId, long forumId, long askerId, Instant askedAt,
                           QuestionStatus status, int answers, Instant firstAnswerAt, Instant lastAnswerAt,
                           Long solutionId, Instant solvedAt, Long assigneeId, Instant assignedAt) {

    /** How long it has waited for a first answer, or waited before it got one. */
    public Duration waited(Instant now) {
        return Duration.between(askedAt, firstAnswerAt == null ? now : firstAnswerAt);
    }
}
