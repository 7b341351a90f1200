/**
 * The check-in list's side of the offline queue (./queue.ts): the marks waiting on this device,
 * a `mark` function that stores a tap and tries to send it, and sending on page load, when the
 * connection returns (`online`) and on "Send now" (and by the service worker's Background Sync,
 * ./sw.ts). After marks reach the server, here or there, the page's data is reloaded, so counts
 * and "recorded by" lines are the server's.
 */
import { useLocation, useMatches, useRevalidator } from "@remix-run/react";
import { useCallback, useEffect, useState } from "react";
import { enqueue, flushQueue, newClientId, onQueueChange, queuedMarks, type FlushResult, type QueuedMark } from "./queue";

export type MarkQueue = {
  /** Every mark waiting on this device (all lists). */
  waiting: QueuedMark[];
  /** This page's latest waiting mark per person. */
  latestFor: (applicationId: number) => QueuedMark | undefined;
  /** Message keys of marks the server refused, per person (until the next tap). */
  refused: Record<number, string>;
  /** People whose mark from this device was older than another device's, which stays (until the next tap). */
  superseded: Record<number, true>;
  loginNeeded: boolean;
  mark: (input: { applicationId: number; status: string; note?: string }) => Promise<void>;
  /**
   * Queues a scanned or typed check-in code (issue 14 item 5) and tries to send it; resolves with
   * the server's refusal (a message key, also shown under `refused[0]`) or null (sent or waiting).
   */
  markCode: (code: string) => Promise<string | null>;
  sendNow: () => Promise<FlushResult>;
};

export function useMarkQueue(): MarkQueue {
  const matches = useMatches();
  const { pathname } = useLocation();
  const revalidator = useRevalidator();
  const routeId = matches[matches.length - 1]?.id ?? "";
  const [waiting, setWaiting] = useState<QueuedMark[]>([]);
  const [refused, setRefused] = useState<Record<number, string>>({});
  const [superseded, setSuperseded] = useState<Record<number, true>>({});
  const [loginNeeded, setLoginNeeded] = useState(false);

  const reload = useCallback(() => {
    queuedMarks().then(setWaiting, () => setWaiting([]));
  }, []);

  const sendNow = useCallback(async () => {
    const r = await flushQueue();
    setLoginNeeded(r.loginNeeded);
    if (r.refused.length) {
      setRefused((old) => ({ ...old, ...Object.fromEntries(r.refused.map((x) => [x.mark.applicationId, x.error])) }));
    }
    if (r.superseded.length) {
      setSuperseded((old) => ({ ...old, ...Object.fromEntries(r.superseded.map((m) => [m.applicationId, true as const])) }));
    }
    if (r.sent || r.refused.length) revalidator.revalidate();
    return r;
    // revalidator changes identity on every render; the latest one is the one to call.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    reload();
    const off = onQueueChange((change) => {
      reload();
      // Marks sent by the service worker or another tab: show the server's list, and say which of
      // this page's marks another device's later mark outranked.
      const mine = change.superseded.filter((m) => m.page === location.pathname);
      if (mine.length) setSuperseded((old) => ({ ...old, ...Object.fromEntries(mine.map((m) => [m.applicationId, true as const])) }));
      if (change.sent) revalidator.revalidate();
    });
    const online = () => void sendNow();
    window.addEventListener("online", online);
    // sendNow sets state only after its requests settle, never synchronously in this effect.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    if (navigator.onLine) void sendNow();
    // A connection that only seems back (the first request still fails) sends nothing: try again
    // every 20 s while marks wait and the browser believes it is online.
    const retry = window.setInterval(() => {
      if (navigator.onLine)
        queuedMarks().then(
          (m) => {
            if (m.length) void sendNow();
          },
          () => undefined,
        );
    }, 20_000);
    return () => {
      off();
      window.removeEventListener("online", online);
      window.clearInterval(retry);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [reload, sendNow]);

  const mark = useCallback(
    async (input: { applicationId: number; status: string; note?: string }) => {
      setRefused((old) => {
        const { [input.applicationId]: _gone, ...rest } = old;
        return rest;
      });
      setSuperseded((old) => {
        const { [input.applicationId]: _gone, ...rest } = old;
        return rest;
      });
      await enqueue({
        clientId: newClientId(),
        url: `${pathname}?_data=${encodeURIComponent(routeId)}`,
        page: pathname,
        applicationId: input.applicationId,
        status: input.status,
        note: input.note,
        markedAt: new Date().toISOString(),
      });
      if (navigator.onLine) await sendNow();
    },
    [pathname, routeId, sendNow],
  );

  const markCode = useCallback(
    async (code: string) => {
      setRefused((old) => {
        const { 0: _gone, ...rest } = old;
        return rest;
      });
      const clientId = newClientId();
      await enqueue({
        clientId,
        url: `${pathname}?_data=${encodeURIComponent(routeId)}`,
        page: pathname,
        applicationId: 0,
        status: "present",
        code,
        markedAt: new Date().toISOString(),
      });
      if (!navigator.onLine) return null;
      const r = await sendNow();
      return r.refused.find((x) => x.mark.clientId === clientId)?.error ?? null;
    },
    [pathname, routeId, sendNow],
  );

  const latestFor = useCallback(
    (applicationId: number) => {
      let last: QueuedMark | undefined;
      for (const m of waiting) if (m.page === pathname && m.applicationId === applicationId) last = m;
      return last;
    },
    [waiting, pathname],
  );

  return { waiting, latestFor, refused, superseded, loginNeeded, mark, markCode, sendNow };
}
