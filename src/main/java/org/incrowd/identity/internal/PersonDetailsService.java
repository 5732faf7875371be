package org.incrowd.identity.internal;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/** Loads a person for password sign-in. */
@Component
class PersonDetailsService implements UserDetailsService {

    private final PersonRepository people;
    private final PeopleDirectory directory;

    PersonDetailsService(PersonRepository people, PeopleDirectory directory) {
        this.people = people;
        this.directory = directory;
    }

    @Override
    public UserDetails loadUserByUsername(String email) {
        var person = people.findByEmail(email == null ? "" : org.incrowd.identity.EmailAddress.normalise(email))
                .orElseThrow(() -> new UsernameNotFoundException("No such person"));
        // An account made by single sign-on has no password: it cannot sign in with one (a plain "not right").
        // A deactivated account is told what a wrong password is told: that signing in did not work, nothing more.
        if (!directory.isActive(person.id())) {
            throw new UsernameNotFoundException("Deactivated");
        }
        var passwordHash = people.passwordHash(person.id())
                .orElseThrow(() -> new UsernameNotFoundException("No password for this person"));
        return new SignedInPerson(person, passwordHash);
    }
}
