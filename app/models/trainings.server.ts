/**
 * Training sessions (issue 5): create, edit and move them through their life cycle
 * (draft -> scheduled -> held | cancelled, audited), with every save checked for conflicts inside
 * the same BEGIN IMMEDIATE transaction as its write (app/models/training-conflicts.server.ts and
 * the pure core app/domain/training).
 *
 * Scope: organizers schedule anything; a host coordinator only trainings of visits at their own
 * sites. Anything else is NotFoundError (404). Times arrive as venue-local date + time and are
 * stored as UTC instants with the venue's IANA zone.
 */
import { and, asc, eq, inArray, ne, sql } from "drizzle-orm";
import { db, immediate, t, type Db } from "../db.server";
import { displayName } from "../domain/names";
import {
  assertTimeZone,
  hasBlockingConflict,
  localToUtc,
  ScheduleInputError,
  type TrainingConflict,
} from "../domain/training";
import type { TrainingInput } from "../forms/training";
import type { Actor } from "./actor";
import { recordAudit } from "./audit.server";
import { FieldErrors, NotFoundError, RuleError } from "./errors";
import { fillSeats } from "./enrolments.server";
import { coordinates, requireHostArea } from "./hosts.server";
import {
  audienceOf,
  checkCandidate,
  interpreterPairs,
  loadEditionSchedule,
  participantLanguages,
} from "./training-conflicts.server";

export type TrainingRow = typeof t.trainingSessions.$inferSelect;
type VisitRow = typeof t.exchangeVisits.$inferSelect;

/** Whether the actor may schedule trainings of this visit (organizers: always; hosts: their sites). */
function visitWritable(actor: Actor, visit: VisitRow, tx: Db): boolean {
  return actor.isOrganizer || coordinates(actor, visit.hostSiteId, tx);
}

/** The training and its visit when the actor may manage it, else NotFoundError. */
export function trainingInScope(actor: Actor, trainingId: number, tx: Db = db()): { training: TrainingRow; visit: VisitRow | null } {
  requireHostArea(actor);
  const training = Number.isInteger(trainingId)
    ? tx.select().from(t.trainingSessions).where(eq(t.trainingSessions.id, trainingId)).get()
    : undefined;
  if (!training) throw new NotFoundError("training");
  const visit = training.visitId ? (tx.select().from(t.exchangeVisits).where(eq(t.exchangeVisits.id, training.visitId)).get() ?? null) : null;
  if (actor.isOrganizer) return { training, visit };
  if (!visit || !visitWritable(actor, visit, tx)) throw new NotFoundError("training");
  return { training, visit };
}

/** The edition (organizers only), else NotFoundError. */
export function editionForOrganizer(actor: Actor, editionId: number, tx: Db = db()) {
  if (!actor.isOrganizer) throw new NotFoundError("edition");
  const e = Number.isInteger(editionId) ? tx.select().from(t.editions).where(eq(t.editions.id, editionId)).get() : undefined;
  if (!e) throw new NotFoundError("edition");
  return e;
}

/** Choices of the training form: the edition's visits (in scope), venues, trainers, interpreters. */
export function trainingFormOptions(actor: Actor, editionId: number, tx: Db = db()) {
  const visits = tx
    .select({
      id: t.exchangeVisits.id,
      title: t.exchangeVisits.title,
      arrivalOn: t.exchangeVisits.arrivalOn,
      departureOn: t.exchangeVisits.departureOn,
      hostSiteId: t.exchangeVisits.hostSiteId,
      siteName: t.hostSites.nameLatin,
      timeZone: t.hostSites.timeZone,
      status: t.exchangeVisits.status,
    })
    .from(t.exchangeVisits)
    .innerJoin(t.hostSites, eq(t.hostSites.id, t.exchangeVisits.hostSiteId))
    .where(eq(t.exchangeVisits.editionId, editionId))
    .orderBy(asc(t.exchangeVisits.arrivalOn), asc(t.exchangeVisits.id))
    .all()
    .filter((v) => v.status === "planned" && (actor.isOrganizer || coordinates(actor, v.hostSiteId, tx)));
  const venues = tx.select().from(t.venues).orderBy(asc(t.venues.name)).all();
  const trainers = tx.select().from(t.trainers).orderBy(asc(t.trainers.name)).all();
  const interpreters = tx.select().from(t.interpreters).orderBy(asc(t.interpreters.name)).all();
  return { visits, venues, trainers, interpreters };
}

/** A conflict → translation key with params ("key|{json}") under the form field it belongs to. */
function conflictMessages(tx: Db, conflicts: TrainingConflict[]): { errors: Record<string, string[]>; warnings: string[] } {
  const errors: Record<string, string[]> = {};
  const warnings: string[] = [];
  const add = (field: string, key: string, params: Record<string, unknown>) => (errors[field] ??= []).push(`${key}|${JSON.stringify(params)}`);
  for (const c of conflicts) {
    switch (c.code) {
      case "end_not_after_start":
        add("endTime", "training.errors.endNotAfterStart", {});
        break;
      case "outside_dates":
        add("startDate", c.scope === "visit" ? "training.errors.outsideVisit" : "training.errors.outsideEdition", { from: c.from, to: c.to });
        break;
      case "double_booked": {
        const field = { venue: "venueId", trainer: "trainerIds", interpreter: "interpreterIds", participant: "audience" }[c.resource];
        const names = resourceNames(tx, c.resource, c.resourceIds.map(Number));
        add(field, `training.errors.doubleBooked.${c.resource}`, { names, count: c.resourceIds.length, other: c.other.title ?? `#${c.other.id}`, time: c.other.localTime });
        break;
      }
      case "public_holiday":
        warnings.push(`training.warnings.holiday|${JSON.stringify({ date: c.date, country: c.country, names: c.holidayNames.join(", ") })}`);
        break;
      case "interpreter_cover":
        warnings.push(
          `training.warnings.interpreterCover|${JSON.stringify({
            language: c.deliveryLanguage,
            languages: c.uncoveredLanguages.join(", "),
            people: resourceNames(tx, "participant", c.participantIds.map(Number)),
            count: c.participantIds.length,
          })}`,
        );
        break;
      case "holiday_data_unavailable":
        break;
    }
  }
  return { errors, warnings };
}

/** Display names of venues, trainers, interpreters or participants (application ids), comma-joined. */
export function resourceNames(tx: Db, kind: "venue" | "trainer" | "interpreter" | "participant", ids: number[]): string {
  if (!ids.length) return "";
  const max = 12;
  const shown = ids.slice(0, max);
  let names: string[];
  if (kind === "venue") names = tx.select({ n: t.venues.name }).from(t.venues).where(inArray(t.venues.id, shown)).all().map((r) => r.n);
  else if (kind === "trainer") names = tx.select({ n: t.trainers.name }).from(t.trainers).where(inArray(t.trainers.id, shown)).all().map((r) => r.n);
  else if (kind === "interpreter") names = tx.select({ n: t.interpreters.name }).from(t.interpreters).where(inArray(t.interpreters.id, shown)).all().map((r) => r.n);
  else
    names = tx
      .select({
        givenName: t.applications.givenName,
        familyName: t.applications.familyName,
        givenNameLatin: t.applications.givenNameLatin,
        familyNameLatin: t.applications.familyNameLatin,
        nameOrder: t.applications.nameOrder,
      })
      .from(t.applications)
      .where(inArray(t.applications.id, shown))
      .all()
      .map((r) => displayName(r));
  return names.join(", ") + (ids.length > max ? ` (+${ids.length - max})` : "");
}

type SaveTarget = {
  /** Edition of a new training (ignored when editing). */
  editionId?: number;
  /** The training being edited. */
  trainingId?: number;
  /** Host pages: the training must belong to this visit. */
  fixedVisitId?: number;
};

/** Venue-local date + time → UTC; a time that does not parse or does not exist is a field error. */
function toInstant(date: string, time: string, zone: string, dateField: string, timeField: string, errors: Record<string, string[]>): string | null {
  try {
    return localToUtc(date, time, zone, { field: timeField });
  } catch (e) {
    if (!(e instanceof ScheduleInputError)) throw e;
    const field = e.field === "date" ? dateField : timeField;
    const key = e.code === "nonexistent_local_time" ? `training.errors.nonexistentTime|${JSON.stringify({ zone })}` : e.code === "invalid_date" ? "errors.date" : "training.errors.time";
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
  return immediate(db(), (tx) => {
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
      if (!venue) err("venueId", "errors.invalid");
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
    if (trainerIds.length) known(tx.select({ id: t.trainers.id }).from(t.trainers).where(inArray(t.trainers.id, trainerIds)).all(), trainerIds, "trainerIds");
    if (interpreterIds.length) known(tx.select({ id: t.interpreters.id }).from(t.interpreters).where(inArray(t.interpreters.id, interpreterIds)).all(), interpreterIds, "interpreterIds");

    let startsAt: string | null = null;
    let endsAt: string | null = null;
    if (!errors.timeZone) {
      startsAt = toInstant(input.startDate, input.startTime, zone, "startDate", "startTime", errors);
      endsAt = toInstant(input.endDate ?? input.startDate, input.endTime, zone, "endDate", "endTime", errors);
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
      if (twin) return twin.id;
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
        dateBounds: visit
          ? { from: visit.arrivalOn, to: visit.departureOn, scope: "visit" }
          : { from: edition.startsOn, to: edition.endsOn, scope: "edition" },
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
        .values({ ...values, editionId, status, createdBy: actor.id, createdAt: at, updatedAt: at })
        .returning({ id: t.trainingSessions.id })
        .get().id;
    }
    if (trainerIds.length) tx.insert(t.trainingSessionTrainers).values(trainerIds.map((trainerId) => ({ trainingSessionId: id, trainerId }))).run();
    if (interpreterIds.length)
      tx.insert(t.trainingSessionInterpreters).values(interpreterIds.map((interpreterId) => ({ trainingSessionId: id, interpreterId }))).run();
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
        },
      },
      tx,
    );
    return id;
  });
}

const TRANSITIONS: Record<string, string[]> = { draft: ["scheduled", "cancelled"], scheduled: ["held", "cancelled"] };

/**
 * Moves a training along draft -> scheduled -> held | cancelled (audited). Held only once it has
 * started; a cancellation keeps its reason and frees everybody's time (cancelled trainings never
 * conflict and show as CANCELLED in feeds).
 */
export function changeTrainingStatus(actor: Actor, trainingId: number, to: "scheduled" | "held" | "cancelled", reason: string | undefined, now = new Date()) {
  immediate(db(), (tx) => {
    const { training } = trainingInScope(actor, trainingId, tx);
    if (!(TRANSITIONS[training.status] ?? []).includes(to)) throw new RuleError("training.errors.transition", { from: training.status, to });
    if (to === "held" && Date.parse(training.startsAt) > now.getTime()) throw new RuleError("training.errors.notStarted");
    if (to === "cancelled" && !reason) throw new FieldErrors({ reason: ["errors.required"] });
    tx.update(t.trainingSessions)
      .set({ status: to, cancelReason: to === "cancelled" ? reason! : training.cancelReason, revision: training.revision + 1, updatedAt: now.toISOString() })
      .where(eq(t.trainingSessions.id, trainingId))
      .run();
    recordAudit(actor, { entityType: "training_session", entityId: trainingId, action: to === "cancelled" ? "cancel" : to === "held" ? "hold" : "schedule", fromState: training.status, toState: to, reason: reason ?? null }, tx);
  });
}

export type TrainingListRow = {
  id: number;
  editionId: number;
  visitId: number | null;
  visitTitle: string | null;
  title: string;
  type: TrainingRow["type"];
  status: TrainingRow["status"];
  audience: TrainingRow["audience"];
  startsAt: string;
  endsAt: string;
  timeZone: string;
  venueId: number | null;
  venueName: string | null;
  onlineUrl: string | null;
  deliveryLanguage: string;
  capacity: number | null;
  updatedAt: string;
  revision: number;
  description: string;
  trainers: string[];
  interpreters: string[];
  enrolled: number;
};

/** Trainings matching `where` with venue, trainers, interpreters and enrolled count, by start. */
export function listTrainingRows(tx: Db, where: { editionId?: number; visitId?: number; ids?: number[] }): TrainingListRow[] {
  const conds = [];
  if (where.editionId !== undefined) conds.push(eq(t.trainingSessions.editionId, where.editionId));
  if (where.visitId !== undefined) conds.push(eq(t.trainingSessions.visitId, where.visitId));
  if (where.ids) {
    if (!where.ids.length) return [];
    conds.push(inArray(t.trainingSessions.id, where.ids));
  }
  const rows = tx
    .select({
      id: t.trainingSessions.id,
      editionId: t.trainingSessions.editionId,
      visitId: t.trainingSessions.visitId,
      visitTitle: t.exchangeVisits.title,
      title: t.trainingSessions.title,
      type: t.trainingSessions.type,
      status: t.trainingSessions.status,
      audience: t.trainingSessions.audience,
      startsAt: t.trainingSessions.startsAt,
      endsAt: t.trainingSessions.endsAt,
      timeZone: t.trainingSessions.timeZone,
      venueId: t.trainingSessions.venueId,
      venueName: t.venues.name,
      onlineUrl: t.trainingSessions.onlineUrl,
      deliveryLanguage: t.trainingSessions.deliveryLanguage,
      capacity: t.trainingSessions.capacity,
      updatedAt: t.trainingSessions.updatedAt,
      revision: t.trainingSessions.revision,
      description: t.trainingSessions.description,
      enrolled: sql<number>`(select count(*) from training_enrolments e where e.training_session_id = "training_sessions"."id" and e.status = 'enrolled')`,
    })
    .from(t.trainingSessions)
    .leftJoin(t.venues, eq(t.venues.id, t.trainingSessions.venueId))
    .leftJoin(t.exchangeVisits, eq(t.exchangeVisits.id, t.trainingSessions.visitId))
    .where(conds.length ? and(...conds) : undefined)
    .orderBy(asc(t.trainingSessions.startsAt), asc(t.trainingSessions.id))
    .all();
  const ids = rows.map((r) => r.id);
  const trainers = new Map<number, string[]>();
  const interpreters = new Map<number, string[]>();
  if (ids.length) {
    for (const r of tx
      .select({ id: t.trainingSessionTrainers.trainingSessionId, name: t.trainers.name })
      .from(t.trainingSessionTrainers)
      .innerJoin(t.trainers, eq(t.trainers.id, t.trainingSessionTrainers.trainerId))
      .where(inArray(t.trainingSessionTrainers.trainingSessionId, ids))
      .all())
      trainers.set(r.id, [...(trainers.get(r.id) ?? []), r.name]);
    for (const r of tx
      .select({ id: t.trainingSessionInterpreters.trainingSessionId, name: t.interpreters.name })
      .from(t.trainingSessionInterpreters)
      .innerJoin(t.interpreters, eq(t.interpreters.id, t.trainingSessionInterpreters.interpreterId))
      .where(inArray(t.trainingSessionInterpreters.trainingSessionId, ids))
      .all())
      interpreters.set(r.id, [...(interpreters.get(r.id) ?? []), r.name]);
  }
  return rows.map((r) => ({ ...r, trainers: trainers.get(r.id) ?? [], interpreters: interpreters.get(r.id) ?? [] }));
}

/** The organizer's list of an edition's trainings. */
export function listEditionTrainings(actor: Actor, editionId: number) {
  const edition = editionForOrganizer(actor, editionId);
  return { edition, trainings: listTrainingRows(db(), { editionId }) };
}

/** One training in scope for its edit page: the row, its trainer/interpreter ids, enrolments. */
export function getTrainingForEdit(actor: Actor, trainingId: number) {
  const tx = db();
  const { training, visit } = trainingInScope(actor, trainingId, tx);
  const trainerIds = tx.select().from(t.trainingSessionTrainers).where(eq(t.trainingSessionTrainers.trainingSessionId, trainingId)).all().map((r) => r.trainerId);
  const interpreterIds = tx
    .select()
    .from(t.trainingSessionInterpreters)
    .where(eq(t.trainingSessionInterpreters.trainingSessionId, trainingId))
    .all()
    .map((r) => r.interpreterId);
  const edition = tx.select().from(t.editions).where(eq(t.editions.id, training.editionId)).get()!;
  return { training, visit, edition, trainerIds, interpreterIds };
}

/** Per edition with trainings: counts for the organizer's home page. */
export function trainingSummary() {
  const rows = db()
    .select({
      id: t.editions.id,
      name: t.editions.name,
      total: sql<number>`count(${t.trainingSessions.id})`,
      draft: sql<number>`sum(case when ${t.trainingSessions.status} = 'draft' then 1 else 0 end)`,
      cancelled: sql<number>`sum(case when ${t.trainingSessions.status} = 'cancelled' then 1 else 0 end)`,
    })
    .from(t.editions)
    .innerJoin(t.trainingSessions, eq(t.trainingSessions.editionId, t.editions.id))
    .groupBy(t.editions.id)
    .orderBy(asc(t.editions.startsOn))
    .all();
  return rows.map((r) => ({ id: r.id, name: r.name, counts: { total: r.total, draft: r.draft ?? 0, cancelled: r.cancelled ?? 0 } }));
}
