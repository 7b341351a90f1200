/**
 * Pilot projects: organizers create and edit them and move them through the life cycle
 * (app/domain/pilots/lifecycle.ts); each step writes an audit event with its reason. A project
 * may be created from a participant's submitted action plan item (proposals.server.ts has the
 * participant's side); the item keeps at most one project (unique index).
 */
import { and, eq } from "drizzle-orm";
import { db as defaultDb, immediate, t, type Db } from "../../db.server";
import { canMovePilot, pilotStepNeedsReason } from "../../domain/pilots/lifecycle";
import { currencyOf } from "../../domain/pilots/money.server";
import type { ProjectInput } from "../../forms/pilots";
import type { PilotStatus } from "../../../db/schema/pilots";
import { requireOrganizer, type Actor } from "../actor";
import { recordAudit } from "../audit.server";
import { FieldErrors, NotFoundError, RuleError } from "../errors";
import { recordPlanChanges, type AdjustmentFields } from "./adjustments.server";

/** A submitted action plan item with the user who wrote it; null when missing or still a draft. */
export function submittedActionItem(tx: Db, itemId: number) {
  return (
    tx
      .select({
        id: t.actionPlanItems.id,
        action: t.actionPlanItems.action,
        applicationId: t.actionPlanItems.applicationId,
        userId: t.applications.userId,
        nationality: t.applications.nationality,
      })
      .from(t.actionPlanItems)
      .innerJoin(t.surveyResponses, eq(t.surveyResponses.id, t.actionPlanItems.responseId))
      .innerJoin(t.applications, eq(t.applications.id, t.actionPlanItems.applicationId))
      .where(and(eq(t.actionPlanItems.id, itemId), eq(t.surveyResponses.status, "submitted")))
      .get() ?? null
  );
}

/** Throws RuleError when the action plan item already became a pilot project. */
export function assertItemFree(tx: Db, itemId: number, exceptProjectId?: number) {
  const linked = tx.select({ id: t.pilotProjects.id }).from(t.pilotProjects).where(eq(t.pilotProjects.actionPlanItemId, itemId)).get();
  if (linked && linked.id !== exceptProjectId) throw new RuleError("pilots.errors.alreadyProposed");
}

function resolveLead(tx: Db, input: ProjectInput, fallbackUserId: number | null) {
  if (!input.localLeadEmail) return fallbackUserId;
  const u = tx.select({ id: t.users.id }).from(t.users).where(eq(t.users.email, input.localLeadEmail.toLowerCase())).get();
  if (!u) throw FieldErrors.one("localLeadEmail", "pilots.errors.unknownAccount");
  return u.id;
}

/**
 * Organizer: creates a project (status "proposed") in a village, in the village country's
 * currency. With `actionPlanItemId`, the item must be a submitted one not yet linked, and its
 * author becomes the local lead unless another account is named. Returns the id.
 */
export function createProject(actor: Actor, input: ProjectInput): number {
  requireOrganizer(actor);
  return immediate(defaultDb(), (tx) => {
    const village = tx.select().from(t.pilotVillages).where(eq(t.pilotVillages.id, input.villageId)).get();
    if (!village) throw FieldErrors.one("villageId", "errors.invalid");
    let author: number | null = null;
    if (input.actionPlanItemId) {
      const item = submittedActionItem(tx, input.actionPlanItemId);
      if (!item) throw new NotFoundError("action plan item");
      assertItemFree(tx, item.id);
      author = item.userId;
    }
    const id = tx
      .insert(t.pilotProjects)
      .values({
        villageId: village.id,
        title: input.title,
        component: input.component,
        componentOther: input.component === "other" ? (input.componentOther ?? "") : "",
        objectives: input.objectives,
        currency: currencyOf(village.countryCode),
        startsOn: input.startsOn ?? null,
        endsOn: input.endsOn ?? null,
        localLeadUserId: resolveLead(tx, input, author),
        localLeadName: input.localLeadName ?? "",
        organizerUserId: actor.id,
        actionPlanItemId: input.actionPlanItemId ?? null,
        proposedByUserId: actor.id,
      })
      .returning({ id: t.pilotProjects.id })
      .get().id;
    recordAudit(
      actor,
      {
        entityType: "pilot_project",
        entityId: id,
        action: "create",
        toState: "proposed",
        details: { villageId: village.id, actionPlanItemId: input.actionPlanItemId ?? null },
      },
      tx,
    );
    return id;
  });
}

/** A project's planned period as one value of a plan change ("start/end", either side may be empty). */
const period = (startsOn: string | null, endsOn: string | null) => `${startsOn ?? ""}/${endsOn ?? ""}`;

/**
 * Organizer: edits a project's description, plan dates and people. The village may change only
 * to one with the same currency (the amounts stay meaningful); the action plan link is kept.
 * A change of the objectives or the dates of an agreed plan is a plan adjustment and needs `why`
 * (adjustments.server.ts): without it a field error and nothing written.
 */
export function updateProject(actor: Actor, id: number, input: ProjectInput & AdjustmentFields): void {
  requireOrganizer(actor);
  immediate(defaultDb(), (tx) => {
    const row = tx.select().from(t.pilotProjects).where(eq(t.pilotProjects.id, id)).get();
    if (!row) throw new NotFoundError("pilot project");
    const village = tx.select().from(t.pilotVillages).where(eq(t.pilotVillages.id, input.villageId)).get();
    if (!village) throw FieldErrors.one("villageId", "errors.invalid");
    if (currencyOf(village.countryCode) !== row.currency) throw FieldErrors.one("villageId", "pilots.errors.villageCurrency");
    const next = {
      villageId: village.id,
      title: input.title,
      component: input.component,
      componentOther: input.component === "other" ? (input.componentOther ?? "") : "",
      objectives: input.objectives,
      startsOn: input.startsOn ?? null,
      endsOn: input.endsOn ?? null,
      localLeadUserId: input.localLeadEmail ? resolveLead(tx, input, null) : row.localLeadUserId,
      localLeadName: input.localLeadName ?? "",
    };
    const changed = Object.keys(next).filter((k) => next[k as keyof typeof next] !== row[k as keyof typeof row]);
    if (!changed.length) return;
    const plan = [
      ...(next.objectives !== row.objectives ? [{ kind: "objectives" as const, subject: "", from: row.objectives, to: next.objectives }] : []),
      ...(next.startsOn !== row.startsOn || next.endsOn !== row.endsOn
        ? [{ kind: "dates" as const, subject: "", from: period(row.startsOn, row.endsOn), to: period(next.startsOn, next.endsOn) }]
        : []),
    ];
    recordPlanChanges(tx, actor, row, plan, input);
    tx.update(t.pilotProjects)
      .set({ ...next, updatedAt: new Date().toISOString() })
      .where(eq(t.pilotProjects.id, id))
      .run();
    recordAudit(actor, { entityType: "pilot_project", entityId: id, action: "update", details: { changed } }, tx);
  });
}

/**
 * Organizer: moves a project to `to`. A step the life cycle does not have is RuleError
 * `pilots.errors.transition` (409); suspending without a reason is a field error. Moving to the
 * status it already has changes nothing (a repeated submit). Audited with from, to and reason.
 */
export function changeProjectStatus(actor: Actor, id: number, to: PilotStatus, reason?: string): void {
  requireOrganizer(actor);
  immediate(defaultDb(), (tx) => {
    const row = tx.select().from(t.pilotProjects).where(eq(t.pilotProjects.id, id)).get();
    if (!row) throw new NotFoundError("pilot project");
    if (row.status === to) return;
    if (!canMovePilot(row.status, to)) throw new RuleError("pilots.errors.transition");
    if (pilotStepNeedsReason(to) && !reason) throw FieldErrors.one("reason", "pilots.errors.reasonRequired");
    tx.update(t.pilotProjects).set({ status: to, updatedAt: new Date().toISOString() }).where(eq(t.pilotProjects.id, id)).run();
    recordAudit(actor, { entityType: "pilot_project", entityId: id, action: "status", fromState: row.status, toState: to, reason: reason || null }, tx);
  });
}
