package org.incrowd.insight.opinions.algorithm;

import java.util.stream.IntStream;

/**
 * Splits work over rows into fixed chunks that may run on several cores. The chunks depend only on the number of
 * rows, never on the number of threads; a task writes only its own rows or its own chunk's partial result, and
 * partial results are combined in chunk order by the caller. So a parallel run gives the same bits as a serial one.
 */
final class Chunks {

    /** Work of one chunk: rows [from, to). */
    @FunctionalInterface
    interface Task {
        void run(int chunk, int from, int to);
    }

    private Chunks() {}

    static int count(int rows, int chunkRows) {
        return Math.max(1, (rows + chunkRows - 1) / chunkRows);
    }

    static void forEach(int rows, int chunkRows, Task task) {
        int chunks = count(rows, chunkRows);
        IntStream.range(0, chunks).parallel()
                .forEach(chunk -> task.run(chunk, chunk * chunkRows, Math.min(rows, (chunk + 1) * chunkRows)));
    }
}
