package org.incrowd.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.incrowd.identity.Person;
import org.incrowd.identity.SignInMethod;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * Puts a person into the browser session: after sign-up, and after a profile change so name and language show on
 * the next page without signing in again.
 */
@Component
public class SessionSignIn {

    private final HttpSessionSecurityContextRepository sessions = new HttpSessionSecurityContextRepository();
    private final SignInRecords records;

    SessionSignIn(SignInRecords records) {
        this.records = records;
    }

    /** Signs in after sign-up or by a mailed link ({@link SignInMethod#LINK}). */
    public void signIn(Person person, HttpServletRequest request, HttpServletResponse response) {
        signIn(person, SignInMethod.LINK, request, response);
    }

    public void signIn(Person person, SignInMethod method, HttpServletRequest request, HttpServletResponse response) {
        var principal = new SignedInPerson(person, null);
        establish(principal, principal.getAuthorities(), request, response);
        records.record(person.id(), method, true);
    }

    /** A kiosk sign-in: recorded like any other, the session itself made by {@code KioskSessions}. */
    public void recordKioskSignIn(long personId) {
        records.record(personId, SignInMethod.KIOSK, true);
    }

    /** Makes {@code principal} the session's, under a new session id (a kiosk session too, see KioskSessions). */
    public void establish(Object principal,
                          java.util.Collection<? extends org.springframework.security.core.GrantedAuthority> authorities,
                          HttpServletRequest request, HttpServletResponse response) {
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null, authorities));
        SecurityContextHolder.setContext(context);
        if (request.getSession(false) != null) {
            request.changeSessionId(); // a new session id on every change of identity: no session fixation
        }
        sessions.saveContext(context, request, response);
    }
}
