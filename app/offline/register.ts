/**
 * Installs the service worker (/sw.js, built from ./sw.ts, issue 14) and, on a page meant to open
 * offline, asks it to store that page and the scripts and translations it loaded (Workbox's
 * CACHE_URLS message, routed through the worker's own caching rules): the worker does not control
 * the very first load, so without this the first visit would not be available offline.
 * Costs nothing where service workers are missing.
 */
import { isOfflinePage } from "./paths";

export function registerServiceWorker(): void {
  if (!("serviceWorker" in navigator) || !window.isSecureContext) return;
  navigator.serviceWorker.register("/sw.js").catch(() => undefined);
  // Every page hands over the scripts it loaded (the Intl polyfill of its language among them):
  // a participant who first opened /me, then went on to the itinerary by a link (no new page
  // load), would otherwise have the itinerary offline without its language's polyfill. Only an
  // offline page hands over itself.
  const offlinePage = isOfflinePage(location.pathname);
  const ours = (u: string) => u.startsWith(`${location.origin}/build/`) || u.startsWith(`${location.origin}/locales/`);
  const send = async (urls: string[]) => {
    try {
      const registration = await navigator.serviceWorker.ready;
      if (urls.length) registration.active?.postMessage({ type: "CACHE_URLS", payload: { urlsToCache: urls } });
    } catch {
      // Offline already, or storage refused: the page still works online.
    }
  };
  window.addEventListener("load", () => {
    const own = performance
      .getEntriesByType("resource")
      .map((e) => e.name)
      .filter(ours);
    own.push(`${location.origin}/locales/${encodeURIComponent(document.documentElement.lang || "en")}`);
    void send(offlinePage ? [location.href, ...own] : own);
  });
  // Scripts loaded later, above all the page language's Intl polyfill and its locale data
  // (app/intl-polyfill/, imported on demand before hydration, which can finish after `load`):
  // without them a page opened offline hydrated with English dates and numbers (issue 11).
  if (typeof PerformanceObserver === "function") {
    try {
      new PerformanceObserver(
        (list) =>
          void send(
            list
              .getEntries()
              .map((e) => e.name)
              .filter(ours),
          ),
      ).observe({ type: "resource" });
    } catch {
      // An old browser without resource observation: the `load` list above still applies.
    }
  }
}
