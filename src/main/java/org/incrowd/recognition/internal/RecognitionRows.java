package org.incrowd.recognition.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.incrowd.recognition.Badge;
import org.incrowd.recognition.CreditKind;
import org.incrowd.recognition.RecognitionSwitch;
import org.incrowd.recognition.algorithm.GiverCredit;
import org.incrowd.shared.RowCache;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The acts, credit, badges, switches, prizes and helpers' bookkeeping of recognition (tables {@code recognition_*}). */
@Repository
public class RecognitionRows {

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    RecognitionRows(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    // ---- acts ----------------------------------------------------------------------------------------------------

    /** Records an act once: the same act heard twice (a retry, a re-published event) changes nothing. */
    public void act(long jamId, CreditKind kind, long subjectId, long giverId, long beneficiaryId, Instant at) {
        jdbc.sql("""
                        merge into recognition_act a
                        using (values (cast(? as varchar(16)), cast(? as bigint), cast(? as bigint), cast(? as bigint)))
                            v (kind, subject_id, giver_id, beneficiary_id)
                        on a.kind = v.kind and a.subject_id = v.subject_id and a.giver_id = v.giver_id
                            and a.beneficiary_id = v.beneficiary_id
                        when not matched then insert (jam_id, kind, subject_id, giver_id, beneficiary_id, acted_at)
                            values (?, v.kind, v.subject_id, v.giver_id, v.beneficiary_id, ?)""")
                .params(kind.name(), subjectId, giverId, beneficiaryId, jamId, Timestamp.from(at)).update();
    }

    /** Takes back the acts of {@code kind} about {@code subjectId} that helped {@code beneficiaryId}. */
    public int withdraw(CreditKind kind, long subjectId, long beneficiaryId) {
        return jdbc.sql("delete from recognition_act where kind = ? and subject_id = ? and beneficiary_id = ?")
                .params(kind.name(), subjectId, beneficiaryId).update();
    }

    /** Takes back every act of {@code kind} about {@code subjectId} (a solution mark moved to another answer). */
    public int withdrawAll(CreditKind kind, long subjectId) {
        return jdbc.sql("delete from recognition_act where kind = ? and subject_id = ?")
                .params(kind.name(), subjectId).update();
    }

    /** Takes back the acts of {@code kind} about {@code subjectId} that {@code giverId} gave (left a team). */
    public int withdrawGiven(CreditKind kind, long subjectId, long giverId) {
        return jdbc.sql("delete from recognition_act where kind = ? and subject_id = ? and giver_id = ?")
                .params(kind.name(), subjectId, giverId).update();
    }

    public long actCount(long jamId) {
        return jdbc.sql("select count(*) from recognition_act where jam_id = ?").param(jamId).query(Long.class)
                .single();
    }

    /** Every act of a Jam, streamed into columns (a million acts hold about 17 MB). */
    public GiverCredit.Acts acts(long jamId) {
        var acts = new GiverCredit.Acts();
        template.query(con -> {
            var statement = con.prepareStatement(
                    "select giver_id, beneficiary_id, kind from recognition_act where jam_id = ?");
            statement.setFetchSize(10_000);
            statement.setLong(1, jamId);
            return statement;
        }, (java.sql.ResultSet rs) -> {
            acts.add(rs.getLong(1), rs.getLong(2), CreditKind.valueOf(rs.getString(3)));
        });
        return acts;
    }

    // ---- credit --------------------------------------------------------------------------------------------------

    /**
     * Replaces a Jam's credit with {@code credits}, writing only what changed (a recompute after a few new acts, or
     * of a rule that moves little, touches few rows): new rows inserted, changed ones updated, vanished ones deleted,
     * all in batches.
     */
    public void replaceCredits(long jamId, List<GiverCredit.Credit> credits) {
        var kinds = CreditKind.values();
        var stored = new HashMap<Long, double[]>(); // person * kinds + kind → {credit, acts}
        jdbc.sql("select person_id, kind, credit, acts from recognition_credit where jam_id = ?").param(jamId)
                .query(rs -> {
                    stored.put(rs.getLong(1) * kinds.length + CreditKind.valueOf(rs.getString(2)).ordinal(),
                            new double[] {rs.getDouble(3), rs.getInt(4)});
                });
        var inserts = new ArrayList<GiverCredit.Credit>();
        var updates = new ArrayList<GiverCredit.Credit>();
        for (var credit : credits) {
            var before = stored.remove(credit.personId() * kinds.length + credit.kind().ordinal());
            if (before == null) {
                inserts.add(credit);
            } else if (before[0] != credit.credit() || before[1] != credit.acts()) {
                updates.add(credit);
            }
        }
        batch("insert into recognition_credit (credit, acts, jam_id, person_id, kind) values (?, ?, ?, ?, ?)",
                jamId, inserts);
        batch("update recognition_credit set credit = ?, acts = ? where jam_id = ? and person_id = ? and kind = ?",
                jamId, updates);
        var gone = stored.keySet().stream().map(key -> new GiverCredit.Credit(key / kinds.length,
                kinds[(int) (key % kinds.length)], 0, 0)).toList();
        for (int from = 0; from < gone.size(); from += 5_000) {
            var chunk = gone.subList(from, Math.min(gone.size(), from + 5_000));
            template.batchUpdate("delete from recognition_credit where jam_id = ? and person_id = ? and kind = ?",
                    chunk, chunk.size(), (statement, credit) -> {
                        statement.setLong(1, jamId);
                        statement.setLong(2, credit.personId());
                        statement.setString(3, credit.kind().name());
                    });
        }
    }

    private void batch(String sql, long jamId, List<GiverCredit.Credit> credits) {
        for (int from = 0; from < credits.size(); from += 5_000) {
            var chunk = credits.subList(from, Math.min(credits.size(), from + 5_000));
            template.batchUpdate(sql, chunk, chunk.size(), (statement, credit) -> {
                statement.setDouble(1, credit.credit());
                statement.setInt(2, credit.acts());
                statement.setLong(3, jamId);
                statement.setLong(4, credit.personId());
                statement.setString(5, credit.kind().name());
            });
        }
    }

    /** Weighted credit per kind of the people with the most credit in a Jam (above zero), best first. */
    public Map<Long, Map<CreditKind, Double>> topCredit(long jamId, int limit, Collection<Long> unlisted) {
        var top = jdbc.sql("""
                        select person_id, sum(credit) as total from recognition_credit where jam_id = ? and credit > 0
                        group by person_id order by total desc, person_id fetch first ? rows only""")
                .params(jamId, limit + unlisted.size()).query((rs, n) -> rs.getLong(1)).list().stream()
                .filter(id -> !unlisted.contains(id)).limit(limit).toList();
        var result = new java.util.LinkedHashMap<Long, Map<CreditKind, Double>>();
        top.forEach(id -> result.put(id, new java.util.EnumMap<>(CreditKind.class)));
        if (top.isEmpty()) {
            return result;
        }
        jdbc.sql("select person_id, kind, credit from recognition_credit where jam_id = ? and credit > 0"
                        + " and person_id in (" + String.join(",", java.util.Collections.nCopies(top.size(), "?")) + ")")
                .params(concat(jamId, top)).query(rs -> {
                    result.get(rs.getLong(1)).put(CreditKind.valueOf(rs.getString(2)), rs.getDouble(3));
                });
        return result;
    }

    /** A person's weighted credit per kind in a Jam. */
    public Map<CreditKind, Double> credit(long jamId, long personId) {
        var result = new java.util.EnumMap<CreditKind, Double>(CreditKind.class);
        jdbc.sql("select kind, credit from recognition_credit where jam_id = ? and person_id = ?")
                .params(jamId, personId)
                .query(rs -> {
                    result.put(CreditKind.valueOf(rs.getString(1)), rs.getDouble(2));
                });
        return result;
    }

    /** Jams in which a person has credit or badges, newest first. */
    public List<Long> jamsOf(long personId) {
        return jdbc.sql("""
                        select jam_id from (select jam_id from recognition_credit where person_id = ? and credit > 0
                            union select jam_id from recognition_badge where person_id = ?) j order by jam_id desc""")
                .params(personId, personId).query(Long.class).list();
    }

    // ---- badges --------------------------------------------------------------------------------------------------

    public Map<Long, Set<Badge>> badges(long jamId, Collection<Long> personIds) {
        var result = new HashMap<Long, Set<Badge>>();
        if (personIds.isEmpty()) {
            return result;
        }
        jdbc.sql("select person_id, badge from recognition_badge where jam_id = ? and person_id in ("
                        + String.join(",", java.util.Collections.nCopies(personIds.size(), "?")) + ") order by badge")
                .params(concat(jamId, personIds)).query(rs -> {
                    result.computeIfAbsent(rs.getLong(1), id -> EnumSet.noneOf(Badge.class))
                            .add(Badge.valueOf(rs.getString(2)));
                });
        return result;
    }

    /** Every badge held in a Jam, per person. */
    public Map<Long, Set<Badge>> allBadges(long jamId) {
        var result = new HashMap<Long, Set<Badge>>();
        jdbc.sql("select person_id, badge from recognition_badge where jam_id = ?").param(jamId).query(rs -> {
            result.computeIfAbsent(rs.getLong(1), id -> EnumSet.noneOf(Badge.class))
                    .add(Badge.valueOf(rs.getString(2)));
        });
        return result;
    }

    public void award(long jamId, List<org.incrowd.recognition.RecognitionEvents.Earned> earned, Instant at) {
        for (int from = 0; from < earned.size(); from += 5_000) {
            var chunk = earned.subList(from, Math.min(earned.size(), from + 5_000));
            template.batchUpdate("insert into recognition_badge (jam_id, person_id, badge, earned_at) values (?, ?, ?, ?)",
                    chunk, chunk.size(), (statement, one) -> {
                        statement.setLong(1, jamId);
                        statement.setLong(2, one.personId());
                        statement.setString(3, one.badge().name());
                        statement.setTimestamp(4, Timestamp.from(at));
                    });
        }
    }

    public void takeBack(long jamId, long personId, Badge badge) {
        jdbc.sql("delete from recognition_badge where jam_id = ? and person_id = ? and badge = ?")
                .params(jamId, personId, badge.name()).update();
    }

    // ---- switches ------------------------------------------------------------------------------------------------

    /** A Jam's switched-off recognition, read by every thread page (its badges); evicted where written (ADR 51). */
    private final RowCache<Long, Set<RecognitionSwitch>> switchedOff = RowCache.of(10_000);

    public Set<RecognitionSwitch> switchedOff(long jamId) {
        return EnumSet.copyOf(switchedOff.get(jamId, id -> {
            var off = EnumSet.noneOf(RecognitionSwitch.class);
            jdbc.sql("select switch from recognition_switch_off where jam_id = ?").param(id)
                    .query(String.class).list().forEach(name -> off.add(RecognitionSwitch.valueOf(name)));
            return off;
        }));
    }

    public void replaceSwitchedOff(long jamId, Set<RecognitionSwitch> off) {
        switchedOff.evict(jamId);
        jdbc.sql("delete from recognition_switch_off where jam_id = ?").param(jamId).update();
        off.forEach(name -> jdbc.sql("insert into recognition_switch_off (jam_id, switch) values (?, ?)")
                .params(jamId, name.name()).update());
    }

    // ---- prizes --------------------------------------------------------------------------------------------------

    public record PrizeRow(long id, long jamId, Long ideaId, long personId, String reason, long awardedBy,
                           Instant awardedAt) {
    }

    public long addPrize(long jamId, Long ideaId, long personId, String reason, long awardedBy, Instant at) {
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                        insert into recognition_prize (jam_id, idea_id, person_id, reason, awarded_by, awarded_at)
                        values (?, ?, ?, ?, ?, ?)""")
                .params(jamId, ideaId, personId, reason, awardedBy, Timestamp.from(at)).update(keys, "id");
        return keys.getKey().longValue();
    }

    public List<PrizeRow> prizes(long jamId) {
        return jdbc.sql("""
                        select id, jam_id, idea_id, person_id, reason, awarded_by, awarded_at from recognition_prize
                        where jam_id = ? order by awarded_at, id""").param(jamId)
                .query((rs, n) -> new PrizeRow(rs.getLong(1), rs.getLong(2), (Long) rs.getObject(3, Long.class),
                        rs.getLong(4), rs.getString(5), rs.getLong(6), rs.getTimestamp(7).toInstant())).list();
    }

    // ---- teams and first posts -------------------------------------------------------------------------------------

    public void joinTeam(long ideaId, long personId) {
        jdbc.sql("""
                        merge into recognition_team t using (values (cast(? as bigint), cast(? as bigint)))
                            v (idea_id, person_id) on t.idea_id = v.idea_id and t.person_id = v.person_id
                        when not matched then insert (idea_id, person_id) values (v.idea_id, v.person_id)""")
                .params(ideaId, personId).update();
    }

    public void leaveTeam(long ideaId, long personId) {
        jdbc.sql("delete from recognition_team where idea_id = ? and person_id = ?").params(ideaId, personId).update();
    }

    public boolean inTeam(long ideaId, long personId) {
        return jdbc.sql("select count(*) from recognition_team where idea_id = ? and person_id = ?")
                .params(ideaId, personId).query(Long.class).single() > 0;
    }

    /** Keeps a post as one of its author's first {@code first} posts in the Jam, while they have fewer. */
    public void firstPost(long jamId, long personId, long postId, int first) {
        long posts = jdbc.sql("select count(*) from recognition_first_post where jam_id = ? and person_id = ?")
                .params(jamId, personId).query(Long.class).single();
        if (posts < first) {
            jdbc.sql("""
                            merge into recognition_first_post f using (values (cast(? as bigint))) v (post_id)
                            on f.post_id = v.post_id
                            when not matched then insert (post_id, jam_id, person_id) values (v.post_id, ?, ?)""")
                    .params(postId, jamId, personId).update();
        }
    }

    /** Whether {@code postId} is one of {@code personId}'s first posts. */
    public boolean isFirstPostOf(long postId, long personId) {
        return jdbc.sql("select count(*) from recognition_first_post where post_id = ? and person_id = ?")
                .params(postId, personId).query(Long.class).single() > 0;
    }

    // ---- people who asked not to be listed --------------------------------------------------------------------------

    public Set<Long> unlisted(Collection<Long> personIds) {
        var result = new java.util.HashSet<Long>();
        if (personIds.isEmpty()) {
            return result;
        }
        result.addAll(jdbc.sql("select person_id from recognition_unlisted where person_id in ("
                        + String.join(",", java.util.Collections.nCopies(personIds.size(), "?")) + ")")
                .params(new ArrayList<>(personIds)).query(Long.class).list());
        return result;
    }

    public List<Long> allUnlisted() {
        return jdbc.sql("select person_id from recognition_unlisted").query(Long.class).list();
    }

    public void list(long personId, boolean listed) {
        jdbc.sql("delete from recognition_unlisted where person_id = ?").param(personId).update();
        if (!listed) {
            jdbc.sql("insert into recognition_unlisted (person_id) values (?)").param(personId).update();
        }
    }

    private static List<Object> concat(long first, Collection<Long> rest) {
        var all = new ArrayList<Object>(rest.size() + 1);
        all.add(first);
        all.addAll(rest);
        return all;
    }
}
