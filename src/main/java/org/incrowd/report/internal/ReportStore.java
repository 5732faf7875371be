package org.incrowd.report.internal;

import org.incrowd.report.ReportDraft;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reports and their recommendations (tables {@code jam_report}, {@code report_recommendation}). */
@Repository
class ReportStore {

    private final JdbcClient jdbc;

    ReportStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<StoredReport> find(long jamId) {
        return jdbc.sql("select heard, next_steps, updated_at, published_at from jam_report where jam_id = ?")
                .param(jamId)
                .query((rs, n) -> new StoredReport(jamId, new ReportDraft(rs.getString(1), rs.getString(2),
                        recommendations(jamId)), rs.getTimestamp(3).toInstant(),
                        rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant()))
                .optional();
    }

    boolean isPublished(long jamId) {
        return jdbc.sql("select count(*) from jam_report where jam_id = ? and published_at is not null")
                .param(jamId).query(Integer.class).single() > 0;
    }

    /** Replaces the report's text and recommendations; publishing is kept as it was. */
    void save(long jamId, ReportDraft draft, long personId, Instant at) {
        jdbc.sql("""
                        merge into jam_report r using (values (cast(? as bigint))) v (jam_id) on r.jam_id = v.jam_id
                        when matched then update set heard = ?, next_steps = ?, updated_at = ?, updated_by = ?
                        when not matched then insert (jam_id, heard, next_steps, updated_at, updated_by)
                            values (v.jam_id, ?, ?, ?, ?)""")
                .params(jamId, draft.heard(), draft.next(), Timestamp.from(at), personId,
                        draft.heard(), draft.next(), Timestamp.from(at), personId)
                .update();
        jdbc.sql("delete from report_recommendation where jam_id = ?").param(jamId).update();
        int position = 0;
        for (var recommendation : draft.recommendations()) {
            jdbc.sql("""
                            insert into report_recommendation (jam_id, position, title, rationale, themes, posts,
                                opinion_groups) values (?, ?, ?, ?, ?, ?, ?)""")
                    .params(jamId, position++, recommendation.title(), recommendation.rationale(),
                            joined(recommendation.themes()), joined(recommendation.posts()),
                            joined(recommendation.groups()))
                    .update();
        }
    }

    void publish(long jamId, long personId, Instant at) {
        jdbc.sql("update jam_report set published_at = ?, published_by = ? where jam_id = ?")
                .params(Timestamp.from(at), personId, jamId).update();
    }

    private List<ReportDraft.Recommendation> recommendations(long jamId) {
        return jdbc.sql("select title, rationale, themes, posts, opinion_groups from report_recommendation"
                        + " where jam_id = ? order by position")
                .param(jamId)
                .query((rs, n) -> new ReportDraft.Recommendation(rs.getString(1), rs.getString(2),
                        split(rs.getString(3)), split(rs.getString(4)).stream().map(Long::valueOf).toList(),
                        split(rs.getString(5)).stream().map(Integer::valueOf).toList()))
                .list();
    }

    private static String joined(List<?> values) {
        return values.stream().map(String::valueOf).collect(Collectors.joining(" "));
    }

    private static List<String> split(String joined) {
        return joined == null || joined.isBlank() ? List.of() : Arrays.asList(joined.strip().split(" "));
    }
}
