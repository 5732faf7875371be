package org.incrowd.privacy.internal.retention;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import org.incrowd.privacy.Retention;
import org.incrowd.shared.SettingRejected;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Runs retention once a night, on whichever node claims the night first. */
@Component
class NightlyRetention {

    private final Retention retention;
    private final Clock clock;
    private final ZoneId zone;

    NightlyRetention(Retention retention, Clock clock, @Value("${incrowd.retention.zone:UTC}") String zone) {
        this.retention = retention;
        this.clock = clock;
        this.zone = zone(zone);
    }

    private static ZoneId zone(String name) {
        try {
            return ZoneId.of(name);
        } catch (DateTimeException e) {
            throw new SettingRejected("incrowd.retention.zone",
                    "must be a time zone such as UTC or Europe/Zurich, not '" + name + "'");
        }
    }

    @Scheduled(cron = "${incrowd.retention.cron:0 30 3 * * *}", zone = "${incrowd.retention.zone:UTC}")
    void run() {
        retention.runNightly(LocalDate.ofInstant(clock.instant(), zone));
    }
}
