package org.incrowd.live.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * One database read answering everyone who asks at about the same moment, and still as fresh as a read of their own:
 * a caller gets the result of a read that <em>began after it asked</em>. While a read runs, those who ask meanwhile
 * wait together for the next one, which begins when it ends. Ten thousand browsers coming back at once after a node
 * restart thus cost a handful of reads, one after another, instead of ten thousand through a pool of ten
 * connections; a lone caller reads at once. Unlike a cache, nothing is ever answered from before the question, so a
 * change made by another node (a prune of the log) is never missed.
 */
final class SharedRead<T> {

    private final Supplier<T> read;
    /** The read running now, if any. */
    private CompletableFuture<T> running;
    /** The read that begins when the running one ends; whoever asks now waits for it. */
    private CompletableFuture<T> next;

    SharedRead(Supplier<T> read) {
        this.read = read;
    }

    T get() {
        CompletableFuture<T> answer;
        CompletableFuture<T> before = null;
        boolean reads;
        synchronized (this) {
            reads = next == null;
            if (reads) {
                before = running;
                next = new CompletableFuture<>();
            }
            answer = next;
        }
        if (reads) {
            read(answer, before);
        }
        return join(answer); // never under the lock: whoever reads needs it to begin
    }

    /** Waits for the running read to end, then reads for everyone who asked meanwhile. */
    private void read(CompletableFuture<T> mine, CompletableFuture<T> before) {
        if (before != null) {
            before.exceptionally(failed -> null).join();
        }
        synchronized (this) {
            next = null; // whoever asks from now on may have asked after this read began: they wait for the next
            running = mine;
        }
        try {
            mine.complete(read.get());
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
        }
    }

    private static <T> T join(CompletableFuture<T> read) {
        try {
            return read.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }
}
