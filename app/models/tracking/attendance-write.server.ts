/**
 * Writing one attendance mark (issues 6 and 14): the upsert of a person's record at a subject and
 * its audit event. Marks sent from a device's offline queue carry a client id (a second arrival
 * changes nothing) and the device time; when two devices disagree, the later mark by device time
 * wins (domain/attendance-marks.ts) and the other is still audited, each with its device time
 * (`details.markedAt`) and receive time (`details.receivedAt`, and the event's `at`).
 * Callers check scope and the day rule and hold the BEGIN IMMEDIATE transaction.
 */
import { sql } from "drizzle-orm";
import { t, type Db } from "../../db.server";
import { incomingMarkWins, markTime } from "../../domain/attendance-marks";
import type { AttendanceStatus } from "../../../db/schema/attendance";
import type { Actor } from "../actor";
import { recordAudit } from "../audit.server";
import { RuleError } from "../errors";
import { listPeople, type Subject, type Training } from "./attendance-people.server";

export type RecordInput = {
  applicationId: number;
  status: AttendanceStatus;
  note?: string;
  method?: "list" | "self";
  /**
   * The device's id for this mark (a mark taken offline and sent later, issue 14): a second
   * arrival of the same id changes nothing. Kept in the audit event's details with `markedAt`.
   */
  clientId?: string;
  /** When the mark was taken, by the device's clock (UTC ISO instant); the audit's `at` is the receive time. */
  markedAt?: string;
  /** Why a host coordinator corrects a past day (required then; kept in the audit event, issue 12 item 7). */
  reason?: string;
};

/** What a write did: `changed` when the record changed; `superseded` when a later mark (by device time) was already in effect. */
export type WriteResult = { changed: boolean; status: AttendanceStatus | null; superseded?: boolean };

/** Whether a mark with this client id was already received (its audit event holds the id). */
export function alreadyReceived(tx: Db, clientId: string): boolean {
  return !!tx.get<{ one: number }>(
    sql`select 1 as one from audit_events where entity_type = 'attendance' and json_extract(details, '$.clientId') = ${clientId} limit 1`,
  );
}

/**
 * Records one mark inside the caller's transaction. RuleError "tracking.errors.notExpected" when
 * the person is not expected at the subject. A mark older (by device time) than the one in effect
 * writes only its audit event (`record_superseded`) and returns `superseded: true`.
 */
export function writeRecord(tx: Db, actor: Pick<Actor, "id">, subject: Subject, training: Training | undefined, input: RecordInput, now: Date): WriteResult {
  const person = listPeople(tx, subject, training, "", input.applicationId)[0];
  if (!person) throw new RuleError("tracking.errors.notExpected");
  const note = (input.note ?? person.note ?? "").trim().slice(0, 500);
  const receivedAt = now.toISOString();
  const time = markTime(input.markedAt, receivedAt);
  const device = input.clientId ? { clientId: input.clientId, markedAt: input.markedAt ?? null, receivedAt } : {};
  const key =
    subject.kind === "training"
      ? { subjectKind: "training" as const, trainingSessionId: subject.trainingId, visitId: null, date: null }
      : { subjectKind: "visit_day" as const, trainingSessionId: null, visitId: subject.visitId, date: subject.date };

  if (person.recordId && !incomingMarkWins(person.markedAt, time)) {
    // Another device marked this person later (by its clock) and that mark arrived first: it stays,
    // and this one is kept in the audit trail only.
    recordAudit(
      actor,
      {
        entityType: "attendance",
        entityId: person.recordId,
        action: "record_superseded",
        fromState: person.status,
        toState: input.status,
        reason: input.reason?.trim().slice(0, 500) || null,
        details: { ...key, ...device, applicationId: input.applicationId, kept: { status: person.status, markedAt: person.markedAt } },
      },
      tx,
    );
    return { changed: false, status: person.status, superseded: true };
  }

  if (person.recordId && person.status === input.status && note === person.note) {
    // The same status again: the recorded time stays, but the mark time moves on, so an older
    // mark arriving later still loses against this one.
    tx.update(t.attendanceRecords)
      .set({ markedAt: time })
      .where(sql`${t.attendanceRecords.id} = ${person.recordId}`)
      .run();
    // A device's mark is audited even when it changes nothing, so its id is known if it comes again.
    if (input.clientId) {
      recordAudit(
        actor,
        {
          entityType: "attendance",
          entityId: person.recordId,
          action: "record",
          fromState: person.status,
          toState: input.status,
          details: { ...device, applicationId: input.applicationId },
        },
        tx,
      );
    }
    return { changed: false, status: person.status };
  }
  const values = {
    ...key,
    applicationId: input.applicationId,
    status: input.status,
    note,
    method: input.method ?? "list",
    recordedBy: actor.id,
    recordedAt: receivedAt,
    markedAt: time,
  };
  const set = { status: input.status, note, method: values.method, recordedBy: actor.id, recordedAt: receivedAt, markedAt: time };
  const target =
    subject.kind === "training"
      ? [t.attendanceRecords.trainingSessionId, t.attendanceRecords.applicationId]
      : [t.attendanceRecords.visitId, t.attendanceRecords.date, t.attendanceRecords.applicationId];
  const row = tx.insert(t.attendanceRecords).values(values).onConflictDoUpdate({ target, set }).returning({ id: t.attendanceRecords.id }).get();
  const reason = input.reason?.trim().slice(0, 500) || null;
  if (person.status !== input.status || reason || input.clientId) {
    recordAudit(
      actor,
      {
        entityType: "attendance",
        entityId: row.id,
        action: input.method === "self" ? "self_check_in" : reason ? "correct" : "record",
        fromState: person.status,
        toState: input.status,
        reason,
        details: { ...key, ...device, applicationId: input.applicationId },
      },
      tx,
    );
  }
  return { changed: true, status: input.status };
}
