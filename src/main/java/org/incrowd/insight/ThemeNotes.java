package org.incrowd.insight;

import gg.jte.Content;
import java.util.Map;
import org.incrowd.identity.Actor;
import org.incrowd.shared.Ui;

/**
 * Notes other modules show with each theme on a Jam's Jam Pulse page (the answer a theme was given, or a link to
 * answer it), so that insight need not know who answers themes. Called once per page.
 */
public interface ThemeNotes {

    /** A note per theme key of the Jam's whole-Jam themes, for those that have one. */
    Map<String, Content> notes(long jamId, Actor viewer, Ui ui);
}
