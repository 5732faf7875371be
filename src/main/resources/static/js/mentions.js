/*
 * Mention suggestions in the post form: typing "@" and a few letters offers the Jam's members whose names start so
 * (an ARIA 1.2 combobox on the text area with a listbox: ArrowDown / ArrowUp choose, Enter or a click inserts the
 * full name, Escape closes). The name is inserted whole ("@Ada Lovelace"), which is what a mention resolves.
 * Without script the form works as before: people type the name themselves.
 */
(function () {
    "use strict";

    var TYPED = /(?:^|[^\p{L}\p{N}_@.])@(\p{L}[\p{L}\p{M}\p{N}'’.\-]*(?: [\p{L}\p{M}\p{N}'’.\-]*){0,3})$/u;

    function attach(area) {
        var url = area.getAttribute("data-mentions");
        var list = document.createElement("ul");
        list.id = area.id + "-mentions";
        list.className = "mention-suggestions";
        list.setAttribute("role", "listbox");
        list.setAttribute("aria-label", area.getAttribute("data-mentions-label") || "");
        list.hidden = true;
        area.insertAdjacentElement("afterend", list);
        area.setAttribute("role", "combobox");
        area.setAttribute("aria-autocomplete", "list");
        area.setAttribute("aria-controls", list.id);
        area.setAttribute("aria-expanded", "false");

        var names = [];
        var active = -1;
        var typed = null;
        var timer = null;
        var asked = 0;

        function close() {
            names = [];
            active = -1;
            list.hidden = true;
            list.replaceChildren();
            area.setAttribute("aria-expanded", "false");
            area.removeAttribute("aria-activedescendant");
        }

        function show(found) {
            names = found;
            active = -1;
            list.replaceChildren();
            if (names.length === 0) {
                close();
                return;
            }
            names.forEach(function (name, i) {
                var option = document.createElement("li");
                option.id = list.id + "-" + i;
                option.setAttribute("role", "option");
                option.setAttribute("aria-selected", "false");
                option.textContent = name;
                option.addEventListener("mousedown", function (event) {
                    event.preventDefault();
                    insert(i);
                });
                list.appendChild(option);
            });
            list.hidden = false;
            area.setAttribute("aria-expanded", "true");
        }

        function choose(i) {
            active = (i + names.length) % names.length;
            Array.prototype.forEach.call(list.children, function (option, n) {
                option.setAttribute("aria-selected", String(n === active));
            });
            area.setAttribute("aria-activedescendant", list.id + "-" + active);
        }

        function insert(i) {
            var caret = area.selectionStart;
            var start = caret - typed.length - 1;
            var mention = "@" + names[i] + " ";
            area.value = area.value.slice(0, start) + mention + area.value.slice(caret);
            area.selectionStart = area.selectionEnd = start + mention.length;
            close();
            area.focus();
        }

        function lookUp() {
            var before = area.value.slice(0, area.selectionStart);
            var match = TYPED.exec(before);
            if (!match) {
                typed = null;
                close();
                return;
            }
            typed = match[1];
            var ask = ++asked;
            fetch(url + "?q=" + encodeURIComponent(typed))
                .then(function (response) {
                    return response.ok ? response.text() : "";
                })
                .then(function (html) {
                    // Parsed, never inserted: only each name's text reaches the page.
                    var found = new DOMParser().parseFromString(html, "text/html").querySelectorAll(".mention-names li");
                    if (ask === asked) {
                        show(Array.prototype.map.call(found, function (item) {
                            return item.textContent;
                        }));
                    }
                })
                .catch(close);
        }

        area.addEventListener("input", function () {
            clearTimeout(timer);
            timer = setTimeout(lookUp, 150);
        });
        area.addEventListener("keydown", function (event) {
            if (list.hidden) {
                return;
            }
            if (event.key === "ArrowDown" || event.key === "ArrowUp") {
                event.preventDefault();
                choose(event.key === "ArrowDown" ? active + 1 : active < 0 ? names.length - 1 : active - 1);
            } else if (event.key === "Enter" && active >= 0) {
                event.preventDefault();
                insert(active);
            } else if (event.key === "Escape") {
                event.preventDefault();
                close();
            }
        });
        area.addEventListener("blur", close);
    }

    function attachAll() {
        document.querySelectorAll("textarea[data-mentions]").forEach(attach);
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", attachAll);
    } else {
        attachAll();
    }
})();
