/**
 * The pilot strand of the organizer dashboard (issue 16, item 5): pilot villages and projects by
 * status and component, milestones late, budget use per currency (planned and actual in the
 * currency, and in US dollars at the latest stored rate with its date; a currency without a rate
 * is shown unconverted and left out of the dollar total), and the projects owing indicator
 * values (app/domain/pilots/due.ts; ex post measures from the overview's ex post schedule,
 * app/domain/pilots/expost.ts, so the dashboard and the overview name the same measures). Figures come from the overview (views.server.ts), so the
 * dashboard and the filtered overview it links to agree. Organizers only (NotFoundError otherwise).
 */
import { and, inArray, ne } from "drizzle-orm";
import { db, t } from "../../db.server";
import { todayIn } from "../../domain/dates";
import { stagesDue, type StageDates } from "../../domain/pilots/due";
import { toUsd } from "../../domain/pilots/money";
import { PILOT_COMPONENTS, PILOT_STATUSES } from "../../domain/pilots/vocabulary";
import { requireOrganizer, type Actor } from "../actor";
import { latestRate } from "./plan.server";
import { listPilots } from "./views.server";

const cents = (usd: number) => Math.round(usd * 100);

/** The strand's figures at `now`. Dollar sums are integer cents. */
export function pilotStrand(actor: Actor, now: Date = new Date()) {
  requireOrganizer(actor);
  const rows = listPilots(actor, { country: null, component: null, status: null }, now);
  const projects = rows.flatMap(({ village, projects: ps }) => ps.map((p) => ({ ...p, village })));

  const byStatus = PILOT_STATUSES.map((status) => ({
    status,
    villages: rows.filter((r) => r.projects.some((p) => p.status === status)).length,
    projects: projects.filter((p) => p.status === status).length,
    byComponent: PILOT_COMPONENTS.map((component) => ({ component, count: projects.filter((p) => p.status === status && p.component === component).length })),
  }));
  const byComponent = PILOT_COMPONENTS.map((component) => ({
    component,
    villages: rows.filter((r) => r.projects.some((p) => p.component === component)).length,
    projects: projects.filter((p) => p.component === component).length,
  })).filter((c) => c.projects > 0);

  const late = projects
    .filter((p) => p.milestones.late > 0)
    .map((p) => ({ id: p.id, title: p.title, village: p.village.nameLatin || p.village.name, countryCode: p.village.countryCode, late: p.milestones.late }));

  const currencies = [...new Set(projects.map((p) => p.currency))].sort();
  const budget = currencies.map((currency) => {
    const ps = projects.filter((p) => p.currency === currency);
    const plannedMinor = ps.reduce((n, p) => n + p.plannedMinor, 0);
    const actualMinor = ps.reduce((n, p) => n + p.actualMinor, 0);
    const rate = latestRate(currency);
    return {
      currency,
      countries: [...new Set(ps.map((p) => p.village.countryCode))],
      projects: ps.length,
      plannedMinor,
      actualMinor,
      used: plannedMinor > 0 ? actualMinor / plannedMinor : null,
      rate: rate ? { rate: rate.rate, rateOn: rate.rateOn } : null,
      plannedUsdCents: rate ? cents(toUsd(plannedMinor, currency, rate.rate)) : null,
      actualUsdCents: rate ? cents(toUsd(actualMinor, currency, rate.rate)) : null,
    };
  });
  const converted = budget.filter((b) => b.rate);
  const usdTotal = {
    plannedCents: converted.reduce((n, b) => n + b.plannedUsdCents!, 0),
    actualCents: converted.reduce((n, b) => n + b.actualUsdCents!, 0),
    unconverted: budget.filter((b) => !b.rate).map((b) => b.currency),
  };

  const ids = projects.map((p) => p.id);
  const values = ids.length
    ? db()
        .select({ projectId: t.pilotIndicatorValues.projectId, stage: t.pilotIndicatorValues.stage, on: t.pilotIndicatorValues.measuredOn })
        .from(t.pilotIndicatorValues)
        .where(and(inArray(t.pilotIndicatorValues.projectId, ids), ne(t.pilotIndicatorValues.stage, "ex_post")))
        .all()
    : [];
  const due = projects
    .map((p) => {
      const dates: StageDates = { baseline: [], periodic: [], final: [] };
      for (const v of values) if (v.projectId === p.id && v.stage !== "ex_post") dates[v.stage].push(v.on);
      const stages = stagesDue(p, dates, todayIn(p.village.timeZone, now), p.expost?.measures);
      return { id: p.id, title: p.title, village: p.village.nameLatin || p.village.name, countryCode: p.village.countryCode, status: p.status, stages };
    })
    .filter((p) => p.stages.length > 0);

  return {
    villages: rows.length,
    projects: projects.length,
    byStatus,
    byComponent,
    lateMilestones: late.reduce((n, p) => n + p.late, 0),
    late,
    budget,
    usdTotal,
    due,
  };
}

export type PilotStrandData = ReturnType<typeof pilotStrand>;
