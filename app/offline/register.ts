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
  if (!isOfflinePage(location.pathname)) return;
  window.addEventListener("load", async () => {
    try {
      const registration = await navigator.serviceWorker.ready;
      const own = performance
        .getEntriesByType("resource")
        .map((e) => e.name)
        .filter((u) => u.startsWith(`${location.origin}/build/`) || u.startsWith(`${location.origin}/locales/`));
      own.push(`${location.origin}/locales/${encodeURIComponent(document.documentElement.lang || "en")}`);
      registration.active?.postMessage({ type: "CACHE_URLS", payload: { urlsToCache: [location.href, ...own] } });
    } catch {
      // Offline already, or storage refused: the page still works online.
    }
  });
}
