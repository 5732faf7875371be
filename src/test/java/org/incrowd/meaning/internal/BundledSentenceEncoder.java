package org.incrowd.meaning.internal;

import org.incrowd.meaning.SentenceEncoder;

/** The bundled sentence encoder outside Spring, for benchmarks and quality tests of the modules that use vectors. */
public final class BundledSentenceEncoder {

    private BundledSentenceEncoder() {
    }

    /** The bundled English all-MiniLM-L6-v2, as the application runs it, on {@code threads} threads. */
    public static SentenceEncoder create(int threads) {
        return new OnnxSentenceEncoder("", "", "mean", "en", threads);
    }
}
