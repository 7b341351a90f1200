/**
 * The database side of training-session conflict detection (issue 5): loads an edition's
 * trainings with their venue, trainers, interpreters and resolved audience into the pure
 * scheduling core (app/domain/training), and answers which trainings a visit date move would
 * leave outside the visit.
 *
 * Participant ids are application ids. The audience of a training is
 * - 'visit': the accepted placements of its visit,
 * - 'edition': every accepted application of its edition,
 * - 'enrol': its enrolments with status 'enrolled'.
 */
import { and, eq, inArray, ne } from "drizzle-orm";
import { db, t, type Db } from "../../db.server";
import {
  buildScheduleIndex,
  checkConflicts,
  findFreeSlots,
  localDateOf,
  type ExtraHoliday,
  type LanguagePair,
  type ScheduledTraining,
  type ScheduleIndex,
  type TrainingCandidate,
  type TrainingConflict,
} from "../../domain/training";

export type TrainingAudience = "visit" | "edition" | "enrol";

/** Accepted application ids of an edition, and accepted placements by visit. */
export function editionParticipants(tx: Db, editionId: number) {
  const accepted = tx
    .select({ id: t.applications.id })
    .from(t.applications)
    .where(and(eq(t.applications.editionId, editionId), eq(t.applications.status, "accepted")))
    .all()
    .map((r) => r.id);
  const placed = tx
    .select({ visitId: t.placements.visitId, applicationId: t.placements.applicationId })
    .from(t.placements)
    .innerJoin(t.exchangeVisits, eq(t.exchangeVisits.id, t.placements.visitId))
    .innerJoin(t.applications, eq(t.applications.id, t.placements.applicationId))
    .where(and(eq(t.exchangeVisits.editionId, editionId), eq(t.placements.status, "accepted"), eq(t.applications.status, "accepted")))
    .all();
  const byVisit = new Map<number, number[]>();
  for (const p of placed) {
    const list = byVisit.get(p.visitId) ?? [];
    list.push(p.applicationId);
    byVisit.set(p.visitId, list);
  }
  return { accepted, byVisit };
}

/** Enrolled application ids per training of an edition. */
function enrolledByTraining(tx: Db, trainingIds: number[]): Map<number, number[]> {
  const out = new Map<number, number[]>();
  if (!trainingIds.length) return out;
  const rows = tx
    .select({ trainingId: t.trainingEnrolments.trainingSessionId, applicationId: t.trainingEnrolments.applicationId })
    .from(t.trainingEnrolments)
    .where(and(inArray(t.trainingEnrolments.trainingSessionId, trainingIds), eq(t.trainingEnrolments.status, "enrolled")))
    .all();
  for (const r of rows) {
    const list = out.get(r.trainingId) ?? [];
    list.push(r.applicationId);
    out.set(r.trainingId, list);
  }
  return out;
}

export type EditionSchedule = {
  trainings: ScheduledTraining[];
  index: ScheduleIndex;
  participants: ReturnType<typeof editionParticipants>;
  enrolled: Map<number, number[]>;
};

/** Every non-cancelled training of the edition as the scheduler sees it, and their interval index. */
export function loadEditionSchedule(tx: Db, editionId: number): EditionSchedule {
  const rows = tx
    .select({
      id: t.trainingSessions.id,
      title: t.trainingSessions.title,
      startsAt: t.trainingSessions.startsAt,
      endsAt: t.trainingSessions.endsAt,
      venueId: t.trainingSessions.venueId,
      visitId: t.trainingSessions.visitId,
      audience: t.trainingSessions.audience,
      status: t.trainingSessions.status,
    })
    .from(t.trainingSessions)
    .where(and(eq(t.trainingSessions.editionId, editionId), ne(t.trainingSessions.status, "cancelled")))
    .all();
  const ids = rows.map((r) => r.id);
  const trainersBy = new Map<number, number[]>();
  const interpretersBy = new Map<number, number[]>();
  if (ids.length) {
    for (const r of tx.select().from(t.trainingSessionTrainers).where(inArray(t.trainingSessionTrainers.trainingSessionId, ids)).all()) {
      trainersBy.set(r.trainingSessionId, [...(trainersBy.get(r.trainingSessionId) ?? []), r.trainerId]);
    }
    for (const r of tx.select().from(t.trainingSessionInterpreters).where(inArray(t.trainingSessionInterpreters.trainingSessionId, ids)).all()) {
      interpretersBy.set(r.trainingSessionId, [...(interpretersBy.get(r.trainingSessionId) ?? []), r.interpreterId]);
    }
  }
  const participants = editionParticipants(tx, editionId);
  const enrolled = enrolledByTraining(tx, ids);
  const trainings: ScheduledTraining[] = rows.map((r) => ({
    id: r.id,
    title: r.title,
    start: r.startsAt,
    end: r.endsAt,
    venueId: r.venueId,
    status: r.status,
    trainerIds: trainersBy.get(r.id) ?? [],
    interpreterIds: interpretersBy.get(r.id) ?? [],
    participantIds: audienceOf(r, participants, enrolled),
  }));
  return { trainings, index: buildScheduleIndex(trainings), participants, enrolled };
}

/** The resolved audience (application ids) of one training. */
export function audienceOf(
  r: { id?: number; audience: TrainingAudience; visitId: number | null },
  participants: ReturnType<typeof editionParticipants>,
  enrolled: Map<number, number[]>,
): number[] {
  if (r.audience === "edition") return participants.accepted;
  if (r.audience === "visit") return r.visitId ? (participants.byVisit.get(r.visitId) ?? []) : [];
  return r.id ? (enrolled.get(r.id) ?? []) : [];
}

/** Organizer-kept holidays (holiday_overrides) in the checker's shape. */
export function extraHolidays(tx: Db = db()): ExtraHoliday[] {
  return tx.select({ country: t.holidayOverrides.countryCode, date: t.holidayOverrides.date, name: t.holidayOverrides.name }).from(t.holidayOverrides).all();
}

/** Language codes each participant understands, keyed by application id. */
export function participantLanguages(tx: Db, applicationIds: number[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  if (!applicationIds.length) return out;
  for (const chunk of chunks(applicationIds, 500)) {
    for (const r of tx
      .select({ id: t.applications.id, languages: t.applications.languages })
      .from(t.applications)
      .where(inArray(t.applications.id, chunk))
      .all()) {
      out[String(r.id)] = r.languages.map((l) => l.code);
    }
  }
  return out;
}

/** Language pairs of interpreters, keyed by interpreter id. */
export function interpreterPairs(tx: Db, ids: number[]): Record<string, LanguagePair[]> {
  const out: Record<string, LanguagePair[]> = {};
  if (!ids.length) return out;
  for (const r of tx.select().from(t.interpreters).where(inArray(t.interpreters.id, ids)).all()) out[String(r.id)] = r.languagePairs;
  return out;
}

function chunks<T>(xs: T[], n: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += n) out.push(xs.slice(i, i + n));
  return out;
}

/** Runs the pure checker on a candidate against the edition's index (holiday overrides included). */
export function checkCandidate(tx: Db, schedule: EditionSchedule, candidate: TrainingCandidate, locale = "en-GB"): TrainingConflict[] {
  return checkConflicts(schedule.index, candidate, { extraHolidays: extraHolidays(tx), locale });
}

/**
 * Trainings of visit `visitId` (not cancelled) that would fall outside [arrivalOn, departureOn]
 * read in each training's own venue zone (docs/design.md invariant 4). Used by visitDateMoveBlockers.
 */
export function visitTrainingsOutside(tx: Db, visitId: number, arrivalOn: string, departureOn: string) {
  return tx
    .select({
      id: t.trainingSessions.id,
      title: t.trainingSessions.title,
      startsAt: t.trainingSessions.startsAt,
      endsAt: t.trainingSessions.endsAt,
      timeZone: t.trainingSessions.timeZone,
    })
    .from(t.trainingSessions)
    .where(and(eq(t.trainingSessions.visitId, visitId), ne(t.trainingSessions.status, "cancelled")))
    .all()
    .filter((r) => {
      const first = localDateOf(r.startsAt, r.timeZone);
      // A training ending at 00:00 belongs to the day before (the day of its last minute).
      const last = localDateOf(Math.max(Date.parse(r.startsAt), Date.parse(r.endsAt) - 1), r.timeZone);
      return first < arrivalOn || last > departureOn;
    });
}

export type SlotRequest = {
  editionId: number;
  visitId?: number;
  venueId?: number;
  trainerIds: number[];
  interpreterIds: number[];
  audience?: TrainingAudience;
  durationMinutes: number;
  workStart?: string;
  workEnd?: string;
  count?: number;
  now?: Date;
};

/**
 * The earliest conflict-free slots for a new training of the edition: inside the visit's days (or
 * the edition's), the working hours (default 08:00–18:00, venue-local), skipping public holidays
 * of the venue's country (overrides included), none in the past. The venue's zone, else the
 * visit site's zone, else the edition's. Scope (organizer/host) is the caller's job.
 */
export function proposeSlots(tx: Db, req: SlotRequest, locale = "en-GB") {
  const edition = tx.select().from(t.editions).where(eq(t.editions.id, req.editionId)).get();
  if (!edition) return null;
  const visit = req.visitId ? tx.select().from(t.exchangeVisits).where(eq(t.exchangeVisits.id, req.visitId)).get() : undefined;
  if (req.visitId && (!visit || visit.editionId !== edition.id)) return null;
  const venue = req.venueId ? tx.select().from(t.venues).where(eq(t.venues.id, req.venueId)).get() : undefined;
  if (req.venueId && !venue) return null;
  const site = visit ? tx.select().from(t.hostSites).where(eq(t.hostSites.id, visit.hostSiteId)).get() : undefined;
  const zone = venue?.timeZone ?? site?.timeZone ?? edition.timeZone;
  const schedule = loadEditionSchedule(tx, edition.id);
  const participantIds = req.audience ? audienceOf({ audience: req.audience, visitId: req.visitId ?? null }, schedule.participants, schedule.enrolled) : [];
  const slots = findFreeSlots(schedule.index, {
    durationMinutes: req.durationMinutes,
    venueId: req.venueId ?? null,
    trainerIds: req.trainerIds,
    interpreterIds: req.interpreterIds,
    participantIds,
    from: visit?.arrivalOn ?? edition.startsOn,
    to: visit?.departureOn ?? edition.endsOn,
    venueZone: zone,
    venueCountry: venue?.countryCode ?? site?.countryCode ?? null,
    workingHours: { start: req.workStart ?? "08:00", end: req.workEnd ?? "18:00" },
    extraHolidays: extraHolidays(tx),
    notBefore: (req.now ?? new Date()).toISOString(),
    count: req.count ?? 6,
    locale,
  });
  return { zone, slots };
}
