package org.incrowd.review;

import java.time.Instant;

/**
 * One recorded act of the review: who did what, when and why. An idea's "what happened" timeline is its entries.
 *
 * @param ideaId   the idea concerned, or null (a theme answer, a report edit)
 * @param themeKey the Jam Pulse theme concerned, or null
 * @param action   what was done, e.g. {@code DECIDED}, {@code SCORED}, {@code THEME_ANSWERED}, {@code MERGED}
 * @param stageKey the stage reached (decisions), or null
 * @param detail   a short machine-readable detail (the other idea of a merge, a rating), or null
 * @param reason   the written reason shown to participants, or null where the act needs none
 * @param public_  whether participants see it on the idea (a reviewer's private score is recorded but not shown)
 */
public record LedgerEntry(long id, long jamId, Long ideaId, String themeKey, String action, String stageKey,
                          String detail, String reason, long actorId, String actorName, Instant at, boolean public_) {
}
