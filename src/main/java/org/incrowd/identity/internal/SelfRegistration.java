package org.incrowd.identity.internal;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import org.incrowd.identity.Actor;
import org.incrowd.identity.ParticipantType;
import org.incrowd.shared.Refusal;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which participant types people may choose when they sign up themselves (table self_registration_type). Jams choose
 * their audience by type, so a type anyone may claim opens those Jams to anyone: administrators decide which types are
 * offered, and every other type comes from an invitation, single sign-on or an administrator.
 */
@Component
public class SelfRegistration {

    private final JdbcClient jdbc;

    SelfRegistration(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The offered types, in the order of {@link ParticipantType}. */
    public Set<ParticipantType> types() {
        var types = EnumSet.noneOf(ParticipantType.class);
        jdbc.sql("select participant_type from self_registration_type").query(String.class).list()
                .forEach(name -> types.add(ParticipantType.valueOf(name)));
        return types;
    }

    public boolean offers(ParticipantType type) {
        return types().contains(type);
    }

    /** Administrators only; at least one type, or nobody could sign up. */
    @Transactional
    public void change(Actor actor, Collection<ParticipantType> types) {
        if (!actor.isAdministrator()) {
            throw Refusal.forbidden("error.forbidden");
        }
        if (types.isEmpty()) {
            throw Refusal.invalid("types", "signUpSettings.types.required");
        }
        jdbc.sql("delete from self_registration_type").update();
        for (var type : EnumSet.copyOf(types)) {
            jdbc.sql("insert into self_registration_type (participant_type) values (?)").param(type.name()).update();
        }
    }
}
