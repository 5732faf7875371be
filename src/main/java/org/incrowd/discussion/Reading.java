package org.incrowd.discussion;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.incrowd.discussion.internal.PostRepository;
import org.incrowd.discussion.internal.PostRepository.Row;
import org.incrowd.identity.Actor;
import org.incrowd.jam.JamService;
import org.incrowd.shared.Refusal;
import org.springframework.stereotype.Service;

/** People reading the conversation: a forum's ideas, a thread page by page, single posts, a Jam's latest activity. */
@Service
public class Reading {

    public static final int IDEAS_PER_PAGE = 20;
    public static final int REPLIES_PER_PAGE = 50;
    /** Far beyond any real forum, small enough that page × size never overflows. */
    static final int MAX_PAGE = 1_000_000;

    private final PostRepository posts;
    private final PostViews views;
    private final JamService jams;
    private final List<IdeaRanking> rankings;

    Reading(PostRepository posts, PostViews views, JamService jams, List<IdeaRanking> rankings) {
        this.posts = posts;
        this.views = views;
        this.jams = jams;
        this.rankings = List.copyOf(rankings);
    }

    /** Posts in the spotlight on a Jam's home page, latest first. */
    public List<Post> spotlit(Actor actor, long jamId, int limit) {
        jams.require(actor, jamId);
        return views.of(actor, posts.spotlit(jamId, Math.clamp(limit, 1, 20)));
    }

    /** What happened in a forum since a moment (a facilitator's last shift): new ideas and the busiest threads. */
    public ShiftActivity activitySince(Actor actor, long forumId, Instant since) {
        jams.requireFacilitation(actor, forumId);
        var newIdeas = views.of(actor, posts.ideasSince(forumId, since, 10));
        var busiest = posts.busiestThreadsSince(forumId, since, 5);
        var ideas = posts.findAll(busiest.keySet());
        var hot = views.of(actor, busiest.keySet().stream().map(ideas::get).filter(Objects::nonNull).toList())
                .stream().map(idea -> new ShiftActivity.HotThread(idea, busiest.get(idea.id()))).toList();
        return new ShiftActivity(since, newIdeas, hot);
    }

    public Post require(Actor actor, long postId) {
        return views.require(actor, postId);
    }

    public ForumPage ideas(Actor actor, long forumId, int page) {
        return ideas(actor, forumId, page, IdeaOrder.NEWEST);
    }

    /** One page of a forum's ideas in the order asked for: newest, most agreed, or another module's ranking. */
    public ForumPage ideas(Actor actor, long forumId, int page, String order) {
        var place = jams.requireForum(actor, forumId);
        int current = Math.clamp(page, 0, MAX_PAGE);
        int offset = current * IDEAS_PER_PAGE;
        if (orders().stream().noneMatch(known -> known.key().equals(order))) {
            throw Refusal.invalid("order", "forum.order.unknown", order);
        }
        var ranking = rankings.stream().filter(r -> r.key().equals(order)).findFirst();
        List<Row> rows;
        if (ranking.isPresent()) {
            var ids = ranked(ranking.get().rank(place.jam().id(), forumId), posts.ideaIds(forumId));
            var slice = ids.subList(Math.min(offset, ids.size()), Math.min(ids.size(), offset + IDEAS_PER_PAGE + 1));
            var found = posts.findAll(slice);
            rows = slice.stream().map(found::get).filter(Objects::nonNull).toList();
        } else if (IdeaOrder.MOST_AGREED.equals(order)) {
            rows = posts.ideasByAgreement(forumId, offset, IDEAS_PER_PAGE + 1);
        } else {
            rows = posts.ideas(forumId, offset, IDEAS_PER_PAGE + 1);
        }
        boolean hasMore = rows.size() > IDEAS_PER_PAGE;
        var shown = views.of(actor, rows.subList(0, Math.min(rows.size(), IDEAS_PER_PAGE)));
        return new ForumPage(shown, current, hasMore, ranking.map(IdeaRanking::key).orElse(
                IdeaOrder.MOST_AGREED.equals(order) ? IdeaOrder.MOST_AGREED : IdeaOrder.NEWEST), orders());
    }

    /** The orders the forum page offers, as (key, message key): the built-in two, then other modules' rankings. */
    public List<IdeaOrder> orders() {
        var orders = new ArrayList<IdeaOrder>(List.of(new IdeaOrder(IdeaOrder.NEWEST, "forum.order.newest"),
                new IdeaOrder(IdeaOrder.MOST_AGREED, "forum.order.mostAgreed")));
        rankings.forEach(r -> orders.add(new IdeaOrder(r.key(), r.labelKey())));
        return orders;
    }

    /** The ranking's ideas of this forum first, in its order; the rest after, newest first. */
    static List<Long> ranked(List<Long> ranking, List<Long> ideasNewestFirst) {
        var ideas = new LinkedHashSet<>(ideasNewestFirst);
        var ordered = new LinkedHashSet<Long>();
        ranking.stream().filter(ideas::contains).forEach(ordered::add);
        ordered.addAll(ideas);
        return new ArrayList<>(ordered);
    }

    /** An idea with one page of its replies, each reply right after the post it builds on. */
    public ThreadPage thread(Actor actor, long ideaId, int page) {
        var idea = views.requireRow(actor, ideaId);
        if (idea.parentId() != null) {
            throw Refusal.notFound("thread.notFound");
        }
        // Order the whole thread by its links alone; read the text of just the page shown.
        var ordered = conversationOrder(posts.replyLinks(ideaId));
        int pages = Math.max(1, (ordered.size() + REPLIES_PER_PAGE - 1) / REPLIES_PER_PAGE);
        int current = Math.clamp(page, 0, pages - 1);
        var slice = ordered.subList(current * REPLIES_PER_PAGE, Math.min(ordered.size(), (current + 1) * REPLIES_PER_PAGE));
        var rows = posts.findAll(slice);
        var pageRows = slice.stream().map(rows::get).filter(Objects::nonNull);
        var all = views.of(actor, Stream.concat(Stream.of(idea), pageRows).toList());
        return new ThreadPage(all.getFirst(), all.subList(1, all.size()), current, pages);
    }

    /** Which page of its thread a reply is on, to send its author straight to it. */
    public int pageOf(Actor actor, long ideaId, long postId) {
        views.requireRow(actor, ideaId);
        int index = conversationOrder(posts.replyLinks(ideaId)).indexOf(postId);
        return Math.max(index, 0) / REPLIES_PER_PAGE;
    }

    public List<Post> latestInJam(Actor actor, long jamId, int limit) {
        jams.require(actor, jamId);
        return views.of(actor, posts.latestInJam(jamId, Math.clamp(limit, 1, 100)));
    }

    public long countInJam(long jamId) {
        return posts.countInJam(jamId);
    }

    public long countIdeasInJam(long jamId) {
        return posts.countIdeasInJam(jamId);
    }

    /** A post's reactions now, for background work done on no one's behalf (webhook milestones). */
    public ReactionCounts countsOf(long postId) {
        return posts.counts(List.of(postId)).getOrDefault(postId, ReactionCounts.NONE);
    }

    /**
     * These posts' reactions now, for what is sent to every reader of their threads (the live tallies): a hidden post,
     * or a post in a hidden thread, is left out, as its page shows no counts to most readers.
     */
    public Map<Long, ReactionCounts> countsEveryReaderSees(Collection<Long> postIds) {
        var shown = posts.shownToEveryReader(postIds);
        var counts = posts.counts(shown);
        var all = new HashMap<Long, ReactionCounts>();
        shown.forEach(post -> all.put(post, counts.getOrDefault(post, ReactionCounts.NONE)));
        return all;
    }

    /** How many replies these ideas' threads hold, as the forum's list shows it; a thread without replies is left out. */
    public Map<Long, Long> replyCountsOf(Collection<Long> ideaIds) {
        return posts.replyCounts(ideaIds);
    }

    /** The given posts that this person may read, in the order asked for; unknown ids are left out. */
    public List<Post> find(Actor actor, List<Long> ids) {
        var rows = posts.findAll(ids);
        var visibleJams = new HashSet<Long>();
        rows.values().stream().map(Row::jamId).distinct().forEach(jamId -> {
            jams.require(actor, jamId);
            visibleJams.add(jamId);
        });
        return views.of(actor, ids.stream().distinct().map(rows::get).filter(Objects::nonNull)
                .filter(row -> visibleJams.contains(row.jamId())).toList());
    }

    /** The posts most agreed with (raw counts) in a Jam, or in one of its forums when forumId is not null. */
    public List<Post> mostAgreed(Actor actor, long jamId, Long forumId, int limit) {
        jams.require(actor, jamId);
        return find(actor, posts.mostAgreed(jamId, forumId, Math.clamp(limit, 1, 100)));
    }

    /** Depth-first: every reply directly after its parent, siblings oldest first. Returns the reply ids. */
    static List<Long> conversationOrder(List<PostRepository.Link> replies) {
        var children = new LinkedHashMap<Long, List<PostRepository.Link>>();
        var ids = new HashSet<Long>();
        for (var reply : replies) {
            children.computeIfAbsent(reply.parentId(), k -> new ArrayList<>()).add(reply);
            ids.add(reply.id());
        }
        var ordered = new ArrayList<Long>(replies.size());
        var stack = new ArrayList<PostRepository.Link>();
        // Roots of the walk: replies whose parent is the idea (or missing from the list).
        var roots = replies.stream().filter(r -> !ids.contains(r.parentId())).toList();
        for (int i = roots.size() - 1; i >= 0; i--) {
            stack.add(roots.get(i));
        }
        while (!stack.isEmpty()) {
            var next = stack.removeLast();
            ordered.add(next.id());
            var kids = children.getOrDefault(next.id(), List.of());
            for (int i = kids.size() - 1; i >= 0; i--) {
                stack.add(kids.get(i));
            }
        }
        return ordered;
    }
}
