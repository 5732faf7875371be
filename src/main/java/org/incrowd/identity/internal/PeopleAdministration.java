package org.incrowd.identity.internal;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.incrowd.identity.Actor;
import org.incrowd.identity.IdentityService;
import org.incrowd.identity.ParticipantType;
import org.incrowd.identity.ProfileChange;
import org.incrowd.shared.AdministrativeAct;
import org.incrowd.shared.Refusal;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What administrators do to accounts: find people, change their participant type, deactivate and reactivate them.
 * A deactivated person cannot sign in by any means and their sessions end at their next request; what they wrote
 * stays.
 */
@Service
class PeopleAdministration {

    static final int PAGE_SIZE = 50;
    /** A sentence or two; other administrators read it in the person's history. */
    static final int MAX_REASON = 500;

    private final PeopleDirectory directory;
    private final PersonRepository people;
    private final IdentityService identity;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    PeopleAdministration(PeopleDirectory directory, PersonRepository people, IdentityService identity, Clock clock,
                         ApplicationEventPublisher events) {
        this.directory = directory;
        this.people = people;
        this.identity = identity;
        this.clock = clock;
        this.events = events;
    }

    /** A page of the people matching the query, and whether another page follows. */
    record Found(List<DirectoryEntry> entries, boolean hasMore) {
    }

    Found search(Actor actor, PeopleQuery query, int page) {
        requireAdministrator(actor);
        var matches = directory.search(query, Math.clamp(page, 0, 100_000) * PAGE_SIZE, PAGE_SIZE + 1);
        boolean hasMore = matches.size() > PAGE_SIZE;
        var shown = hasMore ? matches.subList(0, PAGE_SIZE) : matches;
        var ids = shown.stream().map(PeopleDirectory.Match::personId).toList();
        var persons = people.findAll(ids);
        var history = directory.history(ids);
        return new Found(shown.stream().filter(m -> persons.containsKey(m.personId()))
                .map(m -> new DirectoryEntry(persons.get(m.personId()), m.deactivatedAt(),
                        history.getOrDefault(m.personId(), List.of())))
                .toList(), hasMore);
    }

    /** Participant types come from invitations, single sign-on or an administrator; this is the administrator. */
    @Transactional
    void changeType(Actor actor, long personId, ParticipantType type) {
        requireAdministrator(actor);
        var person = identity.require(personId);
        identity.updateProfile(actor, personId, new ProfileChange(person.displayName(), person.country(),
                person.orgUnit(), person.jobRole(), type, person.language()));
        if (type != person.participantType()) {
            events.publishEvent(new AdministrativeAct(actor.personId(), "participant-type.changed",
                    "person:" + personId, null, Map.of("from", String.valueOf(person.participantType()),
                    "to", type.name())));
        }
    }

    /**
     * Deactivates ({@code active} false) or reactivates an account, recording who did it and why. Administrators cannot
     * deactivate themselves (nobody would be left to undo it, were they the only one).
     */
    @Transactional
    void setActive(Actor actor, long personId, boolean active, String reason) {
        requireAdministrator(actor);
        identity.require(personId);
        String why = reason(reason);
        if (!active && personId == actor.personId()) {
            throw Refusal.conflict("people.deactivate.self");
        }
        if (directory.isActive(personId) == active) {
            throw Refusal.conflict(active ? "people.reactivate.already" : "people.deactivate.already");
        }
        directory.setActive(personId, active, why, actor.personId(), clock.instant());
        events.publishEvent(new AdministrativeAct(actor.personId(), active ? "person.reactivated" : "person.deactivated",
                "person:" + personId, why, Map.of()));
    }

    private static String reason(String reason) {
        String cleaned = reason == null ? "" : reason.strip();
        if (cleaned.isEmpty()) {
            throw Refusal.invalid("reason", "people.reason.required");
        }
        if (cleaned.length() > MAX_REASON) {
            throw Refusal.invalid("reason", "form.tooLong");
        }
        return cleaned;
    }

    private static void requireAdministrator(Actor actor) {
        if (!actor.isAdministrator()) {
            throw Refusal.forbidden("error.forbidden");
        }
    }
}
