/**
 * Attendance (docs/design.md "attendance"): check-in lists for training sessions and exchange-visit days,
 * kept by organizers, the host coordinators of the visit's site and the session's trainers (a
 * trainer is the user whose e-mail is that of a trainer assigned to the session), and self
 * check-in with a rotating code.
 *
 * Rules: check-in is idempotent (one row per subject and person, upserted; the same status again
 * changes nothing, not even the recorded time); a status change writes an audit event; when two
 * devices disagree, the later mark by device time wins and both are audited (issue 14,
 * ./attendance-write.server.ts); check-in
 * is refused before the subject's day (in the venue's / site's zone) and, except for organizers
 * correcting the record and host coordinators correcting a past day of their own visit with a
 * reason (audited, issue 12 item 7), after it; only expected participants can be recorded (the session's
 * audience, the visit's accepted placements). Out-of-scope lists are NotFoundError (404).
 */
import { and, eq, inArray, sql } from "drizzle-orm";
import { db, immediate, t, type Db } from "../../db.server";
import crypto from "node:crypto";
import { checkInCode, verifyCheckInCode, WINDOW_SECONDS, windowAt } from "../../domain/checkin-code";
import { markTime } from "../../domain/attendance-marks";
import { todayIn } from "../../domain/dates";
import { getEnv } from "../../env.server";
import type { AttendanceStatus } from "../../../db/schema/attendance";
import type { Actor } from "../actor";
import { NotFoundError, RateLimitError, RuleError } from "../errors";
import { coordinates } from "../hosts/sites.server";
import { listPeople, type Subject, type Training } from "./attendance-people.server";
import { alreadyReceived, writeRecord, type RecordInput } from "./attendance-write.server";

export type { Subject, Training } from "./attendance-people.server";
export type { RecordInput } from "./attendance-write.server";
/** Minutes after the start after which a self check-in counts as late. */
export const LATE_AFTER_MINUTES = 15;

const raw = (tx: Db = db()) => tx.$client;

let codeKey: Buffer | undefined;
/** The check-in code key, derived from the server secret (never the secret itself). */
function checkInKey(): Buffer {
  return (codeKey ??= crypto.createHmac("sha256", getEnv().sessionSecret).update("vlx/check-in-code/v1").digest());
}

/** Whether the actor is a trainer of the session (trainers.email = the actor's e-mail). */
function isTrainerOf(actor: Actor, trainingId: number, tx: Db): boolean {
  return !!raw(tx)
    .prepare(
      `select 1 from training_session_trainers st join trainers tr on tr.id = st.trainer_id
       where st.training_session_id = ? and lower(trim(tr.email)) = ? and tr.email <> ''`,
    )
    .get(trainingId, actor.email.toLowerCase());
}

/** The training when the actor may take its attendance, else NotFoundError. */
export function trainingForAttendance(actor: Actor, trainingId: number, tx: Db = db()) {
  const row = Number.isInteger(trainingId)
    ? tx
        .select()
        .from(t.trainingSessions)
        .where(sql`${t.trainingSessions.id} = ${trainingId}`)
        .get()
    : undefined;
  if (!row) throw new NotFoundError("training");
  const visit = row.visitId
    ? tx
        .select()
        .from(t.exchangeVisits)
        .where(sql`${t.exchangeVisits.id} = ${row.visitId}`)
        .get()
    : undefined;
  const ok = actor.isOrganizer || (visit && actor.isHostCoordinator && coordinates(actor, visit.hostSiteId, tx)) || isTrainerOf(actor, trainingId, tx);
  if (!ok) throw new NotFoundError("training");
  return { training: row, visit: visit ?? null };
}

/** The visit and its site when the actor may take its attendance (organizer, host coordinator). */
export function visitForAttendance(actor: Actor, visitId: number, tx: Db = db()) {
  const visit = Number.isInteger(visitId)
    ? tx
        .select()
        .from(t.exchangeVisits)
        .where(sql`${t.exchangeVisits.id} = ${visitId}`)
        .get()
    : undefined;
  if (!visit || !(actor.isOrganizer || (actor.isHostCoordinator && coordinates(actor, visit.hostSiteId, tx)))) throw new NotFoundError("visit");
  const site = tx
    .select()
    .from(t.hostSites)
    .where(sql`${t.hostSites.id} = ${visit.hostSiteId}`)
    .get()!;
  return { visit, site };
}

/** The local days (in the training's zone) on which check-in is open: the start day to the end day. */
export function trainingDays(training: Pick<Training, "startsAt" | "endsAt" | "timeZone">) {
  return { from: todayIn(training.timeZone, new Date(training.startsAt)), to: todayIn(training.timeZone, new Date(training.endsAt)) };
}

/** RuleError unless `today` lies in [from, to]; organizers may still correct a past day. */
function checkDay(days: { from: string; to: string }, today: string, organizerCorrection: boolean) {
  if (today < days.from) throw new RuleError("tracking.errors.notYet", { date: days.from });
  if (today > days.to && !organizerCorrection) throw new RuleError("tracking.errors.dayOver", { date: days.to });
}

function counts(people: { status: AttendanceStatus | null }[]) {
  const c = { present: 0, late: 0, absent: 0, excused: 0, none: 0, total: people.length };
  for (const p of people) c[p.status ?? "none"] += 1;
  return c;
}

/** A training's check-in list (actor in scope), searched by name (case and diacritics ignored). */
export function trainingSheet(actor: Actor, trainingId: number, q = "", now = new Date()) {
  const { training, visit } = trainingForAttendance(actor, trainingId);
  const all = listPeople(db(), { kind: "training", trainingId }, training);
  const shown = q.trim() ? listPeople(db(), { kind: "training", trainingId }, training, q) : all;
  const days = trainingDays(training);
  const today = todayIn(training.timeZone, now);
  return { training, visit, days, today, open: today >= days.from && (today <= days.to || actor.isOrganizer), people: shown, counts: counts(all) };
}

/** A visit day's check-in list (actor in scope). NotFoundError for a day outside the visit. */
export function visitDaySheet(actor: Actor, visitId: number, date: string, q = "", now = new Date()) {
  const { visit, site } = visitForAttendance(actor, visitId);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || date < visit.arrivalOn || date > visit.departureOn) throw new NotFoundError("visit day");
  const subject: Subject = { kind: "visit_day", visitId, date };
  const all = listPeople(db(), subject, undefined);
  const shown = q.trim() ? listPeople(db(), subject, undefined, q) : all;
  const today = todayIn(site.timeZone, now);
  // A past day stays open for corrections by those who keep the visit's list (organizers, and the
  // site's host coordinators, who give a reason).
  const correction = today > date && !actor.isOrganizer;
  // Seats held by offers not yet answered and by unsent proposals count as "seats taken" on the
  // visit, but only an accepted place makes someone expected: the page says so (new-user findings).
  const pending = { offered: 0, proposed: 0 };
  for (const p of db()
    .select({ status: t.placements.status })
    .from(t.placements)
    .where(and(eq(t.placements.visitId, visit.id), inArray(t.placements.status, ["offered", "proposed"])))
    .all())
    pending[p.status as "offered" | "proposed"] += 1;
  return { visit, site, date, today, open: today >= date, correction, people: shown, counts: counts(all), pending };
}

/**
 * Records (upserts) one person's attendance at a subject in one BEGIN IMMEDIATE transaction.
 * Returns `changed: false` when the status and note are what is already recorded (nothing is
 * written). A mark carrying a `clientId` that was already received returns `replay: true` and
 * writes nothing, whatever was recorded since (a queued mark sent twice). RuleError when the day
 * is not open or the person is not expected at the subject. A mark older by device time than the
 * one in effect (another device's, received first) returns `superseded: true` and only is audited.
 */
export function recordAttendance(actor: Actor, subject: Subject, input: RecordInput, now = new Date()) {
  return immediate(db(), (tx) => {
    if (input.clientId && alreadyReceived(tx, input.clientId)) return { changed: false, status: input.status, replay: true };
    // The day rule looks at when the mark was taken: a mark taken offline on the day and sent the
    // next morning is not refused (issue 14: nothing marked offline is lost). The device time
    // never counts later than the arrival (markTime), so it cannot open a day ahead.
    const takenAt = new Date(markTime(input.markedAt, now.toISOString()));
    let training: Training | undefined;
    if (subject.kind === "training") {
      training = trainingForAttendance(actor, subject.trainingId, tx).training;
      if (training.status === "cancelled" || training.status === "draft") throw new RuleError("tracking.errors.notScheduled");
      checkDay(trainingDays(training), todayIn(training.timeZone, takenAt), actor.isOrganizer && input.method !== "self");
    } else {
      const { visit, site } = visitForAttendance(actor, subject.visitId, tx);
      if (subject.date < visit.arrivalOn || subject.date > visit.departureOn) throw new NotFoundError("visit day");
      if (visit.status === "cancelled") throw new RuleError("tracking.errors.notScheduled");
      const today = todayIn(site.timeZone, takenAt);
      // visitForAttendance let only organizers and this site's host coordinators through: both may
      // correct a past day; a host coordinator says why (kept in the audit event).
      checkDay({ from: subject.date, to: subject.date }, today, true);
      if (today > subject.date && !actor.isOrganizer && !input.reason?.trim()) throw new RuleError("tracking.errors.reasonRequired");
    }
    return writeRecord(tx, actor, subject, training, input, now);
  });
}

/**
 * A participant's self check-in with the code shown by the trainer: finds, among the trainings the
 * actor is expected at whose day is today (venue zone), the one whose current or previous code
 * matches, and records present (late after LATE_AFTER_MINUTES). An attendance already recorded as
 * present, late or excused is kept. RuleError "tracking.errors.badCode" otherwise;
 * RateLimitError after 10 wrong codes in 10 minutes.
 */
export function selfCheckIn(actor: Actor, code: string, now = new Date()) {
  // Counted in the database (check_in_failures), not in this process's memory: the limit survives a
  // restart and holds across several servers (issue 12, item 20).
  const since = new Date(now.getTime() - 600_000).toISOString();
  const recent = db()
    .select({ n: sql<number>`count(*)` })
    .from(t.checkInFailures)
    .where(sql`${t.checkInFailures.userId} = ${actor.id} and ${t.checkInFailures.at} > ${since}`)
    .get()!.n;
  if (recent >= 10) throw new RateLimitError(600);
  const clean = code.replace(/\D/g, "");
  const window = windowAt(now);
  const candidates = raw()
    .prepare(
      `select ts.*, a.id as application_id from training_sessions ts join applications a on a.edition_id = ts.edition_id
       where a.user_id = ? and a.status = 'accepted' and ts.status in ('scheduled', 'held')
         and ts.starts_at <= ? and ts.ends_at >= ?`,
    )
    .all(actor.id, new Date(now.getTime() + 36 * 3600_000).toISOString(), new Date(now.getTime() - 36 * 3600_000).toISOString()) as {
    id: number;
    application_id: number;
    starts_at: string;
    ends_at: string;
    time_zone: string;
  }[];
  const match = candidates.find((c) => clean.length === 6 && verifyCheckInCode(checkInKey(), c.id, clean, window));
  if (!match) {
    db().insert(t.checkInFailures).values({ userId: actor.id, at: now.toISOString() }).run();
    throw new RuleError("tracking.errors.badCode");
  }
  return immediate(db(), (tx) => {
    const training = tx
      .select()
      .from(t.trainingSessions)
      .where(sql`${t.trainingSessions.id} = ${match.id}`)
      .get()!;
    checkDay(trainingDays(training), todayIn(training.timeZone, now), false);
    const subject: Subject = { kind: "training", trainingId: training.id };
    const person = listPeople(tx, subject, training, "", match.application_id)[0];
    if (!person) throw new RuleError("tracking.errors.notExpected");
    if (person.status && person.status !== "absent") return { training, status: person.status, changed: false };
    const late = now.getTime() > Date.parse(training.startsAt) + LATE_AFTER_MINUTES * 60_000;
    const r = writeRecord(tx, actor, subject, training, { applicationId: match.application_id, status: late ? "late" : "present", method: "self" }, now);
    return { training, status: r.status, changed: r.changed };
  });
}

/** The code a trainer shows for a training now (actor in scope), with when it rotates. */
export function currentCheckInCode(actor: Actor, trainingId: number, now = new Date()) {
  const { training } = trainingForAttendance(actor, trainingId);
  const window = windowAt(now);
  return { training, code: checkInCode(checkInKey(), training.id, window), rotatesAt: new Date((window + 1) * WINDOW_SECONDS * 1000).toISOString() };
}
