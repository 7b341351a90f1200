/**
 * Public holidays of a host site's country for its calendar, from date-holidays. A `.server`
 * module: date-holidays and its rules for every country (~40 kB gzip with moment-timezone) must
 * never reach a client bundle (issue 14 script budget); the calendar page gets the month's
 * holidays from its loader.
 */
import Holidays from "date-holidays";
import { addDays, isIsoDate } from "./dates";
import { monthGrid } from "./visits";

export type Holiday = { date: string; name: string };

const holidayCache = new Map<string, Holiday[]>();

/**
 * Public holidays (type "public" only) of `countryCode` in `year`, names in `lang` where
 * date-holidays has them. Dates are the date part of the library's local `date` string
 * ("2027-02-05 00:00:00"), never a JS Date at UTC midnight; a holiday lasting several days
 * covers each of its days. Countries the library has no rules for (KH, LA, MM) give [].
 */
export function publicHolidays(countryCode: string, year: number, lang = "en"): Holiday[] {
  const key = `${countryCode}:${year}:${lang}`;
  const hit = holidayCache.get(key);
  if (hit) return hit;
  let out: Holiday[] = [];
  try {
    const hd = new Holidays(countryCode);
    const list = hd.getHolidays(year, lang) || [];
    for (const h of list) {
      if (h.type !== "public") continue;
      const first = String(h.date).slice(0, 10);
      if (!isIsoDate(first)) continue;
      const span = Math.max(1, Math.round((+h.end - +h.start) / 86_400_000));
      for (let i = 0; i < span; i++) {
        const date = addDays(first, i);
        if (!out.some((x) => x.date === date && x.name === h.name)) out.push({ date, name: h.name });
      }
    }
  } catch {
    out = [];
  }
  out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  holidayCache.set(key, out);
  return out;
}

/** Public holidays on the days of `month`'s grid, keyed by date. */
export function holidaysForMonth(countryCode: string, month: string, lang = "en"): Record<string, string[]> {
  const weeks = monthGrid(month);
  const from = weeks[0][0].date;
  const to = weeks[weeks.length - 1][6].date;
  const years = new Set([Number(from.slice(0, 4)), Number(to.slice(0, 4))]);
  const out: Record<string, string[]> = {};
  for (const y of years) {
    for (const h of publicHolidays(countryCode, y, lang)) {
      if (h.date < from || h.date > to) continue;
      const names = (out[h.date] ??= []);
      if (!names.includes(h.name)) names.push(h.name);
    }
  }
  return out;
}
