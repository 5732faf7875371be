package org.incrowd.insight.opinions.algorithm;

/**
 * Pol.is's two significance tests, with its +1 smoothing of every count (so that small groups do not produce
 * infinite or undefined statistics).
 */
final class ProportionTests {

    /** One-sided 90 % confidence: Pol.is's threshold for "significant" (z above 1.2816). */
    static final double SIGNIFICANT = 1.2816;

    private ProportionTests() {}

    /** How far the share of successes is above one half, as a z statistic. */
    static double oneProportion(int successes, int trials) {
        double s = successes + 1.0;
        double n = trials + 1.0;
        return 2 * Math.sqrt(n) * (s / n - 0.5);
    }

    /** How far the share inside exceeds the share outside, as a two-proportion z statistic. */
    static double twoProportions(int successesIn, int successesOut, int trialsIn, int trialsOut) {
        double s1 = successesIn + 1.0;
        double s2 = successesOut + 1.0;
        double n1 = trialsIn + 1.0;
        double n2 = trialsOut + 1.0;
        double pooled = (s1 + s2) / (n1 + n2);
        if (pooled == 1) {
            return 0;
        }
        return (s1 / n1 - s2 / n2) / Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
    }

    static boolean significant(double z) {
        return z > SIGNIFICANT;
    }
}
