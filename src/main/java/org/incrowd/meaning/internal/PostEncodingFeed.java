package org.incrowd.meaning.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.incrowd.discussion.DiscussionEvents.PostEdited;
import org.incrowd.discussion.DiscussionEvents.PostPublished;
import org.incrowd.discussion.PostFeed;
import org.incrowd.discussion.PostText;
import org.incrowd.meaning.MeaningEvents.PostsEncoded;
import org.incrowd.meaning.SentenceEncoder;
import org.incrowd.meaning.internal.PostVectorStore.Encoded;
import org.incrowd.meaning.internal.PostVectorStore.Progress;
import org.incrowd.text.LanguageDetection;
import org.incrowd.text.Language;
import org.incrowd.web.RequestTraffic;
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
 * from its stored progress in small batches, while pages are served. New posts come first: between two batches of
 * the catch-up, so they wait for one small batch at most. The catch-up encodes on every worker while the node serves
 * no request ({@link RequestTraffic#quiet()}), and on this thread alone, part of the time, while it does. Each
 * batch's vectors and the progress are stored in one transaction, then {@link PostsEncoded} tells the modules that
 * keep vectors of their own.
 */
@Component
public class PostEncodingFeed implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PostEncodingFeed.class);
    /** Ids are handed out before commit: a slow transaction can commit an id below one already encoded. */
    static final int LOOK_BACK_IDS = 1_000;
    private static final int BATCH = 256;
    /** A new post waits for at most one batch of the catch-up: about 20 ms of work on one core. */
    static final int CATCH_UP_BATCH = 16;
    /** Clocks of nodes differ a little: edits are re-read this far back (their text hash skips what is done). */
    private static final Duration EDIT_OVERLAP = Duration.ofSeconds(5);
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(30);

    private final PostFeed discussion;
    private final SentenceEncoder encoder;
    private final PostVectorStore store;
    private final ApplicationEventPublisher events;
    private final RequestTraffic traffic;
    private final Clock clock;
    private final boolean enabled;
    private final long pollMillis;
    private final double catchUpShare;
    private final LanguageDetection languages = new LanguageDetection(Language.ENGLISH);
    private final Semaphore wakeUp = new Semaphore(0);
    private final Set<Long> published = ConcurrentHashMap.newKeySet();

    private volatile boolean running;
    private volatile boolean caughtUp;
    private Thread thread;
    private Progress progress = Progress.NONE;

    PostEncodingFeed(PostFeed discussion, SentenceEncoder encoder, PostVectorStore store,
                     ApplicationEventPublisher events, RequestTraffic traffic, Clock clock,
                     @Value("${incrowd.meaning.encode-posts:true}") boolean enabled,
                     @Value("${incrowd.meaning.poll-ms:2000}") long pollMillis,
                     @Value("${incrowd.meaning.catch-up-share:0.5}") double catchUpShare) {
        this.discussion = discussion;
        this.encoder = encoder;
        this.store = store;
        this.events = events;
        this.traffic = traffic;
        this.clock = clock;
        this.enabled = enabled;
        this.pollMillis = pollMillis;
        if (!(catchUpShare > 0 && catchUpShare <= 1)) {
            throw new IllegalStateException("incrowd.meaning.catch-up-share must be above 0 and at most 1, not "
                    + catchUpShare);
        }
        this.catchUpShare = catchUpShare;
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
                log.warn("Post vectors: the start-up catch-up failed ({}); retrying", e.toString());
                sleepQuietly();
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
        progress = store.progress(encoder.model());
        long started = System.nanoTime();
        long reported = started;
        int count = 0;
        for (var batch = discussion.textsAfter(progress.lastPostId(), CATCH_UP_BATCH); !batch.isEmpty() && running;
             batch = discussion.textsAfter(progress.lastPostId(), CATCH_UP_BATCH)) {
            encodePublished();
            boolean quiet = traffic.quiet();
            long batchStarted = System.nanoTime();
            encode(changed(batch), quiet, past(batch));
            count += batch.size();
            if (!quiet) {
                yieldToPages(System.nanoTime() - batchStarted);
            }
            if (System.nanoTime() - reported > PROGRESS_EVERY.toNanos()) {
                reported = System.nanoTime();
                log.info("Post vectors: {} posts encoded since start-up, up to post {}", count,
                        progress.lastPostId());
            }
        }
        encodeEdits();
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
        if (published.isEmpty()) {
            return;
        }
        var ids = new ArrayList<>(published);
        published.removeAll(ids);
        var posts = discussion.texts(ids);
        encode(changed(posts), true, caughtUp ? past(posts) : progress);
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
                encode(posts, true, past(posts));
            }
            from = ids.isEmpty() ? from : ids.getLast();
        } while (ids.size() == BATCH && running);
    }

    private void encodeEdits() {
        var since = progress.lastEdit().minus(EDIT_OVERLAP);
        List<PostText> batch;
        do {
            batch = discussion.textsEditedAfter(since, BATCH);
            encode(changed(batch), true, past(batch));
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
     * Encodes and stores these posts with the given progress, in one transaction. {@code allWorkers}: one text per
     * worker of the encoder (new posts, and the catch-up while the node is quiet); otherwise on this thread alone.
     */
    private void encode(List<PostText> posts, boolean allWorkers, Progress advanced) {
        if (posts.isEmpty() && advanced.equals(progress)) {
            return;
        }
        var covered = posts.stream().filter(post -> encoder.covers(languages.detect(post.text()))).toList();
        var texts = covered.stream().map(PostText::text).toList();
        var vectors = allWorkers ? encoder.encodeAll(texts) : texts.stream().map(encoder::encode).toList();
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
     * Pauses the catch-up, while the node serves requests, so that it uses at most {@code
     * incrowd.meaning.catch-up-share} of one core: encoding 100,000 posts is background work, and pages come first.
     */
    private void yieldToPages(long busyNanos) {
        long pause = (long) (busyNanos * (1 / catchUpShare - 1));
        if (pause > 0) {
            try {
                TimeUnit.NANOSECONDS.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void sleepQuietly() {
        try {
            Thread.sleep(pollMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
