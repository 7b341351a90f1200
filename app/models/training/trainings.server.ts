/**
 * Training sessions (issue 5): scope (which trainings and editions the actor may manage), the
 * choices of the training form, and the life cycle (draft -> scheduled -> held | cancelled,
 * audited). Saving with its conflict checks is app/models/training/save.server.ts; the lists and
 * the edit page's data are app/models/training/list.server.ts.
 *
 * Scope: organizers schedule anything; a host coordinator only trainings of visits at their own
 * sites. Anything else is NotFoundError (404). Times arrive as venue-local date + time and are
 * stored as UTC instants with the venue's IANA zone.
 */
import { asc, eq } from "drizzle-orm";
import { db, immediate, t, type Db } from "../../db.server";
import type { Actor } from "../actor";
import { recordAudit } from "../audit.server";
import { FieldErrors, NotFoundError, RuleError } from "../errors";
import { coordinates, requireHostArea } from "../hosts/sites.server";

export type TrainingRow = typeof t.trainingSessions.$inferSelect;
export type VisitRow = typeof t.exchangeVisits.$inferSelect;

/** Whether the actor may schedule trainings of this visit (organizers: always; hosts: their sites). */
export function visitWritable(actor: Actor, visit: VisitRow, tx: Db): boolean {
  return actor.isOrganizer || coordinates(actor, visit.hostSiteId, tx);
}

/** The training and its visit when the actor may manage it, else NotFoundError. */
export function trainingInScope(actor: Actor, trainingId: number, tx: Db = db()): { training: TrainingRow; visit: VisitRow | null } {
  requireHostArea(actor);
  const training = Number.isInteger(trainingId) ? tx.select().from(t.trainingSessions).where(eq(t.trainingSessions.id, trainingId)).get() : undefined;
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
      translations: t.exchangeVisits.translations,
      arrivalOn: t.exchangeVisits.arrivalOn,
      departureOn: t.exchangeVisits.departureOn,
      hostSiteId: t.exchangeVisits.hostSiteId,
      siteName: t.hostSites.nameLatin,
      /** The site's name parts, for `siteNameShown` in the reader's language (issue 11). */
      site: { name: t.hostSites.name, nameLatin: t.hostSites.nameLatin, countryCode: t.hostSites.countryCode, translations: t.hostSites.translations },
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
    // Bad input, not a conflict: a 400 with a form-level message (issue 12, new user's item 7).
    if (to === "held" && Date.parse(training.startsAt) > now.getTime()) throw new FieldErrors({ "": ["training.errors.notStarted"] });
    if (to === "cancelled" && !reason) throw new FieldErrors({ reason: ["errors.required"] });
    tx.update(t.trainingSessions)
      .set({ status: to, cancelReason: to === "cancelled" ? reason! : training.cancelReason, revision: training.revision + 1, updatedAt: now.toISOString() })
      .where(eq(t.trainingSessions.id, trainingId))
      .run();
    recordAudit(
      actor,
      {
        entityType: "training_session",
        entityId: trainingId,
        action: to === "cancelled" ? "cancel" : to === "held" ? "hold" : "schedule",
        fromState: training.status,
        toState: to,
        reason: reason ?? null,
      },
      tx,
    );
  });
}
