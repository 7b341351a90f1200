/**
 * Plan adjustments of pilot projects (issue 16 item 3; the evaluation's "plan adjustment", as
 * editions have them in app/models/evaluation/adjustments.server.ts: what changed, why, and the
 * evidence). Once a project's plan is agreed (status approved or later), every change to it (its
 * objectives, its dates, a milestone added, moved or removed, a budget line added or its planned
 * amount changed) is written as one adjustment in the same transaction as the change, and needs a
 * reason: without one the change is refused (field `why`, nothing written). While a project is
 * only proposed its plan is a draft and changes are not adjustments. Organizers write them.
 */
import { and, desc, eq, inArray } from "drizzle-orm";
import { db as defaultDb, immediate, t, type Db } from "../../db.server";
import { parseAmount } from "../../domain/pilots/money";
import type { PilotAdjustmentEvidence, PilotPlanChange } from "../../../db/schema/pilots";
import { requireOrganizer, type Actor } from "../actor";
import { recordAudit } from "../audit.server";
import { FieldErrors, messageKey, NotFoundError } from "../errors";

/** The reason and evidence typed with a plan change (all optional in the form; `why` required once the plan is agreed). */
export type AdjustmentFields = { why?: string; evidenceVisitId?: number; evidenceValueIds?: number[]; evidenceNote?: string };

type ProjectRow = typeof t.pilotProjects.$inferSelect;

/** True when changes to the project's plan are adjustments (the plan was agreed: approved or later). */
export function planIsAgreed(project: Pick<ProjectRow, "status">): boolean {
  return project.status !== "proposed";
}

/**
 * Inside the caller's transaction: checks that `changes` to an agreed plan come with a reason and
 * evidence of this project, then writes the adjustment and its audit event; returns its id, or
 * null when nothing changed or the plan is still a draft. Field errors: `why` (missing),
 * `evidenceVisitId` / `evidenceValueIds` (not of this project). Call it BEFORE writing the change,
 * so a refusal leaves nothing written.
 */
export function recordPlanChanges(tx: Db, actor: Actor, project: ProjectRow, changes: PilotPlanChange[], input: AdjustmentFields): number | null {
  if (!changes.length || !planIsAgreed(project)) return null;
  const why = input.why?.trim() ?? "";
  if (!why) throw FieldErrors.one("why", "pilots.errors.whyRequired");
  const visitIds = input.evidenceVisitId ? [input.evidenceVisitId] : [];
  if (visitIds.length) {
    const ok = tx
      .select({ id: t.pilotMonitoringVisits.id })
      .from(t.pilotMonitoringVisits)
      .where(and(inArray(t.pilotMonitoringVisits.id, visitIds), eq(t.pilotMonitoringVisits.projectId, project.id)))
      .all();
    if (ok.length !== visitIds.length) throw FieldErrors.one("evidenceVisitId", "errors.invalid");
  }
  const valueIds = [...new Set(input.evidenceValueIds ?? [])];
  if (valueIds.length) {
    const ok = tx
      .select({ id: t.pilotIndicatorValues.id })
      .from(t.pilotIndicatorValues)
      .where(and(inArray(t.pilotIndicatorValues.id, valueIds), eq(t.pilotIndicatorValues.projectId, project.id)))
      .all();
    if (ok.length !== valueIds.length) throw FieldErrors.one("evidenceValueIds", "errors.invalid");
  }
  const evidence: PilotAdjustmentEvidence = { visitIds, indicatorValueIds: valueIds, note: input.evidenceNote?.trim() ?? "" };
  const id = tx
    .insert(t.pilotPlanAdjustments)
    .values({ projectId: project.id, what: changes, why, evidence, createdBy: actor.id })
    .returning({ id: t.pilotPlanAdjustments.id })
    .get().id;
  recordAudit(
    actor,
    {
      entityType: "pilot_project",
      entityId: project.id,
      action: "plan_adjustment",
      reason: why,
      details: { adjustmentId: id, kinds: changes.map((c) => c.kind) },
    },
    tx,
  );
  return id;
}

/** The project's plan adjustments, newest first, with their author's name. */
export function listPlanAdjustments(projectId: number, tx: Db = defaultDb()) {
  return tx
    .select({ a: t.pilotPlanAdjustments, by: t.users.displayName })
    .from(t.pilotPlanAdjustments)
    .leftJoin(t.users, eq(t.users.id, t.pilotPlanAdjustments.createdBy))
    .where(eq(t.pilotPlanAdjustments.projectId, projectId))
    .orderBy(desc(t.pilotPlanAdjustments.createdAt), desc(t.pilotPlanAdjustments.id))
    .all()
    .map((r) => ({ ...r.a, by: r.by }));
}

export type PlanEditInput = AdjustmentFields & {
  /** Each open or reached milestone: its new planned date, or removed. */
  milestones: { id: number; dueOn: string; remove: boolean }[];
  /** Each budget line: its planned amount typed in major units. */
  lines: { id: number; planned: string }[];
};

/**
 * Organizer: changes the plan's milestone dates (or removes milestones) and planned amounts in one
 * adjustment. Field errors: `milestones[i].dueOn` before the project's start, `lines[i].planned`
 * not an amount of the currency, `why` missing once the plan is agreed; a form error
 * `pilots.errors.noPlanChange` when nothing differs. Rows of other projects are NotFoundError.
 */
export function adjustPlan(actor: Actor, projectId: number, input: PlanEditInput): number | null {
  requireOrganizer(actor);
  return immediate(defaultDb(), (tx) => {
    const p = tx.select().from(t.pilotProjects).where(eq(t.pilotProjects.id, projectId)).get();
    if (!p) throw new NotFoundError("pilot project");
    const ms = new Map(
      tx
        .select()
        .from(t.pilotMilestones)
        .where(eq(t.pilotMilestones.projectId, projectId))
        .all()
        .map((m) => [m.id, m]),
    );
    const lines = new Map(
      tx
        .select()
        .from(t.pilotBudgetLines)
        .where(eq(t.pilotBudgetLines.projectId, projectId))
        .all()
        .map((l) => [l.id, l]),
    );
    const changes: PilotPlanChange[] = [];
    const errors: Record<string, string[]> = {};
    const moves: { id: number; dueOn: string }[] = [];
    const removals: number[] = [];
    const amounts: { id: number; plannedMinor: number }[] = [];
    input.milestones.forEach((row, i) => {
      const m = ms.get(row.id);
      if (!m) throw new NotFoundError("milestone");
      if (row.remove) {
        removals.push(m.id);
        changes.push({ kind: "milestone_remove", subject: m.title, from: m.dueOn, to: null });
      } else if (row.dueOn !== m.dueOn) {
        if (p.startsOn && row.dueOn < p.startsOn) errors[`milestones[${i}].dueOn`] = ["pilots.errors.beforeStart"];
        moves.push({ id: m.id, dueOn: row.dueOn });
        changes.push({ kind: "milestone_date", subject: m.title, from: m.dueOn, to: row.dueOn });
      }
    });
    input.lines.forEach((row, i) => {
      const l = lines.get(row.id);
      if (!l) throw new NotFoundError("budget line");
      const r = parseAmount(row.planned, p.currency);
      if (!r.ok) {
        errors[`lines[${i}].planned`] = [messageKey(r.error, { digits: r.digits, currency: p.currency })];
        return;
      }
      if (r.minor !== l.plannedMinor) {
        amounts.push({ id: l.id, plannedMinor: r.minor });
        changes.push({ kind: "budget_planned", subject: `${l.period} · ${l.item}`, from: String(l.plannedMinor), to: String(r.minor) });
      }
    });
    if (Object.keys(errors).length) throw new FieldErrors(errors);
    if (!changes.length) throw FieldErrors.one("", "pilots.errors.noPlanChange");
    const id = recordPlanChanges(tx, actor, p, changes, input);
    for (const m of moves) tx.update(t.pilotMilestones).set({ dueOn: m.dueOn }).where(eq(t.pilotMilestones.id, m.id)).run();
    if (removals.length) tx.delete(t.pilotMilestones).where(inArray(t.pilotMilestones.id, removals)).run();
    for (const a of amounts) tx.update(t.pilotBudgetLines).set({ plannedMinor: a.plannedMinor }).where(eq(t.pilotBudgetLines.id, a.id)).run();
    if (id === null) {
      // A draft plan: the change is audited, not logged as an adjustment.
      recordAudit(actor, { entityType: "pilot_project", entityId: projectId, action: "plan_edit", details: { kinds: changes.map((c) => c.kind) } }, tx);
    }
    tx.update(t.pilotProjects).set({ updatedAt: new Date().toISOString() }).where(eq(t.pilotProjects.id, projectId)).run();
    return id;
  });
}
