/**
 * Withdrawal of an application, or its rejection after acceptance, frees the person's seats
 * (docs/design.md "Life cycles", issue 12 item 4): every seat-holding placement (proposed, offered,
 * accepted) becomes `cancelled`, so the visit has room again and the host's "who is coming" list
 * (which lists seat-holding placements) no longer shows her; every training enrolment (seat or
 * waiting-list place) becomes `cancelled`, and each freed training seat goes to the head of that
 * training's waiting list. Each change writes an audit event.
 */
import { and, eq, inArray, ne } from "drizzle-orm";
import { SEAT_HOLDING } from "../../../db/schema/hosts";
import { t, type Db } from "../../db.server";
import type { Actor } from "../actor";
import { recordAudit } from "../audit.server";
import { fillSeats } from "../training/enrolments.server";

/**
 * Releases every seat of application `applicationId` inside the caller's BEGIN IMMEDIATE
 * transaction `tx` (the one that changed the application's status), with `why` ("withdraw" or
 * "reject") recorded in each audit event. Returns the placement ids cancelled and the
 * application ids promoted from training waiting lists.
 */
export function releaseSeats(tx: Db, actor: Pick<Actor, "id">, applicationId: number, why: string) {
  const now = new Date().toISOString();
  const held = tx
    .select()
    .from(t.placements)
    .where(and(eq(t.placements.applicationId, applicationId), inArray(t.placements.status, SEAT_HOLDING)))
    .all();
  for (const p of held) {
    tx.update(t.placements).set({ status: "cancelled", updatedAt: now }).where(eq(t.placements.id, p.id)).run();
    recordAudit(
      actor,
      {
        entityType: "placement",
        entityId: p.id,
        action: "cancel",
        fromState: p.status,
        toState: "cancelled",
        reason: `application ${why}`,
        details: { applicationId, visitId: p.visitId },
      },
      tx,
    );
  }
  const enrolments = tx
    .select()
    .from(t.trainingEnrolments)
    .where(and(eq(t.trainingEnrolments.applicationId, applicationId), ne(t.trainingEnrolments.status, "cancelled")))
    .all();
  const promoted: number[] = [];
  for (const e of enrolments) {
    tx.update(t.trainingEnrolments).set({ status: "cancelled", position: null, updatedAt: now }).where(eq(t.trainingEnrolments.id, e.id)).run();
    recordAudit(
      actor,
      {
        entityType: "training_enrolment",
        entityId: e.trainingSessionId,
        action: "leave",
        fromState: e.status,
        toState: "cancelled",
        reason: `application ${why}`,
        details: { applicationId },
      },
      tx,
    );
    for (const p of fillSeats(tx, e.trainingSessionId)) {
      promoted.push(p);
      recordAudit(
        actor,
        {
          entityType: "training_enrolment",
          entityId: e.trainingSessionId,
          action: "promote",
          fromState: "waitlisted",
          toState: "enrolled",
          details: { applicationId: p },
        },
        tx,
      );
    }
  }
  return { cancelledPlacements: held.map((p) => p.id), promoted };
}
