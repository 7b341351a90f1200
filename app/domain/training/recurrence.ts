/**
 * Recurring training sessions (issue 15, item 8): the local days a series falls on, computed by
 * the `rrule` library (RFC 5545) rather than by hand. Days are venue-local calendar dates
 * (`YYYY-MM-DD`); the clock time of each occurrence is turned into a UTC instant by the caller
 * with localToUtc in the venue's zone, so a daylight-saving change between two days keeps the
 * local time. rrule is given "floating" dates (UTC fields holding the local date), as its own
 * documentation advises for calendar days, so the host's zone plays no part.
 */
import * as rrule from "rrule";

// rrule's ESM build has named exports only; its CommonJS (UMD) build, which Node loads, puts them
// on the default export. Either way, the same class.
const RRule = rrule.RRule ?? (rrule as unknown as { default: typeof rrule }).default.RRule;

import { MAX_OCCURRENCES, type Repeat, type Weekday } from "./repeat";

export { MAX_OCCURRENCES, REPEATS, WEEKDAYS, type Repeat, type Weekday } from "./repeat";

export type Recurrence = {
  /** First local day (the session's start date). */
  start: string;
  /** Last local day, inclusive. */
  until: string;
  repeat: Exclude<Repeat, "none">;
  /** For `weekly`: the weekdays it falls on. */
  weekdays?: readonly Weekday[];
};

const floating = (date: string) => new Date(`${date}T00:00:00.000Z`);

function toRRule(r: Recurrence) {
  return new RRule({
    freq: r.repeat === "daily" ? RRule.DAILY : RRule.WEEKLY,
    dtstart: floating(r.start),
    until: floating(r.until),
    byweekday: r.repeat === "weekly" ? (r.weekdays ?? []).map((d) => RRule[d]) : undefined,
    count: undefined,
  });
}

/**
 * The local days of `r`, in order, from `start` to `until` inclusive (for `weekly`, only the
 * chosen weekdays, so the first day may be after `start`). At most MAX_OCCURRENCES + 1 days are
 * returned, so a caller can tell "too many" without listing years of days.
 */
export function occurrenceDates(r: Recurrence): string[] {
  const out: string[] = [];
  toRRule(r).all((d) => {
    out.push(d.toISOString().slice(0, 10));
    return out.length <= MAX_OCCURRENCES;
  });
  return out;
}

/** The series' rule as RFC 5545 text (DTSTART and RRULE lines), stored with the series. */
export function recurrenceText(r: Recurrence): string {
  return toRRule(r).toString();
}
