package org.incrowd.identity.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.incrowd.identity.SignInMethod;
import org.incrowd.identity.SignInRecord;
import org.incrowd.shared.RetainedRecords;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * {@code sign_in_record} (V145): every sign-in and every failed password sign-in to an account, so a person can see
 * where their account was used and an administrator can investigate; removed after the retention period.
 */
@Repository
public class SignInRecords implements RetainedRecords {

    private final JdbcClient jdbc;
    private final Clock clock;

    SignInRecords(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void record(Long personId, SignInMethod method, boolean succeeded) {
        jdbc.sql("insert into sign_in_record (person_id, at, method, succeeded) values (?, ?, ?, ?)")
                .params(personId, Timestamp.from(clock.instant()), method.name(), succeeded).update();
    }

    public List<SignInRecord> latest(long personId, int limit) {
        return jdbc.sql("select at, method, succeeded from sign_in_record where person_id = ? order by at desc, id desc "
                        + "limit ?")
                .params(personId, limit)
                .query((rs, n) -> new SignInRecord(rs.getTimestamp(1).toInstant(), SignInMethod.valueOf(rs.getString(2)),
                        rs.getBoolean(3)))
                .list();
    }

    @Override
    public String kind() {
        return "sign-ins";
    }

    @Override
    public int removeOlderThan(Instant cutoff) {
        return jdbc.sql("delete from sign_in_record where at < ?").param(Timestamp.from(cutoff)).update();
    }
}
