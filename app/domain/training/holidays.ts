import { hasHolidayData as hasData, holidaysOn } from "../holidays";
import { type LocalDate, parseLocalDate } from "./local-time";
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
 * An organiser-kept holiday the sources lack (KH, LA, MM after 2028: see ~/domain/holidays) or a
 * one-off (a royal funeral, an election day). Same shape as {@link PublicHoliday}.
 */
export interface ExtraHoliday {
  country: string;
  date: LocalDate;
  name: string;
}

function validateCountry(country: string): string {
  if (typeof country !== "string" || !/^[A-Z]{2}$/.test(country)) {
    throw new ScheduleInputError("venueCountry", "invalid_country", `venueCountry: expected an ISO 3166-1 alpha-2 code, got ${JSON.stringify(country)}`);
  }
  return country;
}

/**
 * Whether a holiday source covers the country (for `year`, when given): date-holidays, or the
 * official lists kept in the repo for KH, LA and MM (2026–2028). See ~/domain/holidays.
 */
export function hasHolidayData(country: string, year?: number): boolean {
  return hasData(validateCountry(country), year);
}

/**
 * Public holidays of `country` on a venue-local date: the shared source (~/domain/holidays:
 * date-holidays, or the repo's official lists for KH, LA, MM) plus `extra`, English names.
 * @param country ISO 3166-1 alpha-2, e.g. "TH"
 * @param date `YYYY-MM-DD` in the venue's zone
 * @throws ScheduleInputError invalid_country | invalid_date
 */
export function publicHolidaysOn(country: string, date: LocalDate, extra: readonly ExtraHoliday[] = []): PublicHoliday[] {
  validateCountry(country);
  parseLocalDate(date); // validates the date
  return holidaysOn(country, date, extra, "en");
}
