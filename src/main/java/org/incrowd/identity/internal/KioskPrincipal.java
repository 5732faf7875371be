package org.incrowd.identity.internal;

import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.incrowd.identity.Actor;
import org.incrowd.identity.KioskSession;
import org.incrowd.identity.ParticipantType;
import org.incrowd.identity.Person;
import org.incrowd.identity.Role;
import org.incrowd.shared.Viewer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * The principal of a kiosk session. Whatever roles the person has elsewhere, here they are a plain participant of one
 * Jam: an organiser who signs in on a kiosk with a code organises nothing from it.
 */
public final class KioskPrincipal implements Viewer, Serializable {

    /** The session attribute with the time (epoch millis) of the session's last request. */
    static final String LAST_SEEN = KioskPrincipal.class.getName() + ".lastSeen";

    private final long personId;
    private final String displayName;
    private final String language;
    private final String email;
    private final ParticipantType participantType;
    private final boolean verified;
    private final long jamId;
    private final long deviceId;
    private final long idleMillis;

    public KioskPrincipal(Person person, long jamId, long deviceId, Duration idle) {
        this.personId = person.id();
        this.displayName = person.displayName();
        this.language = person.language();
        this.email = person.email();
        this.participantType = person.participantType();
        this.verified = person.verified();
        this.jamId = jamId;
        this.deviceId = deviceId;
        this.idleMillis = idle.toMillis();
    }

    public static void touch(HttpSession session, long nowMillis) {
        session.setAttribute(LAST_SEEN, nowMillis);
    }

    /** Whether the session saw no request for longer than the kiosk allows. */
    boolean idleAt(HttpSession session, long nowMillis) {
        return !(session.getAttribute(LAST_SEEN) instanceof Long last) || nowMillis - last > idleMillis;
    }

    public KioskSession session() {
        return new KioskSession(personId, displayName, jamId, deviceId);
    }

    public Actor asActor() {
        return new Actor(personId, Set.of(Role.PARTICIPANT), participantType, email, verified);
    }

    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority("ROLE_KIOSK"));
    }

    @Override
    public long personId() {
        return personId;
    }

    @Override
    public String displayName() {
        return displayName;
    }

    @Override
    public String language() {
        return language;
    }

    @Override
    public boolean isAdministrator() {
        return false;
    }

    @Override
    public boolean canOrganise() {
        return false;
    }

    @Override
    public boolean verified() {
        return verified;
    }
}
