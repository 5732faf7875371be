package org.incrowd.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Optional;
import org.incrowd.identity.internal.KioskPrincipal;
import org.incrowd.identity.internal.SessionSignIn;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Kiosk sessions: real sessions with narrow rights. The kiosk module checks a person's code and signs them in here;
 * the session then reaches only {@code /kiosk/**} (every other page and the whole API refuse it), acts as a plain
 * participant whatever roles the person has elsewhere, and ends when idle longer than the kiosk allows (see
 * {@code KioskBoundary}) or when the kiosk signs the person out after their act.
 */
@Component
public class KioskSessions {

    private final SessionSignIn signIns;
    private final java.time.Clock clock;

    KioskSessions(SessionSignIn signIns, java.time.Clock clock) {
        this.signIns = signIns;
        this.clock = clock;
    }

    /** Signs the person in on this kiosk, replacing whoever was signed in on the browser before. */
    public KioskSession signIn(Person person, long jamId, long deviceId, Duration idle, HttpServletRequest request,
                               HttpServletResponse response) {
        var principal = new KioskPrincipal(person, jamId, deviceId, idle);
        // A new session id for every person: no session fixation on a shared device.
        signIns.establish(principal, principal.getAuthorities(), request, response);
        signIns.recordKioskSignIn(person.id());
        var session = request.getSession();
        // The store forgets the session too, should the kiosk page never come back to sign out; a minute later than
        // the idle time, because the kiosk's own countdown signs out a little after it on a busy server, and that
        // sign-out must still find its session (KioskBoundary ends an idle session to the millisecond anyway).
        session.setMaxInactiveInterval((int) Math.max(1, idle.toSeconds() + 60));
        KioskPrincipal.touch(session, clock.millis());
        return principal.session();
    }

    /** The kiosk session of this request, if it is one. */
    public Optional<KioskSession> current() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof KioskPrincipal kiosk
                ? Optional.of(kiosk.session()) : Optional.empty();
    }

    /** Ends the kiosk session: the next person starts from the code again. */
    public void signOut(HttpServletRequest request) {
        SecurityContextHolder.clearContext();
        var session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
    }
}
