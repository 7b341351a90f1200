/** Picks the action's conform reply for one of several forms on a page (by intent, and row id for row forms). */
import type { FormReply } from "~/utils/http.server";

export function replyFor(data: unknown, intent: string, row?: { key: string; id: number }): FormReply | undefined {
  if (!data || typeof data !== "object" || !("status" in data || "initialValue" in data)) return undefined;
  const r = data as FormReply;
  const iv = (r.initialValue ?? {}) as Record<string, unknown>;
  if (iv.intent !== intent) return undefined;
  if (row && String(iv[row.key]) !== String(row.id)) return undefined;
  return r;
}
