package org.incrowd.help.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.incrowd.jam.Jam;
import org.incrowd.mail.Mail;
import org.incrowd.mail.Outbox;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Questions asked without an account, until their asker follows the link mailed to them (table {@code help_asking}).
 * Nothing of them is published before: the stream, its feed and its search never see an unconfirmed question.
 */
@Repository
public class PendingQuestions {

    /** A question waiting for its address to be confirmed; {@code questionId} once published. */
    public record Pending(long id, long jamId, Long forumId, String email, String name, String title, String body,
                          Instant expiresAt, Long questionId) {

        public boolean expired(Instant now) {
            return !now.isBefore(expiresAt);
        }
    }

    private final JdbcClient jdbc;
    private final Outbox outbox;
    private final Clock clock;

    PendingQuestions(JdbcClient jdbc, Outbox outbox, Clock clock) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Keeps the question and mails its link to {@code email}, in {@code language}. */
    public void add(Jam stream, Long forumId, String email, String name, String title, String body,
                    String clientAddress, String language, Duration validFor) {
        String token = LinkTokens.random();
        String hash = LinkTokens.hash(token);
        Instant now = clock.instant();
        jdbc.sql("""
                        insert into help_asking (jam_id, forum_id, email, display_name, title, body, language,
                            client_address, lookup, token_hash, created_at, expires_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(stream.id(), forumId, email, name == null ? "" : name, title, body, language,
                        clientAddress == null ? "" : clientAddress, LinkTokens.lookup(hash), hash,
                        Timestamp.from(now), Timestamp.from(now.plus(validFor)))
                .update();
        outbox.send(new Mail("help-confirm:" + hash.substring(0, 32), HelpMails.CONFIRM_QUESTION, email, null,
                language, Map.of("token", token, "title", title, "stream", stream.title(),
                        "hours", String.valueOf(validFor.toHours()))));
    }

    /** The question a link's token belongs to, whatever its state; empty for a token Incrowd never mailed. */
    public Optional<Pending> find(String token) {
        if (!LinkTokens.plausible(token)) {
            return Optional.empty();
        }
        String hash = LinkTokens.hash(token);
        return jdbc.sql("""
                        select id, jam_id, forum_id, email, display_name, title, body, expires_at, question_id, token_hash
                        from help_asking where lookup = ?""")
                .param(LinkTokens.lookup(hash))
                .query((rs, n) -> LinkTokens.sameHash(rs.getString("token_hash"), hash)
                        ? new Pending(rs.getLong("id"), rs.getLong("jam_id"), rs.getObject("forum_id", Long.class),
                                rs.getString("email"), blankToNull(rs.getString("display_name")), rs.getString("title"),
                                rs.getString("body"), rs.getTimestamp("expires_at").toInstant(),
                                rs.getObject("question_id", Long.class))
                        : null)
                .list().stream().filter(Objects::nonNull).findFirst();
    }

    /** Takes the question for publishing; false when another click took it first, or it expired meanwhile. */
    public boolean claim(long id) {
        Instant now = clock.instant();
        return jdbc.sql("update help_asking set published_at = ? where id = ? and published_at is null and expires_at > ?")
                .params(Timestamp.from(now), id, Timestamp.from(now)).update() == 1;
    }

    public void published(long id, long questionId) {
        jdbc.sql("update help_asking set question_id = ? where id = ?").params(questionId, id).update();
    }

    /** Questions asked without an account in the last {@code window} from this address, or this client address. */
    public long askedSince(String email, String clientAddress, Duration window) {
        var since = Timestamp.from(clock.instant().minus(window));
        return email != null
                ? jdbc.sql("select count(*) from help_asking where email = ? and created_at > ?")
                        .params(email, since).query(Long.class).single()
                : jdbc.sql("select count(*) from help_asking where client_address = ? and created_at > ?")
                        .params(clientAddress == null ? "" : clientAddress, since).query(Long.class).single();
    }

    /**
     * Forgets questions whose link expired unfollowed ({@code Asking.CONFIRM_WITHIN} after asking): they were never
     * published and never will be. Run before each new question, so no scheduler is needed.
     */
    public void forgetExpired() {
        jdbc.sql("delete from help_asking where expires_at < ? and published_at is null")
                .param(Timestamp.from(clock.instant())).update();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
