package org.incrowd.jam.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongConsumer;
import java.util.stream.Collectors;
import org.incrowd.identity.ParticipantType;
import org.incrowd.jam.Forum;
import org.incrowd.jam.ForumRole;
import org.incrowd.jam.Jam;
import org.incrowd.jam.JamKind;
import org.incrowd.jam.JamMilestone;
import org.incrowd.jam.JamStats;
import org.incrowd.shared.RowCache;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Jam, forum, staff, membership and invitation tables. What every page reads (the Jam and forum rows, whether the
 * reader is a member, staff or removed) is kept in bounded {@link RowCache}s, evicted here where the rows are written
 * (ADR 51): nothing else writes these tables.
 */
@Repository
public class JamRepository {

    /** Whether a person joined a Jam, serves any of its forums, or was removed from it: what a page asks of them. */
    private record Standing(boolean member, boolean staff, boolean removed) {
    }

    private record PersonIn(long placeId, long personId) {
    }

    private static final String JAM_COLUMNS = "id, title, purpose, question, starts_at, ends_at, time_zone, audience, "
            + "invitation_only, terms, published, community, community_posting, created_by, kind, prize, unit";

    private static final String FORUM_COLUMNS = "id, jam_id, title, question, position, community_continues";

    private final JdbcClient jdbc;
    private final RowCache<Long, Optional<Jam>> jams = RowCache.of(10_000);
    private final RowCache<Boolean, List<Jam>> allJams = RowCache.of(1);
    private final RowCache<Long, Boolean> guestReadable = RowCache.of(10_000);
    private final RowCache<Long, Boolean> plainLanguage = RowCache.of(10_000);
    private final RowCache<Long, Optional<Forum>> forums = RowCache.of(50_000);
    private final RowCache<Long, List<Forum>> forumsOfJam = RowCache.of(10_000);
    private final RowCache<Long, List<StaffRow>> staffOfForum = RowCache.of(50_000);
    private final RowCache<PersonIn, Standing> standings = RowCache.of(200_000);

    JamRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(Jam jam, Instant now) {
        var key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into jam (title, purpose, question, starts_at, ends_at, time_zone, audience, invitation_only,
                                 terms, published, community, community_posting, created_by, created_at, kind, prize,
                                 unit)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(jam.title(), jam.purpose(), jam.question(), Timestamp.from(jam.startsAt()),
                        Timestamp.from(jam.endsAt()), jam.timeZone().getId(), audience(jam.audience()),
                        jam.invitationOnly(), jam.terms(), jam.published(), jam.community(), jam.communityPosting(),
                        jam.createdBy(), Timestamp.from(now), jam.kind().name(), jam.prize(), jam.unit())
                .update(key, "id");
        long id = key.getKeyAs(Long.class);
        jams.evict(id); // someone may have asked for this id before it existed ("not found" is kept too)
        allJams.evictAll();
        return id;
    }

    public void update(Jam jam) {
        jams.evict(jam.id());
        allJams.evictAll();
        jdbc.sql("""
                update jam set title = ?, purpose = ?, question = ?, starts_at = ?, ends_at = ?, time_zone = ?,
                               audience = ?, invitation_only = ?, terms = ?, published = ?, community = ?,
                               community_posting = ?, kind = ?, prize = ?, unit = ?
                where id = ?""")
                .params(jam.title(), jam.purpose(), jam.question(), Timestamp.from(jam.startsAt()),
                        Timestamp.from(jam.endsAt()), jam.timeZone().getId(), audience(jam.audience()),
                        jam.invitationOnly(), jam.terms(), jam.published(), jam.community(), jam.communityPosting(),
                        jam.kind().name(), jam.prize(), jam.unit(), jam.id())
                .update();
    }

    public Optional<Jam> find(long id) {
        return jams.get(id, key -> jdbc.sql("select " + JAM_COLUMNS + " from jam where id = ?").param(id).query(this::jam).optional());
    }

    /** Published Jams that have started and ended no longer ago than {@code since}: those with milestones due. */
    public List<Jam> startedAndEndingAfter(Instant now, Instant since) {
        return jdbc.sql("select " + JAM_COLUMNS + " from jam where published and starts_at <= ? and ends_at > ?")
                .params(Timestamp.from(now), Timestamp.from(since)).query(this::jam).list();
    }

    /** The milestones already recorded for these Jams, as "jamId:MILESTONE". */
    public Set<String> recordedMilestones(Collection<Long> jamIds) {
        if (jamIds.isEmpty()) {
            return Set.of();
        }
        return new java.util.HashSet<>(jdbc.sql("select jam_id, milestone from jam_milestone where jam_id in (:ids)")
                .param("ids", jamIds).query((rs, n) -> rs.getLong(1) + ":" + rs.getString(2)).list());
    }

    /**
     * Records that a Jam reached a milestone; false when it was recorded already. Two nodes racing meet at the primary
     * key: the second waits for the first and then fails with a duplicate key, rolling back its transaction.
     */
    public boolean recordMilestone(long jamId, JamMilestone milestone, Instant now) {
        return jdbc.sql("""
                        insert into jam_milestone (jam_id, milestone, reached_at)
                        select ?, ?, ? where not exists (select 1 from jam_milestone where jam_id = ? and milestone = ?)""")
                .params(jamId, milestone.name(), Timestamp.from(now), jamId, milestone.name()).update() == 1;
    }

    public List<Jam> all() {
        return allJams.get(true, all -> jdbc.sql("select " + JAM_COLUMNS + " from jam order by starts_at desc, id desc")
                .query(this::jam).list());
    }

    public boolean isGuestReadable(long jamId) {
        return guestReadable.get(jamId, id -> jdbc.sql("select guest_readable from jam where id = ?").param(id)
                .query(Boolean.class).optional().orElse(false));
    }

    public void setGuestReadable(long jamId, boolean readable) {
        jdbc.sql("update jam set guest_readable = ? where id = ?").params(readable, jamId).update();
        guestReadable.evict(jamId);
    }

    public boolean isPlainLanguage(long jamId) {
        return plainLanguage.get(jamId, id -> jdbc.sql("select plain_language from jam where id = ?").param(id)
                .query(Boolean.class).optional().orElse(false));
    }

    public void setPlainLanguage(long jamId, boolean plain) {
        jdbc.sql("update jam set plain_language = ? where id = ?").params(plain, jamId).update();
        plainLanguage.evict(jamId);
    }

    public long insertForum(long jamId, String title, String question) {
        int position = jdbc.sql("select coalesce(max(position), 0) + 1 from forum where jam_id = ?").param(jamId)
                .query(Integer.class).single();
        var key = new GeneratedKeyHolder();
        jdbc.sql("insert into forum (jam_id, title, question, position) values (?, ?, ?, ?)")
                .params(jamId, title, question, position).update(key, "id");
        long id = key.getKeyAs(Long.class);
        forums.evict(id);
        forumsOfJam.evict(jamId);
        return id;
    }

    public void updateForum(long forumId, String title, String question) {
        jdbc.sql("update forum set title = ?, question = ? where id = ?").params(title, question, forumId).update();
        forums.evict(forumId);
        forumsOfJam.evictAll(); // the forum's Jam is not at hand; renaming a forum is rare
    }

    /** The chosen forums of the Jam continue as communities; all its others become archives. */
    public void continueForums(long jamId, Collection<Long> continuing) {
        jdbc.sql("update forum set community_continues = false where jam_id = ?").param(jamId).update();
        if (!continuing.isEmpty()) {
            jdbc.sql("update forum set community_continues = true where jam_id = :jam and id in (:ids)")
                    .param("jam", jamId).param("ids", continuing).update();
        }
        forumsOfJam.evict(jamId);
        forums.evictAll();
    }

    public Optional<Forum> findForum(long forumId) {
        return forums.get(forumId, id -> jdbc.sql("select " + FORUM_COLUMNS + " from forum where id = ?").param(id)
                .query(JamRepository::forum).optional());
    }

    public List<Forum> forums(long jamId) {
        return forumsOfJam.get(jamId, id -> jdbc.sql("select " + FORUM_COLUMNS
                + " from forum where jam_id = ? order by position").param(id).query(JamRepository::forum).list());
    }

    public record StaffRow(long forumId, long personId, ForumRole role) {
    }

    /** The forums' hosts and facilitators, by role and person, each forum's read once and then kept. */
    public List<StaffRow> staff(Collection<Long> forumIds) {
        return forumIds.stream().distinct().flatMap(forumId -> staffOfForum.get(forumId, id -> jdbc.sql(
                                "select forum_id, person_id, role from forum_staff where forum_id = ? order by role, person_id")
                        .param(id)
                        .query((rs, n) -> new StaffRow(rs.getLong(1), rs.getLong(2), ForumRole.valueOf(rs.getString(3))))
                        .list()).stream())
                .sorted(java.util.Comparator.comparing((StaffRow row) -> row.role().name()).thenComparing(StaffRow::personId))
                .toList();
    }

    public boolean isStaff(long forumId, long personId) {
        return staff(List.of(forumId)).stream().anyMatch(row -> row.personId() == personId);
    }

    public boolean isStaffOfJam(long jamId, long personId) {
        return standing(jamId, personId).staff();
    }

    public void addStaff(long forumId, long personId, ForumRole role) {
        jdbc.sql("delete from forum_staff where forum_id = ? and person_id = ? and role = ?")
                .params(forumId, personId, role.name()).update();
        jdbc.sql("insert into forum_staff (forum_id, person_id, role) values (?, ?, ?)")
                .params(forumId, personId, role.name()).update();
        staffChanged(forumId, personId);
    }

    public int removeStaff(long forumId, long personId, ForumRole role) {
        int removed = jdbc.sql("delete from forum_staff where forum_id = ? and person_id = ? and role = ?")
                .params(forumId, personId, role.name()).update();
        staffChanged(forumId, personId);
        return removed;
    }

    /** After the person's staff roles changed in one forum ({@code forumId}) or, where null, in any. */
    void staffChanged(Long forumId, long personId) {
        if (forumId == null) {
            staffOfForum.evictAll();
        } else {
            staffOfForum.evict(forumId);
        }
        standings.evictIf(key -> key.personId() == personId);
    }

    public boolean isMember(long jamId, long personId) {
        return standing(jamId, personId).member();
    }

    private Standing standing(long jamId, long personId) {
        return standings.get(new PersonIn(jamId, personId), key -> jdbc.sql("""
                        select (select count(*) from jam_member where jam_id = :jam and person_id = :person),
                               (select count(*) from forum_staff s join forum f on f.id = s.forum_id
                                where f.jam_id = :jam and s.person_id = :person),
                               (select count(*) from jam_removal
                                where jam_id = :jam and person_id = :person and lifted_at is null)""")
                .param("jam", key.placeId()).param("person", key.personId())
                .query((rs, n) -> new Standing(rs.getLong(1) > 0, rs.getLong(2) > 0, rs.getLong(3) > 0)).single());
    }

    /** Adds a member once; joining twice changes nothing. */
    public boolean addMember(long jamId, long personId, String country, Instant now) {
        if (isMember(jamId, personId)) {
            return false;
        }
        try {
            jdbc.sql("insert into jam_member (jam_id, person_id, joined_at, country) values (?, ?, ?, ?)")
                    .params(jamId, personId, Timestamp.from(now), country).update();
            standings.evict(new PersonIn(jamId, personId));
            return true;
        } catch (org.springframework.dao.DuplicateKeyException joinedAtTheSameMoment) {
            return false; // a second click that raced the first: already a member, which is what was asked
        }
    }

    /** Members and the countries they come from, counted in the database. */
    public JamStats stats(long jamId) {
        return jdbc.sql("select count(*), count(distinct country) from jam_member where jam_id = ?").param(jamId)
                .query((rs, n) -> new JamStats(rs.getLong(1), rs.getLong(2))).single();
    }

    public long memberCount(long jamId) {
        return jdbc.sql("select count(*) from jam_member where jam_id = ?").param(jamId).query(Long.class).single();
    }

    public void forEachMember(long jamId, LongConsumer sink) {
        jdbc.sql("select person_id from jam_member where jam_id = ?").param(jamId)
                .query((RowCallbackHandler) rs -> sink.accept(rs.getLong(1)));
    }

    // ---- removals (V20) ------------------------------------------------------------------------------------------

    /** One removal of a person from a Jam; {@code reason} null when their invitation was withdrawn. */
    public record RemovalRow(long personId, long removedBy, String reason, Instant removedAt, Instant liftedAt) {
    }

    public void removeMember(long jamId, long personId) {
        jdbc.sql("delete from jam_member where jam_id = ? and person_id = ?").params(jamId, personId).update();
        standings.evict(new PersonIn(jamId, personId));
    }

    public void recordRemoval(long jamId, long personId, long removedBy, String reason, Instant now) {
        jdbc.sql("insert into jam_removal (jam_id, person_id, removed_by, reason, removed_at) values (?, ?, ?, ?, ?)")
                .params(jamId, personId, removedBy, reason, Timestamp.from(now)).update();
        standings.evict(new PersonIn(jamId, personId));
    }

    /** The removal that keeps the person out of the Jam now, if any. */
    public Optional<RemovalRow> activeRemoval(long jamId, long personId) {
        return jdbc.sql("select person_id, removed_by, reason, removed_at, lifted_at from jam_removal "
                        + "where jam_id = ? and person_id = ? and lifted_at is null order by id desc")
                .params(jamId, personId).query(JamRepository::removal).list().stream().findFirst();
    }

    public boolean isRemoved(long jamId, long personId) {
        return standing(jamId, personId).removed();
    }

    public void liftRemovals(long jamId, long personId, Instant now) {
        jdbc.sql("update jam_removal set lifted_at = ? where jam_id = ? and person_id = ? and lifted_at is null")
                .params(Timestamp.from(now), jamId, personId).update();
        standings.evict(new PersonIn(jamId, personId));
    }

    /** The latest removals of a Jam, newest first. */
    public List<RemovalRow> removals(long jamId, int limit) {
        return jdbc.sql("select person_id, removed_by, reason, removed_at, lifted_at from jam_removal "
                        + "where jam_id = ? order by id desc limit ?")
                .params(jamId, limit).query(JamRepository::removal).list();
    }

    private static RemovalRow removal(ResultSet rs, int row) throws SQLException {
        var lifted = rs.getTimestamp(5);
        return new RemovalRow(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getTimestamp(4).toInstant(),
                lifted == null ? null : lifted.toInstant());
    }

    private static String audience(Set<ParticipantType> audience) {
        return audience.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    }

    private static Set<ParticipantType> audience(String stored) {
        var types = EnumSet.noneOf(ParticipantType.class);
        Arrays.stream(stored.split(",")).filter(s -> !s.isBlank()).map(ParticipantType::valueOf).forEach(types::add);
        return types;
    }

    private Jam jam(ResultSet rs, int n) throws SQLException {
        return new Jam(rs.getLong("id"), rs.getString("title"), rs.getString("purpose"), rs.getString("question"),
                rs.getTimestamp("starts_at").toInstant(), rs.getTimestamp("ends_at").toInstant(),
                ZoneId.of(rs.getString("time_zone")), audience(rs.getString("audience")),
                rs.getBoolean("invitation_only"), rs.getString("terms"), rs.getBoolean("published"),
                rs.getBoolean("community"), rs.getBoolean("community_posting"), rs.getLong("created_by"),
                JamKind.valueOf(rs.getString("kind")), rs.getString("prize"), rs.getString("unit"));
    }

    private static Forum forum(ResultSet rs, int n) throws SQLException {
        return new Forum(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getInt(5),
                rs.getBoolean(6));
    }
}
