package org.incrowd.jam;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongConsumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.incrowd.identity.Actor;
import org.incrowd.identity.IdentityService;
import org.incrowd.identity.ParticipantType;
import org.incrowd.identity.Person;
import org.incrowd.jam.internal.InvitationRepository;
import org.incrowd.jam.internal.InvitationWriter;
import org.incrowd.jam.internal.JamRepository;
import org.incrowd.jam.internal.JamRepository.RemovalRow;
import org.incrowd.shared.AdministrativeAct;
import org.incrowd.shared.FieldErrors;
import org.incrowd.shared.Refusal;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Jams and forums, and the rules about who sees, joins and posts where. Every method takes the acting person so
 * that authorisation sits here, beside the data.
 */
@Service
public class JamService {

    /** Long enough for a sentence or two; the removed person reads it. */
    static final int MAX_REMOVAL_REASON = 500;
    private static final int MAX_REMOVALS_SHOWN = 200;

    private final JamRepository jams;
    private final InvitationRepository invitations;
    private final InvitationWriter invitationWriter;
    private final IdentityService identity;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Terms terms;

    JamService(JamRepository jams, InvitationRepository invitations, InvitationWriter invitationWriter,
               IdentityService identity, ApplicationEventPublisher events, Clock clock, Terms terms) {
        this.jams = jams;
        this.invitations = invitations;
        this.invitationWriter = invitationWriter;
        this.identity = identity;
        this.events = events;
        this.clock = clock;
        this.terms = terms;
    }

    public Instant now() {
        return clock.instant();
    }

    // ---- reading -------------------------------------------------------------------------------------------------

    /** The Jams this person may see, live ones first. */
    public List<Jam> visibleTo(Actor actor) {
        Instant now = now();
        // The person's invitations in one query, not one per invitation-only Jam; the rest is cached per Jam.
        var inviting = actor.isGuest() ? Set.<Long>of()
                : invitations.invitingJams(actor.verified() ? actor.email() : null, actor.personId());
        return jams.all().stream().filter(jam -> canSee(actor, jam, (who, jamId) -> inviting.contains(jamId)))
                .sorted(java.util.Comparator.comparing((Jam jam) -> jam.phase(now).ordinal() == JamPhase.LIVE.ordinal() ? 0 : 1))
                .toList();
    }

    /**
     * A Jam the person may see; one they may not see is "not found", so its existence does not leak. Someone who was
     * removed from it is told so instead, with the organisers' reason.
     */
    public Jam require(Actor actor, long jamId) {
        var jam = jams.find(jamId).orElseThrow(() -> Refusal.notFound("jam.notFound"));
        if (canSee(actor, jam, this::isInvited)) {
            return jam;
        }
        var removal = jam.published() ? jams.activeRemoval(jamId, actor.personId()) : Optional.<RemovalRow>empty();
        throw removal.map(row -> row.reason() == null ? Refusal.forbidden("jam.invitationWithdrawn")
                : Refusal.forbidden("jam.removed", row.reason())).orElseGet(() -> Refusal.notFound("jam.notFound"));
    }

    /**
     * The given Jams, by id, for background work done on no one's behalf (indexing); whoever shows what it finds
     * checks the reader with {@link #visibleTo} or {@link #require}.
     */
    public Map<Long, Jam> findAll(Collection<Long> jamIds) {
        return jamIds.stream().distinct().map(jams::find).flatMap(java.util.Optional::stream)
                .collect(Collectors.toMap(Jam::id, jam -> jam));
    }

    /** The Jams live at {@code now}, checked for no reader: for work done on no one's behalf (the daily digest). */
    public List<Jam> liveAt(Instant now) {
        return jams.startedAndEndingAfter(now, now);
    }

    /** A forum, checked for no reader: for work done on no one's behalf (telling a forum's staff of a flag). */
    public java.util.Optional<Forum> findForum(long forumId) {
        return jams.findForum(forumId);
    }

    public Place requireForum(Actor actor, long forumId) {
        var forum = jams.findForum(forumId).orElseThrow(() -> Refusal.notFound("forum.notFound"));
        return new Place(require(actor, forum.jamId()), forum);
    }

    /**
     * A Jam's forums, checked for no reader: for pages open to people without an account that show no more than the
     * forums' titles (the topics of a help stream's ask form).
     */
    public List<Forum> forumsOf(long jamId) {
        return jams.forums(jamId);
    }

    public List<Forum> forums(Actor actor, long jamId) {
        require(actor, jamId);
        return jams.forums(jamId);
    }

    /** Hosts and facilitators of the given forums, by forum id. */
    public Map<Long, List<ForumStaff>> staff(Collection<Forum> forums) {
        var rows = jams.staff(forums.stream().map(Forum::id).toList());
        var people = identity.findAll(rows.stream().map(JamRepository.StaffRow::personId).toList());
        return rows.stream().filter(row -> people.containsKey(row.personId()))
                .map(row -> new ForumStaff(row.forumId(), row.personId(), people.get(row.personId()).displayName(),
                        row.role()))
                .collect(Collectors.groupingBy(ForumStaff::forumId));
    }

    public boolean isMember(long jamId, long personId) {
        return jams.isMember(jamId, personId);
    }

    public boolean isStaff(long forumId, long personId) {
        return jams.isStaff(forumId, personId);
    }

    /** Hosts and facilitators guide their own forum; organisers every forum of every Jam. */
    public boolean mayFacilitate(Actor actor, Place place) {
        return actor.canOrganise() || jams.isStaff(place.forum().id(), actor.personId());
    }

    /** A forum this person may see and facilitate; "forbidden" for readers who may see but not facilitate it. */
    public Place requireFacilitation(Actor actor, long forumId) {
        var place = requireForum(actor, forumId);
        if (!mayFacilitate(actor, place)) {
            throw Refusal.forbidden("facilitation.forbidden");
        }
        return place;
    }

    /** The invited addresses (not revoked), for the Jam form's list. */
    public List<String> invitations(Actor actor, long jamId) {
        requireOrganiser(actor);
        return invitations.activeEmails(jamId);
    }

    /** How many addresses are invited (not revoked). */
    public long invitationCount(long jamId) {
        return invitations.activeCount(jamId);
    }

    /**
     * A Jam whose participation figures this person may see: organisers, and the hosts and facilitators of any of
     * its forums, who are the ones to reach out to quiet groups. Others get 403, or 404 where they cannot see the Jam.
     */
    public Jam requireOrganiserOrStaff(Actor actor, long jamId) {
        var jam = require(actor, jamId);
        if (!isOrganiserOrStaff(actor, jamId)) {
            throw Refusal.forbidden("jam.staffOnly");
        }
        return jam;
    }

    public boolean isOrganiserOrStaff(Actor actor, long jamId) {
        return actor.canOrganise() || jams.isStaffOfJam(jamId, actor.personId());
    }

    /** Who the Jam was opened to, for organisers and its staff: the addresses it invites, or the types it admits. */
    public Audience audience(Actor actor, long jamId) {
        return audienceOf(requireOrganiserOrStaff(actor, jamId));
    }

    /** Who the Jam was opened to, without an actor: for read models that show only group figures. */
    public Audience audienceOf(long jamId) {
        return audienceOf(jams.find(jamId).orElseThrow(() -> Refusal.notFound("jam.notFound")));
    }

    private Audience audienceOf(Jam jam) {
        return jam.invitationOnly() ? Audience.invited(invitations.activeEmails(jam.id()))
                : Audience.ofTypes(jam.audience());
    }

    /**
     * Whether a person with this address and type is in the Jam's audience ({@link #audience}), without an actor:
     * for read models that keep figures of the audience current one person at a time.
     */
    public boolean isInAudience(long jamId, String email, ParticipantType type) {
        var jam = jams.find(jamId).orElse(null);
        if (jam == null) {
            return false;
        }
        return jam.invitationOnly() ? invitations.isActiveEmail(jamId, email) : jam.audience().contains(type);
    }

    /** The ids of all Jams, oldest first, for read models that catch up at start. */
    public List<Long> allIds() {
        return jams.all().stream().map(Jam::id).sorted().toList();
    }

    /** The invitation-only Jams that invite this address (not revoked). */
    public List<Long> invitationJamsOf(String email) {
        var inviting = invitations.jamsInviting(email);
        return inviting.isEmpty() ? List.of() : findAll(inviting).values().stream().filter(Jam::invitationOnly)
                .map(Jam::id).sorted().toList();
    }

    /** Everyone who joined the Jam, by person id. */
    public void forEachMember(long jamId, LongConsumer sink) {
        jams.forEachMember(jamId, sink);
    }

    public JamStats stats(long jamId) {
        return jams.stats(jamId);
    }

    // ---- taking part ---------------------------------------------------------------------------------------------

    /** Whether this person could join now (ignoring the terms, which they accept when joining). */
    public boolean mayJoin(Actor actor, Jam jam) {
        return joinRefusal(actor, jam) == null;
    }

    /** Joins a Jam, accepting its terms; joining twice is harmless. */
    @Transactional
    public void join(Actor actor, long jamId, boolean acceptedTerms) {
        var jam = require(actor, jamId);
        String refusal = joinRefusal(actor, jam);
        if (refusal != null) {
            throw Refusal.forbidden(refusal);
        }
        if (jam.hasTerms() && !acceptedTerms) {
            throw Refusal.invalid("acceptTerms", "join.terms.required");
        }
        String country = identity.require(actor.personId()).country();
        if (jams.addMember(jamId, actor.personId(), country, now())) {
            events.publishEvent(new JamEvents.MemberJoined(jamId, actor.personId()));
        }
        terms.acceptShownJamTerms(actor.personId(), jamId); // the join form showed them
    }

    /**
     * An organiser or the Jam's staff makes someone a member who cannot join by themselves (a kiosk-only person with
     * no account to sign in with); admitting twice is harmless.
     */
    @Transactional
    public void admit(Actor actor, long jamId, long personId) {
        requireOrganiserOrStaff(actor, jamId);
        String country = identity.require(personId).country();
        if (jams.addMember(jamId, personId, country, now())) {
            events.publishEvent(new JamEvents.MemberJoined(jamId, personId));
        }
    }

    private String joinRefusal(Actor actor, Jam jam) {
        if (actor.isGuest()) {
            return "join.signInFirst";
        }
        if (actor.isReadOnly()) {
            return "join.readOnly";
        }
        if (!PostingPolicy.acceptsMembers(jam, now())) {
            return "join.notOpen";
        }
        if (jam.invitationOnly() && !actor.verified() && !actor.canOrganise()) {
            return "join.verifyFirst";
        }
        if (!actor.canOrganise() && !mayEnter(actor, jam, this::isInvited)) {
            return "join.notInAudience";
        }
        return null;
    }

    /**
     * Where this person may write now: the Jam takes posts, they are not read-only, and they joined the Jam, serve
     * the forum, or organise.
     */
    public Place requirePostingRights(Actor actor, long forumId) {
        var place = requireForum(actor, forumId);
        var refusal = postingRefusal(actor, place);
        if (refusal != null) {
            throw refusal.get();
        }
        return place;
    }

    /** Whether this person may write in a place they can already see (to show or hide the writing forms). */
    public boolean mayPost(Actor actor, Place place) {
        return postingRefusal(actor, place) == null;
    }

    /**
     * Why this person may not write here (null: they may). The refusal is made only where it is thrown: an exception
     * fills in its stack trace as it is made, and a thread page asks twice (the reply form, the notes under the idea)
     * for every reader who may not post.
     */
    private Supplier<Refusal> postingRefusal(Actor actor, Place place) {
        if (actor.isGuest()) {
            return () -> Refusal.forbidden("post.signInFirst");
        }
        if (actor.isReadOnly()) {
            return () -> Refusal.forbidden("post.readOnly");
        }
        if (!actor.verified()) {
            return () -> Refusal.forbidden("post.verifyFirst");
        }
        if (!PostingPolicy.acceptsPosts(place.jam(), now())) {
            return () -> Refusal.conflict("post.jamNotOpen");
        }
        if (PostingPolicy.isArchive(place, now())) {
            return () -> Refusal.conflict("post.forumArchived");
        }
        if (!actor.canOrganise() && !jams.isMember(place.jam().id(), actor.personId())
                && !jams.isStaff(place.forum().id(), actor.personId())) {
            return () -> Refusal.forbidden("post.joinFirst");
        }
        return null;
    }

    // ---- organising ----------------------------------------------------------------------------------------------

    @Transactional
    public Jam create(Actor actor, JamDraft draft) {
        requireOrganiser(actor);
        var errors = FieldErrors.none();
        var checked = JamRules.check(draft, null, now(), errors);
        errors.throwIfAny();
        long id = jams.insert(new Jam(0, checked.title(), checked.purpose(), checked.question(), checked.startsAt(),
                checked.endsAt(), checked.zone(), draft.audience(), draft.invitationOnly(), checked.terms(), false,
                false, false, actor.personId(), checked.kind(), checked.prize(), checked.unit()), now());
        terms.publishForJam(actor.personId(), id, checked.terms());
        if (checked.invitations() != null) {
            followInvitations(actor, id, draft.invitationOnly(), Set.of(), checked.invitations());
        }
        events.publishEvent(new JamEvents.JamCreated(id));
        return jams.find(id).orElseThrow();
    }

    @Transactional
    public Jam update(Actor actor, long jamId, JamDraft draft) {
        requireOrganiser(actor);
        var jam = require(actor, jamId);
        var errors = FieldErrors.none();
        var checked = JamRules.check(draft, jam, now(), errors);
        errors.throwIfAny();
        jams.update(new Jam(jamId, checked.title(), checked.purpose(), checked.question(), checked.startsAt(),
                checked.endsAt(), checked.zone(), draft.audience(), draft.invitationOnly(), checked.terms(),
                jam.published(), jam.community(), jam.communityPosting(), jam.createdBy(), checked.kind(),
                checked.prize(), checked.unit()));
        terms.publishForJam(actor.personId(), jamId, checked.terms());
        if (checked.invitations() != null) { // null: the form did not carry the list (too long to edit there)
            followInvitations(actor, jamId, draft.invitationOnly(), Set.copyOf(invitations.activeEmails(jamId)),
                    checked.invitations());
        }
        events.publishEvent(new JamEvents.JamScheduleChanged(jamId));
        return jams.find(jamId).orElseThrow();
    }

    /** Whether people who are not signed in may read this Jam (its home, forums and threads). */
    public boolean isGuestReadable(long jamId) {
        return jams.isGuestReadable(jamId);
    }

    /**
     * Opens a Jam to guests, or closes it again: they then read it without an account, and are told how to take
     * part. Readers with an account see such a Jam too, whatever its audience.
     */
    @Transactional
    public void openToGuests(Actor actor, long jamId, boolean readable) {
        requireOrganiser(actor);
        require(actor, jamId);
        jams.setGuestReadable(jamId, readable);
        recordSetting(actor, jamId, "guest-reading", Boolean.toString(readable));
    }

    /**
     * Whether the Jam's pages speak plainly: the question first and big, short sentences (the {@code .plain}
     * messages, see {@code Ui#speakPlainly}), pictures beside the reactions.
     */
    public boolean isPlainLanguage(long jamId) {
        return jams.isPlainLanguage(jamId);
    }

    /** The organiser switches plain language on or off for the Jam's pages. */
    @Transactional
    public void usePlainLanguage(Actor actor, long jamId, boolean plain) {
        requireOrganiser(actor);
        require(actor, jamId);
        jams.setPlainLanguage(jamId, plain);
        recordSetting(actor, jamId, "plain-language", Boolean.toString(plain));
    }

    /** From draft to scheduled (or live, if its start has passed). */
    @Transactional
    public Jam publish(Actor actor, long jamId) {
        recordSetting(actor, jamId, "schedule", "published");
        return change(actor, jamId, jam -> jam.withSchedule(true, jam.startsAt(), jam.endsAt(), false, false));
    }

    /** Opens now, ahead of the schedule, for as long as it was planned to run (a 72-hour Jam stays 72 hours). */
    @Transactional
    public Jam openNow(Actor actor, long jamId) {
        Instant now = now();
        recordSetting(actor, jamId, "schedule", "opened");
        return change(actor, jamId, jam -> {
            var phase = jam.phase(now);
            if (phase == JamPhase.LIVE) {
                throw Refusal.conflict("jam.alreadyLive");
            }
            if (phase == JamPhase.CLOSED || phase == JamPhase.COMMUNITY) {
                throw Refusal.conflict("jam.endPassed");
            }
            // An idea box opened early stays open without end.
            return jam.withSchedule(true, now, jam.openEnded() ? Jam.OPEN_END : now.plus(jam.plannedDuration()),
                    false, false);
        });
    }

    /** Closes now, ahead of the schedule. */
    @Transactional
    public Jam closeNow(Actor actor, long jamId) {
        Instant now = now();
        recordSetting(actor, jamId, "schedule", "closed");
        return change(actor, jamId, jam -> {
            if (jam.phase(now) != JamPhase.LIVE) {
                throw Refusal.conflict("jam.notLive");
            }
            return jam.withSchedule(true, jam.startsAt(), now, false, false);
        });
    }

    /** After the close, the forums live on as a community; posting there (in every forum) is the organiser's choice. */
    @Transactional
    public Jam enterCommunity(Actor actor, long jamId, boolean allowPosting) {
        requireOrganiser(actor);
        var forums = allowPosting ? jams.forums(jamId).stream().map(Forum::id).toList() : List.<Long>of();
        return continueAsCommunity(actor, jamId, forums);
    }

    /**
     * After the close, the organiser chooses which forums continue as communities, with their history, decisions
     * and answers: those take posts again; the others stay as read-only archives. No forum chosen: the whole Jam is
     * an archive that can still be read. Choosing again changes the choice.
     */
    @Transactional
    public Jam continueAsCommunity(Actor actor, long jamId, Collection<Long> continuingForumIds) {
        Instant now = now();
        requireOrganiser(actor);
        var own = jams.forums(jamId).stream().map(Forum::id).collect(Collectors.toSet());
        var chosen = Set.copyOf(continuingForumIds);
        if (!own.containsAll(chosen)) {
            throw Refusal.invalid("forums", "jam.community.foreignForum");
        }
        var changed = change(actor, jamId, jam -> {
            if (jam.phase(now) != JamPhase.CLOSED && jam.phase(now) != JamPhase.COMMUNITY) {
                throw Refusal.conflict("jam.notClosed");
            }
            return jam.withSchedule(true, jam.startsAt(), jam.endsAt(), true, !chosen.isEmpty());
        });
        jams.continueForums(jamId, chosen);
        recordSetting(actor, jamId, "community", chosen.stream().sorted().map(id -> "forum:" + id)
                .collect(Collectors.joining(" ")));
        return changed;
    }

    /**
     * Records an organiser's change to a Jam's settings in the audit trail (published in this transaction: a refused
     * change rolls its entry back with it).
     */
    private void recordSetting(Actor actor, long jamId, String setting, String value) {
        events.publishEvent(new AdministrativeAct(actor.personId(), "settings.changed", "jam:" + jamId, null,
                Map.of("setting", setting, "value", value)));
    }

    private Jam change(Actor actor, long jamId, java.util.function.UnaryOperator<Jam> change) {
        requireOrganiser(actor);
        var changed = change.apply(require(actor, jamId));
        jams.update(changed);
        events.publishEvent(new JamEvents.JamScheduleChanged(jamId));
        return changed;
    }

    @Transactional
    public Forum addForum(Actor actor, long jamId, ForumDraft draft) {
        requireOrganiser(actor);
        require(actor, jamId);
        var errors = FieldErrors.none();
        var checked = JamRules.check(draft, errors);
        errors.throwIfAny();
        return jams.findForum(jams.insertForum(jamId, checked.title(), checked.question())).orElseThrow();
    }

    @Transactional
    public Forum updateForum(Actor actor, long forumId, ForumDraft draft) {
        requireOrganiser(actor);
        requireForum(actor, forumId);
        var errors = FieldErrors.none();
        var checked = JamRules.check(draft, errors);
        errors.throwIfAny();
        jams.updateForum(forumId, checked.title(), checked.question());
        return jams.findForum(forumId).orElseThrow();
    }

    /** Names a host or facilitator by e-mail; they may then post in the forum without joining. */
    @Transactional
    public ForumStaff assignStaff(Actor actor, long forumId, String email, ForumRole role) {
        requireOrganiser(actor);
        requireForum(actor, forumId);
        if (role == null) {
            throw Refusal.invalid("role", "staff.role.required");
        }
        var person = identity.findByEmail(email == null ? "" : email)
                .orElseThrow(() -> Refusal.invalid("email", "staff.email.unknown"));
        jams.addStaff(forumId, person.id(), role);
        events.publishEvent(new AdministrativeAct(actor.personId(), "staff.assigned", "person:" + person.id(), null,
                Map.of("forum", "forum:" + forumId, "role", role.name())));
        return new ForumStaff(forumId, person.id(), person.displayName(), role);
    }

    @Transactional
    public void removeStaff(Actor actor, long forumId, long personId, ForumRole role) {
        requireOrganiser(actor);
        requireForum(actor, forumId);
        if (jams.removeStaff(forumId, personId, role) == 0) {
            throw Refusal.notFound("staff.notFound");
        }
        events.publishEvent(new AdministrativeAct(actor.personId(), "staff.unassigned", "person:" + personId, null,
                Map.of("forum", "forum:" + forumId, "role", String.valueOf(role))));
    }

    // ---- removing members ----------------------------------------------------------------------------------------

    /**
     * Removes someone from a Jam, with the reason they are told: their membership and invitation go, and the removal
     * keeps them out (reading, posting, live pages, from this moment) even where the Jam is open to everyone of their
     * type. Inviting their address again lets them back in. Organisers only; recorded with who did it and when.
     */
    @Transactional
    public void removeMember(Actor actor, long jamId, String email, String reason) {
        require(actor, jamId);
        requireOrganiser(actor);
        var errors = FieldErrors.none();
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            errors.add("reason", "jam.removal.reason.required");
        } else if (why.length() > MAX_REMOVAL_REASON) {
            errors.add("reason", "form.tooLong");
        }
        var person = identity.findByEmail(email == null ? "" : email);
        if (person.isEmpty()) {
            errors.add("email", "jam.removal.unknown");
        } else if (person.get().asActor().canOrganise()) {
            errors.add("email", "jam.removal.organiser");
        } else if (!jams.isMember(jamId, person.get().id())
                && !invitations.isInvited(jamId, person.get().email(), person.get().id())) {
            errors.add("email", "jam.removal.notMember");
        }
        errors.throwIfAny();
        remove(jamId, person.get(), actor.personId(), why);
        events.publishEvent(new AdministrativeAct(actor.personId(), "member.removed", "person:" + person.get().id(),
                why, Map.of("jam", "jam:" + jamId)));
    }

    /** Who was removed from the Jam, newest first, for its organisers. */
    public List<MemberRemoval> removals(Actor actor, long jamId) {
        require(actor, jamId);
        requireOrganiser(actor);
        var rows = jams.removals(jamId, MAX_REMOVALS_SHOWN);
        var people = identity.findAll(rows.stream()
                .flatMap(row -> java.util.stream.Stream.of(row.personId(), row.removedBy())).toList());
        return rows.stream().filter(row -> people.containsKey(row.personId())).map(row -> new MemberRemoval(
                people.get(row.personId()).displayName(), people.get(row.personId()).email(),
                people.containsKey(row.removedBy()) ? people.get(row.removedBy()).displayName() : "",
                row.reason(), row.removedAt(), row.liftedAt())).toList();
    }

    /**
     * The Jam form's list of addresses, as edited: new addresses are invited (by mail, like every invitation), and
     * inviting an address again lifts its person's removal; addresses taken off the list are withdrawn.
     */
    private void followInvitations(Actor actor, long jamId, boolean invitationOnly, Set<String> before,
                                   Set<String> after) {
        var added = after.stream().filter(email -> !before.contains(email)).toList();
        for (String email : added) {
            identity.findByEmail(email).ifPresent(person -> jams.liftRemovals(jamId, person.id(), now()));
        }
        invitationWriter.invite(jamId, added.stream().map(email -> InvitationDraft.participant(email, null, null))
                .toList());
        for (String email : before) {
            if (!after.contains(email)) {
                withdraw(actor, jamId, invitationOnly, email);
            }
        }
    }

    /**
     * Withdraws an invitation: its link stops working, and in an invitation-only Jam the member who joined with it
     * is removed (recorded as a withdrawn invitation).
     */
    @Transactional
    void withdrawInvitation(Actor actor, long jamId, String email) {
        requireOrganiser(actor);
        withdraw(actor, jamId, require(actor, jamId).invitationOnly(), email);
    }

    private void withdraw(Actor actor, long jamId, boolean invitationOnly, String email) {
        var member = identity.findByEmail(email).filter(person -> jams.isMember(jamId, person.id()));
        if (invitationOnly && member.isPresent()) {
            remove(jamId, member.get(), actor.personId(), null);
        } else {
            invitations.revoke(jamId, email);
        }
    }

    private void remove(long jamId, Person person, long removedBy, String reason) {
        jams.removeMember(jamId, person.id());
        invitations.revoke(jamId, person.email());
        jams.recordRemoval(jamId, person.id(), removedBy, reason, now());
        events.publishEvent(new JamEvents.MemberRemoved(jamId, person.id()));
    }

    /** Whether an invitation (not revoked) lets the person into the Jam: asked one Jam at a time, or of a set. */
    private interface InvitedTo {
        boolean test(Actor actor, long jamId);
    }

    private boolean isInvited(Actor actor, long jamId) {
        return invitations.isInvited(jamId, actor.verified() ? actor.email() : null, actor.personId());
    }

    private static void requireOrganiser(Actor actor) {
        if (!actor.canOrganise()) {
            throw Refusal.forbidden("jam.organisersOnly");
        }
    }

    private boolean canSee(Actor actor, Jam jam, InvitedTo invited) {
        if (actor.canOrganise()) {
            return true;
        }
        if (!jam.published()) {
            return false;
        }
        // Someone an organiser removed reads nothing of the Jam while signed in, not even what guests may read.
        if (!actor.isGuest() && jams.isRemoved(jam.id(), actor.personId())) {
            return false;
        }
        // What guests may read, everyone with an account may read too: signing in never hides anything.
        if (jams.isGuestReadable(jam.id())) {
            return true;
        }
        if (actor.isGuest()) {
            return false;
        }
        return mayEnter(actor, jam, invited) || jams.isMember(jam.id(), actor.personId())
                || jams.isStaffOfJam(jam.id(), actor.personId());
    }

    /**
     * In the audience, and invited where the Jam is invitation-only: the person accepted an invitation (its link
     * proved the address), or their address is on the list and verified, so typing someone's address at sign-up
     * opens nothing. Observers may read any open Jam.
     */
    private boolean mayEnter(Actor actor, Jam jam, InvitedTo invited) {
        if (jam.invitationOnly()) {
            return invited.test(actor, jam.id());
        }
        return jam.audience().contains(actor.participantType()) || actor.isReadOnly();
    }

}
