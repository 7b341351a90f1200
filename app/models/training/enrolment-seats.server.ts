/**
 * The seat rule of training enrolment, on any database handle (the app's, or a test's own
 * connection): count the seats taken and write the enrolment inside the caller's BEGIN IMMEDIATE
 * transaction. Kept free of the app's other modules so it loads fast in worker threads.
 */
import { and, eq, sql } from "drizzle-orm";
import { immediate, type Db } from "../../../db/client";
import * as t from "../../../db/schema";

export type EnrolmentResult = { status: "enrolled" | "waitlisted"; position: number | null; already: boolean };

/**
 * Counts the seats taken and writes the enrolment; must run inside BEGIN IMMEDIATE. A free seat
 * while people wait goes to the list's head (fillSeats), so a newcomer never jumps the queue.
 * Re-enrolling after leaving reuses the row. Returns null when the training does not exist.
 */
export function enrolInTx(tx: Db, trainingId: number, applicationId: number, now = new Date()): EnrolmentResult | null {
  const training = tx.select({ capacity: t.trainingSessions.capacity }).from(t.trainingSessions).where(eq(t.trainingSessions.id, trainingId)).get();
  if (!training) return null;
  const mine = tx
    .select()
    .from(t.trainingEnrolments)
    .where(and(eq(t.trainingEnrolments.trainingSessionId, trainingId), eq(t.trainingEnrolments.applicationId, applicationId)))
    .get();
  if (mine && mine.status !== "cancelled") return { status: mine.status, position: mine.position, already: true };
  const taken = tx
    .select({ n: sql<number>`count(*)` })
    .from(t.trainingEnrolments)
    .where(and(eq(t.trainingEnrolments.trainingSessionId, trainingId), eq(t.trainingEnrolments.status, "enrolled")))
    .get()!.n;
  const waiting = tx
    .select({ n: sql<number>`count(*)`, last: sql<number | null>`max(${t.trainingEnrolments.position})` })
    .from(t.trainingEnrolments)
    .where(and(eq(t.trainingEnrolments.trainingSessionId, trainingId), eq(t.trainingEnrolments.status, "waitlisted")))
    .get()!;
  const seat = (training.capacity === null || taken < training.capacity) && waiting.n === 0;
  const status = seat ? ("enrolled" as const) : ("waitlisted" as const);
  const position = seat ? null : (waiting.last ?? 0) + 1;
  const at = now.toISOString();
  if (mine) {
    tx.update(t.trainingEnrolments).set({ status, position, updatedAt: at }).where(eq(t.trainingEnrolments.id, mine.id)).run();
  } else {
    tx.insert(t.trainingEnrolments).values({ trainingSessionId: trainingId, applicationId, status, position, createdAt: at, updatedAt: at }).run();
  }
  return { status, position, already: false };
}

/** Enrols with the guard: BEGIN IMMEDIATE around the count and the write. */
export function enrolApplication(handle: Db, trainingId: number, applicationId: number): EnrolmentResult | null {
  return immediate(handle, (tx) => enrolInTx(tx, trainingId, applicationId));
}
