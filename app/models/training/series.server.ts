/**
 * Recurring training sessions (issue 15, item 8): a series is made of ordinary training sessions
 * sharing `series_id`, one per venue-local day of its rule (app/domain/training/recurrence.ts).
 * Each occurrence goes through the same save and conflict checks as a single session
 * (saveTrainingIn), all in one BEGIN IMMEDIATE transaction: if any day is refused, nothing is
 * written and every refused day is reported with its reasons. An occurrence is then changed or
 * cancelled alone on its own page; "this and all following" cancels the rest of the series.
 */
import { and, asc, eq, gte, inArray } from "drizzle-orm";
import { addDays, daysBetween } from "../../domain/dates";
import { utcToLocal } from "../../domain/training";
import { MAX_OCCURRENCES, occurrenceDates, parseRecurrence, recurrenceText, type Recurrence, type Weekday } from "../../domain/training/recurrence";
import { weekdayOf } from "../../domain/training/repeat";
import { db, immediate, t, type Db } from "../../db.server";
import type { TrainingInput } from "../../forms/training";
import type { Actor } from "../actor";
import { recordAudit } from "../audit.server";
import { FieldErrors, NotFoundError, RuleError } from "../errors";
import { requireHostArea } from "../hosts/sites.server";
import { saveTrainingIn } from "./save.server";
import { trainingInScope, visitWritable } from "./trainings.server";

const param = (key: string, params: Record<string, unknown>) => `${key}|${JSON.stringify(params)}`;

/** Thrown inside the transaction to roll it back when every occurrence already exists (a resubmit). */
class RepeatedSubmit {
  constructor(readonly firstId: number) {}
}

/**
 * Creates a series of `input.repeat` sessions (daily, or weekly on `input.weekdays`) from
 * `input.startDate` until `input.until` (inclusive, venue-local) or for `input.count` sessions,
 * each with the form's clock times, trainers, venue and audience. `target` as for saveTraining
 * (a new session: `editionId`, and `fixedVisitId` on host pages).
 *
 * Refused with FieldErrors (400, nothing written): an end beyond the visit's (or edition's) last
 * day (`until`/`count`), more than MAX_OCCURRENCES days (`until`), a weekly start date whose
 * weekday is not chosen (`weekdays`: the start date is the first session), no day at all (`weekdays`),
 * plain input errors as for one session, and any occurrence that conflicts: the form-level
 * message `training.series.errors.conflicts` and, under `occurrences`, one entry per refused day
 * (`training.series.conflictOn|{date, reasons}`, reasons being the single-session messages).
 * Warnings (public holiday, interpreter cover) of all days together need `confirmWarnings`.
 * A repeated identical submit creates nothing and returns the existing first occurrence.
 * Writes one audit event for the series and one per occurrence. Returns the first session's id.
 */
export function createTrainingSeries(
  actor: Actor,
  target: { editionId: number; fixedVisitId?: number },
  input: TrainingInput,
  opts: { locale?: string; now?: Date } = {},
): { seriesId: number | null; firstId: number; count: number } {
  requireHostArea(actor);
  if (input.repeat === "none") throw new Error("createTrainingSeries: input.repeat is none");
  if (!actor.isOrganizer && target.fixedVisitId === undefined) throw new NotFoundError("training");
  try {
    return immediate(db(), (tx) => createIn(tx, actor, target, input, opts));
  } catch (e) {
    if (e instanceof RepeatedSubmit) return { seriesId: null, firstId: e.firstId, count: 0 };
    throw e;
  }
}

function createIn(tx: Db, actor: Actor, target: { editionId: number; fixedVisitId?: number }, input: TrainingInput, opts: { locale?: string; now?: Date }) {
  const edition = tx.select().from(t.editions).where(eq(t.editions.id, target.editionId)).get();
  if (!edition) throw new NotFoundError("edition");
  // The days the series may fall on: its visit's (when the actor may schedule for it), else the
  // edition's. An unknown or foreign visit is refused by the first occurrence's own checks.
  const visitId = target.fixedVisitId ?? input.visitId;
  const visit = visitId ? tx.select().from(t.exchangeVisits).where(eq(t.exchangeVisits.id, visitId)).get() : undefined;
  const bounds =
    visit && visit.editionId === edition.id && visitWritable(actor, visit, tx)
      ? { from: visit.arrivalOn, to: visit.departureOn }
      : { from: edition.startsOn, to: edition.endsOn };

  // The form schema refuses this too; kept here for any caller that skips it, since rrule would
  // otherwise start the series silently on the first chosen day after the start date.
  if (input.repeat === "weekly" && !input.weekdays.includes(weekdayOf(input.startDate)))
    throw new FieldErrors({ weekdays: ["training.series.errors.startNotChosen"] });
  if (input.repeatEnd === "until" && input.until! > bounds.to) throw new FieldErrors({ until: [param("training.series.errors.untilOutside", bounds)] });
  const rule: Recurrence = {
    start: input.startDate,
    repeat: input.repeat as Recurrence["repeat"],
    weekdays: input.weekdays as Weekday[],
    ...(input.repeatEnd === "until" ? { until: input.until } : { count: input.count }),
  };
  const dates = occurrenceDates(rule);
  if (dates.length > MAX_OCCURRENCES) throw new FieldErrors({ until: [param("training.series.errors.tooMany", { max: MAX_OCCURRENCES })] });
  if (!dates.length) throw new FieldErrors({ weekdays: ["training.series.errors.noDates"] });
  if (input.repeatEnd === "count" && dates.at(-1)! > bounds.to)
    throw new FieldErrors({ count: [param("training.series.errors.countOutside", { last: dates.at(-1), to: bounds.to })] });

  const at = (opts.now ?? new Date()).toISOString();
  const seriesId = tx
    .insert(t.trainingSeries)
    .values({ editionId: edition.id, rule: recurrenceText(rule), createdBy: actor.id, createdAt: at })
    .returning({ id: t.trainingSeries.id })
    .get().id;
  // A session spanning days keeps its length: the end day moves with each occurrence.
  const span = input.endDate && input.endDate > input.startDate ? daysBetween(input.startDate, input.endDate) : 0;
  const failures: { date: string; reasons: string[] }[] = [];
  const warnings = new Set<string>();
  const ids: number[] = [];
  const twins: string[] = [];
  for (const date of dates) {
    const one: TrainingInput = { ...input, startDate: date, endDate: input.endDate ? addDays(date, span) : undefined };
    try {
      const r = saveTrainingIn(tx, actor, target, one, { locale: opts.locale, now: opts.now, seriesId });
      if (r.created) ids.push(r.id);
      else {
        twins.push(date);
        ids.push(r.id);
      }
    } catch (e) {
      if (!(e instanceof FieldErrors)) throw e;
      const formLevel = e.fields[""];
      // Without a form-level message the input itself is wrong (the same on every day): say it once.
      if (!formLevel) throw e;
      if (formLevel.includes("training.warnings.confirmNeeded")) {
        for (const w of e.fields.confirmWarnings ?? []) warnings.add(w);
        continue;
      }
      failures.push({ date, reasons: Object.entries(e.fields).flatMap(([k, v]) => (k === "" ? [] : v)) });
    }
  }
  if (twins.length === dates.length) throw new RepeatedSubmit(ids[0]!);
  for (const date of twins) failures.push({ date, reasons: ["training.series.errors.duplicate"] });
  if (failures.length) {
    failures.sort((a, b) => a.date.localeCompare(b.date));
    throw new FieldErrors({
      "": [param("training.series.errors.conflicts", { count: failures.length, total: dates.length })],
      occurrences: failures.map((f) => param("training.series.conflictOn", f)),
    });
  }
  if (warnings.size && !input.confirmWarnings) throw new FieldErrors({ "": ["training.warnings.confirmNeeded"], confirmWarnings: [...warnings] });
  recordAudit(
    actor,
    {
      entityType: "training_series",
      entityId: seriesId,
      action: "create",
      toState: input.status ?? "draft",
      details: { rule: recurrenceText(rule), title: input.title, dates, trainingIds: ids },
    },
    tx,
  );
  return { seriesId, firstId: ids[0]!, count: ids.length };
}

/**
 * Cancels the training `trainingId` and every later draft or scheduled occurrence of its series
 * (by start time) that the actor may manage, with `reason` (required: FieldErrors on `reason`).
 * Audited per session and once for the series. RuleError when the session is not in a series or
 * cannot be cancelled (held or cancelled already). Returns how many were cancelled.
 */
export function cancelFollowingOccurrences(actor: Actor, trainingId: number, reason: string | undefined, now = new Date()): number {
  return immediate(db(), (tx) => {
    const { training } = trainingInScope(actor, trainingId, tx);
    if (training.seriesId === null) throw new RuleError("training.series.errors.notInSeries");
    if (training.status !== "draft" && training.status !== "scheduled")
      throw new RuleError("training.errors.transition", { from: training.status, to: "cancelled" });
    if (!reason) throw new FieldErrors({ reason: ["errors.required"] });
    const rows = tx
      .select()
      .from(t.trainingSessions)
      .where(
        and(
          eq(t.trainingSessions.seriesId, training.seriesId),
          gte(t.trainingSessions.startsAt, training.startsAt),
          inArray(t.trainingSessions.status, ["draft", "scheduled"]),
        ),
      )
      .orderBy(asc(t.trainingSessions.startsAt))
      .all()
      // An occurrence moved to a visit outside a host's sites stays with those who manage it.
      .filter((r) => r.id === training.id || actor.isOrganizer || (r.visitId !== null && r.visitId === training.visitId));
    for (const r of rows) {
      tx.update(t.trainingSessions)
        .set({ status: "cancelled", cancelReason: reason, revision: r.revision + 1, updatedAt: now.toISOString() })
        .where(eq(t.trainingSessions.id, r.id))
        .run();
      recordAudit(
        actor,
        {
          entityType: "training_session",
          entityId: r.id,
          action: "cancel",
          fromState: r.status,
          toState: "cancelled",
          reason,
          details: { seriesId: training.seriesId, following: true },
        },
        tx,
      );
    }
    recordAudit(
      actor,
      {
        entityType: "training_series",
        entityId: training.seriesId,
        action: "cancel",
        reason,
        details: { from: training.startsAt, trainingIds: rows.map((r) => r.id) },
      },
      tx,
    );
    return rows.length;
  });
}

export type SeriesSummary = {
  repeat: "daily" | "weekly";
  weekdays: Weekday[];
  /**
   * Venue-local day of the series' last occurrence, cancelled ones included: the series still
   * runs until then (its "until"), and a cancelled last day is listed as such beside the text.
   */
  lastDate: string;
  /** Occurrences, cancelled ones included. */
  total: number;
};

/** Per series id: how it repeats and its last day, for lists and the edit page. */
export function seriesSummaries(tx: Db, seriesIds: (number | null)[]): Map<number, SeriesSummary> {
  const ids = [...new Set(seriesIds.filter((x): x is number => x !== null))];
  const out = new Map<number, SeriesSummary>();
  if (!ids.length) return out;
  const rules = tx.select().from(t.trainingSeries).where(inArray(t.trainingSeries.id, ids)).all();
  const sessions = tx
    .select({
      seriesId: t.trainingSessions.seriesId,
      startsAt: t.trainingSessions.startsAt,
      timeZone: t.trainingSessions.timeZone,
      status: t.trainingSessions.status,
    })
    .from(t.trainingSessions)
    .where(inArray(t.trainingSessions.seriesId, ids))
    .orderBy(asc(t.trainingSessions.startsAt))
    .all();
  for (const s of rules) {
    const mine = sessions.filter((x) => x.seriesId === s.id);
    if (!mine.length) continue;
    const last = mine.at(-1)!;
    out.set(s.id, { ...parseRecurrence(s.rule), lastDate: utcToLocal(last.startsAt, last.timeZone).date, total: mine.length });
  }
  return out;
}

/** The series of a training in scope (null when it is a one-off): how it repeats and its occurrences by start. */
export function seriesOfTraining(actor: Actor, trainingId: number) {
  const tx = db();
  const { training } = trainingInScope(actor, trainingId, tx);
  if (training.seriesId === null) return null;
  const summary = seriesSummaries(tx, [training.seriesId]).get(training.seriesId)!;
  const occurrences = tx
    .select({ id: t.trainingSessions.id, startsAt: t.trainingSessions.startsAt, timeZone: t.trainingSessions.timeZone, status: t.trainingSessions.status })
    .from(t.trainingSessions)
    .where(eq(t.trainingSessions.seriesId, training.seriesId))
    .orderBy(asc(t.trainingSessions.startsAt), asc(t.trainingSessions.id))
    .all()
    .map((o) => ({ id: o.id, date: utcToLocal(o.startsAt, o.timeZone).date, status: o.status, current: o.id === training.id }));
  // Whether "this and all following" has anything to do beyond this one.
  const following = occurrences.filter((o) => o.date >= occurrences.find((x) => x.current)!.date && (o.status === "draft" || o.status === "scheduled")).length;
  return { id: training.seriesId, summary, occurrences, following };
}
