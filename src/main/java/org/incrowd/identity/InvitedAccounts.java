package org.incrowd.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.EnumSet;
import org.incrowd.identity.internal.PersonRepository;
import org.incrowd.identity.internal.SessionSignIn;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accounts of people who follow an invitation link. The link reached them at their address, so that address counts
 * as verified; their participant type is the one the organiser chose (open sign-up never offers it), and the
 * password obeys the {@link PasswordPolicy} like every other.
 */
@Service
public class InvitedAccounts {

    /** What the invitation knows and what the person adds (name, password, language). */
    public record Invited(String email, String displayName, String password, ParticipantType participantType,
                          String country, String orgUnit, String jobRole, String language) {
    }

    private final IdentityService identity;
    private final SessionSignIn sessions;
    private final PersonRepository people;
    private final Clock clock;

    InvitedAccounts(IdentityService identity, SessionSignIn sessions, PersonRepository people, Clock clock) {
        this.identity = identity;
        this.sessions = sessions;
        this.people = people;
        this.clock = clock;
    }

    /** Signs the new account in, in this browser, as sign-up does: they go on to the Jam without typing it again. */
    public void signIn(Person person, HttpServletRequest request, HttpServletResponse response) {
        sessions.signIn(person, request, response);
    }

    /** A participant account with a verified address; refuses with every problem at once, like sign-up. */
    @Transactional
    public Person create(Invited invited) {
        var person = identity.register(new Registration(invited.email(), invited.password(), invited.displayName(),
                invited.country(), invited.orgUnit(), invited.jobRole(), invited.participantType(),
                invited.language()), EnumSet.of(Role.PARTICIPANT));
        confirmAddress(person.id(), person.email());
        return person;
    }

    /** The person showed they read mail at {@code email} (they followed a link sent there): verified, if it is theirs. */
    @Transactional
    public void confirmAddress(long personId, String email) {
        people.markVerified(personId, ProfileRules.normaliseEmail(email), clock.instant());
    }
}
