package org.incrowd.discussion;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.incrowd.discussion.internal.PostRepository;
import org.incrowd.discussion.internal.PostRepository.Row;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The conversation read on no one's behalf, for indexing and analysis: callers show only aggregates, or posts they
 * read again for a person through {@link Reading#find}. Hidden posts are left out wherever text is read.
 */
@Service
public class PostFeed {

    private final PostRepository posts;

    PostFeed(PostRepository posts) {
        this.posts = posts;
    }

    /**
     * Every reaction in a Jam, to posts that are not hidden, for analysis (no actor: the caller shows only
     * aggregates to people who may read).
     */
    @Transactional(readOnly = true)
    public void forEachReaction(long jamId, ReactionVisitor visitor) {
        posts.forEachReaction(jamId, visitor);
    }

    /**
     * {@link #forEachReaction}, with the moment each reaction was cast, in no particular order: for analysis that
     * replays a Jam's history (the opinion map's groups as the votes came in).
     */
    @Transactional(readOnly = true)
    public void forEachReactionWithTime(long jamId, TimedReactionVisitor visitor) {
        posts.forEachReactionWithTime(jamId, visitor);
    }

    /**
     * Everyone who posted or reacted in a Jam, or in one forum when forumId is not null, with how often (no actor:
     * the caller shows only group counts to people who may see them).
     */
    @Transactional(readOnly = true)
    public void forEachParticipant(long jamId, Long forumId, Consumer<ParticipantActivity> sink) {
        posts.forEachParticipant(jamId, forumId, sink);
    }

    /**
     * The posts of a Jam (or of one forum when forumId is not null) that are not hidden, in id order, one at a time
     * and without tags, for open-data exports (no actor: the caller checks who may download the export).
     */
    @Transactional(readOnly = true)
    public void forEachPostInScope(long jamId, Long forumId, Consumer<PostText> sink) {
        posts.forEachPostInScope(jamId, forumId, sink);
    }

    /**
     * The reactions of a Jam (or one forum) to posts that are not hidden, with their times, one at a time, for
     * open-data exports: by person and post when {@code byPerson} (a row per person can then be written as it
     * ends), otherwise in the order they were cast.
     */
    @Transactional(readOnly = true)
    public void forEachTimedReaction(long jamId, Long forumId, boolean byPerson, Consumer<TimedReaction> sink) {
        posts.forEachTimedReaction(jamId, forumId, byPerson, sink);
    }

    /**
     * Every post and reaction of a Jam, grouped by person (a person's activity comes together, so a caller can sum
     * one person up at a time), for read models built from existing rows.
     */
    @Transactional(readOnly = true)
    public void forEachActivity(long jamId, Consumer<Activity> sink) {
        posts.forEachActivity(jamId, null, sink);
    }

    /** One person's posts and reactions in a Jam, read in the caller's transaction (it sees their latest write). */
    public void forEachActivityOf(long jamId, long personId, Consumer<Activity> sink) {
        posts.forEachActivity(jamId, personId, sink);
    }

    /** Posts and active people per time bucket from {@code origin}; buckets without activity are left out. */
    public List<ActivityBucket> activityOverTime(long jamId, Long forumId, Instant origin, Duration bucket) {
        return posts.activityOverTime(jamId, forumId, origin, bucket.toSeconds());
    }

    /**
     * The Jam's posts that are not hidden, after {@code afterPostId} (0 for all), oldest first, for analysis (no
     * actor: the caller shows only aggregates and posts it reads again through {@link Reading#find}).
     */
    @Transactional(readOnly = true)
    public void forEachPostText(long jamId, long afterPostId, PostTextVisitor visitor) {
        posts.forEachPostText(jamId, afterPostId, visitor);
    }

    /** The threads of a Jam that got the most posts since {@code since}, busiest first (for the daily digest). */
    @Transactional(readOnly = true)
    public List<BusyThread> busiestThreads(long jamId, Instant since, int limit) {
        return posts.busiestThreads(jamId, since, Math.clamp(limit, 1, 100));
    }

    /** Jams with any post: the only ones that can have reactions worth analysing at start-up. */
    public List<Long> jamsWithPosts() {
        return posts.jamsWithPosts();
    }

    /** Up to {@code limit} posts with an id above {@code afterId}, in id order. */
    @Transactional(readOnly = true)
    public List<PostText> textsAfter(long afterId, int limit) {
        return texts(posts.textsAfter(afterId, Math.clamp(limit, 1, 10_000)));
    }

    /** Up to {@code limit} posts edited after {@code since}, oldest edit first. */
    @Transactional(readOnly = true)
    public List<PostText> textsEditedAfter(Instant since, int limit) {
        return texts(posts.textsEditedAfter(since, Math.clamp(limit, 1, 10_000)));
    }

    /** The given posts, in id order; unknown ids are left out. */
    @Transactional(readOnly = true)
    public List<PostText> texts(Collection<Long> ids) {
        return texts(posts.texts(ids));
    }

    /** Ids of up to {@code limit} posts above {@code afterId}: lets a poller ask often and read little. */
    public List<Long> idsAfter(long afterId, int limit) {
        return posts.idsAfter(afterId, Math.clamp(limit, 1, 10_000));
    }

    /**
     * Who built on each of these ideas: the authors of the visible replies in their threads, per idea (ideas without
     * replies are left out). A few queries however many ideas (a bulk decision on thousands).
     */
    @Transactional(readOnly = true)
    public java.util.Map<Long, Set<Long>> buildersOf(Collection<Long> ideaIds) {
        var builders = new java.util.HashMap<Long, Set<Long>>();
        var ids = List.copyOf(ideaIds);
        for (int from = 0; from < ids.size(); from += 1000) {
            posts.forEachBuilder(ids.subList(from, Math.min(ids.size(), from + 1000)),
                    (thread, author) -> builders.computeIfAbsent(thread, t -> new HashSet<>()).add(author));
        }
        return builders;
    }

    /** Which of these posts facilitators hid (an index on another node may not know yet). */
    public Set<Long> hiddenAmong(Collection<Long> ids) {
        return new HashSet<>(posts.hiddenAmong(ids));
    }

    /** The idea and every reply of a thread, for re-reading a thread that moved. */
    public List<Long> postIdsOfThread(long threadId) {
        return posts.idsInThread(threadId);
    }

    /** The highest post id, 0 when there is none. */
    public long lastPostId() {
        return posts.lastId();
    }

    /** Hidden posts are left out: nothing that reads text on no one's behalf may pass a hidden post on. */
    private List<PostText> texts(List<Row> rows) {
        var tags = posts.tags(rows.stream().map(Row::id).toList());
        return rows.stream().filter(row -> !row.hidden()).map(row -> new PostText(row.id(), row.jamId(), row.forumId(), row.threadId(),
                row.parentId(), row.authorId(), row.title(), row.body(), tags.getOrDefault(row.id(), List.of()),
                row.createdAt(), row.editedAt())).toList();
    }
}
