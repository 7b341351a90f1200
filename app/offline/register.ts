/**
 * Installs the service worker (public/sw.js, issue 14) and, on a page meant to open offline,
 * stores that page and the scripts it loaded in the worker's cache right away: the worker does not
 * control the very first load, so without this the first visit would not be available offline.
 * OFFLINE_PAGES and CACHE must match public/sw.js. Costs nothing where service workers are missing.
 */
const CACHE = "vlx-offline-v1";
const OFFLINE_PAGES = [/^\/attendance\//, /^\/me\/check-in$/, /^\/me\/itinerary$/, /^\/me\/certificates\//];

export function registerServiceWorker(): void {
  if (!("serviceWorker" in navigator) || !window.isSecureContext) return;
  navigator.serviceWorker.register("/sw.js").catch(() => undefined);
  if (!OFFLINE_PAGES.some((re) => re.test(location.pathname))) return;
  window.addEventListener("load", async () => {
    try {
      await navigator.serviceWorker.ready;
      const cache = await caches.open(CACHE);
      const own = performance
        .getEntriesByType("resource")
        .map((e) => e.name)
        .filter((u) => u.startsWith(`${location.origin}/build/`) || u.startsWith(`${location.origin}/locales/`));
      own.push(`${location.origin}/locales/${encodeURIComponent(document.documentElement.lang || "en")}`);
      const missing: string[] = [];
      for (const u of own) if (!(await cache.match(u))) missing.push(u);
      await Promise.all([cache.add(location.href), ...missing.map((u) => cache.add(u))]);
    } catch {
      // Offline already, or storage refused: the page still works online.
    }
  });
}
