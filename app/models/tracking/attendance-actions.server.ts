/**
 * The action glue of the check-in lists (training and visit day): parses one person's status,
 * records it, and answers a redirect back to the list (keeping the search) or a message key.
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
  const { applicationId, status, note, reason, q } = parsed.data;
  try {
    recordAttendance(actor, subject, { applicationId, status, note, reason });
  } catch (e) {
    if (e instanceof NotFoundError) notFound();
    if (e instanceof RuleError) return json({ error: messageKey(e.key, e.params), applicationId }, { status: 409 });
    throw e;
  }
  const url = new URL(request.url);
  return redirect(`${url.pathname}${q ? `?q=${encodeURIComponent(q)}` : ""}`);
}
