/**
 * The action glue of the check-in lists (training and visit day): parses one person's status,
 * records it, and answers a redirect back to the list (keeping the search) or a message key.
 * A mark sent from the device's queue (it carries `clientId`, issue 14) gets JSON instead of a
 * redirect: `{ ok: true, replay, superseded }` (superseded: another device's later mark stays), or `{ error }` with 400/409 (the page drops such a mark and says why).
 */
import { json, redirect } from "@remix-run/node";
import { checkInSchema, codeCheckInSchema } from "../../forms/attendance";
import { messageKey, notFound } from "../../utils/http.server";
import type { Actor } from "../actor";
import { recordAttendance, type Subject } from "./attendance.server";
import { NotFoundError, RuleError } from "../errors";
import { checkInByCode } from "./checkin-tokens.server";

export async function checkInAction(actor: Actor, subject: Subject, request: Request, form: FormData) {
  if (form.get("intent") === "checkin-code") return codeCheckInAction(actor, subject, request, form);
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

/**
 * "Scan a check-in code" (issue 14 item 5): the scanned token or typed short code marks its person
 * present. Without JavaScript: a redirect back with `?checked=<name>` on success, else
 * `{ codeError, code }` with 400 (the typed value kept). From the device's queue (`clientId`): JSON
 * `{ ok: true, applicationId, name, already, replay }`, or `{ error }` with 400.
 */
async function codeCheckInAction(actor: Actor, subject: Subject, request: Request, form: FormData) {
  const parsed = codeCheckInSchema.safeParse(Object.fromEntries(form));
  const typed = typeof form.get("code") === "string" ? String(form.get("code")).slice(0, 200) : "";
  if (!parsed.success) {
    const key = parsed.error.issues.some((i) => i.path[0] === "code") ? "tracking.qr.errors.malformed" : "tracking.errors.invalid";
    return json(form.get("clientId") ? { error: key } : { codeError: key, code: typed }, { status: 400 });
  }
  const { code, clientId, markedAt } = parsed.data;
  try {
    const r = checkInByCode(actor, subject, { code, clientId, markedAt });
    if (clientId) return json({ ok: true, replay: r.replay, superseded: false, applicationId: r.applicationId, name: r.name, already: r.already });
    const url = new URL(request.url);
    return redirect(`${url.pathname}?checked=${encodeURIComponent(r.name)}${r.already ? "&already=1" : ""}`);
  } catch (e) {
    if (e instanceof NotFoundError) notFound();
    if (e instanceof RuleError) {
      const key = messageKey(e.key, e.params);
      return json(clientId ? { error: key } : { codeError: key, code: typed }, { status: 400 });
    }
    throw e;
  }
}
