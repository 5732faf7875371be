package org.incrowd.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.incrowd.insight.opinions.polis.CsvReader;
import org.incrowd.insight.themes.algorithm.SentenceVectors;
import org.incrowd.insight.themes.algorithm.Theme;
import org.incrowd.insight.themes.algorithm.ThemeAnalysis;
import org.incrowd.insight.themes.algorithm.ThemeDocument;
import org.incrowd.insight.themes.algorithm.ThemeResult;
import org.incrowd.insight.themes.algorithm.ThemeSettings;
import org.incrowd.meaning.SentenceEncoder;
import org.incrowd.meaning.internal.BundledSentenceEncoder;

/**
 * {@code ./incrowd bench themes}: Incrowd's themes against two baselines run in the same process, Carrot2 Lingo and
 * TF-IDF + k-means, on real data with reference groupings, and the speed of the themes pipeline.
 * <ul>
 * <li><b>ArgKP</b> (all 28 topics, train + dev): per topic, cluster all its arguments; score against the experts' key
 * points over the arguments that match exactly one key point (ARI, NMI, purity, key-point coverage = share of key
 * points that are the most common key point of some theme; over all arguments, the posts of the smallest theme and
 * the number of themes of one or two posts), then average over topics. The baselines are given the
 * true number of key points of the topic; Incrowd chooses its number of themes itself.</li>
 * <li><b>Banking77</b>: all 10,003 messages against the 77 intents (NMI, ARI, purity); baselines get k = 77.</li>
 * <li><b>Speed</b>: Banking77 messages, deterministically perturbed (a word dropped, two words swapped or a word of
 * another message added), as 2,000, 50,000 and 2,000,000 posts; time of a full analysis, peak heap for 2,000,000
 * (input included), and the time to place one new post in the 50,000-post model.</li>
 * </ul>
 * Options: {@code --skip-2m}, {@code --quality-only}, {@code --speed-only}, {@code --encoding-only} (the encoder's
 * speed alone: Banking77 in bulk and new posts one at a time, under the key {@code encoding}, in about two minutes),
 * {@code --seed-offset N} (quality only: Incrowd's themes with the default seed plus N, written under the keys
 * {@code argkp_seed_plus_N} and {@code banking77_seed_plus_N}, so that the spread between seeds can be measured
 * beside the figures at the default seed; the baselines keep their seed).
 * Writes {@code bench/results/themes.json}.
 */
public final class ThemesBenchmark {

    static final Path RESULTS = Path.of("bench/results/themes.json");
    private static final long SEED = 42;
    private static final int LINGO_LIMIT_SECONDS = 300;
    /** Posts of the largest forum whose themes are fitted on all its posts with the small-forum stages. */
    private static final int SMALL_FORUM = 2_000;
    /** The encoder as the application runs it (all cores), shared by the quality and speed parts. */
    private static final SentenceEncoder ENCODER = BundledSentenceEncoder.create(0);
    private static final SentenceVectors SENTENCES = ENCODER::encodeAll;
    private static boolean baselines = true;
    /** Incrowd's settings in the quality part: the defaults, with the seed moved by {@code --seed-offset}. */
    private static ThemeSettings settings = ThemeSettings.DEFAULT;

    private ThemesBenchmark() {}

    public static void main(String[] args) throws IOException {
        var options = List.of(args);
        Path data = Path.of("../shared/data");
        var results = new LinkedHashMap<String, Object>();
        results.put("machine", machine());
        results.put("load_average_before", Machine.loadAverage());
        boolean encodingOnly = options.contains("--encoding-only");
        boolean quality = !options.contains("--speed-only") && !encodingOnly;
        baselines = !options.contains("--no-baselines");
        int seedOffset = options.contains("--seed-offset")
                ? Integer.parseInt(options.get(options.indexOf("--seed-offset") + 1)) : 0;
        String suffix = seedOffset == 0 ? "" : "_seed_plus_" + seedOffset;
        if (seedOffset != 0) {
            var d = ThemeSettings.DEFAULT;
            settings = new ThemeSettings(d.themes(), d.representatives(), d.windows(), d.dimensions(),
                    d.seed() + seedOffset);
            quality = quality && options.contains("--quality-only");
            if (!quality) {
                throw new IllegalArgumentException("--seed-offset goes with --quality-only");
            }
        }
        if (quality && Files.isDirectory(data.resolve("argkp"))) {
            var examples = new LinkedHashMap<String, Object>();
            results.put("argkp" + suffix, argkp(data.resolve("argkp"), examples));
            results.put("argkp_examples" + suffix, examples.get("argkp_examples"));
        }
        List<String> banking = Files.isDirectory(data.resolve("banking77")) ? bankingTexts(data) : List.of();
        if (quality && !banking.isEmpty()) {
            results.put("banking77" + suffix, banking77(data));
        }
        if (encodingOnly && !banking.isEmpty()) {
            results.put("encoding", encoding(banking));
        } else if (!options.contains("--quality-only") && !banking.isEmpty()) {
            results.put("speed", speed(banking, !options.contains("--skip-2m")));
        }
        results.put("load_average_after", Machine.loadAverage());
        System.out.println("load average before " + results.get("load_average_before") + ", after "
                + results.get("load_average_after"));
        if (!baselines) {
            keepBaselines(results);
        }
        BenchResults.merge(RESULTS, results);
        System.out.println("wrote " + RESULTS);
    }

    // ---- quality ----

    private static Map<String, Object> argkp(Path dir, Map<String, Object> results) throws IOException {
        var topics = new TreeMap<String, List<String[]>>(); // topic -> (arg id, text)
        var keyPoints = new HashMap<String, String>(); // key point id -> text
        var topicKeyPoints = new TreeMap<String, List<String>>();
        var matches = new HashMap<String, List<String>>(); // arg id -> matching key point ids
        for (String split : List.of("train", "dev")) {
            for (List<String> row : csv(dir.resolve("arguments_" + split + ".csv"))) {
                topics.computeIfAbsent(row.get(2), t -> new ArrayList<>()).add(new String[] {row.get(0), row.get(1)});
            }
            for (List<String> row : csv(dir.resolve("key_points_" + split + ".csv"))) {
                keyPoints.put(row.get(0), row.get(1));
                topicKeyPoints.computeIfAbsent(row.get(2), t -> new ArrayList<>()).add(row.get(0));
            }
            for (List<String> row : csv(dir.resolve("labels_" + split + ".csv"))) {
                if (row.get(2).equals("1")) {
                    matches.computeIfAbsent(row.get(0), a -> new ArrayList<>()).add(row.get(1));
                }
            }
        }
        var sums = new LinkedHashMap<String, Map<String, Double>>();
        var examples = new ArrayList<Map<String, Object>>();
        for (var topic : topics.entrySet()) {
            List<String> texts = topic.getValue().stream().map(a -> a[1]).toList();
            List<Integer> labelled = new ArrayList<>();
            List<String> truth = new ArrayList<>();
            for (int i = 0; i < texts.size(); i++) {
                List<String> kps = matches.getOrDefault(topic.getValue().get(i)[0], List.of());
                if (kps.size() == 1) {
                    labelled.add(i);
                    truth.add(kps.getFirst());
                }
            }
            int k = topicKeyPoints.get(topic.getKey()).size();
            ThemeResult incrowd = ThemeAnalysis.analyse(withVectors(texts), settings, SENTENCES);
            score(sums, "incrowd", themesOf(incrowd), labelled, truth, true);
            if (baselines) {
                score(sums, "lingo", LingoBaseline.cluster(texts, k).assignment(), labelled, truth, true);
                score(sums, "kmeans", TfidfKMeansBaseline.cluster(texts, k, SEED), labelled, truth, true);
            }
            if (examples.size() < 3) {
                examples.add(Map.of("topic", topic.getKey(),
                        "themes", incrowd.themes().stream().map(t -> t.label() + " (" + t.size() + ")").toList(),
                        "summaries", incrowd.themes().stream().limit(3).map(Theme::summary).toList(),
                        "key_points", topicKeyPoints.get(topic.getKey()).stream().map(keyPoints::get).toList()));
            }
        }
        results.put("argkp_examples", examples);
        return averages(sums, topics.size());
    }

    private static Map<String, Object> banking77(Path data) throws IOException {
        List<List<String>> rows = csv(data.resolve("banking77/train.csv"));
        List<String> texts = rows.stream().map(r -> r.get(0)).toList();
        List<String> truth = rows.stream().map(r -> r.get(1)).toList();
        List<Integer> all = java.util.stream.IntStream.range(0, texts.size()).boxed().toList();
        int k = (int) truth.stream().distinct().count();
        var sums = new LinkedHashMap<String, Map<String, Double>>();
        List<ThemeDocument> documents = withVectors(texts);
        long start = System.nanoTime();
        ThemeResult incrowd = ThemeAnalysis.analyse(documents, settings, SENTENCES);
        System.out.printf("banking77 incrowd: %d themes in %.1f s%n", incrowd.themes().size(), (System.nanoTime() - start) / 1e9);
        score(sums, "incrowd", themesOf(incrowd), all, truth, false);
        List<Integer> lingo = null;
        if (baselines) {
            score(sums, "kmeans", TfidfKMeansBaseline.cluster(texts, k, SEED), all, truth, false);
            lingo = lingoWithin(texts, k, LINGO_LIMIT_SECONDS);
            if (lingo != null) {
                score(sums, "lingo", lingo, all, truth, false);
            }
        }
        var result = averages(sums, 1);
        if (baselines && lingo == null) {
            result.put("lingo", "did not finish within " + LINGO_LIMIT_SECONDS + " s (its NMF step on 10,003 documents)");
        }
        result.put("incrowd_summaries_first_3", incrowd.themes().stream().limit(3).map(Theme::summary).toList());
        result.put("incrowd_labels_first_10", incrowd.themes().stream().limit(10).map(Theme::label).toList());
        return result;
    }

    /** Lingo's clustering, or null if it takes longer than the limit (it can, on 10,000 documents). */
    private static List<Integer> lingoWithin(List<String> texts, int k, int seconds) {
        var task = new java.util.concurrent.FutureTask<>(() -> LingoBaseline.cluster(texts, k).assignment());
        var thread = new Thread(task, "lingo");
        thread.setDaemon(true);
        thread.start();
        try {
            return task.get(seconds, java.util.concurrent.TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            return null; // the daemon thread is left to die with the process
        } catch (InterruptedException | java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("Lingo failed", e);
        }
    }

    /**
     * {@code --no-baselines}: Lingo and TF-IDF + k-means did not run (their code and data are unchanged, and Lingo
     * alone takes five minutes on Banking77); their figures of the previous run are kept beside the new ones.
     */
    @SuppressWarnings("unchecked")
    private static void keepBaselines(Map<String, Object> results) throws IOException {
        if (!Files.exists(RESULTS)) {
            return;
        }
        var previous = tools.jackson.databind.json.JsonMapper.builder().build().readValue(RESULTS.toFile(), Map.class);
        for (String set : List.of("argkp", "banking77")) {
            if (results.get(set) instanceof Map<?, ?> now && previous.get(set) instanceof Map<?, ?> before) {
                for (String method : List.of("lingo", "kmeans")) {
                    if (before.containsKey(method)) {
                        ((Map<String, Object>) now).put(method, before.get(method));
                    }
                }
                ((Map<String, Object>) now).put("baselines_note", "lingo and kmeans: figures of the previous run"
                        + " (--no-baselines; their code and the data are unchanged)");
            }
        }
    }

    /** The texts with their sentence vectors, encoded in bulk as the application's encoding feed does. */
    private static List<ThemeDocument> withVectors(List<String> texts) throws IOException {
        List<float[]> vectors = cachedVectors(texts);
        var documents = new ArrayList<ThemeDocument>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            documents.add(new ThemeDocument(texts.get(i), null, vectors.get(i)));
        }
        return documents;
    }

    /**
     * The texts' vectors, kept in target/bench-vectors between runs (the encoder is deterministic, ADR 56), so that a
     * quality run spends its time on themes; the encoding speed is measured afresh in the speed part.
     */
    private static List<float[]> cachedVectors(List<String> texts) throws IOException {
        Path file = Path.of("target/bench-vectors", ENCODER.model() + "-" + Integer.toHexString(texts.hashCode()) + "-"
                + texts.size() + ".bin");
        if (Files.isRegularFile(file)) {
            float[] all = org.incrowd.meaning.Vectors.fromBytes(Files.readAllBytes(file));
            int d = all.length / texts.size();
            var vectors = new ArrayList<float[]>(texts.size());
            for (int i = 0; i < texts.size(); i++) {
                vectors.add(java.util.Arrays.copyOfRange(all, i * d, (i + 1) * d));
            }
            return vectors;
        }
        List<float[]> vectors = ENCODER.encodeAll(texts);
        float[] all = new float[vectors.size() * vectors.getFirst().length];
        for (int i = 0; i < vectors.size(); i++) {
            System.arraycopy(vectors.get(i), 0, all, i * vectors.get(i).length, vectors.get(i).length);
        }
        Files.createDirectories(file.getParent());
        Files.write(file, org.incrowd.meaning.Vectors.toBytes(all));
        return vectors;
    }

    private static List<Integer> themesOf(ThemeResult result) {
        var themes = new ArrayList<Integer>(result.size());
        for (int row = 0; row < result.size(); row++) {
            Integer theme = result.theme(row);
            themes.add(theme == null ? -1 : theme);
        }
        return themes;
    }

    private static void score(Map<String, Map<String, Double>> sums, String method, List<Integer> clusters,
            List<Integer> labelled, List<String> truth, boolean coverage) {
        List<Integer> predicted = labelled.stream().map(clusters::get).toList();
        var metrics = sums.computeIfAbsent(method, m -> new LinkedHashMap<>());
        metrics.merge("ari", ClusterScores.ari(predicted, truth), Double::sum);
        metrics.merge("nmi", ClusterScores.nmi(predicted, truth), Double::sum);
        metrics.merge("purity", ClusterScores.purity(predicted, truth), Double::sum);
        if (coverage) {
            metrics.merge("coverage", ClusterScores.coverage(predicted, truth), Double::sum);
        }
        metrics.merge("clusters", (double) clusters.stream().distinct().count(), Double::sum);
        // Themes a reader would not take for one: how many posts the smallest theme holds, and how many themes hold
        // only one or two posts (every post counted, labelled or not).
        var sizes = new HashMap<Integer, Integer>();
        clusters.stream().filter(c -> c >= 0).forEach(c -> sizes.merge(c, 1, Integer::sum));
        metrics.merge("smallest_theme", (double) sizes.values().stream().mapToInt(Integer::intValue).min().orElse(0),
                Double::sum);
        metrics.merge("themes_of_one_or_two_posts", (double) sizes.values().stream().filter(size -> size <= 2).count(),
                Double::sum);
    }

    private static Map<String, Object> averages(Map<String, Map<String, Double>> sums, int count) {
        var result = new LinkedHashMap<String, Object>();
        sums.forEach((method, metrics) -> {
            var averaged = new LinkedHashMap<String, Double>();
            metrics.forEach((name, sum) -> averaged.put(name, Math.round(sum / count * 1000) / 1000.0));
            result.put(method, averaged);
            System.out.println(method + " " + averaged);
        });
        return result;
    }

    // ---- speed ----

    /**
     * The encoder alone, loaded first: all Banking77 messages in bulk (as the catch-up encodes on a quiet node), then
     * 1,000 perturbed messages one at a time on this thread (as a new post is encoded); placing one adds
     * {@code assign_ms} of the full speed part.
     */
    private static Map<String, Object> encoding(List<String> banking) {
        var result = new LinkedHashMap<String, Object>();
        ENCODER.encodeAll(banking.subList(0, 200)); // loads the model and warms up
        var process = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpuStart = process.getProcessCpuTime();
        long start = System.nanoTime();
        ENCODER.encodeAll(banking);
        double seconds = (System.nanoTime() - start) / 1e9;
        result.put("encoding_posts_per_second", Math.round(banking.size() / seconds));
        // What the load of other processes does not change much: CPU time a post, and the rate it gives every core.
        double cpuMillis = (process.getProcessCpuTime() - cpuStart) / 1e6 / banking.size();
        result.put("encoding_cpu_ms_per_post", Math.round(cpuMillis * 1000) / 1000.0);
        result.put("encoding_posts_per_second_if_all_cores_were_ours",
                Math.round(1000 / cpuMillis * Runtime.getRuntime().availableProcessors()));
        System.out.printf("encoding: %.3f ms of CPU a post (%.0f posts/s on %d idle cores)%n", cpuMillis,
                1000 / cpuMillis * Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().availableProcessors());
        System.out.printf("encoding: %d posts in %.1f s (%.0f posts/s)%n", banking.size(), seconds,
                banking.size() / seconds);
        List<ThemeDocument> fresh = perturbed(banking, 1_000, 2);
        double[] millis = new double[fresh.size()];
        for (int i = 0; i < millis.length; i++) {
            long t = System.nanoTime();
            ENCODER.encode(fresh.get(i).text());
            millis[i] = (System.nanoTime() - t) / 1e6;
        }
        java.util.Arrays.sort(millis);
        result.put("encode_one_ms", Math.round(millis[millis.length / 2] * 1000) / 1000.0);
        result.put("encode_one_ms_p99", Math.round(millis[millis.length * 99 / 100] * 1000) / 1000.0);
        System.out.printf("new post encoded: median %.3f ms, p99 %.3f ms%n", millis[millis.length / 2],
                millis[millis.length * 99 / 100]);
        return result;
    }

    private static Map<String, Object> speed(List<String> banking, boolean twoMillion) {
        var result = new LinkedHashMap<String, Object>();
        long encodeStart = System.nanoTime();
        List<float[]> bankingVectors = ENCODER.encodeAll(banking);
        double encodeSeconds = (System.nanoTime() - encodeStart) / 1e9;
        result.put("encoding_posts_per_second", Math.round(banking.size() / encodeSeconds));
        System.out.printf("encoding: %d posts in %.1f s (%.0f posts/s)%n", banking.size(), encodeSeconds,
                banking.size() / encodeSeconds);
        result.put("vectors_note", "50,000 and 2,000,000 posts: perturbed Banking77 texts with synthetic stored"
                + " vectors (the message's real vector plus Gaussian noise, cosine about 0.9 to it)");
        List<ThemeDocument> posts = withSyntheticVectors(banking, bankingVectors, 50_000, 1);
        ThemeAnalysis.analyse(posts, ThemeSettings.DEFAULT, SENTENCES); // warm-up
        long start = System.nanoTime();
        ThemeResult fifty = ThemeAnalysis.analyse(posts, ThemeSettings.DEFAULT, SENTENCES);
        double seconds = (System.nanoTime() - start) / 1e9;
        result.put("seconds_50k", Math.round(seconds * 100) / 100.0);
        result.put("themes_50k", fifty.themes().size());
        System.out.printf("50k posts: %.2f s, %d themes%n", seconds, fifty.themes().size());
        smallForum(banking, bankingVectors, result);

        // A new post: its text encoded (as the encoding feed does) and placed at the nearest centre.
        List<ThemeDocument> fresh = perturbed(banking, 1_100, 2);
        double[] millis = new double[1_000];
        for (int i = 0; i < fresh.size(); i++) {
            long t = System.nanoTime();
            float[] vector = ENCODER.encode(fresh.get(i).text());
            fifty.model().assign(new ThemeDocument(fresh.get(i).text(), null, vector));
            if (i >= 100) { // the first hundred warm up
                millis[i - 100] = (System.nanoTime() - t) / 1e6;
            }
        }
        java.util.Arrays.sort(millis);
        result.put("encode_and_place_ms", Math.round(millis[millis.length / 2] * 1000) / 1000.0);
        result.put("encode_and_place_ms_p99", Math.round(millis[millis.length * 99 / 100] * 1000) / 1000.0);
        System.out.printf("new post encoded and placed: median %.3f ms, p99 %.3f ms%n", millis[500], millis[990]);
        for (int i = 0; i < millis.length; i++) {
            float[] vector = posts.get(i).vector();
            long t = System.nanoTime();
            fifty.model().assign(new ThemeDocument("", null, vector));
            millis[i] = (System.nanoTime() - t) / 1e6;
        }
        java.util.Arrays.sort(millis);
        result.put("assign_ms", Math.round(millis[millis.length / 2] * 1000) / 1000.0);
        result.put("assign_ms_p99", Math.round(millis[millis.length * 99 / 100] * 1000) / 1000.0);

        if (twoMillion) {
            posts = null;
            fifty = null;
            System.gc();
            ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
            List<ThemeDocument> many = withSyntheticVectors(banking, bankingVectors, 2_000_000, 3);
            start = System.nanoTime();
            ThemeResult big = ThemeAnalysis.analyse(many, ThemeSettings.DEFAULT, SENTENCES);
            seconds = (System.nanoTime() - start) / 1e9;
            long peak = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                    .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
            result.put("seconds_2m", Math.round(seconds * 10) / 10.0);
            result.put("peak_heap_mb_2m", peak / (1024 * 1024));
            result.put("themes_2m", big.themes().size());
            System.out.printf("2M posts: %.1f s, peak heap %d MB, %d themes%n", seconds, peak >> 20, big.themes().size());
        }
        return result;
    }

    /**
     * A forum at the bound of the small-forum stages (ADR 57: neighbour means and the consensus of k-means runs fit
     * all its posts): 2,000 posts, the median of five analyses after a warm-up.
     */
    private static void smallForum(List<String> banking, List<float[]> bankingVectors, Map<String, Object> result) {
        List<ThemeDocument> posts = withSyntheticVectors(banking, bankingVectors, SMALL_FORUM, 4);
        ThemeAnalysis.analyse(posts, ThemeSettings.DEFAULT, SENTENCES); // warm-up
        double[] seconds = new double[5];
        int themes = 0;
        for (int i = 0; i < seconds.length; i++) {
            long start = System.nanoTime();
            themes = ThemeAnalysis.analyse(posts, ThemeSettings.DEFAULT, SENTENCES).themes().size();
            seconds[i] = (System.nanoTime() - start) / 1e9;
        }
        java.util.Arrays.sort(seconds);
        result.put("seconds_2k", Math.round(seconds[2] * 1000) / 1000.0);
        result.put("themes_2k", themes);
        System.out.printf("2k posts: median %.3f s (of %s), %d themes%n", seconds[2],
                java.util.Arrays.toString(seconds), themes);
    }

    /**
     * {@code count} perturbed messages, each with a synthetic stored vector: its message's real vector plus
     * Gaussian noise (cosine about 0.9), made unit length. Encoding two million texts would take an hour here.
     */
    static List<ThemeDocument> withSyntheticVectors(List<String> texts, List<float[]> vectors, int count, long seed) {
        var noise = new java.util.Random(seed);
        int[] origins = new int[count];
        List<ThemeDocument> perturbed = perturbed(texts, count, seed, origins);
        var posts = new ArrayList<ThemeDocument>(count);
        for (int i = 0; i < count; i++) {
            ThemeDocument post = perturbed.get(i);
            float[] base = vectors.get(origins[i]);
            float[] vector = new float[base.length];
            for (int j = 0; j < vector.length; j++) {
                vector[j] = base[j] + (float) (noise.nextGaussian() * 0.025);
            }
            posts.add(new ThemeDocument(post.text(), null, org.incrowd.meaning.Vectors.unit(vector)));
        }
        return posts;
    }

    /** {@code count} posts from the messages, each changed a little, the same on every run. */
    static List<ThemeDocument> perturbed(List<String> texts, int count, long seed) {
        return perturbed(texts, count, seed, new int[count]);
    }

    /** {@code origins}: filled with the index of each post's message. */
    private static List<ThemeDocument> perturbed(List<String> texts, int count, long seed, int[] origins) {
        var random = new SplittableRandom(seed);
        var posts = new ArrayList<ThemeDocument>(count);
        for (int i = 0; i < count; i++) {
            origins[i] = random.nextInt(texts.size());
            String[] words = texts.get(origins[i]).split(" ");
            var list = new ArrayList<>(List.of(words));
            switch (random.nextInt(3)) {
                case 0 -> {
                    if (list.size() > 3) {
                        list.remove(random.nextInt(list.size()));
                    }
                }
                case 1 -> {
                    if (list.size() > 1) {
                        int at = random.nextInt(list.size() - 1);
                        list.set(at, list.set(at + 1, list.get(at)));
                    }
                }
                default -> {
                    String[] other = texts.get(random.nextInt(texts.size())).split(" ");
                    list.add(other[random.nextInt(other.length)]);
                }
            }
            posts.add(ThemeDocument.of(String.join(" ", list)));
        }
        return posts;
    }

    static List<String> bankingTexts(Path data) throws IOException {
        return csv(data.resolve("banking77/train.csv")).stream().map(r -> r.get(0)).toList();
    }

    /** The data rows of a CSV file (the header skipped). */
    static List<List<String>> csv(Path file) throws IOException {
        var rows = new ArrayList<List<String>>();
        try (var reader = new CsvReader(Files.newBufferedReader(file), file.toString())) {
            reader.next();
            for (List<String> row = reader.next(); row != null; row = reader.next()) {
                rows.add(row);
            }
        }
        return rows;
    }

    private static Map<String, Object> machine() {
        var machine = new LinkedHashMap<String, Object>();
        machine.put("cores", Runtime.getRuntime().availableProcessors());
        machine.put("max_heap_mb", Runtime.getRuntime().maxMemory() >> 20);
        machine.put("java", System.getProperty("java.version"));
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        try {
            machine.put("described", Machine.describe());
        } catch (IOException e) {
            machine.put("described", "unknown");
        }
        machine.put("note", "shared 2-core machine; other builds may run at the same time, so timings are noisy");
        return machine;
    }
}
