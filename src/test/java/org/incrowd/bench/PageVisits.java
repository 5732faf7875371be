package org.incrowd.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Readers of the replay's pages: a few page views a second (the Jam home, a forum, a thread, taking turns) and a few
 * searches, signed in with a token, each timed from request to full answer. An open loop like the writers'.
 */
final class PageVisits {

    /** One answered request: its kind ("page", "search"), when it went out and came back (System.nanoTime). */
    record Visit(String what, long startNanos, long endNanos) {
        double millis() {
            return (endNanos - startNanos) / 1e6;
        }
    }

    private static final List<String> WORDS = List.of("idea", "replay", "safety", "training", "customer", "energy",
            "travel", "office", "learning", "service");

    private static final int SLOTS = 16;

    private final URI base;
    private final String authorization;
    private final List<String> pages;
    private final double pagesPerSecond;
    private final double searchesPerSecond;
    private final ClientErrors errors;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final ConcurrentLinkedQueue<Visit> visits = new ConcurrentLinkedQueue<>();
    private final Semaphore slots = new Semaphore(SLOTS);
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicLong notSent = new AtomicLong();
    private final List<Thread> threads = new ArrayList<>();

    PageVisits(URI base, String authorization, List<String> pages, double pagesPerSecond, double searchesPerSecond,
               ClientErrors errors) {
        this.base = base;
        this.authorization = authorization;
        this.pages = pages;
        this.pagesPerSecond = pagesPerSecond;
        this.searchesPerSecond = searchesPerSecond;
        this.errors = errors;
    }

    void start() {
        running.set(true);
        threads.add(Thread.ofPlatform().name("jam-pages").daemon().start(() -> OpenLoop.atRate(pagesPerSecond,
                running, tick -> visit("page", pages.get((int) (tick % pages.size()))))));
        threads.add(Thread.ofPlatform().name("jam-searches").daemon().start(() -> OpenLoop.atRate(searchesPerSecond,
                running, tick -> visit("search", "/search?q=" + URLEncoder.encode(WORDS.get((int) (tick % WORDS.size())),
                        StandardCharsets.UTF_8)))));
    }

    void stop() throws InterruptedException {
        running.set(false);
        for (var thread : threads) {
            thread.join();
        }
        slots.acquire(SLOTS);
    }

    List<Visit> visits() {
        return List.copyOf(visits);
    }

    long notSent() {
        return notSent.get();
    }

    /** Whether {@code path} answers 200 now (the fault injector's probe); not recorded as a visit. */
    boolean answers(String path) {
        try {
            return http.send(request(path), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (java.io.IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Latency percentiles of the answered visits of one kind outside the fault windows. */
    Map<String, Object> latencies(String what, FaultWindows windows) {
        var millis = new ArrayList<Double>();
        long inside = 0;
        for (var visit : visits) {
            if (visit.what().equals(what)) {
                if (windows.overlaps(visit.startNanos(), visit.endNanos())) {
                    inside++;
                } else {
                    millis.add(visit.millis());
                }
            }
        }
        var map = new LinkedHashMap<String, Object>();
        map.put("answered_outside_fault_windows", millis.size());
        map.put("answered_inside_fault_windows", inside);
        map.putAll(Percentiles.of(millis));
        return map;
    }

    private void visit(String what, String path) {
        if (!slots.tryAcquire()) {
            notSent.incrementAndGet();
            return;
        }
        long start = System.nanoTime();
        http.sendAsync(request(path), HttpResponse.BodyHandlers.discarding()).whenComplete((answer, failure) -> {
            slots.release();
            if (failure != null) {
                errors.failed(what, failure);
            } else if (answer.statusCode() != 200) {
                errors.answered(what, answer.statusCode(), "");
            } else {
                visits.add(new Visit(what, start, System.nanoTime()));
            }
        });
    }

    private HttpRequest request(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).header("Authorization", authorization)
                .timeout(Duration.ofSeconds(10)).build();
    }
}
