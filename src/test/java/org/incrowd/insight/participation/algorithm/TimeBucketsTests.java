package org.incrowd.insight.participation.algorithm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TimeBucketsTests {

    @Test
    void aSeventyTwoHourJamIsShownPerHour() {
        assertThat(TimeBuckets.widthFor(Duration.ofHours(72))).isEqualTo(Duration.ofHours(1));
        assertThat(TimeBuckets.count(Duration.ofHours(72), Duration.ofHours(1))).isEqualTo(72);
    }

    @Test
    void longerJamsGetWiderBuckets() {
        assertThat(TimeBuckets.widthFor(Duration.ofDays(31))).isEqualTo(Duration.ofHours(6));
        assertThat(TimeBuckets.widthFor(Duration.ofDays(90))).isEqualTo(Duration.ofDays(1));
        assertThat(TimeBuckets.widthFor(Duration.ofDays(400))).isEqualTo(Duration.ofDays(7));
    }
}
