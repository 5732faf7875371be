package org.incrowd.discussion;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.incrowd.discussion.internal.PostRepository;
import org.incrowd.discussion.internal.PostRepository.Row;
import org.incrowd.identity.Actor;
import org.incrowd.jam.JamService;
import org.incrowd.shared.Refusal;
import org.springframework.stereotype.Component;

/**
 * Posts as a person sees them: the rows every verb family reads, with names, tags, counts and the reader's own
 * reactions added, and what a hidden post withholds from whom ({@link PostRules#mayReadHidden}).
 */
@Component
class PostViews {

    private final PostRepository posts;
    private final JamService jams;
    private final Bylines bylines;

    PostViews(PostRepository posts, JamService jams, Bylines bylines) {
        this.posts = posts;
        this.jams = jams;
        this.bylines = bylines;
    }

    /** A post exists and its Jam is visible to this person; otherwise "not found". */
    Row requireRow(Actor actor, long postId) {
        var row = posts.find(postId).orElseThrow(() -> Refusal.notFound("post.notFound"));
        jams.require(actor, row.jamId());
        return row;
    }

    Post require(Actor actor, long postId) {
        return of(actor, requireRow(actor, postId));
    }

    Post of(Actor actor, Row row) {
        return of(actor, List.of(row)).getFirst();
    }

    List<Post> of(Actor actor, List<Row> rows) {
        var ids = rows.stream().map(Row::id).toList();
        // The rows in hand (a thread page holds its idea and most parents) are not read again.
        var inHand = new java.util.HashMap<Long, Row>();
        rows.forEach(r -> inHand.put(r.id(), r));
        // One query for the posts these build on, not one per reply; a parent's author appears as its forum shows it.
        var parents = new java.util.HashMap<Long, Row>(posts.findAll(rows.stream().map(Row::parentId)
                .filter(Objects::nonNull).filter(id -> !inHand.containsKey(id)).distinct().toList()));
        rows.stream().map(Row::parentId).filter(inHand::containsKey).forEach(id -> parents.put(id, inHand.get(id)));
        var authored = new ArrayList<Bylines.Authored>();
        rows.forEach(r -> authored.add(Bylines.authored(r)));
        parents.values().forEach(p -> authored.add(Bylines.authored(p)));
        var shown = bylines.of(actor, authored);
        var tags = posts.tags(ids);
        var reactions = posts.reactionFacts(actor.personId(), ids);
        var counts = reactions.counts();
        var replyCounts = posts.replyCounts(rows.stream().filter(r -> r.parentId() == null).map(Row::id).toList());
        var mine = reactions.readersReactions();
        var helpful = reactions.markedHelpfulByReader();
        // A reply's parent is often its thread's idea: read above, it is not read again for the thread's title.
        parents.forEach(inHand::putIfAbsent);
        var threads = new java.util.HashMap<Long, PostRepository.ThreadHead>(posts.threadHeads(rows.stream()
                .map(Row::threadId).filter(id -> !inHand.containsKey(id)).distinct().toList()));
        rows.stream().map(Row::threadId).filter(inHand::containsKey).forEach(id -> {
            var head = inHand.get(id);
            threads.put(id, new PostRepository.ThreadHead(head.title(), head.authorId(), head.hidden()));
        });
        var facilitated = forumsFacilitated(actor, rows, threads);
        return rows.stream().map(r -> {
            var moderation = moderation(actor, r, facilitated);
            boolean withheld = moderation.withheld();
            var thread = threads.get(r.threadId());
            boolean threadWithheld = thread == null || thread.hidden()
                    && !PostRules.mayReadHidden(thread.authorId(), actor.personId(), facilitated.contains(r.forumId()));
            return new Post(r.id(), r.jamId(), r.forumId(), r.threadId(), r.parentId(),
                    r.authorId(), shown.get(r.id()).name(),
                    r.parentId() != null && shown.containsKey(r.parentId()) ? shown.get(r.parentId()).name() : null,
                    withheld ? null : r.title(), threadWithheld ? null : thread.title(), withheld ? "" : r.body(),
                    withheld ? "" : r.bodyHtml(), withheld ? List.of() : tags.getOrDefault(r.id(), List.of()),
                    r.createdAt(), r.editedAt(), r.depth(), counts.getOrDefault(r.id(), ReactionCounts.NONE),
                    mine.get(r.id()), helpful.contains(r.id()), replyCounts.getOrDefault(r.id(), 0L), moderation,
                    shown.get(r.id()));
        }).toList();
    }

    /** The forums of hidden posts (or posts in hidden threads) among these that the reader facilitates. */
    private Set<Long> forumsFacilitated(Actor actor, List<Row> rows, Map<Long, PostRepository.ThreadHead> threads) {
        var facilitated = new HashSet<Long>();
        rows.stream().filter(row -> row.hidden() || threads.containsKey(row.threadId())
                        && threads.get(row.threadId()).hidden())
                .map(Row::forumId).distinct().forEach(forumId -> {
                    if (jams.mayFacilitate(actor, jams.requireForum(actor, forumId))) {
                        facilitated.add(forumId);
                    }
                });
        return facilitated;
    }

    private static Post.Moderation moderation(Actor actor, Row row, Set<Long> facilitated) {
        boolean mayRead = PostRules.mayReadHidden(row.authorId(), actor.personId(), facilitated.contains(row.forumId()));
        return new Post.Moderation(row.hidden(), row.hidden() && !mayRead, mayRead ? row.hiddenReason() : null,
                row.pinnedAt() != null, row.spotlitAt() != null, row.guestLabel());
    }
}
