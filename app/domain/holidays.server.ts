/**
 * Public holidays of a host site's country for its calendar. A `.server` module: the holiday
 * source (./holidays: date-holidays with moment-timezone, ~40 kB gzip, and the repo's official
 * lists for KH, LA and MM) must never reach a client bundle (issue 14 script budget); the calendar
 * page gets the month's holidays from its loader.
 */
import { countryHolidays, holidaysBetween, type ExtraHoliday } from "./holidays";
import { monthGrid } from "./visits";

export type Holiday = { date: string; name: string };

/**
 * Public holidays of `countryCode` in `year`, names in `lang` where the source has them, from the
 * shared holiday source (./holidays). Organizers' additions are not included here; see
 * {@link holidaysForMonth}.
 */
export function publicHolidays(countryCode: string, year: number, lang = "en"): Holiday[] {
  return countryHolidays(countryCode, year, lang).map(({ date, name }) => ({ date, name }));
}

/**
 * Public holidays on the days of `month`'s grid (YYYY-MM), keyed by date: the shared source plus
 * the organizers' own days (`extra`, table holiday_overrides), as training scheduling uses them.
 */
export function holidaysForMonth(countryCode: string, month: string, lang = "en", extra: readonly ExtraHoliday[] = []): Record<string, string[]> {
  const weeks = monthGrid(month);
  return holidaysBetween(countryCode, weeks[0][0].date, weeks[weeks.length - 1][6].date, extra, lang);
}
