package org.incrowd.meaning.internal;

/** A 64-bit FNV-1a hash of a text: whether a post's text changed since its vector was made. */
final class TextHash {

    private static final long OFFSET = 0xcbf29ce484222325L;
    private static final long PRIME = 0x100000001b3L;

    private TextHash() {
    }

    static long of(String text) {
        long hash = OFFSET;
        for (int i = 0; i < text.length(); i++) {
            hash ^= text.charAt(i);
            hash *= PRIME;
        }
        return hash;
    }
}
