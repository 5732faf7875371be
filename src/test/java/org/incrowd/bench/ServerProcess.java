package org.incrowd.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Incrowd as a separate JVM ({@code java @config/jvm.options -jar target/app/incrowd.jar}), so that its resident memory
 * and CPU time are its own and can be read from {@code /proc}. Restartable on the same data folder and port, as a node
 * restart would be.
 */
final class ServerProcess implements AutoCloseable {

    /** The extracted jar that {@code ./incrowd} runs a node from (made by its {@code app_jar}). */
    static final Path APP_JAR = Path.of("target", "app", "incrowd.jar");

    private static final long CLOCK_TICKS_PER_SECOND = 100; // USER_HZ on Linux
    private static final Duration START_TIMEOUT = Duration.ofMinutes(4);
    /** A node's JVM options, as {@code ./incrowd run} passes them; the benchmark's own come after and win. */
    static final Path NODE_OPTIONS = Path.of("config", "jvm.options");

    private final Path jar;
    private final Path data;
    private final int port;
    private final String heap;
    private final List<String> extraArgs;
    private final List<String> jvmOptions;
    private Process process;

    ServerProcess(Path jar, Path data, int port, String heap, List<String> extraArgs) {
        this(jar, data, port, heap, List.of(), extraArgs);
    }

    /** {@code jvmOptions} go to the server's JVM (a collector, a flight recording), before {@code -jar}. */
    ServerProcess(Path jar, Path data, int port, String heap, List<String> jvmOptions, List<String> extraArgs) {
        this.jar = jar;
        this.data = data;
        this.port = port;
        this.heap = heap;
        this.jvmOptions = jvmOptions;
        this.extraArgs = extraArgs;
    }

    int port() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    /** Starts the server and waits until it answers its readiness probe. */
    void start() throws IOException, InterruptedException {
        var command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "@" + NODE_OPTIONS.toAbsolutePath(), "-Xmx" + heap));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString(),
                "--server.port=" + port, "--incrowd.data-dir=" + data, "--incrowd.demo=true",
                "--logging.level.root=WARN"));
        command.addAll(extraArgs);
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(data.resolve("server-" + System.currentTimeMillis() + ".log").toFile()).start();
        // A benchmark stopped from outside (Ctrl-C, a time limit) takes its server with it.
        var started = process;
        Runtime.getRuntime().addShutdownHook(new Thread(started::destroyForcibly));
        var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The server stopped while starting; see " + data);
            }
            try {
                var answer = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/actuator/health/readiness")).build(), HttpResponse.BodyHandlers.discarding());
                if (answer.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("The server did not become ready within " + START_TIMEOUT);
    }

    /** Kills the JVM at once, as a crashed or replaced node goes: its connections drop without a goodbye. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** CPU time (user + system) the server has used so far, in seconds. */
    double cpuSeconds() throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / (double) CLOCK_TICKS_PER_SECOND;
    }

    /** Resident memory now ({@code VmRSS}) or at its peak ({@code VmHWM}), in MiB. */
    long memoryMb(String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
            if (line.startsWith(field + ":")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        }
        throw new IllegalStateException(field + " not in /proc status");
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
