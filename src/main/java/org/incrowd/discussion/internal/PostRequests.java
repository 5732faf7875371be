package org.incrowd.discussion.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Repository;

/**
 * Which post each author's request key wrote ({@code post_request}): a retry after a lost answer finds it here. A
 * day is longer than any client retries; older keys are removed every hour.
 */
@Repository
public class PostRequests {

    static final Duration KEPT = Duration.ofDays(1);

    private final JdbcClient jdbc;
    private final Clock clock;

    PostRequests(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Optional<Long> earlier(long authorId, String key) {
        if (key == null) {
            return Optional.empty();
        }
        return jdbc.sql("select post_id from post_request where author_id = ? and request_key = ?")
                .params(authorId, key).query(Long.class).optional();
    }

    /**
     * Remembers the key in the writer's transaction. A second request with the same key that got past
     * {@link #earlier} at the same moment fails here on the primary key, and its post is rolled back with it.
     */
    public void remember(long authorId, String key, long postId, Instant at) {
        if (key != null) {
            jdbc.sql("insert into post_request (author_id, request_key, post_id, created_at) values (?, ?, ?, ?)")
                    .params(authorId, key, postId, Timestamp.from(at)).update();
        }
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    void forgetOld() {
        jdbc.sql("delete from post_request where created_at < ?").param(Timestamp.from(clock.instant().minus(KEPT)))
                .update();
    }
}
