package org.incrowd.identity.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The administrators' view of the person table: searching it at 150,000 people, and the record of deactivations.
 * Searches ask for one row more than a page to tell whether another page follows, instead of counting every match.
 */
@Repository
class PeopleDirectory {

    /** A page of matches: person ids in order, each with when the account was deactivated (null: active). */
    record Match(long personId, Instant deactivatedAt) {
    }

    private final JdbcClient jdbc;
    private final PersonRepository people;

    PeopleDirectory(JdbcClient jdbc, PersonRepository people) {
        this.jdbc = jdbc;
        this.people = people;
    }

    List<Match> search(PeopleQuery query, int offset, int limit) {
        var where = new ArrayList<String>();
        var params = new LinkedHashMap<String, Object>();
        if (query.name() != null) {
            where.add("lower(p.display_name) like :name escape '\\'");
            params.put("name", contains(query.name()));
        }
        if (query.email() != null) {
            where.add("p.email like :email escape '\\'"); // addresses are stored in lower case
            params.put("email", contains(query.email()));
        }
        if (query.unit() != null) {
            where.add("lower(p.org_unit) like :unit escape '\\'");
            params.put("unit", contains(query.unit()));
        }
        if (query.country() != null) {
            where.add("p.country = :country");
            params.put("country", query.country());
        }
        if (query.type() != null) {
            where.add("p.participant_type = :type");
            params.put("type", query.type().name());
        }
        if (query.role() != null) {
            where.add("exists (select 1 from person_role r where r.person_id = p.id and r.role = :role)");
            params.put("role", query.role().name());
        }
        if (query.status() != null) {
            where.add(query.status() == PeopleQuery.Status.ACTIVE ? "p.deactivated_at is null"
                    : "p.deactivated_at is not null");
        }
        String sql = "select p.id, p.deactivated_at from person p"
                + (where.isEmpty() ? "" : " where " + String.join(" and ", where))
                + " order by p.id limit :limit offset :offset";
        params.put("limit", limit);
        params.put("offset", offset);
        return jdbc.sql(sql).params(params).query((rs, n) -> new Match(rs.getLong(1), instant(rs.getTimestamp(2))))
                .list();
    }

    /** "%part%" in lower case, with the wildcards a person typed taken literally. */
    static String contains(String part) {
        return "%" + part.toLowerCase(java.util.Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                .replace("_", "\\_") + "%";
    }

    boolean isActive(long personId) {
        return jdbc.sql("select count(*) from person where id = ? and deactivated_at is null").param(personId)
                .query(Long.class).single() > 0;
    }

    /** Deactivates (at an instant) or reactivates (null) the account and records who did it and why. */
    void setActive(long personId, boolean active, String reason, long changedBy, Instant now) {
        jdbc.sql("update person set deactivated_at = ? where id = ?")
                .params(active ? null : Timestamp.from(now), personId).update();
        people.evict(personId);
        jdbc.sql("""
                insert into person_status_change (person_id, active, reason, changed_by, changed_at)
                values (?, ?, ?, ?, ?)""").params(personId, active, reason, changedBy, Timestamp.from(now)).update();
    }

    /** Each person's changes, newest first. */
    Map<Long, List<StatusChange>> history(Collection<Long> personIds) {
        if (personIds.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("""
                select c.person_id, c.active, c.reason, b.display_name, c.changed_at
                from person_status_change c join person b on b.id = c.changed_by
                where c.person_id in (:ids) order by c.id desc""").param("ids", personIds)
                .query((rs, n) -> new StatusChange(rs.getLong(1), rs.getBoolean(2), rs.getString(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant()))
                .list().stream()
                .collect(Collectors.groupingBy(StatusChange::personId, LinkedHashMap::new, Collectors.toList()));
    }

    private static Instant instant(Timestamp value) {
        return value == null ? null : value.toInstant();
    }
}
