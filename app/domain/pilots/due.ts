/**
 * Which indicator values a pilot project owes (issue 16, item 3: the evaluation's stages as a
 * project lives them), for the organizer dashboard. On `today` (YYYY-MM-DD, the village's date):
 * - baseline: approved or in progress, and no baseline value yet (it is measured before work starts);
 * - periodic: in progress for more than `PERIODIC_DAYS` days and no periodic (or baseline) value
 *   measured in the last `PERIODIC_DAYS` days: the programme monitors each running project at
 *   least once a quarter;
 * - final: completed and no final value;
 * - ex post at 12 and 24 months: completed, `endsOn` plus 12 (24) months reached, and no ex post
 *   value measured on or after that day.
 * Pure: no database.
 */
import { addDays } from "../dates";
import type { PilotStatus } from "./vocabulary";

export const PERIODIC_DAYS = 92;
export type DueStage = "baseline" | "periodic" | "final" | "ex_post_12" | "ex_post_24";

/** Dates (YYYY-MM-DD) of a project's values by stage, any order. */
export type StageDates = { baseline: string[]; periodic: string[]; final: string[]; ex_post: string[] };

/** The same day `years` later (29 February → 28 February), on date-only text. */
function yearsAfter(date: string, years: number): string {
  const [y, m, d] = date.split("-");
  const day = m === "02" && d === "29" ? "28" : d;
  return `${String(Number(y) + years).padStart(4, "0")}-${m}-${day}`;
}

/** The stages due for a project on `today`, in the order above. */
export function stagesDue(p: { status: PilotStatus; startsOn: string | null; endsOn: string | null }, values: StageDates, today: string): DueStage[] {
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
    if (p.endsOn) {
      for (const [years, stage] of [
        [1, "ex_post_12"],
        [2, "ex_post_24"],
      ] as const) {
        const from = yearsAfter(p.endsOn, years);
        if (from <= today && !values.ex_post.some((d) => d >= from)) due.push(stage);
      }
    }
  }
  return due;
}
