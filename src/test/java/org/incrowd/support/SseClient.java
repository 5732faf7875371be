package org.incrowd.support;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** A Server-Sent Events client for tests: connects with a bearer token, parses events, hands them out in order. */
public final class SseClient implements AutoCloseable {

    public record Event(String id, String type, String data) {
    }

    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final HttpClient http = HttpClient.newHttpClient();
    private final int status;
    private final java.net.http.HttpHeaders headers;
    private final Thread reader;
    private final String text;
    private volatile java.io.InputStream body;
    /** The stream's {@code retry:} field: how many milliseconds the browser waits before it comes back. */
    private final CompletableFuture<Long> retry = new CompletableFuture<>();

    public SseClient(String url, String token, String lastEventId) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream")
                .header("Authorization", "Bearer " + token);
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        var response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        status = response.statusCode();
        headers = response.headers();
        body = response.body();
        if (status == 200) {
            text = null;
            reader = Thread.ofVirtual().start(this::read);
        } else {
            text = new String(body.readAllBytes(), StandardCharsets.UTF_8);
            reader = null;
        }
    }

    /** The body of a refusal (a stream that did not open), to check what it says. */
    public String text() {
        return text;
    }

    public int status() {
        return status;
    }

    /** A header of the stream's response, or null. */
    public String header(String name) {
        return headers.firstValue(name).orElse(null);
    }

    private void read() {
        try (var lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String id = null;
            String type = "message";
            var data = new StringBuilder();
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isEmpty()) {
                    if (!data.isEmpty()) {
                        events.add(new Event(id, type, data.toString()));
                    }
                    id = null;
                    type = "message";
                    data.setLength(0);
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).strip();
                } else if (line.startsWith("event:")) {
                    type = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5).strip());
                } else if (line.startsWith("retry:")) {
                    retry.complete(Long.parseLong(line.substring(6).strip()));
                }
            }
        } catch (Exception closed) {
            // the test closed the stream, or the server ended it
        }
    }

    /**
     * Whether the stream has ended (or never opened): a browser's EventSource then comes back with the id of the last
     * event it had, unless the answer was an error status. Events read before the end may still be waiting in
     * {@link #next}.
     */
    public boolean ended() {
        return reader == null || !reader.isAlive();
    }

    /** The delay the server asked the browser to wait before coming back, in milliseconds; null if none came. */
    public Long retryMillis(Duration timeout) throws InterruptedException {
        try {
            return retry.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException none) {
            return null;
        }
    }

    /** The next event, or null when none comes within the timeout. */
    public Event next(Duration timeout) throws InterruptedException {
        return events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The next {@code count} events of the given type (others are skipped). */
    public List<Event> next(int count, String type, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        var found = new ArrayList<Event>();
        while (found.size() < count) {
            long left = deadline - System.nanoTime();
            var event = left > 0 ? events.poll(left, TimeUnit.NANOSECONDS) : null;
            if (event == null) {
                break;
            }
            if (event.type().equals(type)) {
                found.add(event);
            }
        }
        return found;
    }

    @Override
    public void close() throws Exception {
        if (reader != null) {
            reader.interrupt();
        }
        body.close();
        http.shutdownNow();
    }
}
