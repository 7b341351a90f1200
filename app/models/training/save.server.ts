/**
 * Saving a training (issue 5): create or edit it, with every save checked for conflicts inside
 * the same BEGIN IMMEDIATE transaction as its write (app/models/training/conflicts.server.ts and
 * the pure core app/domain/training), audited.
 */
import { addDays } from "../../domain/dates";
import { timeZoneNameOrId } from "../../domain/intl";
import { and, eq, inArray, ne, sql } from "drizzle-orm";
import { db, immediate, t, type Db } from "../../db.server";
import { assertTimeZone, hasBlockingConflict, localToUtc, ScheduleInputError } from "../../domain/training";
import type { TrainingInput } from "../../forms/training";
import type { Actor } from "../actor";
import { recordAudit } from "../audit.server";
import { FieldErrors, NotFoundError, RuleError } from "../errors";
import { fillSeats } from "./enrolments.server";
import { requireHostArea } from "../hosts/sites.server";
import { audienceOf, checkCandidate, interpreterPairs, loadEditionSchedule, participantLanguages } from "./conflicts.server";
import { conflictMessages } from "./messages.server";
import { trainingInScope, visitWritable, type TrainingRow, type VisitRow } from "./trainings.server";

type SaveTarget = {
  /** Edition of a new training (ignored when editing). */
  editionId?: number;
  /** The training being edited. */
  trainingId?: number;
  /** Host pages: the training must belong to this visit. */
  fixedVisitId?: number;
};

/**
 * Venue-local date + time → UTC; a time that does not parse or does not exist is a field error.
 * The DST-gap error names the zone in the reader's language `lng` (its IANA ID only as fallback).
 */
function toInstant(
  date: string,
  time: string,
  zone: string,
  dateField: string,
  timeField: string,
  errors: Record<string, string[]>,
  lng: string,
): string | null {
  try {
    return localToUtc(date, time, zone, { field: timeField });
  } catch (e) {
    if (!(e instanceof ScheduleInputError)) throw e;
    const field = e.field === "date" ? dateField : timeField;
    const key =
      e.code === "nonexistent_local_time"
        ? `training.errors.nonexistentTime|${JSON.stringify({ zone: timeZoneNameOrId(zone, lng, Date.parse(`${date}T12:00:00Z`) || Date.now()) })}`
        : e.code === "invalid_date"
          ? "errors.date"
          : "training.errors.time";
    (errors[field] ??= []).push(key);
    return null;
  }
}

/**
 * Creates (no `trainingId`) or updates a training after checking it: times that exist in the
 * venue's zone, end after start, inside the visit's (or edition's) days, no venue, trainer,
 * interpreter or participant booked twice, capacity not below those enrolled. Errors are
 * FieldErrors (400, nothing written); warnings (public holiday, interpreter cover) need
 * `confirmWarnings`. Returns the training id. A repeated identical create returns the first id.
 */
export function saveTraining(actor: Actor, target: SaveTarget, input: TrainingInput, opts: { locale?: string; now?: Date } = {}): number {
  return immediate(db(), (tx) => saveTrainingIn(tx, actor, target, input, opts).id);
}

/**
 * saveTraining inside the caller's transaction `tx` (a series saves its occurrences one by one
 * in one transaction, app/models/training/series.server.ts). `created` is false when the session
 * existed (an edit, or an identical create). A new session joins `opts.seriesId` when given.
 * Throws before writing anything, so a caller may catch an occurrence's FieldErrors and go on.
 */
export function saveTrainingIn(
  tx: Db,
  actor: Actor,
  target: SaveTarget,
  input: TrainingInput,
  opts: { locale?: string; now?: Date; seriesId?: number } = {},
): { id: number; created: boolean } {
  requireHostArea(actor);
  let existing: TrainingRow | null = null;
  let editionId: number;
  if (target.trainingId !== undefined) {
    existing = trainingInScope(actor, target.trainingId, tx).training;
    if (target.fixedVisitId !== undefined && existing.visitId !== target.fixedVisitId) throw new NotFoundError("training");
    editionId = existing.editionId;
    if (existing.status === "cancelled" || existing.status === "held") throw new RuleError("training.errors.closed", { status: existing.status });
    if (input.version && input.version !== existing.updatedAt) throw new RuleError("training.errors.stale");
  } else {
    if (target.editionId === undefined) throw new NotFoundError("edition");
    editionId = target.editionId;
  }
  const edition = tx.select().from(t.editions).where(eq(t.editions.id, editionId)).get();
  if (!edition) throw new NotFoundError("edition");
  if (!actor.isOrganizer && target.fixedVisitId === undefined) throw new NotFoundError("training");

  const errors: Record<string, string[]> = {};
  const err = (field: string, key: string) => (errors[field] ??= []).push(key);

  // The visit: of this edition, planned, and (hosts) at one of their sites.
  const visitId = target.fixedVisitId ?? input.visitId ?? null;
  let visit: VisitRow | null = null;
  if (visitId !== null) {
    visit = tx.select().from(t.exchangeVisits).where(eq(t.exchangeVisits.id, visitId)).get() ?? null;
    if (!visit || !visitWritable(actor, visit, tx)) {
      if (target.fixedVisitId !== undefined) throw new NotFoundError("visit");
      err("visitId", "errors.invalid");
    } else if (visit.editionId !== editionId) err("visitId", "errors.invalid");
    else if (visit.status === "cancelled") err("visitId", "training.errors.visitCancelled");
  }
  if (!actor.isOrganizer && !visit) throw new NotFoundError("visit");

  // The venue gives the zone and the country (public holidays); online trainings use the typed zone.
  let zone = input.timeZone || edition.timeZone;
  let country: string | null = null;
  let venueName = "";
  if (input.venueId) {
    const venue = tx.select().from(t.venues).where(eq(t.venues.id, input.venueId)).get();
    // A retired venue stays on the trainings that had it, and is not taken for others.
    if (!venue || (venue.retiredAt !== null && existing?.venueId !== venue.id)) err("venueId", "errors.invalid");
    else {
      zone = venue.timeZone;
      country = venue.countryCode;
      venueName = venue.name;
    }
  }
  try {
    assertTimeZone(zone);
  } catch {
    err("timeZone", "training.errors.zone");
  }

  const known = <T extends { id: number }>(rows: T[], ids: number[], field: string) => {
    if (ids.some((id) => !rows.some((r) => r.id === id))) err(field, "errors.invalid");
  };
  const trainerIds = [...new Set(input.trainerIds)];
  const interpreterIds = [...new Set(input.interpreterIds)];
  // Retired trainers and interpreters count only where the training already had them.
  const had = (table: typeof t.trainingSessionTrainers | typeof t.trainingSessionInterpreters, col: "trainerId" | "interpreterId") =>
    existing
      ? new Set((tx.select().from(table).where(eq(table.trainingSessionId, existing.id)).all() as Record<string, number>[]).map((r) => r[col]!))
      : new Set<number>();
  const hadTrainers = had(t.trainingSessionTrainers, "trainerId");
  const hadInterpreters = had(t.trainingSessionInterpreters, "interpreterId");
  if (trainerIds.length)
    known(
      tx
        .select({ id: t.trainers.id, retiredAt: t.trainers.retiredAt })
        .from(t.trainers)
        .where(inArray(t.trainers.id, trainerIds))
        .all()
        .filter((r) => r.retiredAt === null || hadTrainers.has(r.id)),
      trainerIds,
      "trainerIds",
    );
  if (interpreterIds.length)
    known(
      tx
        .select({ id: t.interpreters.id, retiredAt: t.interpreters.retiredAt })
        .from(t.interpreters)
        .where(inArray(t.interpreters.id, interpreterIds))
        .all()
        .filter((r) => r.retiredAt === null || hadInterpreters.has(r.id)),
      interpreterIds,
      "interpreterIds",
    );

  let startsAt: string | null = null;
  let endsAt: string | null = null;
  if (!errors.timeZone) {
    startsAt = toInstant(input.startDate, input.startTime, zone, "startDate", "startTime", errors, opts.locale ?? "en");
    // A session that ends before its start time, with no other end day given (or the start day
    // left as pre-filled), crosses midnight: 21:00–00:30 ends the next day (issue 12, item 15).
    // Only up to 12 hours: 11:00–10:00 is a typing mistake, not a 23-hour session, and stays refused.
    const mins = (hm: string) => Number(hm.slice(0, 2)) * 60 + Number(hm.slice(3, 5));
    const overnight = input.endTime < input.startTime && mins(input.endTime) + 24 * 60 - mins(input.startTime) <= 12 * 60;
    const crossesMidnight = overnight && (!input.endDate || input.endDate === input.startDate);
    const endDate = crossesMidnight ? addDays(input.startDate, 1) : (input.endDate ?? input.startDate);
    endsAt = toInstant(endDate, input.endTime, zone, "endDate", "endTime", errors, opts.locale ?? "en");
  }

  // Capacity never drops below the people already enrolled.
  if (existing && input.capacity !== undefined) {
    const enrolled = tx
      .select({ n: sql<number>`count(*)` })
      .from(t.trainingEnrolments)
      .where(and(eq(t.trainingEnrolments.trainingSessionId, existing.id), eq(t.trainingEnrolments.status, "enrolled")))
      .get()!.n;
    if (input.capacity < enrolled) err("capacity", `training.errors.capacityBelowEnrolled|${JSON.stringify({ count: enrolled })}`);
  }
  if (Object.keys(errors).length) throw new FieldErrors(errors);

  if (!existing) {
    // A double click or a resubmitted form does not create a second training.
    const twin = tx
      .select({ id: t.trainingSessions.id })
      .from(t.trainingSessions)
      .where(
        and(
          eq(t.trainingSessions.editionId, editionId),
          eq(t.trainingSessions.title, input.title),
          eq(t.trainingSessions.startsAt, startsAt!),
          eq(t.trainingSessions.endsAt, endsAt!),
          ne(t.trainingSessions.status, "cancelled"),
        ),
      )
      .get();
    if (twin) return { id: twin.id, created: false };
  }

  const status = existing ? existing.status : (input.status ?? "draft");
  const schedule = loadEditionSchedule(tx, editionId);
  const participantIds = audienceOf({ id: existing?.id, audience: input.audience, visitId }, schedule.participants, schedule.enrolled);
  const conflicts = checkCandidate(
    tx,
    schedule,
    {
      id: existing?.id ?? "new",
      title: input.title,
      start: startsAt!,
      end: endsAt!,
      venueId: input.venueId ?? null,
      trainerIds,
      interpreterIds,
      participantIds,
      status,
      venueZone: zone,
      venueCountry: country,
      dateBounds: visit ? { from: visit.arrivalOn, to: visit.departureOn, scope: "visit" } : { from: edition.startsOn, to: edition.endsOn, scope: "edition" },
      deliveryLanguage: input.deliveryLanguage,
      participantLanguages: participantLanguages(tx, participantIds),
      interpreterPairs: interpreterPairs(tx, interpreterIds),
    },
    opts.locale,
  );
  const { errors: conflictErrors, warnings } = conflictMessages(tx, conflicts);
  if (hasBlockingConflict(conflicts)) {
    // A clash with another session is one thing; dates outside the visit or an end before the
    // start is a plain input error and is said so.
    const clash = conflicts.some((c) => c.code === "double_booked");
    throw new FieldErrors({ "": [clash ? "training.errors.conflicts" : "training.errors.notSaved"], ...conflictErrors });
  }
  if (warnings.length && !input.confirmWarnings) {
    throw new FieldErrors({ "": ["training.warnings.confirmNeeded"], confirmWarnings: warnings });
  }

  const values = {
    title: input.title,
    type: input.type,
    description: input.description ?? "",
    // Left out when the form sent no translation inputs, so stored ones are kept.
    ...(input.tr ? { translations: input.tr } : {}),
    visitId,
    venueId: input.venueId ?? null,
    startsAt: startsAt!,
    endsAt: endsAt!,
    timeZone: zone,
    onlineUrl: input.onlineUrl ?? null,
    deliveryLanguage: input.deliveryLanguage,
    capacity: input.capacity ?? null,
    audience: input.audience,
  };
  const at = (opts.now ?? new Date()).toISOString();
  let id: number;
  if (existing) {
    id = existing.id;
    tx.update(t.trainingSessions)
      .set({ ...values, revision: existing.revision + 1, updatedAt: at })
      .where(eq(t.trainingSessions.id, id))
      .run();
    tx.delete(t.trainingSessionTrainers).where(eq(t.trainingSessionTrainers.trainingSessionId, id)).run();
    tx.delete(t.trainingSessionInterpreters).where(eq(t.trainingSessionInterpreters.trainingSessionId, id)).run();
  } else {
    id = tx
      .insert(t.trainingSessions)
      .values({ ...values, editionId, status, seriesId: opts.seriesId ?? null, createdBy: actor.id, createdAt: at, updatedAt: at })
      .returning({ id: t.trainingSessions.id })
      .get().id;
  }
  if (trainerIds.length)
    tx.insert(t.trainingSessionTrainers)
      .values(trainerIds.map((trainerId) => ({ trainingSessionId: id, trainerId })))
      .run();
  if (interpreterIds.length)
    tx.insert(t.trainingSessionInterpreters)
      .values(interpreterIds.map((interpreterId) => ({ trainingSessionId: id, interpreterId })))
      .run();
  // A larger capacity (or none) gives the freed seats to the head of the waiting list.
  if (existing && values.audience === "enrol") fillSeats(tx, id);
  recordAudit(
    actor,
    {
      entityType: "training_session",
      entityId: id,
      action: existing ? "update" : "create",
      fromState: existing?.status ?? null,
      toState: status,
      details: {
        ...(existing ? { before: { ...existing } } : {}),
        after: { ...values, trainerIds, interpreterIds, venue: venueName },
        ...(warnings.length ? { warningsAccepted: warnings } : {}),
        ...(opts.seriesId ? { seriesId: opts.seriesId } : {}),
      },
    },
    tx,
  );
  return { id, created: !existing };
}
