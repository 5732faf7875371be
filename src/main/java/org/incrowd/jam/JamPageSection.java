package org.incrowd.jam;

import gg.jte.Content;
import org.incrowd.identity.Actor;
import org.incrowd.shared.Ui;

/** A part of a Jam's home page that another module contributes (latest activity, for one). */
public interface JamPageSection {

    /** Smallest first; below zero, the section leads the page, above the Jam's forums (a closed Jam's report). */
    int order();

    Content render(Jam jam, Actor viewer, Ui ui);
}
