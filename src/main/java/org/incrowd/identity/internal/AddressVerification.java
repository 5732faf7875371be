package org.incrowd.identity.internal;

import java.time.Clock;
import java.time.Duration;
import org.incrowd.identity.Actor;
import org.incrowd.identity.EmailAddress;
import org.incrowd.identity.Person;
import org.incrowd.identity.ProfileFactsChanged;
import org.incrowd.mail.Outbox;
import org.incrowd.shared.Refusal;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Proving that a person reads mail at their address: a link after sign-up, again on request, and to a new address
 * typed on the profile (the account moves there only once the link is followed; the old address is told). Links work
 * once, for 48 hours; see {@link MailedTokens}.
 */
@Service
public class AddressVerification {

    /** What following a verification link did. */
    public enum Outcome {
        /** The address is verified now. */
        VERIFIED,
        /** The account moved to the new address, which is verified. */
        MOVED,
        /** The link was used before and its address is verified: nothing left to do. */
        ALREADY_VERIFIED,
        /** Too old, or used and its address still unproved: a new link helps. */
        EXPIRED,
        /** The new address has an account of its own by now: nothing changed. */
        ADDRESS_TAKEN,
        /** No such link. */
        UNKNOWN
    }

    private final MailedTokens tokens;
    private final PersonRepository people;
    private final Outbox outbox;
    private final Clock clock;
    private final SlidingWindow sent;
    private final int perHour;
    private final ApplicationEventPublisher events;

    AddressVerification(MailedTokens tokens, PersonRepository people, Outbox outbox, Clock clock,
                        @Value("${incrowd.verification.links-per-hour:5}") int perHour,
                        ApplicationEventPublisher events) {
        this.events = events;
        this.tokens = tokens;
        this.people = people;
        this.outbox = outbox;
        this.clock = clock;
        this.sent = new SlidingWindow(Duration.ofHours(1), clock);
        this.perHour = perHour;
    }

    /** Mails a new account its link; part of the sign-up's transaction, so a failed sign-up sends nothing. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void sendLink(Person person) {
        mailLink(person, person.email(), AccountMail.VERIFY_ADDRESS);
    }

    /**
     * Tells the owner of an address that someone signed up with it again: the page answered as for a new account,
     * and one mail arrives either way.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void tellOwnerOfExistingAccount(Person owner) {
        outbox.send(AccountMail.EXISTING_ACCOUNT.to(Secrets.random(), owner.email(), owner.id(), owner.language(),
                owner.displayName(), null));
    }

    /**
     * "Send the link again", from the notice on every page; at most {@code perHour} an hour. Returns {@link
     * Outcome#ALREADY_VERIFIED} (and sends nothing) where the address is verified already, else {@link
     * Outcome#EXPIRED}: the old links are as good as gone, a new one is on its way.
     */
    @Transactional
    public Outcome resend(Actor actor) {
        var person = people.findById(actor.personId()).orElseThrow(() -> Refusal.notFound("error.personNotFound"));
        if (person.verified()) {
            return Outcome.ALREADY_VERIFIED;
        }
        limit(person.id());
        mailLink(person, person.email(), AccountMail.VERIFY_ADDRESS);
        return Outcome.EXPIRED;
    }

    /** A new link for the address of a link that no longer works (expired or used), signed in or not. */
    @Transactional
    public Outcome renew(String token) {
        var found = tokens.find(token, MailedTokens.Purpose.VERIFY);
        var person = found.flatMap(t -> people.findById(t.personId()));
        if (person.isEmpty()) {
            return Outcome.UNKNOWN;
        }
        String address = found.get().email();
        boolean sameAddress = address.equals(person.get().email());
        if (sameAddress && person.get().verified()) {
            return Outcome.ALREADY_VERIFIED;
        }
        if (!sameAddress && people.findByEmail(address).isPresent()) {
            return Outcome.ADDRESS_TAKEN; // its owner is not sent someone else's change
        }
        limit(person.get().id());
        mailLink(person.get(), address, sameAddress ? AccountMail.VERIFY_ADDRESS : AccountMail.VERIFY_NEW_ADDRESS);
        return Outcome.EXPIRED;
    }

    /** Follows a link: verifies the address, or moves the account to the new one it proves. */
    @Transactional
    public Outcome follow(String token) {
        var found = tokens.find(token, MailedTokens.Purpose.VERIFY);
        var person = found.flatMap(t -> people.findById(t.personId()));
        if (person.isEmpty()) {
            return Outcome.UNKNOWN;
        }
        var link = found.get();
        boolean sameAddress = link.email().equals(person.get().email());
        if (link.state() != MailedTokens.State.USABLE || !tokens.use(link)) {
            return sameAddress && person.get().verified() ? Outcome.ALREADY_VERIFIED : Outcome.EXPIRED;
        }
        if (sameAddress) {
            people.markVerified(person.get().id(), link.email(), clock.instant());
            return Outcome.VERIFIED;
        }
        if (people.findByEmail(link.email()).isPresent()) {
            return Outcome.ADDRESS_TAKEN;
        }
        people.changeEmail(person.get().id(), link.email(), clock.instant());
        events.publishEvent(new ProfileFactsChanged(person.get().id()));
        // Links to other new addresses are void now: one change at a time.
        tokens.useAll(person.get().id(), MailedTokens.Purpose.VERIFY);
        return Outcome.MOVED;
    }

    /**
     * A person asks to move their account to {@code newAddress}. The answer is the same whether or not the address
     * has an account (which would tell who uses it); where it has one, nothing is sent there and nothing changes. The
     * old address stays in use until the link is followed, and is told of the request.
     */
    @Transactional
    public void requestNewAddress(Actor actor, String newAddress) {
        String email = EmailAddress.require(newAddress, "newEmail");
        var person = people.findById(actor.personId()).orElseThrow(() -> Refusal.notFound("error.personNotFound"));
        if (email.equals(person.email())) {
            throw Refusal.invalid("newEmail", "profile.newEmail.same");
        }
        limit(person.id());
        String key = Secrets.random();
        outbox.send(AccountMail.ADDRESS_CHANGE_REQUESTED.to(key, person.email(), person.id(), person.language(),
                person.displayName(), null));
        if (people.findByEmail(email).isEmpty()) {
            mailLink(person, email, AccountMail.VERIFY_NEW_ADDRESS);
        }
    }

    private void limit(long personId) {
        String key = "person:" + personId;
        if (sent.count(key) >= perHour) {
            throw Refusal.tooMany("verify.tooMany");
        }
        sent.record(key);
    }

    private void mailLink(Person person, String address, AccountMail mail) {
        String token = tokens.issue(person.id(), MailedTokens.Purpose.VERIFY, EmailAddress.normalise(address));
        outbox.send(mail.to(Secrets.hash(token).substring(0, 32), address, person.id(), person.language(),
                person.displayName(), token));
    }
}
