package org.incrowd.demo;

import java.util.Random;

/**
 * How a demo forum's activity is spread over its Jam's hours, as a real Jam's topics are: some steady, some busy at
 * first and then quieter, some that catch on later. A sample is a fraction of the Jam's time so far (0 = its start,
 * 1 = now), drawn with the density the name says; the Jam Pulse then finds themes steady, fading, growing, emerging.
 */
enum Activity {
    /** The same all along. */
    STEADY,
    /** Busy at first, then quieter: density falling like {@code 1 - t}. */
    FADING,
    /** Rising: density like {@code t}. */
    GROWING,
    /**
     * Hardly anything at first, most at the end (density like {@code t⁴}): about three quarters of its posts fall in
     * the latest quarter of the hours, which is what the Pulse calls emerging.
     */
    EMERGING;

    double sample(Random random) {
        double r = random.nextDouble();
        return switch (this) {
            case STEADY -> r;
            case FADING -> 1 - Math.sqrt(r);
            case GROWING -> Math.sqrt(r);
            case EMERGING -> Math.pow(r, 1.0 / 5);
        };
    }
}
