package org.incrowd.insight.participation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.incrowd.discussion.ActivityBucket;
import org.incrowd.insight.participation.FigureChanges.BucketKey;
import org.incrowd.insight.participation.FigureChanges.GroupKey;
import org.incrowd.insight.participation.algorithm.Dimension;
import org.incrowd.insight.participation.algorithm.GroupFigures;
import org.incrowd.shared.DatabaseProduct;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The tables of the participation read model (V158); plain SQL that runs alike on H2 and PostgreSQL, but for how
 * writers of one Jam's figures exclude each other (ADR 52, "Writers of one Jam side by side").
 */
@Repository
class ParticipationStore {

    /** The advisory locks' first key for a Jam's figures, so they meet no one else's: "PJAM" in ASCII. */
    static final int JAM_LOCKS = 0x504A414D;

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final boolean postgres;

    ParticipationStore(JdbcClient jdbc, JdbcTemplate batch, DataSource dataSource) {
        this.jdbc = jdbc;
        this.batch = batch;
        // Asked once, here: asked inside a writer's transaction it would take a second connection from the pool.
        postgres = DatabaseProduct.isPostgres(dataSource);
    }

    /** A Jam's row: the origin its hours count from, and whether its figures are built. */
    record JamState(long origin, boolean built) {
    }

    /**
     * Locks the Jam's figures for the rest of the transaction, against every other writer of them: for a build, or a
     * change of everyone's groups. Empty when the Jam has no row yet: its figures will be built from the rows, this
     * change included.
     */
    Optional<JamState> lock(long jamId) {
        lockJamAlone(jamId);
        if (jdbc.sql("update participation_jam set changes = changes + 1 where jam_id = ?").param(jamId).update() == 0) {
            return Optional.empty();
        }
        return jdbc.sql("select origin, built from participation_jam where jam_id = ?").param(jamId)
                .query((rs, n) -> new JamState(rs.getLong(1), rs.getBoolean(2))).optional();
    }

    /** The Jam's state and one person's stored share in it, read once that share is locked. */
    record LockedShare(JamState state, PersonFigures person) {
    }

    /**
     * Locks one person's share of the Jam's figures for the rest of the transaction, and reads it with the Jam's
     * state. On PostgreSQL other people's changes go on side by side (they share the Jam's lock, which a build takes
     * alone, and add their differences with upserts), so the writers of a busy Jam do not queue for one row until
     * each other's commits. On H2 (one node, the embedded default) this is {@link #lock}. Empty as there. Callers
     * lock Jams in ascending order, and in each Jam its people in ascending order ({@link PendingChanges}).
     */
    Optional<LockedShare> lockShare(long jamId, long personId) {
        if (!postgres) {
            return lock(jamId).map(state -> new LockedShare(state, person(jamId, personId)));
        }
        // The Jam's lock first, then the person's (the outer call runs on the inner one's row). The person's lock is
        // one key in the single-number space of advisory locks: the Jam's id above the person's. Person ids below 2^32
        // keep the keys in the order of the ids; above, two shares may meet on one key, and then wait for each other.
        jdbc.sql("select pg_advisory_xact_lock(?) from (select pg_advisory_xact_lock_shared(?, ?)) jam_first")
                .params((jamId << 32) | (personId & 0xFFFF_FFFFL), JAM_LOCKS, lockKey(jamId)).query(rs -> {
                });
        // Read after the locks are held: a statement sees what was committed when it began.
        return jdbc.sql("""
                        select j.origin, j.built, p.country, p.org_unit, p.job_role, p.participant_type, p.invited,
                               p.joined, p.activity, p.by_type
                        from participation_jam j
                        left join participation_person p on p.jam_id = j.jam_id and p.person_id = ?
                        where j.jam_id = ?""")
                .params(personId, jamId)
                .query((rs, n) -> new LockedShare(new JamState(rs.getLong(1), rs.getBoolean(2)),
                        rs.getString(3) == null ? PersonFigures.NOBODY : personFigures(rs, 3)))
                .optional();
    }

    /** Ids wrap at the lock's second key, an int: two Jams that meet there only wait for each other now and then. */
    private static int lockKey(long id) {
        return (int) (id % Integer.MAX_VALUE);
    }

    /** On PostgreSQL the Jam's advisory lock, alone, before its row: the order in which a build takes them. */
    private void lockJamAlone(long jamId) {
        if (postgres) {
            jdbc.sql("select pg_advisory_xact_lock(?, ?)").params(JAM_LOCKS, lockKey(jamId)).query(rs -> {
            });
        }
    }

    /** The row of a Jam whose figures are yet to be built; in a transaction of its own (a duplicate is harmless). */
    void addJam(long jamId) {
        try {
            jdbc.sql("insert into participation_jam (jam_id, origin, built, changes) values (?, 0, false, 0)")
                    .param(jamId).update();
        } catch (DuplicateKeyException known) {
            // another node or an event got there first: the row is all we need
        }
    }

    /** The figures no longer count until they are built again from the rows. */
    void markUnbuilt(long jamId) {
        lockJamAlone(jamId);
        jdbc.sql("update participation_jam set built = false, changes = changes + 1 where jam_id = ?").param(jamId)
                .update();
    }

    List<Long> unbuiltJams() {
        return jdbc.sql("select jam_id from participation_jam where built = false order by jam_id").query(Long.class)
                .list();
    }

    Optional<JamState> state(long jamId) {
        return jdbc.sql("select origin, built from participation_jam where jam_id = ?").param(jamId)
                .query((rs, n) -> new JamState(rs.getLong(1), rs.getBoolean(2))).optional();
    }

    /** A person's groups as everyone's figures last counted them (participation_profile). */
    record Profile(String participantType, String country, String unit, String jobRole) {

        String valueOf(Dimension dimension) {
            return Standing.valueOf(dimension, country, unit, jobRole, participantType);
        }

        static Profile of(org.incrowd.identity.ProfileFacts facts) {
            return new Profile(facts.participantType().name(), Standing.stored(facts.country()),
                    Standing.stored(facts.orgUnit()), Standing.stored(facts.jobRole()));
        }
    }

    Optional<Profile> profile(long personId) {
        return jdbc.sql("""
                        select participant_type, country, org_unit, job_role from participation_profile
                        where person_id = ?""").param(personId)
                .query((rs, n) -> new Profile(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .optional();
    }

    /** Moves a person from one combination of groups to another (either may be empty: new, or gone). */
    void moveProfile(long personId, Optional<Profile> before, Optional<Profile> after) {
        before.ifPresent(profile -> countPeople(profile, -1));
        after.ifPresent(profile -> countPeople(profile, 1));
        jdbc.sql("delete from participation_profile where person_id = ?").param(personId).update();
        after.ifPresent(profile -> batch.update(INSERT_PROFILE, profileRow(personId, profile)));
    }

    private void countPeople(Profile profile, long people) {
        for (Dimension dimension : Dimension.values()) {
            int updated = jdbc.sql("""
                            update participation_audience set people = people + ?
                            where participant_type = ? and dimension = ? and group_value = ?""")
                    .params(people, profile.participantType(), dimension.name(), profile.valueOf(dimension)).update();
            if (updated == 0) {
                batch.update(INSERT_AUDIENCE, profile.participantType(), dimension.name(), profile.valueOf(dimension),
                        people);
            }
        }
    }

    /** Replaces everyone's groups with those read from the profiles, and marks them built (row 0). */
    void replaceProfiles(Map<Long, Profile> profiles) {
        jdbc.sql("delete from participation_profile").update();
        jdbc.sql("delete from participation_audience").update();
        var rows = new ArrayList<Object[]>(10_000);
        var people = new java.util.HashMap<List<String>, Long>();
        for (var profile : profiles.entrySet()) {
            rows.add(profileRow(profile.getKey(), profile.getValue()));
            for (Dimension dimension : Dimension.values()) {
                people.merge(List.of(profile.getValue().participantType(), dimension.name(),
                        profile.getValue().valueOf(dimension)), 1L, Long::sum);
            }
            if (rows.size() == 10_000) {
                batch.batchUpdate(INSERT_PROFILE, rows);
                rows.clear();
            }
        }
        batch.batchUpdate(INSERT_PROFILE, rows);
        batch.batchUpdate(INSERT_AUDIENCE, people.entrySet().stream().map(group -> new Object[] {
                group.getKey().get(0), group.getKey().get(1), group.getKey().get(2), group.getValue()}).toList());
        jdbc.sql("update participation_jam set built = true where jam_id = ?").param(EVERYONE).update();
    }

    /** A group of one dimension with its figures ({@code value} '' for "not given"). */
    record Group(Dimension dimension, String value, GroupFigures figures) {
    }

    /** Everyone of these participant types, per group of each dimension: the invited of a Jam open to them. */
    List<Group> audience(java.util.Collection<String> types) {
        if (types.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select dimension, group_value, sum(people) from participation_audience
                        where participant_type in (:types) group by dimension, group_value""").param("types", types)
                .query((rs, n) -> new Group(Dimension.valueOf(rs.getString(1)), rs.getString(2),
                        new GroupFigures(null, rs.getLong(3), rs.getLong(3), 0, 0, 0, 0)))
                .list();
    }

    /** The Jams whose figures count this person, to follow a change of their profile. */
    List<Long> jamsCounting(long personId) {
        return jdbc.sql("select jam_id from participation_person where person_id = ? order by jam_id").param(personId)
                .query(Long.class).list();
    }

    PersonFigures person(long jamId, long personId) {
        return jdbc.sql("""
                        select country, org_unit, job_role, participant_type, invited, joined, activity, by_type
                        from participation_person where jam_id = ? and person_id = ?""")
                .params(jamId, personId)
                .query((rs, n) -> personFigures(rs, 1))
                .optional().orElse(PersonFigures.NOBODY);
    }

    /** A person's stored share from the columns country, unit, role, type, invited, joined, activity, by type. */
    private static PersonFigures personFigures(ResultSet rs, int first) throws SQLException {
        return new PersonFigures(new Standing(rs.getString(first), rs.getString(first + 1), rs.getString(first + 2),
                rs.getString(first + 3), rs.getBoolean(first + 4), rs.getBoolean(first + 5),
                rs.getBoolean(first + 7)), PersonActivity.decode(rs.getString(first + 6)));
    }

    void savePerson(long jamId, long personId, PersonFigures figures) {
        jdbc.sql("delete from participation_person where jam_id = ? and person_id = ?").params(jamId, personId)
                .update();
        if (figures.counted()) {
            batch.update(INSERT_PERSON, personRow(jamId, personId, figures));
        }
    }

    /**
     * Adds the changes to the stored figures: each row is updated, or inserted where there is none yet. In key order,
     * so writers side by side take the rows' locks in one order; on PostgreSQL as one upsert per row, since two of
     * them may be first to a row.
     */
    void apply(long jamId, FigureChanges changes) {
        for (Map.Entry<GroupKey, long[]> change : changes.groups().entrySet()) {
            var key = change.getKey();
            long[] d = change.getValue();
            if (postgres) {
                batch.update(UPSERT_GROUP, groupRow(jamId, key, d));
                continue;
            }
            int updated = jdbc.sql("""
                            update participation_group set people = people + ?, invited = invited + ?,
                                   joined = joined + ?, active = active + ?, active_invited = active_invited + ?,
                                   posts = posts + ?
                            where jam_id = ? and forum_id = ? and dimension = ? and group_value = ?""")
                    .params(d[0], d[1], d[2], d[3], d[4], d[5], jamId, key.scope(), key.dimension(), key.value())
                    .update();
            if (updated == 0) {
                batch.update(INSERT_GROUP, groupRow(jamId, key, d));
            }
        }
        for (Map.Entry<BucketKey, long[]> change : changes.buckets().entrySet()) {
            var key = change.getKey();
            long[] d = change.getValue();
            if (postgres) {
                batch.update(UPSERT_BUCKET, bucketRow(jamId, key, d));
                continue;
            }
            int updated = jdbc.sql("""
                            update participation_timeline set people = people + ?, posts = posts + ?
                            where jam_id = ? and forum_id = ? and width_hours = ? and bucket = ?""")
                    .params(d[0], d[1], jamId, key.scope(), key.widthHours(), key.bucket()).update();
            if (updated == 0) {
                batch.update(INSERT_BUCKET, bucketRow(jamId, key, d));
            }
        }
    }

    /** Replaces all of a Jam's figures with ones built from the rows, and marks them built. */
    void replace(long jamId, long origin, Map<Long, PersonFigures> people, FigureChanges totals) {
        for (String table : List.of("participation_person", "participation_group", "participation_timeline")) {
            jdbc.sql("delete from " + table + " where jam_id = ?").param(jamId).update();
        }
        var rows = new ArrayList<Object[]>(10_000);
        for (var person : people.entrySet()) {
            if (person.getValue().counted()) {
                rows.add(personRow(jamId, person.getKey(), person.getValue()));
            }
            if (rows.size() == 10_000) {
                batch.batchUpdate(INSERT_PERSON, rows);
                rows.clear();
            }
        }
        batch.batchUpdate(INSERT_PERSON, rows);
        batch.batchUpdate(INSERT_GROUP, totals.groups().entrySet().stream()
                .map(group -> groupRow(jamId, group.getKey(), group.getValue())).toList());
        batch.batchUpdate(INSERT_BUCKET, totals.buckets().entrySet().stream()
                .map(bucket -> bucketRow(jamId, bucket.getKey(), bucket.getValue())).toList());
        jdbc.sql("update participation_jam set origin = ?, built = true where jam_id = ?").params(origin, jamId)
                .update();
    }

    /**
     * The groups of a scope (the Jam: 0, or a forum) with their figures: its activity added to the base. A group may
     * hold no people of its own where its joined are counted among their type's people.
     */
    List<Group> groups(long jamId, long scope) {
        return jdbc.sql("""
                        select dimension, group_value, sum(people), sum(invited), sum(joined), sum(active),
                               sum(active_invited), sum(posts)
                        from participation_group where jam_id = ? and forum_id in (?, ?)
                        group by dimension, group_value""")
                .params(jamId, FigureChanges.BASE, scope)
                .query((rs, n) -> new Group(Dimension.valueOf(rs.getString(1)), rs.getString(2),
                        new GroupFigures(null, rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6),
                                rs.getLong(7), rs.getLong(8))))
                .list();
    }

    /** The timeline buckets of a scope and width with anyone active in them, in order. */
    List<ActivityBucket> timeline(long jamId, long scope, int widthHours) {
        return jdbc.sql("""
                        select bucket, people, posts from participation_timeline
                        where jam_id = ? and forum_id = ? and width_hours = ? and people > 0 order by bucket""")
                .params(jamId, scope, widthHours)
                .query((rs, n) -> new ActivityBucket(rs.getLong(1), rs.getLong(2), rs.getLong(3))).list();
    }

    /** The participation_jam row of everyone's groups (Jam ids start at 1). */
    static final long EVERYONE = 0;

    private static final String INSERT_PROFILE = """
            insert into participation_profile (person_id, participant_type, country, org_unit, job_role)
            values (?, ?, ?, ?, ?)""";
    private static final String INSERT_AUDIENCE = """
            insert into participation_audience (participant_type, dimension, group_value, people)
            values (?, ?, ?, ?)""";
    private static final String INSERT_PERSON = """
            insert into participation_person (jam_id, person_id, invited, joined, country, org_unit, job_role,
                                              participant_type, activity, by_type)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    private static final String INSERT_GROUP = """
            insert into participation_group (jam_id, forum_id, dimension, group_value, people, invited, joined,
                                             active, active_invited, posts)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    private static final String INSERT_BUCKET = """
            insert into participation_timeline (jam_id, forum_id, width_hours, bucket, people, posts)
            values (?, ?, ?, ?, ?, ?)""";
    private static final String UPSERT_GROUP = INSERT_GROUP + """
             on conflict (jam_id, forum_id, dimension, group_value) do update set
            people = participation_group.people + excluded.people,
            invited = participation_group.invited + excluded.invited,
            joined = participation_group.joined + excluded.joined,
            active = participation_group.active + excluded.active,
            active_invited = participation_group.active_invited + excluded.active_invited,
            posts = participation_group.posts + excluded.posts""";
    private static final String UPSERT_BUCKET = INSERT_BUCKET + """
             on conflict (jam_id, forum_id, width_hours, bucket) do update set
            people = participation_timeline.people + excluded.people,
            posts = participation_timeline.posts + excluded.posts""";

    private static Object[] personRow(long jamId, long personId, PersonFigures figures) {
        var standing = figures.standing();
        return new Object[] {jamId, personId, standing.invited(), standing.joined(), standing.country(),
                standing.unit(), standing.jobRole(), standing.participantType(), figures.activity().encode(),
                standing.byType()};
    }

    private static Object[] profileRow(long personId, Profile profile) {
        return new Object[] {personId, profile.participantType(), profile.country(), profile.unit(),
                profile.jobRole()};
    }

    private static Object[] groupRow(long jamId, GroupKey key, long[] d) {
        return new Object[] {jamId, key.scope(), key.dimension(), key.value(), d[0], d[1], d[2], d[3], d[4], d[5]};
    }

    private static Object[] bucketRow(long jamId, BucketKey key, long[] d) {
        return new Object[] {jamId, key.scope(), key.widthHours(), key.bucket(), d[0], d[1]};
    }
}
