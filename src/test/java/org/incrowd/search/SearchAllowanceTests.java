package org.incrowd.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.incrowd.shared.Refusal;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/** One person's searches are limited per minute; the refusal says how long to wait; others search on. */
class SearchAllowanceTests {

    final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-05T10:00:00Z"));
    final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };
    final SearchAllowance allowance = new SearchAllowance(2, 3, clock);

    @Test
    void aPersonBeyondTheMinutesSearchesIsToldHowLongToWaitAndOthersSearchOn() {
        for (int i = 0; i < 3; i++) {
            now.set(now.get().plusSeconds(10));
            assertThat(allowance.run(1, () -> "found")).isEqualTo("found");
        }

        assertThatThrownBy(() -> allowance.run(1, () -> "found")).isInstanceOfSatisfying(Refusal.class, refusal -> {
            assertThat(refusal.status()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
            assertThat(refusal.messageKey()).isEqualTo("search.tooFast");
            assertThat(refusal.arguments()).containsExactly(3, 40L); // the first of the three leaves the minute in 40 s
        });
        assertThat(allowance.run(2, () -> "found")).isEqualTo("found");

        now.set(now.get().plus(Duration.ofSeconds(40)));
        assertThat(allowance.run(1, () -> "found")).isEqualTo("found");
    }

    @Test
    void aPersonMayRunTwoSearchesAtOnceButNotThree() {
        var third = new AtomicReference<Throwable>();
        allowance.run(1, () -> allowance.run(1, () -> {
            try {
                allowance.run(1, () -> "found");
            } catch (Refusal refusal) {
                third.set(refusal);
            }
            return "found";
        }));

        assertThat(third.get()).isInstanceOfSatisfying(Refusal.class,
                refusal -> assertThat(refusal.messageKey()).isEqualTo("search.tooFast.atOnce"));
        assertThat(allowance.run(1, () -> "found")).as("finished searches free their place").isEqualTo("found");
    }
}
