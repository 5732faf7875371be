package org.incrowd.insight;

import java.util.List;

/**
 * A Jam's themes (the whole Jam's Jam Pulse) as participants see them, with the posts in each now, for the modules
 * that act on whole themes: answers per theme, shown on each of its posts, and reviewers assigned by theme.
 */
public interface JamThemes {

    /** A theme: its key names it across recomputes; {@code posts} is how many posts are in it now. */
    record Theme(String key, String label, int posts) {
    }

    /** The Jam's visible themes, leading first; none before the themes were computed. */
    List<Theme> of(long jamId);

    /** The ids of the posts in the theme now (analysts' refinements applied), ascending; empty for no such theme. */
    List<Long> posts(long jamId, String themeKey);
}
