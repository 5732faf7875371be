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

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", focusFormErrors);
    } else {
        focusFormErrors();
    }
})();
