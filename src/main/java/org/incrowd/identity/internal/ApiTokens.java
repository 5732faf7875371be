package org.incrowd.identity.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.incrowd.identity.ApiToken;
import org.incrowd.shared.Refusal;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal API tokens: 32 random bytes shown to their owner once; only their SHA-256 is stored, which is enough to
 * recognise them and useless to someone who reads the database.
 */
@Component
public class ApiTokens {

    static final String PREFIX = "ict_";
    static final int MAX_PER_PERSON = 20;
    private static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);
    private final JdbcClient jdbc;
    /**
     * The tokens whose last use this node wrote within the last {@link #LAST_USED_PRECISION}: their next uses write
     * nothing and ask nothing. A client holding thousands of streams on one token reconnects them all at once after a
     * restart, and each would otherwise send an update that changes no row.
     */
    private final Cache<String, Boolean> recentlyNoted = Caffeine.newBuilder()
            .expireAfterWrite(LAST_USED_PRECISION).maximumSize(100_000).build();

    ApiTokens(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Creates a token and returns its secret, the only time it is visible. */
    @Transactional
    public String create(long personId, String name) {
        String cleaned = name == null ? "" : name.strip();
        if (cleaned.isEmpty() || cleaned.length() > 80) {
            throw Refusal.invalid("name", "tokens.name.invalid");
        }
        if (list(personId).size() >= MAX_PER_PERSON) {
            throw Refusal.conflict("tokens.tooMany", MAX_PER_PERSON);
        }
        String secret = PREFIX + Secrets.random();
        jdbc.sql("insert into api_token (person_id, name, token_hash, created_at) values (?, ?, ?, ?)")
                .params(personId, cleaned, hash(secret), Timestamp.from(Instant.now())).update();
        return secret;
    }

    /**
     * Tokens are made on the profile page or with a session, never with a token: a token that leaked could otherwise
     * make others that outlive its revocation.
     */
    static void refuseWhenSentWithToken(jakarta.servlet.http.HttpServletRequest request) {
        if (ApiTokenAuthentication.carriesToken(request)) {
            throw Refusal.forbidden("tokens.notWithToken");
        }
    }

    public List<ApiToken> list(long personId) {
        return jdbc.sql("""
                select id, name, created_at, last_used_at from api_token
                where person_id = ? and revoked_at is null order by id""")
                .param(personId)
                .query((rs, n) -> new ApiToken(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
                        rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant()))
                .list();
    }

    /** Revokes one of the person's own tokens; someone else's token is "not found", not "forbidden". */
    @Transactional
    public void revoke(long personId, long tokenId) {
        int changed = jdbc.sql("update api_token set revoked_at = ? where id = ? and person_id = ? and revoked_at is null")
                .params(Timestamp.from(Instant.now()), tokenId, personId).update();
        if (changed == 0) {
            throw Refusal.notFound("tokens.notFound");
        }
    }

    /**
     * The person a presented token belongs to, if it is a live token of an active account (a deactivated account's
     * tokens do not act). Read afresh on every request, in one query: a token revoked or an account deactivated on
     * another node stops acting at once.
     */
    Optional<Long> personFor(String secret) {
        if (secret == null || !secret.startsWith(PREFIX) || secret.length() > 100) {
            return Optional.empty();
        }
        String hash = hash(secret);
        var owner = jdbc.sql("""
                        select t.person_id from api_token t join person p on p.id = t.person_id
                        where t.token_hash = ? and t.revoked_at is null and p.deactivated_at is null""")
                .param(hash).query(Long.class).optional();
        // To the minute is what the profile page shows; writing on every request would make one busy token (a
        // client holding thousands of live streams, say) a hot row that every request waits for.
        if (owner.isPresent() && recentlyNoted.getIfPresent(hash) == null) {
            Instant now = Instant.now();
            jdbc.sql("update api_token set last_used_at = ? where token_hash = ? "
                            + "and (last_used_at is null or last_used_at < ?)")
                    .params(Timestamp.from(now), hash, Timestamp.from(now.minus(LAST_USED_PRECISION))).update();
            recentlyNoted.put(hash, Boolean.TRUE);
        }
        return owner;
    }

    private static String hash(String secret) {
        return Secrets.hash(secret);
    }
}
