package org.incrowd.insight.participation;

import java.util.Arrays;
import java.util.function.LongPredicate;

/**
 * What one person did in a Jam, as the figures need it: in which forum and hour (from the Jam's start) they were
 * active, and how many posts they wrote there. Reactions only make the person active in that hour, so a second
 * reaction in the same hour changes nothing. Entries are sorted by forum and hour; kept as text in the read model.
 */
record PersonActivity(long[] forums, long[] hours, long[] posts) {

    static final PersonActivity NONE = new PersonActivity(new long[0], new long[0], new long[0]);

    boolean isEmpty() {
        return forums.length == 0;
    }

    /** Whether the person was active in a scope: 0 for the whole Jam, otherwise a forum. */
    boolean activeIn(long scope) {
        return scope == 0 ? !isEmpty() : Arrays.stream(forums).anyMatch(f -> f == scope);
    }

    /** Whether the person was active in this forum and hour. */
    boolean has(long forum, long hour) {
        for (int i = 0; i < forums.length; i++) {
            if (forums[i] == forum && hours[i] == hour) {
                return true;
            }
        }
        return false;
    }

    /** "12:3*2,12:7,15:3": forum 12 in hours 3 (two posts) and 7, forum 15 in hour 3. */
    String encode() {
        var text = new StringBuilder(forums.length * 8);
        for (int i = 0; i < forums.length; i++) {
            if (i > 0) {
                text.append(',');
            }
            text.append(forums[i]).append(':').append(hours[i]);
            if (posts[i] > 0) {
                text.append('*').append(posts[i]);
            }
        }
        return text.toString();
    }

    static PersonActivity decode(String text) {
        if (text == null || text.isEmpty()) {
            return NONE;
        }
        String[] entries = text.split(",");
        var builder = new Builder();
        for (String entry : entries) {
            int colon = entry.indexOf(':');
            int star = entry.indexOf('*');
            long forum = Long.parseLong(entry, 0, colon, 10);
            long hour = Long.parseLong(entry, colon + 1, star < 0 ? entry.length() : star, 10);
            long posts = star < 0 ? 0 : Long.parseLong(entry, star + 1, entry.length(), 10);
            builder.add(forum, hour, posts);
        }
        return builder.build();
    }

    /** The entries of one scope: each call with (hour, posts); for the Jam, hours of different forums repeat. */
    void forEachIn(long scope, EntryVisitor visitor) {
        LongPredicate inScope = forum -> scope == 0 || forum == scope;
        for (int i = 0; i < forums.length; i++) {
            if (inScope.test(forums[i])) {
                visitor.visit(hours[i], posts[i]);
            }
        }
    }

    interface EntryVisitor {
        void visit(long hour, long posts);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PersonActivity that && Arrays.equals(forums, that.forums)
                && Arrays.equals(hours, that.hours) && Arrays.equals(posts, that.posts);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(forums) * 31 + Arrays.hashCode(hours);
    }

    /** Collects entries in any order; equal forum and hour add up. */
    static final class Builder {

        private long[] forums = new long[8];
        private long[] hours = new long[8];
        private long[] posts = new long[8];
        private int size;

        Builder add(long forum, long hour, long postCount) {
            if (size == forums.length) {
                forums = Arrays.copyOf(forums, size * 2);
                hours = Arrays.copyOf(hours, size * 2);
                posts = Arrays.copyOf(posts, size * 2);
            }
            forums[size] = forum;
            hours[size] = hour;
            posts[size] = postCount;
            size++;
            return this;
        }

        boolean isEmpty() {
            return size == 0;
        }

        PersonActivity build() {
            if (size == 0) {
                return NONE;
            }
            Integer[] order = new Integer[size];
            for (int i = 0; i < size; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> forums[a] != forums[b] ? Long.compare(forums[a], forums[b])
                    : Long.compare(hours[a], hours[b]));
            long[] f = new long[size];
            long[] h = new long[size];
            long[] p = new long[size];
            int n = 0;
            for (int index : order) {
                if (n > 0 && f[n - 1] == forums[index] && h[n - 1] == hours[index]) {
                    p[n - 1] += posts[index];
                } else {
                    f[n] = forums[index];
                    h[n] = hours[index];
                    p[n] = posts[index];
                    n++;
                }
            }
            return new PersonActivity(Arrays.copyOf(f, n), Arrays.copyOf(h, n), Arrays.copyOf(p, n));
        }
    }
}
