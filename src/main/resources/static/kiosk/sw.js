// The kiosk's service worker: the screen, its stylesheet and script come from the network when there is one and from
// this cache when there is not. Only the signed-out screen is kept (the server marks it), never a person's.
'use strict';
const CACHE = 'incrowd-kiosk-v1';
const SCREEN = '/kiosk/screen';

self.addEventListener('install', event => {
    self.skipWaiting();
});

self.addEventListener('activate', event => {
    event.waitUntil(self.clients.claim());
});

self.addEventListener('fetch', event => {
    const request = event.request;
    const url = new URL(request.url);
    if (request.method !== 'GET' || url.origin !== self.location.origin) {
        return;
    }
    const isScreen = url.pathname === SCREEN;
    const isAsset = url.pathname.startsWith('/css/') || url.pathname.startsWith('/js/')
        || url.pathname.startsWith('/favicon');
    if (!isScreen && !isAsset) {
        return;
    }
    event.respondWith(fetch(request).then(response => {
        if (response.ok && (isAsset || response.headers.get('X-Kiosk-State') === 'signed-out')) {
            const copy = response.clone();
            caches.open(CACHE).then(cache => cache.put(isScreen ? SCREEN : request, copy));
        }
        return response;
    }).catch(() => caches.open(CACHE).then(cache => cache.match(isScreen ? SCREEN : request))
        .then(cached => cached || Response.error())));
});
