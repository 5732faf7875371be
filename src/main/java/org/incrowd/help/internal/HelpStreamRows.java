package org.incrowd.help.internal;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What a help stream adds to its Jam (table {@code help_stream}): the name its answers appear under. */
@Repository
public class HelpStreamRows {

    private final JdbcClient jdbc;

    HelpStreamRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<String> organisationName(long jamId) {
        return jdbc.sql("select organisation_name from help_stream where jam_id = ?").param(jamId)
                .query(String.class).optional();
    }

    public void name(long jamId, String organisationName) {
        jdbc.sql("""
                        merge into help_stream s using (values (cast(? as bigint), cast(? as varchar(120)))) v (jam_id, name)
                        on s.jam_id = v.jam_id
                        when matched then update set organisation_name = v.name
                        when not matched then insert (jam_id, organisation_name) values (v.jam_id, v.name)""")
                .params(jamId, organisationName).update();
    }
}
