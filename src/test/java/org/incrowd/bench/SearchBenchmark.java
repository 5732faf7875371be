package org.incrowd.bench;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.incrowd.IncrowdApplication;
import org.incrowd.discussion.Posting;
import org.incrowd.discussion.PostDraft;
import org.incrowd.identity.IdentityService;
import org.incrowd.identity.ParticipantType;
import org.incrowd.text.Language;
import org.incrowd.text.LanguageDetection;
import org.incrowd.jam.Forum;
import org.incrowd.jam.Jam;
import org.incrowd.jam.JamPhase;
import org.incrowd.jam.JamService;
import org.incrowd.jam.Terms;
import org.incrowd.jam.TermsNotAccepted;
import org.incrowd.search.index.IndexedPost;
import org.incrowd.search.SearchForm;
import org.incrowd.search.index.PostIndex;
import org.incrowd.search.index.SearchQuery;
import org.incrowd.bench.PageLatencyBenchmark.Latencies;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Search at Jam scale. Incrowd starts with its demo Jam and stops; then the application's own index code
 * ({@link PostIndex}, with the same language detection as the feed) adds {@value #POSTS} posts made from the ArgKP
 * arguments and Banking77 messages in {@code ../shared/data} (each varied a little) to that node's index, which
 * gives the indexing rate. Incrowd starts again on the same data and signed-in clients run a mix of searches through
 * the search page while a writer posts {@value #WRITES_PER_SECOND} new ideas a second, which the index takes in as
 * they come. Writes {@code search_p95_ms}, {@code search_p99_ms} and {@code indexing_posts_per_s} into
 * {@code bench/results/search.json}.
 *
 * <p>{@link #measureQueries} is the reusable part: given any running Incrowd and a signed-in session cookie, it runs
 * the query mix for a while and returns the latency percentiles (e.g. while {@code bench live} runs).
 */
public final class SearchBenchmark {

    static final Path RESULTS = Path.of("bench/results/search.json");
    private static final int POSTS = 120_000;
    private static final int BATCH = 1_000;
    private static final int VECTOR_POOL = 4_000;
    private static final int CLIENTS = 4;
    private static final int WRITES_PER_SECOND = 10;
    private static final Duration WARM_UP = Duration.ofSeconds(10);
    private static final Duration PHASE = Duration.ofSeconds(30);
    private static final long SEED = 42;
    private static final long FIRST_BENCH_ID = 100_000_000L;
    private static final List<String> TAGS = List.of("cost", "safety", "health", "cards", "travel", "school", "law");
    private static final List<String> COUNTRIES = List.of("DE", "FR", "ES", "GB", "US", "CN", "IN", "BR");

    private SearchBenchmark() {}

    public static void main(String[] args) throws Exception {
        List<String> corpus = corpus(Path.of("../shared/data"));
        Path data = Files.createTempDirectory("incrowd-search-bench-");
        String[] app = {"--server.port=0", "--incrowd.data-dir=" + data, "--incrowd.demo=true",
                "--incrowd.opinions.debounce-ms=3600000", "--logging.level.root=WARN", "--logging.file.name=",
                "--incrowd.posting.per-minute=1000000",
                // its clients search as one person, far above a person's allowance
                "--incrowd.search.per-person.at-once=1000", "--incrowd.search.per-person.per-minute=100000000"};
        var results = new LinkedHashMap<String, Object>();
        try {
            Jam jam;
            List<Forum> forums;
            List<float[]> vectorPool;
            try (var first = start(app)) {
                var encoder = first.getBean(org.incrowd.meaning.PostVectors.class).encoder();
                String loadBeforeRecall = loadAverage();
                var argkp = SimilarIdeasRecall.measure(SimilarIdeasRecall.argkp(Path.of("../shared/data/argkp"), 1),
                        encoder);
                var banking = SimilarIdeasRecall.measure(
                        SimilarIdeasRecall.banking77(Path.of("../shared/data/banking77"), 3), encoder);
                System.out.println("Similar ideas, ArgKP: " + argkp.asMap() + "; Banking77: " + banking.asMap());
                var recall = new LinkedHashMap<String, Object>();
                recall.put("argkp", argkp.asMap());
                recall.put("banking77_every_3rd_message", banking.asMap());
                recall.put("model", encoder.model());
                recall.put("load_average_before", loadBeforeRecall);
                recall.put("load_average_after", loadAverage());
                results.put("similar_ideas", recall);
                if (List.of(args).contains("--recall-only")) {
                    BenchResults.merge(RESULTS, results);
                    System.out.println("wrote " + RESULTS);
                    return;
                }
                vectorPool = encoder.encodeAll(corpus.subList(0, Math.min(VECTOR_POOL, corpus.size())));
                var jams = first.getBean(JamService.class);
                var admin = first.getBean(IdentityService.class).findByEmail("admin@demo.incrowd.example")
                        .orElseThrow().asActor();
                jam = jams.visibleTo(admin).stream().filter(j -> j.phase(jams.now()) == JamPhase.LIVE).findFirst()
                        .orElseThrow();
                forums = jams.forums(admin, jam.id());
            }
            double rate = indexCorpus(data.resolve("search-index"), corpus, jam, forums, vectorPool);
            System.out.printf("Indexed %,d posts at %,.0f posts/s%n", POSTS, rate);
            var queries = queryMix(corpus, forums, 2_000);
            measureIndexOnly(data.resolve("search-index"), queries, jam.id(), WARM_UP);
            var indexOnly = measureIndexOnly(data.resolve("search-index"), queries, jam.id(), PHASE);
            System.out.println("Index alone, one thread: " + indexOnly);

            try (var second = start(app)) {
                int port = ((WebServerApplicationContext) second).getWebServer().getPort();
                var base = URI.create("http://localhost:" + port);
                String cookie = sessionCookie(PageLatencyBenchmark.signedIn(port, "participant@demo.incrowd.example",
                        "demo-participant-password"));
                var written = new AtomicLong();
                var writing = new AtomicBoolean(true);
                var writer = Thread.ofPlatform().name("bench-writer").start(() -> write(second, forums, corpus,
                        writing, written));
                String loadBefore = loadAverage();
                measureQueries(base, cookie, queries, CLIENTS, WARM_UP);
                long writtenBefore = written.get();
                var search = measureQueries(base, cookie, queries, CLIENTS, PHASE);
                long writtenDuring = written.get() - writtenBefore;
                String loadAfter = loadAverage();
                writing.set(false);
                writer.join();
                System.out.println("Search while posting: " + search + ", " + writtenDuring + " posts written");

                results.put("search_p50_ms", search.p50());
                results.put("search_p95_ms", search.p95());
                results.put("search_p99_ms", search.p99());
                results.put("indexing_posts_per_s", Math.round(rate));
                var detail = new LinkedHashMap<String, Object>();
                detail.put("posts_in_index", POSTS);
                detail.put("clients", CLIENTS);
                detail.put("phase_seconds", PHASE.toSeconds());
                detail.put("page", "/search (full HTML page, signed in; best match is hybrid: words and meaning, "
                        + "each query encoded by the application)");
                detail.put("vectors", VECTOR_POOL + " real corpus vectors, each post one of them moved a little");
                detail.put("posts_written_during_phase", writtenDuring);
                detail.put("latency", search.asMap());
                detail.put("index_only_one_thread_no_writer", indexOnly.asMap());
                detail.put("load_average_before", loadBefore);
                detail.put("load_average_after", loadAfter);
                detail.put("cores", Runtime.getRuntime().availableProcessors());
                detail.put("java", System.getProperty("java.version"));
                detail.put("measured_at", Instant.now().toString());
                results.put("search_detail", detail);
            }
            BenchResults.merge(RESULTS, results);
            System.out.println("wrote " + RESULTS);
        } finally {
            try (var files = Files.walk(data)) {
                files.sorted(Collections.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /**
     * Runs {@code queries} (query strings of {@code /search}) in a closed loop from {@code clients} clients for
     * {@code duration} against a running Incrowd, signed in by {@code sessionCookie} ("JSESSIONID=..."), and returns
     * the latencies; any answer but 200 counts as an error.
     */
    public static Latencies measureQueries(URI base, String sessionCookie, List<MixQuery> queries, int clients,
                                           Duration duration) throws InterruptedException {
        var http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        long end = System.nanoTime() + duration.toNanos();
        var samples = Collections.synchronizedList(new ArrayList<Double>());
        var errors = new AtomicLong();
        var threads = new ArrayList<Thread>();
        for (int c = 0; c < clients; c++) {
            int offset = c * 7919;
            threads.add(Thread.ofVirtual().start(() -> {
                for (int next = offset; System.nanoTime() < end; next++) {
                    var request = HttpRequest.newBuilder(base.resolve("/search?" + queries.get(next % queries.size()).urlQuery()))
                            .header("Cookie", sessionCookie).build();
                    long started = System.nanoTime();
                    try {
                        int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                        samples.add((System.nanoTime() - started) / 1e6);
                        if (status != 200) {
                            errors.incrementAndGet();
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                }
            }));
        }
        for (var thread : threads) {
            thread.join();
        }
        return Latencies.of(samples, errors.get());
    }

    /** One search of the mix: words, perhaps a forum, perhaps newest first. */
    record MixQuery(String words, Long forum, boolean newest) {

        /** As the query string of {@code /search}. */
        String urlQuery() {
            return "q=" + encode(words) + (forum == null ? "" : "&forum=" + forum) + (newest ? "&sort=newest" : "");
        }

        SearchQuery toQuery(Set<Long> jams) {
            return new SearchQuery(words, jams, null, forum, null, null, null, null, null, null, false,
                    newest ? SearchQuery.Order.NEWEST : SearchQuery.Order.RELEVANCE, 0, SearchForm.PAGE_SIZE);
        }
    }

    /**
     * A fixed mix of what people type, from the corpus's own words: one word (40 %), two neighbouring words (25 %),
     * a phrase (10 %), a word within a forum (15 %), a word newest first (10 %; 25 % when no forums are given).
     */
    static List<MixQuery> queryMix(List<String> corpus, List<Forum> forums, int count) {
        var random = new SplittableRandom(SEED);
        var queries = new ArrayList<MixQuery>(count);
        while (queries.size() < count) {
            String[] words = corpus.get(random.nextInt(corpus.size())).toLowerCase().split("[^\\p{L}]+");
            var usable = java.util.Arrays.stream(words).filter(w -> w.length() >= 4).toList();
            if (usable.size() < 2) {
                continue;
            }
            int at = random.nextInt(usable.size() - 1);
            String one = usable.get(at);
            String two = one + " " + usable.get(at + 1);
            int kind = random.nextInt(100);
            queries.add(kind < 40 ? new MixQuery(one, null, false)
                    : kind < 65 ? new MixQuery(two, null, false)
                    : kind < 75 ? new MixQuery("\"" + two + "\"", null, false)
                    : kind < 90 && !forums.isEmpty() ? new MixQuery(one, forums.get(random.nextInt(forums.size())).id(), false)
                    : new MixQuery(one, null, true));
        }
        return queries;
    }

    /** The same mix straight against the index, one thread: what Lucene costs without the page around it. */
    private static Latencies measureIndexOnly(Path folder, List<MixQuery> queries, long jamId, Duration duration) {
        try (var index = PostIndex.open(folder)) {
            var samples = new ArrayList<Double>();
            long end = System.nanoTime() + duration.toNanos();
            for (int next = 0; System.nanoTime() < end; next++) {
                var query = queries.get(next % queries.size()).toQuery(Set.of(jamId));
                long started = System.nanoTime();
                index.search(query);
                samples.add((System.nanoTime() - started) / 1e6);
            }
            return Latencies.of(samples, 0);
        }
    }

    /** Adds the corpus, varied up to {@link #POSTS} posts, to the index in {@code folder}; returns posts per second. */
    private static double indexCorpus(Path folder, List<String> corpus, Jam jam, List<Forum> forums,
                                      List<float[]> vectorPool) {
        var texts = ThemesBenchmark.perturbed(corpus, POSTS, SEED);
        var random = new SplittableRandom(SEED);
        var detection = new LanguageDetection(Language.ENGLISH);
        var types = ParticipantType.values();
        Instant now = Instant.now();
        try (var index = PostIndex.open(folder)) {
            var progress = index.committedProgress();
            long started = System.nanoTime();
            var batch = new ArrayList<IndexedPost>(BATCH);
            for (int i = 0; i < POSTS; i++) {
                String text = texts.get(i).text();
                long id = FIRST_BENCH_ID + i;
                boolean idea = i % 4 == 0;
                var forum = forums.get(random.nextInt(forums.size()));
                batch.add(new IndexedPost(id, jam.id(), forum.id(), idea ? id : id - 1 - random.nextInt(3), idea,
                        idea ? title(text) : null, text, detection.detect(text),
                        List.of(TAGS.get(random.nextInt(TAGS.size()))), types[random.nextInt(types.length)].name(),
                        COUNTRIES.get(random.nextInt(COUNTRIES.size())), JamPhase.LIVE.name(),
                        now.minusSeconds(random.nextInt(72 * 3600)), near(vectorPool.get(i % vectorPool.size()),
                        random)));
                if (batch.size() == BATCH) {
                    index.add(batch);
                    index.refresh(); // as the feed does after each batch
                    batch.clear();
                }
            }
            index.add(batch);
            index.refresh();
            index.commit(progress);
            return POSTS / ((System.nanoTime() - started) / 1e9);
        }
    }

    /**
     * A vector near a real sentence vector: the index needs {@value #POSTS} vectors, encoding them all would take
     * minutes, and a graph of many identical vectors would be easier to search than real ones, so each post gets one
     * of {@value #VECTOR_POOL} real vectors of the corpus moved a little at random (the query vectors are real).
     */
    private static float[] near(float[] vector, SplittableRandom random) {
        float[] moved = new float[vector.length];
        for (int i = 0; i < vector.length; i++) {
            moved[i] = vector[i] + (float) ((random.nextDouble() - 0.5) * 0.05);
        }
        return org.incrowd.meaning.Vectors.unit(moved);
    }

    /** New ideas through the application's service, as fast as {@link #WRITES_PER_SECOND} allows. */
    private static void write(ConfigurableApplicationContext app, List<Forum> forums, List<String> corpus,
                              AtomicBoolean writing, AtomicLong written) {
        var discussion = app.getBean(Posting.class);
        var admin = app.getBean(IdentityService.class).findByEmail("admin@demo.incrowd.example").orElseThrow()
                .asActor();
        var terms = app.getBean(Terms.class);
        var random = new SplittableRandom(SEED + 1);
        long pause = 1_000 / WRITES_PER_SECOND;
        while (writing.get()) {
            String text = corpus.get(random.nextInt(corpus.size()));
            try {
                try {
                    discussion.startThread(admin, forums.get(random.nextInt(forums.size())).id(),
                            new PostDraft(title(text), text, ""));
                    written.incrementAndGet();
                } catch (TermsNotAccepted asked) {
                    // The demo Jam asks for its terms before a first post, as it asks every person.
                    terms.accept(admin, asked.current().scope(), asked.current().version());
                } catch (RuntimeException e) {
                    System.err.println("writer: " + e);
                }
                Thread.sleep(pause); // also after a failure: a writer failing in a loop would take a core
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    static List<String> corpus(Path data) throws java.io.IOException {
        var texts = new ArrayList<String>();
        for (String file : List.of("argkp/arguments_train.csv", "argkp/arguments_dev.csv")) {
            ThemesBenchmark.csv(data.resolve(file)).forEach(row -> texts.add(row.get(1)));
        }
        ThemesBenchmark.csv(data.resolve("banking77/train.csv")).forEach(row -> texts.add(row.get(0)));
        return texts;
    }

    private static String title(String text) {
        String firstWords = text.length() > 80 ? text.substring(0, 80) : text;
        return firstWords.isBlank() ? "Idea" : firstWords.strip();
    }

    private static ConfigurableApplicationContext start(String[] args) {
        return new SpringApplicationBuilder(IncrowdApplication.class).run(args);
    }

    private static String sessionCookie(HttpClient signedIn) {
        var cookies = (CookieManager) signedIn.cookieHandler().orElseThrow();
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("JSESSIONID"))
                .map(HttpCookie::toString).findFirst().orElseThrow();
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
