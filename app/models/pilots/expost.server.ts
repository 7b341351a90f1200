/**
 * When the ex post measures of completed pilot projects are due (app/domain/pilots/expost.ts has
 * the rule): the completion date is the village's date of the audited step to "completed" (the
 * project's planned end date for a project completed without one, e.g. imported), and the
 * measures are answered by the project's ex post indicator values.
 */
import { and, eq, inArray } from "drizzle-orm";
import { db as defaultDb, t, type Db } from "../../db.server";
import { todayIn } from "../../domain/dates";
import { expostSchedule, localDateOf, type ExpostMeasure } from "../../domain/pilots/expost";

type P = Pick<typeof t.pilotProjects.$inferSelect, "id" | "status" | "endsOn">;

/**
 * For each completed project of `projects` (with its village's zone): the completion date and
 * the 12- and 24-month measures at `now`. Projects not completed are absent from the map.
 */
export function expostOf(projects: (P & { timeZone: string })[], now: Date = new Date(), tx: Db = defaultDb()) {
  const out = new Map<number, { completedOn: string; measures: ExpostMeasure[] }>();
  const done = projects.filter((p) => p.status === "completed");
  if (!done.length) return out;
  const ids = done.map((p) => p.id);
  const steps = tx
    .select({ id: t.auditEvents.entityId, at: t.auditEvents.at })
    .from(t.auditEvents)
    .where(
      and(
        eq(t.auditEvents.entityType, "pilot_project"),
        eq(t.auditEvents.action, "status"),
        eq(t.auditEvents.toState, "completed"),
        inArray(t.auditEvents.entityId, ids),
      ),
    )
    .all();
  const values = tx
    .select({ projectId: t.pilotIndicatorValues.projectId, on: t.pilotIndicatorValues.measuredOn })
    .from(t.pilotIndicatorValues)
    .where(and(inArray(t.pilotIndicatorValues.projectId, ids), eq(t.pilotIndicatorValues.stage, "ex_post")))
    .all();
  for (const p of done) {
    const last = steps
      .filter((s) => s.id === p.id)
      .map((s) => s.at)
      .sort()
      .pop();
    const completedOn = last ? localDateOf(last, p.timeZone) : p.endsOn;
    if (!completedOn) continue;
    const dates = values.filter((v) => v.projectId === p.id).map((v) => v.on);
    out.set(p.id, { completedOn, measures: expostSchedule(completedOn, dates, todayIn(p.timeZone, now), p.timeZone) });
  }
  return out;
}
