package org.incrowd.insight;

import java.util.List;

/**
 * The leading themes of a Jam as its participants see them on the Jam's page (analysts' names and hidden themes
 * applied), for summaries other modules write on no one's behalf: the daily Jam digest.
 */
public interface LeadingThemes {

    /** Up to {@code count} labels, leading first; none before the Jam has enough posts for themes. */
    List<String> labels(long jamId, int count);
}
