package org.incrowd.identity.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import org.incrowd.identity.IdentityService;
import org.incrowd.identity.ProfileFactsChanged;
import org.incrowd.shared.PersonalData;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The account in a person's data (ADR 44): profile, roles, address, API token names (never the secrets), and, when
 * they delete the account, the anonymised person row. It forgets last, so every other module still finds the
 * person's address and name while it forgets its own records.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class AccountPersonalData implements PersonalData {

    /** The stored name of an erased account; pages show the reader's words for a former participant instead. */
    static final String FORMER_NAME = "Former participant";

    private final IdentityService identity;
    private final PersonRepository people;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    AccountPersonalData(IdentityService identity, PersonRepository people, JdbcClient jdbc,
                        ApplicationEventPublisher events) {
        this.events = events;
        this.identity = identity;
        this.people = people;
        this.jdbc = jdbc;
    }

    @Override
    public String section() {
        return "account";
    }

    record Token(String name, Instant createdAt, Instant lastUsedAt, Instant revokedAt) {
    }

    @Override
    public Object about(long personId) {
        var person = identity.require(personId);
        var account = new LinkedHashMap<String, Object>();
        account.put("id", person.id());
        account.put("email", person.email());
        account.put("displayName", person.displayName());
        account.put("country", person.country());
        account.put("orgUnit", person.orgUnit());
        account.put("jobRole", person.jobRole());
        account.put("participantType", person.participantType());
        account.put("language", person.language());
        account.put("roles", person.roles().stream().map(Enum::name).sorted().toList());
        account.put("verified", person.verified());
        account.put("createdAt", person.createdAt());
        account.put("signsInWithPassword", identity.signsInWithPassword(personId));
        account.put("apiTokens", jdbc.sql("""
                        select name, created_at, last_used_at, revoked_at from api_token where person_id = ? order by id""")
                .param(personId).query((rs, n) -> new Token(rs.getString(1), instant(rs.getTimestamp(2)),
                        instant(rs.getTimestamp(3)), instant(rs.getTimestamp(4)))).list());
        return account;
    }

    @Override
    public int forget(long personId, ForgetPolicy policy) {
        int removed = jdbc.sql("delete from api_token where person_id = ?").param(personId).update();
        removed += jdbc.sql("delete from person_token where person_id = ?").param(personId).update();
        people.setRoles(personId, java.util.EnumSet.of(org.incrowd.identity.Role.PARTICIPANT));
        people.erase(personId, IdentityService.erasedAddress(), FORMER_NAME, Instant.now());
        events.publishEvent(new ProfileFactsChanged(personId));
        return removed + 1;
    }

    private static Instant instant(Timestamp at) {
        return at == null ? null : at.toInstant();
    }

}
