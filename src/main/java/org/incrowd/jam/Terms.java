package org.incrowd.jam;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.incrowd.identity.Actor;
import org.incrowd.jam.internal.TermsRows;
import org.incrowd.shared.AdministrativeAct;
import org.incrowd.shared.Refusal;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Versioned terms and who accepted which version (ADR 47). Saving changed terms publishes a new version; old ones
 * stay readable. A person who accepted an older version (or none) of a current version is asked again before their
 * next post ({@link #requireAccepted}), not while reading.
 */
@Service
public class Terms {

    /** How many of a Jam's members accepted its current terms, for its organisers. */
    public record Consent(TermsVersion current, long accepted, long members) {
    }

    private final TermsRows rows;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Terms(TermsRows rows, ApplicationEventPublisher events, Clock clock) {
        this.rows = rows;
        this.events = events;
        this.clock = clock;
    }

    /** The version people must have accepted to post, empty where the scope asks for no terms. */
    public Optional<TermsVersion> current(TermsScope scope) {
        return rows.latest(scope).filter(TermsVersion::asksForConsent);
    }

    /** Every version, newest first, including one that removed the terms. */
    public List<TermsVersion> versions(TermsScope scope) {
        return rows.all(scope);
    }

    public TermsVersion version(TermsScope scope, int version) {
        return rows.find(scope, version).orElseThrow(() -> Refusal.notFound("terms.versionNotFound", version));
    }

    /** An administrator publishes the organisation's terms of use; they may not be empty. */
    @Transactional
    public TermsVersion publishForOrganisation(Actor actor, String text) {
        if (!actor.isAdministrator()) {
            throw Refusal.forbidden("error.forbidden");
        }
        String checked = text == null ? "" : text.strip();
        if (checked.isEmpty()) {
            throw Refusal.invalid("text", "terms.required");
        }
        if (checked.length() > JamRules.MAX_TERMS) {
            throw Refusal.invalid("text", "terms.tooLong", JamRules.MAX_TERMS);
        }
        return publishIfChanged(actor.personId(), TermsScope.ORGANISATION, checked)
                .orElseGet(() -> rows.latest(TermsScope.ORGANISATION).orElseThrow());
    }

    /** A Jam's terms as its organiser saved them (checked by {@link JamRules}): a new version where they changed. */
    Optional<TermsVersion> publishForJam(long actorId, long jamId, String text) {
        return publishIfChanged(actorId, TermsScope.ofJam(jamId), text == null ? "" : text.strip());
    }

    private Optional<TermsVersion> publishIfChanged(long actorId, TermsScope scope, String text) {
        var latest = rows.latest(scope);
        boolean unchanged = latest.map(v -> v.text().equals(text)).orElse(text.isEmpty());
        if (unchanged) {
            return Optional.empty();
        }
        var version = new TermsVersion(scope, latest.map(TermsVersion::version).orElse(0) + 1, text, clock.instant(),
                actorId);
        rows.insert(version);
        events.publishEvent(new AdministrativeAct(actorId, "terms.published",
                scope.isOrganisation() ? "terms:organisation" : "jam:" + scope.jamId(), null,
                Map.of("scope", scope.key(), "version", String.valueOf(version.version()),
                        "removed", String.valueOf(!version.asksForConsent()))));
        return Optional.of(version);
    }

    /** The person accepts this version, which must be the current one (an older version is no longer asked for). */
    @Transactional
    public TermsAcceptance accept(Actor actor, TermsScope scope, int version) {
        if (actor.isGuest()) {
            throw Refusal.forbidden("post.signInFirst");
        }
        var asked = version(scope, version);
        var current = current(scope);
        if (current.isEmpty() || current.get().version() != asked.version()) {
            throw current.map(c -> Refusal.conflict("terms.notCurrent", version, c.version()))
                    .orElseGet(() -> Refusal.conflict("terms.noneAsked", version));
        }
        rows.accept(actor.personId(), scope, version, clock.instant());
        return new TermsAcceptance(scope, version, clock.instant());
    }

    /** Accepts the Jam's current terms where they were shown with the act: the join form, the kiosk screen. */
    public void acceptShownJamTerms(long personId, long jamId) {
        current(TermsScope.ofJam(jamId)).ifPresent(v -> rows.accept(personId, v.scope(), v.version(), clock.instant()));
    }

    /**
     * Refuses with {@link TermsNotAccepted} unless this person accepted the current organisation's terms of use and
     * the current terms of this Jam; the organisation's are asked first.
     */
    public void requireAccepted(Actor actor, long jamId) {
        for (var scope : List.of(TermsScope.ORGANISATION, TermsScope.ofJam(jamId))) {
            var current = current(scope);
            if (current.isPresent()) {
                int accepted = rows.latestAccepted(actor.personId(), scope);
                if (accepted < current.get().version()) {
                    throw new TermsNotAccepted(current.get(), accepted);
                }
            }
        }
    }

    /** The newest version of these terms the person accepted, 0 where none. */
    public int acceptedVersion(long personId, TermsScope scope) {
        return rows.latestAccepted(personId, scope);
    }

    /** What this person accepted, newest first. */
    public List<TermsAcceptance> acceptedBy(long personId) {
        return rows.acceptedBy(personId);
    }

    /** How many members accepted the Jam's current terms; empty where the Jam asks for none. */
    public Optional<Consent> consent(long jamId) {
        return current(TermsScope.ofJam(jamId))
                .map(v -> new Consent(v, rows.membersAccepting(jamId, v.version()), rows.members(jamId)));
    }
}
