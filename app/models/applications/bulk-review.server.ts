/**
 * Review at scale (issue 15, item 6): one organizer decision (accept, waitlist, reject with one
 * reason) on many applications at once. Each row goes through the single-application use case
 * `decide` (review.server.ts), so it obeys the same life cycle (app/domain/application-lifecycle.ts),
 * the same ended-edition rule, the same reason rule, writes the same audit event and mails the
 * applicant the same way. Each row is its own BEGIN IMMEDIATE transaction: a refused row changes
 * nothing and never stops the others, and no row is ever half-written.
 */
import { inArray } from "drizzle-orm";
import { db, t } from "../../db.server";
import { requireOrganizer, type Actor } from "../actor";
import { FieldErrors, messageKey, NotFoundError, RuleError } from "../errors";
import { decide, nameOf } from "./review.server";

/** At most this many applications in one bulk decision (a page of the list is 50). */
export const BULK_MAX = 200;

export type BulkOutcome =
  { id: number; name: string; ok: true; from: string; to: string } | { id: number; name: string; ok: false; from: string | null; error: string };

/**
 * Organizer: takes `action` on every application of `ids` (duplicates once, in the order given),
 * with `reason` for each (required to reject). Returns one outcome per id: `ok` with the status
 * before and after, or refused with a message key (as `messageKey` writes it): "review.bulk.notFound"
 * (no such application: out of scope), review.server decisionRefusal's keys (wrong state, naming why:
 * "errors.awaitsEndorsement" for one the focal point has not endorsed yet), "errors.editionEndedDecision",
 * "apply.errors.reasonRequired" (reject without a reason). Throws NotFoundError for a non-organizer
 * before touching anything. An unexpected error on one row propagates after the rows before it committed.
 */
export async function bulkDecide(actor: Actor, ids: number[], action: "accept" | "waitlist" | "reject", reason?: string | null): Promise<BulkOutcome[]> {
  requireOrganizer(actor);
  const unique = [...new Set(ids)].slice(0, BULK_MAX);
  const before = new Map((unique.length ? db().select().from(t.applications).where(inArray(t.applications.id, unique)).all() : []).map((a) => [a.id, a]));
  const out: BulkOutcome[] = [];
  for (const id of unique) {
    const app = before.get(id);
    const name = app ? nameOf(app).name : "";
    if (!app) {
      out.push({ id, name, ok: false, from: null, error: "review.bulk.notFound" });
      continue;
    }
    try {
      await decide(actor, id, action, reason);
      const now = db()
        .select({ status: t.applications.status })
        .from(t.applications)
        .where(inArray(t.applications.id, [id]))
        .get();
      out.push({ id, name, ok: true, from: app.status, to: now?.status ?? app.status });
    } catch (e) {
      if (e instanceof NotFoundError) out.push({ id, name, ok: false, from: app.status, error: "review.bulk.notFound" });
      else if (e instanceof RuleError) out.push({ id, name, ok: false, from: app.status, error: messageKey(e.key, e.params) });
      else if (e instanceof FieldErrors) out.push({ id, name, ok: false, from: app.status, error: Object.values(e.fields).flat()[0] ?? "errors.invalid" });
      else throw e;
    }
  }
  return out;
}
