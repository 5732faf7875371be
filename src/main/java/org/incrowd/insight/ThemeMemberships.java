package org.incrowd.insight;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A Jam's or forum's themes as participants see them (analysts' names, merges and moves applied; hidden themes left
 * out), and which theme each post is in, for exports written on no one's behalf: the caller checks the reader.
 */
public interface ThemeMemberships {

    /** The whole Jam rather than one forum. */
    long WHOLE_JAM = 0;

    /** A theme: its stable key, its label and how many posts it had when computed. */
    record Theme(String key, String label, int size) {
    }

    /** The themes of one scope; {@link #themeOf} answers from the stored snapshot, without reading posts. */
    interface Themes {

        Instant computedAt();

        List<Theme> themes();

        /** The key of the visible theme a post is in now, or null (no theme, or a hidden one). */
        String themeOf(long postId);
    }

    /** Empty before the first computation of this scope. */
    Optional<Themes> of(long jamId, long forumId);
}
