package org.incrowd.support;

import java.util.List;
import org.incrowd.meaning.SentenceEncoder;
import org.incrowd.text.Language;

/** The application's encoder as it is; a test overrides what it watches or slows down. */
public class DelegatingEncoder implements SentenceEncoder {

    private final SentenceEncoder encoder;

    public DelegatingEncoder(SentenceEncoder encoder) {
        this.encoder = encoder;
    }

    @Override
    public String model() {
        return encoder.model();
    }

    @Override
    public int dimensions() {
        return encoder.dimensions();
    }

    @Override
    public boolean covers(Language language) {
        return encoder.covers(language);
    }

    @Override
    public boolean reads(String word) {
        return encoder.reads(word);
    }

    @Override
    public float[] encode(String text) {
        return encoder.encode(text);
    }

    @Override
    public List<float[]> encodeAll(List<String> texts) {
        return encoder.encodeAll(texts);
    }
}
