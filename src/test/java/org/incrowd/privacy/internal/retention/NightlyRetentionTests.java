package org.incrowd.privacy.internal.retention;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import org.incrowd.shared.SettingRejected;
import org.junit.jupiter.api.Test;

/** The nightly pass runs in the operator's time zone; one that does not exist stops the start, naming the setting. */
class NightlyRetentionTests {

    @Test
    void aTimeZoneThatDoesNotExistIsRefusedNamingTheSetting() {
        assertThatThrownBy(() -> new NightlyRetention(null, Clock.systemUTC(), "Mars/Olympus"))
                .isInstanceOf(SettingRejected.class)
                .hasMessage("incrowd.retention.zone must be a time zone such as UTC or Europe/Zurich, not 'Mars/Olympus'");
    }
}
