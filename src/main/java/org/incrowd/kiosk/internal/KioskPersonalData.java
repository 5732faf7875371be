package org.incrowd.kiosk.internal;

import java.time.Instant;
import org.incrowd.shared.PersonalData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A person's kiosk codes in their data (ADR 44): for which Jam, what kind, until when; never the code itself (only its
 * hash is kept). When the account is deleted the codes go, so no kiosk signs the erased account in.
 */
@Component
class KioskPersonalData implements PersonalData {

    private final JdbcClient jdbc;

    KioskPersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String section() {
        return "kioskCodes";
    }

    record Code(long jamId, String kind, Instant createdAt, Instant expiresAt, Instant revokedAt) {
    }

    @Override
    public Object about(long personId) {
        return jdbc.sql("select jam_id, kind, created_at, expires_at, revoked_at from kiosk_code where person_id = ? order by id")
                .param(personId).query((rs, n) -> new Code(rs.getLong(1), rs.getString(2),
                        rs.getTimestamp(3).toInstant(), rs.getTimestamp(4).toInstant(),
                        rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant())).list();
    }

    @Override
    public int forget(long personId, ForgetPolicy policy) {
        return jdbc.sql("delete from kiosk_code where person_id = ?").param(personId).update();
    }
}
