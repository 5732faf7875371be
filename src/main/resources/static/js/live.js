/*
 * Live pages: one Server-Sent Events stream per page (the URL is on the first element with data-live-url). Events
 * are small ("post 42 in thread 7"); each region marked data-live-on="post reaction ..." is fetched again with htmx
 * when such an event arrives, at most once a second, and never while the reader's focus is inside it (it is
 * fetched as soon as focus leaves). A region with data-live-src is fetched from there instead of the page. The browser's EventSource reconnects by itself and sends Last-Event-ID, so the
 * server replays what was missed; a "refresh" event means too much was missed and the page reloads. The stream is
 * asked for the events the page's regions listen to only (on=...), or put in place (data-live-in-place="tally"): a
 * "tally" carries the new reaction counts, which go into every element marked data-counts-of="<post id>" without a
 * fetch, so a thread where many people vote costs its readers no page requests.
 */
(function () {
    "use strict";

    var MIN_INTERVAL_MS = 1000;
    var FOCUS_SETTLE_MS = 150;
    // Longer than any answer takes: the tallies an answer in flight may not hold (below).
    var KEEP_TALLIES_MS = 60000;
    var first = document.querySelector("[data-live-url]");
    if (!first || !window.EventSource || !window.htmx) {
        return;
    }
    // X-Requested-With: a fetch that finds the reader signed out is not where signing in leads back to (Spring
    // Security saves no such request).
    var LIVE_REFRESH = {"X-Incrowd-Live": "refresh", "X-Requested-With": "XMLHttpRequest"};
    var lastFetch = {};
    var timers = {};

    function fetchRegion(region) {
        if (region.contains(document.activeElement)) {
            region.addEventListener("focusout", function later() {
                region.removeEventListener("focusout", later);
                // Focus also leaves for a moment when htmx swaps the block holding it (a reaction pressed again)
                // and then puts it back on the new button: look again once that has settled.
                window.setTimeout(function () {
                    schedule(region.id);
                }, FOCUS_SETTLE_MS);
            });
            return;
        }
        lastFetch[region.id] = Date.now();
        // A region served apart from the page (the bell) names its own address.
        window.htmx.ajax("GET", region.dataset.liveSrc || window.location.pathname + window.location.search,
            {target: "#" + region.id, select: "#" + region.id, swap: "outerHTML", headers: LIVE_REFRESH});
    }

    // A refresh asked for before the reader stepped into the region can arrive while they type there: it waits
    // until focus leaves (as above), so that nothing they typed is replaced.
    document.body.addEventListener("htmx:beforeSwap", function (event) {
        var config = event.detail.requestConfig;
        var region = event.detail.target;
        if (config && config.headers && config.headers["X-Incrowd-Live"] && region
                && region.contains(document.activeElement)) {
            event.detail.shouldSwap = false;
            fetchRegion(region);
        }
    });

    function schedule(id) {
        if (timers[id]) {
            return;
        }
        var wait = Math.max(0, (lastFetch[id] || 0) + MIN_INTERVAL_MS - Date.now());
        timers[id] = window.setTimeout(function () {
            delete timers[id];
            var region = document.getElementById(id);
            if (region) {
                fetchRegion(region);
            }
        }, wait);
    }

    // The first connection asks for what happened since the page was made (the page may have been rendered just
    // before an event the stream would otherwise never send); later reconnects send Last-Event-ID by themselves.
    var url = first.dataset.liveUrl;
    function param(name, value) {
        url += (url.indexOf("?") < 0 ? "?" : "&") + name + "=" + encodeURIComponent(value);
    }
    var renderedAt = document.body.dataset.renderedAt;
    if (renderedAt) {
        param("since", renderedAt);
    }
    // The stream carries only the events this page's regions listen to (and those that steer the stream itself):
    // a Jam page that shows new posts is not sent a tally for every thread that got a vote.
    // A region that puts an event's news in place without a fetch (data-live-in-place="tally") needs it too.
    // "post:idea" in data-live-on is a post event about a new idea (no parent): the stream carries "post".
    var listened = {};
    document.querySelectorAll("[data-live-on], [data-live-in-place]").forEach(function (region) {
        ((region.dataset.liveOn || "") + " " + (region.dataset.liveInPlace || "")).split(" ").filter(Boolean)
            .forEach(function (type) {
                listened[type.split(":")[0]] = true;
            });
    });
    param("on", Object.keys(listened).sort().join(","));
    var source = new EventSource(url);
    // The tallies received lately, numbered, for an answer in flight (below).
    var tallies = [];
    var tallySeq = 0;
    // Each count mark (data-kind) of each post the tally names takes its new value (none for a hidden post). The
    // reader's own reaction is not in it: one made in another tab shows on this one at its next fetch.
    source.addEventListener("tally", function (event) {
        var tally = JSON.parse(event.data);
        putCounts(tally);
        var now = Date.now();
        tallies.push({seq: ++tallySeq, at: now, tally: tally});
        while (tallies.length && tallies[0].at < now - KEEP_TALLIES_MS) {
            tallies.shift();
        }
    });
    // An htmx answer (a region fetched again, the reader's own vote) may have been made before a tally that arrived
    // while it travelled: the tallies received since its request left are put in place again after its swap, so
    // its older counts do not stay. Tallies received before it left are already in it.
    document.body.addEventListener("htmx:beforeRequest", function (event) {
        event.detail.xhr.incrowdTallySeq = tallySeq;
    });
    document.body.addEventListener("htmx:afterSwap", function (event) {
        var since = event.detail.xhr && event.detail.xhr.incrowdTallySeq;
        if (since !== undefined) {
            tallies.filter(function (t) { return t.seq > since; }).forEach(function (t) { putCounts(t.tally); });
        }
    });

    function putCounts(tally) {
        (tally.posts || []).forEach(function (post, i) {
            var counts = (tally.counts || [])[i];
            if (!counts) {
                return;
            }
            document.querySelectorAll("[data-counts-of='" + post + "'] [data-kind]").forEach(function (mark) {
                var count = counts[mark.dataset.kind];
                if (count === undefined) {
                    return;
                }
                // A count said in words ("no replies", "1 reply", "# replies") carries its forms in the page's language.
                var text = mark.dataset.many === undefined ? String(count) : count === 0 ? mark.dataset.zero
                    : count === 1 ? mark.dataset.one
                    : mark.dataset.many.replace("#", count.toLocaleString(document.documentElement.lang || undefined));
                if (mark.textContent !== text) {
                    mark.textContent = text;
                }
            });
        });
    }
    // The events regions listen to come from the server's catalogue (LiveEventType), written on <body>.
    (document.body.dataset.liveTypes || "").split(" ").filter(Boolean).forEach(function (type) {
        source.addEventListener(type, function (event) {
            var selector = "[data-live-on~='" + type + "']";
            if (type === "post" && document.querySelector("[data-live-on~='post:idea']") && isIdea(event.data)) {
                selector += ", [data-live-on~='post:idea']";
            }
            document.querySelectorAll(selector).forEach(function (region) {
                schedule(region.id);
            });
        });
    });
    function isIdea(data) {
        try {
            return JSON.parse(data).parent == null;
        } catch (notJson) {
            return true; // fetching once too often is better than missing a new idea
        }
    }
    // "N people here now": the count comes with the event; the page holds the sentence in its language.
    source.addEventListener("presence", function (event) {
        var here = JSON.parse(event.data).here;
        document.querySelectorAll("[data-presence-many]").forEach(function (region) {
            region.textContent = here === 1 ? region.dataset.presenceOne
                : region.dataset.presenceMany.replace("#", String(here));
            region.hidden = here < 1;
        });
    });
    // "refresh": too much was missed; "removed": the reader was removed from the Jam, and the reload says why.
    ["refresh", "removed"].forEach(function (type) {
        source.addEventListener(type, function () {
            source.close();
            window.location.reload();
        });
    });
})();
