package org.incrowd.jam.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.incrowd.jam.TermsAcceptance;
import org.incrowd.jam.TermsScope;
import org.incrowd.jam.TermsVersion;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The tables {@code terms_version} and {@code terms_acceptance} (V155). */
@Repository
public class TermsRows {

    private final JdbcClient jdbc;

    TermsRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<TermsVersion> latest(TermsScope scope) {
        return jdbc.sql("""
                        select scope, version, text, published_at, published_by from terms_version
                        where scope = ? order by version desc fetch first 1 rows only""")
                .param(scope.key()).query(TermsRows::version).optional();
    }

    public Optional<TermsVersion> find(TermsScope scope, int version) {
        return jdbc.sql("select scope, version, text, published_at, published_by from terms_version"
                        + " where scope = ? and version = ?")
                .params(scope.key(), version).query(TermsRows::version).optional();
    }

    /** Every version of the scope, newest first. */
    public List<TermsVersion> all(TermsScope scope) {
        return jdbc.sql("select scope, version, text, published_at, published_by from terms_version"
                        + " where scope = ? order by version desc")
                .param(scope.key()).query(TermsRows::version).list();
    }

    public void insert(TermsVersion version) {
        jdbc.sql("insert into terms_version (scope, version, text, published_at, published_by) values (?, ?, ?, ?, ?)")
                .params(version.scope().key(), version.version(), version.text(),
                        java.sql.Timestamp.from(version.publishedAt()), version.publishedBy())
                .update();
    }

    /** Records an acceptance; accepting the same version again keeps the first time. */
    public void accept(long personId, TermsScope scope, int version, Instant at) {
        jdbc.sql("""
                        merge into terms_acceptance t
                        using (select cast(? as bigint) as person_id, cast(? as varchar(40)) as scope,
                                      cast(? as integer) as version) s
                        on t.person_id = s.person_id and t.scope = s.scope and t.version = s.version
                        when not matched then insert (person_id, scope, version, accepted_at)
                                              values (s.person_id, s.scope, s.version, ?)""")
                .params(personId, scope.key(), version, java.sql.Timestamp.from(at)).update();
    }

    /** The newest version of the scope this person accepted, 0 where none. */
    public int latestAccepted(long personId, TermsScope scope) {
        return jdbc.sql("select coalesce(max(version), 0) from terms_acceptance where person_id = ? and scope = ?")
                .params(personId, scope.key()).query(Integer.class).single();
    }

    /** Everything this person accepted, newest first. */
    public List<TermsAcceptance> acceptedBy(long personId) {
        return jdbc.sql("select scope, version, accepted_at from terms_acceptance where person_id = ?"
                        + " order by accepted_at desc, scope, version desc")
                .param(personId)
                .query((rs, n) -> new TermsAcceptance(TermsScope.parse(rs.getString(1)).orElseThrow(), rs.getInt(2),
                        rs.getTimestamp(3).toInstant()))
                .list();
    }

    /** How many of the Jam's members accepted this version of its terms. */
    public long membersAccepting(long jamId, int version) {
        return jdbc.sql("""
                        select count(*) from jam_member m join terms_acceptance a
                          on a.person_id = m.person_id and a.scope = ? and a.version = ?
                        where m.jam_id = ?""")
                .params(TermsScope.ofJam(jamId).key(), version, jamId).query(Long.class).single();
    }

    public long members(long jamId) {
        return jdbc.sql("select count(*) from jam_member where jam_id = ?").param(jamId).query(Long.class).single();
    }

    private static TermsVersion version(ResultSet rs, int n) throws SQLException {
        return new TermsVersion(TermsScope.parse(rs.getString(1)).orElseThrow(), rs.getInt(2), rs.getString(3),
                rs.getTimestamp(4).toInstant(), rs.getLong(5));
    }
}
