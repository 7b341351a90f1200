/**
 * Ex post evaluation of a completed pilot project (issue 16 item 3): two measures, 12 and 24
 * months after completion, as the programme's evaluation system schedules follow-ups after an
 * edition (docs/design.md "evaluation": follow-up after some months). Dates are computed with
 * date-fns in the village's IANA zone (@date-fns/tz), so "12 months after" is a calendar step
 * (31 January + 1 month = 28/29 February, date-fns' rule) on the village's own calendar.
 *
 * Which value answers which measure: an ex post indicator value measured before completion + 18
 * months answers the 12-month measure, one measured later the 24-month measure (halfway between
 * the two, so a measure taken a little early or late still counts). A measure is "done" once it
 * has a value, "overdue" after its date without one, "due" within DUE_SOON_DAYS before its date,
 * else "upcoming". Pure: no database.
 */
import { TZDate } from "@date-fns/tz";
import { addMonths, format } from "date-fns";
import { addDays } from "../dates";

export const EXPOST_MONTHS = [12, 24] as const;
/** Days before its date that a measure counts as due (listed on the overview). */
export const DUE_SOON_DAYS = 30;

export type ExpostState = "done" | "overdue" | "due" | "upcoming";
export type ExpostMeasure = { months: (typeof EXPOST_MONTHS)[number]; dueOn: string; state: ExpostState; measuredOn: string | null };

/** The village's date (`YYYY-MM-DD`) of a UTC instant (ISO text), e.g. when a project was completed. */
export function localDateOf(instant: string, timeZone: string): string {
  return format(new TZDate(new Date(instant).getTime(), timeZone), "yyyy-MM-dd");
}

/** `date` (`YYYY-MM-DD`) plus whole calendar months, on the calendar of `timeZone`. */
export function addMonthsIn(date: string, months: number, timeZone: string): string {
  const [y, m, d] = date.split("-").map(Number);
  return format(addMonths(new TZDate(y, m - 1, d, timeZone), months), "yyyy-MM-dd");
}

/**
 * The 12- and 24-month measures of a project completed on `completedOn` (village date), given the
 * dates of its ex post values and the village's `today`.
 */
export function expostSchedule(completedOn: string, expostDates: string[], today: string, timeZone: string): ExpostMeasure[] {
  const split = addMonthsIn(completedOn, 18, timeZone);
  return EXPOST_MONTHS.map((months) => {
    const dueOn = addMonthsIn(completedOn, months, timeZone);
    const mine = expostDates.filter((d) => d >= completedOn && (months === 12 ? d < split : d >= split)).sort();
    const measuredOn = mine.length ? mine[mine.length - 1] : null;
    const state: ExpostState = measuredOn ? "done" : today > dueOn ? "overdue" : today >= addDays(dueOn, -DUE_SOON_DAYS) ? "due" : "upcoming";
    return { months, dueOn, state, measuredOn };
  });
}
