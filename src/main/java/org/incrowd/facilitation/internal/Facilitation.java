package org.incrowd.facilitation.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.incrowd.discussion.Moderating;
import org.incrowd.discussion.Post;
import org.incrowd.discussion.Reading;
import org.incrowd.facilitation.FacilitationEvents;
import org.incrowd.facilitation.internal.AuditLog.Action;
import org.incrowd.identity.Actor;
import org.incrowd.identity.IdentityService;
import org.incrowd.jam.Jam;
import org.incrowd.jam.JamService;
import org.incrowd.jam.Place;
import org.incrowd.shared.Refusal;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every facilitation command: who may do it (the forum's hosts and facilitators, organisers everywhere; flags by
 * anyone who may post there), the change itself, and its line in the audit log, in one transaction.
 */
@Service
public class Facilitation {

    private final Reading discussion;
    private final Moderating moderating;
    private final JamService jams;
    private final IdentityService identity;
    private final Flags flags;
    private final Announcements announcements;
    private final GuestSessions guests;
    private final HandOffNotes notes;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Facilitation(Reading discussion, Moderating moderating, JamService jams, IdentityService identity, Flags flags,
                 Announcements announcements, GuestSessions guests, HandOffNotes notes, AuditLog audit,
                 ApplicationEventPublisher events, Clock clock) {
        this.discussion = discussion;
        this.moderating = moderating;
        this.jams = jams;
        this.identity = identity;
        this.flags = flags;
        this.announcements = announcements;
        this.guests = guests;
        this.notes = notes;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    // ---- participants ---------------------------------------------------------------------------------------------

    /** A participant asks the facilitators to look at someone else's post. */
    @Transactional
    Post flag(Actor actor, long postId, String reason, String detail) {
        var post = discussion.require(actor, postId);
        jams.requirePostingRights(actor, post.forumId());
        var why = FacilitationRules.flagReason(reason);
        String words = FacilitationRules.text("detail", detail, FacilitationRules.MAX_DETAIL, why == FlagReason.OTHER);
        if (post.authorId() == actor.personId()) {
            throw Refusal.forbidden("flag.ownPost");
        }
        if (post.moderation().hidden()) {
            throw Refusal.conflict("flag.alreadyHidden");
        }
        if (flags.hasOpenFlag(postId, actor.personId())) {
            throw Refusal.conflict("flag.already");
        }
        flags.add(postId, post.jamId(), post.forumId(), actor.personId(), why, words, clock.instant());
        events.publishEvent(new FacilitationEvents.PostFlagged(postId, post.jamId(), post.forumId(), why.name()));
        return post;
    }

    // ---- posts ----------------------------------------------------------------------------------------------------

    /** Hides a post with the reason its author will read; its open flags are settled as "hidden". */
    @Transactional
    Post hide(Actor actor, long postId, String reason) {
        var post = moderating.hide(actor, postId, reason);
        flags.resolve(postId, actor.personId(), "HIDDEN", clock.instant());
        record(actor, post, Action.HIDE, post.moderation().hiddenReason());
        return post;
    }

    @Transactional
    Post restore(Actor actor, long postId, String reason) {
        String why = FacilitationRules.text("reason", reason, FacilitationRules.MAX_DETAIL, true);
        var post = moderating.restore(actor, postId, why);
        record(actor, post, Action.RESTORE, why);
        return post;
    }

    /** The flags were looked at and the post stays: the queue forgets them, the log keeps why. */
    @Transactional
    Post keep(Actor actor, long postId, String reason) {
        var post = discussion.require(actor, postId);
        jams.requireFacilitation(actor, post.forumId());
        String why = FacilitationRules.text("reason", reason, FacilitationRules.MAX_DETAIL, false);
        if (flags.resolve(postId, actor.personId(), "KEPT", clock.instant()) == 0) {
            throw Refusal.conflict("flag.noneOpen");
        }
        record(actor, post, Action.KEEP, why);
        return post;
    }

    @Transactional
    Post pin(Actor actor, long postId, boolean pinned) {
        var post = moderating.pin(actor, postId, pinned);
        record(actor, post, pinned ? Action.PIN : Action.UNPIN, null);
        return post;
    }

    @Transactional
    Post spotlight(Actor actor, long postId, boolean spotlit) {
        var post = moderating.spotlight(actor, postId, spotlit);
        record(actor, post, spotlit ? Action.SPOTLIGHT : Action.UNSPOTLIGHT, null);
        return post;
    }

    @Transactional
    Post move(Actor actor, long ideaId, long toForumId, String reason) {
        String why = FacilitationRules.text("reason", reason, FacilitationRules.MAX_DETAIL, false);
        long from = discussion.require(actor, ideaId).forumId();
        var idea = moderating.moveThread(actor, ideaId, toForumId);
        var target = jams.requireForum(actor, toForumId).forum().title();
        audit.record(idea.jamId(), from, actor.personId(), Action.MOVE, ideaId,
                why == null ? target : target + " — " + why, clock.instant());
        return idea;
    }

    // ---- announcements, guests, hand-off notes --------------------------------------------------------------------

    /** An announcement to one forum, by its hosts and facilitators (or organisers). */
    @Transactional
    void announceToForum(Actor actor, long forumId, String body) {
        announceToForum(actor, forumId, body, false);
    }

    /** {@code byMail}: the facilitator ticked "also send by e-mail"; members are told in their notifications too. */
    @Transactional
    void announceToForum(Actor actor, long forumId, String body, boolean byMail) {
        var place = jams.requireFacilitation(actor, forumId);
        announce(actor, place.jam(), forumId, body, byMail);
    }

    /** An announcement to everyone in a Jam: organisers only. */
    @Transactional
    void announceToJam(Actor actor, long jamId, String body, boolean byMail) {
        var jam = jams.require(actor, jamId);
        if (!actor.canOrganise()) {
            throw Refusal.forbidden("facilitation.forbidden");
        }
        announce(actor, jam, null, body, byMail);
    }

    private void announce(Actor actor, Jam jam, Long forumId, String body, boolean byMail) {
        String text = FacilitationRules.text("announcement", body, FacilitationRules.MAX_ANNOUNCEMENT, true);
        long id = announcements.add(jam.id(), forumId, actor.personId(), text, clock.instant());
        audit.record(jam.id(), forumId, actor.personId(), Action.ANNOUNCE, null, text, clock.instant());
        events.publishEvent(new FacilitationEvents.AnnouncementMade(id, jam.id(), forumId));
        events.publishEvent(new FacilitationEvents.AnnouncedBy(id, jam.id(), forumId, actor.personId()));
        if (byMail) {
            events.publishEvent(new FacilitationEvents.AnnouncementMailed(id, jam.id(), forumId, actor.personId(),
                    text));
        }
    }

    /** Corrects an announcement's text, by whoever may announce in its place. */
    @Transactional
    Announcements.Announcement editAnnouncement(Actor actor, long announcementId, String body) {
        var announcement = manageable(actor, announcementId);
        String text = FacilitationRules.text("announcement", body, FacilitationRules.MAX_ANNOUNCEMENT, true);
        announcements.edit(announcementId, text, clock.instant());
        audit.record(announcement.jamId(), announcement.forumId(), actor.personId(), Action.EDIT_ANNOUNCEMENT, null,
                text, clock.instant());
        events.publishEvent(new FacilitationEvents.AnnouncementChanged(announcementId, announcement.jamId(),
                announcement.forumId()));
        return announcement;
    }

    /** Takes an announcement off every page; the console keeps it, marked withdrawn. */
    @Transactional
    Announcements.Announcement withdrawAnnouncement(Actor actor, long announcementId) {
        var announcement = manageable(actor, announcementId);
        announcements.withdraw(announcementId, clock.instant());
        audit.record(announcement.jamId(), announcement.forumId(), actor.personId(), Action.WITHDRAW_ANNOUNCEMENT,
                null, announcement.body(), clock.instant());
        events.publishEvent(new FacilitationEvents.AnnouncementChanged(announcementId, announcement.jamId(),
                announcement.forumId()));
        return announcement;
    }

    /** A reader has read an announcement and wants it gone from their pages, for good. */
    @Transactional
    void dismissAnnouncement(Actor actor, long announcementId) {
        var announcement = announcements.find(announcementId)
                .orElseThrow(() -> Refusal.notFound("announcement.notFound"));
        if (announcement.forumId() == null) {
            jams.require(actor, announcement.jamId());
        } else {
            jams.requireForum(actor, announcement.forumId());
        }
        announcements.dismiss(announcementId, actor.personId(), clock.instant());
    }

    /** The announcements of a console's place: a forum's (its staff), or the whole Jam's (organisers). */
    @Transactional(readOnly = true)
    List<Announcements.Announcement> announcementsOf(Actor actor, long jamId, Long forumId) {
        requireAnnouncer(actor, jamId, forumId);
        return announcements.of(jamId, forumId, 50);
    }

    /** One announcement, for those who may manage it (the console re-shows a refused correction beside it). */
    @Transactional(readOnly = true)
    Announcements.Announcement announcement(Actor actor, long announcementId) {
        return manageable(actor, announcementId);
    }

    /** Who may announce in a place may also correct and withdraw what was announced there. */
    private Announcements.Announcement manageable(Actor actor, long announcementId) {
        var announcement = announcements.find(announcementId)
                .orElseThrow(() -> Refusal.notFound("announcement.notFound"));
        requireAnnouncer(actor, announcement.jamId(), announcement.forumId());
        return announcement;
    }

    /** A forum's hosts and facilitators (and organisers) announce there; only organisers to the whole Jam. */
    private void requireAnnouncer(Actor actor, long jamId, Long forumId) {
        if (forumId != null) {
            jams.requireFacilitation(actor, forumId);
            return;
        }
        jams.require(actor, jamId);
        if (!actor.canOrganise()) {
            throw Refusal.forbidden("facilitation.forbidden");
        }
    }

    /** Schedules a guest for a time slot in a forum; times are read in the Jam's time zone. */
    @Transactional
    void scheduleGuest(Actor actor, long forumId, String email, String label, String startsAt, String endsAt) {
        var place = jams.requireFacilitation(actor, forumId);
        var guest = identity.findByEmail(email == null ? "" : email.strip())
                .orElseThrow(() -> Refusal.invalid("email", "guest.unknownPerson"));
        String mark = FacilitationRules.text("label", label, FacilitationRules.MAX_LABEL, true);
        var zone = place.jam().timeZone();
        var start = FacilitationRules.localTime("startsAt", startsAt, zone);
        var end = FacilitationRules.localTime("endsAt", endsAt, zone);
        FacilitationRules.guestSlot(start, end, clock.instant());
        guests.add(place.jam().id(), forumId, guest.id(), mark, start, end, actor.personId());
        // The record says the slot as the facilitator typed it: in the Jam's time zone, named.
        var local = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(zone);
        audit.record(place.jam().id(), forumId, actor.personId(), Action.SCHEDULE_GUEST, null,
                guest.displayName() + " (" + mark + "), " + local.format(start) + " – " + local.format(end) + " ("
                        + zone.getId() + ")", clock.instant());
    }

    @Transactional
    void leaveNote(Actor actor, long forumId, String body) {
        var place = jams.requireFacilitation(actor, forumId);
        String text = FacilitationRules.text("note", body, FacilitationRules.MAX_NOTE, true);
        notes.add(forumId, actor.personId(), text, clock.instant());
        audit.record(place.jam().id(), forumId, actor.personId(), Action.HANDOFF_NOTE, null, null, clock.instant());
    }

    /**
     * Announces the guest sessions whose slot has begun. Each start is claimed with a conditional update, so with
     * several nodes exactly one announces it.
     */
    @Transactional
    int startDueGuestSessions() {
        int started = 0;
        Instant now = clock.instant();
        for (var session : guests.dueToStart(now)) {
            if (guests.markStarted(session.id(), now)) {
                events.publishEvent(new FacilitationEvents.GuestSessionStarted(session.id(), session.jamId(),
                        session.forumId(), session.personId(), session.label()));
                started++;
            }
        }
        return started;
    }

    // ---- reading --------------------------------------------------------------------------------------------------

    /** What a facilitator sees at the start of a shift, and works from during it. */
    public record Console(Place place, List<HandOffNotes.HandOffNote> notes, Instant since, long flagsSince,
                   org.incrowd.discussion.ShiftActivity activity, List<QueuedPost> queue,
                   List<GuestSessions.GuestSession> guests, List<AuditLog.Entry> actions,
                   java.util.Map<Long, String> names) {
    }

    /** A flagged post with its flags. */
    public record QueuedPost(Post post, List<Flags.Flag> flags) {
    }

    /** With no note yet, "since the last shift" means the last 8 hours: about one shift. */
    static final Duration DEFAULT_SHIFT = Duration.ofHours(8);

    @Transactional(readOnly = true)
    Console console(Actor actor, long forumId) {
        var place = jams.requireFacilitation(actor, forumId);
        var latestNotes = notes.latest(forumId, 5);
        Instant since = latestNotes.isEmpty() ? clock.instant().minus(DEFAULT_SHIFT) : latestNotes.getFirst().createdAt();
        var queued = flags.queue(forumId, 50);
        var posts = discussion.find(actor, queued.stream().map(Flags.FlaggedPost::postId).toList());
        var byId = new java.util.HashMap<Long, Post>();
        posts.forEach(p -> byId.put(p.id(), p));
        var queue = queued.stream().filter(q -> byId.containsKey(q.postId()))
                .map(q -> new QueuedPost(byId.get(q.postId()), q.flags())).toList();
        var actions = audit.ofForum(forumId, 30);
        var sessions = guests.current(place.jam().id(), forumId, clock.instant(), 10);
        return new Console(place, latestNotes, since, flags.raisedSince(forumId, since),
                discussion.activitySince(actor, forumId, since), queue, sessions, actions,
                names(latestNotes.stream().map(HandOffNotes.HandOffNote::authorId),
                        actions.stream().map(AuditLog.Entry::actorId),
                        sessions.stream().map(GuestSessions.GuestSession::personId)));
    }

    /** The organisers' view of a Jam: open flags per forum, and everything every facilitator did. */
    public record JamConsole(Jam jam, List<org.incrowd.jam.Forum> forums, java.util.Map<Long, Long> openFlags,
                      List<AuditLog.Entry> actions, java.util.Map<Long, String> names) {
    }

    @Transactional(readOnly = true)
    JamConsole jamConsole(Actor actor, long jamId) {
        var jam = jams.require(actor, jamId);
        if (!actor.canOrganise()) {
            throw Refusal.forbidden("facilitation.forbidden");
        }
        var actions = audit.ofJam(jamId, 200);
        return new JamConsole(jam, jams.forums(actor, jamId), flags.openPerForum(jamId), actions,
                names(actions.stream().map(AuditLog.Entry::actorId)));
    }

    @SafeVarargs
    private java.util.Map<Long, String> names(java.util.stream.Stream<Long>... ids) {
        var all = java.util.Arrays.stream(ids).flatMap(s -> s).collect(java.util.stream.Collectors.toSet());
        var names = new java.util.HashMap<Long, String>();
        identity.findAll(all).forEach((id, person) -> names.put(id, person.displayName()));
        return names;
    }

    private void record(Actor actor, Post post, Action action, String detail) {
        audit.record(post.jamId(), post.forumId(), actor.personId(), action, post.id(), detail, clock.instant());
    }
}
