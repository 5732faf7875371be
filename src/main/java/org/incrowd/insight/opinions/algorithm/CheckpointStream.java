package org.incrowd.insight.opinions.algorithm;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/**
 * The bytes of a {@link HistoryCheckpoint} point as a database keeps it: exact (doubles bit for bit, so a replay
 * resumed from it reaches the map a replay from the first vote reaches) and compact. Keys are written as differences
 * from the previous key (ascending keys take one to three bytes), small numbers as variable-length integers, and the
 * whole is deflated at the fastest level: a 150,000-person point is written and read in milliseconds.
 */
final class CheckpointStream {

    private CheckpointStream() {}

    /** Writes a state with {@code body}, deflated. */
    static byte[] write(Body body) {
        var bytes = new ByteArrayOutputStream(1 << 16);
        var deflater = new Deflater(Deflater.BEST_SPEED);
        try (var out = new Out(new DataOutputStream(new BufferedOutputStream(
                new DeflaterOutputStream(bytes, deflater, 1 << 16), 1 << 16)))) {
            body.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deflater.end();
        }
        return bytes.toByteArray();
    }

    /** Reads a state that {@link #write} wrote. */
    static <T> T read(byte[] state, Reader<T> reader) {
        var inflater = new Inflater();
        try (var in = new In(new DataInputStream(new BufferedInputStream(
                new InflaterInputStream(new ByteArrayInputStream(state), inflater, 1 << 16), 1 << 16)))) {
            return reader.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("A stored opinion checkpoint could not be read", e);
        } finally {
            inflater.end();
        }
    }

    @FunctionalInterface
    interface Body {
        void write(Out out) throws IOException;
    }

    @FunctionalInterface
    interface Reader<T> {
        T read(In in) throws IOException;
    }

    static final class Out implements AutoCloseable {

        private final DataOutputStream out;

        private Out(DataOutputStream out) {
            this.out = out;
        }

        void number(long value) throws IOException {
            long zigzag = (value << 1) ^ (value >> 63);
            while ((zigzag & ~0x7FL) != 0) {
                out.writeByte((int) (zigzag & 0x7F) | 0x80);
                zigzag >>>= 7;
            }
            out.writeByte((int) zigzag);
        }

        void text(String value) throws IOException {
            out.writeUTF(value);
        }

        /** Each key as its difference from the one before: ascending keys are small numbers. */
        void keys(long[] keys) throws IOException {
            number(keys.length);
            long before = 0;
            for (long key : keys) {
                number(key - before);
                before = key;
            }
        }

        void numbers(int[] values) throws IOException {
            number(values.length);
            for (int value : values) {
                number(value);
            }
        }

        void doubles(double[] values) throws IOException {
            number(values.length);
            for (double value : values) {
                out.writeLong(Double.doubleToRawLongBits(value));
            }
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }

    static final class In implements AutoCloseable {

        private final DataInputStream in;

        private In(DataInputStream in) {
            this.in = in;
        }

        long number() throws IOException {
            long zigzag = 0;
            for (int shift = 0; ; shift += 7) {
                int b = in.readUnsignedByte();
                zigzag |= (long) (b & 0x7F) << shift;
                if ((b & 0x80) == 0) {
                    break;
                }
            }
            return (zigzag >>> 1) ^ -(zigzag & 1);
        }

        int count() throws IOException {
            return Math.toIntExact(number());
        }

        String text() throws IOException {
            return in.readUTF();
        }

        long[] keys() throws IOException {
            long[] keys = new long[count()];
            long before = 0;
            for (int i = 0; i < keys.length; i++) {
                before += number();
                keys[i] = before;
            }
            return keys;
        }

        int[] numbers() throws IOException {
            int[] values = new int[count()];
            for (int i = 0; i < values.length; i++) {
                values[i] = Math.toIntExact(number());
            }
            return values;
        }

        double[] doubles() throws IOException {
            double[] values = new double[count()];
            for (int i = 0; i < values.length; i++) {
                values[i] = Double.longBitsToDouble(in.readLong());
            }
            return values;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
