package org.incrowd.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.json.JsonMapper;

/**
 * The replay's writing crowd: many people, each with their own API token, post ideas and replies and react to the
 * posts others wrote, at fixed rates (an open loop: requests go out on schedule whatever the answers' speed, up to a
 * bound of requests in flight, beyond which a tick is counted as not sent rather than queued).
 *
 * <p>A write that fails (refused connection, dropped answer, 5xx) is retried after a second with the same content, as
 * a careful client would; the API has no idempotency key, so a post whose first attempt was stored but whose answer
 * was lost is stored twice. The {@link WriteLedger} counts that. A reaction cannot be stored twice (one per person and
 * post); a retry answered 409 "already" means an earlier attempt was stored, and counts as acknowledged.
 */
final class JamWriters {

    /** A signed-in person of the crowd: their id and the Authorization header their requests carry. */
    /** {@code employee}: may answer help questions. */
    record Person(long id, String authorization, boolean employee) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration RETRY_AFTER = Duration.ofSeconds(1);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    /**
     * Requests in flight at most, as a crowd's browsers would have: enough for the target rates at tens of
     * milliseconds an answer, few enough not to bury a struggling server under its own queue.
     */
    private static final int POST_SLOTS = 32;
    private static final int REACTION_SLOTS = 64;

    private final URI base;
    private final List<Person> people;
    private final List<Long> forums;
    private final List<Long> threads;
    /** Threads that only employees answer, and the employees' places in {@code people}. */
    private final Set<Long> helpQuestions;
    private final List<Integer> employees = new ArrayList<>();
    private final double postsPerSecond;
    private final double reactionsPerSecond;
    private final WriteLedger ledger;
    private final ClientErrors errors;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor();
    private final Semaphore postSlots = new Semaphore(POST_SLOTS);
    private final Semaphore reactionSlots = new Semaphore(REACTION_SLOTS);
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean retrying = new AtomicBoolean(true);
    /** Posts to react to, in the order they were acknowledged: {id, index of the author in people}. */
    private final List<long[]> reactable = new ArrayList<>();
    private final int[] cursor;
    private final AtomicLong postAttempts = new AtomicLong();
    private final AtomicLong reactionAttempts = new AtomicLong();
    private final AtomicLong postRetries = new AtomicLong();
    private final AtomicLong reactionRetries = new AtomicLong();
    private final AtomicLong reactionsAcknowledgedBy409 = new AtomicLong();
    private final AtomicLong notSent = new AtomicLong();
    private final AtomicLong nothingToReactTo = new AtomicLong();
    private final AtomicLong givenUp = new AtomicLong();
    private Thread posting;
    private Thread reacting;

    JamWriters(URI base, List<Person> people, List<Long> forums, List<Long> threads, Set<Long> helpQuestions,
               double postsPerSecond,
               double reactionsPerSecond, WriteLedger ledger, ClientErrors errors) {
        this.base = base;
        this.people = people;
        this.forums = forums;
        this.threads = threads;
        this.helpQuestions = helpQuestions;
        for (int i = 0; i < people.size(); i++) {
            if (people.get(i).employee()) {
                employees.add(i);
            }
        }
        this.postsPerSecond = postsPerSecond;
        this.reactionsPerSecond = reactionsPerSecond;
        this.ledger = ledger;
        this.errors = errors;
        this.cursor = new int[people.size()];
    }

    void start() {
        running.set(true);
        posting = Thread.ofPlatform().name("jam-posts").daemon()
                .start(() -> OpenLoop.atRate(postsPerSecond, running, this::post));
        reacting = Thread.ofPlatform().name("jam-reactions").daemon()
                .start(() -> OpenLoop.atRate(reactionsPerSecond, running, this::react));
    }

    /** Stops new writes, lets retries go on for {@code settle}, then waits for every answer. */
    void stop(Duration settle) throws InterruptedException {
        running.set(false);
        posting.join();
        reacting.join();
        Thread.sleep(settle);
        retrying.set(false);
        retries.shutdown();
        retries.awaitTermination(30, TimeUnit.SECONDS);
        postSlots.acquire(POST_SLOTS);
        reactionSlots.acquire(REACTION_SLOTS);
    }

    java.util.Map<String, Object> counts() {
        var map = new java.util.LinkedHashMap<String, Object>();
        map.put("people", people.size());
        map.put("post_attempts", postAttempts.get());
        map.put("post_retries", postRetries.get());
        map.put("reaction_attempts", reactionAttempts.get());
        map.put("reaction_retries", reactionRetries.get());
        map.put("reactions_acknowledged_by_409_on_retry", reactionsAcknowledgedBy409.get());
        map.put("ticks_not_sent_generator_saturated", notSent.get());
        map.put("reaction_ticks_with_no_new_post_to_react_to", nothingToReactTo.get());
        map.put("writes_given_up_at_end", givenUp.get());
        return map;
    }


    private void post(long tick) {
        int author = (int) (tick % people.size());
        long nonce = ledger.nextNonce();
        String path;
        String body;
        if (tick % 2 == 0) {
            path = "/api/v1/forums/" + forums.get((int) (tick / 2 % forums.size())) + "/threads";
            body = "{\"title\":\"Replay idea " + tick + "\",\"body\":\"" + WriteLedger.body(nonce,
                    "An idea from the Jam replay.") + "\"}";
        } else {
            long thread = threads.get((int) (tick / 2 % threads.size()));
            if (helpQuestions.contains(thread) && !employees.isEmpty()) {
                author = employees.get((int) (tick % employees.size()));
            }
            path = "/api/v1/posts/" + thread + "/replies";
            body = "{\"body\":\"" + WriteLedger.body(nonce, "A reply from the Jam replay.") + "\"}";
        }
        if (!postSlots.tryAcquire()) {
            notSent.incrementAndGet();
            return;
        }
        sendPost(author, nonce, path, body, 1);
    }

    private void sendPost(int author, long nonce, String path, String body, int attempt) {
        postAttempts.incrementAndGet();
        long sent = System.nanoTime();
        // A retry carries the first attempt's key: a post whose answer was lost is not written a second time.
        send(people.get(author), HttpRequest.newBuilder(base.resolve(path)).header("Idempotency-Key", "replay-" + nonce)
                .POST(HttpRequest.BodyPublishers.ofString(body))).whenComplete((answer, failure) -> {
                    try {
                        if (failure == null && answer.statusCode() == 201) {
                            var post = JSON.readTree(answer.body());
                            long id = post.get("id").asLong();
                            ledger.acknowledged(new WriteLedger.Post(nonce, id, post.get("forumId").asLong(),
                                    post.get("threadId").asLong(), sent, System.nanoTime(), attempt));
                            synchronized (reactable) {
                                reactable.add(new long[] {id, author});
                            }
                            postSlots.release();
                            return;
                        }
                        record(failure, answer, "post");
                    } catch (RuntimeException e) {
                        errors.failed("post", e);
                    }
                    retry(failure, answer, postSlots, postRetries, () -> sendPost(author, nonce, path, body, attempt + 1));
                });
    }

    /** Each person works through the acknowledged posts in order, skipping their own: one reaction per post. */
    private void react(long tick) {
        int person = (int) (tick % people.size());
        long[] post;
        synchronized (reactable) {
            while (cursor[person] < reactable.size() && reactable.get(cursor[person])[1] == person) {
                cursor[person]++;
            }
            if (cursor[person] >= reactable.size()) {
                nothingToReactTo.incrementAndGet();
                return;
            }
            post = reactable.get(cursor[person]);
        }
        if (!reactionSlots.tryAcquire()) {
            notSent.incrementAndGet();
            return;
        }
        cursor[person]++;
        String kind = (person + post[0]) % 2 == 0 ? "AGREE" : "DISAGREE";
        sendReaction(person, post[0], kind, 1);
    }

    private void sendReaction(int person, long postId, String kind, int attempt) {
        reactionAttempts.incrementAndGet();
        send(people.get(person), HttpRequest.newBuilder(base.resolve("/api/v1/posts/" + postId + "/reaction"))
                .PUT(HttpRequest.BodyPublishers.ofString("{\"kind\":\"" + kind + "\"}")))
                .whenComplete((answer, failure) -> {
                    boolean stored = failure == null && (answer.statusCode() == 200
                            || attempt > 1 && answer.statusCode() == 409 && answer.body().contains("already"));
                    if (stored) {
                        if (answer.statusCode() == 409) {
                            reactionsAcknowledgedBy409.incrementAndGet();
                        }
                        ledger.reactionAcknowledged(postId, people.get(person).id(), kind);
                        reactionSlots.release();
                        return;
                    }
                    record(failure, answer, "reaction");
                    retry(failure, answer, reactionSlots, reactionRetries, () -> sendReaction(person, postId, kind, attempt + 1));
                });
    }

    private void record(Throwable failure, HttpResponse<String> answer, String what) {
        if (failure != null) {
            errors.failed(what, failure);
        } else {
            errors.answered(what, answer.statusCode(), answer.body());
        }
    }

    /**
     * Sends {@code again} after a second, holding the write's slot meanwhile, when the failure may pass (no answer,
     * 5xx, 429); gives up on other refusals and once the run is over.
     */
    private void retry(Throwable failure, HttpResponse<String> answer, Semaphore slot, AtomicLong counter,
                       Runnable again) {
        boolean passing = failure != null || answer.statusCode() >= 500 || answer.statusCode() == 429;
        if (!passing || !retrying.get()) {
            givenUp.incrementAndGet();
            slot.release();
            return;
        }
        counter.incrementAndGet();
        try {
            retries.schedule(again, RETRY_AFTER.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException over) {
            givenUp.incrementAndGet();
            slot.release();
        }
    }

    private CompletableFuture<HttpResponse<String>> send(Person person, HttpRequest.Builder request) {
        return http.sendAsync(request.header("Authorization", person.authorization())
                .header("Content-Type", "application/json").timeout(TIMEOUT).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
