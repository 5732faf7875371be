package org.incrowd.shared;

import java.time.Duration;

/**
 * When to try a delivery again (a mail, a webhook): the wait doubles after each failed attempt, from {@code first}
 * up to {@code longest}, and after {@code attempts} attempts the delivery is given up.
 */
public record RetrySchedule(Duration first, Duration longest, int attempts) {

    /** The wait after the {@code failed}-th failed attempt (1 for the first failure). */
    public Duration waitAfter(int failed) {
        Duration wait = first.multipliedBy(1L << Math.min(Math.max(failed - 1, 0), 30));
        return wait.compareTo(longest) > 0 ? longest : wait;
    }

    /** Whether a delivery that has failed {@code failed} times should be given up. */
    public boolean givesUpAfter(int failed) {
        return failed >= attempts;
    }
}
