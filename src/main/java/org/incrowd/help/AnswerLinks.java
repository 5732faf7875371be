package org.incrowd.help;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.incrowd.help.internal.LinkTokens;
import org.incrowd.identity.IdentityService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The link that tells an asker their question was answered. People who sign in with a password get the question's
 * page (they sign in as always). People without one (customers who asked by mail) get a single-use link, valid
 * {@link #VALID_FOR}, that signs them in once and shows the question; used or expired, it still leads to the
 * question, without signing anyone in. The notification that carries it is only ever shown to its owner.
 */
@Service
public class AnswerLinks {

    public static final Duration VALID_FOR = Duration.ofDays(7);

    /** Who a followed link signs in (when it was still good) and the question it shows. */
    public record Followed(long questionId, Long signInPersonId) {
    }

    private final JdbcClient jdbc;
    private final IdentityService identity;
    private final Clock clock;

    AnswerLinks(JdbcClient jdbc, IdentityService identity, Clock clock) {
        this.jdbc = jdbc;
        this.identity = identity;
        this.clock = clock;
    }

    /** The path to put into the asker's notification and mail (a path of this application). */
    @Transactional
    public String linkToQuestion(long askerId, long questionId) {
        if (identity.signsInWithPassword(askerId)) {
            return "/help/questions/" + questionId;
        }
        String token = LinkTokens.random();
        String hash = LinkTokens.hash(token);
        Instant now = clock.instant();
        jdbc.sql("""
                        insert into help_link (person_id, question_id, lookup, token_hash, created_at, expires_at)
                        values (?, ?, ?, ?, ?, ?)""")
                .params(askerId, questionId, LinkTokens.lookup(hash), hash, Timestamp.from(now),
                        Timestamp.from(now.plus(VALID_FOR))).update();
        return "/help/answered/" + token;
    }

    /** Follows a link: uses it up where it was still good; empty for a token never issued. */
    @Transactional
    public Optional<Followed> follow(String token) {
        if (!LinkTokens.plausible(token)) {
            return Optional.empty();
        }
        String hash = LinkTokens.hash(token);
        Instant now = clock.instant();
        return jdbc.sql("select id, person_id, question_id, token_hash from help_link where lookup = ?")
                .param(LinkTokens.lookup(hash))
                .query((rs, n) -> LinkTokens.sameHash(rs.getString("token_hash"), hash)
                        ? new long[] {rs.getLong("id"), rs.getLong("person_id"), rs.getLong("question_id")} : null)
                .list().stream().filter(Objects::nonNull).findFirst()
                .map(row -> {
                    boolean used = jdbc.sql("""
                                    update help_link set used_at = ? where id = ? and used_at is null and expires_at > ?""")
                            .params(Timestamp.from(now), row[0], Timestamp.from(now)).update() == 1;
                    return new Followed(row[2], used ? row[1] : null);
                });
    }
}
