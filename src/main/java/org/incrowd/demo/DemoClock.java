package org.incrowd.demo;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;

/**
 * The application's clock in demo mode. It is the system clock, except on the one thread that seeds the demo: there
 * it reads the moment the demo sets, so that posts, reactions and joins are stamped over the Jam's hours as in a real
 * Jam (and every rule, such as the posting rate limit, sees the time the post was "written"). No other thread, and no
 * request, ever sees a moved clock.
 */
@Component
@Primary
@ConditionalOnBooleanProperty("incrowd.demo")
class DemoClock extends Clock {

    private final Clock system = Clock.systemUTC();
    private final ThreadLocal<Instant> seedingAt = new ThreadLocal<>();

    /** From now on, this thread's clock reads {@code moment}. */
    void setTo(Instant moment) {
        seedingAt.set(moment);
    }

    /** This thread's clock is the system clock again. */
    void release() {
        seedingAt.remove();
    }

    @Override
    public Instant instant() {
        Instant moment = seedingAt.get();
        return moment != null ? moment : system.instant();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(instant(), zone); // not used by the application, which reads instants only
    }
}
