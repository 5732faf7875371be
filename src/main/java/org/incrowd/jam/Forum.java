package org.incrowd.jam;

/** One question of a Jam, discussed in parallel with the others. */
public record Forum(long id, long jamId, String title, String question, int position) {
}
