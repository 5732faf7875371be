package org.incrowd.jam;

/** A forum together with its Jam: where a post is written. */
public record Place(Jam jam, Forum forum) {
}
