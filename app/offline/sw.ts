/**
 * VLX service worker (issue 14), bundled by scripts/build.mjs into public/sw.js (served from the
 * root, no-cache, so its scope is the whole site). The pages people open where the signal is poor
 * load again without a connection once visited; attendance marks taken offline are sent in the
 * background when the connection returns. Caching is Workbox's routing and strategies:
 * - /build/* (content-hashed, immutable): cache first.
 * - Offline pages (host attendance lists, the participant's check-in, itinerary and certificates,
 *   each with its Remix data requests) and /locales/*: network first; a good answer (200, not a
 *   redirect to log in) is cached, and without a connection the cached copy is served.
 * - Everything else, and every non-GET request: no route, so straight to the network (never cached).
 * The page sends the URLs it loaded before the worker controlled it (CACHE_URLS message,
 * ./register.ts), so the very first visit of an offline page is available offline too.
 * Background Sync: the page registers SYNC_TAG when it queues a mark; on `sync` this worker sends
 * the same IndexedDB queue the page uses (./queue.ts). Where Background Sync is missing, the page
 * sends on load, on `online` and with "Send now".
 */
import { clientsClaim } from "workbox-core";
import { CacheableResponsePlugin } from "workbox-cacheable-response";
import { ExpirationPlugin } from "workbox-expiration";
import { Route, Router } from "workbox-routing";
import { CacheFirst, NetworkFirst } from "workbox-strategies";
import { flushQueue, SYNC_TAG } from "./queue";
import { CACHE_PREFIX, isOfflinePage } from "./paths";

/** The parts of ServiceWorkerGlobalScope used here (the project's TypeScript lib is the DOM's). */
type ExtendableEvent = Event & { waitUntil(p: Promise<unknown>): void };
type SyncEvent = ExtendableEvent & { tag: string; lastChance?: boolean };
declare const self: {
  location: Location;
  skipWaiting(): Promise<void>;
  addEventListener(type: "install" | "activate", fn: (e: ExtendableEvent) => void): void;
  addEventListener(type: "sync", fn: (e: SyncEvent) => void): void;
};

const BUILD_CACHE = `${CACHE_PREFIX}build-v2`;
const PAGES_CACHE = `${CACHE_PREFIX}pages-v2`;

/** Only a page really shown is kept: not one reached through a redirect (to log in), not an opaque answer. */
const notRedirected = {
  cacheWillUpdate: async ({ response }: { response: Response }) => (response.redirected || response.type !== "basic" ? null : response),
};

const router = new Router();
const sameOrigin = (url: URL) => url.origin === self.location.origin;

type Match = { url: URL; request: Request };

router.registerRoute(
  new Route(
    ({ url, request }: Match) => request.method === "GET" && sameOrigin(url) && url.pathname.startsWith("/build/"),
    new CacheFirst({
      cacheName: BUILD_CACHE,
      plugins: [new CacheableResponsePlugin({ statuses: [200] }), new ExpirationPlugin({ maxEntries: 400, purgeOnQuotaError: true })],
    }),
  ),
);

router.registerRoute(
  new Route(
    ({ url, request }: Match) => request.method === "GET" && sameOrigin(url) && (isOfflinePage(url.pathname) || url.pathname.startsWith("/locales/")),
    new NetworkFirst({
      cacheName: PAGES_CACHE,
      plugins: [
        new CacheableResponsePlugin({ statuses: [200] }),
        notRedirected,
        new ExpirationPlugin({ maxEntries: 200, maxAgeSeconds: 30 * 24 * 3600, purgeOnQuotaError: true }),
      ],
    }),
  ),
);

router.addFetchListener();
router.addCacheListener();

self.addEventListener("install", () => void self.skipWaiting());
clientsClaim();

// Caches of earlier versions of this worker (the hand-written v1 among them) are dropped.
self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith(CACHE_PREFIX) && k !== BUILD_CACHE && k !== PAGES_CACHE).map((k) => caches.delete(k)))),
  );
});

self.addEventListener("sync", (event) => {
  if (event.tag !== SYNC_TAG) return;
  event.waitUntil(
    flushQueue().then((r) => {
      // Still no connection: fail, so the browser tries again later. A session that expired keeps
      // the marks queued; the page asks to log in again when it is opened, then sends them.
      if (r.offline) throw new Error("marks not sent: offline");
    }),
  );
});
