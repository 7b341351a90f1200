/**
 * The one source of public holidays for every view (host calendars, training conflicts, free-slot
 * search): the date-holidays library (type "public" only: bank, school, optional and observance
 * days do not close venues) where it has rules, else the official lists kept in the repo for
 * Cambodia, Laos and Myanmar (official-kh-la-mm.ts, 2026–2028), plus the holidays organizers keep
 * in holiday_overrides (passed in as `extra`, so this module stays free of the database).
 *
 * Dates are `YYYY-MM-DD` text (the date part of the library's local `date` string, never a JS Date
 * at UTC midnight); a holiday lasting several days covers each of its days.
 */
import Holidays from "date-holidays";
import { HOLIDAY_DATA_YEARS, OFFICIAL_HOLIDAYS } from "./official-kh-la-mm";

/** A public holiday on one local day of a country. */
export interface CountryHoliday {
  date: string;
  /** The name in the asked language where the source has it, else English, else the native name. */
  name: string;
  /** The name in the country's own language (the source's default). */
  nativeName: string;
}

/** An organizer-kept holiday (table holiday_overrides): one the sources lack, or a one-off day. */
export interface ExtraHoliday {
  country: string;
  date: string;
  name: string;
}

/** The language of the repo lists' native names. */
const DATA_LANGUAGE: Record<keyof typeof OFFICIAL_HOLIDAYS, string> = { KH: "km", LA: "lo", MM: "my" };

const libraryCache = new Map<string, Holidays | null>();
const yearCache = new Map<string, CountryHoliday[]>();

function addDays(date: string, n: number): string {
  const [y, m, d] = date.split("-").map(Number);
  return new Date(Date.UTC(y!, m! - 1, d! + n)).toISOString().slice(0, 10);
}

/** date-holidays for the country, or null when it has no rules for it (KH, LA, MM in 3.37). */
function library(country: string): Holidays | null {
  let hd = libraryCache.get(country);
  if (hd === undefined) {
    try {
      const candidate = new Holidays();
      candidate.init(country);
      // It accepts codes it does not cover but returns no holidays for them.
      hd = (candidate.getHolidays(2027) || []).length > 0 ? candidate : null;
    } catch {
      hd = null;
    }
    libraryCache.set(country, hd);
  }
  return hd;
}

function isDataCountry(country: string): country is keyof typeof OFFICIAL_HOLIDAYS {
  return Object.prototype.hasOwnProperty.call(OFFICIAL_HOLIDAYS, country);
}

/**
 * Whether a source has the country's public holidays for `year` (any year when omitted): true
 * for the countries date-holidays covers, and for KH, LA, MM in 2026–2028.
 */
export function hasHolidayData(country: string, year?: number): boolean {
  if (library(country)) return true;
  if (!isDataCountry(country)) return false;
  return year === undefined || (year >= HOLIDAY_DATA_YEARS.from && year <= HOLIDAY_DATA_YEARS.to);
}

/**
 * Public holidays of `country` (ISO 3166-1 alpha-2) in `year`, sorted by date. `lang` picks the
 * name (ISO 639-1, e.g. "en", "vi", "km"). Unknown countries and years outside the data give [].
 * Cached per country, year and language (date-holidays takes 5–45 ms for a year).
 */
export function countryHolidays(country: string, year: number, lang = "en"): CountryHoliday[] {
  const key = `${country}:${year}:${lang}`;
  const hit = yearCache.get(key);
  if (hit) return hit;
  const out: CountryHoliday[] = [];
  const push = (date: string, name: string, nativeName: string) => {
    if (!out.some((x) => x.date === date && x.name === name)) out.push({ date, name, nativeName });
  };
  const hd = library(country);
  if (hd) {
    const native = hd.getHolidays(year) || [];
    const named = hd.getHolidays(year, lang) || [];
    const english = lang === "en" ? named : hd.getHolidays(year, "en") || [];
    native.forEach((h, i) => {
      if (h.type !== "public") return;
      const first = String(h.date).slice(0, 10);
      if (!/^\d{4}-\d{2}-\d{2}$/.test(first)) return;
      const name = named[i]?.rule === h.rule ? named[i]!.name : english[i]?.rule === h.rule ? english[i]!.name : h.name;
      const span = Math.max(1, Math.round((+h.end - +h.start) / 86_400_000));
      for (let d = 0; d < span; d++) push(addDays(first, d), name, h.name);
    });
  } else if (isDataCountry(country)) {
    const nativeLang = DATA_LANGUAGE[country];
    for (const [date, en, nat] of OFFICIAL_HOLIDAYS[country]) if (date.startsWith(`${year}-`)) push(date, lang === nativeLang ? nat : en, nat);
  }
  out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  yearCache.set(key, out);
  return out;
}

/**
 * Public holidays of `country` on `date` (`YYYY-MM-DD`, the place's local day): the sources plus
 * the organizers' `extra` days for that country (a name already listed is not repeated).
 */
export function holidaysOn(country: string, date: string, extra: readonly ExtraHoliday[] = [], lang = "en"): CountryHoliday[] {
  const year = Number(date.slice(0, 4));
  const found = countryHolidays(country, year, lang).filter((h) => h.date === date);
  // Holidays spanning New Year start in the previous year's list.
  for (const h of countryHolidays(country, year - 1, lang)) if (h.date === date && !found.some((x) => x.name === h.name)) found.push(h);
  for (const h of extra)
    if (h.country === country && h.date === date && !found.some((x) => x.name === h.name)) found.push({ date, name: h.name, nativeName: h.name });
  return found;
}

/**
 * Public holidays of `country` between `from` and `to` (inclusive, `YYYY-MM-DD`), sources plus the
 * organizers' `extra` days, keyed by date, names in `lang`.
 */
export function holidaysBetween(country: string, from: string, to: string, extra: readonly ExtraHoliday[] = [], lang = "en"): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  const add = (date: string, name: string) => {
    const list = (out[date] ??= []);
    if (!list.includes(name)) list.push(name);
  };
  for (let y = Number(from.slice(0, 4)) - 1; y <= Number(to.slice(0, 4)); y++)
    for (const h of countryHolidays(country, y, lang)) if (h.date >= from && h.date <= to) add(h.date, h.name);
  for (const h of extra) if (h.country === country && h.date >= from && h.date <= to) add(h.date, h.name);
  return out;
}
