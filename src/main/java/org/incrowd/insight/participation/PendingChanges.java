package org.incrowd.insight.participation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The people whose shares of the figures one transaction changed, gathered as its events are published and made
 * together just before it commits (ADR 52, "Writers of one Jam side by side"): Jams in ascending order, in each the
 * people in ascending order, then one addition to the Jam's group and timeline rows. Every writer thus takes its
 * locks in one global order, so writers side by side cannot deadlock, however many people or Jams one transaction
 * changes (a claimed proxy idea changes two people; asking a first question joins and posts).
 */
final class PendingChanges {

    record FirstReaction(long forumId, Instant at) {
    }

    /** What changed for one person in one Jam; the widest change decides how much is read afresh. */
    static final class PersonChange {

        private boolean standing;
        private boolean activity;
        private final List<FirstReaction> firstReactions = new ArrayList<>();

        /** Where they stand (groups, invited, joined) may have changed, and what they did. */
        boolean standing() {
            return standing;
        }

        /** What they did changed in more ways than first reactions. */
        boolean activity() {
            return activity;
        }

        /** Their first reactions to posts: each makes them active in its forum and hour. */
        List<FirstReaction> firstReactions() {
            return firstReactions;
        }
    }

    private final NavigableSet<Long> everywhere = new TreeSet<>();
    private final NavigableSet<Long> unbuilt = new TreeSet<>();
    private boolean made;
    private final NavigableMap<Long, NavigableMap<Long, PersonChange>> byJam = new TreeMap<>();

    void standing(long jamId, long personId) {
        of(jamId, personId).standing = true;
    }

    void activity(long jamId, long personId) {
        of(jamId, personId).activity = true;
    }

    void firstReaction(long jamId, long personId, long forumId, Instant at) {
        of(jamId, personId).firstReactions.add(new FirstReaction(forumId, at));
    }

    /** A person's profile or address changed, or they are new: their type's people, and every Jam counting them. */
    void everywhere(long personId) {
        everywhere.add(personId);
    }

    /** Too much changed in the Jam at once: its figures are built again from the rows after the commit. */
    void unbuilt(long jamId) {
        unbuilt.add(jamId);
    }

    /** Every Jam with a change, in ascending order. */
    NavigableSet<Long> jams() {
        var jams = new TreeSet<>(byJam.keySet());
        jams.addAll(unbuilt);
        return jams;
    }

    boolean isUnbuilt(long jamId) {
        return unbuilt.contains(jamId);
    }

    /** Whether the changes are being made or were made: later ones are made on their own. */
    boolean made() {
        return made;
    }

    void markMade() {
        made = true;
    }

    NavigableSet<Long> everywhere() {
        return everywhere;
    }

    /** The people whose shares changed in a Jam, in ascending order (none: an empty map). */
    NavigableMap<Long, PersonChange> people(long jamId) {
        return byJam.getOrDefault(jamId, new TreeMap<>());
    }

    private PersonChange of(long jamId, long personId) {
        return byJam.computeIfAbsent(jamId, id -> new TreeMap<>()).computeIfAbsent(personId, id -> new PersonChange());
    }
}
