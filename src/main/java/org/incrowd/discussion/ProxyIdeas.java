package org.incrowd.discussion;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import org.incrowd.discussion.internal.AuthorshipRows;
import org.incrowd.identity.Actor;
import org.incrowd.identity.EmailAddress;
import org.incrowd.identity.IdentityService;
import org.incrowd.jam.JamService;
import org.incrowd.mail.Mail;
import org.incrowd.mail.Outbox;
import org.incrowd.shared.FieldErrors;
import org.incrowd.shared.Refusal;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Proxy ideas: someone who may post in a forum enters an idea on behalf of a person who has no desk or account
 * ("Maria, night shift, depot 4"), with a recorded consent; without it nothing is posted. The idea's author is the
 * entrant's account until the person claims it with the code on their slip (or the link mailed to them): then it
 * is theirs, the entrant stays visible as who entered it, and {@link DiscussionEvents.ProxyIdeaClaimed} is
 * published. A code claims once.
 */
@Service
public class ProxyIdeas {

    /** The new idea and the code its person claims it with. */
    public record Entered(Post idea, String claimCode) {
    }

    /** What the entrant prints for the person: the idea, who it is from, and the claim code. */
    public record Slip(ProxyIdea proxy, String title, String claimCode) {
    }

    /** The mail that brings the person their claim link, when the entrant typed an address. */
    public static final String MAIL_KIND = "discussion.proxy-claim";
    static final int MAX_NAME = 100;
    static final int MAX_PLACE = 200;
    private static final String CODE_LETTERS = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    private static final int CODE_LENGTH = 8;

    private final AuthorshipRows rows;
    private final Posting posting;
    private final PostViews views;
    private final JamService jams;
    private final IdentityService identity;
    private final Outbox outbox;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    ProxyIdeas(AuthorshipRows rows, Posting posting, PostViews views, JamService jams, IdentityService identity,
               Outbox outbox, ApplicationEventPublisher events, Clock clock) {
        this.rows = rows;
        this.posting = posting;
        this.views = views;
        this.jams = jams;
        this.identity = identity;
        this.outbox = outbox;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Posts the idea for the person named in {@code details}. Every mistake (the idea's and the consent's) is
     * reported at once, and nothing is saved until all are right.
     */
    @Transactional
    public Entered enter(Actor actor, long forumId, PostDraft draft, ProxyDetails details) {
        var place = jams.requirePostingRights(actor, forumId);
        var errors = FieldErrors.none();
        PostRules.check(draft, true, errors);
        String name = clean(details.forName());
        String where = clean(details.forPlace());
        String email = EmailAddress.normalise(details.forEmail());
        if (name.isEmpty()) {
            errors.add("forName", "proxy.forName.required");
        } else if (name.length() > MAX_NAME) {
            errors.add("forName", "proxy.forName.tooLong", MAX_NAME);
        }
        if (where.length() > MAX_PLACE) {
            errors.add("forPlace", "proxy.forPlace.tooLong", MAX_PLACE);
        }
        if (email != null && !email.isEmpty() && !EmailAddress.isValid(email)) {
            errors.add("forEmail", "signup.email.invalid");
        }
        ConsentHow how = consentHow(details.consentHow());
        if (!details.consented()) {
            errors.add("consent", "proxy.consent.required", name.isEmpty() ? "?" : name);
        } else if (how == null) {
            errors.add("consentHow", "proxy.consentHow.required");
        }
        errors.throwIfAny();
        var idea = posting.startThread(actor, forumId, draft);
        String code = newCode();
        var now = clock.instant();
        rows.insertProxy(new AuthorshipRows.Proxy(idea.id(), place.jam().id(), actor.personId(), name,
                where.isEmpty() ? null : where, email == null || email.isEmpty() ? null : email, how.name(), code,
                now, null, null));
        if (email != null && !email.isEmpty()) {
            var entrant = identity.require(actor.personId());
            outbox.send(new Mail("proxy-claim:" + idea.id(), MAIL_KIND, email,
                    identity.findByEmail(email).map(person -> person.id()).orElse(null), entrant.language(),
                    Map.of("ideaId", Long.toString(idea.id()), "code", code, "forName", name,
                            "enteredBy", entrant.displayName(), "title", idea.title() == null ? "" : idea.title())));
        }
        return new Entered(views.require(actor, idea.id()), format(code));
    }

    /** The slip for an idea the actor entered: only the entrant holds the code before it is claimed. */
    @Transactional(readOnly = true)
    public Slip slip(Actor actor, long ideaId) {
        var proxy = rows.proxies(java.util.List.of(ideaId)).get(ideaId);
        if (proxy == null) {
            throw Refusal.notFound("proxy.notFound");
        }
        if (proxy.enteredBy() != actor.personId()) {
            throw Refusal.forbidden("proxy.slip.notEntrant");
        }
        var idea = views.require(actor, ideaId);
        return new Slip(of(java.util.List.of(ideaId)).get(ideaId), idea.title(), format(proxy.claimCode()));
    }

    /**
     * The signed-in person claims the idea entered for them: its author becomes them. A code that matches nothing,
     * one already used, and the entrant's own attempt are refused, naming the field the code was typed in.
     */
    @Transactional
    public Post claim(Actor actor, String code) {
        if (actor.isGuest()) {
            throw Refusal.forbidden("proxy.claim.signIn");
        }
        String normalised = normaliseCode(code);
        if (normalised.isEmpty()) {
            throw Refusal.invalid("code", "proxy.claim.required");
        }
        var proxy = rows.proxyByCode(normalised).orElseThrow(() -> Refusal.invalid("code", "proxy.claim.unknown"));
        if (proxy.claimedBy() != null) {
            throw Refusal.invalid("code", "proxy.claim.used");
        }
        if (proxy.enteredBy() == actor.personId()) {
            throw Refusal.invalid("code", "proxy.claim.ownEntry");
        }
        views.requireRow(actor, proxy.ideaId());
        if (!rows.claim(proxy.ideaId(), actor.personId(), clock.instant())) {
            throw Refusal.invalid("code", "proxy.claim.used");
        }
        events.publishEvent(new DiscussionEvents.ProxyIdeaClaimed(proxy.ideaId(), proxy.jamId(), proxy.enteredBy(),
                actor.personId()));
        return views.require(actor, proxy.ideaId());
    }

    /** Who each of these ideas is from, for those entered on someone's behalf (no codes: they are the entrant's). */
    @Transactional(readOnly = true)
    public Map<Long, ProxyIdea> of(Collection<Long> ideaIds) {
        var proxies = rows.proxies(ideaIds);
        var entrantIds = new HashSet<Long>();
        proxies.values().forEach(proxy -> entrantIds.add(proxy.enteredBy()));
        var people = identity.findAll(entrantIds);
        var byIdea = new HashMap<Long, ProxyIdea>();
        proxies.forEach((ideaId, proxy) -> {
            var entrant = people.get(proxy.enteredBy());
            byIdea.put(ideaId, new ProxyIdea(ideaId, proxy.jamId(), proxy.forName(), proxy.forPlace(),
                    ConsentHow.valueOf(proxy.consentHow()), proxy.enteredBy(),
                    entrant == null ? "" : entrant.displayName(), proxy.enteredAt(), proxy.claimedBy(),
                    proxy.claimedAt()));
        });
        return byIdea;
    }

    /** Codes are read aloud and typed from paper: unambiguous letters, any case, dashes and spaces ignored. */
    static String normaliseCode(String code) {
        return code == null ? "" : code.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
    }

    /** "K7QM-4RTX": two groups of four, easier to read out and type. */
    static String format(String code) {
        return code.substring(0, CODE_LENGTH / 2) + "-" + code.substring(CODE_LENGTH / 2);
    }

    private String newCode() {
        var code = new StringBuilder(CODE_LENGTH);
        for (int i = 0; i < CODE_LENGTH; i++) {
            code.append(CODE_LETTERS.charAt(random.nextInt(CODE_LETTERS.length())));
        }
        return code.toString();
    }

    private static ConsentHow consentHow(String value) {
        for (var how : ConsentHow.values()) {
            if (how.name().equals(value)) {
                return how;
            }
        }
        return null;
    }

    private static String clean(String value) {
        return value == null ? "" : value.replaceAll("[\\p{Cntrl}]", " ").strip();
    }
}
