/**
 * The pages that open without a connection once visited (issue 14): host attendance lists, the
 * participant's check-in, itinerary and certificates. Shared by the service worker (./sw.ts) and
 * the page that asks it to store its first visit (./register.ts).
 */
const OFFLINE_PAGES = [/^\/attendance\//, /^\/me\/check-in$/, /^\/me\/itinerary$/, /^\/me\/certificates\//];

/** Prefix of every Cache Storage cache of the service worker (older versions are dropped on activate). */
export const CACHE_PREFIX = "vlx-offline-";

/** Whether a path (no query) is one of the pages kept for offline use. */
export function isOfflinePage(pathname: string): boolean {
  return OFFLINE_PAGES.some((re) => re.test(pathname));
}
