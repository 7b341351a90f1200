/**
 * Lists of trainings (issue 5): the rows with venue, trainers, interpreters and enrolled count
 * (also used by the feeds and itineraries), the organizer's edition list, one training for its
 * edit page, and the counts of the organizer's home page.
 */
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { db, t, type Db } from "../../db.server";
import type { Actor } from "../actor";
import { editionForOrganizer, trainingInScope, type TrainingRow } from "./trainings.server";

export type TrainingListRow = {
  id: number;
  editionId: number;
  visitId: number | null;
  visitTitle: string | null;
  title: string;
  /** Other languages of title and description (English is the plain column). */
  translations: TrainingRow["translations"];
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
  /** The series it is one occurrence of (issue 15, item 8), or null. */
  seriesId: number | null;
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
      translations: t.trainingSessions.translations,
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
      seriesId: t.trainingSessions.seriesId,
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
  const trainerIds = tx
    .select()
    .from(t.trainingSessionTrainers)
    .where(eq(t.trainingSessionTrainers.trainingSessionId, trainingId))
    .all()
    .map((r) => r.trainerId);
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
