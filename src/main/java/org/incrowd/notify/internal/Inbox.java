package org.incrowd.notify.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.incrowd.mail.Mail;
import org.incrowd.mail.Outbox;
import org.incrowd.notify.NotificationKind;
import org.incrowd.notify.NotificationsDelivered;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where notifications are written, in the transaction of the change that causes them. The listeners in this module
 * decide who is told; the inbox applies each person's preferences: a row for the bell and for the digest where
 * wanted, a mail in the outbox for those who want it at once. Everything is set-based (one INSERT ... SELECT joined
 * with the preferences), so telling 150,000 members costs a few statements, not 150,000.
 */
@Component
public class Inbox {

    static final String AT_ONCE_MAIL = "notify.at-once";
    /**
     * Who is mailed, as SQL over the person row {@code p}: an active account whose address was proven by its owner.
     * An address someone merely typed in at sign-up is not trusted with what Incrowd tells its owner.
     */
    static final String MAILABLE = "p.deactivated_at is null and p.email_verified_at is not null";
    /** Recipients per statement when they are named one by one. */
    private static final int CHUNK = 500;
    private static final int MAIL_BATCH = 1_000;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Outbox outbox;
    private final ApplicationEventPublisher events;

    Inbox(JdbcTemplate jdbc, Clock clock, Outbox outbox, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.outbox = outbox;
        this.events = events;
    }

    /** Tells each of {@code recipients}; {@code link} is the page concerned, a path like "/posts/42". */
    @Transactional
    public void deliver(NotificationKind kind, Collection<Long> recipients, Long jamId, String link,
                        Map<String, String> params) {
        var people = recipients.stream().filter(Objects::nonNull).distinct().toList();
        if (people.isEmpty()) {
            return;
        }
        var told = new Told(kind, jamId, Notification.requireLocal(link), params);
        for (int from = 0; from < people.size(); from += CHUNK) {
            var chunk = people.subList(from, Math.min(people.size(), from + CHUNK));
            told.to(new Audience("person p", "p.id in (" + String.join(",", Collections.nCopies(chunk.size(), "?"))
                    + ")", chunk.toArray()));
        }
        events.publishEvent(NotificationsDelivered.to(jamId, people));
    }

    /** One person's own notification in a {@link #deliverEach} call: each with its own link and text. */
    public record Personal(long personId, String link, Map<String, String> params) {
    }

    /**
     * Tells many people, each their own notification of one kind (a bulk decision: each idea's people hear of
     * their idea). The same preferences as {@link #deliver}, read once for everyone, and written in batches, so
     * thousands of notifications with different links cost a few statements, not a few per notification.
     */
    @Transactional
    public void deliverEach(NotificationKind kind, Long jamId, List<Personal> notifications) {
        if (notifications.isEmpty()) {
            return;
        }
        var byDefault = Preference.byDefault(kind);
        var people = notifications.stream().map(Personal::personId).distinct().toList();
        var facts = new java.util.HashMap<Long, Object[]>();
        for (int from = 0; from < people.size(); from += CHUNK) {
            var chunk = people.subList(from, Math.min(people.size(), from + CHUNK));
            var arguments = new ArrayList<Object>();
            Collections.addAll(arguments, byDefault.inApp(), byDefault.mail().column(), kind.name());
            arguments.addAll(chunk);
            jdbc.query("select p.id, p.email, p.language, coalesce(np.in_app, ?), coalesce(np.mail_timing, ?), "
                    + "case when " + MAILABLE + " then true else false end from person p "
                    + "left join notification_preference np on np.person_id = p.id and np.kind = ? "
                    + "where p.deactivated_at is null and p.id in ("
                    + String.join(",", Collections.nCopies(chunk.size(), "?")) + ")", rs -> {
                        facts.put(rs.getLong(1), new Object[] {rs.getString(2), rs.getString(3), rs.getBoolean(4),
                                rs.getString(5), rs.getBoolean(6)});
                    }, arguments.toArray());
        }
        var now = Timestamp.from(clock.instant());
        var rows = new ArrayList<Object[]>();
        var mails = new ArrayList<Mail>(MAIL_BATCH);
        String mailKey = "notify:" + UUID.randomUUID() + ":";
        for (int i = 0; i < notifications.size(); i++) {
            var told = notifications.get(i);
            var person = facts.get(told.personId());
            if (person == null) {
                continue;
            }
            String link = Notification.requireLocal(told.link());
            String json = JSON.writeValueAsString(Map.copyOf(told.params()));
            boolean inApp = (Boolean) person[2] || Preference.alwaysInTheBell(kind);
            String timing = (String) person[3];
            if (inApp || MailTiming.DAILY.column().equals(timing)) {
                rows.add(new Object[] {told.personId(), kind.name(), jamId, link, json, now, inApp,
                        MailTiming.DAILY.column().equals(timing)});
            }
            if ((Boolean) person[4] && MailTiming.AT_ONCE.column().equals(timing)) {
                mails.add(new Mail(mailKey + i + ":" + told.personId(), AT_ONCE_MAIL, (String) person[0],
                        told.personId(), (String) person[1], Map.of("kind", kind.name(), "link", link, "params", json)));
                if (mails.size() == MAIL_BATCH) {
                    outbox.sendAll(mails);
                    mails.clear();
                }
            }
        }
        jdbc.batchUpdate("insert into notification (person_id, kind, jam_id, link, params, created_at, in_app, "
                + "digest_pending) values (?, ?, ?, ?, ?, ?, ?, ?)", rows);
        if (!mails.isEmpty()) {
            outbox.sendAll(mails);
        }
        events.publishEvent(NotificationsDelivered.to(jamId, people));
    }

    /** Tells every member of a Jam at once (150,000 people in a few statements). */
    @Transactional
    public void deliverToJamMembers(NotificationKind kind, long jamId, String link, Map<String, String> params) {
        new Told(kind, jamId, Notification.requireLocal(link), params).to(
                new Audience("jam_member m join person p on p.id = m.person_id", "m.jam_id = ?", new Object[] {jamId}));
        events.publishEvent(NotificationsDelivered.toMembersOf(jamId));
    }

    /** How many notifications {@code personId} has not read yet: counted from an index alone. */
    public int unreadCount(long personId) {
        return jdbc.queryForObject("select count(*) from notification where person_id = ? and in_app = true "
                + "and read_at is null", Integer.class, personId);
    }

    /** The newest notifications of {@code personId}, newest first. */
    public List<Map<String, Object>> newest(long personId, int limit) {
        return jdbc.queryForList("select * from notification where person_id = ? and in_app = true "
                + "order by id desc fetch first " + limit + " rows only", personId);
    }

    /** One page of the person's notifications, newest first; one more than asked tells whether a next page exists. */
    public List<Notification> page(long personId, int offset, int limit) {
        return jdbc.query("select id, kind, link, params, created_at, read_at from notification "
                        + "where person_id = ? and in_app = true order by id desc offset ? rows fetch next ? rows only",
                Inbox::notification, personId, offset, limit);
    }

    /** The person's own notification, or nothing: another person's id looks like no notification at all. */
    public java.util.Optional<Notification> find(long personId, long notificationId) {
        return jdbc.query("select id, kind, link, params, created_at, read_at from notification "
                        + "where id = ? and person_id = ? and in_app = true", Inbox::notification, notificationId,
                personId).stream().findFirst();
    }

    /** Marks one of the person's notifications read; false when it is not theirs. */
    @Transactional
    public boolean markRead(long personId, long notificationId) {
        if (find(personId, notificationId).isEmpty()) {
            return false;
        }
        jdbc.update("update notification set read_at = ? where id = ? and person_id = ? and read_at is null",
                Timestamp.from(clock.instant()), notificationId, personId);
        return true;
    }

    @Transactional
    public void markAllRead(long personId) {
        jdbc.update("update notification set read_at = ? where person_id = ? and in_app = true and read_at is null",
                Timestamp.from(clock.instant()), personId);
    }

    static Notification notification(ResultSet rs, int row) throws SQLException {
        var read = rs.getTimestamp("read_at");
        return new Notification(rs.getLong("id"), NotificationKind.valueOf(rs.getString("kind")),
                rs.getString("link"), params(rs.getString("params")), rs.getTimestamp("created_at").toInstant(),
                read == null ? null : read.toInstant());
    }

    static Map<String, String> params(String json) {
        return JSON.readValue(json, new TypeReference<Map<String, String>>() { });
    }

    /** Who is told: person rows {@code p} from {@code from}, narrowed by {@code where}. */
    private record Audience(String from, String where, Object[] arguments) {
    }

    /** One notification on its way to an audience, with the defaults of its kind for those who never chose. */
    private final class Told {

        private final NotificationKind kind;
        private final Long jamId;
        private final String link;
        private final Map<String, String> params;
        private final String json;
        private final Preference byDefault;
        /** Tells this notification's mails apart from any other's (stable: the outbox row commits with them). */
        private final String mailKey = "notify:" + UUID.randomUUID() + ":";

        Told(NotificationKind kind, Long jamId, String link, Map<String, String> params) {
            this.kind = kind;
            this.jamId = jamId;
            this.link = link;
            this.params = Map.copyOf(params);
            this.json = JSON.writeValueAsString(this.params);
            this.byDefault = Preference.byDefault(kind);
        }

        void to(Audience audience) {
            store(audience);
            mailAtOnce(audience);
        }

        /** In-app and digest rows, in one statement; deactivated accounts are told nothing. */
        private void store(Audience audience) {
            var arguments = new ArrayList<Object>();
            boolean always = Preference.alwaysInTheBell(kind);
            Collections.addAll(arguments, kind.name(), jamId, link, json, Timestamp.from(clock.instant()),
                    byDefault.inApp(), always, byDefault.mail().column(), kind.name());
            Collections.addAll(arguments, audience.arguments());
            Collections.addAll(arguments, byDefault.inApp(), always, byDefault.mail().column());
            jdbc.update("insert into notification (person_id, kind, jam_id, link, params, created_at, in_app, "
                    + "digest_pending) select p.id, ?, cast(? as bigint), ?, ?, ?, "
                    + "(coalesce(np.in_app, ?) or cast(? as boolean)), "
                    + "case when coalesce(np.mail_timing, ?) = 'daily' then true else false end "
                    + "from " + audience.from() + " left join notification_preference np on np.person_id = p.id "
                    + "and np.kind = ? where " + audience.where() + " and p.deactivated_at is null "
                    + "and ((coalesce(np.in_app, ?) or cast(? as boolean)) = true "
                    + "or coalesce(np.mail_timing, ?) = 'daily')",
                    arguments.toArray());
        }

        /** Mail for those who want it at once, into the outbox a batch at a time. */
        private void mailAtOnce(Audience audience) {
            var arguments = new ArrayList<Object>();
            arguments.add(kind.name());
            Collections.addAll(arguments, audience.arguments());
            arguments.add(byDefault.mail().column());
            var batch = new ArrayList<Mail>(MAIL_BATCH);
            jdbc.query("select p.id, p.email, p.language from " + audience.from()
                    + " left join notification_preference np on np.person_id = p.id and np.kind = ? where "
                    + audience.where() + " and " + MAILABLE + " and coalesce(np.mail_timing, ?) = 'at_once'",
                    rs -> {
                        long person = rs.getLong(1);
                        batch.add(new Mail(mailKey + person, AT_ONCE_MAIL, rs.getString(2), person, rs.getString(3),
                                Map.of("kind", kind.name(), "link", link, "params", json)));
                        if (batch.size() == MAIL_BATCH) {
                            outbox.sendAll(batch);
                            batch.clear();
                        }
                    }, arguments.toArray());
            if (!batch.isEmpty()) {
                outbox.sendAll(batch);
            }
        }
    }
}
