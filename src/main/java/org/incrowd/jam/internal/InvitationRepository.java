package org.incrowd.jam.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.Optional;
import org.incrowd.identity.ParticipantType;
import org.incrowd.jam.Invitation;
import org.incrowd.jam.InvitationCounts;
import org.incrowd.jam.InvitationRole;
import org.incrowd.jam.InvitationState;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The jam_invitation table (V60): one row per invited address and Jam. */
@Repository
public class InvitationRepository {

    /** An invitation whose expiry passed while it waited reads as EXPIRED; the stored state stays as it was. */
    private static final String STATE = """
            case when state in ('SENT', 'WAITING') and expires_at < :now then 'EXPIRED' else state end""";
    private static final String COLUMNS = "id, jam_id, email, name, participant_type, country, org_unit, job_role, "
            + "role, forum_id, language, " + STATE + " as shown_state, created_at, sent_at, expires_at, accepted_at, "
            + "reminded_at";

    /** A new invitation with the hash of its first link. */
    public record NewRow(String email, String name, ParticipantType type, String country, String orgUnit,
                         String jobRole, InvitationRole role, Long forumId, String language, String tokenHash) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    InvitationRepository(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /**
     * Records the invitations whose address is not invited to the Jam yet (the unique key guards races: standard
     * MERGE works on H2 and PostgreSQL), and answers the ids and addresses of those now recorded as sent at
     * {@code now}. An address invited before and revoked is invited afresh.
     */
    public List<IdAndEmail> insert(long jamId, List<NewRow> rows, Instant now, Instant expires) {
        var at = Timestamp.from(now);
        var until = Timestamp.from(expires);
        batch.batchUpdate("""
                merge into jam_invitation i
                using (select cast(? as bigint) as jam_id, cast(? as varchar(254)) as email,
                              cast(? as varchar(80)) as name, cast(? as varchar(20)) as participant_type,
                              cast(? as varchar(2)) as country, cast(? as varchar(80)) as org_unit,
                              cast(? as varchar(80)) as job_role, cast(? as varchar(20)) as role,
                              cast(? as bigint) as forum_id, cast(? as varchar(8)) as language,
                              cast(? as varchar(64)) as token_hash) n
                on i.jam_id = n.jam_id and i.email = n.email
                when matched and i.state = 'REVOKED' then update set name = n.name,
                     participant_type = n.participant_type, country = n.country, org_unit = n.org_unit,
                     job_role = n.job_role, role = n.role, forum_id = n.forum_id, language = n.language,
                     token_hash = n.token_hash, state = 'SENT', sends = 1, sent_at = ?, expires_at = ?,
                     accepted_at = null, accepted_by = null, reminded_at = null
                when not matched then insert (jam_id, email, name, participant_type, country, org_unit, job_role,
                     role, forum_id, language, state, token_hash, sends, created_at, sent_at, expires_at)
                values (n.jam_id, n.email, n.name, n.participant_type, n.country, n.org_unit, n.job_role, n.role,
                        n.forum_id, n.language, 'SENT', n.token_hash, 1, ?, ?, ?)""",
                rows.stream().map(row -> new Object[] {jamId, row.email(), row.name(),
                        row.type() == null ? null : row.type().name(), row.country(), row.orgUnit(), row.jobRole(),
                        row.role().name(), row.forumId(), row.language(), row.tokenHash(), at, until, at, at, until})
                        .toList());
        // Those whose hash is one of ours were written now; the others were invited already.
        var byHash = new java.util.HashMap<String, String>();
        rows.forEach(row -> byHash.put(row.tokenHash(), row.email()));
        var written = new ArrayList<IdAndEmail>(rows.size());
        for (var chunk : chunks(new ArrayList<>(byHash.keySet()), 1000)) {
            jdbc.sql("select id, token_hash from jam_invitation where token_hash in (:hashes)").param("hashes", chunk)
                    .query((ResultSet rs) -> {
                        written.add(new IdAndEmail(rs.getLong(1), byHash.get(rs.getString(2)), rs.getString(2)));
                    });
        }
        return written;
    }

    /** An invitation's id, address and current token hash. */
    public record IdAndEmail(long id, String email, String tokenHash) {
    }

    public Optional<Invitation> find(long id, Instant now) {
        return jdbc.sql("select " + COLUMNS + " from jam_invitation where id = :id").param("id", id)
                .param("now", Timestamp.from(now)).query(InvitationRepository::invitation).optional();
    }

    public Optional<Invitation> findByTokenHash(String tokenHash, Instant now) {
        return jdbc.sql("select " + COLUMNS + " from jam_invitation where token_hash = :hash")
                .param("hash", tokenHash).param("now", Timestamp.from(now))
                .query(InvitationRepository::invitation).optional();
    }

    public Optional<Invitation> findByEmail(long jamId, String email, Instant now) {
        return jdbc.sql("select " + COLUMNS + " from jam_invitation where jam_id = :jam and email = :email")
                .param("jam", jamId).param("email", email).param("now", Timestamp.from(now))
                .query(InvitationRepository::invitation).optional();
    }

    /** The newest invitations of a Jam, or those whose address contains {@code search}. */
    public List<Invitation> newest(long jamId, String search, int limit, Instant now) {
        return jdbc.sql("select " + COLUMNS + " from jam_invitation where jam_id = :jam and email like :search "
                        + "order by id desc fetch first " + limit + " rows only")
                .param("jam", jamId).param("search", "%" + search.replace("%", "").replace("_", "") + "%")
                .param("now", Timestamp.from(now)).query(InvitationRepository::invitation).list();
    }

    /** Counts per participant type, counted in the database. */
    public List<InvitationCounts> counts(long jamId, Instant now) {
        return jdbc.sql("""
                select participant_type,
                       sum(case when shown_state in ('SENT', 'EXPIRED') then 1 else 0 end),
                       sum(case when shown_state = 'BOUNCED' then 1 else 0 end),
                       sum(case when shown_state = 'ACCEPTED' then 1 else 0 end),
                       sum(case when shown_state in ('SENT', 'WAITING', 'EXPIRED') then 1 else 0 end),
                       sum(case when shown_state = 'EXPIRED' then 1 else 0 end)
                from (select participant_type, %s as shown_state from jam_invitation where jam_id = :jam) i
                group by participant_type order by participant_type""".formatted(STATE))
                .param("jam", jamId).param("now", Timestamp.from(now))
                .query((rs, n) -> new InvitationCounts(type(rs.getString(1)), rs.getLong(2), rs.getLong(3),
                        rs.getLong(4), rs.getLong(5), rs.getLong(6)))
                .list();
    }

    /** Addresses not revoked: these may join an invitation-only Jam with a verified account. */
    public List<String> activeEmails(long jamId) {
        return jdbc.sql("select email from jam_invitation where jam_id = ? and state <> 'REVOKED' order by email")
                .param(jamId).query(String.class).list();
    }

    public long activeCount(long jamId) {
        return jdbc.sql("select count(*) from jam_invitation where jam_id = ? and state <> 'REVOKED'").param(jamId)
                .query(Long.class).single();
    }

    /** The Jams that invite this address (not revoked). */
    public List<Long> jamsInviting(String email) {
        return jdbc.sql("select distinct jam_id from jam_invitation where email = ? and state <> 'REVOKED'")
                .param(email).query(Long.class).list();
    }

    /** Whether this address is among the Jam's invited ones (not revoked), as {@link #activeEmails} lists them. */
    public boolean isActiveEmail(long jamId, String email) {
        return jdbc.sql("select count(*) from jam_invitation where jam_id = ? and state <> 'REVOKED' and email = ?")
                .params(jamId, email).query(Long.class).single() > 0;
    }

    public boolean isInvited(long jamId, String email, long personId) {
        return jdbc.sql("""
                select count(*) from jam_invitation
                where jam_id = ? and state <> 'REVOKED' and (email = ? or accepted_by = ?)""")
                .params(jamId, email, personId).query(Long.class).single() > 0;
    }

    /** The Jams that invite this person (by address or an accepted link), in one query for the Jams list. */
    public Set<Long> invitingJams(String email, long personId) {
        return new java.util.HashSet<>(jdbc.sql("""
                select distinct jam_id from jam_invitation
                where state <> 'REVOKED' and (email = ? or accepted_by = ?)""")
                .params(email, personId).query(Long.class).list());
    }

    /** Ids of the invitations a reminder goes to: sent or waiting (expired included), oldest first. */
    public List<Long> notYet(long jamId) {
        return jdbc.sql("select id from jam_invitation where jam_id = ? and state in ('SENT', 'WAITING') order by id")
                .param(jamId).query(Long.class).list();
    }

    /**
     * Gives each invitation a new link (the old one stops working) and a new expiry, and answers the send number
     * of the mail that carries it.
     */
    public void newLinks(List<NewLink> links, Instant now, Instant expires, boolean reminder) {
        var at = Timestamp.from(now);
        batch.batchUpdate("update jam_invitation set token_hash = ?, sends = sends + 1, state = 'SENT', sent_at = ?, "
                        + "expires_at = ?, reminded_at = " + (reminder ? "?" : "reminded_at") + " where id = ?",
                links.stream().map(link -> reminder
                        ? new Object[] {link.tokenHash(), at, Timestamp.from(expires), at, link.id()}
                        : new Object[] {link.tokenHash(), at, Timestamp.from(expires), link.id()}).toList());
    }

    public record NewLink(long id, String tokenHash) {
    }

    /** How many mails each invitation had, by id (after {@link #newLinks}: the number of the latest). */
    public java.util.Map<Long, Integer> sends(Collection<Long> ids) {
        var sends = new java.util.HashMap<Long, Integer>();
        for (var chunk : chunks(new ArrayList<>(ids), 1000)) {
            jdbc.sql("select id, sends from jam_invitation where id in (:ids)").param("ids", chunk)
                    .query((ResultSet rs) -> {
                        sends.put(rs.getLong(1), rs.getInt(2));
                    });
        }
        return sends;
    }

    /** Revokes the invitation of this address; its link then says so. */
    public int revoke(long jamId, String email) {
        return jdbc.sql("update jam_invitation set state = 'REVOKED' where jam_id = ? and email = ?")
                .params(jamId, email).update();
    }

    /** Accepts once: false when it was accepted, revoked or its link replaced in the meantime. */
    public boolean accept(long id, String tokenHash, long personId, Instant now) {
        return jdbc.sql("""
                update jam_invitation set state = 'ACCEPTED', accepted_at = ?, accepted_by = ?
                where id = ? and token_hash = ? and state in ('SENT', 'WAITING', 'BOUNCED') and expires_at >= ?""")
                .params(Timestamp.from(now), personId, id, tokenHash, Timestamp.from(now)).update() == 1;
    }

    /** The mail of this invitation came back: the address does not take mail. */
    public void bounced(long id) {
        jdbc.sql("update jam_invitation set state = 'BOUNCED' where id = ? and state = 'SENT'").param(id).update();
    }

    /** Guards "remind everyone": one click (its id) reminds once, however often the form is sent. */
    public boolean claimReminderRound(long jamId, String round, Instant now) {
        try {
            return jdbc.sql("insert into jam_invitation_reminder (jam_id, round_id, started_at) values (?, ?, ?)")
                    .params(jamId, round, Timestamp.from(now)).update() == 1;
        } catch (org.springframework.dao.DuplicateKeyException sentAlready) {
            return false;
        }
    }

    private static <T> List<List<T>> chunks(List<T> values, int size) {
        var chunks = new ArrayList<List<T>>();
        for (int i = 0; i < values.size(); i += size) {
            chunks.add(values.subList(i, Math.min(values.size(), i + size)));
        }
        return chunks;
    }

    private static ParticipantType type(String stored) {
        return stored == null ? null : ParticipantType.valueOf(stored);
    }

    private static Invitation invitation(ResultSet rs, int n) throws SQLException {
        Long forum = rs.getObject("forum_id") == null ? null : rs.getLong("forum_id");
        return new Invitation(rs.getLong("id"), rs.getLong("jam_id"), rs.getString("email"), rs.getString("name"),
                type(rs.getString("participant_type")), rs.getString("country"), rs.getString("org_unit"),
                rs.getString("job_role"), InvitationRole.valueOf(rs.getString("role")),
                forum, rs.getString("language"),
                InvitationState.valueOf(rs.getString("shown_state")), instant(rs, "created_at"),
                instant(rs, "sent_at"), instant(rs, "expires_at"), instant(rs, "accepted_at"),
                instant(rs, "reminded_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        var value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
