package org.incrowd.jam;

import gg.jte.Content;
import org.incrowd.identity.Actor;
import org.incrowd.shared.Ui;

/** A part of a Jam's home page that another module contributes (latest activity, for one). */
public interface JamPageSection {

    /**
     * The section's name in its own address, {@code /jams/{id}/sections/{name}}: a live region inside it fetches the
     * section alone, not the whole home page with every other module's sections.
     */
    String name();

    /** Smallest first; below zero, the section leads the page, above the Jam's forums (a closed Jam's report). */
    int order();

    Content render(Jam jam, Actor viewer, Ui ui);
}
