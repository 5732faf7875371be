package org.incrowd.bench;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * A measurement that runs against the live benchmark's server while its steady load runs (for instance search query
 * latency "while the live benchmark runs"). Named with {@code ./incrowd bench live --task <class>}; the class needs a
 * public no-argument constructor. What it returns goes into {@code bench/results/live.json} under its class name.
 */
public interface SteadyPhaseTask {

    /**
     * @param base          the server, e.g. {@code http://127.0.0.1:41234}
     * @param authorization an {@code Authorization} header value (a demo participant's API token)
     * @param cookie        a signed-in session cookie of the same person, for pages
     * @param length        how long the steady phase lasts; return before it ends
     */
    Map<String, Object> run(URI base, String authorization, String cookie, Duration length) throws Exception;
}
