package org.incrowd.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one place benchmark results are written. Each benchmark owns some keys of a results file and overwrites only
 * those, so that several benchmarks (the algorithm's, the page load driver's) can fill the same file.
 */
public final class BenchResults {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private BenchResults() {}

    /** Sets {@code values}' keys in the JSON object in {@code file} (created if missing), keeping the others. */
    public static void merge(Path file, Map<String, ?> values) {
        try {
            ObjectNode root = Files.exists(file) ? (ObjectNode) JSON.readTree(file) : JSON.createObjectNode();
            values.forEach((key, value) -> root.set(key, JSON.valueToTree(value)));
            Files.createDirectories(file.toAbsolutePath().getParent());
            JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), root);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("Cannot write " + file, e);
        }
    }
}
