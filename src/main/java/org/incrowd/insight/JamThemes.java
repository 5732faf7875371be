package org.incrowd.insight;

import java.util.List;

/**
 * A Jam's themes with all their posts, as participants see them (analysts' names, merges and moves applied, hidden
 * themes left out), for modules that act on whole themes: reviewers assigned by theme, answers per theme.
 */
public interface JamThemes {

    /** One theme: its stable key, its label and the ids of every post in it (ideas and replies). */
    record Theme(String key, String label, List<Long> posts) {
    }

    /** The Jam's themes, largest first; none before the Jam has enough posts for themes. */
    List<Theme> of(long jamId);
}
