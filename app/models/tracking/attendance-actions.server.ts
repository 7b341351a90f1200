/**
 * The action glue of the check-in lists (training and visit day): parses one person's status,
 * records it, and answers a redirect back to the list (keeping the search) or a message key.
 * A mark sent from the device's queue (it carries `clientId`, issue 14) gets JSON instead of a
 * redirect: `{ ok: true, replay, superseded }` (superseded: another device's later mark stays), or `{ error }` with 400/409 (the page drops such a mark and says why).
 */
import { json, redirect } from "@remix-run/node";
import { checkInSchema } from "../../forms/attendance";
import { messageKey, notFound } from "../../utils/http.server";
import type { Actor } from "../actor";
import { recordAttendance, type Subject } from "./attendance.server";
import { NotFoundError, RuleError } from "../errors";

export async function checkInAction(actor: Actor, subject: Subject, request: Request, form: FormData) {
  const parsed = checkInSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) return json({ error: "tracking.errors.invalid", applicationId: null }, { status: 400 });
  const { applicationId, status, note, reason, q, clientId, markedAt } = parsed.data;
  let replay = false;
  let superseded = false;
  try {
    const r = recordAttendance(actor, subject, { applicationId, status, note, reason, clientId, markedAt });
    replay = "replay" in r && !!r.replay;
    superseded = "superseded" in r && !!r.superseded;
  } catch (e) {
    if (e instanceof NotFoundError) notFound();
    if (e instanceof RuleError) return json({ error: messageKey(e.key, e.params), applicationId }, { status: 409 });
    throw e;
  }
  if (clientId) return json({ ok: true, replay, superseded, applicationId });
  const url = new URL(request.url);
  return redirect(`${url.pathname}${q ? `?q=${encodeURIComponent(q)}` : ""}`);
}
