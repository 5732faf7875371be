package org.incrowd.privacy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.incrowd.identity.Actor;
import org.incrowd.jam.Jam;
import org.incrowd.jam.JamPhase;
import org.incrowd.jam.JamService;
import org.incrowd.privacy.internal.retention.RetentionRows;
import org.incrowd.shared.AdministrativeAct;
import org.incrowd.shared.FieldErrors;
import org.incrowd.shared.Refusal;
import org.incrowd.shared.RetainedRecords;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * How long personal records are kept, and the runs that remove older ones (ADR 45). Administrators set a period per
 * kind; each module that keeps such records removes its own ({@link RetainedRecords}), so this module reads no other
 * module's tables. Every change and every run is an {@link AdministrativeAct} in the audit trail.
 */
@Service
public class Retention {

    /** The order kinds are shown in; a kind no module keeps is not offered. */
    private static final List<String> ORDER = List.of("personal-data", "sign-ins", "mail", "live-events");
    static final int MAX_DAYS = 36_500;

    private static final Logger log = LoggerFactory.getLogger(Retention.class);

    private final RetentionRows rows;
    private final Map<String, List<RetainedRecords>> keepers = new LinkedHashMap<>();
    private final JamService jams;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;

    Retention(RetentionRows rows, List<RetainedRecords> modules, JamService jams, ApplicationEventPublisher events,
              TransactionTemplate transactions, Clock clock) {
        this.rows = rows;
        this.jams = jams;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
        modules.stream().sorted(Comparator.comparingInt((RetainedRecords r) -> order(r.kind()))
                        .thenComparing(RetainedRecords::kind))
                .forEach(module -> keepers.computeIfAbsent(module.kind(), kind -> new ArrayList<>()).add(module));
    }

    private static int order(String kind) {
        int at = ORDER.indexOf(kind);
        return at < 0 ? ORDER.size() : at;
    }

    /** Every kind some module keeps, with its period. */
    public List<RetentionPeriod> periods(Actor actor) {
        requireAdministrator(actor);
        var days = rows.periods();
        return keepers.keySet().stream().map(kind -> new RetentionPeriod(kind, days.get(kind))).toList();
    }

    /**
     * Sets the periods as typed (blank: kept until removed otherwise). Refused as a whole, changing nothing, when a
     * value is not a whole number of days from 1 to 36,500, or is shorter than a scheduled or live Jam still has to
     * run: records of a running Jam must outlive it.
     */
    public void setPeriods(Actor actor, Map<String, String> typed, String reason) {
        requireAdministrator(actor);
        var errors = FieldErrors.none();
        var chosen = new LinkedHashMap<String, Integer>();
        for (String kind : keepers.keySet()) {
            String value = typed.getOrDefault(kind, "");
            value = value == null ? "" : value.strip();
            if (value.isEmpty()) {
                chosen.put(kind, null);
                continue;
            }
            try {
                int days = Integer.parseInt(value);
                if (days < 1 || days > MAX_DAYS) {
                    errors.add(kind, "retention.days.range", MAX_DAYS);
                } else {
                    chosen.put(kind, days);
                }
            } catch (NumberFormatException notANumber) {
                errors.add(kind, "retention.days.number", value);
            }
        }
        longestRunningJam(actor).ifPresent(running -> chosen.forEach((kind, days) -> {
            if (days != null && days < running.days()) {
                errors.add(kind, "retention.days.jamStillRuns", running.jam().title(), running.days());
            }
        }));
        errors.throwIfAny();
        transactions.executeWithoutResult(status -> {
            var before = rows.periods();
            var details = new LinkedHashMap<String, String>();
            chosen.forEach((kind, days) -> {
                if (!java.util.Objects.equals(before.get(kind), days)) {
                    rows.setPeriod(kind, days, actor.personId(), clock.instant());
                    details.put(kind, text(before.get(kind)) + " -> " + text(days));
                }
            });
            if (!details.isEmpty()) {
                events.publishEvent(new AdministrativeAct(actor.personId(), "retention.changed", "retention",
                        reason == null || reason.isBlank() ? null : reason.strip(), details));
            }
        });
    }

    private static String text(Integer days) {
        return days == null ? "kept" : days + " days";
    }

    /** The scheduled or live Jam with the most days still to run (open-ended campaigns and streams never end). */
    private Optional<RunningJam> longestRunningJam(Actor actor) {
        Instant now = clock.instant();
        return jams.visibleTo(actor).stream()
                .filter(jam -> !jam.openEnded())
                .filter(jam -> jam.phase(now) == JamPhase.SCHEDULED || jam.phase(now) == JamPhase.LIVE)
                .map(jam -> new RunningJam(jam, (int) Math.ceil(Duration.between(now, jam.endsAt()).toMinutes()
                        / (24.0 * 60))))
                .max(Comparator.comparingInt(RunningJam::days));
    }

    private record RunningJam(Jam jam, int days) {
    }

    /** An administrator runs it now. */
    public RetentionRun runNow(Actor actor) {
        requireAdministrator(actor);
        long id = rows.start(clock.instant(), actor.personId(), null);
        return finish(id, actor.personId());
    }

    /** The nightly run: only the first node to claim the night runs it. Empty when another node did. */
    public Optional<RetentionRun> runNightly(LocalDate night) {
        var claimed = rows.claimNight(clock.instant(), night);
        return claimed.isEmpty() ? Optional.empty() : Optional.of(finish(claimed.getAsLong(), 0));
    }

    private RetentionRun finish(long runId, long actorId) {
        var periods = rows.periods();
        Instant now = clock.instant();
        var removed = new LinkedHashMap<String, Integer>();
        keepers.forEach((kind, modules) -> {
            Integer days = periods.get(kind);
            if (days == null) {
                return;
            }
            Instant cutoff = now.minus(Duration.ofDays(days));
            int count = 0;
            for (RetainedRecords module : modules) {
                try {
                    count += transactions.execute(status -> module.removeOlderThan(cutoff));
                } catch (RuntimeException failed) {
                    log.warn("Retention of {} failed in {}; kept until the next run", kind, module.getClass().getName(),
                            failed);
                    count = -1;
                    break;
                }
            }
            removed.put(kind, count);
        });
        var details = new HashMap<String, String>();
        removed.forEach((kind, count) -> details.put(kind, count < 0 ? "failed" : String.valueOf(count)));
        transactions.executeWithoutResult(status -> {
            rows.finish(runId, clock.instant(), removed);
            events.publishEvent(new AdministrativeAct(actorId, "retention.run", "retention", null, details));
        });
        log.info("Retention run {} removed {}", runId, removed);
        return rows.run(runId).orElseThrow();
    }

    /** The latest runs, newest first. */
    public List<RetentionRun> runs(Actor actor, int limit) {
        requireAdministrator(actor);
        return rows.runs(Math.max(1, Math.min(limit, 100)));
    }

    private static void requireAdministrator(Actor actor) {
        if (!actor.isAdministrator()) {
            throw Refusal.forbidden("retention.administratorsOnly");
        }
    }
}
