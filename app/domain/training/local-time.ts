import { TZDate, tzOffset } from "@date-fns/tz";
import { ScheduleInputError } from "./errors";

/** A UTC instant as an ISO 8601 string with `Z` or an explicit offset, e.g. "2027-03-10T02:30:00.000Z". */
export type IsoInstant = string;
/** A calendar date with no time and no zone, `YYYY-MM-DD`. Never turned into a JS Date at UTC midnight. */
export type LocalDate = string;
/** A wall-clock time `HH:mm` (24 h) in some venue's zone. */
export type LocalTime = string;

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_RE = /^([01]\d|2[0-3]):([0-5]\d)$/;
// An instant without an offset would be read in the process's zone: reject it rather than guess.
const INSTANT_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const MINUTE = 60_000;
const DAY = 86_400_000;

export interface CivilDate {
  year: number;
  month: number; // 1-12
  day: number;
}

/** Parses and validates a `YYYY-MM-DD` string (real calendar day). Throws ScheduleInputError `invalid_date`. */
export function parseLocalDate(value: string, field = "date"): CivilDate {
  const m = typeof value === "string" ? DATE_RE.exec(value) : null;
  if (!m) throw new ScheduleInputError(field, "invalid_date", `${field}: expected YYYY-MM-DD, got ${JSON.stringify(value)}`);
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new ScheduleInputError(field, "invalid_date", `${field}: ${value} is not a calendar date`);
  }
  return { year, month, day };
}

/** Parses `HH:mm` (00:00-23:59) into minutes after midnight. Throws ScheduleInputError `invalid_time`. */
export function parseLocalTime(value: string, field = "time"): number {
  const m = typeof value === "string" ? TIME_RE.exec(value) : null;
  if (!m) throw new ScheduleInputError(field, "invalid_time", `${field}: expected HH:mm, got ${JSON.stringify(value)}`);
  return Number(m[1]) * 60 + Number(m[2]);
}

/**
 * Parses an ISO instant that carries `Z` or an offset into epoch milliseconds.
 * Throws ScheduleInputError `invalid_instant` (also for offset-less strings, which are process-TZ dependent).
 */
export function parseInstant(value: string, field = "instant"): number {
  const ms = typeof value === "string" && INSTANT_RE.test(value) ? Date.parse(value) : NaN;
  if (Number.isNaN(ms)) {
    throw new ScheduleInputError(field, "invalid_instant", `${field}: expected an ISO instant with Z or offset, got ${JSON.stringify(value)}`);
  }
  return ms;
}

const zoneCache = new Map<string, boolean>();

/**
 * Checks that `zone` is an IANA tz database name this runtime knows (e.g. "Asia/Yangon", "UTC").
 * Returns it unchanged. Throws ScheduleInputError `unknown_time_zone`.
 * Source: IANA tz database as compiled into Node's ICU.
 */
export function assertTimeZone(zone: string, field = "timeZone"): string {
  let ok = zoneCache.get(zone);
  if (ok === undefined) {
    // Offsets like "+07:00" are accepted by Intl/@date-fns/tz but carry no rules: the design
    // stores IANA names, so only names pass.
    ok = typeof zone === "string" && /^(UTC|[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)+)$/.test(zone);
    if (ok) {
      try {
        new Intl.DateTimeFormat("en", { timeZone: zone });
      } catch {
        ok = false;
      }
    }
    if (typeof zone === "string" && zone.length < 64) zoneCache.set(zone, ok);
  }
  if (!ok) throw new ScheduleInputError(field, "unknown_time_zone", `${field}: unknown time zone ${JSON.stringify(zone)}`);
  return zone;
}

export interface LocalToUtcOptions {
  /** Where a wall time occurs twice (clocks turned back): which instant to take. Default "earlier". */
  ambiguous?: "earlier" | "later" | "reject";
  /** Field name reported in errors. Default "time". */
  field?: string;
}

function wallMatches(d: TZDate, c: CivilDate, minutes: number): boolean {
  return d.getFullYear() === c.year && d.getMonth() === c.month - 1 && d.getDate() === c.day && d.getHours() * 60 + d.getMinutes() === minutes;
}

/**
 * Venue-local date + time in an IANA zone → UTC instant (ms). See {@link localToUtc}.
 */
export function localToUtcMs(date: LocalDate, time: LocalTime, zone: string, options: LocalToUtcOptions = {}): number {
  const field = options.field ?? "time";
  const c = parseLocalDate(date, "date");
  const minutes = parseLocalTime(time, field);
  assertTimeZone(zone, "timeZone");
  const d = new TZDate(c.year, c.month - 1, c.day, Math.floor(minutes / 60), minutes % 60, zone);
  // TZDate moves a wall time that falls in a gap forward; a changed wall time means it never existed.
  if (!wallMatches(d, c, minutes)) {
    throw new ScheduleInputError(field, "nonexistent_local_time", `${date} ${time} does not exist in ${zone} (clocks moved forward)`);
  }
  const ms = +d;
  // A wall time inside a fold exists twice; find the twin from the offsets the tz database gives a day
  // either side, so the choice is explicit instead of whatever TZDate picked.
  const here = tzOffset(zone, new Date(ms));
  const candidates = new Set<number>([ms]);
  for (const around of [ms - DAY, ms + DAY]) {
    const other = tzOffset(zone, new Date(around));
    if (other !== here) {
      const twin = ms + (here - other) * MINUTE;
      if (wallMatches(new TZDate(twin, zone), c, minutes)) candidates.add(twin);
    }
  }
  if (candidates.size > 1) {
    const mode = options.ambiguous ?? "earlier";
    if (mode === "reject") {
      throw new ScheduleInputError(field, "ambiguous_local_time", `${date} ${time} occurs twice in ${zone} (clocks moved back)`);
    }
    const sorted = [...candidates].sort((a, b) => a - b);
    return mode === "earlier" ? sorted[0] : sorted[sorted.length - 1];
  }
  return ms;
}

/**
 * Converts a venue-local date and wall time in an IANA zone to a UTC ISO instant.
 *
 * @param date `YYYY-MM-DD`, the venue's calendar day
 * @param time `HH:mm`, 24 h, venue wall clock
 * @param zone IANA tz database name, e.g. "Asia/Yangon"
 * @returns UTC ISO string, e.g. localToUtc("2027-03-10", "09:00", "Asia/Yangon") → "2027-03-10T02:30:00.000Z"
 * @throws ScheduleInputError invalid_date | invalid_time | unknown_time_zone | nonexistent_local_time (DST gap)
 *   | ambiguous_local_time (fold, only with `ambiguous: "reject"`)
 */
export function localToUtc(date: LocalDate, time: LocalTime, zone: string, options: LocalToUtcOptions = {}): IsoInstant {
  return new Date(localToUtcMs(date, time, zone, options)).toISOString();
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, "0");
}

/**
 * UTC instant → venue-local calendar date and wall time.
 * @param instant ISO instant string or epoch ms
 * @returns `{ date: "YYYY-MM-DD", time: "HH:mm" }` in `zone`
 * @throws ScheduleInputError invalid_instant | unknown_time_zone
 */
export function utcToLocal(instant: IsoInstant | number, zone: string): { date: LocalDate; time: LocalTime } {
  const ms = typeof instant === "number" ? instant : parseInstant(instant);
  assertTimeZone(zone);
  const d = new TZDate(ms, zone);
  return {
    date: `${pad(d.getFullYear(), 4)}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`,
    time: `${pad(d.getHours())}:${pad(d.getMinutes())}`,
  };
}

/** The venue-local calendar date (`YYYY-MM-DD`) of an instant (ISO or epoch ms) in `zone`. */
export function localDateOf(instant: IsoInstant | number, zone: string): LocalDate {
  return utcToLocal(instant, zone).date;
}

// Hinnant's days-from-civil: calendar arithmetic on YYYY-MM-DD without creating a Date at midnight.
function daysFromCivil({ year, month, day }: CivilDate): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function civilFromDays(z: number): CivilDate {
  z += 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: era * 400 + yoe + (month <= 2 ? 1 : 0), month, day };
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** `YYYY-MM-DD` plus `days` (may be negative) → `YYYY-MM-DD`. Throws ScheduleInputError `invalid_date`. */
export function addDays(date: LocalDate, days: number, field = "date"): LocalDate {
  const c = civilFromDays(daysFromCivil(parseLocalDate(date, field)) + days);
  return `${pad(c.year, 4)}-${pad(c.month)}-${pad(c.day)}`;
}

/** Whole days from `from` to `to` (`to - from`), both `YYYY-MM-DD`. */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  return daysFromCivil(parseLocalDate(to, "to")) - daysFromCivil(parseLocalDate(from, "from"));
}

/** ISO weekday of a `YYYY-MM-DD`: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: LocalDate): number {
  const z = daysFromCivil(parseLocalDate(date));
  // 1970-01-01 (day 0) was a Thursday (4).
  return ((((z + 3) % 7) + 7) % 7) + 1;
}

/** Every `YYYY-MM-DD` from `from` to `to`, both inclusive; empty if `to < from`. */
export function eachLocalDate(from: LocalDate, to: LocalDate): LocalDate[] {
  const n = daysBetween(from, to);
  const out: LocalDate[] = [];
  for (let i = 0; i <= n; i++) out.push(addDays(from, i));
  return out;
}
