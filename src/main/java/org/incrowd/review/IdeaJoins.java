package org.incrowd.review;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.incrowd.discussion.Joining;
import org.incrowd.identity.Actor;
import org.incrowd.jam.JamService;
import org.incrowd.review.internal.IdeaReviews;
import org.incrowd.review.internal.JoinRows;
import org.incrowd.shared.FieldErrors;
import org.incrowd.shared.Refusal;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Duplicates joined with consent. An organiser, or a facilitator of both ideas' forums, proposes to link two ideas
 * of a Jam or to merge one into the other, saying why; both authors accept or decline; nothing happens to the ideas
 * until both accepted, and one decline ends the proposal. A merge moves the joined idea's reactions to the surviving
 * one without counting anyone twice (see {@link Joining}); a reviewer can undo it exactly. Every step is recorded in
 * the ledger on both ideas, so each idea's "what happened" tells it.
 */
@Service
public class IdeaJoins {

    /** Longest note (why the ideas belong together) and reason (why a join is undone), in characters. */
    public static final int MAX_NOTE = 2000;
    /** The ledger's actions, recorded on both ideas; the detail names the proposal and the other idea. */
    public static final String PROPOSED = "JOIN_PROPOSED";
    public static final String ACCEPTED = "JOIN_ACCEPTED";
    public static final String DECLINED = "JOIN_DECLINED";
    public static final String MERGED = "MERGED";
    public static final String LINKED = "LINKED";
    public static final String UNDONE = "JOIN_UNDONE";
    /** What open pages are told changed. */
    public static final String LIVE_WHAT = "join";

    private static final Pattern IDEA_REF = Pattern.compile("^(?:.*/(?:threads|posts|ideas)/)?(\\d{1,18})(?:[/?#].*)?$");

    private final JamService jams;
    private final IdeaReviews reviews;
    private final JoinRows rows;
    private final Joining joining;
    private final ReviewLedger ledger;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    IdeaJoins(JamService jams, IdeaReviews reviews, JoinRows rows, Joining joining, ReviewLedger ledger,
              ApplicationEventPublisher events, Clock clock) {
        this.jams = jams;
        this.reviews = reviews;
        this.rows = rows;
        this.joining = joining;
        this.ledger = ledger;
        this.events = events;
        this.clock = clock;
    }

    /** An idea's id from what a person typed: the number, or a link to the idea ({@code /threads/42}, {@code /posts/42}). */
    public static Optional<Long> ideaIdIn(String typed) {
        var matcher = IDEA_REF.matcher(typed == null ? "" : typed.strip());
        return matcher.matches() ? Optional.of(Long.parseLong(matcher.group(1))) : Optional.empty();
    }

    /**
     * Proposes to join {@code ideaId} and {@code otherId} (a merge joins the first into the second). Refused as a
     * whole, changing nothing, when the kind or the note is missing, either idea is not an idea of the Jam, they are
     * the same, one of them is joined into another idea already, or the same two ideas have an open proposal.
     */
    @Transactional
    public IdeaJoin propose(Actor actor, long jamId, JoinKind kind, Long ideaId, Long otherId, String note) {
        jams.require(actor, jamId);
        var errors = FieldErrors.none();
        if (ideaId == null) {
            errors.add("ideas", "joining.unknownIdea");
        }
        if (kind == null) {
            errors.add("kind", "joining.kindRequired");
        }
        if (otherId == null) {
            errors.add("other", "joining.otherRequired");
        } else if (otherId.equals(ideaId)) {
            errors.add("other", "joining.sameIdea");
        }
        String written = note == null ? "" : note.strip();
        if (written.isEmpty()) {
            errors.add("note", "joining.noteRequired");
        } else if (written.length() > MAX_NOTE) {
            errors.add("note", "joining.noteTooLong", MAX_NOTE);
        }
        errors.throwIfAny();
        var standings = reviews.standings(jamId, List.of(ideaId, otherId));
        var idea = standings.stream().filter(s -> s.ideaId() == ideaId).findFirst();
        var other = standings.stream().filter(s -> s.ideaId() == otherId).findFirst();
        if (idea.isEmpty() || other.isEmpty()) {
            throw Refusal.invalid("ideas", "joining.unknownIdea");
        }
        requireStaff(actor, idea.get().forumId(), other.get().forumId());
        if (!joining.joinedInto(List.of(ideaId, otherId)).isEmpty()) {
            throw Refusal.invalid("other", "joining.alreadyJoined");
        }
        if (kind == JoinKind.MERGE && joining.hasJoined(ideaId)) {
            throw Refusal.invalid("other", "joining.hasJoined");
        }
        boolean open = rows.standingOf(List.of(ideaId)).stream().anyMatch(join -> join.state() == JoinState.PROPOSED
                && join.otherThan(ideaId) == otherId);
        if (open) {
            throw Refusal.invalid("other", "joining.alreadyProposed");
        }
        var now = clock.instant();
        long id = rows.insert(jamId, kind, ideaId, otherId, idea.get().authorId(), other.get().authorId(), written,
                actor.personId(), now);
        var join = rows.find(id).orElseThrow();
        record(join, PROPOSED, kind.name(), written, actor.personId());
        events.publishEvent(new JoinEvents.JoinProposed(join));
        changed(join);
        return join;
    }

    /** The proposal, for whoever may see the Jam. */
    @Transactional(readOnly = true)
    public IdeaJoin require(Actor actor, long joinId) {
        var join = rows.find(joinId).orElseThrow(() -> Refusal.notFound("joining.notFound"));
        jams.require(actor, join.jamId());
        return join;
    }

    /** Whether the actor may propose, carry out and undo joins of ideas in this forum. */
    public boolean mayPropose(Actor actor, long forumId) {
        if (actor.isGuest()) {
            return false;
        }
        try {
            return jams.mayFacilitate(actor, jams.requireForum(actor, forumId));
        } catch (Refusal unseen) {
            return false;
        }
    }

    /**
     * An author's answer. Only the two authors answer; one decline ends the proposal; the second acceptance (the
     * first, when one person wrote both ideas) carries the join out in the same transaction.
     */
    @Transactional
    public IdeaJoin consent(Actor actor, long joinId, Boolean accept, String comment) {
        var join = rows.lock(joinId).orElseThrow(() -> Refusal.notFound("joining.notFound"));
        jams.require(actor, join.jamId());
        if (!join.isAuthor(actor.personId())) {
            throw Refusal.forbidden("joining.authorsOnly");
        }
        if (accept == null) {
            throw Refusal.invalid("accept", "joining.answerRequired");
        }
        if (join.state() != JoinState.PROPOSED) {
            throw Refusal.conflict("joining.notOpen");
        }
        String written = comment == null || comment.isBlank() ? null : comment.strip();
        if (written != null && written.length() > MAX_NOTE) {
            throw Refusal.invalid("comment", "joining.noteTooLong", MAX_NOTE);
        }
        long me = actor.personId();
        rows.answer(joinId, me == join.ideaAuthorId() ? accept : join.ideaConsent(),
                me == join.otherAuthorId() ? accept : join.otherConsent());
        var now = clock.instant();
        if (!accept) {
            rows.state(joinId, JoinState.DECLINED, now);
            var declined = rows.find(joinId).orElseThrow();
            record(declined, DECLINED, null, written, me);
            events.publishEvent(new JoinEvents.JoinDeclined(declined, me, written));
            changed(declined);
            return declined;
        }
        var answered = rows.find(joinId).orElseThrow();
        record(answered, ACCEPTED, null, written, me);
        return answered.consented() ? carryOut(answered, me) : answered;
    }

    /**
     * Carries out a proposal both authors accepted. {@link #consent} does so on the second acceptance; called
     * before that, it is refused with the reason and changes nothing: no join without both authors' consent.
     */
    @Transactional
    public IdeaJoin carryOut(Actor actor, long joinId) {
        var join = rows.lock(joinId).orElseThrow(() -> Refusal.notFound("joining.notFound"));
        jams.require(actor, join.jamId());
        requireStaff(actor, join);
        if (join.state() != JoinState.PROPOSED) {
            throw Refusal.conflict("joining.notOpen");
        }
        if (!join.consented()) {
            throw Refusal.conflict("joining.consentMissing");
        }
        return carryOut(join, actor.personId());
    }

    /** Undoes a carried-out join with a written reason: both ideas get back the reactions they had before. */
    @Transactional
    public IdeaJoin undo(Actor actor, long joinId, String reason) {
        var join = rows.lock(joinId).orElseThrow(() -> Refusal.notFound("joining.notFound"));
        jams.require(actor, join.jamId());
        requireStaff(actor, join);
        String written = reason == null ? "" : reason.strip();
        if (written.isEmpty()) {
            throw Refusal.invalid("reason", "joining.undoReasonRequired");
        } else if (written.length() > MAX_NOTE) {
            throw Refusal.invalid("reason", "joining.noteTooLong", MAX_NOTE);
        }
        if (join.state() != JoinState.DONE) {
            throw Refusal.conflict("joining.notDone");
        }
        if (join.kind() == JoinKind.MERGE) {
            joining.undo(join.ideaId());
        }
        rows.state(joinId, JoinState.UNDONE, clock.instant());
        var undone = rows.find(joinId).orElseThrow();
        record(undone, UNDONE, null, written, actor.personId());
        events.publishEvent(new JoinEvents.JoinUndone(undone, actor.personId(), written));
        changed(undone);
        return undone;
    }

    /** Proposals open or carried out that concern any of the ideas (for the notes under them), oldest first. */
    @Transactional(readOnly = true)
    public List<IdeaJoin> standingOf(java.util.Collection<Long> ideaIds) {
        return rows.standingOf(ideaIds);
    }

    private IdeaJoin carryOut(IdeaJoin join, long actorId) {
        var supporters = new LinkedHashSet<Long>();
        var now = clock.instant();
        if (join.kind() == JoinKind.MERGE) {
            supporters.addAll(joining.join(join.ideaId(), join.otherId(), now).supporters());
        }
        rows.state(join.id(), JoinState.DONE, now);
        var done = rows.find(join.id()).orElseThrow();
        record(done, join.kind() == JoinKind.MERGE ? MERGED : LINKED, null, join.note(), actorId);
        events.publishEvent(new JoinEvents.IdeasJoined(done, supporters));
        changed(done);
        return done;
    }

    private void requireStaff(Actor actor, IdeaJoin join) {
        var standings = reviews.standings(join.jamId(), List.of(join.ideaId(), join.otherId()));
        requireStaff(actor, standings.stream().mapToLong(IdeaReviews.Standing::forumId).distinct().toArray());
    }

    /** Organisers, and facilitators of every forum concerned; 403 for anyone else. */
    private void requireStaff(Actor actor, long... forumIds) {
        for (long forumId : forumIds) {
            if (!mayPropose(actor, forumId)) {
                throw Refusal.forbidden("joining.staffOnly");
            }
        }
    }

    /** The act on both ideas, each naming the other, so that each idea's "what happened" tells it. */
    private void record(IdeaJoin join, String action, String kind, String reason, long actorId) {
        var now = clock.instant();
        var acts = new ArrayList<ReviewLedger.Act>(2);
        for (long ideaId : List.of(join.ideaId(), join.otherId())) {
            String detail = "join:" + join.id() + " other:" + join.otherThan(ideaId) + (kind == null ? "" : " " + kind);
            acts.add(new ReviewLedger.Act(join.jamId(), ideaId, null, action, null, detail, reason, actorId, now, true));
        }
        ledger.recordAll(acts);
    }

    private void changed(IdeaJoin join) {
        var standings = reviews.standings(join.jamId(), List.of(join.ideaId(), join.otherId()));
        for (var standing : standings) {
            events.publishEvent(new ReviewEvents.LoopChanged(join.jamId(), standing.forumId(), standing.ideaId(),
                    LIVE_WHAT));
        }
    }
}
