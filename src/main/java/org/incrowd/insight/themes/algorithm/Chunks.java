package org.incrowd.insight.themes.algorithm;

import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * Fixed-partition parallelism: work on {@code n} items is cut into chunks whose boundaries depend only on {@code n},
 * never on the number of threads, and each chunk writes only its own results. Any reduction is then done over the
 * chunks in chunk order, so results are bit-for-bit the same on every machine and every run.
 */
final class Chunks {

    static final int SIZE = 4096;

    private Chunks() {}

    static int count(int n) {
        return (n + SIZE - 1) / SIZE;
    }

    static int start(int chunk) {
        return chunk * SIZE;
    }

    static int end(int chunk, int n) {
        return Math.min(n, (chunk + 1) * SIZE);
    }

    /** Runs {@code work} for every chunk index, in parallel when there is more than one. */
    static void forEach(int n, IntConsumer work) {
        int chunks = count(n);
        if (chunks <= 1) {
            IntStream.range(0, chunks).forEach(work);
        } else {
            IntStream.range(0, chunks).parallel().forEach(work);
        }
    }
}
