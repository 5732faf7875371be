package org.incrowd.meaning;

import java.util.function.UnaryOperator;
import org.incrowd.meaning.internal.StandaloneSentenceEncoder;

/**
 * The sentence encoder for tools that run without starting the application (such as {@code ./incrowd analyse
 * themes}): configured by the same {@code incrowd.meaning.*} settings as the application, so that a tool groups
 * texts with the model the live Jam uses.
 */
public final class SentenceEncoders {

    private SentenceEncoders() {
    }

    /**
     * The encoder the settings describe: {@code incrowd.meaning.model-path}, {@code tokenizer-path}, {@code pooling},
     * {@code languages} and {@code threads}, each read from {@code settings} (null for unset: the bundled English
     * model on every core).
     */
    public static SentenceEncoder configured(UnaryOperator<String> settings) {
        return StandaloneSentenceEncoder.create(setting(settings, "model-path", ""),
                setting(settings, "tokenizer-path", ""), setting(settings, "pooling", "mean"),
                setting(settings, "languages", "en"), Integer.parseInt(setting(settings, "threads", "0")));
    }

    private static String setting(UnaryOperator<String> settings, String name, String otherwise) {
        String value = settings.apply("incrowd.meaning." + name);
        return value == null ? otherwise : value;
    }
}
