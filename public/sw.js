/*
 * VLX service worker (issue 14): the pages people open where the signal is poor load again without
 * a connection once visited. Served from the root (/sw.js, no-cache) so its scope is the whole site.
 *
 * Strategy, deliberately small:
 * - /build/* (content-hashed, immutable): cache first, cached as fetched.
 * - Offline pages (host attendance lists, the participant's check-in, itinerary and certificate,
 *   each with its Remix data requests) and /locales/*: network first; a good answer is cached,
 *   and without a connection the cached copy is served.
 * - Everything else, and every non-GET request: straight to the network (never cached). Marks
 *   taken offline are not replayed here: the page queues them in IndexedDB (app/offline/) and
 *   sends them itself, so the person sees what is waiting.
 * The page also stores its own document and scripts right after the first visit
 * (app/offline/register.client.ts), since the worker does not yet control that first load.
 */
const CACHE = "vlx-offline-v1";
const OFFLINE_PATHS = [/^\/attendance\//, /^\/me\/check-in$/, /^\/me\/itinerary$/, /^\/me\/certificates\//, /^\/locales\//];

self.addEventListener("install", () => self.skipWaiting());

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith("vlx-offline-") && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

async function cacheFirst(request) {
  const cache = await caches.open(CACHE);
  const hit = await cache.match(request);
  if (hit) return hit;
  const res = await fetch(request);
  if (res.ok) cache.put(request, res.clone());
  return res;
}

async function networkFirst(request) {
  const cache = await caches.open(CACHE);
  try {
    const res = await fetch(request);
    // Only a page really shown (not a redirect to log in, not an error) replaces the copy.
    if (res.ok && !res.redirected && res.type === "basic") await cache.put(request, res.clone());
    return res;
  } catch (e) {
    const hit = await cache.match(request);
    if (hit) return hit;
    throw e;
  }
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (url.pathname.startsWith("/build/")) {
    event.respondWith(cacheFirst(request));
  } else if (OFFLINE_PATHS.some((re) => re.test(url.pathname))) {
    event.respondWith(networkFirst(request));
  }
});
