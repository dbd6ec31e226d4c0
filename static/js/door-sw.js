/* The door's offline worker (served from the door's own path, so its scope is the door).
   The page tells it which files it is made of; they are kept here and served when the
   hall's network is down. The roster and the queue of check-ins live in IndexedDB (door.js). */
var CACHE = "door-v1";

self.addEventListener("install", function () { self.skipWaiting(); });
self.addEventListener("activate", function (event) { event.waitUntil(self.clients.claim()); });

self.addEventListener("message", function (event) {
  var urls = (event.data && event.data.cache) || [];
  event.waitUntil(caches.open(CACHE).then(function (cache) {
    return Promise.all(urls.map(function (url) {
      return fetch(url, { credentials: "same-origin" }).then(function (response) {
        if (response.ok) return cache.put(url, response);
      }).catch(function () {});
    }));
  }));
});

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET") return;  // check-ins are queued by the page, not here
  var url = new URL(request.url);
  if (url.origin !== self.location.origin || url.pathname.endsWith("roster.json")) return;
  // Network first (the page and files stay current), the kept copy when the network is down.
  event.respondWith(fetch(request).then(function (response) {
    if (response.ok && (request.mode === "navigate" || url.pathname.indexOf("/static/") === 0)) {
      var copy = response.clone();
      caches.open(CACHE).then(function (cache) { cache.put(request.url.split("#")[0], copy); });
    }
    return response;
  }).catch(function () {
    return caches.match(request.url.split("#")[0], { ignoreSearch: request.mode === "navigate" }).then(function (hit) {
      return hit || new Response("Không có mạng và trang này chưa được lưu trên máy.", {
        status: 503, headers: { "Content-Type": "text/plain; charset=utf-8" } });
    });
  }));
});
