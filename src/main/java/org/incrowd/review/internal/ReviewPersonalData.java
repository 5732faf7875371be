package org.incrowd.review.internal;

import java.time.Instant;
import org.incrowd.shared.PersonalData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The review decisions on a person's ideas, in their data (ADR 44). Decisions belong to the ideas, which stay when
 * the account is deleted, so nothing is forgotten here.
 */
@Component
class ReviewPersonalData implements PersonalData {

    private final JdbcClient jdbc;

    ReviewPersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String section() {
        return "reviewDecisions";
    }

    record Decision(long ideaId, long jamId, String stage, Instant since, Instant decidedAt, String reason) {
    }

    @Override
    public Object about(long personId) {
        return jdbc.sql("""
                        select idea_id, jam_id, stage_key, stage_since, decided_at, reason from idea_review
                        where author_id = ? order by posted_at""").param(personId)
                .query((rs, n) -> new Decision(rs.getLong(1), rs.getLong(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant(), rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant(),
                        rs.getString(6))).list();
    }

    @Override
    public int forget(long personId, ForgetPolicy policy) {
        return 0;
    }
}
