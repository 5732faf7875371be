/*
 * Says in the page why an htmx action failed, instead of nothing: htmx swaps nothing on an error status, so a
 * reaction sent after the session ended, or while the database is unreachable, would otherwise just not happen.
 * The server's error page carries its message in [data-problem] (in the reader's language, with a sign-in link
 * where that helps); it is shown in one alert region at the top of the page. No inline script, nothing evaluated.
 */
(function () {
    "use strict";

    function region() {
        var existing = document.getElementById("htmx-problem");
        if (existing) {
            return existing;
        }
        var created = document.createElement("div");
        created.id = "htmx-problem";
        created.className = "form-errors";
        created.setAttribute("role", "alert");
        var main = document.getElementById("main") || document.body;
        main.insertBefore(created, main.firstChild);
        return created;
    }

    function show(nodes) {
        var target = region();
        var paragraph = document.createElement("p");
        nodes.forEach(function (node) {
            paragraph.appendChild(node);
        });
        target.replaceChildren(paragraph);
    }

    // htmx swaps HTML, so it asks for HTML: an error then comes as the error page, with its message.
    document.addEventListener("htmx:configRequest", function (event) {
        event.detail.headers["Accept"] = "text/html";
    });

    document.addEventListener("htmx:responseError", function (event) {
        var xhr = event.detail.xhr;
        var problem = null;
        if ((xhr.getResponseHeader("Content-Type") || "").indexOf("text/html") === 0) {
            problem = new DOMParser().parseFromString(xhr.responseText, "text/html").querySelector("[data-problem]");
        }
        if (problem) {
            show(Array.prototype.map.call(problem.childNodes, function (node) {
                return document.importNode(node, true);
            }));
        } else {
            show([document.createTextNode((xhr.status + " " + (xhr.statusText || "")).trim())]);
        }
    });

    document.addEventListener("htmx:sendError", function () {
        var message = document.documentElement.getAttribute("data-unreachable") || "Incrowd could not be reached.";
        show([document.createTextNode(message)]);
    });
})();
