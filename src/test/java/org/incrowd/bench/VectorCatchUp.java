package org.incrowd.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * How long a starting node took to encode the posts it found without vectors, read from the line its encoder logs
 * when done ("Post vectors: N posts encoded at start-up in M ms"), in the newest server log of a data folder.
 */
final class VectorCatchUp {

    private static final Pattern DONE = Pattern.compile("Post vectors: (\\d+) posts encoded at start-up in (\\d+) ms");
    private static final Pattern SO_FAR = Pattern.compile("Post vectors: (\\d+) posts encoded since start-up");

    private VectorCatchUp() {
    }

    /** Waits up to {@code limit} after {@code startNanos} for the line; reports how far it got if it never came. */
    static Map<String, Object> awaitIn(Path data, long startNanos, Duration limit) throws Exception {
        var result = new LinkedHashMap<String, Object>();
        long deadline = startNanos + limit.toNanos();
        while (System.nanoTime() < deadline) {
            String log = Files.readString(newestLog(data));
            var done = DONE.matcher(log);
            if (done.find()) {
                long posts = Long.parseLong(done.group(1));
                double seconds = Long.parseLong(done.group(2)) / 1000.0;
                result.put("posts", posts);
                result.put("seconds", seconds);
                result.put("posts_per_second", Math.round(posts / seconds));
                return result;
            }
            Thread.sleep(1_000);
        }
        var soFar = SO_FAR.matcher(Files.readString(newestLog(data)));
        long last = 0;
        while (soFar.find()) {
            last = Long.parseLong(soFar.group(1));
        }
        result.put("not_done_after_seconds", limit.toSeconds());
        result.put("posts_so_far", last);
        return result;
    }

    private static Path newestLog(Path data) throws IOException {
        try (Stream<Path> files = Files.list(data)) {
            return files.filter(file -> file.getFileName().toString().matches("server-\\d+\\.log"))
                    .max(Comparator.comparing(file -> file.getFileName().toString())).orElseThrow();
        }
    }
}
