package org.incrowd.discussion.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.incrowd.identity.Role;
import org.incrowd.support.Fixtures;
import org.incrowd.support.IncrowdTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The window slides: a person who used up a limit may act again as their oldest uses fall out of the last minute,
 * one use for each that fell out, and a refusal does not count (on H2 and on PostgreSQL, as every test here).
 */
@IncrowdTest
class RateLimitsIntegrationTests {

    static final Duration MINUTE = Duration.ofMinutes(1);
    static final Instant NINE = Instant.parse("2026-12-07T09:00:00Z");

    @Autowired
    RateLimits limits;
    @Autowired
    ApplicationContext context;

    long person;

    @BeforeEach
    void someone() {
        person = Fixtures.of(context).person("Rita Ratelimit", Role.PARTICIPANT).id();
    }

    @Test
    void usesThatFallOutOfTheWindowMakeRoomOneForOne() {
        assertThat(limits.take(person, "reaction", 3, MINUTE, NINE)).isTrue();
        assertThat(limits.take(person, "reaction", 3, MINUTE, NINE.plusSeconds(20))).isTrue();
        assertThat(limits.take(person, "reaction", 3, MINUTE, NINE.plusSeconds(40))).isTrue();
        assertThat(limits.take(person, "reaction", 3, MINUTE, NINE.plusSeconds(50))).as("a fourth in the minute")
                .isFalse();

        // The first use is exactly a minute old: it no longer counts, so one more gets through, and only one.
        assertThat(limits.take(person, "reaction", 3, MINUTE, NINE.plusSeconds(60))).isTrue();
        assertThat(limits.take(person, "reaction", 3, MINUTE, NINE.plusSeconds(61))).isFalse();
        // The refusals at 50 and 61 s recorded nothing: at 80 s the use of 20 s has left and makes room.
        assertThat(limits.take(person, "reaction", 3, MINUTE, NINE.plusSeconds(80))).isTrue();
    }

    @Test
    void eachActionAndPersonHasALimitOfItsOwn() {
        assertThat(limits.take(person, "post", 1, MINUTE, NINE)).isTrue();
        assertThat(limits.take(person, "post", 1, MINUTE, NINE.plusSeconds(1))).isFalse();

        assertThat(limits.take(person, "reaction", 1, MINUTE, NINE.plusSeconds(1))).isTrue();
        long other = Fixtures.of(context).person("Otto Other", Role.PARTICIPANT).id();
        assertThat(limits.take(other, "post", 1, MINUTE, NINE.plusSeconds(1))).isTrue();
    }

    @Test
    void aUseStampedByAFastClockCountsUntilItLeavesTheWindowWithoutHoldingBackLaterOnes() {
        // A node whose clock runs ten minutes ahead records one use; the other nodes' clocks are right.
        assertThat(limits.take(person, "reaction", 2, MINUTE, NINE.plus(Duration.ofMinutes(10)))).isTrue();
        assertThat(limits.take(person, "reaction", 2, MINUTE, NINE)).isTrue();
        assertThat(limits.take(person, "reaction", 2, MINUTE, NINE.plusSeconds(1))).as("two in the window").isFalse();

        // A minute on, the use of 9:00 has left; the one stamped 9:10 still counts, so one more gets through.
        assertThat(limits.take(person, "reaction", 2, MINUTE, NINE.plusSeconds(61))).isTrue();
        assertThat(limits.take(person, "reaction", 2, MINUTE, NINE.plusSeconds(62))).isFalse();
    }

    @Test
    void aLongBurstKeepsOnlyTheUsesInsideTheWindow() {
        // A generous limit (the benchmarks' kind): 600 uses, ten a second, each counted against the last minute only.
        for (int i = 0; i < 600; i++) {
            assertThat(limits.take(person, "reaction", 600, MINUTE, NINE.plusMillis(100L * i))).isTrue();
        }
        // At 1:00 the use of 0:00 has left the window, so the 601st use gets through; 50 ms later none has left.
        assertThat(limits.take(person, "reaction", 600, MINUTE, NINE.plusMillis(60_000))).isTrue();
        assertThat(limits.take(person, "reaction", 600, MINUTE, NINE.plusMillis(60_050))).isFalse();
    }
}
