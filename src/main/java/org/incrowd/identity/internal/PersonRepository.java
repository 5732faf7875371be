package org.incrowd.identity.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import javax.sql.DataSource;
import java.util.stream.Collectors;
import org.incrowd.identity.ParticipantType;
import org.incrowd.identity.Person;
import org.incrowd.identity.ProfileFacts;
import org.incrowd.identity.Role;
import org.incrowd.shared.RowCache;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The person, person_role tables in plain SQL that runs on H2 and PostgreSQL alike. */
@Repository
public class PersonRepository {

    private static final String COLUMNS =
            "id, email, display_name, country, org_unit, job_role, participant_type, language, created_at, email_verified_at";

    private final JdbcClient jdbc;

    /**
     * A person with roles, by id: read for every byline on a page, written seldom. Evicted beside each write of
     * person and person_role (ADR 51); other nodes see a change within the cache's lifetime, which is why the
     * session's own check ({@link #findForSession}) does not read it.
     */
    private final RowCache<Long, SessionFacts> byId = RowCache.of(200_000);

    /** Reads a whole audience in chunks: PostgreSQL's driver otherwise holds every row in memory at once. */
    private final JdbcClient streaming;

    PersonRepository(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        var template = new JdbcTemplate(dataSource);
        template.setFetchSize(10_000);
        this.streaming = JdbcClient.create(template);
    }

    public long insert(String email, String passwordHash, String displayName, String country, String orgUnit,
                       String jobRole, ParticipantType type, String language) {
        return insert(email, passwordHash, displayName, country, orgUnit, jobRole, type, language, false);
    }

    /** A new account; {@code verified}: someone vouched for the address (see IdentityService). */
    public long insert(String email, String passwordHash, String displayName, String country, String orgUnit,
                       String jobRole, ParticipantType type, String language, boolean verified) {
        var key = new GeneratedKeyHolder();
        var now = Timestamp.from(Instant.now());
        jdbc.sql("""
                insert into person (email, password_hash, display_name, country, org_unit, job_role,
                                    participant_type, language, created_at, email_verified_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(email, passwordHash, displayName, country, orgUnit, jobRole, type.name(), language,
                        now, verified ? now : null)
                .update(key, "id");
        return key.getKeyAs(Long.class);
    }

    public void update(long id, String displayName, String country, String orgUnit, String jobRole,
                       ParticipantType type, String language) {
        jdbc.sql("""
                update person set display_name = ?, country = ?, org_unit = ?, job_role = ?, participant_type = ?,
                                  language = ?
                where id = ?""")
                .params(displayName, country, orgUnit, jobRole, type.name(), language, id)
                .update();
        evict(id);
    }

    // ---- verified addresses and passwords ------------------------------------------------------------------------

    /** Marks the address verified if it is still the person's address (a change may have come in between). */
    public boolean markVerified(long id, String email, Instant at) {
        evict(id);
        return jdbc.sql("update person set email_verified_at = ? where id = ? and email = ? and email_verified_at is null")
                .params(Timestamp.from(at), id, email).update() > 0;
    }

    /** Moves the account to a newly proved address; the unique index refuses one that was taken in between. */
    void changeEmail(long id, String email, Instant verifiedAt) {
        jdbc.sql("update person set email = ?, email_verified_at = ? where id = ?")
                .params(email, Timestamp.from(verifiedAt), id).update();
        evict(id);
    }

    /** A new password; sessions that began before {@code sessionsValidFrom} end on their next request. */
    void changePassword(long id, String passwordHash, Instant sessionsValidFrom) {
        jdbc.sql("update person set password_hash = ?, sessions_valid_from = ? where id = ?")
                .params(passwordHash, Timestamp.from(sessionsValidFrom), id).update();
        evict(id);
    }

    /**
     * What each signed-in request checks, in one query: the person behind the session, since when their sessions are
     * valid (null: all of them), and whether the account is active (not deactivated).
     */
    record SessionFacts(Person person, Instant sessionsValidFrom, boolean active) {
    }

    /**
     * Read afresh on every signed-in request, never from the cache: a deactivation, a new password or a role taken
     * away on another node must end or narrow the session at its next request here, not when the cache expires.
     */
    Optional<SessionFacts> findForSession(long id) {
        return jdbc.sql("select " + COLUMNS + ", sessions_valid_from, deactivated_at from person where id = ?").param(id)
                .query((rs, n) -> new SessionFacts(row(rs, n), instant(rs.getTimestamp("sessions_valid_from")),
                        rs.getTimestamp("deactivated_at") == null))
                .optional().map(f -> new SessionFacts(withRoles(f.person()), f.sessionsValidFrom(), f.active()));
    }

    /**
     * Forgets the cached person, now and after the commit: every write of their row or roles calls this, and so must
     * whatever writes them behind the application's back (tests, bulk imports).
     */
    public void evict(long id) {
        byId.evict(id);
    }

    /** The session facts of these people, from the cache or read in chunks; unknown ids are absent. */
    private Map<Long, SessionFacts> facts(Collection<Long> ids) {
        return byId.getAll(ids, missing -> {
            List<Long> distinct = List.copyOf(missing);
            var found = new HashMap<Long, SessionFacts>();
            // Chunks keep the IN list within what both databases accept comfortably.
            for (int from = 0; from < distinct.size(); from += 500) {
                var chunk = distinct.subList(from, Math.min(from + 500, distinct.size()));
                var roles = rolesOf(chunk);
                jdbc.sql("select " + COLUMNS + ", sessions_valid_from, deactivated_at from person where id in (:ids)")
                        .param("ids", chunk)
                        .query((rs, n) -> new SessionFacts(
                                copyWithRoles(row(rs, n), roles.getOrDefault(rs.getLong("id"), Set.of())),
                                instant(rs.getTimestamp("sessions_valid_from")), rs.getTimestamp("deactivated_at") == null))
                        .list().forEach(f -> found.put(f.person().id(), f));
            }
            return found;
        });
    }

    /** Ids of accounts deactivated before {@code cutoff} whose address is not yet an erased one. */
    public List<Long> deactivatedBefore(Instant cutoff, String erasedDomain) {
        return jdbc.sql("select id from person where deactivated_at < ? and email not like ? order by id")
                .params(Timestamp.from(cutoff), "%" + erasedDomain).query(Long.class).list();
    }

    /**
     * Anonymises the person row (ADR 44): nothing personal stays, the address is an unreachable one, no password,
     * deactivated so nobody signs in, and every session ends at its next request.
     */
    void erase(long id, String erasedEmail, String formerName, Instant now) {
        var at = Timestamp.from(now);
        jdbc.sql("""
                update person set email = ?, password_hash = null, display_name = ?, country = null, org_unit = null,
                                  job_role = null, language = null, email_verified_at = null,
                                  deactivated_at = coalesce(deactivated_at, ?), sessions_valid_from = ?
                where id = ?""").params(erasedEmail, formerName, at, at, id).update();
        evict(id);
    }

    public void setRoles(long id, Set<Role> roles) {
        jdbc.sql("delete from person_role where person_id = ?").param(id).update();
        for (Role role : roles) {
            jdbc.sql("insert into person_role (person_id, role) values (?, ?)").params(id, role.name()).update();
        }
        evict(id);
    }

    public Optional<Person> findById(long id) {
        return Optional.ofNullable(facts(List.of(id)).get(id)).map(SessionFacts::person);
    }

    public Optional<Person> findByEmail(String email) {
        return jdbc.sql("select " + COLUMNS + " from person where email = ?").param(email)
                .query(this::row).optional().map(this::withRoles);
    }

    public boolean hasPassword(long id) {
        return jdbc.sql("select count(*) from person where id = ? and password_hash is not null").param(id)
                .query(Long.class).single() > 0;
    }

    /** The password hash for signing in; never leaves this module. */
    public Optional<String> passwordHash(long id) {
        return jdbc.sql("select password_hash from person where id = ?").param(id).query(String.class).optional();
    }

    /** The ids of people whose name or address contains the text (case does not matter), at most {@code limit}. */
    public List<Long> idsByNameOrEmail(String text, int limit) {
        String pattern = "%" + text.toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
                + "%";
        return jdbc.sql("select id from person where lower(display_name) like ? escape '\\' "
                        + "or email like ? escape '\\' order by id limit ?")
                .params(pattern, pattern, limit).query(Long.class).list();
    }

    /** These people with their roles, by id (bylines, lists); unknown ids are absent. */
    public Map<Long, Person> findAll(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        var found = new HashMap<Long, Person>();
        facts(ids).forEach((id, f) -> found.put(id, f.person()));
        return found;
    }

    public List<Person> list(int offset, int limit) {
        var page = jdbc.sql("select " + COLUMNS + " from person order by id limit ? offset ?")
                .params(limit, offset).query(this::row).list();
        var roles = rolesOf(page.stream().map(Person::id).toList());
        return page.stream().map(p -> copyWithRoles(p, roles.getOrDefault(p.id(), Set.of()))).toList();
    }

    public long count() {
        return jdbc.sql("select count(*) from person").query(Long.class).single();
    }

    public long countWithRole(Role role) {
        return jdbc.sql("select count(*) from person_role where role = ?").param(role.name())
                .query(Long.class).single();
    }

    private Map<Long, Set<Role>> rolesOf(List<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("select person_id, role from person_role where person_id in (:ids)").param("ids", ids)
                .query((rs, n) -> Map.entry(rs.getLong(1), Role.valueOf(rs.getString(2)))).list().stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toCollection(() -> EnumSet.noneOf(Role.class)))))
                .entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> (Set<Role>) e.getValue()));
    }

    private Person withRoles(Person person) {
        return copyWithRoles(person, rolesOf(List.of(person.id())).getOrDefault(person.id(), Set.of()));
    }

    private static Person copyWithRoles(Person p, Set<Role> roles) {
        return new Person(p.id(), p.email(), p.displayName(), p.country(), p.orgUnit(), p.jobRole(),
                p.participantType(), p.language(), Set.copyOf(roles), p.createdAt(), p.emailVerifiedAt());
    }

    private Person row(ResultSet rs, int rowNum) throws SQLException {
        return new Person(rs.getLong("id"), rs.getString("email"), rs.getString("display_name"),
                rs.getString("country"), rs.getString("org_unit"), rs.getString("job_role"),
                ParticipantType.valueOf(rs.getString("participant_type")), rs.getString("language"), Set.of(),
                rs.getTimestamp("created_at").toInstant(), instant(rs.getTimestamp("email_verified_at")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    // ---- profile facts for participation figures: only the grouping columns, streamed --------------------------

    private static final String FACTS = "select id, country, org_unit, job_role, participant_type from person ";

    public void forEachProfileOfTypes(Set<ParticipantType> types, Consumer<ProfileFacts> sink) {
        if (types.isEmpty()) {
            return;
        }
        streaming.sql(FACTS + "where participant_type in (:types)")
                .param("types", types.stream().map(Enum::name).toList())
                .query((RowCallbackHandler) rs -> sink.accept(facts(rs)));
    }

    public void forEachProfileByEmail(Collection<String> emails, Consumer<ProfileFacts> sink) {
        forEachChunk(List.copyOf(emails), chunk -> jdbc.sql(FACTS + "where email in (:emails)").param("emails", chunk)
                .query((RowCallbackHandler) rs -> sink.accept(facts(rs))));
    }

    public void forEachProfileById(Collection<Long> ids, Consumer<ProfileFacts> sink) {
        forEachChunk(List.copyOf(ids), chunk -> jdbc.sql(FACTS + "where id in (:ids)").param("ids", chunk)
                .query((RowCallbackHandler) rs -> sink.accept(facts(rs))));
    }

    /** Chunks keep the IN list within what both databases accept comfortably. */
    private static <T> void forEachChunk(List<T> values, Consumer<List<T>> chunkSink) {
        for (int from = 0; from < values.size(); from += 1_000) {
            chunkSink.accept(values.subList(from, Math.min(from + 1_000, values.size())));
        }
    }

    private static ProfileFacts facts(ResultSet rs) throws SQLException {
        return new ProfileFacts(rs.getLong(1), blankToNull(rs.getString(2)), blankToNull(rs.getString(3)),
                blankToNull(rs.getString(4)), ParticipantType.valueOf(rs.getString(5)));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
