import Holidays from "date-holidays";
import { addDays, type LocalDate, parseLocalDate } from "./local-time";
import { ScheduleInputError } from "./errors";

/** A public holiday on one local day of a country. */
export interface PublicHoliday {
  date: LocalDate;
  /** English name where date-holidays has one, else the native name. */
  name: string;
  /** The name in the country's own language (date-holidays default). */
  nativeName: string;
}

/**
 * An organiser-kept holiday the library lacks (date-holidays 3.37 has no rules for KH, LA, MM) or a
 * one-off (a royal funeral, an election day). Same shape as {@link PublicHoliday}.
 */
export interface ExtraHoliday {
  country: string;
  date: LocalDate;
  name: string;
}

const perCountry = new Map<string, Holidays | null>();
const perYear = new Map<string, Map<LocalDate, PublicHoliday[]>>();

function validateCountry(country: string): string {
  if (typeof country !== "string" || !/^[A-Z]{2}$/.test(country)) {
    throw new ScheduleInputError("venueCountry", "invalid_country", `venueCountry: expected an ISO 3166-1 alpha-2 code, got ${JSON.stringify(country)}`);
  }
  return country;
}

function library(country: string): Holidays | null {
  let hd = perCountry.get(country);
  if (hd === undefined) {
    const candidate = new Holidays();
    candidate.init(country);
    // For countries it does not cover (KH, LA, MM in 3.37) date-holidays accepts the code but has no rules.
    hd = candidate.getHolidays(2027).length > 0 ? candidate : null;
    perCountry.set(country, hd);
  }
  return hd;
}

/**
 * Whether date-holidays has public-holiday rules for the country. False for KH, LA and MM in
 * date-holidays 3.37: callers must supply those through `extraHolidays`.
 */
export function hasHolidayData(country: string): boolean {
  return library(validateCountry(country)) !== null;
}

function yearTable(country: string, year: number): Map<LocalDate, PublicHoliday[]> {
  const key = `${country}:${year}`;
  let table = perYear.get(key);
  if (table) return table;
  table = new Map();
  const hd = library(country);
  if (hd) {
    const native = hd.getHolidays(year);
    const english = hd.getHolidays(year, "en");
    native.forEach((h, i) => {
      // "public" only: bank, school, optional and observance days do not close venues.
      if (h.type !== "public") return;
      // `date` is the holiday's local start ("2027-02-05 00:00:00") in the country's own zone; a
      // multi-day holiday covers whole local days, so count them from the instants.
      const first = h.date.slice(0, 10);
      const span = Math.max(1, Math.round((+h.end - +h.start) / 86_400_000));
      const name = english[i]?.rule === h.rule ? english[i].name : h.name;
      for (let d = 0; d < span; d++) {
        const date = addDays(first, d);
        const list = table.get(date) ?? [];
        if (!list.some((x) => x.name === name)) list.push({ date, name, nativeName: h.name });
        table.set(date, list);
      }
    });
  }
  perYear.set(key, table);
  return table;
}

/**
 * Public holidays of `country` on a venue-local date, from date-holidays plus `extra`.
 * Results are cached per country and year (date-holidays takes 5–45 ms to compute a year).
 * @param country ISO 3166-1 alpha-2, e.g. "TH"
 * @param date `YYYY-MM-DD` in the venue's zone
 * @throws ScheduleInputError invalid_country | invalid_date
 */
export function publicHolidaysOn(country: string, date: LocalDate, extra: readonly ExtraHoliday[] = []): PublicHoliday[] {
  validateCountry(country);
  const { year } = parseLocalDate(date);
  const found = [...(yearTable(country, year).get(date) ?? [])];
  // Holidays spanning New Year start in the previous year's table.
  for (const h of yearTable(country, year - 1).get(date) ?? []) if (!found.some((x) => x.name === h.name)) found.push(h);
  for (const h of extra) {
    if (h.country === country && h.date === date && !found.some((x) => x.name === h.name)) {
      found.push({ date, name: h.name, nativeName: h.name });
    }
  }
  return found;
}
