package org.incrowd.meaning.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.incrowd.discussion.DiscussionEvents.PostEdited;
import org.incrowd.discussion.DiscussionEvents.PostPublished;
import org.incrowd.discussion.PostFeed;
import org.incrowd.discussion.PostText;
import org.incrowd.meaning.MeaningEvents.PostsEncoded;
import org.incrowd.meaning.SentenceEncoder;
import org.incrowd.meaning.internal.PostVectorStore.Encoded;
import org.incrowd.meaning.internal.PostVectorStore.Progress;
import org.incrowd.shared.BackgroundPriority;
import org.incrowd.text.LanguageDetection;
import org.incrowd.text.Language;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Encodes every post once, on one thread of its own, outside the writers' transactions: a post published or edited
 * on this node wakes it after commit; every {@code incrowd.meaning.poll-ms} it asks for posts it has no vector of
 * (written on other nodes, or committed late below the newest id) and for recent edits; at start-up it catches up
 * from its stored progress in small batches, while pages are served. The catch-up encodes on threads of the lowest
 * scheduling priority, one per core ({@link BackgroundPriority}, ADR 59): it takes every core that requests leave
 * idle and gives way whenever a request wants one. Meanwhile this thread, at the default priority, encodes new posts
 * as they come, on the encoder's workers. Where threads cannot be lowered (not Linux), the catch-up has one thread,
 * so that it takes one core at most from requests. Each batch's vectors and the progress are stored in one
 * transaction, then {@link PostsEncoded} tells the modules that keep vectors of their own.
 */
@Component
public class PostEncodingFeed implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PostEncodingFeed.class);
    /** Ids are handed out before commit: a slow transaction can commit an id below one already encoded. */
    static final int LOOK_BACK_IDS = 1_000;
    private static final int BATCH = 256;
    /** Texts the catch-up hands to its threads at a time: a few per thread, so that each batch keeps all of them busy. */
    static final int CATCH_UP_BATCH = 16;
    /** Clocks of nodes differ a little: edits are re-read this far back (their text hash skips what is done). */
    private static final Duration EDIT_OVERLAP = Duration.ofSeconds(5);
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(30);

    private final PostFeed discussion;
    private final SentenceEncoder encoder;
    private final PostVectorStore store;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final boolean enabled;
    private final long pollMillis;
    private final LanguageDetection languages = new LanguageDetection(Language.ENGLISH);
    /** The catch-up's encoders, at the lowest priority, while this node catches up. */
    private ExecutorService catchUpThreads;
    private final Semaphore wakeUp = new Semaphore(0);
    private final Set<Long> published = ConcurrentHashMap.newKeySet();
    /**
     * The posts of the catch-up's batch being encoded (the feed's thread only): one of them edited meanwhile is
     * encoded after the batch is stored, so that its newest text's vector is the one kept.
     */
    private final Set<Long> inBatch = new java.util.HashSet<>();

    private volatile boolean running;
    private volatile boolean caughtUp;
    private Thread thread;
    private Progress progress = Progress.NONE;

    PostEncodingFeed(PostFeed discussion, SentenceEncoder encoder, PostVectorStore store,
                     ApplicationEventPublisher events, Clock clock,
                     @Value("${incrowd.meaning.encode-posts:true}") boolean enabled,
                     @Value("${incrowd.meaning.poll-ms:2000}") long pollMillis) {
        this.discussion = discussion;
        this.encoder = encoder;
        this.store = store;
        this.events = events;
        this.clock = clock;
        this.enabled = enabled;
        this.pollMillis = pollMillis;
    }

    public boolean caughtUp() {
        return caughtUp;
    }

    /** Whether this node encodes posts ({@code incrowd.meaning.encode-posts}); else other nodes store the vectors. */
    public boolean encodesPosts() {
        return enabled;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(PostPublished event) {
        published.add(event.postId());
        wakeUp.release();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(PostEdited event) {
        published.add(event.postId());
        wakeUp.release();
    }

    @Override
    public synchronized void start() {
        running = true;
        caughtUp = false;
        if (enabled) {
            catchUpThreads = Executors.newFixedThreadPool(BackgroundPriority.available()
                    ? Runtime.getRuntime().availableProcessors() : 1, BackgroundPriority.threads("post-vector-catch-up-"));
            thread = Thread.ofPlatform().daemon().name("post-encoding-feed").start(this::run);
        }
    }

    @Override
    public synchronized void stop() {
        running = false;
        wakeUp.release();
        if (thread != null) {
            try {
                thread.join(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (catchUpThreads != null) {
            catchUpThreads.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void run() {
        while (running && !caughtUp) {
            try {
                catchUp();
            } catch (RuntimeException e) {
                if (running) {
                    log.warn("Post vectors: the start-up catch-up failed ({}); retrying", e.toString());
                    sleepQuietly();
                }
            }
        }
        long nextPoll = System.nanoTime();
        while (running) {
            try {
                wakeUp.tryAcquire(Math.max(0, nextPoll - System.nanoTime()), TimeUnit.NANOSECONDS);
                wakeUp.drainPermits();
                if (running) {
                    encodePublished();
                }
                // The look-back and the edits are polled on their own clock: a post woken after commit is encoded
                // at once, not after the queries of the poll that the post before it woke.
                if (running && System.nanoTime() - nextPoll >= 0) {
                    encodeMissing();
                    encodeEdits();
                    nextPoll = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(pollMillis);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (RuntimeException e) {
                // The database may be down for a moment; the next poll tries again.
                log.warn("Post vectors: could not encode new posts ({}); retrying", e.toString());
                sleepQuietly();
            }
        }
    }

    private void catchUp() {
        // The model loads on first use, under the encoder's lock: here, at the default priority, not on a catch-up
        // thread that a busy node's requests would hold back while searches wait for the same lock.
        encoder.dimensions();
        progress = store.progress(encoder.model());
        long started = System.nanoTime();
        long reported = started;
        int count = 0;
        for (var batch = discussion.textsAfter(progress.lastPostId(), CATCH_UP_BATCH); !batch.isEmpty() && running;
             batch = discussion.textsAfter(progress.lastPostId(), CATCH_UP_BATCH)) {
            encodePublished();
            var posts = changed(batch);
            posts.forEach(post -> inBatch.add(post.id()));
            try {
                encode(posts, this::atLowPriority, past(batch));
            } finally {
                inBatch.clear();
            }
            count += batch.size();
            if (System.nanoTime() - reported > PROGRESS_EVERY.toNanos()) {
                reported = System.nanoTime();
                log.info("Post vectors: {} posts encoded since start-up, up to post {}", count,
                        progress.lastPostId());
            }
        }
        encodePublished();
        encodeEdits();
        catchUpThreads.shutdown();
        caughtUp = running;
        if (count > 0) {
            log.info("Post vectors: {} posts encoded at start-up in {} ms ({})", count,
                    (System.nanoTime() - started) / 1_000_000, encoder.model());
        }
    }

    /**
     * Posts published or edited on this node. During the catch-up they leave the progress where it is: it counts the
     * posts the catch-up has read, and a new post's id is above all of them (the catch-up skips it by its text hash).
     */
    private void encodePublished() {
        var ids = published.stream().filter(id -> !inBatch.contains(id)).toList();
        if (ids.isEmpty()) {
            return;
        }
        published.removeAll(ids);
        var posts = discussion.texts(ids);
        encode(changed(posts), encoder::encodeAll, caughtUp ? past(posts) : progress);
    }

    /** New posts that no event announced here: written on another node, or committed late below the newest id. */
    private void encodeMissing() {
        long from = Math.max(0, progress.lastPostId() - LOOK_BACK_IDS);
        List<Long> ids;
        do {
            ids = discussion.idsAfter(from, BATCH);
            var known = store.known(encoder.model(), ids);
            var missing = ids.stream().filter(id -> !known.contains(id)).toList();
            if (!missing.isEmpty()) {
                var posts = discussion.texts(missing);
                encode(posts, encoder::encodeAll, past(posts));
            }
            from = ids.isEmpty() ? from : ids.getLast();
        } while (ids.size() == BATCH && running);
    }

    private void encodeEdits() {
        var since = progress.lastEdit().minus(EDIT_OVERLAP);
        List<PostText> batch;
        do {
            batch = discussion.textsEditedAfter(since, BATCH);
            encode(changed(batch), encoder::encodeAll, past(batch));
            since = batch.isEmpty() ? since : batch.getLast().editedAt();
        } while (batch.size() == BATCH && running);
    }

    /** Those of these posts whose text differs from the one their stored vector was made from (or that have none). */
    private List<PostText> changed(List<PostText> posts) {
        if (posts.isEmpty()) {
            return posts;
        }
        var hashes = store.textHashes(encoder.model(), posts.stream().map(PostText::id).toList());
        return posts.stream().filter(post -> !Long.valueOf(TextHash.of(post.text())).equals(hashes.get(post.id())))
                .toList();
    }

    /** The progress once these posts are read: their newest id and latest edit, if beyond the stored ones. */
    private Progress past(Collection<PostText> posts) {
        long lastId = progress.lastPostId();
        Instant lastEdit = progress.lastEdit();
        for (PostText post : posts) {
            lastId = Math.max(lastId, post.id());
            if (post.editedAt() != null && post.editedAt().isAfter(lastEdit)) {
                lastEdit = post.editedAt();
            }
        }
        return new Progress(lastId, lastEdit);
    }

    /**
     * Encodes these posts' texts by {@code encoding} and stores the vectors with the given progress, in one
     * transaction. New posts go to every worker of the encoder, the catch-up to the low-priority threads.
     */
    private void encode(List<PostText> posts, Function<List<String>, List<float[]>> encoding, Progress advanced) {
        if (posts.isEmpty() && advanced.equals(progress)) {
            return;
        }
        var covered = posts.stream().filter(post -> encoder.covers(languages.detect(post.text()))).toList();
        var texts = covered.stream().map(PostText::text).toList();
        var vectors = encoding.apply(texts);
        var encoded = new ArrayList<Encoded>();
        var withVectors = new ArrayList<Long>();
        int next = 0;
        for (PostText post : posts) {
            float[] vector = next < covered.size() && covered.get(next) == post ? vectors.get(next++) : null;
            encoded.add(new Encoded(post.id(), TextHash.of(post.text()), vector));
            if (vector != null) {
                withVectors.add(post.id());
            }
        }
        store.save(encoder.model(), encoded, advanced, clock.instant());
        progress = advanced;
        if (!withVectors.isEmpty()) {
            events.publishEvent(new PostsEncoded(encoder.model(), List.copyOf(withVectors)));
        }
    }

    /**
     * One text per low-priority thread; while they work, this thread encodes the posts published meanwhile, so that a
     * new post does not wait for a batch that a busy node's requests hold back.
     */
    private List<float[]> atLowPriority(List<String> texts) {
        var vectors = texts.stream().map(text -> CompletableFuture.supplyAsync(() -> encoder.encode(text), catchUpThreads))
                .toList();
        var all = CompletableFuture.allOf(vectors.toArray(CompletableFuture[]::new));
        all.whenComplete((done, failure) -> wakeUp.release());
        while (!all.isDone()) {
            if (!running) {
                throw new IllegalStateException("Stopped while catching up on post vectors");
            }
            try {
                wakeUp.acquire();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Stopped while catching up on post vectors", e);
            }
            encodePublished();
        }
        return vectors.stream().map(CompletableFuture::join).toList();
    }

    private void sleepQuietly() {
        try {
            Thread.sleep(pollMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
