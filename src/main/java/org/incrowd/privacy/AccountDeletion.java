package org.incrowd.privacy;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.incrowd.identity.Actor;
import org.incrowd.identity.IdentityService;
import org.incrowd.identity.EmailAddress;
import org.incrowd.privacy.internal.mydata.PrivacyRequests;
import org.incrowd.shared.AdministrativeAct;
import org.incrowd.shared.FieldErrors;
import org.incrowd.shared.PersonalData;
import org.incrowd.shared.PersonalData.ForgetPolicy;
import org.incrowd.shared.Refusal;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person deletes their account (issue 16, ADR 44): at once, in one transaction, every module forgets what is
 * personal ({@link PersonalData#forget}) and the person row is anonymised last, so nobody can sign in as it and
 * nothing links what stays (posts under a former participant's byline, counted reactions) to the person. The same
 * erasure serves the retention of accounts deactivated long ago.
 */
@Service
public class AccountDeletion {

    /**
     * How the person confirms: their password, or, for an account without one (single sign-on, mailed links), their
     * address typed out; and that they understood it cannot be undone.
     */
    public record Confirmation(String password, String typedAddress, boolean understood) {
    }

    private final List<PersonalData> sources;
    private final IdentityService identity;
    private final PrivacyRequests requests;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AccountDeletion(List<PersonalData> sources, IdentityService identity, PrivacyRequests requests,
                    ApplicationEventPublisher events, Clock clock) {
        this.sources = sources;
        this.identity = identity;
        this.requests = requests;
        this.events = events;
        this.clock = clock;
    }

    /** The person deletes their own account; refuses, deleting nothing, unless they confirmed it rightly. */
    @Transactional
    public Map<String, Integer> delete(Actor actor, Confirmation confirmation) {
        if (actor.isGuest()) { // observers too: read-only in Jams, but their account is theirs to delete
            throw Refusal.forbidden("error.forbidden");
        }
        long personId = actor.personId();
        var errors = FieldErrors.none();
        if (identity.signsInWithPassword(personId)) {
            if (!identity.passwordMatches(personId, confirmation.password())) {
                errors.add("password", "mydata.delete.wrongPassword");
            }
        } else if (confirmation.typedAddress() == null || !EmailAddress.normalise(confirmation.typedAddress())
                .equals(identity.require(personId).email())) {
            errors.add("typedAddress", "mydata.delete.wrongAddress");
        }
        if (!confirmation.understood()) {
            errors.add("understood", "mydata.delete.understoodMissing");
        }
        errors.throwIfAny();
        if (identity.isLastAdministrator(personId)) {
            throw Refusal.conflict("mydata.delete.lastAdministrator");
        }
        return erase(personId, personId);
    }

    /**
     * Erases the account now: each module forgets the person under the administrators' policy (the account's own
     * module last, as its bean is ordered), the deletion is recorded with its counts and audited. {@code actorId}:
     * the person themselves, or 0 for the retention run.
     */
    @Transactional
    public Map<String, Integer> erase(long personId, long actorId) {
        var policy = requests.policy();
        var counts = new LinkedHashMap<String, Integer>();
        for (var source : sources) {
            counts.put(source.section(), source.forget(personId, policy));
        }
        requests.record(personId, PrivacyRequests.Kind.DELETION, clock.instant(), counts);
        var details = new LinkedHashMap<>(MyData.asText(counts));
        details.put("policy", policy.name());
        events.publishEvent(new AdministrativeAct(actorId, "person.deleted", "person:" + personId, null, details));
        return counts;
    }

    /** What happens to a deleted account's posts. */
    public ForgetPolicy policy() {
        return requests.policy();
    }

    /** Administrators choose what happens to the posts of accounts deleted from now on. */
    @Transactional
    public void choosePolicy(Actor actor, ForgetPolicy policy) {
        if (!actor.isAdministrator()) {
            throw Refusal.forbidden("error.forbidden");
        }
        var before = requests.policy();
        requests.setPolicy(policy, actor.personId(), clock.instant());
        events.publishEvent(new AdministrativeAct(actor.personId(), "settings.changed", "privacy:deletion-policy",
                null, Map.of("from", before.name(), "to", policy.name())));
    }
}
