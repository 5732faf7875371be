package org.incrowd.kiosk.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.incrowd.kiosk.KioskCode;
import org.incrowd.kiosk.KioskDevice;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Kiosk devices, codes and the acts kiosks sent (tables {@code kiosk_device}, {@code kiosk_code}, {@code kiosk_act}). */
@Repository
public class KioskRows {

    private static final String DEVICE = "id, jam_id, name, created_by, created_at, enrolled_at, revoked_at";
    private static final String CODE = "id, jam_id, person_id, kind, expires_at, created_at, revoked_at";

    private final JdbcClient jdbc;

    KioskRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insertDevice(long jamId, String name, String enrolmentHash, Instant enrolmentUntil, long createdBy,
                             Instant now) {
        var key = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into kiosk_device (jam_id, name, enrolment_hash, enrolment_until, created_by, created_at)
                        values (?, ?, ?, ?, ?, ?)""")
                .params(jamId, name, enrolmentHash, Timestamp.from(enrolmentUntil), createdBy, Timestamp.from(now))
                .update(key, "id");
        return key.getKeyAs(Long.class);
    }

    public List<KioskDevice> devices(long jamId) {
        return jdbc.sql("select " + DEVICE + " from kiosk_device where jam_id = ? order by created_at desc, id desc")
                .param(jamId).query(KioskRows::device).list();
    }

    public Optional<KioskDevice> device(long id) {
        return jdbc.sql("select " + DEVICE + " from kiosk_device where id = ?").param(id)
                .query(KioskRows::device).optional();
    }

    /** The enrolled, unrevoked device whose cookie has this hash. */
    public Optional<KioskDevice> deviceBySecret(String secretHash) {
        return jdbc.sql("select " + DEVICE + " from kiosk_device where secret_hash = ? and revoked_at is null")
                .param(secretHash).query(KioskRows::device).optional();
    }

    /** Binds the device whose link has this hash, once and before the link expires; false when it cannot. */
    public boolean enrol(String enrolmentHash, String secretHash, Instant now) {
        return jdbc.sql("""
                        update kiosk_device set secret_hash = ?, enrolment_hash = null, enrolment_until = null,
                            enrolled_at = ?
                        where enrolment_hash = ? and enrolment_until > ? and revoked_at is null""")
                .params(secretHash, Timestamp.from(now), enrolmentHash, Timestamp.from(now)).update() == 1;
    }

    public void revokeDevice(long id, Instant now) {
        jdbc.sql("update kiosk_device set revoked_at = ?, enrolment_hash = null where id = ? and revoked_at is null")
                .params(Timestamp.from(now), id).update();
    }

    public boolean insertCode(long jamId, long personId, String codeHash, KioskCode.Kind kind, Instant expiresAt,
                              long createdBy, Instant now) {
        return jdbc.sql("""
                        merge into kiosk_code c using (values (cast(? as bigint), cast(? as varchar(64)))) v (jam_id, code_hash)
                        on c.jam_id = v.jam_id and c.code_hash = v.code_hash
                        when not matched then insert (jam_id, person_id, code_hash, kind, expires_at, created_by, created_at)
                            values (v.jam_id, ?, v.code_hash, ?, ?, ?, ?)""")
                .params(jamId, codeHash, personId, kind.name(), Timestamp.from(expiresAt), createdBy,
                        Timestamp.from(now)).update() == 1;
    }

    /** Every code with this hash, in any Jam: the kiosk says so when a code belongs to another Jam. */
    public List<KioskCode> codesByHash(String codeHash) {
        return jdbc.sql("select " + CODE + " from kiosk_code where code_hash = ?").param(codeHash)
                .query(KioskRows::code).list();
    }

    public List<KioskCode> codes(long jamId) {
        return jdbc.sql("select " + CODE + " from kiosk_code where jam_id = ? order by created_at desc, id desc")
                .param(jamId).query(KioskRows::code).list();
    }

    public void revokeCode(long jamId, long id, Instant now) {
        jdbc.sql("update kiosk_code set revoked_at = ? where id = ? and jam_id = ? and revoked_at is null")
                .params(Timestamp.from(now), id, jamId).update();
    }

    /** The post an act of this device and client id already made, if it was sent before. */
    public Optional<Long> actPost(long deviceId, String clientId) {
        return jdbc.sql("select post_id from kiosk_act where device_id = ? and client_id = ?")
                .params(deviceId, clientId).query(Long.class).optional();
    }

    /** Claims a client id for an act; false when the device sent it before (the act then happens once). */
    public boolean claimAct(long deviceId, String clientId, long personId, String kind, Instant now) {
        return jdbc.sql("""
                        merge into kiosk_act a using (values (cast(? as bigint), cast(? as varchar(64)))) v (device_id, client_id)
                        on a.device_id = v.device_id and a.client_id = v.client_id
                        when not matched then insert (device_id, client_id, person_id, kind, done_at)
                            values (v.device_id, v.client_id, ?, ?, ?)""")
                .params(deviceId, clientId, personId, kind, Timestamp.from(now)).update() == 1;
    }

    public void actDone(long deviceId, String clientId, long postId) {
        jdbc.sql("update kiosk_act set post_id = ? where device_id = ? and client_id = ?")
                .params(postId, deviceId, clientId).update();
    }

    public long countActs(long deviceId) {
        return jdbc.sql("select count(*) from kiosk_act where device_id = ?").param(deviceId).query(Long.class)
                .single();
    }

    private static KioskDevice device(ResultSet rs, int row) throws SQLException {
        return new KioskDevice(rs.getLong("id"), rs.getLong("jam_id"), rs.getString("name"), rs.getLong("created_by"),
                instant(rs, "created_at"), instant(rs, "enrolled_at"), instant(rs, "revoked_at"));
    }

    private static KioskCode code(ResultSet rs, int row) throws SQLException {
        return new KioskCode(rs.getLong("id"), rs.getLong("jam_id"), rs.getLong("person_id"), null,
                KioskCode.Kind.valueOf(rs.getString("kind")), instant(rs, "expires_at"), instant(rs, "created_at"),
                instant(rs, "revoked_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }
}
