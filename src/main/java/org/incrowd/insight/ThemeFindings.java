package org.incrowd.insight;

import java.util.List;

/**
 * A Jam's Jam Pulse themes as its participants see them (analysts' names applied, hidden themes left out), for
 * modules that cite them: the Jam report traces its recommendations back to them.
 */
public interface ThemeFindings {

    /**
     * @param key             stable name; the Pulse page's anchor is {@code theme-<key>}
     * @param representatives post ids, closest to the theme's centre first
     */
    record Theme(String key, String label, int size, List<Long> representatives) {
    }

    /** Every visible theme of the whole Jam, leading first; none before the first computation. */
    List<Theme> themes(long jamId);
}
