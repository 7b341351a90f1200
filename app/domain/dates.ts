/**
 * Date-only helpers. Date-only values are `YYYY-MM-DD` text end to end (docs/design.md): they are never
 * turned into a JS Date at UTC midnight, which would move a day in UTC+06:30..+09:00.
 */

import { dateTimeFormat } from "./intl";

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date in `YYYY-MM-DD` form (rejects 2027-02-30). */
export function isIsoDate(s: string): boolean {
  const m = ISO_DATE.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  const days = [31, y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return d <= days[mo - 1];
}

/** Today's date in IANA zone `timeZone` at instant `now`, as `YYYY-MM-DD`. */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  // en-CA formats as YYYY-MM-DD. One formatter per zone (intl.ts): pages ask this per row.
  return dateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}

/** Adds whole days to a date-only value (calendar arithmetic done in UTC, safely). */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split("-").map(Number);
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return t.toISOString().slice(0, 10);
}

/** Whole days from `a` to `b` (b - a). */
export function daysBetween(a: string, b: string): number {
  const [y1, m1, d1] = a.split("-").map(Number);
  const [y2, m2, d2] = b.split("-").map(Number);
  return Math.round((Date.UTC(y2, m2 - 1, d2) - Date.UTC(y1, m1 - 1, d1)) / 86_400_000);
}

/**
 * Formats a date-only value for display in `locale` without any time-zone shift
 * (formatted as a UTC calendar date on purpose: the value has no zone).
 */
export function formatDate(date: string | null | undefined, locale = "en", style: "medium" | "long" = "medium"): string {
  if (!date || !isIsoDate(date)) return date ?? "";
  const [y, m, d] = date.split("-").map(Number);
  return dateTimeFormat(locale, { calendar: "gregory", dateStyle: style, timeZone: "UTC" }).format(new Date(Date.UTC(y, m - 1, d)));
}

/** Two inclusive date ranges overlap (date-only, string comparison is chronological). */
export function dateRangesOverlap(a: { from: string; to: string }, b: { from: string; to: string }): boolean {
  return a.from <= b.to && b.from <= a.to;
}

/**
 * An instant (UTC ISO text, e.g. an attendance mark's time) as the date and time on the clock of
 * IANA zone `timeZone` (the venue's), in `locale`'s words and digits, followed by the zone's short
 * name ("Jul 6, 2031, 10:00 AM GMT+7"; "၂၀၃၁ ဇူ ၆ GMT+၇ ၁၀:၀၀" in my), so a reader in another zone never mistakes
 * it for their own clock. Gregorian calendar (never Buddhist-era years in th). Text that is not an
 * instant comes back unchanged; an unknown zone throws RangeError like Intl.
 * Make the text in loaders: the browser's ICU may word it differently from the server's.
 */
export function formatInstantIn(instant: string, timeZone: string, locale = "en"): string {
  const ms = Date.parse(instant);
  if (Number.isNaN(ms)) return instant;
  return dateTimeFormat(locale, {
    calendar: "gregory",
    timeZone,
    year: "numeric",
    month: "short",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZoneName: "short",
  }).format(ms);
}
