package org.incrowd.identity;

import java.util.Optional;
import org.incrowd.identity.internal.KioskPrincipal;
import org.incrowd.identity.internal.SignedInPerson;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** Who the current request acts for. */
@Component
public class CurrentActor {

    /** The signed-in person as an actor with their current roles, or empty for a guest. */
    public Optional<Actor> current() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof KioskPrincipal kiosk) {
            return Optional.of(kiosk.asActor()); // a plain participant, whatever roles the person has elsewhere
        }
        if (authentication == null || !(authentication.getPrincipal() instanceof SignedInPerson signedIn)) {
            return Optional.empty();
        }
        // Current as of this request: API tokens are resolved afresh, and sessions are brought up to date with the
        // person's roles and participant type before the request reaches any controller (SessionRefresh).
        return Optional.of(signedIn.asActor());
    }

    /** Whether the request comes from a kiosk's narrow session (one person at a shared screen). */
    public boolean atKiosk() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof KioskPrincipal;
    }

    /** The signed-in person, or {@link Actor#GUEST}: for pages that guests may read where a Jam lets them. */
    public Actor currentOrGuest() {
        return current().orElse(Actor.GUEST);
    }

    /** The signed-in person; a guest is sent to sign in (pages) or answered 401 (API). */
    public Actor require() {
        return current().orElseThrow(() -> new AuthenticationCredentialsNotFoundException("Sign in first"));
    }
}
