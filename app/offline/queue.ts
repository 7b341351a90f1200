/**
 * Attendance marks waiting to be sent (issue 14): every mark a host taps on a check-in list (with
 * JavaScript) is first stored on the device in IndexedDB (idb-keyval, store "vlx-offline"/"marks")
 * and then sent; it leaves the device only once the server has answered. So nothing is lost to a
 * dropped connection, a reload or a closed browser, and the list can be worked through with no
 * signal at all. Each mark carries a random `clientId`: the server ignores a second arrival of the
 * same id (models/tracking/attendance.server.ts), so sending again after an unclear answer is safe.
 *
 * Sent on page load, on the browser's `online` event and right after each tap (useMarkQueue), and,
 * where the browser has Background Sync, by the service worker (./sw.ts) when the connection
 * returns, even with no page open. Works in a page and in the service worker; browser-only: call
 * these functions from effects and event handlers, never while rendering on the server.
 */
import { createStore, del, entries, set } from "idb-keyval";

export type QueuedMark = {
  clientId: string;
  /** The list's Remix data URL the mark is posted to (`/attendance/...?_data=<route id>`). */
  url: string;
  /** The list page's path, to show a page's own waiting marks. */
  page: string;
  /** The person marked; 0 for a scanned or typed check-in code, which the server resolves (`code`). */
  applicationId: number;
  status: string;
  /** A scanned QR token or typed short code (issue 14 item 5): marks its person present when sent. */
  code?: string;
  note?: string;
  /** UTC ISO instant on the device's clock. */
  markedAt: string;
};

/**
 * What one send round did: marks sent, marks the server refused (with its message key), marks it
 * took but kept another device's later mark for (`superseded`), and whether to log in again.
 */
export type FlushResult = {
  sent: number;
  refused: { mark: QueuedMark; error: string }[];
  superseded: QueuedMark[];
  loginNeeded: boolean;
  offline: boolean;
};

/** The Background Sync tag the page registers and the service worker answers. */
export const SYNC_TAG = "vlx-marks";
const CHANGED = "vlx-marks-changed";
/** Tells every open page (this tab too) that the queue changed, also when the service worker sent it. */
const CHANNEL = "vlx-marks";
let store: ReturnType<typeof createStore> | undefined;
const marks = () => (store ??= createStore("vlx-offline", "marks"));

/** What a queue change tells the pages: whether marks reached the server, and those another device's later mark outranked. */
export type QueueChange = { sent: boolean; superseded: Pick<QueuedMark, "page" | "applicationId">[] };

function changed(change: QueueChange = { sent: false, superseded: [] }) {
  if (typeof window !== "undefined") window.dispatchEvent(new Event(CHANGED));
  if (typeof BroadcastChannel === "function") {
    const bc = new BroadcastChannel(CHANNEL);
    bc.postMessage(change);
    bc.close();
  }
}

/**
 * Calls `fn` whenever the queue changes: in this tab, another tab or the service worker (whose
 * sends report what reached the server there). Returns the unsubscribe function.
 */
export function onQueueChange(fn: (change: QueueChange) => void): () => void {
  const local = () => fn({ sent: false, superseded: [] });
  window.addEventListener(CHANGED, local);
  const bc = typeof BroadcastChannel === "function" ? new BroadcastChannel(CHANNEL) : null;
  bc?.addEventListener("message", (e: MessageEvent<QueueChange>) => fn({ sent: !!e.data?.sent, superseded: e.data?.superseded ?? [] }));
  return () => {
    window.removeEventListener(CHANGED, local);
    bc?.close();
  };
}

type SyncRegistration = ServiceWorkerRegistration & { sync?: { register(tag: string): Promise<void> } };

/**
 * Asks the browser to wake the service worker when the connection is back (Background Sync), so
 * the queue is sent even if no page is open then. Does nothing where Background Sync or a service
 * worker is missing (the page sends on its next load instead).
 */
export async function requestBackgroundSync(): Promise<void> {
  try {
    const registration = (await navigator.serviceWorker?.getRegistration()) as SyncRegistration | undefined;
    if (registration?.active && registration.sync) await registration.sync.register(SYNC_TAG);
  } catch {
    // Refused (permission, private mode): the page sends the marks itself.
  }
}

/** A random id for a new mark (crypto.randomUUID where the page is a secure context). */
export function newClientId(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
}

/** Stores a mark on the device. */
export async function enqueue(mark: QueuedMark): Promise<void> {
  await set(mark.clientId, mark, marks());
  changed();
  await requestBackgroundSync();
}

/** Every waiting mark, oldest first (by device time). */
export async function queuedMarks(): Promise<QueuedMark[]> {
  const all = (await entries<string, QueuedMark>(marks())).map(([, m]) => m);
  return all.sort((a, b) => (a.markedAt < b.markedAt ? -1 : a.markedAt > b.markedAt ? 1 : 0));
}

let running: Promise<FlushResult> | null = null;

/**
 * Sends the waiting marks one by one, oldest first. A mark leaves the queue when the server took
 * it (or had it already), or refused it for good (400/404/409/410: reported in `refused`). A
 * network failure stops the round (`offline`); a log-in redirect stops it too (`loginNeeded`),
 * keeping the marks for after logging in. Concurrent calls share one round.
 */
export function flushQueue(): Promise<FlushResult> {
  running ??= (async () => {
    const result: FlushResult = { sent: 0, refused: [], superseded: [], loginNeeded: false, offline: false };
    try {
      for (const mark of await queuedMarks()) {
        const body = mark.code
          ? new URLSearchParams({ intent: "checkin-code", code: mark.code, clientId: mark.clientId, markedAt: mark.markedAt })
          : new URLSearchParams({ applicationId: String(mark.applicationId), status: mark.status, clientId: mark.clientId, markedAt: mark.markedAt });
        if (mark.note !== undefined) body.set("note", mark.note);
        let res: Response;
        try {
          res = await fetch(mark.url, { method: "POST", body, credentials: "same-origin", headers: { Accept: "application/json" } });
        } catch {
          result.offline = true;
          break;
        }
        const json = (res.headers.get("Content-Type") ?? "").includes("application/json") ? await res.json().catch(() => null) : null;
        if (res.ok && json && json.ok) {
          await del(mark.clientId, marks());
          result.sent += 1;
          if (json.superseded) result.superseded.push(mark);
        } else if ([400, 404, 409, 410].includes(res.status)) {
          await del(mark.clientId, marks());
          result.refused.push({ mark, error: typeof json?.error === "string" ? json.error : "tracking.offline.refused" });
        } else {
          // A redirect to log in (Remix answers 204 + X-Remix-Redirect to a data request), or a server failure: keep it.
          result.loginNeeded = res.status === 204 || res.status === 401 || res.status === 403;
          if (!result.loginNeeded) result.offline = true;
          break;
        }
      }
    } finally {
      running = null;
      changed({
        sent: result.sent > 0 || result.refused.length > 0,
        superseded: result.superseded.map((m) => ({ page: m.page, applicationId: m.applicationId })),
      });
    }
    return result;
  })();
  return running;
}
