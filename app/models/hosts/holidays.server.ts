/**
 * Holidays for a host site's calendar: the shared source (~/domain/holidays) plus the days
 * organizers keep in holiday_overrides for the site's country, the same days training scheduling
 * checks (issue 12 item 19: one holiday source for every view).
 */
import { eq } from "drizzle-orm";
import { db, t, type Db } from "../../db.server";
import { holidaysForMonth } from "~/domain/holidays.server";

/** The language of holiday names a reader of `lng` sees for `country`: their own where it is the country's. */
const OWN_LANGUAGE: Record<string, string> = { VN: "vi", KH: "km", LA: "lo", MM: "my" };

/**
 * Holidays on the grid of `month` (`YYYY-MM`) for a site in `countryCode`, keyed by date; names
 * in the reader's language `lng` where it is the country's own and the source has it, else English.
 */
export function siteMonthHolidays(countryCode: string, month: string, lng: string, tx: Db = db()): Record<string, string[]> {
  const extra = tx
    .select({ country: t.holidayOverrides.countryCode, date: t.holidayOverrides.date, name: t.holidayOverrides.name })
    .from(t.holidayOverrides)
    .where(eq(t.holidayOverrides.countryCode, countryCode))
    .all();
  return holidaysForMonth(countryCode, month, OWN_LANGUAGE[countryCode] === lng ? lng : "en", extra);
}
