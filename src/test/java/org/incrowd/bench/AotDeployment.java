package org.incrowd.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The server as a node is deployed for fast restarts: the extracted jar that {@code ./incrowd} runs a node from
 * ({@link ServerProcess#APP_JAR}) started with the JVM's ahead-of-time cache ({@code -XX:AOTCache}, JDK 24+) made by
 * one training start of that same jar. A start spends most of its time loading, linking and initialising classes (the
 * context's bean definitions, Jetty, Spring Security, Lucene); the cache holds them already loaded and linked, so a
 * restarted node is ready in about half the time (ADR 50, "Starting faster"); nested jars cannot be cached. Made once
 * per extraction and kept in {@code target/aot/}; the training start runs on a data folder of its own and ends once
 * the application context is refreshed.
 */
record AotDeployment(Path jar, List<String> jvmOptions) {

    private static final Duration TRAINING_TIMEOUT = Duration.ofMinutes(15); // minutes on a loaded machine

    /** The jar as it is ({@code --no-aot-cache}): every start loads every class again. */
    static AotDeployment plain(Path jar) {
        return new AotDeployment(jar, List.of());
    }

    /** The extracted jar and its cache, made now unless this very extraction already has one. */
    static AotDeployment of(Path extracted) throws IOException, InterruptedException {
        Path folder = extracted.toAbsolutePath().getParent().resolveSibling("aot");
        Path cache = folder.resolve("incrowd.aot");
        Path madeFrom = folder.resolve("made-from");
        Path log = folder.resolveSibling("aot-training.log");
        String stamp = Files.getLastModifiedTime(extracted).toMillis() + " " + Files.size(extracted) + " "
                + Files.readString(ServerProcess.NODE_OPTIONS).hashCode(); // options changed: made again
        if (!(Files.exists(cache) && Files.exists(madeFrom) && Files.readString(madeFrom).equals(stamp))) {
            System.out.println("Preparing the server's AOT cache (once per built jar)...");
            delete(folder);
            Files.createDirectories(folder);
            Path data = Files.createTempDirectory("incrowd-aot-training-");
            try {
                // The node's options as it will run: a cache made under other module options is not used.
                java(log, List.of("@" + ServerProcess.NODE_OPTIONS.toAbsolutePath(),
                        "-XX:AOTCacheOutput=" + cache.toAbsolutePath(),
                        "-Dspring.context.exit=onRefresh", "-jar", extracted.toAbsolutePath().toString(),
                        "--server.port=0", "--incrowd.data-dir=" + data, "--logging.level.root=WARN"));
            } finally {
                delete(data);
            }
            if (!Files.exists(cache)) {
                throw new IllegalStateException("The training start made no AOT cache; see " + log);
            }
            Files.writeString(madeFrom, stamp);
        }
        return new AotDeployment(extracted, List.of("-XX:AOTCache=" + cache.toAbsolutePath()));
    }

    private static void java(Path log, List<String> arguments) throws IOException, InterruptedException {
        var command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(arguments);
        var process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        if (!process.waitFor(TRAINING_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("Preparing the AOT cache took over " + TRAINING_TIMEOUT);
        }
    }

    private static void delete(Path folder) throws IOException {
        if (Files.exists(folder)) {
            try (var files = Files.walk(folder)) {
                files.sorted(Collections.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }
}
