package org.incrowd.privacy;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.incrowd.discussion.Post;
import org.incrowd.discussion.Reading;
import org.incrowd.identity.Actor;
import org.incrowd.identity.IdentityService;
import org.incrowd.identity.Person;
import org.incrowd.jam.Forum;
import org.incrowd.jam.Jam;
import org.incrowd.jam.JamService;
import org.incrowd.privacy.internal.reveal.RevealRows;
import org.incrowd.shared.AdministrativeAct;
import org.incrowd.shared.FieldErrors;
import org.incrowd.shared.Refusal;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Revealing who wrote a post in a pseudonymous or anonymous forum (ADR 43): one administrator asks, with a written
 * reason; a second, different administrator approves or declines. After approval the two of them, and no one else,
 * see the author's name and account on the request's page; the post keeps its pseudonym everywhere. Every step is
 * an {@link AdministrativeAct} of the audit trail, and the author is told ({@link RevealEvents.AuthorRevealed}).
 */
@Service
public class Reveals {

    public static final int MAX_REASON = 1000;
    public static final int MAX_NOTE = 1000;

    public enum State {
        PENDING, APPROVED, DECLINED;

        public String messageKey() {
            return "privacy.reveal.state." + name();
        }
    }

    /** The revealed author, for the two administrators who agreed to it only. */
    public record Author(long personId, String name, String email) {
    }

    /**
     * A request as an administrator sees it: the post (its title, text and the byline readers see), where it was
     * written, why, who asked, who decided. {@code author} is filled only for the requester and the approver of an
     * approved request.
     */
    public record Reveal(long id, long postId, long threadId, long jamId, String jamTitle, long forumId,
                         String forumTitle, String postTitle, String postText, String shownAs, String reason,
                         long requestedBy, String requestedByName, Instant requestedAt, State state, Long decidedBy,
                         String decidedByName, Instant decidedAt, String note, Author author) {

        public boolean pending() {
            return state == State.PENDING;
        }

        /** Whether this administrator may approve or decline it: pending, and asked by someone else. */
        public boolean decidableBy(Actor actor) {
            return pending() && actor.personId() != requestedBy;
        }
    }

    /** A post whose author is hidden, as the form to ask for a reveal shows it. */
    public record Candidate(long postId, long threadId, String jamTitle, String forumTitle, String postTitle,
                            String postText, String shownAs) {
    }

    private final RevealRows rows;
    private final Reading reading;
    private final JamService jams;
    private final IdentityService identity;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Reveals(RevealRows rows, Reading reading, JamService jams, IdentityService identity,
            ApplicationEventPublisher events, Clock clock) {
        this.rows = rows;
        this.reading = reading;
        this.jams = jams;
        this.identity = identity;
        this.events = events;
        this.clock = clock;
    }

    /** The post an administrator may ask to reveal: 404 if unknown, 409 if its author is shown anyway. */
    public Candidate candidate(Actor actor, long postId) {
        requireAdministrator(actor);
        var post = hiddenPost(actor, postId).orElseThrow(() -> Refusal.notFound("privacy.reveal.unknownPost"));
        var where = where(post);
        return new Candidate(post.id(), post.threadId(), where.jam, where.forum, title(post), post.body(),
                post.authorName());
    }

    /** Pending requests, oldest first. */
    public List<Reveal> pending(Actor actor) {
        requireAdministrator(actor);
        return views(actor, rows.pending());
    }

    /** The latest decided requests, newest first (without names: those stay on each request's own page). */
    public List<Reveal> decided(Actor actor, int limit) {
        requireAdministrator(actor);
        return views(actor, rows.decided(Math.clamp(limit, 1, 100))).stream()
                .map(r -> withAuthor(r, null)).toList();
    }

    public Reveal require(Actor actor, long revealId) {
        requireAdministrator(actor);
        var row = rows.find(revealId).orElseThrow(() -> Refusal.notFound("privacy.reveal.unknown"));
        return views(actor, List.of(row)).getFirst();
    }

    /**
     * Asks to reveal a post's author. Refused with the fields named (422) for a missing, blank or too long reason or
     * an unknown post; 409 where the post names its author anyway or a request for it is already pending.
     */
    @Transactional
    public Reveal request(Actor actor, Long postId, String reason) {
        requireAdministrator(actor);
        var errors = FieldErrors.none();
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            errors.add("reason", "privacy.reveal.reasonMissing");
        } else if (why.length() > MAX_REASON) {
            errors.add("reason", "privacy.reveal.reasonTooLong", String.valueOf(MAX_REASON));
        }
        Optional<Post> post = postId == null ? Optional.empty() : readable(actor, postId);
        if (post.isEmpty()) {
            errors.add("post", "privacy.reveal.unknownPost");
        }
        errors.throwIfAny();
        if (!post.get().byline().hidesAuthor()) {
            throw Refusal.conflict("privacy.reveal.nothingToReveal");
        }
        if (rows.pendingFor(postId)) {
            throw Refusal.conflict("privacy.reveal.alreadyPending");
        }
        long id = rows.add(postId, why, actor.personId(), clock.instant());
        events.publishEvent(new AdministrativeAct(actor.personId(), "post.reveal-requested", "post:" + postId, why,
                Map.of("request", String.valueOf(id))));
        return require(actor, id);
    }

    /**
     * A second administrator approves: from now on the two of them see the author, and the author is told. Refused
     * (409) for the administrator who asked, and for a request already approved or declined.
     */
    @Transactional
    public Reveal approve(Actor actor, long revealId, String note) {
        var row = decidable(actor, revealId, note);
        String kept = note(note);
        if (!rows.decide(revealId, State.APPROVED.name(), actor.personId(), clock.instant(), kept)) {
            throw Refusal.conflict("privacy.reveal.alreadyDecided");
        }
        var post = reading.find(actor, List.of(row.postId())).getFirst();
        events.publishEvent(new AdministrativeAct(actor.personId(), "post.revealed", "post:" + row.postId(),
                row.reason(), details(row, "approvedBy", actor, kept)));
        events.publishEvent(new RevealEvents.AuthorRevealed(row.postId(), post.jamId(), post.authorId(),
                row.requestedBy(), actor.personId(), row.reason()));
        return require(actor, revealId);
    }

    /** A second administrator declines: nothing is revealed; the request stays on record. */
    @Transactional
    public Reveal decline(Actor actor, long revealId, String note) {
        var row = decidable(actor, revealId, note);
        String kept = note(note);
        if (!rows.decide(revealId, State.DECLINED.name(), actor.personId(), clock.instant(), kept)) {
            throw Refusal.conflict("privacy.reveal.alreadyDecided");
        }
        events.publishEvent(new AdministrativeAct(actor.personId(), "post.reveal-declined", "post:" + row.postId(),
                row.reason(), details(row, "declinedBy", actor, kept)));
        return require(actor, revealId);
    }

    private RevealRows.Row decidable(Actor actor, long revealId, String note) {
        requireAdministrator(actor);
        var row = rows.find(revealId).orElseThrow(() -> Refusal.notFound("privacy.reveal.unknown"));
        if (note != null && note.strip().length() > MAX_NOTE) {
            throw Refusal.invalid("note", "privacy.reveal.noteTooLong", String.valueOf(MAX_NOTE));
        }
        if (!State.PENDING.name().equals(row.state())) {
            throw Refusal.conflict(State.APPROVED.name().equals(row.state()) ? "privacy.reveal.alreadyApproved"
                    : "privacy.reveal.alreadyDeclined");
        }
        if (row.requestedBy() == actor.personId()) {
            throw Refusal.conflict("privacy.reveal.secondAdministrator");
        }
        return row;
    }

    private static Map<String, String> details(RevealRows.Row row, String decidedByKey, Actor actor, String note) {
        var details = new java.util.LinkedHashMap<String, String>();
        details.put("request", String.valueOf(row.id()));
        details.put("requestedBy", String.valueOf(row.requestedBy()));
        details.put(decidedByKey, String.valueOf(actor.personId()));
        if (note != null) {
            details.put("note", note);
        }
        return details;
    }

    private static String note(String note) {
        return note == null || note.isBlank() ? null : note.strip();
    }

    /** Only administrators take any part in a reveal (ADR 43). */
    public static void requireAdministrator(Actor actor) {
        if (!actor.isAdministrator()) {
            throw Refusal.forbidden("privacy.reveal.administratorsOnly");
        }
    }

    private Optional<Post> readable(Actor actor, long postId) {
        return reading.find(actor, List.of(postId)).stream().findFirst();
    }

    private Optional<Post> hiddenPost(Actor actor, long postId) {
        var post = readable(actor, postId);
        if (post.isPresent() && !post.get().byline().hidesAuthor()) {
            throw Refusal.conflict("privacy.reveal.nothingToReveal");
        }
        return post;
    }

    private record Where(String jam, String forum) {
    }

    private Where where(Post post) {
        var jam = jams.findAll(List.of(post.jamId())).get(post.jamId());
        var forum = jams.findForum(post.forumId());
        return new Where(jam == null ? "" : jam.title(), forum.map(Forum::title).orElse(""));
    }

    private static String title(Post post) {
        return post.title() != null && !post.title().isBlank() ? post.title()
                : post.threadTitle() == null ? "" : post.threadTitle();
    }

    private List<Reveal> views(Actor actor, List<RevealRows.Row> found) {
        var posts = new java.util.HashMap<Long, Post>();
        reading.find(actor, found.stream().map(RevealRows.Row::postId).distinct().toList())
                .forEach(post -> posts.put(post.id(), post));
        var people = new HashSet<Long>();
        found.forEach(row -> {
            people.add(row.requestedBy());
            if (row.decidedBy() != null) {
                people.add(row.decidedBy());
            }
        });
        Map<Long, Person> names = identity.findAll(people);
        Map<Long, Jam> jamsById = jams.findAll(posts.values().stream().map(Post::jamId).distinct().toList());
        var views = new ArrayList<Reveal>();
        for (var row : found) {
            var post = posts.get(row.postId());
            if (post == null) {
                continue;
            }
            var jam = jamsById.get(post.jamId());
            var state = State.valueOf(row.state());
            boolean party = actor.personId() == row.requestedBy()
                    || (row.decidedBy() != null && actor.personId() == row.decidedBy());
            Author author = state == State.APPROVED && party ? identity.find(post.authorId())
                    .map(person -> new Author(person.id(), person.displayName(), person.email())).orElse(null) : null;
            views.add(new Reveal(row.id(), post.id(), post.threadId(), post.jamId(), jam == null ? "" : jam.title(),
                    post.forumId(), jams.findForum(post.forumId()).map(Forum::title).orElse(""), title(post),
                    post.body(), post.authorName(), row.reason(), row.requestedBy(), name(names, row.requestedBy()),
                    row.requestedAt(), state, row.decidedBy(), row.decidedBy() == null ? null
                    : name(names, row.decidedBy()), row.decidedAt(), row.note(), author));
        }
        return views;
    }

    private static Reveal withAuthor(Reveal r, Author author) {
        return new Reveal(r.id(), r.postId(), r.threadId(), r.jamId(), r.jamTitle(), r.forumId(), r.forumTitle(),
                r.postTitle(), r.postText(), r.shownAs(), r.reason(), r.requestedBy(), r.requestedByName(),
                r.requestedAt(), r.state(), r.decidedBy(), r.decidedByName(), r.decidedAt(), r.note(), author);
    }

    private static String name(Map<Long, Person> people, long id) {
        var person = people.get(id);
        return person == null ? "" : person.displayName();
    }
}
