/**
 * Monitoring a pilot project with the shared indicator library (issue 16, item 3, part): values of
 * numeric indicators (number, percentage, scale, yes/no) at the baseline (before work starts),
 * periodic monitoring, the final measure and ex post evaluation (only once completed), each dated
 * and not in the future of the village. A second value for the same indicator, stage and date
 * corrects the first (audited from → to). The page shows, per indicator, the baseline, the
 * latest periodic value, the final and ex post values, and the change from the baseline.
 */
import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import { db as defaultDb, immediate, t } from "../../db.server";
import { todayIn } from "../../domain/dates";
import type { PilotStage } from "../../../db/schema/pilots";
import { requireOrganizer, type Actor } from "../actor";
import { recordAudit } from "../audit.server";
import { FieldErrors, NotFoundError } from "../errors";

/** Indicator types a pilot records as one number. */
export const PILOT_INDICATOR_TYPES = ["number", "percentage", "scale", "yes_no"] as const;

export type IndicatorValueInput = { indicatorId: number; stage: PilotStage; measuredOn: string; value: number; note?: string };

/** Indicators a project can be monitored on (not archived, numeric), by group and code. */
export function monitoringIndicators() {
  return defaultDb()
    .select()
    .from(t.indicators)
    .where(and(isNull(t.indicators.archivedAt), inArray(t.indicators.type, [...PILOT_INDICATOR_TYPES])))
    .orderBy(asc(t.indicators.group), asc(t.indicators.code))
    .all();
}

/**
 * Organizer: records (or corrects) a value. Field errors: an unknown/archived/non-numeric
 * indicator; a percentage outside 0..100, yes/no other than 0 or 1, a scale outside 1..5; a date
 * after today in the village; a baseline after the project's start; ex post before completion
 * or before the project's end date.
 */
export function recordIndicatorValue(actor: Actor, projectId: number, input: IndicatorValueInput, now: Date = new Date()): void {
  requireOrganizer(actor);
  immediate(defaultDb(), (tx) => {
    const row = tx
      .select({ p: t.pilotProjects, zone: t.pilotVillages.timeZone })
      .from(t.pilotProjects)
      .innerJoin(t.pilotVillages, eq(t.pilotVillages.id, t.pilotProjects.villageId))
      .where(eq(t.pilotProjects.id, projectId))
      .get();
    if (!row) throw new NotFoundError("pilot project");
    const p = row.p;
    const ind = tx.select().from(t.indicators).where(eq(t.indicators.id, input.indicatorId)).get();
    if (!ind || ind.archivedAt || !(PILOT_INDICATOR_TYPES as readonly string[]).includes(ind.type)) throw FieldErrors.one("indicatorId", "errors.invalid");
    const v = input.value;
    const bad =
      (ind.type === "percentage" && (v < 0 || v > 100)) ||
      (ind.type === "yes_no" && v !== 0 && v !== 1) ||
      (ind.type === "scale" && (v < 1 || v > 5 || !Number.isInteger(v)));
    if (bad) throw FieldErrors.one("value", `pilots.errors.value_${ind.type}`);
    if (input.measuredOn > todayIn(row.zone, now)) throw FieldErrors.one("measuredOn", "pilots.errors.future");
    if (input.stage === "baseline" && p.startsOn && input.measuredOn > p.startsOn) throw FieldErrors.one("measuredOn", "pilots.errors.baselineAfterStart");
    if (input.stage === "ex_post" && (p.status !== "completed" || (p.endsOn && input.measuredOn <= p.endsOn)))
      throw FieldErrors.one("stage", "pilots.errors.expostBeforeEnd");
    const key = and(
      eq(t.pilotIndicatorValues.projectId, projectId),
      eq(t.pilotIndicatorValues.indicatorId, ind.id),
      eq(t.pilotIndicatorValues.stage, input.stage),
      eq(t.pilotIndicatorValues.measuredOn, input.measuredOn),
    );
    const old = tx.select().from(t.pilotIndicatorValues).where(key).get();
    if (old) {
      if (old.value === v && old.note === (input.note ?? "")) return;
      tx.update(t.pilotIndicatorValues)
        .set({ value: v, note: input.note ?? "", recordedBy: actor.id })
        .where(eq(t.pilotIndicatorValues.id, old.id))
        .run();
    } else {
      tx.insert(t.pilotIndicatorValues)
        .values({ projectId, indicatorId: ind.id, stage: input.stage, measuredOn: input.measuredOn, value: v, note: input.note ?? "", recordedBy: actor.id })
        .run();
    }
    recordAudit(
      actor,
      {
        entityType: "pilot_project",
        entityId: projectId,
        action: "indicator_value",
        fromState: old ? String(old.value) : null,
        toState: String(v),
        details: { indicator: ind.code, stage: input.stage, measuredOn: input.measuredOn },
      },
      tx,
    );
  });
}

/**
 * The project's indicators as rows: the earliest baseline, the latest periodic, final and ex post
 * values (value and date), and the change from the baseline to the latest value after it. No
 * scope check (callers pass a project already in scope).
 */
export function monitoringTable(projectId: number) {
  const values = defaultDb()
    .select({ v: t.pilotIndicatorValues, ind: t.indicators })
    .from(t.pilotIndicatorValues)
    .innerJoin(t.indicators, eq(t.indicators.id, t.pilotIndicatorValues.indicatorId))
    .where(eq(t.pilotIndicatorValues.projectId, projectId))
    .orderBy(asc(t.indicators.group), asc(t.indicators.code), asc(t.pilotIndicatorValues.measuredOn))
    .all();
  const rows = new Map<number, { indicator: (typeof values)[number]["ind"]; baseline: Point; periodic: Point; final: Point; ex_post: Point; count: number }>();
  for (const { v, ind } of values) {
    const r = rows.get(ind.id) ?? { indicator: ind, baseline: null, periodic: null, final: null, ex_post: null, count: 0 };
    const point = { value: v.value, on: v.measuredOn };
    // Values come oldest first: keep the first baseline, the latest of the other stages.
    if (v.stage === "baseline") r.baseline ??= point;
    else r[v.stage] = point;
    r.count += 1;
    rows.set(ind.id, r);
  }
  return [...rows.values()].map((r) => {
    const latest = r.ex_post ?? r.final ?? r.periodic;
    return { ...r, change: r.baseline && latest ? latest.value - r.baseline.value : null };
  });
}
type Point = { value: number; on: string } | null;
