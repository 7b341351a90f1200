/**
 * Enrolment in trainings open to enrolment (audience 'enrol'): a seat while the capacity lasts,
 * else a place on the waiting list; when a seat frees (someone leaves, the capacity grows) the
 * next on the list is promoted. The count and the write happen in one BEGIN IMMEDIATE
 * transaction, so the last seat is never given twice however many enrol at the same instant
 * (docs/design.md invariant 1, applied to training seats). Participant ids are application ids.
 */
import { and, asc, eq, sql } from "drizzle-orm";
import { db, immediate, t, type Db } from "../../db.server";
import { displayName } from "../../domain/names";
import { formatInterval } from "../../domain/training";
import type { Actor } from "../actor";
import { recordAudit } from "../audit.server";
import { NotFoundError, RuleError } from "../errors";
import { trainingInScope } from "./trainings.server";
import { audienceOf, loadEditionSchedule } from "./conflicts.server";
import { enrolInTx as enrolSeat, type EnrolmentResult } from "./enrolment-seats.server";

export { enrolApplication, type EnrolmentResult } from "./enrolment-seats.server";

function enrolInTx(tx: Db, trainingId: number, applicationId: number): EnrolmentResult {
  const r = enrolSeat(tx, trainingId, applicationId);
  if (!r) throw new NotFoundError("training");
  return r;
}

/**
 * Promotes people from the head of the waiting list while seats are free, then renumbers the
 * list 1..n. Returns the promoted application ids. Inside the caller's transaction.
 */
export function fillSeats(tx: Db, trainingId: number, now = new Date()): number[] {
  const training = tx.select({ capacity: t.trainingSessions.capacity }).from(t.trainingSessions).where(eq(t.trainingSessions.id, trainingId)).get();
  if (!training) return [];
  const taken = tx
    .select({ n: sql<number>`count(*)` })
    .from(t.trainingEnrolments)
    .where(and(eq(t.trainingEnrolments.trainingSessionId, trainingId), eq(t.trainingEnrolments.status, "enrolled")))
    .get()!.n;
  const waiting = tx
    .select()
    .from(t.trainingEnrolments)
    .where(and(eq(t.trainingEnrolments.trainingSessionId, trainingId), eq(t.trainingEnrolments.status, "waitlisted")))
    .orderBy(asc(t.trainingEnrolments.position), asc(t.trainingEnrolments.id))
    .all();
  const free = training.capacity === null ? waiting.length : Math.max(0, training.capacity - taken);
  const at = now.toISOString();
  const promoted = waiting.slice(0, free);
  for (const w of promoted)
    tx.update(t.trainingEnrolments).set({ status: "enrolled", position: null, updatedAt: at }).where(eq(t.trainingEnrolments.id, w.id)).run();
  waiting.slice(free).forEach((w, i) => {
    if (w.position !== i + 1)
      tx.update(t.trainingEnrolments)
        .set({ position: i + 1, updatedAt: at })
        .where(eq(t.trainingEnrolments.id, w.id))
        .run();
  });
  return promoted.map((w) => w.applicationId);
}

/**
 * The actor's accepted application that may attend `training` (accepted in its edition and, for
 * a visit's training, with an accepted placement on that visit), or null.
 */
export function eligibleApplication(tx: Db, actor: Actor, training: { editionId: number; visitId: number | null }): number | null {
  const app = tx
    .select({ id: t.applications.id })
    .from(t.applications)
    .where(and(eq(t.applications.userId, actor.id), eq(t.applications.editionId, training.editionId), eq(t.applications.status, "accepted")))
    .get();
  if (!app) return null;
  if (training.visitId === null) return app.id;
  const placed = tx
    .select({ id: t.placements.id })
    .from(t.placements)
    .where(and(eq(t.placements.applicationId, app.id), eq(t.placements.visitId, training.visitId), eq(t.placements.status, "accepted")))
    .get();
  return placed ? app.id : null;
}

function openTraining(tx: Db, actor: Actor, trainingId: number) {
  const training = Number.isInteger(trainingId) ? tx.select().from(t.trainingSessions).where(eq(t.trainingSessions.id, trainingId)).get() : undefined;
  if (!training || training.status === "draft") throw new NotFoundError("training");
  const applicationId = eligibleApplication(tx, actor, training);
  if (applicationId === null) throw new NotFoundError("training");
  return { training, applicationId };
}

/**
 * The signed-in participant enrols in a scheduled 'enrol' training of theirs. Refused when the
 * training is not open to enrolment or the person is already in another training at that time
 * (the message names it and its time in the venue's zone). NotFoundError outside their scope.
 */
export function enrol(actor: Actor, trainingId: number, locale = "en-GB"): EnrolmentResult {
  return immediate(db(), (tx) => {
    const { training, applicationId } = openTraining(tx, actor, trainingId);
    if (training.audience !== "enrol" || training.status !== "scheduled") throw new RuleError("training.errors.notOpen");
    const schedule = loadEditionSchedule(tx, training.editionId);
    const s = Date.parse(training.startsAt);
    const e = Date.parse(training.endsAt);
    for (const other of schedule.trainings) {
      if (other.id === training.id || !(other.participantIds ?? []).includes(applicationId)) continue;
      if (Date.parse(other.start) < e && s < Date.parse(other.end)) {
        throw new RuleError("training.errors.enrolClash", {
          other: other.title ?? "",
          time: formatInterval(other.start, other.end, training.timeZone, { locale }),
        });
      }
    }
    const r = enrolInTx(tx, trainingId, applicationId);
    if (!r.already)
      recordAudit(
        actor,
        { entityType: "training_enrolment", entityId: trainingId, action: "enrol", toState: r.status, details: { applicationId, position: r.position } },
        tx,
      );
    return r;
  });
}

/** The participant leaves (or leaves the waiting list); a freed seat goes to the next waiting. */
export function leave(actor: Actor, trainingId: number): void {
  immediate(db(), (tx) => {
    const { applicationId } = openTraining(tx, actor, trainingId);
    const mine = tx
      .select()
      .from(t.trainingEnrolments)
      .where(and(eq(t.trainingEnrolments.trainingSessionId, trainingId), eq(t.trainingEnrolments.applicationId, applicationId)))
      .get();
    if (!mine || mine.status === "cancelled") return;
    tx.update(t.trainingEnrolments)
      .set({ status: "cancelled", position: null, updatedAt: new Date().toISOString() })
      .where(eq(t.trainingEnrolments.id, mine.id))
      .run();
    recordAudit(
      actor,
      { entityType: "training_enrolment", entityId: trainingId, action: "leave", fromState: mine.status, toState: "cancelled", details: { applicationId } },
      tx,
    );
    const promoted = fillSeats(tx, trainingId);
    for (const p of promoted)
      recordAudit(
        actor,
        {
          entityType: "training_enrolment",
          entityId: trainingId,
          action: "promote",
          fromState: "waitlisted",
          toState: "enrolled",
          details: { applicationId: p },
        },
        tx,
      );
  });
}

/** The participant's own enrolment in a training (or null). */
export function myEnrolment(tx: Db, trainingId: number, applicationId: number) {
  return (
    tx
      .select({ status: t.trainingEnrolments.status, position: t.trainingEnrolments.position })
      .from(t.trainingEnrolments)
      .where(and(eq(t.trainingEnrolments.trainingSessionId, trainingId), eq(t.trainingEnrolments.applicationId, applicationId)))
      .get() ?? null
  );
}

/** Enrolled and waiting people of a training, for its organizer/host page (scope checked). */
export function listEnrolments(actor: Actor, trainingId: number) {
  trainingInScope(actor, trainingId);
  return db()
    .select({
      id: t.trainingEnrolments.id,
      status: t.trainingEnrolments.status,
      position: t.trainingEnrolments.position,
      createdAt: t.trainingEnrolments.createdAt,
      givenName: t.applications.givenName,
      familyName: t.applications.familyName,
      givenNameLatin: t.applications.givenNameLatin,
      familyNameLatin: t.applications.familyNameLatin,
      nameOrder: t.applications.nameOrder,
      country: t.applications.nationality,
    })
    .from(t.trainingEnrolments)
    .innerJoin(t.applications, eq(t.applications.id, t.trainingEnrolments.applicationId))
    .where(eq(t.trainingEnrolments.trainingSessionId, trainingId))
    .orderBy(asc(t.trainingEnrolments.status), asc(t.trainingEnrolments.position), asc(t.trainingEnrolments.id))
    .all()
    .filter((r) => r.status !== "cancelled")
    .map((r) => ({ id: r.id, status: r.status, position: r.position, name: displayName(r), country: r.country }));
}

/** The resolved audience size of a training (for pages). */
export function audienceSize(tx: Db, training: { id: number; editionId: number; audience: "visit" | "edition" | "enrol"; visitId: number | null }): number {
  const s = loadEditionSchedule(tx, training.editionId);
  return audienceOf(training, s.participants, s.enrolled).length;
}
