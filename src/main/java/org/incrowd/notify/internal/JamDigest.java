package org.incrowd.notify.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.stream.Collectors;
import org.incrowd.discussion.PostFeed;
import org.incrowd.insight.LeadingThemes;
import org.incrowd.jam.Jam;
import org.incrowd.jam.JamService;
import org.incrowd.notify.NotificationKind;
import org.incrowd.notify.NotificationParams;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The day in each live Jam, once a day (from {@code incrowd.notify.jam-digest-hour}, UTC): its leading themes, its
 * busiest threads of the last 24 hours, and for each member how much happened in their own threads, counted from
 * the replies, build-ons and mentions they were told of (stored notifications, not posts). One JAM_DIGEST
 * notification per member, written in two statements however many members; the inbox decides who gets it how.
 * A record per Jam and day makes each digest go out once across nodes and restarts.
 */
@Component
class JamDigest {

    static final Duration DAY = Duration.ofHours(24);
    static final int THEMES = 3;
    static final int THREADS = 3;
    /** What counts as activity in one's own threads: what one was told of them. */
    static final String OWN_THREAD_KINDS = "'REPLY', 'BUILD_ON', 'MENTION'";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Inbox inbox;
    private final JamService jams;
    private final PostFeed posts;
    private final LeadingThemes themes;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final int hour;

    JamDigest(Inbox inbox, JamService jams, PostFeed posts, LeadingThemes themes, JdbcClient jdbc,
              TransactionTemplate transactions, Clock clock,
              @Value("${incrowd.notify.jam-digest-hour:18}") int hour) {
        this.inbox = inbox;
        this.jams = jams;
        this.posts = posts;
        this.themes = themes;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
        this.hour = hour;
    }

    @Scheduled(fixedDelayString = "${incrowd.notify.jam-digest.check-ms:600000}",
            initialDelayString = "${incrowd.notify.jam-digest.check-ms:600000}")
    void scheduled() {
        var now = clock.instant();
        if (now.atOffset(ZoneOffset.UTC).getHour() >= hour) {
            writeAll(now);
        }
    }

    /** Writes today's digest of every live Jam that has none yet; returns how many this node wrote. */
    int writeAll(Instant now) {
        int written = 0;
        for (var jam : jams.liveAt(now)) {
            if (write(jam, now)) {
                written++;
            }
        }
        return written;
    }

    /** One transaction per Jam: a Jam of 150,000 members does not hold up the others. */
    boolean write(Jam jam, Instant now) {
        try {
            return Boolean.TRUE.equals(transactions.execute(status -> claim(jam, now) && tell(jam, now)));
        } catch (DuplicateKeyException | ConcurrencyFailureException anotherNodeWasFirst) {
            return false;
        }
    }

    private boolean claim(Jam jam, Instant now) {
        var day = Date.valueOf(now.atOffset(ZoneOffset.UTC).toLocalDate());
        return jdbc.sql("""
                        insert into jam_digest (jam_id, digest_day, written_at)
                        select ?, ?, ? where not exists (select 1 from jam_digest where jam_id = ? and digest_day = ?)""")
                .params(jam.id(), day, Timestamp.from(now), jam.id(), day).update() == 1;
    }

    /** Nothing happened (no themes, no posts): nobody is told. */
    private boolean tell(Jam jam, Instant now) {
        var since = now.minus(DAY);
        var leading = themes.labels(jam.id(), THEMES);
        var busiest = posts.busiestThreads(jam.id(), since, THREADS);
        if (leading.isEmpty() && busiest.isEmpty()) {
            return false;
        }
        var params = new LinkedHashMap<String, String>();
        params.put(NotificationParams.JAM, jam.title());
        // The line the bell and the notifications page show: the day's leading themes, in the words people wrote.
        params.put(NotificationParams.TEXT, String.join(", ", leading));
        params.put("themes", String.join("\n", leading));
        params.put("threads", busiest.stream().map(t -> Excerpts.of(t.title(), Excerpts.TITLE))
                .collect(Collectors.joining("\n")));
        params.put("threadLinks", busiest.stream().map(t -> "/threads/" + t.threadId())
                .collect(Collectors.joining("\n")));
        params.put("threadPosts", busiest.stream().map(t -> String.valueOf(t.posts()))
                .collect(Collectors.joining("\n")));
        params.put("yours", "0");
        long before = jdbc.sql("select coalesce(max(id), 0) from notification").query(Long.class).single();
        inbox.deliverToJamMembers(NotificationKind.JAM_DIGEST, jam.id(), "/jams/" + jam.id(), params);
        personalise(jam.id(), before, params, since);
        return true;
    }

    /**
     * Puts each member's own count into their digest ("yours": replies, build-ons and mentions they were told of in
     * the last day), in one statement: the common part of the parameters, then the count, closing the JSON object.
     */
    private void personalise(long jamId, long before, LinkedHashMap<String, String> params, Instant since) {
        params.remove("yours");
        String common = JSON.writeValueAsString(params);
        String open = common.substring(0, common.length() - 1) + ",\"yours\":\"";
        jdbc.sql("""
                        update notification set params = ? || cast((
                               select count(*) from notification o
                                where o.person_id = notification.person_id and o.jam_id = ?
                                  and o.kind in (%s) and o.created_at >= ?) as varchar(20)) || '"}'
                         where jam_id = ? and kind = 'JAM_DIGEST' and id > ?""".formatted(OWN_THREAD_KINDS))
                .params(open, jamId, Timestamp.from(since), jamId, before).update();
    }
}
