package org.incrowd.web.internal;

import gg.jte.TemplateOutput;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;

/**
 * The bytes of one page as its template writes them, in one array: the template's fixed markup is copied in as the
 * bytes it was compiled to, and text is encoded to UTF-8 into the array.
 *
 * <p>Why not jte's {@code Utf8ByteOutput}: it keeps every string as an array of its own in a list of pieces (more
 * than the 4,096 it was given room for on a thread page of 20 posts, so the list grew as it went) and copies them all
 * into one more array at the end; together the largest share of the bytes a thread page allocated (ADR 51, "the
 * tail"). The arrays here are reused: a page hands its array back once it has been written to the response, to a
 * pool of a few, so a node under load allocates no page-sized arrays.
 */
final class PageBuffer implements TemplateOutput {

    /** Room for a typical page; a larger one grows the array, which is then kept at that size. */
    private static final int FIRST_CAPACITY = 64 * 1024;
    /** A page larger than this gets its array, but the pool does not keep it (a rare export or long list). */
    private static final int LARGEST_KEPT = 1024 * 1024;
    /** More than the pages rendered at once on a node of a few cores; beyond it, arrays are left to the collector. */
    private static final ArrayBlockingQueue<byte[]> POOL = new ArrayBlockingQueue<>(16);

    /**
     * Texts shorter than this (a number, a class name) are encoded in place; a longer one goes through
     * {@code String.getBytes}, whose check and copy of ASCII text are much faster than a loop over its characters, and
     * is then copied in. With 32 instead of 8, the loop took 4 % of a thread page's CPU samples.
     */
    private static final int SHORT = 8;

    private byte[] bytes;
    private int length;

    private PageBuffer(byte[] bytes) {
        this.bytes = bytes;
    }

    /** An empty page, on an array from the pool if there is one. */
    static PageBuffer take() {
        var pooled = POOL.poll();
        return new PageBuffer(pooled == null ? new byte[FIRST_CAPACITY] : pooled);
    }

    /** Hands the array back to the pool; this page must not be used afterwards. */
    void release() {
        var array = bytes;
        bytes = null;
        length = 0;
        if (array != null && array.length <= LARGEST_KEPT) {
            POOL.offer(array);
        }
    }

    /** The page's length in bytes so far. */
    int length() {
        return length;
    }

    void writeTo(OutputStream out) throws IOException {
        out.write(bytes, 0, length);
    }

    @Override
    public void writeBinaryContent(byte[] value) {
        room(value.length);
        System.arraycopy(value, 0, bytes, length, value.length);
        length += value.length;
    }

    @Override
    public void writeContent(String value) {
        if (value.length() < SHORT) {
            encode(value, 0, value.length());
        } else {
            writeBinaryContent(value.getBytes(StandardCharsets.UTF_8));
        }
    }

    @Override
    public void writeContent(String value, int beginIndex, int endIndex) {
        if (endIndex - beginIndex < SHORT) {
            encode(value, beginIndex, endIndex);
        } else {
            writeBinaryContent(value.substring(beginIndex, endIndex).getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Encodes a short text in place, character by character (a longer one is faster through the JDK's encoder). */
    private void encode(String value, int beginIndex, int endIndex) {
        // At most three bytes per char (a surrogate pair: four bytes for two chars), so no check inside the loop.
        room(3 * (endIndex - beginIndex));
        byte[] out = bytes;
        int at = length;
        for (int i = beginIndex; i < endIndex; i++) {
            char c = value.charAt(i);
            if (c < 0x80) {
                out[at++] = (byte) c;
            } else if (c < 0x800) {
                out[at++] = (byte) (0xC0 | (c >> 6));
                out[at++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isSurrogate(c)) {
                int codePoint = Character.isHighSurrogate(c) && i + 1 < endIndex
                        && Character.isLowSurrogate(value.charAt(i + 1))
                        ? Character.toCodePoint(c, value.charAt(++i)) : -1;
                if (codePoint < 0) {
                    out[at++] = '?'; // an unpaired surrogate, as String.getBytes(UTF_8) writes it
                } else {
                    out[at++] = (byte) (0xF0 | (codePoint >> 18));
                    out[at++] = (byte) (0x80 | ((codePoint >> 12) & 0x3F));
                    out[at++] = (byte) (0x80 | ((codePoint >> 6) & 0x3F));
                    out[at++] = (byte) (0x80 | (codePoint & 0x3F));
                }
            } else {
                out[at++] = (byte) (0xE0 | (c >> 12));
                out[at++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                out[at++] = (byte) (0x80 | (c & 0x3F));
            }
        }
        length = at;
    }

    private void room(int more) {
        int needed = length + more;
        if (needed > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(needed, bytes.length * 2));
        }
    }
}
