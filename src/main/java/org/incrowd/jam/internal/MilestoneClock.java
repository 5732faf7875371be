package org.incrowd.jam.internal;

import java.time.Clock;
import java.util.Arrays;
import org.incrowd.jam.JamEvents;
import org.incrowd.jam.JamMilestone;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Watches the clock for Jams' milestones (opened, closing in a day and an hour, closed) and announces each once
 * across the cluster: the record of a milestone and everything its listeners write (the members' notifications)
 * commit together, so a restart or a second node neither repeats nor loses one.
 */
@Component
class MilestoneClock {

    private final JamRepository jams;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;

    MilestoneClock(JamRepository jams, ApplicationEventPublisher events, TransactionTemplate transactions,
                   Clock clock) {
        this.jams = jams;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${incrowd.jam.milestones.check-ms:60000}",
            initialDelayString = "${incrowd.jam.milestones.check-ms:60000}")
    void scheduled() {
        check();
    }

    /** Announces every milestone due now and not announced yet; returns how many this node announced. */
    int check() {
        var now = clock.instant();
        var candidates = jams.startedAndEndingAfter(now, now.minus(JamMilestone.lookBack()));
        var recorded = jams.recordedMilestones(candidates.stream().map(jam -> jam.id()).toList());
        int announced = 0;
        for (var jam : candidates) {
            for (var milestone : Arrays.stream(JamMilestone.values())
                    .filter(m -> m.isDue(jam, now) && !recorded.contains(jam.id() + ":" + m.name())).toList()) {
                if (announce(jam.id(), jam.title(), milestone)) {
                    announced++;
                }
            }
        }
        return announced;
    }

    /** One transaction per milestone: a Jam with 150,000 members does not hold up the others. */
    private boolean announce(long jamId, String title, JamMilestone milestone) {
        try {
            return Boolean.TRUE.equals(transactions.execute(status -> {
                if (!jams.recordMilestone(jamId, milestone, clock.instant())) {
                    return false;
                }
                events.publishEvent(new JamEvents.MilestoneReached(jamId, title, milestone));
                return true;
            }));
        } catch (DuplicateKeyException | ConcurrencyFailureException anotherNodeWasFirst) {
            return false; // recorded by the other node (or being recorded: the next check sees it)
        }
    }
}
