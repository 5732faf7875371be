package org.incrowd.discussion.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.incrowd.discussion.ActivityBucket;
import org.incrowd.discussion.ImportedReaction;
import org.incrowd.discussion.PostTextVisitor;
import org.incrowd.discussion.ParticipantActivity;
import org.incrowd.discussion.ReactionCounts;
import org.incrowd.discussion.ReactionKind;
import org.incrowd.discussion.ReactionVisitor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.incrowd.shared.RowCache;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Posts, revisions, tags, reactions and helpful marks in plain SQL. */
@Repository
public class PostRepository {

    private static final String COLUMNS = "id, jam_id, forum_id, thread_id, parent_id, author_id, title, body, "
            + "body_html, created_at, edited_at, depth, hidden_at, hidden_reason, pinned_at, spotlit_at, guest_label, "
            + "signed_by_name";

    /** A post row before names, counts and the reader's own reaction are added. */
    public record Row(long id, long jamId, long forumId, long threadId, Long parentId, long authorId, String title,
                      String body, String bodyHtml, Instant createdAt, Instant editedAt, int depth,
                      Instant hiddenAt, String hiddenReason, Instant pinnedAt, Instant spotlitAt, String guestLabel,
                      boolean signedByName) {

        public boolean hidden() {
            return hiddenAt != null;
        }
    }

    /** Facilitators pin ideas to the top of their forum, whatever order the reader chose. */
    private static final String PINNED_FIRST = "case when pinned_at is null then 1 else 0 end, ";

    /** Rows read in chunks: PostgreSQL's driver otherwise holds a whole Jam's reactions in memory at once. */
    private static final int STREAM_FETCH_SIZE = 10_000;

    private final JdbcClient jdbc;
    private final RowCache<Long, long[]> jamCounts = RowCache.of(10_000);
    private final JdbcClient streaming;
    private final JdbcTemplate batch;

    PostRepository(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        var template = new JdbcTemplate(dataSource);
        template.setFetchSize(STREAM_FETCH_SIZE);
        this.streaming = JdbcClient.create(template);
        this.batch = new JdbcTemplate(dataSource);
    }

    public long insert(long jamId, long forumId, Long threadId, Long parentId, long authorId, String title,
                       String body, String bodyHtml, int depth, Instant now) {
        var key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into post (jam_id, forum_id, thread_id, parent_id, author_id, title, body, body_html,
                                  created_at, depth)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(jamId, forumId, threadId, parentId, authorId, title, body, bodyHtml, Timestamp.from(now), depth)
                .update(key, "id");
        long id = key.getKeyAs(Long.class);
        jamCounts.evict(jamId);
        if (threadId == null) {
            jdbc.sql("update post set thread_id = ? where id = ?").params(id, id).update();
        }
        return id;
    }

    public void update(long id, String title, String body, String bodyHtml, Instant now) {
        jdbc.sql("update post set title = ?, body = ?, body_html = ?, edited_at = ? where id = ?")
                .params(title, body, bodyHtml, Timestamp.from(now), id).update();
    }

    /** Keeps the version {@code editorId} is replacing. */
    public void addRevision(long postId, String title, String body, Instant replacedAt, long editorId) {
        jdbc.sql("insert into post_revision (post_id, title, body, edited_at, editor_id) values (?, ?, ?, ?, ?)")
                .params(postId, title, body, Timestamp.from(replacedAt), editorId).update();
    }

    /** An earlier version of a post and who replaced it; the editor's byline is the discussion's to decide. */
    public record StoredRevision(String title, String body, Instant replacedAt, Long editorId) {
    }

    public List<StoredRevision> revisions(long postId) {
        return jdbc.sql("""
                        select title, body, edited_at, editor_id from post_revision
                        where post_id = ? order by id desc""")
                .param(postId)
                .query((rs, n) -> new StoredRevision(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
                        rs.getObject(4) == null ? null : rs.getLong(4)))
                .list();
    }

    public void replaceTags(long postId, Collection<String> tags) {
        jdbc.sql("delete from post_tag where post_id = ?").param(postId).update();
        for (String tag : tags) {
            jdbc.sql("insert into post_tag (post_id, tag) values (?, ?)").params(postId, tag).update();
        }
    }

    public Optional<Row> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from post where id = ?").param(id).query(PostRepository::row).optional();
    }

    /** A forum's ideas, newest first. */
    public List<Row> ideas(long forumId, int offset, int limit) {
        return jdbc.sql("select " + COLUMNS + " from post where forum_id = ? and parent_id is null order by "
                        + PINNED_FIRST + "id desc "
                        + "limit ? offset ?")
                .params(forumId, limit, offset).query(PostRepository::row).list();
    }

    /** A forum's ideas with the most agree reactions first, newest first among equals. */
    public List<Row> ideasByAgreement(long forumId, int offset, int limit) {
        return jdbc.sql("select " + COLUMNS + " from post p where forum_id = ? and parent_id is null order by "
                        + PINNED_FIRST + "(select count(*) from reaction r where r.post_id = p.id and r.kind = 'AGREE') desc, id desc "
                        + "limit ? offset ?")
                .params(forumId, limit, offset).query(PostRepository::row).list();
    }

    /** Ids of a forum's ideas, newest first: cheap enough to merge with another module's ranking. */
    public List<Long> ideaIds(long forumId) {
        return jdbc.sql("select id from post where forum_id = ? and parent_id is null order by id desc")
                .param(forumId).query(Long.class).list();
    }

    /** A reply's place in its thread: enough to order a conversation without reading its text. */
    public record Link(long id, Long parentId) {
    }

    /** Every reply of a thread as links, oldest first (the service orders them as a conversation). */
    public List<Link> replyLinks(long threadId) {
        return jdbc.sql("select id, parent_id from post where thread_id = ? and parent_id is not null order by id")
                .param(threadId).query((rs, n) -> new Link(rs.getLong(1), rs.getLong(2))).list();
    }

    /** The given posts, by id; unknown ids are left out. */
    public Map<Long, Row> findAll(Collection<Long> ids) {
        var rows = new HashMap<Long, Row>();
        if (ids.isEmpty()) {
            return rows;
        }
        jdbc.sql("select " + COLUMNS + " from post where id in (:ids)").param("ids", ids)
                .query(PostRepository::row).list().forEach(row -> rows.put(row.id(), row));
        return rows;
    }

    /** Without the rendered HTML, which readers of the raw text (indexing) do not need. */
    private static final String TEXT_COLUMNS = "id, jam_id, forum_id, thread_id, parent_id, author_id, title, body, "
            + "null as body_html, created_at, edited_at, depth, hidden_at, hidden_reason, pinned_at, spotlit_at, "
            + "guest_label, signed_by_name";

    /** Posts with an id above {@code afterId}, in id order. */
    public List<Row> textsAfter(long afterId, int limit) {
        return jdbc.sql("select " + TEXT_COLUMNS + " from post where id > ? order by id limit ?")
                .params(afterId, limit).query(PostRepository::row).list();
    }

    /** Posts edited after {@code since}, oldest edit first. */
    public List<Row> textsEditedAfter(Instant since, int limit) {
        return jdbc.sql("select " + TEXT_COLUMNS + " from post where edited_at > ? order by edited_at, id limit ?")
                .params(Timestamp.from(since), limit).query(PostRepository::row).list();
    }

    public List<Row> texts(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + TEXT_COLUMNS + " from post where id in (:ids) order by id").param("ids", ids)
                .query(PostRepository::row).list();
    }

    /** Pairs (thread, author) of the visible replies in these threads, one query (a bulk decision's builders). */
    public void forEachBuilder(Collection<Long> threadIds, java.util.function.BiConsumer<Long, Long> sink) {
        if (threadIds.isEmpty()) {
            return;
        }
        jdbc.sql("select distinct thread_id, author_id from post where thread_id in (:ids)"
                        + " and parent_id is not null and hidden_at is null").param("ids", threadIds)
                .query(rs -> {
                    sink.accept(rs.getLong(1), rs.getLong(2));
                });
    }

    /** Which of these posts are hidden. */
    public List<Long> hiddenAmong(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select id from post where id in (:ids) and hidden_at is not null").param("ids", ids)
                .query(Long.class).list();
    }

    /** Which of these posts every reader of their thread sees: neither they nor their thread's idea are hidden. */
    public List<Long> shownToEveryReader(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select p.id from post p join post t on t.id = p.thread_id
                        where p.id in (:ids) and p.hidden_at is null and t.hidden_at is null""")
                .param("ids", ids).query(Long.class).list();
    }

    /** The idea and every reply of a thread. */
    public List<Long> idsInThread(long threadId) {
        return jdbc.sql("select id from post where thread_id = ? order by id").param(threadId).query(Long.class).list();
    }

    /** Ids above {@code afterId}: cheap to ask often. */
    public List<Long> idsAfter(long afterId, int limit) {
        return jdbc.sql("select id from post where id > ? order by id limit ?").params(afterId, limit)
                .query(Long.class).list();
    }

    public long lastId() {
        return jdbc.sql("select coalesce(max(id), 0) from post").query(Long.class).single();
    }

    public List<Row> latestInJam(long jamId, int limit) {
        return jdbc.sql("select " + COLUMNS + " from post where jam_id = ? and hidden_at is null order by id desc limit ?")
                .params(jamId, limit).query(PostRepository::row).list();
    }

    public long countInJam(long jamId) {
        return jamCounts(jamId)[0];
    }

    /**
     * A Jam's posts and ideas, counted for its home on every view: kept a few seconds (ADR 51), and counted afresh
     * as soon as this node writes a post there; a post written on another node shows in the count within that time.
     */
    private long[] jamCounts(long jamId) {
        return jamCounts.get(jamId, id -> jdbc.sql("""
                        select (select count(*) from post where jam_id = :jam),
                               (select count(*) from post where jam_id = :jam and parent_id is null)""")
                .param("jam", id).query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).single());
    }

    /** The author signed this post with their name in a pseudonymous forum (ADR 42). */
    public void signByName(long postId) {
        jdbc.sql("update post set signed_by_name = true where id = ?").param(postId).update();
    }

    /** Whether the Jam (forum null) or that forum of it holds any post, hidden ones included. */
    public boolean anyIn(long jamId, Long forumId) {
        return jdbc.sql("select count(*) from post where jam_id = :jam" + (forumId == null ? "" : " and forum_id = :forum"))
                .param("jam", jamId).param("forum", forumId == null ? 0L : forumId).query(Long.class).single() > 0;
    }

    public long countIdeasInJam(long jamId) {
        return jamCounts(jamId)[1];
    }

    public long countIdeas(long forumId) {
        return jdbc.sql("select count(*) from post where forum_id = ? and parent_id is null").param(forumId)
                .query(Long.class).single();
    }

    public Map<Long, List<String>> tags(Collection<Long> postIds) {
        var tags = new HashMap<Long, List<String>>();
        if (postIds.isEmpty()) {
            return tags;
        }
        jdbc.sql("select post_id, tag from post_tag where post_id in (:ids) order by tag").param("ids", postIds)
                .query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2))).list()
                .forEach(e -> tags.computeIfAbsent(e.getKey(), k -> new java.util.ArrayList<>()).add(e.getValue()));
        return tags;
    }

    public Map<Long, ReactionCounts> counts(Collection<Long> postIds) {
        return reactionFacts(NO_READER, postIds).counts();
    }

    /** Posts' reaction and helpful counts, and the reader's own reactions and helpful marks among them. */
    public record ReactionFacts(Map<Long, ReactionCounts> counts, Map<Long, ReactionKind> readersReactions,
                                Set<Long> markedHelpfulByReader) {
    }

    /** A person id no one has: counts as no particular reader sees them. */
    private static final long NO_READER = -1;

    /**
     * What a page shows of these posts' reactions, for one reader (a page of posts and every reaction's answer read
     * it): the count of each kind and of helpful marks, and whether the reader is among them. Two statements, not one
     * union: H2 keeps no prepared union in its query cache, so the union was parsed again on every page (5 % of the
     * thread page's samples).
     */
    public ReactionFacts reactionFacts(long readerId, Collection<Long> postIds) {
        if (postIds.isEmpty()) {
            return new ReactionFacts(Map.of(), Map.of(), Set.of());
        }
        var reactions = new HashMap<Long, long[]>();
        var readersReactions = new HashMap<Long, ReactionKind>();
        var helpful = new HashSet<Long>();
        jdbc.sql("""
                        select post_id, kind, count(*), sum(case when person_id = :reader then 1 else 0 end)
                        from reaction where post_id in (:ids) group by post_id, kind""")
                .param("reader", readerId).param("ids", postIds)
                .query((rs, n) -> {
                    var reaction = ReactionKind.valueOf(rs.getString(2));
                    reactions.computeIfAbsent(rs.getLong(1), k -> new long[4])[reaction.ordinal()] = rs.getLong(3);
                    if (rs.getLong(4) > 0) {
                        readersReactions.put(rs.getLong(1), reaction);
                    }
                    return null;
                }).list();
        jdbc.sql("""
                        select post_id, count(*), sum(case when person_id = :reader then 1 else 0 end)
                        from helpful_mark where post_id in (:ids) group by post_id""")
                .param("reader", readerId).param("ids", postIds)
                .query((rs, n) -> {
                    reactions.computeIfAbsent(rs.getLong(1), k -> new long[4])[3] = rs.getLong(2);
                    if (rs.getLong(3) > 0) {
                        helpful.add(rs.getLong(1));
                    }
                    return null;
                }).list();
        var counts = new HashMap<Long, ReactionCounts>();
        reactions.forEach((id, c) -> counts.put(id, new ReactionCounts(c[0], c[1], c[2], c[3])));
        return new ReactionFacts(counts, readersReactions, helpful);
    }

    public Map<Long, Long> replyCounts(Collection<Long> threadIds) {
        var counts = new HashMap<Long, Long>();
        if (threadIds.isEmpty()) {
            return counts;
        }
        jdbc.sql("select thread_id, count(*) from post where thread_id in (:ids) and parent_id is not null group by thread_id")
                .param("ids", threadIds)
                .query((rs, n) -> counts.put(rs.getLong(1), rs.getLong(2))).list();
        return counts;
    }

    /** What a reply needs to know of the idea that starts its thread: its title, and whether a reader may see it. */
    public record ThreadHead(String title, long authorId, boolean hidden) {
    }

    /** The idea of each of the given threads, by thread id. */
    public Map<Long, ThreadHead> threadHeads(Collection<Long> threadIds) {
        var heads = new HashMap<Long, ThreadHead>();
        if (threadIds.isEmpty()) {
            return heads;
        }
        jdbc.sql("select id, title, author_id, hidden_at from post where id in (:ids)")
                .param("ids", threadIds.stream().distinct().toList())
                .query((rs, n) -> heads.put(rs.getLong(1), new ThreadHead(rs.getString(2), rs.getLong(3),
                        rs.getTimestamp(4) != null))).list();
        return heads;
    }

    /** The author of each of the given posts, by post id. */
    public Map<Long, Long> authorsOf(Collection<Long> postIds) {
        return columnById("author_id", postIds, (rs, column) -> rs.getLong(column));
    }

    private interface ColumnReader<T> {
        T read(ResultSet rs, int column) throws SQLException;
    }

    private <T> Map<Long, T> columnById(String column, Collection<Long> postIds, ColumnReader<T> reader) {
        var values = new HashMap<Long, T>();
        if (postIds.isEmpty()) {
            return values;
        }
        jdbc.sql("select id, " + column + " from post where id in (:ids)")
                .param("ids", postIds.stream().distinct().toList())
                .query((rs, n) -> values.put(rs.getLong(1), reader.read(rs, 2))).list();
        return values;
    }

    public Optional<ReactionKind> reaction(long postId, long personId) {
        return jdbc.sql("select kind from reaction where post_id = ? and person_id = ?").params(postId, personId)
                .query(String.class).optional().map(ReactionKind::valueOf);
    }

    /**
     * A first reaction is added; a changed one is rewritten in place, with its new moment. A changed one that is gone
     * by now (a facilitator's join or its undoing moved or removed it meanwhile) is added again: the person's latest
     * choice stands, as it did when every save deleted and inserted.
     */
    public void saveReaction(long postId, long personId, ReactionKind kind, Instant now, boolean first) {
        if (first || jdbc.sql("update reaction set kind = ?, reacted_at = ? where post_id = ? and person_id = ?")
                .params(kind.name(), Timestamp.from(now), postId, personId).update() == 0) {
            jdbc.sql("insert into reaction (post_id, person_id, kind, reacted_at) values (?, ?, ?, ?)")
                    .params(postId, personId, kind.name(), Timestamp.from(now)).update();
        }
    }

    /** Every reaction on the Jam's posts; callers run it in a read-only transaction so the rows stream. */
    public void forEachReaction(long jamId, ReactionVisitor visitor) {
        streaming.sql("""
                        select p.forum_id, r.post_id, r.person_id, r.kind
                        from reaction r join post p on p.id = r.post_id
                        where p.jam_id = ? and p.hidden_at is null""")
                .param(jamId)
                .query((RowCallbackHandler) rs -> visitor.visit(rs.getLong(1), rs.getLong(2), rs.getLong(3),
                        ReactionKind.valueOf(rs.getString(4))));
    }

    /** {@link #forEachReaction} with each reaction's time; callers run it in a read-only transaction. */
    public void forEachReactionWithTime(long jamId, org.incrowd.discussion.TimedReactionVisitor visitor) {
        streaming.sql("""
                        select p.forum_id, r.post_id, r.person_id, r.kind, r.reacted_at
                        from reaction r join post p on p.id = r.post_id
                        where p.jam_id = ? and p.hidden_at is null""")
                .param(jamId)
                .query((RowCallbackHandler) rs -> visitor.visit(rs.getLong(1), rs.getLong(2), rs.getLong(3),
                        ReactionKind.valueOf(rs.getString(4)), rs.getTimestamp(5).getTime()));
    }

    /** Posts that are not hidden in a Jam or one forum, in id order, streamed; tags are not read. */
    public void forEachPostInScope(long jamId, Long forumId, Consumer<org.incrowd.discussion.PostText> sink) {
        streaming.sql("""
                        select id, jam_id, forum_id, thread_id, parent_id, author_id, title, body, created_at, edited_at
                        from post where jam_id = :jam and (cast(:forum as bigint) is null or forum_id = :forum)
                          and hidden_at is null order by id""")
                .param("jam", jamId).param("forum", forumId)
                .query((RowCallbackHandler) rs -> {
                    var edited = rs.getTimestamp(10);
                    sink.accept(new org.incrowd.discussion.PostText(rs.getLong(1), rs.getLong(2), rs.getLong(3),
                            rs.getLong(4), (Long) rs.getObject(5, Long.class), rs.getLong(6),
                            rs.getString(7), rs.getString(8), List.of(), rs.getTimestamp(9).toInstant(),
                            edited == null ? null : edited.toInstant()));
                });
    }

    /** Reactions to posts that are not hidden in a Jam or one forum, with their times, streamed. */
    public void forEachTimedReaction(long jamId, Long forumId, boolean byPerson,
                                     Consumer<org.incrowd.discussion.TimedReaction> sink) {
        streaming.sql("""
                        select r.post_id, p.forum_id, r.person_id, r.kind, r.reacted_at
                        from reaction r join post p on p.id = r.post_id
                        where p.jam_id = :jam and (cast(:forum as bigint) is null or p.forum_id = :forum)
                          and p.hidden_at is null order by\s""" + (byPerson ? "r.person_id, r.post_id"
                        : "r.reacted_at, r.post_id, r.person_id"))
                .param("jam", jamId).param("forum", forumId)
                .query((RowCallbackHandler) rs -> sink.accept(new org.incrowd.discussion.TimedReaction(
                        rs.getLong(1), rs.getLong(2), rs.getLong(3), ReactionKind.valueOf(rs.getString(4)),
                        rs.getTimestamp(5).toInstant())));
    }

    /** Everyone who posted or reacted in a Jam (or one forum), with how often, counted in the database. */
    public void forEachParticipant(long jamId, Long forumId, Consumer<ParticipantActivity> sink) {
        streaming.sql("""
                        select person_id, sum(posts), sum(reactions) from (
                            select author_id as person_id, 1 as posts, 0 as reactions from post
                            where jam_id = :jam and (cast(:forum as bigint) is null or forum_id = :forum)
                            union all
                            select r.person_id, 0, 1 from reaction r join post p on p.id = r.post_id
                            where p.jam_id = :jam and (cast(:forum as bigint) is null or p.forum_id = :forum)
                        ) activity group by person_id""")
                .param("jam", jamId).param("forum", forumId)
                .query((RowCallbackHandler) rs -> sink.accept(
                        new ParticipantActivity(rs.getLong(1), rs.getLong(2), rs.getLong(3))));
    }

    /**
     * Posts and reactions of a Jam (of one person when {@code personId} is not null, through the author and person
     * indexes), ordered by person; hidden posts and reactions to them included, as in {@link #forEachParticipant}.
     */
    public void forEachActivity(long jamId, Long personId, Consumer<org.incrowd.discussion.Activity> sink) {
        // Two plain statements rather than "param is null or ...", so that each may use its index on both databases.
        String author = personId == null ? "" : " and author_id = :person";
        String reactor = personId == null ? "" : " and r.person_id = :person";
        var query = streaming.sql("""
                        select person_id, forum_id, at, is_post from (
                            select author_id as person_id, forum_id, created_at as at, 1 as is_post from post
                            where jam_id = :jam%s
                            union all
                            select r.person_id, p.forum_id, r.reacted_at, 0 from reaction r join post p on p.id = r.post_id
                            where p.jam_id = :jam%s
                        ) activity order by person_id""".formatted(author, reactor))
                .param("jam", jamId);
        if (personId != null) {
            query = query.param("person", personId);
        }
        query.query((RowCallbackHandler) rs -> sink.accept(new org.incrowd.discussion.Activity(rs.getLong(1),
                rs.getLong(2), rs.getTimestamp(3).toInstant(), rs.getInt(4) == 1)));
    }

    /**
     * Posts and different people active per time bucket of {@code bucketSeconds}, counted from {@code origin}; only
     * buckets with activity are returned. Epoch arithmetic runs alike on H2 and PostgreSQL.
     */
    public List<ActivityBucket> activityOverTime(long jamId, Long forumId, Instant origin, long bucketSeconds) {
        return jdbc.sql("""
                        select bucket, count(distinct person_id), sum(posts) from (
                            select cast(floor((extract(epoch from created_at) - :origin) / :size) as bigint) as bucket,
                                   author_id as person_id, 1 as posts
                            from post where jam_id = :jam and (cast(:forum as bigint) is null or forum_id = :forum)
                            union all
                            select cast(floor((extract(epoch from r.reacted_at) - :origin) / :size) as bigint),
                                   r.person_id, 0
                            from reaction r join post p on p.id = r.post_id
                            where p.jam_id = :jam and (cast(:forum as bigint) is null or p.forum_id = :forum)
                        ) activity group by bucket order by bucket""")
                .param("jam", jamId).param("forum", forumId).param("origin", origin.getEpochSecond())
                .param("size", bucketSeconds)
                .query((rs, n) -> new ActivityBucket(rs.getLong(1), rs.getLong(2), rs.getLong(3))).list();
    }

    /** The Jam's posts with an id above {@code afterId}, oldest first, as text for analysis. */
    public void forEachPostText(long jamId, long afterId, PostTextVisitor visitor) {
        streaming.sql("""
                        select id, forum_id, author_id, created_at, title, body from post
                        where jam_id = ? and id > ? and hidden_at is null order by id""")
                .params(jamId, afterId)
                .query((RowCallbackHandler) rs -> {
                    String title = rs.getString(5);
                    visitor.visit(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getTimestamp(4).toInstant(),
                            title == null ? rs.getString(6) : title + "\n\n" + rs.getString(6));
                });
    }

    /** Ideas and replies with the most agree reactions in a Jam, or in one forum when forumId is not null. */
    public List<Long> mostAgreed(long jamId, Long forumId, int limit) {
        return jdbc.sql("""
                        select p.id from post p join reaction r on r.post_id = p.id
                        where p.jam_id = :jam and (cast(:forum as bigint) is null or p.forum_id = :forum)
                          and r.kind = 'AGREE'
                        group by p.id order by count(*) desc, p.id limit :limit""")
                .param("jam", jamId).param("forum", forumId).param("limit", limit).query(Long.class).list();
    }

    /** Served by the post_jam index: cheap at start-up even with millions of reactions. */
    /** The threads of a Jam with the most posts since {@code since}; hidden ideas are left out. */
    public List<org.incrowd.discussion.BusyThread> busiestThreads(long jamId, Instant since, int limit) {
        return jdbc.sql("""
                        select i.id, i.title, count(*) from post p join post i on i.id = p.thread_id
                         where p.jam_id = ? and p.created_at >= ? and i.hidden_at is null
                         group by i.id, i.title order by count(*) desc, i.id fetch first %d rows only"""
                        .formatted(limit))
                .params(jamId, java.sql.Timestamp.from(since))
                .query((rs, n) -> new org.incrowd.discussion.BusyThread(rs.getLong(1), rs.getString(2), rs.getLong(3)))
                .list();
    }

    public List<Long> jamsWithPosts() {
        return jdbc.sql("select distinct jam_id from post order by jam_id").query(Long.class).list();
    }

    /** Many reactions in one round trip; an existing reaction of the same person on the same post is replaced. */
    public void saveReactions(List<ImportedReaction> reactions) {
        batch.batchUpdate("delete from reaction where post_id = ? and person_id = ?", reactions, reactions.size(),
                (statement, reaction) -> {
                    statement.setLong(1, reaction.postId());
                    statement.setLong(2, reaction.personId());
                });
        batch.batchUpdate("insert into reaction (post_id, person_id, kind, reacted_at) values (?, ?, ?, ?)",
                reactions, reactions.size(), (statement, reaction) -> {
                    statement.setLong(1, reaction.postId());
                    statement.setLong(2, reaction.personId());
                    statement.setString(3, reaction.kind().name());
                    statement.setTimestamp(4, Timestamp.from(reaction.reactedAt()));
                });
    }

    public int deleteReaction(long postId, long personId) {
        return jdbc.sql("delete from reaction where post_id = ? and person_id = ?").params(postId, personId).update();
    }

    public boolean markHelpful(long postId, long personId, Instant now) {
        if (jdbc.sql("select count(*) from helpful_mark where post_id = ? and person_id = ?").params(postId, personId)
                .query(Long.class).single() > 0) {
            return false;
        }
        jdbc.sql("insert into helpful_mark (post_id, person_id, marked_at) values (?, ?, ?)")
                .params(postId, personId, Timestamp.from(now)).update();
        return true;
    }

    public int unmarkHelpful(long postId, long personId) {
        return jdbc.sql("delete from helpful_mark where post_id = ? and person_id = ?").params(postId, personId).update();
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        long parent = rs.getLong("parent_id");
        Long parentId = rs.wasNull() ? null : parent;
        var edited = rs.getTimestamp("edited_at");
        return new Row(rs.getLong("id"), rs.getLong("jam_id"), rs.getLong("forum_id"), rs.getLong("thread_id"),
                parentId, rs.getLong("author_id"), rs.getString("title"), rs.getString("body"),
                rs.getString("body_html"), rs.getTimestamp("created_at").toInstant(),
                instant(edited), rs.getInt("depth"), instant(rs.getTimestamp("hidden_at")),
                rs.getString("hidden_reason"), instant(rs.getTimestamp("pinned_at")),
                instant(rs.getTimestamp("spotlit_at")), rs.getString("guest_label"), rs.getBoolean("signed_by_name"));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    // ---- moderation ----------------------------------------------------------------------------------------------

    public void hide(long postId, String reason, Instant now) {
        jdbc.sql("update post set hidden_at = ?, hidden_reason = ? where id = ?")
                .params(Timestamp.from(now), reason, postId).update();
    }

    public void restore(long postId) {
        jdbc.sql("update post set hidden_at = null, hidden_reason = null where id = ?").param(postId).update();
    }

    public void pin(long postId, Instant pinnedAt) {
        jdbc.sql("update post set pinned_at = ? where id = ?")
                .params(pinnedAt == null ? null : Timestamp.from(pinnedAt), postId).update();
    }

    public void spotlight(long postId, Instant spotlitAt) {
        jdbc.sql("update post set spotlit_at = ? where id = ?")
                .params(spotlitAt == null ? null : Timestamp.from(spotlitAt), postId).update();
    }

    public void labelAsGuest(long postId, String label) {
        jdbc.sql("update post set guest_label = ? where id = ?").params(label, postId).update();
    }

    /** A thread goes with all its replies. */
    public void moveThread(long threadId, long toForumId) {
        jdbc.sql("update post set forum_id = ? where thread_id = ?").params(toForumId, threadId).update();
    }

    /** Spotlit posts of a Jam that are not hidden, latest spotlight first. */
    public List<Row> spotlit(long jamId, int limit) {
        return jdbc.sql("select " + COLUMNS + " from post where jam_id = ? and spotlit_at is not null "
                        + "and hidden_at is null order by spotlit_at desc, id desc limit ?")
                .params(jamId, limit).query(PostRepository::row).list();
    }

    /** New ideas of a forum since a moment, newest first. */
    public List<Row> ideasSince(long forumId, Instant since, int limit) {
        return jdbc.sql("select " + COLUMNS + " from post where forum_id = ? and parent_id is null and created_at > ? "
                        + "order by id desc limit ?")
                .params(forumId, Timestamp.from(since), limit).query(PostRepository::row).list();
    }

    /** Threads of a forum with the most replies since a moment: thread id → new replies, most first. */
    public Map<Long, Long> busiestThreadsSince(long forumId, Instant since, int limit) {
        var busiest = new java.util.LinkedHashMap<Long, Long>();
        jdbc.sql("""
                        select thread_id, count(*) from post
                        where forum_id = ? and parent_id is not null and created_at > ?
                        group by thread_id order by count(*) desc, thread_id limit ?""")
                .params(forumId, Timestamp.from(since), limit)
                .query((RowCallbackHandler) rs -> busiest.put(rs.getLong(1), rs.getLong(2)));
        return busiest;
    }
}
