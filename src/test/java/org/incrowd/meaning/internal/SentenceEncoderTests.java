package org.incrowd.meaning.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.util.List;
import org.incrowd.meaning.SentenceEncoder;
import org.incrowd.meaning.Vectors;
import org.incrowd.shared.SettingRejected;
import org.incrowd.text.Language;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The bundled encoder as themes and search rely on it: texts that mean the same are closer than texts that share
 * words but not meaning, every vector has length 1, and the same text gives the same vector alone or in a batch.
 */
class SentenceEncoderTests {

    static final OnnxSentenceEncoder encoder = new OnnxSentenceEncoder("", "", "mean", "en", 2);

    @AfterAll
    static void close() {
        encoder.close();
    }

    @Test
    void theBundledModelCoversEnglishOnlyAndAMissingCustomModelIsNamedInTheError() {
        assertThat(encoder.covers(Language.ENGLISH)).isTrue();
        assertThat(encoder.covers(Language.GERMAN)).isFalse();
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> new OnnxSentenceEncoder("missing.onnx", "", "mean", "en", 1))
                .isInstanceOf(SettingRejected.class)
                .hasMessageContaining("incrowd.meaning.tokenizer-path").hasMessageContaining("missing.onnx");
    }

    @Test
    void aPoolingOrALanguageTheEncoderDoesNotKnowIsRefusedNamingTheSettingAndWhatItTakes() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new OnnxSentenceEncoder("", "", "median", "en", 1))
                .isInstanceOf(SettingRejected.class)
                .hasMessage("incrowd.meaning.pooling must be one of [cls, mean], not 'median'");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new OnnxSentenceEncoder("", "", "mean", "en,xx", 1))
                .isInstanceOf(SettingRejected.class)
                .hasMessageStartingWith("incrowd.meaning.languages names no language 'xx'; known: [");
        var clsPooling = new OnnxSentenceEncoder("", "", " CLS ", "en", 1);
        clsPooling.close();
    }

    @Test
    void aDifferentlyWordedTextOfTheSameMeaningIsCloserThanOneSharingItsWords() {
        float[] remote = encoder.encode("Let us work from home two days a week");
        float[] sameMeaning = encoder.encode("Remote days would save me the commute");
        float[] sameWords = encoder.encode("The canteen should open two days a week earlier");

        assertThat(Vectors.dot(remote, sameMeaning)).isGreaterThan(Vectors.dot(remote, sameWords));
    }

    @Test
    void vectorsHaveUnitLengthAndTheModelsDimensions() {
        float[] vector = encoder.encode("Lights in the yard at night");

        assertThat(vector).hasSize(encoder.dimensions());
        assertThat(Vectors.dot(vector, vector)).isCloseTo(1f, org.assertj.core.data.Offset.offset(1e-4f));
        assertThat(encoder.model()).isEqualTo("all-MiniLM-L6-v2-q");
    }

    @Test
    void theSameTextGivesTheSameVectorAloneAndInABatch() {
        var texts = List.of("Scanner chargers at the gate", "A quiet room for night shifts", "Shorter meetings");

        var batch = encoder.encodeAll(texts);

        for (int i = 0; i < texts.size(); i++) {
            assertThat(batch.get(i)).containsExactly(encoder.encode(texts.get(i)));
        }
        assertThat(encoder.encodeAll(texts).get(1)).containsExactly(batch.get(1));
    }

    /**
     * Vectors stored before the encoder tokenised each text once and pooled from ONNX Runtime's buffer stay valid:
     * the same texts give langchain4j's vectors bit for bit, short ones, odd ones and ones it splits into windows.
     */
    @Test
    void vectorsAreThoseOfLangchain4jsEncoderBitForBit() throws Exception {
        var texts = List.of("I am still waiting on my card?", "Café über naïve, «quotes» and an emoji 😀",
                "https://example.org/a?b=c #tag @name", "Don't can't won't", String.join(" ", java.util.Collections
                        .nCopies(600, "unbelievable")), String.join(" ", java.util.Collections.nCopies(510, "cat")));
        try (var options = new ai.onnxruntime.OrtSession.SessionOptions();
             var model = OnnxSentenceEncoder.class.getResourceAsStream("/all-minilm-l6-v2-q.onnx");
             var tokenizer = OnnxSentenceEncoder.class.getResourceAsStream("/all-minilm-l6-v2-q-tokenizer.json")) {
            options.setIntraOpNumThreads(1);
            var environment = ai.onnxruntime.OrtEnvironment.getEnvironment();
            var langchain4j = new Langchain4j(new OnnxBertBiEncoder(environment,
                    environment.createSession(model.readAllBytes(), options), tokenizer, PoolingMode.MEAN));

            for (String text : texts) {
                assertThat(encoder.encode(text)).as(text)
                        .containsExactly(Vectors.unit(langchain4j.embed(text).content().vector()));
            }
        }
    }

    private static final class Langchain4j extends AbstractInProcessEmbeddingModel {
        private final OnnxBertBiEncoder encoder;

        Langchain4j(OnnxBertBiEncoder encoder) {
            super(Runnable::run);
            this.encoder = encoder;
        }

        @Override
        protected OnnxBertBiEncoder model() {
            return encoder;
        }
    }

    @Test
    void storedVectorsReadBackExactly() {
        float[] vector = encoder.encode("Fewer forms to fill in");

        assertThat(Vectors.fromBytes(Vectors.toBytes(vector))).containsExactly(vector);
    }
}
