/**
 * When each evaluation stage is open for a participant, from their visit's dates read in the
 * visit's zone (host_sites.time_zone; the edition's zone for online editions). Pure: no database.
 *
 * - baseline: from 28 days before arrival to the arrival day (before the visit);
 * - pulse: every day of the visit, arrival to departure (one answer per day);
 * - end of visit: opens on the departure date, stays open 14 days;
 * - follow-up at m months: opens m calendar months after departure, stays open 30 days.
 */
import { addDays, todayIn } from "../dates";

export type Stage = "baseline" | "pulse" | "end_of_visit" | "follow_up";
export type StayDates = { arrivalOn: string; departureOn: string; timeZone: string };
export type StageWindow = { opensOn: string; closesOn: string };
export type StageState = "not_open" | "open" | "closed";

export const BASELINE_LEAD_DAYS = 28;
export const END_OF_VISIT_DAYS = 14;
export const FOLLOW_UP_DAYS = 30;
/** A "closing soon" reminder goes out this many days before a stage closes. */
export const CLOSING_NOTICE_DAYS = 3;

/** Adds calendar months to a date-only value, clamping to the month's last day (Jan 31 + 1 = Feb 28/29). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split("-").map(Number);
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = total % 12;
  const last = new Date(Date.UTC(ny, nm + 1, 0)).getUTCDate();
  return `${String(ny).padStart(4, "0")}-${String(nm + 1).padStart(2, "0")}-${String(Math.min(d, last)).padStart(2, "0")}`;
}

/** The window (inclusive dates in the stay's zone) of `stage` for one stay. */
export function stageWindow(stage: Stage, stay: Pick<StayDates, "arrivalOn" | "departureOn">, monthsAfter = 0): StageWindow {
  switch (stage) {
    case "baseline":
      return { opensOn: addDays(stay.arrivalOn, -BASELINE_LEAD_DAYS), closesOn: stay.arrivalOn };
    case "pulse":
      return { opensOn: stay.arrivalOn, closesOn: stay.departureOn };
    case "end_of_visit":
      return { opensOn: stay.departureOn, closesOn: addDays(stay.departureOn, END_OF_VISIT_DAYS) };
    case "follow_up": {
      const opensOn = addMonths(stay.departureOn, monthsAfter);
      return { opensOn, closesOn: addDays(opensOn, FOLLOW_UP_DAYS) };
    }
  }
}

/** Where a window stands on `today` (a date in the stay's zone). */
export function windowState(w: StageWindow, today: string): StageState {
  if (today < w.opensOn) return "not_open";
  if (today > w.closesOn) return "closed";
  return "open";
}

/** The stage's state for a stay at instant `now`, with the local date used. */
export function stageStateAt(stage: Stage, stay: StayDates, monthsAfter: number, now: Date) {
  const today = todayIn(stay.timeZone, now);
  const window = stageWindow(stage, stay, monthsAfter);
  return { today, window, state: windowState(window, today) };
}

/** The period key of a response: the local day for pulses, '' for the other stages. */
export function periodFor(stage: Stage, today: string): string {
  return stage === "pulse" ? today : "";
}

/** True when a "closing soon" reminder is due: the stage is open and closes within CLOSING_NOTICE_DAYS. */
export function closingSoon(w: StageWindow, today: string): boolean {
  return windowState(w, today) === "open" && today >= addDays(w.closesOn, -CLOSING_NOTICE_DAYS);
}

/** Parses "3, 6, 12" into sorted unique positive month counts (1..60); null when malformed. */
export function parseFollowUpMonths(text: string): number[] | null {
  const parts = text.split(/[\s,;]+/).filter(Boolean);
  const out = new Set<number>();
  for (const p of parts) {
    if (!/^\d{1,2}$/.test(p)) return null;
    const n = Number(p);
    if (n < 1 || n > 60) return null;
    out.add(n);
  }
  return [...out].sort((a, b) => a - b);
}
