package org.incrowd.insight;

import java.util.List;

/**
 * A Jam's themes (the whole Jam's Jam Pulse) as participants see them, with the posts in each now, for the modules
 * that act on whole themes: answers per theme, shown on each of its posts, reviewers assigned by theme, and the
 * Jam report, which cites themes and their representative posts.
 */
public interface JamThemes {

    /**
     * A theme: its key names it across recomputes (the Pulse page's anchor is {@code theme-<key>}); {@code posts} is
     * how many posts are in it now; {@code representatives} are post ids, closest to the theme's centre first.
     */
    record Theme(String key, String label, int posts, List<Long> representatives) {
    }

    /** The Jam's visible themes, leading first; none before the themes were computed. */
    List<Theme> of(long jamId);

    /** The ids of the posts in the theme now (analysts' refinements applied), ascending; empty for no such theme. */
    List<Long> posts(long jamId, String themeKey);
}
