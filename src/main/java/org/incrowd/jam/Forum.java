package org.incrowd.jam;

/**
 * One question of a Jam, discussed in parallel with the others. {@code communityContinues}: in the community phase
 * after the Jam, whether this forum continues as a community (and takes posts) or stays as a read-only archive.
 */
public record Forum(long id, long jamId, String title, String question, int position, boolean communityContinues) {
}
