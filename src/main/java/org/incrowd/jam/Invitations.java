package org.incrowd.jam;

import java.io.InputStream;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.incrowd.identity.Actor;
import org.incrowd.identity.EmailAddress;
import org.incrowd.identity.IdentityService;
import org.incrowd.identity.InvitedAccounts;
import org.incrowd.identity.ParticipantType;
import org.incrowd.identity.Person;
import org.incrowd.jam.internal.InvitationImports;
import org.incrowd.jam.internal.InvitationRepository;
import org.incrowd.jam.internal.InvitationTokens;
import org.incrowd.jam.internal.InvitationWriter;
import org.incrowd.jam.internal.JamRepository;
import org.incrowd.shared.AdministrativeAct;
import org.incrowd.shared.FieldErrors;
import org.incrowd.shared.Refusal;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Invitations to a Jam, from the organiser's side (invite one person, a pasted list or a CSV file; counts; remind,
 * resend, revoke) and from the invited person's (the link: look, create the account, accept). Organisers and
 * administrators only on the first side; on the second the link's token is the permission.
 */
@Service
public class Invitations {

    /** How many invitations the organiser's page lists at once (the counts cover all of them). */
    public static final int SHOWN = 100;

    private final JamService jams;
    private final JamRepository jamRows;
    private final InvitationRepository invitations;
    private final InvitationWriter writer;
    private final InvitationImports imports;
    private final IdentityService identity;
    private final InvitedAccounts accounts;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    Invitations(JamService jams, JamRepository jamRows, InvitationRepository invitations, InvitationWriter writer,
                InvitationImports imports, IdentityService identity, InvitedAccounts accounts, Clock clock,
                ApplicationEventPublisher events) {
        this.events = events;
        this.jams = jams;
        this.jamRows = jamRows;
        this.invitations = invitations;
        this.writer = writer;
        this.imports = imports;
        this.identity = identity;
        this.accounts = accounts;
        this.clock = clock;
    }

    // ---- the organiser's side ------------------------------------------------------------------------------------

    /** The Jam whose invitations this person may manage: organisers and administrators. */
    public Jam requireManager(Actor actor, long jamId) {
        var jam = jams.require(actor, jamId);
        if (!actor.canOrganise()) {
            throw Refusal.forbidden("jam.organisersOnly");
        }
        return jam;
    }

    public List<InvitationCounts> counts(Actor actor, long jamId) {
        requireManager(actor, jamId);
        return invitations.counts(jamId, clock.instant());
    }

    /** The newest invitations, or those whose address contains {@code search}. */
    public List<Invitation> list(Actor actor, long jamId, String search) {
        requireManager(actor, jamId);
        return invitations.newest(jamId, search == null ? "" : EmailAddress.normalise(search), SHOWN,
                clock.instant());
    }

    /** Invites one person; every problem is reported against its field. An address invited already is refused. */
    @Transactional
    public void inviteOne(Actor actor, long jamId, InvitationDraft draft) {
        requireManager(actor, jamId);
        var cleaned = new InvitationDraft(EmailAddress.normalise(draft.email()), InvitationRules.clean(draft.name()),
                draft.participantType(), InvitationRules.country(draft.country()),
                InvitationRules.clean(draft.orgUnit()), InvitationRules.clean(draft.jobRole()), draft.role(),
                draft.forumId(), draft.language());
        var errors = FieldErrors.none();
        String problem = InvitationRules.problem(cleaned);
        if (problem != null) {
            errors.add(field(problem), problem);
        }
        if (cleaned.participantType() == null) {
            errors.add("participantType", "invitation.type.unknown");
        }
        if (cleaned.forumId() != null && jamRows.findForum(cleaned.forumId()).filter(f -> f.jamId() == jamId)
                .isEmpty()) {
            errors.add("forumId", "invitation.forum.required");
        }
        errors.throwIfAny();
        if (invitations.findByEmail(jamId, cleaned.email(), clock.instant())
                .filter(invitation -> invitation.state() != InvitationState.REVOKED).isPresent()) {
            throw Refusal.invalid("email", "invitation.email.invitedAlready");
        }
        liftRemoval(jamId, cleaned.email());
        writer.invite(jamId, List.of(cleaned));
        recordSent(actor, jamId, "one", 1);
    }

    /** Invites a pasted list of addresses as participants of one type; answers how many were new. */
    @Transactional
    public int invitePasted(Actor actor, long jamId, String pasted, ParticipantType type, String language) {
        requireManager(actor, jamId);
        var errors = FieldErrors.none();
        var emails = JamRules.addresses(pasted, "pasted", Integer.MAX_VALUE, errors);
        if (emails.isEmpty() && errors.isEmpty()) {
            errors.add("pasted", "invitation.pasted.empty");
        }
        if (type == null) {
            errors.add("pastedType", "invitation.type.unknown");
        }
        errors.throwIfAny();
        emails.forEach(email -> liftRemoval(jamId, email));
        int invited = writer.invite(jamId, emails.stream().map(email -> InvitationDraft.participant(email, type,
                language)).toList());
        recordSent(actor, jamId, "pasted", invited);
        return invited;
    }

    /** What an uploaded file holds: its bad lines (nothing imported), or the import that started. */
    public record FileOutcome(List<InvitationFile.BadLine> bad, int good, String heldId, String importId) {
    }

    /**
     * Reads a CSV file whole. Without bad lines its rows are imported in the background ({@code importId}); with
     * bad lines nothing is imported, the lines are named, and the good rows wait ({@code heldId}) for the organiser
     * to choose {@link #importSkippingBadLines} (or to send a fixed file).
     */
    public FileOutcome upload(Actor actor, long jamId, InputStream file, String language) {
        requireManager(actor, jamId);
        var read = InvitationFile.read(file, language);
        if (read.good().isEmpty() && read.bad().isEmpty()) {
            throw Refusal.invalid("file", "invitation.file.empty");
        }
        if (!read.bad().isEmpty()) {
            return new FileOutcome(read.bad(), read.good().size(), imports.hold(jamId, read.good()), null);
        }
        recordSent(actor, jamId, "file", read.good().size());
        return new FileOutcome(List.of(), read.good().size(), null, imports.start(jamId, read.good()));
    }

    /** Imports the good rows of a file whose bad lines the organiser chose to skip; answers the import's id. */
    public String importSkippingBadLines(Actor actor, long jamId, String heldId) {
        requireManager(actor, jamId);
        return imports.startHeld(jamId, heldId).orElseThrow(() -> Refusal.conflict("invitation.file.gone"));
    }

    public InvitationImports.Progress importProgress(Actor actor, long jamId, String importId) {
        requireManager(actor, jamId);
        return imports.progress(jamId, importId).orElseThrow(() -> Refusal.notFound("invitation.file.gone"));
    }

    /**
     * One reminder to each person who has not accepted (sent, waiting or expired; not bounced, revoked or
     * accepted), with a new link. {@code round} comes with the page's form: sending it again reminds nobody twice.
     * Answers how many were reminded.
     */
    @Transactional
    public int remindAll(Actor actor, long jamId, String round) {
        requireManager(actor, jamId);
        if (round == null || round.isBlank() || round.length() > 40
                || !invitations.claimReminderRound(jamId, round, clock.instant())) {
            return 0;
        }
        var ids = invitations.notYet(jamId);
        recordSent(actor, jamId, "reminders", ids.size());
        for (int from = 0; from < ids.size(); from += 2_000) {
            var batch = ids.subList(from, Math.min(ids.size(), from + 2_000));
            writer.sendAgain(jamId, recipients(batch), true);
        }
        return ids.size();
    }

    /** Sends one invitation again with a new link and a new expiry (the old link stops working). */
    @Transactional
    public void resend(Actor actor, long jamId, long invitationId) {
        var invitation = requireInvitation(actor, jamId, invitationId);
        if (invitation.state() == InvitationState.ACCEPTED || invitation.state() == InvitationState.REVOKED) {
            throw Refusal.conflict("invitation.resend.notPossible");
        }
        writer.sendAgain(jamId, recipients(List.of(invitationId)), false);
        recordSent(actor, jamId, "again", 1);
    }

    /** Sending invitations is an administrative act: the audit trail records how many, and how they were sent. */
    private void recordSent(Actor actor, long jamId, String how, int count) {
        events.publishEvent(new AdministrativeAct(actor.personId(), "invitations.sent", "jam:" + jamId, null,
                Map.of("how", how, "count", Integer.toString(count))));
    }

    /** Revokes one invitation: its link stops working, and whoever joined with it leaves an invitation-only Jam. */
    @Transactional
    public void revoke(Actor actor, long jamId, long invitationId) {
        var invitation = requireInvitation(actor, jamId, invitationId);
        jams.withdrawInvitation(actor, jamId, invitation.email());
    }

    private Invitation requireInvitation(Actor actor, long jamId, long invitationId) {
        requireManager(actor, jamId);
        return invitations.find(invitationId, clock.instant()).filter(found -> found.jamId() == jamId)
                .orElseThrow(() -> Refusal.notFound("invitation.notFound"));
    }

    private List<InvitationWriter.Recipient> recipients(List<Long> ids) {
        var now = clock.instant();
        return ids.stream().map(id -> invitations.find(id, now).orElseThrow())
                .map(found -> new InvitationWriter.Recipient(found.id(), found.email(), found.language())).toList();
    }

    private void liftRemoval(long jamId, String email) {
        identity.findByEmail(email).ifPresent(person -> jamRows.liftRemovals(jamId, person.id(), clock.instant()));
    }

    private static String field(String problem) {
        return switch (problem) {
            case "invitation.country.invalid" -> "country";
            case "invitation.forum.required" -> "forumId";
            case "invitation.role.required" -> "role";
            case "invitation.tooLong" -> "name";
            default -> "email";
        };
    }

    // ---- the invited person's side -------------------------------------------------------------------------------

    /** What a link leads to; {@code state} says whether it can still be accepted. */
    public record Link(Invitation invitation, Jam jam, boolean accountExists) {

        public boolean acceptable() {
            return invitation.state() == InvitationState.SENT || invitation.state() == InvitationState.WAITING
                    || invitation.state() == InvitationState.BOUNCED;
        }

        /** The participant type the invited person takes part as: the organiser's choice, else the Jam's first. */
        public ParticipantType participantType() {
            return invitation.participantType() != null ? invitation.participantType()
                    : jam.audience().stream().sorted().findFirst().orElse(ParticipantType.EMPLOYEE);
        }
    }

    /** The invitation behind a link, or empty for a link that never was or was replaced by a newer mail. */
    public Optional<Link> link(String token) {
        if (token == null || token.length() > 64) {
            return Optional.empty();
        }
        return invitations.findByTokenHash(InvitationTokens.hash(token), clock.instant())
                .flatMap(invitation -> jamRows.find(invitation.jamId()).map(jam -> new Link(invitation, jam,
                        identity.findByEmail(invitation.email()).isPresent())));
    }

    /**
     * The signed-in person accepts: they must be the invited address. The link proves they read its mail (their
     * address counts as verified); they join the Jam, accepting its terms, and a host or facilitator becomes the
     * forum's staff. Single use.
     */
    @Transactional
    public Link accept(Actor actor, String token, boolean acceptedTerms) {
        var link = link(token).orElseThrow(() -> Refusal.notFound("invitation.link.unknown"));
        if (actor.isGuest() || !link.invitation().email().equals(actor.email())) {
            throw Refusal.forbidden("invitation.otherPerson");
        }
        if (!link.acceptable()) {
            throw Refusal.conflict("invitation.link.notAcceptable");
        }
        if (link.jam().hasTerms() && !acceptedTerms) {
            throw Refusal.invalid("acceptTerms", "join.terms.required");
        }
        if (!invitations.accept(link.invitation().id(), InvitationTokens.hash(token), actor.personId(),
                clock.instant())) {
            throw Refusal.conflict("invitation.link.notAcceptable");
        }
        accounts.confirmAddress(actor.personId(), link.invitation().email());
        var role = link.invitation().role().forumRole();
        if (role != null && link.invitation().forumId() != null) {
            jamRows.addStaff(link.invitation().forumId(), actor.personId(), role);
        }
        if (role == null || jams.mayJoin(actor, link.jam())) {
            jams.join(actor, link.jam().id(), acceptedTerms);
        }
        return link;
    }

    /**
     * Someone without an account accepts: the account is made from the invitation (address verified by the link,
     * participant type the organiser's choice) with the name and password they give, then they accept.
     */
    @Transactional
    public Person createAccountAndAccept(String token, String name, String password, String language,
                                         boolean acceptedTerms) {
        var link = link(token).orElseThrow(() -> Refusal.notFound("invitation.link.unknown"));
        if (!link.acceptable()) {
            throw Refusal.conflict("invitation.link.notAcceptable");
        }
        if (link.jam().hasTerms() && !acceptedTerms) {
            throw Refusal.invalid("acceptTerms", "join.terms.required");
        }
        var invitation = link.invitation();
        var person = accounts.create(new InvitedAccounts.Invited(invitation.email(), name, password,
                link.participantType(), invitation.country(), invitation.orgUnit(), invitation.jobRole(),
                language));
        accept(person.asActor(), token, acceptedTerms);
        return person;
    }
}
