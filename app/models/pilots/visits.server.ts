/**
 * Monitoring visits of pilot projects (issue 16 item 3): a dated report of a visit to the village
 * (who went, findings, issues) with the actions agreed there (what, owner, due date), each ticked
 * done later. Who writes: an organizer, or the project's local lead (for their own project); a
 * report is edited by its author or an organizer; agreed actions are ticked by anyone who may
 * write visits of the project. Focal points and proposers read only (scope.server.ts); anyone
 * else gets NotFoundError. The visit date is the village's date and may not be after its today.
 * Every write is audited on the project ("visit_add", "visit_edit", "visit_action_done",
 * "visit_action_reopen"). Photos are documents attached to ("pilot_monitoring_visit", id), added
 * with the report (checked beforehand: visit-photos.server.ts) and listed with it.
 */
import { and, asc, desc, eq, inArray } from "drizzle-orm";
import { db as defaultDb, immediate, t, type Db } from "../../db.server";
import { todayIn } from "../../domain/dates";
import type { Actor } from "../actor";
import { recordAudit } from "../audit.server";
import { FieldErrors, NotFoundError } from "../errors";
import { projectInScope } from "./scope.server";
import { canRemovePhoto, photosOfVisits, withPhotoFiles, type CheckedPhoto } from "./visit-photos.server";

type ProjectRow = typeof t.pilotProjects.$inferSelect;

/** One agreed action as typed: `id` for one already stored; `done` ticks it (today in the village). */
export type VisitActionInput = { id?: number; action: string; owner: string; dueOn: string; done?: boolean };
/** `photos`: checked by checkVisitPhotos (type by content, size) before the call. */
export type VisitInput = { visitedOn: string; visitors: string; findings: string; issues?: string; actions: VisitActionInput[]; photos?: CheckedPhoto[] };

/** True when `actor` may record monitoring visits of `project`: organizers, and its local lead. */
export function canWriteVisits(actor: Actor, project: Pick<ProjectRow, "localLeadUserId">): boolean {
  return actor.isOrganizer || (project.localLeadUserId !== null && project.localLeadUserId === actor.id);
}

/** The project, its village and its today when `actor` may write its visits; NotFoundError otherwise. */
function writable(actor: Actor, projectId: number, tx: Db, now: Date) {
  const { project, village } = projectInScope(actor, projectId, tx);
  if (!canWriteVisits(actor, project)) throw new NotFoundError("pilot project");
  return { project, village, today: todayIn(village.timeZone, now) };
}

function visitOf(tx: Db, projectId: number, visitId: number) {
  const v = tx
    .select()
    .from(t.pilotMonitoringVisits)
    .where(and(eq(t.pilotMonitoringVisits.id, visitId), eq(t.pilotMonitoringVisits.projectId, projectId)))
    .get();
  if (!v) throw new NotFoundError("monitoring visit");
  return v;
}

/**
 * Organizer or the project's local lead: records a monitoring visit with its agreed actions;
 * returns its id. Field error `visitedOn` (pilots.errors.future) for a date after the village's
 * today at `now`. Its photos are stored with it, or none of them on any error.
 */
export function createVisit(actor: Actor, projectId: number, input: VisitInput, now: Date = new Date()): number {
  return withPhotoFiles(input.photos ?? [], (attach) =>
    immediate(defaultDb(), (tx) => {
      const { today } = writable(actor, projectId, tx, now);
      if (input.visitedOn > today) throw FieldErrors.one("visitedOn", "pilots.errors.future");
      const id = tx
        .insert(t.pilotMonitoringVisits)
        .values({
          projectId,
          visitedOn: input.visitedOn,
          visitors: input.visitors,
          findings: input.findings,
          issues: input.issues ?? "",
          authorUserId: actor.id,
        })
        .returning({ id: t.pilotMonitoringVisits.id })
        .get().id;
      input.actions.forEach((a, position) => {
        tx.insert(t.pilotVisitActions)
          .values({ visitId: id, position, action: a.action, owner: a.owner, dueOn: a.dueOn, doneOn: a.done ? today : null })
          .run();
      });
      recordAudit(
        actor,
        {
          entityType: "pilot_project",
          entityId: projectId,
          action: "visit_add",
          details: { visitId: id, visitedOn: input.visitedOn, actions: input.actions.length },
        },
        tx,
      );
      attach(tx, actor, projectId, id);
      return id;
    }),
  );
}

/**
 * The report's author (still allowed to write the project's visits) or an organizer: rewrites
 * the report. Stored actions missing from `actions` are removed; those with an `id` are updated
 * (an id of another visit is NotFoundError); a newly ticked action is done today in the village.
 * New photos are added to the stored ones (at most VISIT_PHOTOS_MAX in all; FieldErrors `photos`).
 */
export function updateVisit(actor: Actor, projectId: number, visitId: number, input: VisitInput, now: Date = new Date()): void {
  withPhotoFiles(input.photos ?? [], (attach) =>
    immediate(defaultDb(), (tx) => {
      const { today } = writable(actor, projectId, tx, now);
      const v = visitOf(tx, projectId, visitId);
      if (!actor.isOrganizer && v.authorUserId !== actor.id) throw new NotFoundError("monitoring visit");
      if (input.visitedOn > today) throw FieldErrors.one("visitedOn", "pilots.errors.future");
      const stored = new Map(
        tx
          .select()
          .from(t.pilotVisitActions)
          .where(eq(t.pilotVisitActions.visitId, visitId))
          .all()
          .map((a) => [a.id, a]),
      );
      if (input.actions.some((a) => a.id !== undefined && !stored.has(a.id))) throw new NotFoundError("agreed action");
      tx.update(t.pilotMonitoringVisits)
        .set({
          visitedOn: input.visitedOn,
          visitors: input.visitors,
          findings: input.findings,
          issues: input.issues ?? "",
          updatedAt: new Date().toISOString(),
        })
        .where(eq(t.pilotMonitoringVisits.id, visitId))
        .run();
      const kept = new Set(input.actions.map((a) => a.id).filter((x): x is number => x !== undefined));
      const gone = [...stored.keys()].filter((id) => !kept.has(id));
      if (gone.length) tx.delete(t.pilotVisitActions).where(inArray(t.pilotVisitActions.id, gone)).run();
      input.actions.forEach((a, position) => {
        const old = a.id !== undefined ? stored.get(a.id) : undefined;
        const doneOn = a.done ? (old?.doneOn ?? today) : null;
        if (old) {
          tx.update(t.pilotVisitActions)
            .set({ position, action: a.action, owner: a.owner, dueOn: a.dueOn, doneOn })
            .where(eq(t.pilotVisitActions.id, old.id))
            .run();
        } else {
          tx.insert(t.pilotVisitActions).values({ visitId, position, action: a.action, owner: a.owner, dueOn: a.dueOn, doneOn }).run();
        }
      });
      recordAudit(
        actor,
        {
          entityType: "pilot_project",
          entityId: projectId,
          action: "visit_edit",
          details: { visitId, visitedOn: input.visitedOn, removedActions: gone.length },
        },
        tx,
      );
      attach(tx, actor, projectId, visitId);
    }),
  );
}

/** Anyone who may write the project's visits: ticks an agreed action done (today in the village) or reopens it. */
export function setVisitActionDone(actor: Actor, projectId: number, actionId: number, done: boolean, now: Date = new Date()): void {
  immediate(defaultDb(), (tx) => {
    const { today } = writable(actor, projectId, tx, now);
    const row = tx
      .select({ a: t.pilotVisitActions })
      .from(t.pilotVisitActions)
      .innerJoin(t.pilotMonitoringVisits, eq(t.pilotMonitoringVisits.id, t.pilotVisitActions.visitId))
      .where(and(eq(t.pilotVisitActions.id, actionId), eq(t.pilotMonitoringVisits.projectId, projectId)))
      .get();
    if (!row) throw new NotFoundError("agreed action");
    if ((row.a.doneOn !== null) === done) return;
    const doneOn = done ? today : null;
    tx.update(t.pilotVisitActions).set({ doneOn }).where(eq(t.pilotVisitActions.id, actionId)).run();
    recordAudit(
      actor,
      {
        entityType: "pilot_project",
        entityId: projectId,
        action: done ? "visit_action_done" : "visit_action_reopen",
        fromState: row.a.doneOn,
        toState: doneOn,
        details: { visitId: row.a.visitId, actionId, action: row.a.action },
      },
      tx,
    );
  });
}

/**
 * The project's visits, newest first (by visit date, then entry), each with its agreed actions in
 * order, its author's name, whether `actor` may edit it, and its photos (oldest first, each with
 * whether `actor` may remove it). Reading scope is the caller's (projectInScope).
 */
export function listVisits(actor: Actor, project: Pick<ProjectRow, "id" | "localLeadUserId">, tx: Db = defaultDb()) {
  const visits = tx
    .select({ v: t.pilotMonitoringVisits, by: t.users.displayName })
    .from(t.pilotMonitoringVisits)
    .leftJoin(t.users, eq(t.users.id, t.pilotMonitoringVisits.authorUserId))
    .where(eq(t.pilotMonitoringVisits.projectId, project.id))
    .orderBy(desc(t.pilotMonitoringVisits.visitedOn), desc(t.pilotMonitoringVisits.id))
    .all();
  const ids = visits.map((r) => r.v.id);
  const actions = ids.length
    ? tx
        .select()
        .from(t.pilotVisitActions)
        .where(inArray(t.pilotVisitActions.visitId, ids))
        .orderBy(asc(t.pilotVisitActions.position), asc(t.pilotVisitActions.id))
        .all()
    : [];
  const writer = canWriteVisits(actor, project);
  const photos = photosOfVisits(ids, tx);
  return visits.map(({ v, by }) => ({
    ...v,
    by,
    actions: actions.filter((a) => a.visitId === v.id),
    canEdit: writer && (actor.isOrganizer || v.authorUserId === actor.id),
    photos: (photos.get(v.id) ?? []).map((p) => ({ ...p, canRemove: canRemovePhoto(actor, writer, v.authorUserId, p.uploadedBy) })),
  }));
}

/** The visit as stored with its actions, for its edit form (author or organizer; 404 otherwise). */
export function getVisitForEdit(actor: Actor, projectId: number, visitId: number, now: Date = new Date()) {
  const d = defaultDb();
  const { project, village, today } = writable(actor, projectId, d, now);
  const v = visitOf(d, projectId, visitId);
  if (!actor.isOrganizer && v.authorUserId !== actor.id) throw new NotFoundError("monitoring visit");
  const actions = d.select().from(t.pilotVisitActions).where(eq(t.pilotVisitActions.visitId, visitId)).orderBy(asc(t.pilotVisitActions.position)).all();
  return { project, village, today, visit: v, actions, photoCount: photosOfVisits([visitId], d).get(visitId)!.length };
}

/** For the new-visit page: the project and the village's today when `actor` may write visits (404 otherwise). */
export function visitContext(actor: Actor, projectId: number, now: Date = new Date()) {
  return writable(actor, projectId, defaultDb(), now);
}

/** Per project: number of visits, date of the last one, open agreed actions, photos of its visits (for the overview and the CSV). */
export function visitSummaries(projectIds: number[], tx: Db = defaultDb()) {
  const out = new Map<number, { visits: number; lastVisitOn: string | null; openActions: number; photos: number }>();
  if (!projectIds.length) return out;
  for (const id of projectIds) out.set(id, { visits: 0, lastVisitOn: null, openActions: 0, photos: 0 });
  const visits = tx
    .select({ id: t.pilotMonitoringVisits.id, projectId: t.pilotMonitoringVisits.projectId, on: t.pilotMonitoringVisits.visitedOn })
    .from(t.pilotMonitoringVisits)
    .where(inArray(t.pilotMonitoringVisits.projectId, projectIds))
    .all();
  const projectOf = new Map<number, number>();
  for (const v of visits) {
    const s = out.get(v.projectId)!;
    s.visits += 1;
    if (!s.lastVisitOn || v.on > s.lastVisitOn) s.lastVisitOn = v.on;
    projectOf.set(v.id, v.projectId);
  }
  if (visits.length) {
    const open = tx
      .select({ visitId: t.pilotVisitActions.visitId, doneOn: t.pilotVisitActions.doneOn })
      .from(t.pilotVisitActions)
      .where(inArray(t.pilotVisitActions.visitId, [...projectOf.keys()]))
      .all();
    for (const a of open) if (a.doneOn === null) out.get(projectOf.get(a.visitId)!)!.openActions += 1;
    for (const [visitId, photos] of photosOfVisits([...projectOf.keys()], tx)) out.get(projectOf.get(visitId)!)!.photos += photos.length;
  }
  return out;
}
