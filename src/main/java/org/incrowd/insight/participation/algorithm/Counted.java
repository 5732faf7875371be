package org.incrowd.insight.participation.algorithm;

/**
 * One person as participation counts them: their groups (null where the profile does not say) and what they did.
 * {@code invited}: in the Jam's audience; {@code active}: posted or reacted.
 */
public record Counted(String country, String unit, String jobRole, String participantType, boolean invited,
                      boolean joined, boolean active, long posts) {
}
