/*
 * Incrowd page behaviour. Loaded with defer on every page; no dependencies, nothing evaluated, no inline handlers,
 * so it runs under Content-Security-Policy script-src 'self'. htmx is configured by the htmx-config meta tag, not here.
 */
(function () {
    "use strict";

    /*
     * A page that comes back with problems in a form shows a summary (.form-errors, role="alert", tabindex="-1").
     * Moving focus there makes screen readers read it and puts keyboard users right before the fields to fix.
     */
    function focusFormErrors() {
        var summary = document.querySelector(".form-errors");
        if (!summary) {
            return;
        }
        if (!summary.hasAttribute("tabindex")) {
            summary.setAttribute("tabindex", "-1");
        }
        summary.focus();
    }

    /*
     * Focus stays where the reader was when the part of the page holding it is swapped (a reaction pressed, a live
     * refresh). htmx puts focus back only when it is still on the old element at the moment of the swap; when two
     * swaps meet, focus can be left on <body>. Then the element with the same id in the new content gets it back.
     */
    var lastFocused = null;
    document.addEventListener("focusin", function (event) {
        lastFocused = event.target;
    });
    document.addEventListener("htmx:afterSettle", function () {
        if (document.activeElement !== document.body || !lastFocused || lastFocused.isConnected || !lastFocused.id) {
            return;
        }
        var again = document.getElementById(lastFocused.id);
        if (again) {
            again.focus({preventScroll: true});
        }
    });

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", focusFormErrors);
    } else {
        focusFormErrors();
    }
})();
