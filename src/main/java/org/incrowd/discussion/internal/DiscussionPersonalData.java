package org.incrowd.discussion.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.incrowd.discussion.Bylines;
import org.incrowd.discussion.DiscussionEvents;
import org.incrowd.identity.IdentityService;
import org.incrowd.jam.Forum;
import org.incrowd.jam.Jam;
import org.incrowd.jam.JamService;
import org.incrowd.shared.PersonalData;
import org.incrowd.shared.SafeMarkdown;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A person's posts in their data (ADR 44): ideas and replies with their Jam and forum, how they appeared there (their
 * pseudonym in a pseudonymous forum: the posts are theirs), edit history, reactions, helpful marks and flags raised.
 * When the account is deleted, posts stay under a former participant's byline ({@link Bylines} decides that from the
 * erased account) or, where administrators chose so, their text is replaced while the thread stays whole.
 */
@Component
class DiscussionPersonalData implements PersonalData {

    private final JdbcClient jdbc;
    private final PostRepository posts;
    private final Bylines bylines;
    private final IdentityService identity;
    private final JamService jams;
    private final MessageSource messages;
    private final ApplicationEventPublisher events;

    DiscussionPersonalData(JdbcClient jdbc, PostRepository posts, Bylines bylines, IdentityService identity,
                           JamService jams, MessageSource messages, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.posts = posts;
        this.bylines = bylines;
        this.identity = identity;
        this.jams = jams;
        this.messages = messages;
        this.events = events;
    }

    @Override
    public String section() {
        return "posts";
    }

    record Written(long id, String kind, String jam, String forum, Long parentId, String title, String body,
                   String shownAs, String byline, Instant createdAt, Instant editedAt, boolean hidden,
                   List<Earlier> earlierVersions) {
    }

    record Earlier(String title, String body, Instant replacedAt) {
    }

    record Reaction(long postId, String kind, Instant at) {
    }

    record Mark(long postId, Instant at) {
    }

    record Flag(long postId, String reason, String detail, Instant at, String outcome) {
    }

    @Override
    public Object about(long personId) {
        var ids = postIds(personId);
        var rows = posts.findAll(ids);
        var shown = bylines.ofPosts(identity.require(personId).asActor(), ids);
        Map<Long, Jam> jamsById = jams.findAll(rows.values().stream().map(PostRepository.Row::jamId).distinct().toList());
        var forums = new java.util.HashMap<Long, String>();
        var written = new ArrayList<Written>();
        for (long id : ids) {
            var row = rows.get(id);
            var byline = shown.get(id);
            String forum = forums.computeIfAbsent(row.forumId(),
                    f -> jams.findForum(f).map(Forum::title).orElse(null));
            var jam = jamsById.get(row.jamId());
            var earlier = posts.revisions(id).stream()
                    .map(r -> new Earlier(r.title(), r.body(), r.replacedAt())).toList();
            written.add(new Written(id, row.parentId() == null ? "idea" : "reply", jam == null ? null : jam.title(),
                    forum, row.parentId(), row.title(), row.body(), byline == null ? null : byline.name(),
                    byline == null ? null : byline.kind().name(), row.createdAt(), row.editedAt(), row.hidden(),
                    earlier));
        }
        var data = new LinkedHashMap<String, Object>();
        data.put("written", written);
        data.put("reactions", jdbc.sql("select post_id, kind, reacted_at from reaction where person_id = ? order by reacted_at")
                .param(personId).query((rs, n) -> new Reaction(rs.getLong(1), rs.getString(2), instant(rs.getTimestamp(3))))
                .list());
        data.put("helpfulMarks", jdbc.sql("select post_id, marked_at from helpful_mark where person_id = ? order by marked_at")
                .param(personId).query((rs, n) -> new Mark(rs.getLong(1), instant(rs.getTimestamp(2)))).list());
        data.put("flagsRaised", jdbc.sql("""
                        select post_id, reason, detail, created_at, outcome from flag where person_id = ? order by id""")
                .param(personId).query((rs, n) -> new Flag(rs.getLong(1), rs.getString(2), rs.getString(3),
                        instant(rs.getTimestamp(4)), rs.getString(5))).list());
        return data;
    }

    /**
     * Reactions and helpful marks stay with the erased account, so ideas keep their counts and nothing links them
     * to the person. What a person typed when flagging goes. Removed posts keep their place in the thread (replies
     * to them still make sense) but lose their text, tags and earlier versions.
     */
    @Override
    public int forget(long personId, ForgetPolicy policy) {
        int changed = jdbc.sql("update flag set detail = null where person_id = ? and detail is not null")
                .param(personId).update();
        // The request keys of the last day would still tie the person to their posts.
        changed += jdbc.sql("delete from post_request where author_id = ?").param(personId).update();
        if (policy != ForgetPolicy.REMOVE_POSTS) {
            return changed;
        }
        String removed = messages.getMessage("mydata.post.removed", null, Locale.ROOT);
        var rows = posts.findAll(postIds(personId));
        for (var row : rows.values()) {
            jdbc.sql("delete from post_revision where post_id = ?").param(row.id()).update();
            jdbc.sql("delete from post_tag where post_id = ?").param(row.id()).update();
            jdbc.sql("update post set title = ?, body = ?, body_html = ? where id = ?")
                    .params(row.title() == null ? null : removed, removed, SafeMarkdown.toHtml(removed), row.id())
                    .update();
            events.publishEvent(new DiscussionEvents.PostEdited(row.id(), row.jamId(), row.forumId(), row.threadId()));
            changed++;
        }
        return changed;
    }

    private List<Long> postIds(long personId) {
        return jdbc.sql("select id from post where author_id = ? order by id").param(personId).query(Long.class).list();
    }

    private static Instant instant(Timestamp at) {
        return at == null ? null : at.toInstant();
    }
}
