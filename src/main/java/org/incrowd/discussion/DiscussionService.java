package org.incrowd.discussion;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.incrowd.discussion.internal.PostRepository;
import org.incrowd.discussion.internal.PostRepository.Row;
import org.incrowd.identity.Actor;
import org.incrowd.identity.IdentityService;
import org.incrowd.identity.Person;
import org.incrowd.jam.JamService;
import org.incrowd.web.FieldErrors;
import org.incrowd.web.Refusal;
import org.incrowd.web.SafeMarkdown;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Posting, replying, editing and reacting. Who may write where is the jam module's rule
 * ({@link JamService#requirePostingRights}); what a good post is, is this module's ({@link PostRules}).
 */
@Service
public class DiscussionService {

    public static final int IDEAS_PER_PAGE = 20;
    public static final int REPLIES_PER_PAGE = 50;
    /** Far beyond any real forum, small enough that page × size never overflows. */
    static final int MAX_PAGE = 1_000_000;

    private final PostRepository posts;
    private final JamService jams;
    private final IdentityService identity;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final int postsPerMinute;
    private final List<IdeaRanking> rankings;

    DiscussionService(PostRepository posts, JamService jams, IdentityService identity,
                      ApplicationEventPublisher events, Clock clock,
                      @Value("${incrowd.posting.per-minute:20}") int postsPerMinute, List<IdeaRanking> rankings) {
        this.posts = posts;
        this.jams = jams;
        this.identity = identity;
        this.events = events;
        this.clock = clock;
        this.postsPerMinute = postsPerMinute;
        this.rankings = List.copyOf(rankings);
    }

    // ---- writing -------------------------------------------------------------------------------------------------

    /** Starts a thread with an idea. */
    @Transactional
    public Post startThread(Actor actor, long forumId, PostDraft draft) {
        var place = jams.requirePostingRights(actor, forumId);
        var checked = check(actor, draft, true);
        Instant now = clock.instant();
        long id = posts.insert(place.jam().id(), forumId, null, null, actor.personId(), checked.title(),
                checked.body(), SafeMarkdown.toHtml(checked.body()), 0, now);
        posts.replaceTags(id, checked.tags());
        events.publishEvent(new DiscussionEvents.PostPublished(id, place.jam().id(), forumId, id, null,
                actor.personId()));
        return require(actor, id);
    }

    /** Replies to any post of a thread, building on it. */
    @Transactional
    public Post reply(Actor actor, long parentId, PostDraft draft) {
        var parent = requireRow(actor, parentId);
        jams.requirePostingRights(actor, parent.forumId());
        var checked = check(actor, draft, false);
        Instant now = clock.instant();
        long id = posts.insert(parent.jamId(), parent.forumId(), parent.threadId(), parent.id(), actor.personId(),
                checked.title(), checked.body(), SafeMarkdown.toHtml(checked.body()), parent.depth() + 1, now);
        posts.replaceTags(id, checked.tags());
        events.publishEvent(new DiscussionEvents.PostPublished(id, parent.jamId(), parent.forumId(),
                parent.threadId(), parent.id(), actor.personId()));
        return require(actor, id);
    }

    /** The author edits within the edit window; the earlier version is kept in the history. */
    @Transactional
    public Post edit(Actor actor, long postId, PostDraft draft) {
        var row = requireRow(actor, postId);
        if (row.authorId() != actor.personId()) {
            throw Refusal.forbidden("post.edit.notAuthor");
        }
        jams.requirePostingRights(actor, row.forumId());
        Instant now = clock.instant();
        if (!PostRules.withinEditWindow(row.createdAt(), now)) {
            throw Refusal.conflict("post.edit.windowClosed", PostRules.EDIT_WINDOW.toMinutes());
        }
        var errors = FieldErrors.none();
        var checked = PostRules.check(draft, row.parentId() == null, errors);
        errors.throwIfAny();
        posts.addRevision(postId, row.title(), row.body(), now);
        posts.update(postId, checked.title(), checked.body(), SafeMarkdown.toHtml(checked.body()), now);
        posts.replaceTags(postId, checked.tags());
        events.publishEvent(new DiscussionEvents.PostEdited(postId, row.jamId(), row.forumId(), row.threadId()));
        return require(actor, postId);
    }

    /** Agree, disagree or pass; changing one's reaction is allowed, repeating it is refused. */
    @Transactional
    public Post react(Actor actor, long postId, ReactionKind kind) {
        if (kind == null) {
            throw Refusal.invalid("kind", "reaction.kind.invalid");
        }
        var row = requireRow(actor, postId);
        jams.requirePostingRights(actor, row.forumId());
        if (posts.reaction(postId, actor.personId()).filter(kind::equals).isPresent()) {
            throw Refusal.conflict("reaction.already");
        }
        posts.saveReaction(postId, actor.personId(), kind, clock.instant());
        events.publishEvent(new DiscussionEvents.ReactionCast(postId, row.jamId(), row.forumId(), row.threadId(),
                actor.personId(), kind));
        return require(actor, postId);
    }

    @Transactional
    public Post withdrawReaction(Actor actor, long postId) {
        var row = requireRow(actor, postId);
        jams.requirePostingRights(actor, row.forumId());
        if (posts.deleteReaction(postId, actor.personId()) == 0) {
            throw Refusal.conflict("reaction.none");
        }
        events.publishEvent(new DiscussionEvents.ReactionWithdrawn(postId, row.jamId(), row.forumId(),
                row.threadId(), actor.personId()));
        return require(actor, postId);
    }

    @Transactional
    public Post markHelpful(Actor actor, long postId) {
        var row = requireRow(actor, postId);
        jams.requirePostingRights(actor, row.forumId());
        if (!posts.markHelpful(postId, actor.personId(), clock.instant())) {
            throw Refusal.conflict("helpful.already");
        }
        events.publishEvent(new DiscussionEvents.MarkedHelpful(postId, row.jamId(), actor.personId()));
        return require(actor, postId);
    }

    @Transactional
    public Post unmarkHelpful(Actor actor, long postId) {
        var row = requireRow(actor, postId);
        jams.requirePostingRights(actor, row.forumId());
        if (posts.unmarkHelpful(postId, actor.personId()) == 0) {
            throw Refusal.conflict("helpful.none");
        }
        return require(actor, postId);
    }

    private PostRules.Checked check(Actor actor, PostDraft draft, boolean idea) {
        var errors = FieldErrors.none();
        var checked = PostRules.check(draft, idea, errors);
        errors.throwIfAny();
        if (posts.postsSince(actor.personId(), clock.instant().minus(Duration.ofMinutes(1))) >= postsPerMinute) {
            throw Refusal.tooMany("post.tooFast", postsPerMinute);
        }
        return checked;
    }

    // ---- importing (organisers bring a conversation from another system) -----------------------------------------

    /**
     * Adds statements as ideas of a forum, whatever its phase and without the posting rate limit: they were written
     * elsewhere, earlier. Returns the new post ids in the order given.
     */
    @Transactional
    public List<Long> importStatements(Actor actor, long forumId, List<ImportedStatement> statements) {
        var place = requireImportRights(actor, forumId);
        var ids = new ArrayList<Long>(statements.size());
        for (var statement : statements) {
            String body = PostRules.importedBody(statement.text());
            long id = posts.insert(place.jam().id(), forumId, null, null, statement.authorId(),
                    PostRules.titleFrom(body), body, SafeMarkdown.toHtml(body), 0, statement.createdAt());
            ids.add(id);
        }
        return ids;
    }

    /** Adds reactions to imported ideas of a forum in one batch; announces nothing (see {@link #finishImport}). */
    @Transactional
    public void importReactions(Actor actor, long forumId, List<ImportedReaction> reactions) {
        requireImportRights(actor, forumId);
        posts.saveReactions(reactions);
    }

    /** One event for a whole import, not one per vote, so that listeners catch up once. */
    public void finishImport(Actor actor, long forumId, int statements, int reactions) {
        var place = requireImportRights(actor, forumId);
        events.publishEvent(new DiscussionEvents.ConversationImported(place.jam().id(), forumId, statements,
                reactions));
    }

    private org.incrowd.jam.Place requireImportRights(Actor actor, long forumId) {
        var place = jams.requireForum(actor, forumId);
        if (!actor.canOrganise()) {
            throw Refusal.forbidden("error.forbidden");
        }
        return place;
    }

    // ---- moderation (the forum's hosts and facilitators, and organisers: JamService.mayFacilitate) ---------------

    /** Hides a post from everyone but its author and the forum's facilitators; the author sees the reason. */
    @Transactional
    public Post hide(Actor actor, long postId, String reason) {
        var row = requireFacilitatedRow(actor, postId);
        String checked = PostRules.moderationReason(reason);
        if (row.hidden()) {
            throw Refusal.conflict("moderation.alreadyHidden");
        }
        posts.hide(postId, checked, clock.instant());
        events.publishEvent(new DiscussionEvents.PostHidden(postId, row.jamId(), row.forumId(), row.threadId(),
                row.authorId()));
        return require(actor, postId);
    }

    @Transactional
    public Post restore(Actor actor, long postId) {
        var row = requireFacilitatedRow(actor, postId);
        if (!row.hidden()) {
            throw Refusal.conflict("moderation.notHidden");
        }
        posts.restore(postId);
        events.publishEvent(new DiscussionEvents.PostRestored(postId, row.jamId(), row.forumId(), row.threadId()));
        return require(actor, postId);
    }

    /** Pins an idea to the top of its forum (or unpins it). Replies are read in their conversation, never pinned. */
    @Transactional
    public Post pin(Actor actor, long ideaId, boolean pinned) {
        var row = requireFacilitatedRow(actor, ideaId);
        if (row.parentId() != null) {
            throw Refusal.conflict("moderation.pinIdeasOnly");
        }
        posts.pin(ideaId, pinned ? clock.instant() : null);
        events.publishEvent(new DiscussionEvents.PostFeatured(ideaId, row.jamId(), row.forumId(), row.threadId(),
                pinned, row.spotlitAt() != null));
        return require(actor, ideaId);
    }

    /** Puts a post in the spotlight on its Jam's home page (or takes it out). */
    @Transactional
    public Post spotlight(Actor actor, long postId, boolean spotlit) {
        var row = requireFacilitatedRow(actor, postId);
        posts.spotlight(postId, spotlit ? clock.instant() : null);
        events.publishEvent(new DiscussionEvents.PostFeatured(postId, row.jamId(), row.forumId(), row.threadId(),
                row.pinnedAt() != null, spotlit));
        return require(actor, postId);
    }

    /** Moves a thread with all its replies to another forum of the same Jam; the person must facilitate both. */
    @Transactional
    public Post moveThread(Actor actor, long ideaId, long toForumId) {
        var row = requireFacilitatedRow(actor, ideaId);
        if (row.parentId() != null) {
            throw Refusal.conflict("moderation.moveIdeasOnly");
        }
        var target = jams.requireFacilitation(actor, toForumId);
        if (target.jam().id() != row.jamId()) {
            throw Refusal.invalid("forum", "moderation.move.otherJam");
        }
        if (toForumId == row.forumId()) {
            throw Refusal.invalid("forum", "moderation.move.sameForum");
        }
        posts.moveThread(row.threadId(), toForumId);
        events.publishEvent(new DiscussionEvents.ThreadMoved(row.threadId(), row.jamId(), row.forumId(), toForumId));
        return require(actor, ideaId);
    }

    /**
     * Marks a post as written by a guest during their session. Called by the module that schedules guests, inside
     * the transaction that published the post, so the mark is there when the post is first shown.
     */
    @Transactional
    public void labelAsGuest(long postId, String label) {
        posts.labelAsGuest(postId, label);
    }

    private Row requireFacilitatedRow(Actor actor, long postId) {
        var row = requireRow(actor, postId);
        jams.requireFacilitation(actor, row.forumId());
        return row;
    }

    // ---- reading -------------------------------------------------------------------------------------------------

    /** Posts in the spotlight on a Jam's home page, latest first. */
    public List<Post> spotlit(Actor actor, long jamId, int limit) {
        jams.require(actor, jamId);
        return views(actor, posts.spotlit(jamId, Math.clamp(limit, 1, 20)));
    }

    /** What happened in a forum since a moment (a facilitator's last shift): new ideas and the busiest threads. */
    public ShiftActivity activitySince(Actor actor, long forumId, Instant since) {
        jams.requireFacilitation(actor, forumId);
        var newIdeas = views(actor, posts.ideasSince(forumId, since, 10));
        var busiest = posts.busiestThreadsSince(forumId, since, 5);
        var ideas = posts.findAll(busiest.keySet());
        var hot = views(actor, busiest.keySet().stream().map(ideas::get).filter(java.util.Objects::nonNull).toList())
                .stream().map(idea -> new ShiftActivity.HotThread(idea, busiest.get(idea.id()))).toList();
        return new ShiftActivity(since, newIdeas, hot);
    }

    public Post require(Actor actor, long postId) {
        return views(actor, List.of(requireRow(actor, postId))).getFirst();
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
            rows = slice.stream().map(found::get).filter(java.util.Objects::nonNull).toList();
        } else if (IdeaOrder.MOST_AGREED.equals(order)) {
            rows = posts.ideasByAgreement(forumId, offset, IDEAS_PER_PAGE + 1);
        } else {
            rows = posts.ideas(forumId, offset, IDEAS_PER_PAGE + 1);
        }
        boolean hasMore = rows.size() > IDEAS_PER_PAGE;
        var shown = views(actor, rows.subList(0, Math.min(rows.size(), IDEAS_PER_PAGE)));
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
        var ideas = new java.util.LinkedHashSet<>(ideasNewestFirst);
        var ordered = new java.util.LinkedHashSet<Long>();
        ranking.stream().filter(ideas::contains).forEach(ordered::add);
        ordered.addAll(ideas);
        return new ArrayList<>(ordered);
    }

    /** An idea with one page of its replies, each reply right after the post it builds on. */
    public ThreadPage thread(Actor actor, long ideaId, int page) {
        var idea = requireRow(actor, ideaId);
        if (idea.parentId() != null) {
            throw Refusal.notFound("thread.notFound");
        }
        // Order the whole thread by its links alone; read the text of just the page shown.
        var ordered = conversationOrder(posts.replyLinks(ideaId));
        int pages = Math.max(1, (ordered.size() + REPLIES_PER_PAGE - 1) / REPLIES_PER_PAGE);
        int current = Math.clamp(page, 0, pages - 1);
        var slice = ordered.subList(current * REPLIES_PER_PAGE, Math.min(ordered.size(), (current + 1) * REPLIES_PER_PAGE));
        var rows = posts.findAll(slice);
        var pageRows = slice.stream().map(rows::get).filter(java.util.Objects::nonNull);
        var all = views(actor, Stream.concat(Stream.of(idea), pageRows).toList());
        return new ThreadPage(all.getFirst(), all.subList(1, all.size()), current, pages);
    }

    /** Which page of its thread a reply is on, to send its author straight to it. */
    public int pageOf(Actor actor, long ideaId, long postId) {
        requireRow(actor, ideaId);
        int index = conversationOrder(posts.replyLinks(ideaId)).indexOf(postId);
        return Math.max(index, 0) / REPLIES_PER_PAGE;
    }

    public List<Post> latestInJam(Actor actor, long jamId, int limit) {
        jams.require(actor, jamId);
        return views(actor, posts.latestInJam(jamId, Math.clamp(limit, 1, 100)));
    }

    public long countInJam(long jamId) {
        return posts.countInJam(jamId);
    }

    public long countIdeasInJam(long jamId) {
        return posts.countIdeasInJam(jamId);
    }

    /** The given posts that this person may read, in the order asked for; unknown ids are left out. */
    public List<Post> find(Actor actor, List<Long> ids) {
        var rows = posts.findAll(ids);
        var visibleJams = new HashSet<Long>();
        rows.values().stream().map(Row::jamId).distinct().forEach(jamId -> {
            jams.require(actor, jamId);
            visibleJams.add(jamId);
        });
        return views(actor, ids.stream().distinct().map(rows::get).filter(java.util.Objects::nonNull)
                .filter(row -> visibleJams.contains(row.jamId())).toList());
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
     * Everyone who posted or reacted in a Jam, or in one forum when forumId is not null, with how often (no actor:
     * the caller shows only group counts to people who may see them).
     */
    @Transactional(readOnly = true)
    public void forEachParticipant(long jamId, Long forumId, Consumer<ParticipantActivity> sink) {
        posts.forEachParticipant(jamId, forumId, sink);
    }

    /** Posts and active people per time bucket from {@code origin}; buckets without activity are left out. */
    public List<ActivityBucket> activityOverTime(long jamId, Long forumId, Instant origin, Duration bucket) {
        return posts.activityOverTime(jamId, forumId, origin, bucket.toSeconds());
    }

    /**
     * The Jam's posts that are not hidden, after {@code afterPostId} (0 for all), oldest first, for analysis (no
     * actor: the caller shows only aggregates and posts it reads again through {@link #find}).
     */
    @Transactional(readOnly = true)
    public void forEachPostText(long jamId, long afterPostId, PostTextVisitor visitor) {
        posts.forEachPostText(jamId, afterPostId, visitor);
    }

    /** The posts most agreed with (raw counts) in a Jam, or in one of its forums when forumId is not null. */
    public List<Post> mostAgreed(Actor actor, long jamId, Long forumId, int limit) {
        jams.require(actor, jamId);
        return find(actor, posts.mostAgreed(jamId, forumId, Math.clamp(limit, 1, 100)));
    }

    /** Jams with any post: the only ones that can have reactions worth analysing at start-up. */
    public List<Long> jamsWithPosts() {
        return posts.jamsWithPosts();
    }

    // ---- reading on no one's behalf (indexing, analysis): callers show results only to people who may read ----

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

    /** Which of these posts facilitators hid (an index on another node may not know yet). */
    public java.util.Set<Long> hiddenAmong(Collection<Long> ids) {
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

    public List<Revision> history(Actor actor, long postId) {
        requireRow(actor, postId);
        return posts.revisions(postId);
    }

    /** A post exists and its Jam is visible to this person; otherwise "not found". */
    private Row requireRow(Actor actor, long postId) {
        var row = posts.find(postId).orElseThrow(() -> Refusal.notFound("post.notFound"));
        jams.require(actor, row.jamId());
        return row;
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

    private List<Post> views(Actor actor, List<Row> rows) {
        var ids = rows.stream().map(Row::id).toList();
        var authorIds = new HashSet<Long>();
        rows.forEach(r -> authorIds.add(r.authorId()));
        // One query for the authors of every post these build on, not one per reply.
        var authorOfParent = posts.authorsOf(rows.stream().map(Row::parentId).filter(java.util.Objects::nonNull).toList());
        Map<Long, Long> parentAuthors = new LinkedHashMap<>();
        for (Row row : rows) {
            if (row.parentId() != null && authorOfParent.containsKey(row.parentId())) {
                parentAuthors.put(row.id(), authorOfParent.get(row.parentId()));
                authorIds.add(authorOfParent.get(row.parentId()));
            }
        }
        Map<Long, Person> people = identity.findAll(authorIds);
        var tags = posts.tags(ids);
        var counts = posts.counts(ids);
        var replyCounts = posts.replyCounts(rows.stream().filter(r -> r.parentId() == null).map(Row::id).toList());
        var mine = posts.reactionsOf(actor.personId(), ids);
        var helpful = new HashSet<>(posts.helpfulMarkedBy(actor.personId(), ids));
        var threadTitles = posts.titlesOf(rows.stream().map(Row::threadId).distinct().toList());
        var facilitated = forumsFacilitated(actor, rows);
        return rows.stream().map(r -> {
            var moderation = moderation(actor, r, facilitated);
            boolean withheld = moderation.withheld();
            return new Post(r.id(), r.jamId(), r.forumId(), r.threadId(), r.parentId(),
                    r.authorId(), name(people, r.authorId()),
                    parentAuthors.containsKey(r.id()) ? name(people, parentAuthors.get(r.id())) : null,
                    withheld ? null : r.title(), threadTitles.get(r.threadId()), withheld ? "" : r.body(),
                    withheld ? "" : r.bodyHtml(), withheld ? List.of() : tags.getOrDefault(r.id(), List.of()),
                    r.createdAt(), r.editedAt(), r.depth(), counts.getOrDefault(r.id(), ReactionCounts.NONE),
                    mine.get(r.id()), helpful.contains(r.id()), replyCounts.getOrDefault(r.id(), 0L), moderation);
        }).toList();
    }

    /** The forums of hidden posts among these that the reader facilitates (only those need asking). */
    private java.util.Set<Long> forumsFacilitated(Actor actor, List<Row> rows) {
        var facilitated = new HashSet<Long>();
        rows.stream().filter(Row::hidden).map(Row::forumId).distinct().forEach(forumId -> {
            if (jams.mayFacilitate(actor, jams.requireForum(actor, forumId))) {
                facilitated.add(forumId);
            }
        });
        return facilitated;
    }

    private static Post.Moderation moderation(Actor actor, Row row, java.util.Set<Long> facilitated) {
        boolean mayRead = row.authorId() == actor.personId() || facilitated.contains(row.forumId());
        return new Post.Moderation(row.hidden(), row.hidden() && !mayRead, mayRead ? row.hiddenReason() : null,
                row.pinnedAt() != null, row.spotlitAt() != null, row.guestLabel());
    }

    private static String name(Map<Long, Person> people, long id) {
        var person = people.get(id);
        return person == null ? "?" : person.displayName();
    }

}
