package org.incrowd.insight.opinions.polis;

import java.util.Arrays;
import java.util.function.Consumer;
import org.incrowd.insight.opinions.polis.PolisExport.Vote;

/**
 * Each voter's latest vote on each comment (by time; on equal times, the later line), kept in flat arrays: about 50
 * bytes a distinct vote, where vote records keyed by lists in a linked hash map took well over 150 (reading a 64 MB
 * votes file of 1.15 million votes needed more than 160 MB of heap before, and fits in 96 MB now). A vote is keyed by
 * voter and comment packed into one long, so both must lie in [0, 2³¹).
 */
public final class LatestVotes {

    private static final long EMPTY = -1;

    private final long maxVotes;
    private long[] keys = new long[1024];
    private long[] times = new long[1024];
    private int[] lines = new int[1024];
    private byte[] values = new byte[1024];
    private int size;
    private int line;

    {
        Arrays.fill(keys, EMPTY);
    }

    /** @param maxVotes the most distinct votes this may hold (its memory budget); one more is refused */
    public LatestVotes(long maxVotes) {
        this.maxVotes = maxVotes;
    }

    /** Distinct votes held so far. */
    public int size() {
        return size;
    }

    /**
     * Takes the next vote of the file.
     *
     * @throws IllegalArgumentException for an id outside [0, 2³¹), or one distinct vote more than the budget
     */
    public void add(Vote vote) {
        line++;
        if (vote.voter() < 0 || vote.voter() > Integer.MAX_VALUE || vote.comment() < 0
                || vote.comment() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("voter and comment ids must be whole numbers from 0 to "
                    + Integer.MAX_VALUE);
        }
        long key = vote.voter() << 32 | vote.comment();
        int slot = slot(key);
        if (keys[slot] == EMPTY) {
            if (size >= maxVotes) {
                throw new IllegalArgumentException("more than " + maxVotes + " votes; this server imports at most "
                        + maxVotes + " at a time (incrowd.polis.max-votes)");
            }
            keys[slot] = key;
            size++;
        } else if (vote.timestamp() < times[slot]) {
            return; // an earlier vote than the one held: not the latest
        }
        times[slot] = vote.timestamp();
        lines[slot] = line;
        values[slot] = (byte) vote.value();
        if (4L * size > 3L * keys.length) { // linear probing stays short up to three quarters full
            grow();
        }
    }

    /** Every voter with a vote held, in no particular order (a voter with several votes several times). */
    public void forEachVoter(java.util.function.LongConsumer each) {
        for (long key : keys) {
            if (key != EMPTY) {
                each.accept(key >>> 32);
            }
        }
    }

    /** The latest votes in time order (equal times in file order). */
    public void forEachInTimeOrder(Consumer<Vote> each) {
        Integer[] order = new Integer[size];
        int n = 0;
        for (int slot = 0; slot < keys.length; slot++) {
            if (keys[slot] != EMPTY) {
                order[n++] = slot;
            }
        }
        Arrays.sort(order, (a, b) -> times[a] != times[b] ? Long.compare(times[a], times[b])
                : Integer.compare(lines[a], lines[b]));
        for (int slot : order) {
            each.accept(new Vote(times[slot], keys[slot] & 0xFFFFFFFFL, keys[slot] >>> 32, values[slot]));
        }
    }

    private int slot(long key) {
        int mask = keys.length - 1;
        int slot = (int) (mix(key) & mask);
        while (keys[slot] != EMPTY && keys[slot] != key) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private void grow() {
        long[] oldKeys = keys;
        long[] oldTimes = times;
        int[] oldLines = lines;
        byte[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        Arrays.fill(keys, EMPTY);
        times = new long[keys.length];
        lines = new int[keys.length];
        values = new byte[keys.length];
        for (int old = 0; old < oldKeys.length; old++) {
            if (oldKeys[old] != EMPTY) {
                int slot = slot(oldKeys[old]);
                keys[slot] = oldKeys[old];
                times[slot] = oldTimes[old];
                lines[slot] = oldLines[old];
                values[slot] = oldValues[old];
            }
        }
    }

    /** SplitMix64's finaliser: neighbouring keys spread over the table. */
    private static long mix(long key) {
        long z = key * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
