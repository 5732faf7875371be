package org.incrowd.jam.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.incrowd.identity.Person;
import org.incrowd.identity.Role;
import org.incrowd.jam.Jam;
import org.incrowd.support.Fixtures;
import org.incrowd.support.IncrowdTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Members are told when their Jam opens, a day and an hour before it closes, and when it has closed: each once,
 * however often the check runs and on however many nodes (on PostgreSQL two checks race for real).
 */
@IncrowdTest
class JamMilestonesIntegrationTests {

    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MilestoneClock milestones;
    @Autowired
    JamRepository repository;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    Clock clock;

    Fixtures fixtures;
    Person ann;
    Person ben;
    Person outsider;

    @BeforeEach
    void people() {
        fixtures = Fixtures.of(context);
        ann = fixtures.person("Ann Member", Role.PARTICIPANT);
        ben = fixtures.person("Ben Member", Role.PARTICIPANT);
        outsider = fixtures.person("Olga Outsider", Role.PARTICIPANT);
    }

    @Test
    void aJamThatOpenedTellsItsMembersOnceHoweverOftenTheCheckRuns() {
        var jam = jamWithMembers(fixtures.jam("Opened " + System.nanoTime()));

        milestones.check();
        milestones.check();

        assertThat(told(jam, "JAM_OPENED")).containsExactlyInAnyOrder(ann.id(), ben.id());
        assertThat(told(jam, "JAM_CLOSING_DAY")).isEmpty();
        assertThat(told(jam, "JAM_CLOSED")).isEmpty();
    }

    @Test
    void aDayAndAnHourBeforeTheCloseAndAfterItMembersAreToldEachOnce() {
        var jam = jamWithMembers(fixtures.jam("Closing " + System.nanoTime()).startsIn(Duration.ofDays(-2))
                .endsIn(Duration.ofHours(12)));
        milestones.check();
        assertThat(told(jam, "JAM_CLOSING_DAY")).containsExactlyInAnyOrder(ann.id(), ben.id());
        assertThat(told(jam, "JAM_CLOSING_HOUR")).isEmpty();

        var soon = jamWithMembers(fixtures.jam("Last hour " + System.nanoTime()).startsIn(Duration.ofDays(-2))
                .endsIn(Duration.ofMinutes(30)));
        milestones.check();
        milestones.check();
        assertThat(told(soon, "JAM_CLOSING_HOUR")).containsExactlyInAnyOrder(ann.id(), ben.id());
        assertThat(told(soon, "JAM_CLOSING_DAY")).as("its day-before moment passed unseen: not told late")
                .isEmpty();

        fixtures.closeNow(soon);
        milestones.check();
        milestones.check();
        assertThat(told(soon, "JAM_CLOSED")).containsExactlyInAnyOrder(ann.id(), ben.id());
        assertThat(told(soon, "JAM_CLOSED")).doesNotContain(outsider.id());
        assertThat(rowsOf(soon, "JAM_CLOSED")).containsOnly("/jams/" + soon.id());
    }

    @Test
    void twoNodesCheckingAtOnceTellEachMemberOnce() throws Exception {
        var jam = jamWithMembers(fixtures.jam("Two nodes " + System.nanoTime()));
        var otherNode = new MilestoneClock(repository, events, transactions, clock);
        var start = new CountDownLatch(1);

        var first = CompletableFuture.runAsync(() -> awaitThen(start, milestones::check));
        var second = CompletableFuture.runAsync(() -> awaitThen(start, otherNode::check));
        start.countDown();
        CompletableFuture.allOf(first, second).get();

        assertThat(told(jam, "JAM_OPENED")).containsExactlyInAnyOrder(ann.id(), ben.id());
    }

    @Test
    void draftsAndJamsNotYetOpenTellNobody() {
        var later = jamWithMembers(fixtures.jam("Later " + System.nanoTime()).startsIn(Duration.ofDays(2))
                .endsIn(Duration.ofDays(5)));

        milestones.check();

        assertThat(jdbc.sql("select count(*) from notification where jam_id = ?").param(later.id())
                .query(Long.class).single()).isZero();
    }

    private Jam jamWithMembers(Fixtures.JamSpec spec) {
        var jam = spec.create();
        fixtures.join(jam, ann);
        fixtures.join(jam, ben);
        return jam;
    }

    private List<Long> told(Jam jam, String kind) {
        return jdbc.sql("select person_id from notification where jam_id = ? and kind = ?").params(jam.id(), kind)
                .query(Long.class).list();
    }

    private List<String> rowsOf(Jam jam, String kind) {
        return jdbc.sql("select link from notification where jam_id = ? and kind = ?").params(jam.id(), kind)
                .query(String.class).list();
    }

    private static void awaitThen(CountDownLatch start, Runnable check) {
        try {
            start.await();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        check.run();
    }
}
