package org.incrowd.live.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.incrowd.shared.Refusal;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class StreamLimitsTests {

    @Test
    void aPersonGetsAFewStreamsAndIsToldWhyTheNextOneIsRefused() {
        var limits = new StreamLimits(3, 100, 100);
        for (int tab = 0; tab < 3; tab++) {
            limits.open(1, "10.0.0.1");
        }
        assertThatThrownBy(() -> limits.open(1, "10.0.0.1")).isInstanceOfSatisfying(Refusal.class, refusal -> {
            assertThat(refusal.status()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
            assertThat(refusal.messageKey()).isEqualTo("live.streams.perPerson");
        });
        limits.open(2, "10.0.0.1"); // someone else behind the same address still gets theirs
    }

    @Test
    void aClosedStreamFreesItsPlaceOnce() {
        var limits = new StreamLimits(2, 100, 100);
        var first = limits.open(1, "10.0.0.1");
        limits.open(1, "10.0.0.1");
        first.release();
        first.release(); // a stream that ends twice (timeout, then completion) frees one place, not two
        limits.open(1, "10.0.0.1");
        assertThatThrownBy(() -> limits.open(1, "10.0.0.1")).isInstanceOf(Refusal.class);
    }

    @Test
    void manyAccountsFromOneAddressAreLimitedToo() {
        var limits = new StreamLimits(10, 4, 100);
        for (long person = 1; person <= 4; person++) {
            limits.open(person, "192.0.2.7");
        }
        assertThatThrownBy(() -> limits.open(5, "192.0.2.7")).isInstanceOfSatisfying(Refusal.class,
                refusal -> assertThat(refusal.messageKey()).isEqualTo("live.streams.perAddress"));
        limits.open(5, "192.0.2.8");
        // The refused stream took nothing: person 5 still has all of their places.
        for (int tab = 0; tab < 9; tab++) {
            limits.open(5, "198.51.100." + tab);
        }
    }

    @Test
    void theGlobalCeilingKeepsRoomForPages() {
        var limits = new StreamLimits(10, 100, 5);
        for (long person = 1; person <= 5; person++) {
            limits.open(person, "10.0.0." + person);
        }
        assertThatThrownBy(() -> limits.open(6, "10.0.0.6")).isInstanceOfSatisfying(Refusal.class,
                refusal -> assertThat(refusal.messageKey()).isEqualTo("live.streams.busy"));
    }
}
