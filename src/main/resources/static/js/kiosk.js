// The kiosk screen: a visible countdown that signs an idle person out, and an outbox for what people write while the
// network is gone. Offline acts are kept in localStorage, each with its own id, and sent when the network is back;
// the server does each id once, so nothing is lost or doubled. Without this script the kiosk still works online.
(function () {
    'use strict';
    const root = document.getElementById('kiosk');
    if (!root) {
        return;
    }
    const OUTBOX = 'incrowd.kiosk.outbox';
    const KEPT = 'incrowd.kiosk.kept';
    const idleSeconds = parseInt(root.dataset.idleSeconds, 10) || 60;
    const signin = document.getElementById('kiosk-signin');
    const actsPanel = document.getElementById('kiosk-acts');
    const countdown = document.getElementById('kiosk-countdown');
    let offlineCode = null;
    let remaining = idleSeconds;
    let timer = null;
    let lastAlive = Date.now();

    function text(template, value) {
        return template.replace('{0}', String(value));
    }

    function read(key) {
        try {
            return JSON.parse(localStorage.getItem(key) || '[]');
        } catch (e) {
            return [];
        }
    }

    function write(key, items) {
        localStorage.setItem(key, JSON.stringify(items));
    }

    function newId() {
        if (window.crypto && crypto.randomUUID) {
            return crypto.randomUUID();
        }
        const bytes = crypto.getRandomValues(new Uint8Array(16));
        return Array.from(bytes, b => b.toString(16).padStart(2, '0')).join('');
    }

    // ---- the idle countdown ----------------------------------------------------------------------------------------

    function tick() {
        remaining -= 1;
        countdown.textContent = text(root.dataset.countdown, Math.max(remaining, 0));
        if (remaining <= 0) {
            stopCountdown();
            if (offlineCode !== null) {
                leaveOffline();
            } else {
                document.getElementById('kiosk-signout-form').submit();
            }
        }
    }

    function startCountdown() {
        remaining = idleSeconds;
        countdown.textContent = text(root.dataset.countdown, remaining);
        stopCountdown();
        timer = setInterval(tick, 1000);
    }

    function stopCountdown() {
        if (timer !== null) {
            clearInterval(timer);
            timer = null;
        }
    }

    // Typing is activity: the countdown starts again, and the server hears of it now and then.
    actsPanel.addEventListener('input', () => {
        remaining = idleSeconds;
        if (offlineCode === null && navigator.onLine && Date.now() - lastAlive > 15000) {
            lastAlive = Date.now();
            fetch('/kiosk/alive', {credentials: 'same-origin'}).catch(() => {});
        }
    });

    // ---- offline acts ----------------------------------------------------------------------------------------------

    function enterOffline(code) {
        offlineCode = code;
        signin.hidden = true;
        actsPanel.hidden = false;
        document.getElementById('kiosk-hello').textContent = root.dataset.offline;
        const title = document.getElementById('kiosk-title');
        if (title) {
            title.focus();
        }
        startCountdown();
    }

    function leaveOffline() {
        offlineCode = null;
        stopCountdown();
        actsPanel.hidden = true;
        signin.hidden = false;
        const code = document.getElementById('kiosk-code');
        code.value = '';
        code.focus();
    }

    function keep(act) {
        const outbox = read(OUTBOX);
        outbox.push(act);
        write(OUTBOX, outbox);
        const form = document.getElementById('kiosk-idea-form');
        if (form) {
            form.reset();
        }
        leaveOffline();
        show(root.dataset.saved);
    }

    function show(message) {
        const waiting = read(OUTBOX).length;
        const parts = [];
        if (message) {
            parts.push(message);
        }
        if (waiting > 0) {
            parts.push(text(root.dataset.waiting, waiting));
        }
        document.getElementById('kiosk-outbox').textContent = parts.join(' ');
        showKept();
    }

    function showKept() {
        const list = document.getElementById('kiosk-kept');
        list.replaceChildren();
        read(KEPT).forEach((item, index) => {
            const li = document.createElement('li');
            li.className = 'kiosk-kept-item';
            const reason = document.createElement('p');
            reason.textContent = root.dataset.refused + ' ' + item.detail;
            li.append(reason);
            if (item.act.title || item.act.body) {
                const kept = document.createElement('blockquote');
                kept.textContent = [item.act.title, item.act.body].filter(Boolean).join(' — ');
                li.append(kept);
            }
            const done = document.createElement('button');
            done.type = 'button';
            done.className = 'kiosk-button secondary';
            done.textContent = root.dataset.dismiss;
            done.addEventListener('click', () => {
                const items = read(KEPT);
                items.splice(index, 1);
                write(KEPT, items);
                showKept();
            });
            li.append(done);
            list.append(li);
        });
    }

    let flushing = false;

    async function flush() {
        if (flushing || !navigator.onLine) {
            return;
        }
        flushing = true;
        let sent = 0;
        try {
            for (const act of read(OUTBOX)) {
                let response;
                try {
                    response = await fetch('/kiosk/acts', {
                        method: 'POST', credentials: 'same-origin',
                        headers: {'Content-Type': 'application/json', 'Accept': 'application/json'},
                        body: JSON.stringify(act)
                    });
                } catch (e) {
                    break; // still offline after all: try again later, keeping everything
                }
                if (response.status >= 500 || response.status === 429) {
                    break; // the server could not take it now; the same id is sent again later
                }
                const answer = await response.json().catch(() => ({}));
                if (response.ok) {
                    sent += 1;
                } else {
                    const kept = read(KEPT);
                    kept.push({act: act, detail: answer.detail || String(response.status)});
                    write(KEPT, kept);
                }
                write(OUTBOX, read(OUTBOX).filter(item => item.clientId !== act.clientId));
            }
        } finally {
            flushing = false;
        }
        show(sent > 0 ? text(root.dataset.sent, sent) : '');
    }

    document.getElementById('kiosk-code-form').addEventListener('submit', event => {
        if (navigator.onLine) {
            return; // checked by the server, which signs the person in
        }
        event.preventDefault();
        const code = document.getElementById('kiosk-code').value.trim();
        if (!code) {
            show(root.dataset.codeRequired);
            return;
        }
        enterOffline(code);
    });

    const ideaForm = document.getElementById('kiosk-idea-form');
    if (ideaForm) {
        ideaForm.addEventListener('submit', event => {
            if (offlineCode === null && navigator.onLine) {
                return;
            }
            event.preventDefault();
            if (offlineCode === null) {
                return; // signed in online, then the network went: the form stays as typed until it is back
            }
            keep({
                clientId: newId(), code: offlineCode, forumId: parseInt(ideaForm.elements.forum.value, 10),
                title: ideaForm.elements.title.value, body: ideaForm.elements.body.value
            });
        });
    }

    const reactForm = document.getElementById('kiosk-react-form');
    if (reactForm) {
        reactForm.addEventListener('submit', event => {
            if (offlineCode === null && navigator.onLine) {
                return;
            }
            event.preventDefault();
            if (offlineCode === null) {
                return;
            }
            const kind = event.submitter ? event.submitter.value : 'PASS';
            keep({clientId: newId(), code: offlineCode, postId: parseInt(reactForm.elements.post.value, 10),
                kind: kind});
        });
    }

    window.addEventListener('online', flush);
    if (root.dataset.signedIn === 'true') {
        startCountdown();
    }
    show('');
    flush();

    // The service worker keeps the signed-out screen, so the kiosk opens even while the network is gone.
    if ('serviceWorker' in navigator) {
        navigator.serviceWorker.register('/kiosk/sw.js', {scope: '/kiosk/'}).catch(() => {});
    }
})();
