package org.incrowd.privacy.internal.mydata;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;
import org.incrowd.shared.PersonalData.ForgetPolicy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The privacy_request and privacy_deletion_policy tables (ADR 44). */
@Repository
public class PrivacyRequests {

    public enum Kind { DOWNLOAD, DELETION }

    private final JdbcClient jdbc;

    PrivacyRequests(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records a request done at once: requested and completed at {@code at}, with how much each section held. */
    public void record(long personId, Kind kind, Instant at, Map<String, Integer> counts) {
        var time = Timestamp.from(at);
        jdbc.sql("""
                insert into privacy_request (person_id, kind, requested_at, completed_at, counts)
                values (?, ?, ?, ?, ?)""").params(personId, kind.name(), time, time, line(counts)).update();
    }

    /** The requests of one person, oldest first, as (kind, counts) for tests and the person's own data. */
    public java.util.List<String> of(long personId) {
        return jdbc.sql("select kind || ' ' || counts from privacy_request where person_id = ? order by id")
                .param(personId).query(String.class).list();
    }

    public ForgetPolicy policy() {
        return ForgetPolicy.valueOf(jdbc.sql("select policy from privacy_deletion_policy where id = 1")
                .query(String.class).single());
    }

    public void setPolicy(ForgetPolicy policy, long changedBy, Instant at) {
        jdbc.sql("update privacy_deletion_policy set policy = ?, changed_by = ?, changed_at = ? where id = 1")
                .params(policy.name(), changedBy, Timestamp.from(at)).update();
    }

    static String line(Map<String, Integer> counts) {
        String line = counts.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(","));
        return line.length() > 2000 ? line.substring(0, 2000) : line;
    }
}
