import { tzOffset } from "@date-fns/tz";
import { assertTimeZone, parseInstant, type IsoInstant } from "./local-time";

// Display of instants in a venue's zone (and a viewer's), with the zone's name from Intl/ICU.

export type ZoneNameStyle = "short" | "long" | "shortOffset" | "longOffset";

export interface FormatOptions {
  /** BCP 47 locale for month/weekday names. Default "en-GB" (24 h clock, day-month order). */
  locale?: string;
  /** Zone label style passed to Intl.DateTimeFormat `timeZoneName`. Default "short" ("GMT+6:30"). */
  zoneName?: ZoneNameStyle;
}

const fmtCache = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: string, zone: string, kind: "date" | "time" | "zone", zoneName: ZoneNameStyle): Intl.DateTimeFormat {
  const key = `${locale}|${zone}|${kind}|${zoneName}`;
  let f = fmtCache.get(key);
  if (!f) {
    const base: Intl.DateTimeFormatOptions = { timeZone: zone, calendar: "gregory" }; // never Buddhist-era years (th)
    if (kind === "date") Object.assign(base, { weekday: "short", day: "numeric", month: "short", year: "numeric" });
    if (kind === "time") Object.assign(base, { hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
    if (kind === "zone") Object.assign(base, { hour: "2-digit", hourCycle: "h23", timeZoneName: zoneName });
    f = new Intl.DateTimeFormat(locale, base);
    fmtCache.set(key, f);
  }
  return f;
}

/** The zone's display name at an instant, e.g. "GMT+6:30" (short) or "Myanmar Time" (long). */
export function zoneLabel(instant: IsoInstant | number, zone: string, options: FormatOptions = {}): string {
  const ms = typeof instant === "number" ? instant : parseInstant(instant);
  assertTimeZone(zone);
  const parts = formatter(options.locale ?? "en-GB", zone, "zone", options.zoneName ?? "short").formatToParts(ms);
  return parts.find((p) => p.type === "timeZoneName")?.value ?? zone;
}

/**
 * Formats an instant in a zone with the zone's name, e.g. "Wed 10 Mar 2027, 09:00 GMT+6:30".
 * Uses Intl.DateTimeFormat (IANA tz database via ICU). Throws ScheduleInputError invalid_instant | unknown_time_zone.
 */
export function formatInstant(instant: IsoInstant | number, zone: string, options: FormatOptions = {}): string {
  const ms = typeof instant === "number" ? instant : parseInstant(instant);
  assertTimeZone(zone);
  const locale = options.locale ?? "en-GB";
  const date = formatter(locale, zone, "date", "short").format(ms);
  const time = formatter(locale, zone, "time", "short").format(ms);
  return `${date}, ${time} ${zoneLabel(ms, zone, options)}`;
}

/**
 * Formats a start–end interval in one zone: "Wed 10 Mar 2027, 09:00–11:00 GMT+6:30", or with both
 * dates when it crosses local midnight: "Wed 10 Mar 2027, 22:00 – Thu 11 Mar 2027, 01:00 GMT+6:30".
 */
export function formatInterval(start: IsoInstant | number, end: IsoInstant | number, zone: string, options: FormatOptions = {}): string {
  const s = typeof start === "number" ? start : parseInstant(start, "start");
  const e = typeof end === "number" ? end : parseInstant(end, "end");
  assertTimeZone(zone);
  const locale = options.locale ?? "en-GB";
  const df = formatter(locale, zone, "date", "short");
  const tf = formatter(locale, zone, "time", "short");
  const label = zoneLabel(s, zone, options);
  const endLabel = zoneLabel(e, zone, options);
  const sd = df.format(s);
  const ed = df.format(e);
  if (sd === ed && label === endLabel) return `${sd}, ${tf.format(s)}–${tf.format(e)} ${label}`;
  const startText = label === endLabel ? `${sd}, ${tf.format(s)}` : `${sd}, ${tf.format(s)} ${label}`;
  return `${startText} – ${ed}, ${tf.format(e)} ${endLabel}`;
}

/**
 * A training's time for a viewer: always in the venue's zone; also in the viewer's zone when its UTC
 * offset differs at the start or end (same offset means the same wall clock, so a second line is noise).
 * @returns `{ venue, viewer }`, `viewer` null when not different.
 */
export function formatForViewer(
  start: IsoInstant | number,
  end: IsoInstant | number,
  venueZone: string,
  viewerZone: string | null | undefined,
  options: FormatOptions = {},
): { venue: string; viewer: string | null } {
  const s = typeof start === "number" ? start : parseInstant(start, "start");
  const e = typeof end === "number" ? end : parseInstant(end, "end");
  const venue = formatInterval(s, e, venueZone, options);
  if (!viewerZone || viewerZone === venueZone) return { venue, viewer: null };
  assertTimeZone(viewerZone, "viewerZone");
  const same = tzOffset(venueZone, new Date(s)) === tzOffset(viewerZone, new Date(s)) && tzOffset(venueZone, new Date(e)) === tzOffset(viewerZone, new Date(e));
  return { venue, viewer: same ? null : formatInterval(s, e, viewerZone, options) };
}
