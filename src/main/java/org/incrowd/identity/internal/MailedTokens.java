package org.incrowd.identity.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The secrets in links sent by mail (table person_token): 256 random bits, of which only the SHA-256 is kept. A row is
 * found by the first 16 hex digits of the hash and the whole hash is compared in constant time, so neither the
 * database nor the clock tells anyone how close a guess was. Each token works once and until it expires.
 */
@Repository
class MailedTokens {

    enum Purpose {
        /** Proves an address: after sign-up, or a new address on the profile. */
        VERIFY(Duration.ofHours(48)),
        /** Sets a new password. */
        RESET(Duration.ofHours(1));

        final Duration validFor;

        Purpose(Duration validFor) {
            this.validFor = validFor;
        }
    }

    /** What a link's token is: usable now, used already, expired; an unknown token has no row at all. */
    enum State { USABLE, USED, EXPIRED }

    record Token(long id, long personId, Purpose purpose, String email, State state) {
    }

    private static final int LOOKUP_DIGITS = 16;

    private final JdbcClient jdbc;
    private final Clock clock;

    MailedTokens(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A new token for {@code email}, returned once: the caller puts it into a mail and forgets it. */
    String issue(long personId, Purpose purpose, String email) {
        String token = Secrets.random();
        String hash = Secrets.hash(token);
        Instant now = clock.instant();
        jdbc.sql("""
                insert into person_token (person_id, purpose, email, lookup, token_hash, created_at, expires_at)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(personId, purpose.name(), email, hash.substring(0, LOOKUP_DIGITS), hash,
                        Timestamp.from(now), Timestamp.from(now.plus(purpose.validFor)))
                .update();
        return token;
    }

    /** The token of this purpose that a link carries, whatever its state; empty for one Incrowd never issued. */
    Optional<Token> find(String token, Purpose purpose) {
        if (token == null || token.length() > 100) {
            return Optional.empty();
        }
        String hash = Secrets.hash(token);
        Instant now = clock.instant();
        return jdbc.sql("""
                select id, person_id, email, token_hash, expires_at, used_at from person_token
                where lookup = ? and purpose = ?""")
                .params(hash.substring(0, LOOKUP_DIGITS), purpose.name())
                .query((rs, n) -> Secrets.sameHash(rs.getString("token_hash"), hash)
                        ? new Token(rs.getLong("id"), rs.getLong("person_id"), purpose, rs.getString("email"),
                                rs.getTimestamp("used_at") != null ? State.USED
                                        : rs.getTimestamp("expires_at").toInstant().isAfter(now) ? State.USABLE
                                        : State.EXPIRED)
                        : null)
                .list().stream().filter(java.util.Objects::nonNull).findFirst();
    }

    /** Uses the token up; false when another request used it first (two clicks at once count once). */
    boolean use(Token token) {
        return jdbc.sql("update person_token set used_at = ? where id = ? and used_at is null and expires_at > ?")
                .params(Timestamp.from(clock.instant()), token.id(), Timestamp.from(clock.instant())).update() == 1;
    }

    /** Uses up every other token of this purpose, e.g. all reset links once the password was reset. */
    void useAll(long personId, Purpose purpose) {
        jdbc.sql("update person_token set used_at = ? where person_id = ? and purpose = ? and used_at is null")
                .params(Timestamp.from(clock.instant()), personId, purpose.name()).update();
    }
}
