package org.incrowd.search;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.incrowd.discussion.DiscussionEvents.PostEdited;
import org.incrowd.discussion.DiscussionEvents.PostPublished;
import org.incrowd.discussion.PostFeed;
import org.incrowd.discussion.PostText;
import org.incrowd.search.index.PostIndex;
import org.incrowd.search.index.PostIndex.Progress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.incrowd.meaning.MeaningEvents.PostsEncoded;
import org.incrowd.meaning.PostVectors;
import org.incrowd.search.index.IndexedPost;
import org.incrowd.text.Language;
import org.springframework.stereotype.Component;
import org.incrowd.discussion.DiscussionEvents.PostHidden;
import org.incrowd.discussion.DiscussionEvents.PostRestored;
import org.incrowd.discussion.DiscussionEvents.ThreadMoved;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Keeps this node's index in step with the database, on one thread of its own. Three sources, one path:
 * <ol>
 * <li>a post published or edited on this node wakes the thread after commit, which indexes it at once;</li>
 * <li>every {@code incrowd.search.poll-ms} (1 s) the thread asks the database for posts it has not indexed
 * (new ids, recent edits): posts made on other nodes. It looks back over the last {@link #LOOK_BACK_IDS} ids too,
 * because ids are handed out before commit, so a slow transaction can commit an id below one already seen;</li>
 * <li>at start-up it continues from the progress stored with the last commit, or builds the whole index in batches
 * when there is none, or when the index holds posts the database does not (a different or reset database).</li>
 * </ol>
 * Polling the post table by id is what makes other nodes' posts searchable without {@code search} depending on
 * {@code live}'s event log (ADR 0011).
 * <p>
 * Each post goes in with its sentence vector when {@code meaning} has stored one. A vector usually comes a moment after
 * the post, so where this node encodes posts a post published here is held back ({@link #heldForVector}) until its
 * {@link PostsEncoded} arrives, for {@code incrowd.search.vector-grace-ms} (1 s) at most, and goes in once, with its
 * vector: indexing it first without one left a replaced document behind in a segment for every post, and Lucene can
 * reuse a segment's vector graph in a merge only if nothing in it was replaced, so merges rebuilt the graphs from
 * scratch (ADR 0058, addendum). A post whose vector does not come in time goes in by its words, and posts indexed
 * without a vector in a language the model covers are looked up again on each poll ({@link #awaitingVector}), which
 * finds the vectors another node's encoder stored; at start-up the index itself says which posts still lack one.
 * <p>
 * Searches see new posts after a refresh, at most every {@link #REFRESH_EVERY}: each refresh writes a segment, and
 * a segment per post (two per post before) had Lucene's merges rewrite the same small segments over and over.
 */
@Component
class PostIndexFeed implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PostIndexFeed.class);
    static final int LOOK_BACK_IDS = 1_000;
    private static final int BATCH = 1_000;
    /** Clocks of nodes differ a little: edits are re-read this far back. */
    private static final Duration EDIT_OVERLAP = Duration.ofSeconds(5);
    private static final Duration COMMIT_EVERY = Duration.ofSeconds(10);
    /** New posts become searchable together, a quarter of a second apart at most (each refresh writes a segment). */
    static final Duration REFRESH_EVERY = Duration.ofMillis(250);

    private final PostFeed discussion;
    private final IndexedPosts indexedPosts;
    private final Path folder;
    private final long pollMillis;
    private final Duration searchTimeLimit;
    private final Semaphore wakeUp = new Semaphore(0);
    private final Set<Long> published = ConcurrentHashMap.newKeySet();
    /** Posts published on this node since the last pass, to be held for their vector (where this node encodes). */
    private final Set<Long> newlyPublished = ConcurrentHashMap.newKeySet();
    /**
     * Posts published here that wait for this node's encoder, with the {@link System#nanoTime} at which the wait ends
     * (in that order: every wait is as long): one whose vector arrives goes in with it, one still without a vector
     * then goes in by its words.
     */
    private final LinkedHashMap<Long, Long> heldForVector = new LinkedHashMap<>();
    private final long vectorGraceNanos;
    /** Ids indexed in the look-back window, so that each poll reads only the posts it is missing. */
    private final Map<Long, Boolean> recentlyIndexed = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Boolean> eldest) {
            return size() > 4 * LOOK_BACK_IDS;
        }
    };
    /** Edits indexed in the overlap window, by post id, so that re-reading the window indexes nothing twice. */
    private final Map<Long, Instant> recentEdits = new LinkedHashMap<>();
    /**
     * Posts in the index without a vector though the model covers their language, with when the wait began: looked
     * up again {@link #VECTOR_LOOKUPS} at a time each poll, until {@link #VECTOR_WAIT} has passed (a post the encoder
     * cannot read stays a words-only post; the next start-up looks once more).
     */
    private final LinkedHashMap<Long, Instant> awaitingVector = new LinkedHashMap<>();
    private static final int VECTOR_LOOKUPS = 1_000;
    private static final Duration VECTOR_WAIT = Duration.ofMinutes(30);
    private final PostVectors vectors;

    private volatile PostIndex index;
    private volatile boolean running;
    private volatile boolean caughtUp;
    private Thread thread;
    private Progress progress = Progress.NONE;
    private Instant lastCommit = Instant.EPOCH;
    private boolean uncommitted;
    private boolean refreshDue;
    private long lastRefresh = System.nanoTime() - REFRESH_EVERY.toNanos();

    PostIndexFeed(PostFeed discussion, IndexedPosts indexedPosts, PostVectors vectors,
                  @Value("${incrowd.search.index-dir:${incrowd.data-dir}/search-index}") String folder,
                  @Value("${incrowd.search.poll-ms:1000}") long pollMillis,
                  @Value("${incrowd.search.time-limit-ms:1000}") long searchTimeLimitMillis,
                  @Value("${incrowd.search.vector-grace-ms:1000}") long vectorGraceMillis) {
        this.discussion = discussion;
        // Only this node's encoder announces its vectors; another node's are found by the polls, later.
        this.vectorGraceNanos = vectors.encodesNewPosts() ? TimeUnit.MILLISECONDS.toNanos(vectorGraceMillis) : 0;
        this.vectors = vectors;
        this.searchTimeLimit = Duration.ofMillis(searchTimeLimitMillis);
        this.indexedPosts = indexedPosts;
        this.folder = Path.of(folder);
        this.pollMillis = pollMillis;
    }

    /** The index, for searching; null until the feed has started. */
    PostIndex index() {
        return index;
    }

    /** Whether the start-up build or catch-up is done (searches before then may miss older posts). */
    boolean caughtUp() {
        return caughtUp;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(PostPublished event) {
        (vectorGraceNanos > 0 ? newlyPublished : published).add(event.postId());
        wakeUp.release();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(PostEdited event) {
        published.add(event.postId());
        wakeUp.release();
    }

    /** New vectors of this node's model: the posts are indexed again, with them. */
    @EventListener
    void on(PostsEncoded event) {
        if (event.model().equals(vectors.encoder().model())) {
            published.addAll(event.postIds());
            wakeUp.release();
        }
    }

    /** A hidden post must not be found: it leaves the index at once. */
    @TransactionalEventListener(fallbackExecution = true)
    void on(PostHidden event) {
        forget(event.postId());
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(PostRestored event) {
        published.add(event.postId());
        wakeUp.release();
    }

    /** Every post of a moved thread is read again, for its new forum. */
    @TransactionalEventListener(fallbackExecution = true)
    void on(ThreadMoved event) {
        published.addAll(discussion.postIdsOfThread(event.threadId()));
        wakeUp.release();
    }

    /** Removal is a delete by key, safe beside the feed thread's own writes. */
    void forget(long postId) {
        var current = index;
        if (current != null) {
            current.remove(postId);
            current.refresh();
        }
    }

    @Override
    public synchronized void start() {
        index = PostIndex.open(folder, searchTimeLimit);
        running = true;
        thread = Thread.ofPlatform().daemon().name("search-index-feed").start(this::run);
    }

    @Override
    public synchronized void stop() {
        running = false;
        wakeUp.release();
        try {
            thread.join(Duration.ofSeconds(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!thread.isAlive()) {
            index.close();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void run() {
        try {
            startUp();
        } catch (RuntimeException e) {
            log.error("Search index: the start-up build failed; it will be retried by the polls", e);
        }
        long nextPoll = System.nanoTime();
        while (running) {
            try {
                wakeUp.tryAcquire(nanosToNextDuty(nextPoll), TimeUnit.NANOSECONDS);
                wakeUp.drainPermits();
                if (!running) {
                    break;
                }
                boolean changed = indexPublished();
                // The polls keep their own clock: a post's events (published, encoded) do not repeat their queries.
                if (System.nanoTime() - nextPoll >= 0) {
                    changed |= indexMissing() | indexEdits() | indexArrivedVectors();
                    nextPoll = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(pollMillis);
                }
                if (changed) {
                    refreshDue = true;
                    uncommitted = true;
                }
                refreshNowAndThen();
                commitNowAndThen();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (RuntimeException e) {
                // The database may be down for a moment; the next poll tries again.
                log.warn("Search index: could not read new posts ({}); retrying", e.toString());
                sleepQuietly();
            }
        }
        if (uncommitted) {
            index.commit(progress);
        }
    }

    private void startUp() {
        Progress stored = index.committedProgress();
        long lastInDatabase = discussion.lastPostId();
        if (stored.lastPostId() > lastInDatabase || stored == Progress.NONE && index.size() > 0) {
            log.info("Search index: it holds posts this database does not; rebuilding it");
            index.removeAll();
            stored = Progress.NONE;
        }
        progress = stored;
        long started = System.nanoTime();
        int count = 0;
        for (List<PostText> batch = discussion.textsAfter(progress.lastPostId(), BATCH); !batch.isEmpty() && running;
             batch = discussion.textsAfter(progress.lastPostId(), BATCH)) {
            add(batch);
            count += batch.size();
            index.refresh();
        }
        indexEdits();
        index.refresh();
        Instant now = Instant.now();
        index.withoutVector(this::covered).forEach(id -> awaitingVector.put(id, now));
        index.commit(progress);
        lastCommit = Instant.now();
        caughtUp = true;
        log.info("Search index: {} posts indexed at start-up in {} ms ({} in the index)", count,
                (System.nanoTime() - started) / 1_000_000, index.size());
    }

    /** How long the thread may sleep: until the next poll, the refresh it owes, or the end of a post's wait. */
    private long nanosToNextDuty(long nextPoll) {
        long next = nextPoll;
        if (refreshDue) {
            next = earlier(next, lastRefresh + REFRESH_EVERY.toNanos());
        }
        if (!heldForVector.isEmpty()) {
            next = earlier(next, heldForVector.firstEntry().getValue());
        }
        return Math.max(0, next - System.nanoTime());
    }

    private static long earlier(long a, long b) {
        return a - b <= 0 ? a : b;
    }

    /**
     * Posts announced on this node, read afresh: new ones start their wait for a vector (unless indexed already, by the
     * start-up or a poll), those whose wait is over go in as they are.
     */
    private boolean indexPublished() {
        long now = System.nanoTime();
        var ids = new ArrayList<>(published);
        published.removeAll(ids);
        var fresh = new ArrayList<>(newlyPublished);
        newlyPublished.removeAll(fresh);
        for (Long id : fresh) {
            if (!recentlyIndexed.containsKey(id)) {
                heldForVector.putIfAbsent(id, now + vectorGraceNanos);
                ids.add(id); // one in a language the model does not read gets no vector: it goes in at once
            }
        }
        for (var waiting = heldForVector.entrySet().iterator(); waiting.hasNext(); ) {
            var entry = waiting.next();
            if (entry.getValue() - now > 0) {
                break; // the others began waiting later
            }
            waiting.remove();
            ids.add(entry.getKey());
        }
        return !ids.isEmpty() && add(discussion.texts(ids));
    }

    /** New posts that no event announced here: written on another node, or committed late below the newest id. */
    private boolean indexMissing() {
        var missing = new ArrayList<Long>();
        long from = Math.max(0, progress.lastPostId() - LOOK_BACK_IDS);
        List<Long> ids;
        do {
            ids = discussion.idsAfter(from, BATCH);
            for (Long id : ids) {
                if (!recentlyIndexed.containsKey(id) && !heldForVector.containsKey(id)) {
                    missing.add(id);
                }
            }
            from = ids.isEmpty() ? from : ids.getLast();
        } while (ids.size() == BATCH && running);
        for (int start = 0; start < missing.size(); start += BATCH) {
            add(discussion.texts(missing.subList(start, Math.min(missing.size(), start + BATCH))));
        }
        return !missing.isEmpty();
    }

    private boolean indexEdits() {
        var since = progress.lastEdit().minus(EDIT_OVERLAP);
        var changed = new ArrayList<PostText>();
        List<PostText> batch;
        do {
            batch = discussion.textsEditedAfter(since, BATCH);
            for (PostText post : batch) {
                if (!post.editedAt().equals(recentEdits.get(post.id()))) {
                    changed.add(post);
                }
            }
            since = batch.isEmpty() ? since : batch.getLast().editedAt();
        } while (batch.size() == BATCH && running);
        add(changed);
        recentEdits.values().removeIf(edited -> edited.isBefore(progress.lastEdit().minus(EDIT_OVERLAP)));
        return !changed.isEmpty();
    }

    /** Posts indexed without a vector whose vector has been stored since (by any node's encoder). */
    private boolean indexArrivedVectors() {
        if (awaitingVector.isEmpty()) {
            return false;
        }
        var ids = new ArrayList<Long>(VECTOR_LOOKUPS);
        Instant giveUp = Instant.now().minus(VECTOR_WAIT);
        for (var waiting = awaitingVector.entrySet().iterator(); waiting.hasNext() && ids.size() < VECTOR_LOOKUPS; ) {
            var entry = waiting.next();
            if (entry.getValue().isBefore(giveUp)) {
                waiting.remove();
            } else {
                ids.add(entry.getKey());
            }
        }
        var arrived = vectors.of(ids).keySet();
        for (Long id : ids) { // those still waiting are looked up again after the others
            var since = awaitingVector.remove(id);
            if (!arrived.contains(id)) {
                awaitingVector.put(id, since);
            }
        }
        if (arrived.isEmpty()) {
            return false;
        }
        add(discussion.texts(List.copyOf(arrived)));
        return true;
    }

    private boolean covered(Language language) {
        return language != null && vectors.encoder().covers(language);
    }

    /** Indexes the posts, except those still held for a vector that will come; whether any went in. */
    private boolean add(Collection<PostText> posts) {
        if (posts.isEmpty()) {
            return false;
        }
        var found = vectors.of(posts.stream().map(PostText::id).toList());
        var held = new java.util.HashSet<Long>();
        for (PostText post : posts) {
            if (heldForVector.containsKey(post.id()) && !found.containsKey(post.id())
                    && covered(indexedPosts.language(post))) {
                held.add(post.id());
            } else {
                heldForVector.remove(post.id());
            }
        }
        if (!held.isEmpty()) {
            posts = posts.stream().filter(post -> !held.contains(post.id())).toList();
            if (posts.isEmpty()) {
                return false;
            }
        }
        var indexed = indexedPosts.of(posts, found);
        index.add(indexed);
        Instant now = Instant.now();
        for (IndexedPost post : indexed) {
            if (post.vector() == null && covered(post.language())) {
                awaitingVector.putIfAbsent(post.id(), now);
            } else {
                awaitingVector.remove(post.id());
            }
        }
        long lastId = progress.lastPostId();
        Instant lastEdit = progress.lastEdit();
        for (PostText post : posts) {
            recentlyIndexed.put(post.id(), Boolean.TRUE);
            lastId = Math.max(lastId, post.id());
            if (post.editedAt() != null) {
                recentEdits.put(post.id(), post.editedAt());
                lastEdit = lastEdit.isAfter(post.editedAt()) ? lastEdit : post.editedAt();
            }
        }
        progress = new Progress(lastId, lastEdit);
        return true;
    }

    private void refreshNowAndThen() {
        if (refreshDue && System.nanoTime() - (lastRefresh + REFRESH_EVERY.toNanos()) >= 0) {
            index.refresh();
            lastRefresh = System.nanoTime();
            refreshDue = false;
        }
    }

    private void commitNowAndThen() {
        if (uncommitted && Instant.now().isAfter(lastCommit.plus(COMMIT_EVERY))) {
            index.commit(progress);
            lastCommit = Instant.now();
            uncommitted = false;
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
