/**
 * What the pilot pages read: the overview (villages with their projects, filtered, with late
 * milestones and budget use) and one project's page (facts, people, origin in an action plan,
 * milestones, budget with its conversion, audit trail, the steps the reader may take). Scope as
 * in scope.server.ts; each row a reader may not see is left out, a page out of scope is 404.
 */
import { asc, eq, inArray } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { db, t } from "../../db.server";
import { todayIn } from "../../domain/dates";
import { PILOT_TRANSITIONS } from "../../domain/pilots/lifecycle";
import { budgetTotals, milestoneProgress } from "../../domain/pilots/progress";
import type { PilotComponent, PilotStatus } from "../../../db/schema/pilots";
import type { Actor } from "../actor";
import { auditTrail } from "../audit.server";
import { canSeeProject, hasPilotAccess, projectInScope } from "./scope.server";
import { NotFoundError } from "../errors";
import { latestRate } from "./plan.server";
import { monitoringIndicators, monitoringTable } from "./monitoring.server";
import { listPlanAdjustments } from "./adjustments.server";
import { expostOf } from "./expost.server";
import { canWriteVisits, listVisits, visitSummaries } from "./visits.server";

export type PilotFilters = { country: string | null; component: PilotComponent | null; status: PilotStatus | null };

/**
 * The overview: every village the reader may see, each with its visible projects matching the
 * filters (a village with no matching project is shown only without project filters). "Late"
 * milestones are counted on the village's own date at `now`.
 * Throws NotFoundError for a reader with no pilot at all.
 */
export function listPilots(actor: Actor, filters: PilotFilters, now: Date = new Date()) {
  if (!hasPilotAccess(actor)) throw new NotFoundError("pilots");
  const villages = db()
    .select()
    .from(t.pilotVillages)
    .orderBy(asc(t.pilotVillages.countryCode), asc(t.pilotVillages.nameLatin), asc(t.pilotVillages.name))
    .all();
  const projects = db().select().from(t.pilotProjects).orderBy(asc(t.pilotProjects.id)).all();
  const ids = projects.map((p) => p.id);
  const milestones = ids.length ? db().select().from(t.pilotMilestones).where(inArray(t.pilotMilestones.projectId, ids)).all() : [];
  const lines = ids.length ? db().select().from(t.pilotBudgetLines).where(inArray(t.pilotBudgetLines.projectId, ids)).all() : [];
  const zoneOf = new Map(villages.map((v) => [v.id, v.timeZone]));
  const expost = expostOf(
    projects.map((p) => ({ ...p, timeZone: zoneOf.get(p.villageId)! })),
    now,
  );
  const visits = visitSummaries(ids);
  const adjustments = ids.length
    ? db()
        .select({ projectId: t.pilotPlanAdjustments.projectId, at: t.pilotPlanAdjustments.createdAt })
        .from(t.pilotPlanAdjustments)
        .where(inArray(t.pilotPlanAdjustments.projectId, ids))
        .all()
    : [];
  const projectFilter = filters.component || filters.status;
  return villages
    .filter((v) => !filters.country || v.countryCode === filters.country)
    .map((v) => {
      const today = todayIn(v.timeZone, now);
      const visible = projects.filter((p) => p.villageId === v.id && canSeeProject(actor, p, v));
      const shown = visible
        .filter((p) => (!filters.component || p.component === filters.component) && (!filters.status || p.status === filters.status))
        .map((p) => {
          const b = budgetTotals(lines.filter((l) => l.projectId === p.id));
          return {
            id: p.id,
            title: p.title,
            component: p.component,
            componentOther: p.componentOther,
            status: p.status,
            currency: p.currency,
            startsOn: p.startsOn,
            endsOn: p.endsOn,
            milestones: milestoneProgress(
              milestones.filter((m) => m.projectId === p.id),
              today,
            ),
            plannedMinor: b.plannedMinor,
            actualMinor: b.actualMinor,
            used: b.used,
            fromActionPlan: p.actionPlanItemId !== null,
            localLeadName: p.localLeadName,
            visits: visits.get(p.id)!,
            adjustments: adjustments.filter((a) => a.projectId === p.id).map((a) => a.at),
            expost: expost.get(p.id) ?? null,
          };
        });
      const villageVisible = actor.isOrganizer || actor.focalPointCountries.includes(v.countryCode) || visible.length > 0;
      return { village: v, projects: shown, show: villageVisible && (shown.length > 0 || !projectFilter) };
    })
    .filter((r) => r.show)
    .map(({ village, projects: ps }) => ({ village, projects: ps }));
}

/** One project's page for `actor` (404 when out of scope). */
export function getProjectView(actor: Actor, projectId: number, now: Date = new Date()) {
  const { project, village } = projectInScope(actor, projectId);
  const today = todayIn(village.timeZone, now);
  const lead = alias(t.users, "lead");
  const people = db()
    .select({ leadName: lead.displayName, leadEmail: lead.email, organizerName: t.users.displayName })
    .from(t.pilotProjects)
    .leftJoin(lead, eq(lead.id, t.pilotProjects.localLeadUserId))
    .leftJoin(t.users, eq(t.users.id, t.pilotProjects.organizerUserId))
    .where(eq(t.pilotProjects.id, projectId))
    .get()!;
  const origin = project.actionPlanItemId
    ? (db()
        .select({
          itemId: t.actionPlanItems.id,
          action: t.actionPlanItems.action,
          targetOn: t.actionPlanItems.targetOn,
          editionName: t.editions.name,
          editionTranslations: t.editions.translations,
          authorName: t.users.displayName,
        })
        .from(t.actionPlanItems)
        .innerJoin(t.applications, eq(t.applications.id, t.actionPlanItems.applicationId))
        .innerJoin(t.editions, eq(t.editions.id, t.applications.editionId))
        .innerJoin(t.users, eq(t.users.id, t.applications.userId))
        .where(eq(t.actionPlanItems.id, project.actionPlanItemId))
        .get() ?? null)
    : null;
  const milestones = db()
    .select()
    .from(t.pilotMilestones)
    .where(eq(t.pilotMilestones.projectId, projectId))
    .orderBy(asc(t.pilotMilestones.dueOn), asc(t.pilotMilestones.id))
    .all();
  const lines = db()
    .select()
    .from(t.pilotBudgetLines)
    .where(eq(t.pilotBudgetLines.projectId, projectId))
    .orderBy(asc(t.pilotBudgetLines.period), asc(t.pilotBudgetLines.id))
    .all();
  return {
    project,
    village,
    people: {
      leadName: people.leadName ?? null,
      leadEmail: actor.isOrganizer ? (people.leadEmail ?? null) : null,
      organizerName: people.organizerName ?? null,
    },
    origin,
    milestones,
    today,
    progress: milestoneProgress(milestones, today),
    lines,
    totals: budgetTotals(lines),
    rate: latestRate(project.currency),
    monitoring: monitoringTable(projectId),
    visits: listVisits(actor, project),
    adjustments: listPlanAdjustments(projectId),
    expost: expostOf([{ ...project, timeZone: village.timeZone }], now).get(projectId) ?? null,
    canWriteVisits: canWriteVisits(actor, project),
    indicatorChoices: actor.isOrganizer ? monitoringIndicators().map((i) => ({ id: i.id, code: i.code, name: i.name, type: i.type, unit: i.unit })) : [],
    trail: actor.isOrganizer ? auditTrail("pilot_project", projectId) : [],
    canEdit: actor.isOrganizer,
    nextSteps: actor.isOrganizer ? [...PILOT_TRANSITIONS[project.status]] : [],
  };
}
