package org.incrowd.insight.opinions.algorithm;

import java.util.Arrays;

/**
 * Numbers distinct {@code long} keys 0, 1, 2 ... in the order they are first seen: an open-addressing hash table of
 * primitives, because a Jam's five million votes must not each become a boxed {@code Long} in a {@code HashMap}.
 */
final class KeyIndex {

    private static final long EMPTY = Long.MIN_VALUE;

    private long[] keys;
    private int[] ids;
    private long[] byId;
    private int size;
    private boolean hasEmptyKey;
    private int emptyKeyId;

    KeyIndex() {
        keys = new long[16];
        Arrays.fill(keys, EMPTY);
        ids = new int[16];
        byId = new long[16];
    }

    int size() {
        return size;
    }

    /** The key's number, giving it the next number if it is new. */
    int idOf(long key) {
        if (key == EMPTY) {
            if (!hasEmptyKey) {
                hasEmptyKey = true;
                emptyKeyId = append(key);
            }
            return emptyKeyId;
        }
        int mask = keys.length - 1;
        int slot = mix(key) & mask;
        while (keys[slot] != EMPTY) {
            if (keys[slot] == key) {
                return ids[slot];
            }
            slot = (slot + 1) & mask;
        }
        int id = append(key);
        keys[slot] = key;
        ids[slot] = id;
        if (size * 2 > keys.length) {
            grow();
        }
        return id;
    }

    /** The keys, indexed by their number. */
    long[] keysById() {
        return Arrays.copyOf(byId, size);
    }

    private int append(long key) {
        if (size == byId.length) {
            byId = Arrays.copyOf(byId, size * 2);
        }
        byId[size] = key;
        return size++;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldIds = ids;
        keys = new long[oldKeys.length * 2];
        Arrays.fill(keys, EMPTY);
        ids = new int[keys.length];
        int mask = keys.length - 1;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY) {
                int slot = mix(oldKeys[i]) & mask;
                while (keys[slot] != EMPTY) {
                    slot = (slot + 1) & mask;
                }
                keys[slot] = oldKeys[i];
                ids[slot] = oldIds[i];
            }
        }
    }

    /** Spreads sequential ids (the usual keys) over the table. */
    private static int mix(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }
}
