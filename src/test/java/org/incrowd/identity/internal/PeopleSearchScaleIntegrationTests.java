package org.incrowd.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import org.incrowd.identity.Actor;
import org.incrowd.identity.ParticipantType;
import org.incrowd.identity.Role;
import org.incrowd.support.Fixtures;
import org.incrowd.support.IncrowdTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The administrators' search among 150,000 people, measured (not asserted: timings go to the report): run with
 * {@code ./incrowd test -Dtest=PeopleSearchScaleIntegrationTests -Dincrowd.scale=true}. Prints the median and the
 * slowest of 15 searches of each kind, on H2 and on PostgreSQL.
 */
@IncrowdTest
@EnabledIfSystemProperty(named = "incrowd.scale", matches = "true")
class PeopleSearchScaleIntegrationTests {

    static final int PEOPLE = 150_000;
    static final String[] SURNAMES = {"Smith", "Müller", "Garcia", "Rossi", "Nowak", "Jensen", "Dubois", "Silva",
            "Kowalski", "Novak", "Larsen", "Schmidt", "Martin", "Bianchi", "Santos", "Meyer"};
    static final String[] COUNTRIES = {"DE", "FR", "IT", "ES", "PL", "NL", "SE", "NO", "DK", "PT", "GB", "US"};

    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PeopleAdministration administration;

    @Test
    void searchesAmong150000People() {
        long started = System.nanoTime();
        insertPeople();
        System.out.printf("PEOPLE-SCALE inserted %d people in %.1f s%n", PEOPLE, (System.nanoTime() - started) / 1e9);
        if (jdbc.getDataSource() != null && isPostgres()) {
            jdbc.execute("analyze person");
            jdbc.execute("analyze person_role");
        }
        Actor admin = Fixtures.of(context).person("Scale Admin", Role.ADMINISTRATOR).asActor();
        long planted = jdbc.queryForObject("select id from person where email = 'scale-123457@example.org'",
                Long.class);

        var queries = new LinkedHashMap<String, PeopleQuery>();
        queries.put("name contains, one match", query("Qzarth", null, null, null, null, null));
        queries.put("name contains, thousands match", query("smith", null, null, null, null, null));
        queries.put("name prefix, case differs", query("PERSON 14999", null, null, null, null, null));
        queries.put("e-mail part, one match", query(null, "scale-123457@", null, null, null, null));
        queries.put("unit contains", query(null, null, "unit 17", null, null, null));
        queries.put("country and type", query(null, null, null, "NO", ParticipantType.CLIENT, null));
        queries.put("role (rare)", query(null, null, null, null, null, Role.ORGANISER));
        queries.put("nothing, page 1", PeopleQuery.everyone());
        var figures = new ArrayList<String>();
        for (var entry : queries.entrySet()) {
            long[] nanos = new long[15];
            int found = 0;
            for (int run = 0; run < nanos.length; run++) {
                long t0 = System.nanoTime();
                found = administration.search(admin, entry.getValue(), 0).entries().size();
                nanos[run] = System.nanoTime() - t0;
            }
            Arrays.sort(nanos);
            figures.add("PEOPLE-SCALE %s (%s): %-32s median %6.1f ms, slowest %6.1f ms, %d shown".formatted(
                    isPostgres() ? "postgres" : "h2", PEOPLE, entry.getKey(), nanos[7] / 1e6, nanos[14] / 1e6, found));
        }
        figures.forEach(System.out::println);
        assertThat(administration.search(admin, queries.get("name contains, one match"), 0).entries())
                .singleElement().satisfies(e -> assertThat(e.person().id()).isEqualTo(planted));
        assertThat(administration.search(admin, queries.get("e-mail part, one match"), 0).entries()).hasSize(1);
    }

    static PeopleQuery query(String name, String email, String unit, String country, ParticipantType type,
                             Role role) {
        return new PeopleQuery(name, email, unit, country, type, role, null);
    }

    boolean isPostgres() {
        return jdbc.execute((java.sql.Connection c) -> c.getMetaData().getDatabaseProductName())
                .toLowerCase().contains("postgres");
    }

    /** Writes the people in batches; returns the id of the first. Every 2,000th is an organiser. */
    long insertPeople() {
        long before = jdbc.queryForObject("select coalesce(max(id), 0) from person", Long.class);
        var now = Timestamp.from(Instant.now());
        var types = ParticipantType.values();
        List<Object[]> batch = new ArrayList<>();
        for (int n = 0; n < PEOPLE; n++) {
            String name = n == 123_457 ? "Quentin Qzarth" : "Person " + n + " " + SURNAMES[n % SURNAMES.length];
            batch.add(new Object[] {"scale-" + n + "@example.org", name, COUNTRIES[n % COUNTRIES.length],
                    "Unit " + (n % 200), types[n % types.length].name(), now});
            if (batch.size() == 5_000) {
                flush(batch);
            }
        }
        flush(batch);
        long first = jdbc.queryForObject("select min(id) from person where email like 'scale-%'", Long.class);
        jdbc.update("""
                insert into person_role (person_id, role)
                select id, case when mod(id, 2000) = 0 then 'ORGANISER' else 'PARTICIPANT' end from person
                where id >= ? and email like 'scale-%'""", first);
        assertThat(first).isGreaterThan(before);
        return first;
    }

    void flush(List<Object[]> batch) {
        jdbc.batchUpdate("""
                insert into person (email, display_name, country, org_unit, job_role, participant_type, created_at)
                values (?, ?, ?, ?, 'Analyst', ?, ?)""", batch);
        batch.clear();
    }
}
