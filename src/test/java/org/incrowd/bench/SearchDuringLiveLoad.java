package org.incrowd.bench;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Search latency while the live benchmark's streams and writer run: {@code ./incrowd bench live --task
 * org.incrowd.bench.SearchDuringLiveLoad}. The server is the live benchmark's (its demo content, plus what the writer
 * posts), searched through the full {@code /search} page by two clients with the search benchmark's query mix.
 */
public final class SearchDuringLiveLoad implements SteadyPhaseTask {

    private static final int CLIENTS = 2;
    /** Leaves the end of the phase to the live measurement alone. */
    private static final Duration MARGIN = Duration.ofSeconds(5);

    @Override
    public Map<String, Object> run(URI base, String authorization, String cookie, Duration length) throws Exception {
        var queries = SearchBenchmark.queryMix(SearchBenchmark.corpus(Path.of("../shared/data")), List.of(), 500);
        var latencies = SearchBenchmark.measureQueries(base, cookie, queries, CLIENTS, length.minus(MARGIN));
        var result = new LinkedHashMap<String, Object>();
        result.put("clients", CLIENTS);
        result.put("page", "/search (full HTML page, signed in)");
        result.put("latency", latencies.asMap());
        return result;
    }
}
