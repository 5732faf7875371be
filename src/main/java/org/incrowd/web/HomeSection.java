package org.incrowd.web;

import gg.jte.Content;
import org.incrowd.shared.Ui;

/** A part of the home page that another module contributes, so the shell needs to know none of them. */
public interface HomeSection {

    /** Smaller comes first. */
    int order();

    Content render(Ui ui);
}
