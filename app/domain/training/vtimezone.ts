import { tzName, tzOffset, tzScan } from "@date-fns/tz";
import { assertTimeZone } from "./local-time";

/**
 * Writes an RFC 5545 §3.6.5 VTIMEZONE for an IANA zone, built from the tz database through
 * @date-fns/tz: one observance for the offset in force at `fromMs`, then one per transition up to
 * `toMs`, each with explicit DTSTART (no RRULE), so it is exact for the covered span and needs no
 * extra package. Lines end with CRLF; the caller folds.
 *
 * @param zone IANA name, e.g. "Asia/Yangon"
 * @param fromMs/toMs covered span, epoch ms (UTC); widen it to cover every event of the feed
 * @throws ScheduleInputError unknown_time_zone
 */
export function buildVtimezone(zone: string, fromMs: number, toMs: number): string {
  assertTimeZone(zone);
  const offsetAt = (ms: number) => tzOffset(zone, new Date(ms));
  const changes = tzScan(zone, { start: new Date(fromMs), end: new Date(toMs) }).map((c) => {
    // tzScan steps by the hour; transitions on a half hour exist (e.g. Australia/Lord_Howe), so
    // narrow to the minute.
    let hi = +c.date;
    let lo = hi - 3_600_000;
    while (hi - lo > 60_000) {
      const mid = lo + Math.floor((hi - lo) / 120_000) * 60_000;
      if (offsetAt(mid) === c.offset) hi = mid;
      else lo = mid;
    }
    return { at: hi, to: c.offset };
  });

  const lines = ["BEGIN:VTIMEZONE", `TZID:${zone}`, `X-LIC-LOCATION:${zone}`];
  const observance = (onsetMs: number, fromOffset: number, toOffset: number) => {
    // Intl exposes no DST flag. Daylight time lasts under a year, so the lowest offset in the twelve
    // months from the onset is the standard one: above it means DAYLIGHT (either hemisphere), and a
    // permanent change (Singapore 1982) comes out as STANDARD. Only the label depends on this.
    let standard = toOffset;
    for (let m = 1; m <= 12; m++) standard = Math.min(standard, offsetAt(onsetMs + m * 30.5 * 86_400_000));
    const kind = toOffset > standard ? "DAYLIGHT" : "STANDARD";
    lines.push(
      `BEGIN:${kind}`,
      // The onset is written in the wall time of the offset in force before it (RFC 5545 §3.6.5).
      `DTSTART:${wallTime(onsetMs, fromOffset)}`,
      `TZOFFSETFROM:${formatOffset(fromOffset)}`,
      `TZOFFSETTO:${formatOffset(toOffset)}`,
      `TZNAME:${tzName(zone, new Date(onsetMs + 1), "short")}`,
      `END:${kind}`,
    );
  };
  let current = offsetAt(fromMs);
  observance(fromMs, current, current);
  for (const c of changes) {
    observance(c.at, current, c.to);
    current = c.to;
  }
  lines.push("END:VTIMEZONE");
  return lines.join("\r\n") + "\r\n";
}

function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? "-" : "+";
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}${String(abs % 60).padStart(2, "0")}`;
}

/** `YYYYMMDDTHHMMSS` of an instant seen at a fixed offset (minutes); UTC getters keep it process-TZ free. */
function wallTime(ms: number, offsetMinutes: number): string {
  const d = new Date(ms + offsetMinutes * 60_000);
  const p = (n: number, w = 2) => String(n).padStart(w, "0");
  return `${p(d.getUTCFullYear(), 4)}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}` + `T${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}`;
}
