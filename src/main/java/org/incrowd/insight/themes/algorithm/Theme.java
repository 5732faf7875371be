package org.incrowd.insight.themes.algorithm;

import java.util.List;

/**
 * One theme.
 *
 * @param id              0-based, largest theme first
 * @param label           the phrases that characterise the theme, e.g. "assisted suicide, dignity, right to die"
 * @param size            how many posts are in it
 * @param representatives rows (indexes into the analysed list) of the posts closest to the theme's centre
 * @param terms           the theme's most characteristic dictionary terms (analysed forms), best first
 * @param summary         the two or three sentences of its posts nearest its centre (themes on meaning; else empty)
 * @param trend           how the theme moves over time
 * @param windows         posts of this theme per time window, oldest first (empty when posts have no time)
 */
public record Theme(int id, String label, int size, List<Integer> representatives, List<String> terms, List<String> summary,
        Trend trend,
        List<Integer> windows) {}
