package org.incrowd.identity.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.incrowd.identity.Actor;
import org.incrowd.identity.ParticipantType;
import org.incrowd.identity.Person;
import org.incrowd.identity.Role;
import org.incrowd.shared.Viewer;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The principal kept in the session (and set for API token requests). */
public final class SignedInPerson implements UserDetails, CredentialsContainer, Viewer {

    private final long personId;
    private final String email;
    private final String displayName;
    private final String language;
    private final Set<Role> roles;
    private final ParticipantType participantType;
    private final boolean verified;
    /** When this session began: a password reset ends the sessions that began before it (SessionRefresh). */
    private final Instant signedInAt;
    private String passwordHash;

    SignedInPerson(Person person, String passwordHash) {
        this(person, passwordHash, Instant.now());
    }

    /** The same session with the person as they are now. */
    SignedInPerson refreshed(Person person) {
        return new SignedInPerson(person, null, signedInAt);
    }

    private SignedInPerson(Person person, String passwordHash, Instant signedInAt) {
        this.signedInAt = signedInAt;
        this.verified = person.verified();
        this.personId = person.id();
        this.email = person.email();
        this.displayName = person.displayName();
        this.language = person.language();
        this.roles = Set.copyOf(person.roles());
        this.participantType = person.participantType();
        this.passwordHash = passwordHash;
    }

    /** Whether this session still shows the person as they are now (name, address, language, roles). */
    boolean reflects(Person person) {
        return person.id() == personId && person.email().equals(email) && person.displayName().equals(displayName)
                && java.util.Objects.equals(person.language(), language) && person.roles().equals(roles)
                && person.participantType() == participantType && person.verified() == verified;
    }

    /** Whether the session began before {@code validFrom} (a password reset), so it must end. */
    boolean beganBefore(Instant validFrom) {
        return validFrom != null && signedInAt.isBefore(validFrom);
    }

    /** The person as services see them when checking permissions. */
    public Actor asActor() {
        return new Actor(personId, roles, participantType, email, verified);
    }

    @Override
    public boolean verified() {
        return verified;
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
        return roles.contains(Role.ADMINISTRATOR);
    }

    @Override
    public boolean canOrganise() {
        return isAdministrator() || roles.contains(Role.ORGANISER);
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return roles.isEmpty() ? List.of()
                : roles.stream().map(r -> new SimpleGrantedAuthority("ROLE_" + r.name())).toList();
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return email;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }
}
