/**
 * Which indicator values a pilot project owes (issue 16, item 3: the evaluation's stages as a
 * project lives them), for the organizer dashboard. On `today` (YYYY-MM-DD, the village's date):
 * - baseline: approved or in progress, and no baseline value yet (it is measured before work starts);
 * - periodic: in progress for more than `PERIODIC_DAYS` days and no periodic (or baseline) value
 *   measured in the last `PERIODIC_DAYS` days: the programme monitors each running project at
 *   least once a quarter;
 * - final: completed and no final value;
 * - ex post at 12 and 24 months: the project's ex post schedule (app/domain/pilots/expost.ts, from
 *   the completion date in the village's zone, the one rule the overview and the project page also
 *   use) says the measure is "due" or "overdue".
 * Pure: no database.
 */
import { addDays } from "../dates";
import type { ExpostMeasure } from "./expost";
import type { PilotStatus } from "./vocabulary";

export const PERIODIC_DAYS = 92;
export type DueStage = "baseline" | "periodic" | "final" | "ex_post_12" | "ex_post_24";

/** Dates (YYYY-MM-DD) of a project's values by stage, any order. */
export type StageDates = { baseline: string[]; periodic: string[]; final: string[] };

/**
 * The stages due for a project on `today`, in the order above. `expost` is the project's ex post
 * schedule (expostSchedule; empty or null for a project not completed).
 */
export function stagesDue(
  p: { status: PilotStatus; startsOn: string | null },
  values: StageDates,
  today: string,
  expost: readonly ExpostMeasure[] | null = null,
): DueStage[] {
  const due: DueStage[] = [];
  if ((p.status === "approved" || p.status === "in_progress") && values.baseline.length === 0) due.push("baseline");
  if (p.status === "in_progress") {
    const since = addDays(today, -PERIODIC_DAYS);
    const running = !p.startsOn || p.startsOn <= since;
    const recent = [...values.periodic, ...values.baseline].some((d) => d > since);
    if (running && !recent) due.push("periodic");
  }
  if (p.status === "completed") {
    if (values.final.length === 0) due.push("final");
    for (const m of expost ?? []) if (m.state === "due" || m.state === "overdue") due.push(m.months === 12 ? "ex_post_12" : "ex_post_24");
  }
  return due;
}
