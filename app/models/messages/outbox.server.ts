/**
 * The outbox for organizers (issue 15, item 5): every message with its delivery state (queued,
 * sent, failed with the SMTP error, or recorded when no SMTP server is set) and attempts, a
 * filter by state, and resending failed messages. Delivery itself: app/mail.server.ts.
 */
import { desc, eq, sql } from "drizzle-orm";
import { db, immediate, t } from "../../db.server";
import { DELIVERY_STATES, deliveryState, deliveryStateWhere, requeueFailed, type DeliveryState } from "../../mail.server";
import { requireOrganizer, type Actor } from "../actor";
import { recordAudit } from "../audit.server";
import { NotFoundError } from "../errors";

/** Organizer: the newest `limit` messages, of one state or all, with the number of messages per state. */
export function listOutboxMessages(actor: Actor, filter: { state?: DeliveryState | null; limit?: number } = {}) {
  requireOrganizer(actor);
  const o = t.outbox;
  const rows = db()
    .select()
    .from(o)
    .where(filter.state ? deliveryStateWhere(filter.state) : undefined)
    .orderBy(desc(o.id))
    .limit(filter.limit ?? 100)
    .all();
  const counts = Object.fromEntries(
    DELIVERY_STATES.map((s) => [
      s,
      db()
        .select({ n: sql<number>`count(*)` })
        .from(o)
        .where(deliveryStateWhere(s))
        .get()?.n ?? 0,
    ]),
  ) as Record<DeliveryState, number>;
  return { messages: rows.map((r) => ({ ...r, state: deliveryState(r) })), counts };
}

/**
 * Organizer: puts one failed message (`id`) or every failed one (`"all"`) back in the queue,
 * audited; the caller then starts delivery (kickMailWorker). NotFoundError when `id` is not a
 * failed message. Returns how many were requeued.
 */
export function resendFailed(actor: Actor, id: number | "all"): number {
  requireOrganizer(actor);
  return immediate(db(), (tx) => {
    if (id !== "all") {
      const row = tx.select().from(t.outbox).where(eq(t.outbox.id, id)).get();
      if (!row || deliveryState(row) !== "failed") throw new NotFoundError("message");
    }
    const ids = requeueFailed(id === "all" ? "all" : [id], tx);
    for (const outboxId of ids) recordAudit(actor, { entityType: "outbox", entityId: outboxId, action: "resend", fromState: "failed", toState: "queued" }, tx);
    return ids.length;
  });
}
