package org.incrowd.identity;

import java.util.Optional;
import org.incrowd.identity.internal.SignedInPerson;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** Who the current request acts for. */
@Component
public class CurrentActor {

    private final IdentityService identity;

    CurrentActor(IdentityService identity) {
        this.identity = identity;
    }

    /** The signed-in person as an actor with their current roles, or empty for a guest. */
    public Optional<Actor> current() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof SignedInPerson signedIn)) {
            return Optional.empty();
        }
        // Roles are read afresh so that a change by an administrator applies at once, not at the next sign-in.
        return identity.find(signedIn.personId()).map(Person::asActor);
    }

    /** The signed-in person; a guest is sent to sign in (pages) or answered 401 (API). */
    public Actor require() {
        return current().orElseThrow(() -> new AuthenticationCredentialsNotFoundException("Sign in first"));
    }
}
