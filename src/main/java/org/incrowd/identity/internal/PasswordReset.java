package org.incrowd.identity.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.incrowd.identity.EmailAddress;
import org.incrowd.identity.PasswordPolicy;
import org.incrowd.mail.Outbox;
import org.incrowd.shared.FieldErrors;
import org.incrowd.shared.Refusal;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Forgot your password?": a link by mail that sets a new one, for an hour and once. Asking never says whether the
 * address has an account (only its owner learns that, by the mail); asking is limited per address and per client.
 * The new password must pass the {@link PasswordPolicy}; afterwards every session that began before ends, and the
 * sign-in limits apply as before.
 */
@Service
class PasswordReset {

    static final Duration WINDOW = Duration.ofHours(1);

    private final PersonRepository people;
    private final MailedTokens tokens;
    private final Outbox outbox;
    private final PasswordEncoder passwords;
    private final Clock clock;
    private final SlidingWindow requests;
    private final int perEmail;
    private final int perClient;

    PasswordReset(PersonRepository people, MailedTokens tokens, Outbox outbox, PasswordEncoder passwords, Clock clock,
                  @Value("${incrowd.password-reset.per-email:5}") int perEmail,
                  @Value("${incrowd.password-reset.per-address:30}") int perClient) {
        this.people = people;
        this.tokens = tokens;
        this.outbox = outbox;
        this.passwords = passwords;
        this.clock = clock;
        this.requests = new SlidingWindow(WINDOW, clock);
        this.perEmail = perEmail;
        this.perClient = perClient;
    }

    /**
     * Mails a reset link if the address has an account; answers alike either way. Refuses a malformed address and too
     * many requests for one address or from one client within the hour.
     */
    @Transactional
    public void request(String address, String client) {
        String email = EmailAddress.require(address, "email");
        if (requests.count("email:" + email) >= perEmail || requests.count("client:" + client) >= perClient) {
            throw Refusal.tooMany("reset.tooMany");
        }
        requests.record("email:" + email);
        requests.record("client:" + client);
        people.findByEmail(email).ifPresent(person -> {
            String token = tokens.issue(person.id(), MailedTokens.Purpose.RESET, email);
            outbox.send(AccountMail.RESET_PASSWORD.to(Secrets.hash(token).substring(0, 32), email, person.id(),
                    person.language(), person.displayName(), token));
        });
    }

    /** Whether a link still works, to show its form (or say at once that it does not). */
    boolean works(String token) {
        return usable(token).isPresent();
    }

    /**
     * Sets the new password of the link's account and uses the link up (with every other reset link of the account).
     * Following the link proved the address too. Refuses a password the policy refuses (the link keeps working) and
     * a link that no longer works. Returns the account's address, to fill in on the sign-in page.
     */
    @Transactional
    public String reset(String token, String password) {
        var link = usable(token).orElseThrow(() -> Refusal.conflict("reset.linkGone"));
        var errors = FieldErrors.none();
        PasswordPolicy.check(password, errors);
        errors.throwIfAny();
        if (!tokens.use(link)) {
            throw Refusal.conflict("reset.linkGone");
        }
        var now = clock.instant();
        people.changePassword(link.personId(), passwords.encode(password), now);
        people.markVerified(link.personId(), link.email(), now);
        tokens.useAll(link.personId(), MailedTokens.Purpose.RESET);
        return link.email();
    }

    /** A link that still works, for an account that still uses the address the link was sent to. */
    private Optional<MailedTokens.Token> usable(String token) {
        return tokens.find(token, MailedTokens.Purpose.RESET).filter(t -> t.state() == MailedTokens.State.USABLE)
                .filter(t -> people.findById(t.personId()).filter(p -> p.email().equals(t.email())).isPresent());
    }
}
