package org.incrowd.jam.internal;

import java.time.Instant;
import java.util.LinkedHashMap;
import org.incrowd.identity.IdentityService;
import org.incrowd.shared.PersonalData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A person's Jams in their data (ADR 44): which they joined and where they are facilitator or host. When the account
 * is deleted, staff roles and invitations to their address go; memberships stay with the erased account, so a Jam's
 * member counts do not change and nothing links them to the person.
 */
@Component
class JamPersonalData implements PersonalData {

    private final JdbcClient jdbc;
    private final JamRepository jams;
    private final IdentityService identity;

    JamPersonalData(JdbcClient jdbc, IdentityService identity, JamRepository jams) {
        this.jams = jams;
        this.jdbc = jdbc;
        this.identity = identity;
    }

    @Override
    public String section() {
        return "jams";
    }

    record Membership(long jamId, String jam, Instant joinedAt) {
    }

    record StaffRole(long jamId, String jam, String forum, String role) {
    }

    @Override
    public Object about(long personId) {
        var data = new LinkedHashMap<String, Object>();
        data.put("memberships", jdbc.sql("""
                        select m.jam_id, j.title, m.joined_at from jam_member m join jam j on j.id = m.jam_id
                        where m.person_id = ? order by m.joined_at""").param(personId)
                .query((rs, n) -> new Membership(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant()))
                .list());
        data.put("staffRoles", jdbc.sql("""
                        select f.jam_id, j.title, f.title, s.role from forum_staff s join forum f on f.id = s.forum_id
                        join jam j on j.id = f.jam_id where s.person_id = ? order by f.jam_id, f.id""").param(personId)
                .query((rs, n) -> new StaffRole(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list());
        return data;
    }

    @Override
    public int forget(long personId, ForgetPolicy policy) {
        String email = identity.require(personId).email();
        int staffRoles = jdbc.sql("delete from forum_staff where person_id = ?").param(personId).update();
        jams.staffChanged(null, personId);
        return staffRoles + jdbc.sql("delete from jam_invitation where email = ? or accepted_by = ?").params(email, personId).update();
    }
}
