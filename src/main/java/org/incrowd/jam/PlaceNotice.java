package org.incrowd.jam;

import gg.jte.Content;
import org.incrowd.identity.Actor;
import org.incrowd.shared.Ui;

/**
 * A notice at the top of a forum's pages that another module contributes (announcements, a guest answering now),
 * so the pages that show forums need not know who has something to say there.
 */
public interface PlaceNotice {

    Content render(Place place, Actor viewer, Ui ui);
}
