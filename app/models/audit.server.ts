/** Audit events (docs/design.md): who changed what, when, from what to what, and why. */
import { and, asc, eq } from "drizzle-orm";
import { db, t, type Db } from "../db.server";
import type { Actor } from "./actor";

export type AuditInput = {
  entityType: string;
  entityId: number;
  action: string;
  fromState?: string | null;
  toState?: string | null;
  reason?: string | null;
  details?: Record<string, unknown>;
};

/** Writes one audit event; pass `tx` to write inside the caller's transaction. */
export function recordAudit(actor: Pick<Actor, "id"> | null, e: AuditInput, tx: Db = db()) {
  tx.insert(t.auditEvents)
    .values({
      actorUserId: actor?.id ?? null,
      entityType: e.entityType,
      entityId: e.entityId,
      action: e.action,
      fromState: e.fromState ?? null,
      toState: e.toState ?? null,
      reason: e.reason ?? null,
      details: e.details ?? null,
    })
    .run();
}

/** The events of one record, oldest first, with the actor's display name. Scope is the caller's job. */
export function auditTrail(entityType: string, entityId: number) {
  return db()
    .select({
      id: t.auditEvents.id,
      at: t.auditEvents.at,
      action: t.auditEvents.action,
      fromState: t.auditEvents.fromState,
      toState: t.auditEvents.toState,
      reason: t.auditEvents.reason,
      actorName: t.users.displayName,
    })
    .from(t.auditEvents)
    .leftJoin(t.users, eq(t.users.id, t.auditEvents.actorUserId))
    .where(and(eq(t.auditEvents.entityType, entityType), eq(t.auditEvents.entityId, entityId)))
    .orderBy(asc(t.auditEvents.id))
    .all();
}
