package org.incrowd.jam;

import gg.jte.Content;
import org.incrowd.identity.Actor;
import org.incrowd.shared.Ui;

/** A part of a Jam's home page that another module contributes (latest activity, for one). */
public interface JamPageSection {

    int order();

    Content render(Jam jam, Actor viewer, Ui ui);
}
