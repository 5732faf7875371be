package org.incrowd.meaning.internal;

import org.incrowd.meaning.SentenceEncoder;

/** The application's sentence encoder built without Spring, for the module's command-line use ({@code SentenceEncoders}). */
public final class StandaloneSentenceEncoder {

    private StandaloneSentenceEncoder() {
    }

    /** The same encoder the application builds from these {@code incrowd.meaning.*} settings. */
    public static SentenceEncoder create(String modelPath, String tokenizerPath, String pooling, String languages,
            int threads) {
        return new OnnxSentenceEncoder(modelPath, tokenizerPath, pooling, languages, threads);
    }
}
