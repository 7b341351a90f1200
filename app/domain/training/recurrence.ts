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

import { MAX_OCCURRENCES, WEEKDAYS, type Repeat, type Weekday } from "./repeat";

export { MAX_OCCURRENCES, REPEATS, WEEKDAYS, type Repeat, type Weekday } from "./repeat";

export type Recurrence = {
  /** First local day (the session's start date). */
  start: string;
  /** Last local day, inclusive (or give `count`). */
  until?: string;
  /** How many occurrences (instead of `until`). */
  count?: number;
  repeat: Exclude<Repeat, "none">;
  /** For `weekly`: the weekdays it falls on. */
  weekdays?: readonly Weekday[];
};

const floating = (date: string) => new Date(`${date}T00:00:00.000Z`);

function toRRule(r: Recurrence) {
  return new RRule({
    freq: r.repeat === "daily" ? RRule.DAILY : RRule.WEEKLY,
    dtstart: floating(r.start),
    until: r.until ? floating(r.until) : undefined,
    byweekday: r.repeat === "weekly" ? (r.weekdays ?? []).map((d) => RRule[d]) : undefined,
    count: r.until ? undefined : r.count,
  });
}

/**
 * The local days of `r`, in order, from `start` to `until` inclusive (or the first `count`) (for `weekly`, only the
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

/**
 * How a stored rule (recurrenceText's output) repeats: `daily`, or `weekly` on its weekdays
 * (Monday first). Anything else rrule reads is reported as daily, the only other kind written.
 */
export function parseRecurrence(text: string): { repeat: Exclude<Repeat, "none">; weekdays: Weekday[] } {
  const o = RRule.fromString(text).origOptions;
  if (o.freq !== RRule.WEEKLY) return { repeat: "daily", weekdays: [] };
  const days = (Array.isArray(o.byweekday) ? o.byweekday : o.byweekday == null ? [] : [o.byweekday]).map((d) =>
    typeof d === "number" ? d : typeof d === "string" ? WEEKDAYS.indexOf(d as Weekday) : d.weekday,
  );
  return { repeat: "weekly", weekdays: WEEKDAYS.filter((_, i) => days.includes(i)) };
}
