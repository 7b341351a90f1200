import { TZDate } from "@date-fns/tz";
import ical, { foldLines, ICalEventStatus, ICalEventTransparency } from "ical-generator";
import { ScheduleInputError } from "./errors";
import { addDays, assertTimeZone, daysBetween, localDateOf, parseInstant, parseLocalDate, type IsoInstant, type LocalDate } from "./local-time";
import type { ResourceId, TrainingStatus } from "./types";
import { buildVtimezone } from "./vtimezone";

/**
 * The languages of an item's texts (BCP 47 tags such as "km"), written as the LANGUAGE parameter
 * of SUMMARY, DESCRIPTION and LOCATION (RFC 5545 §3.2.10). A text without one takes the feed's
 * `language`; with neither, no parameter is written.
 */
export interface FeedTextLanguages {
  summary?: string;
  description?: string;
  location?: string;
}

/** A timed training in a feed. Drafts are left out of feeds: they are not published yet. */
export interface FeedTraining {
  kind: "training";
  id: ResourceId;
  title: string;
  start: IsoInstant;
  end: IsoInstant;
  /** IANA zone of the venue; DTSTART/DTEND carry it as TZID in "tzid" mode. */
  venueZone: string;
  status: TrainingStatus;
  /** Drives DTSTAMP, LAST-MODIFIED and (unless `revision` is given) SEQUENCE. */
  updatedAt: IsoInstant;
  /** Monotonic edit counter if the caller keeps one; else derived from `updatedAt`. */
  revision?: number;
  location?: string | null;
  description?: string | null;
  /** Join link of an online training: written as URL. */
  onlineUrl?: string | null;
  lang?: FeedTextLanguages;
}

/** A whole-day item (arrival, departure, a free day), written as VALUE=DATE. */
export interface FeedAllDayItem {
  kind: "all-day";
  /** UID stem: `arrival` + id 42 gives `arrival-42@vlx`. Lower-case letters, digits, hyphens. */
  uidKind: string;
  id: ResourceId;
  title: string;
  /** First day, `YYYY-MM-DD`. */
  date: LocalDate;
  /** Last day, inclusive; default `date`. DTEND is written as the day after (exclusive, RFC 5545 §3.6.1). */
  lastDate?: LocalDate;
  updatedAt: IsoInstant;
  revision?: number;
  cancelled?: boolean;
  location?: string | null;
  description?: string | null;
  lang?: FeedTextLanguages;
}

export type FeedItem = FeedTraining | FeedAllDayItem;

export interface FeedOptions {
  /** Calendar name shown by clients (X-WR-CALNAME). */
  name: string;
  description?: string;
  /**
   * "tzid" (default): local times with TZID plus a VTIMEZONE per zone; "utc": every time in UTC (`Z`).
   * Both are valid RFC 5545; "utc" suits clients that ignore VTIMEZONE.
   */
  timeMode?: "tzid" | "utc";
  /** Right-hand side of UIDs. Default "vlx". */
  uidDomain?: string;
  /** Suggested refresh interval in seconds (REFRESH-INTERVAL / X-PUBLISHED-TTL). */
  ttlSeconds?: number;
  /** Feed URL (URL property of the calendar). */
  url?: string;
  /**
   * The feed's language (its reader's, e.g. "km"): the LANGUAGE parameter of every event text
   * without a language of its own. ical-generator has no calendar-level language property.
   */
  language?: string;
}

// SEQUENCE must grow with every revision (RFC 5545 §3.8.7.4); seconds since 2020 stay below 2^31 until 2088.
const SEQUENCE_EPOCH = Date.UTC(2020, 0, 1);
const YEAR_MS = 366 * 86_400_000;

const LANGUAGE_TAG = /^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/;
const TEXT_PROPERTIES = { SUMMARY: "summary", DESCRIPTION: "description", LOCATION: "location" } as const;

/**
 * Adds `;LANGUAGE=<tag>` to each event's SUMMARY, DESCRIPTION and LOCATION (RFC 5545 §3.2.10),
 * which ical-generator cannot write: unfolds the finished text, rewrites those lines per VEVENT
 * (found by UID) and folds again with ical-generator's own foldLines (UTF-8 safe). Tags that are
 * not BCP 47-shaped are left out rather than written into the feed.
 */
function withLanguageParams(text: string, langs: Map<string, FeedTextLanguages>, fallback: string | undefined): string {
  const lines = text.replace(/\r\n[ \t]/g, "").split("\r\n");
  const out: string[] = [];
  let block: string[] | null = null;
  for (const line of lines) {
    if (line === "BEGIN:VEVENT") block = [];
    if (!block) {
      out.push(line);
      continue;
    }
    block.push(line);
    if (line !== "END:VEVENT") continue;
    const uid = block.find((l) => l.startsWith("UID:"))?.slice(4) ?? "";
    const own = langs.get(uid) ?? {};
    for (const l of block) {
      const m = /^(SUMMARY|DESCRIPTION|LOCATION):/.exec(l);
      const tag = m ? (own[TEXT_PROPERTIES[m[1] as keyof typeof TEXT_PROPERTIES]] ?? fallback) : undefined;
      out.push(m && tag && LANGUAGE_TAG.test(tag) ? `${m[1]};LANGUAGE=${tag}${l.slice(m[1].length)}` : l);
    }
    block = null;
  }
  return foldLines(out.join("\r\n"));
}

/** RFC 5545 §3.3.11 TEXT escaping, for the calendar-level fields ical-generator writes raw. */
function escapeText(text: string): string {
  return text.replace(/[\\;,]/g, (m) => `\\${m}`).replace(/\r\n|\r|\n/g, "\\n");
}

function sequenceOf(updatedMs: number, revision: number | undefined, field: string): number {
  if (revision !== undefined) {
    if (!Number.isInteger(revision) || revision < 0 || revision > 2 ** 31 - 1) {
      throw new ScheduleInputError(field, "invalid_item", `${field}: revision must be a non-negative 32-bit integer`);
    }
    return revision;
  }
  return Math.max(0, Math.floor((updatedMs - SEQUENCE_EPOCH) / 1000));
}

function uidPart(value: string, field: string): string {
  if (!/^[a-z][a-z0-9-]*$/.test(value)) {
    throw new ScheduleInputError(field, "invalid_item", `${field}: expected lower-case letters, digits and hyphens`);
  }
  return value;
}

function idPart(id: ResourceId, field: string): string {
  const s = String(id);
  // The id ends up in a UID: keep it to characters that need no escaping and cannot collide.
  if (!/^[A-Za-z0-9_.-]+$/.test(s)) throw new ScheduleInputError(field, "invalid_item", `${field}: unsupported id ${JSON.stringify(s)}`);
  return s;
}

interface Prepared {
  item: FeedItem;
  uid: string;
  sortDay: string;
  sortMs: number;
  startMs: number;
  endMs: number;
  updatedMs: number;
}

function prepare(items: readonly FeedItem[], domain: string): Prepared[] {
  const out: Prepared[] = [];
  items.forEach((item, i) => {
    const f = `items[${i}]`;
    const updatedMs = parseInstant(item.updatedAt, `${f}.updatedAt`);
    if (item.kind === "training") {
      if (item.status === "draft") return;
      assertTimeZone(item.venueZone, `${f}.venueZone`);
      const startMs = parseInstant(item.start, `${f}.start`);
      const endMs = parseInstant(item.end, `${f}.end`);
      // ical-generator would silently swap a reversed pair; refuse instead.
      if (!(endMs > startMs)) throw new ScheduleInputError(`${f}.end`, "invalid_range", `${f}.end: must be after start`);
      out.push({
        item,
        uid: `training-${idPart(item.id, `${f}.id`)}@${domain}`,
        sortDay: localDateOf(startMs, item.venueZone),
        sortMs: startMs,
        startMs,
        endMs,
        updatedMs,
      });
    } else if (item.kind === "all-day") {
      parseLocalDate(item.date, `${f}.date`);
      const last = item.lastDate ?? item.date;
      parseLocalDate(last, `${f}.lastDate`);
      if (daysBetween(item.date, last) < 0) throw new ScheduleInputError(`${f}.lastDate`, "invalid_range", `${f}.lastDate: before date`);
      out.push({
        item,
        uid: `${uidPart(item.uidKind, `${f}.uidKind`)}-${idPart(item.id, `${f}.id`)}@${domain}`,
        sortDay: item.date,
        sortMs: -Infinity,
        startMs: NaN,
        endMs: NaN,
        updatedMs,
      });
    } else {
      throw new ScheduleInputError(`${f}.kind`, "invalid_item", `${f}.kind: unknown item kind`);
    }
  });
  const seen = new Set<string>();
  for (const p of out) {
    if (seen.has(p.uid)) throw new ScheduleInputError("items", "invalid_item", `items: duplicate UID ${p.uid}`);
    seen.add(p.uid);
  }
  // Deterministic order so the same data always gives the same bytes.
  return out.sort((a, b) => (a.sortDay < b.sortDay ? -1 : a.sortDay > b.sortDay ? 1 : a.sortMs - b.sortMs || (a.uid < b.uid ? -1 : a.uid > b.uid ? 1 : 0)));
}

/**
 * Builds an iCalendar feed (RFC 5545) with ical-generator 10.2.0.
 *
 * - Trainings: DTSTART/DTEND with `TZID=<venue zone>` and a matching VTIMEZONE generated from the
 *   IANA tz database (or UTC with `timeMode: "utc"`); STATUS CONFIRMED, or CANCELLED for cancelled
 *   ones (kept so subscribed clients drop them); drafts omitted; URL for online trainings.
 * - All-day items: `DTSTART;VALUE=DATE`, `DTEND;VALUE=DATE` = day after the last (exclusive), TRANSP TRANSPARENT.
 * - UID `training-<id>@vlx` / `<uidKind>-<id>@vlx`, stable across rebuilds so edits replace events;
 *   DTSTAMP = LAST-MODIFIED = updatedAt; SEQUENCE from `revision` or updatedAt seconds since 2020.
 * - Lines are CRLF and folded at 75 octets without splitting a UTF-8 sequence (ical-generator's
 *   foldLines counts encoded bytes per code point; covered by tests for Thai, Burmese, Khmer, CJK).
 * - Texts carry their language (LANGUAGE parameter) when the items or `options.language` give one.
 * - Output depends only on the input: no clock reads, no process-TZ getters (TZDate carries the zone).
 *
 * @returns the feed text (UTF-8 when written; serve as `text/calendar; charset=utf-8`)
 * @throws ScheduleInputError invalid_instant | invalid_date | invalid_range | unknown_time_zone | invalid_item
 */
export function buildICalendarFeed(items: readonly FeedItem[], options: FeedOptions): string {
  const domain = options.uidDomain ?? "vlx";
  if (!/^[A-Za-z0-9.-]+$/.test(domain)) throw new ScheduleInputError("uidDomain", "invalid_option", "uidDomain: expected a host name");
  const mode = options.timeMode ?? "tzid";
  const prepared = prepare(items, domain);

  const timed = prepared.filter((p) => p.item.kind === "training");
  // Cover every event with a year's margin, from a 1 January so the first observance reads tidily.
  const fromMs = timed.length ? Date.UTC(new Date(Math.min(...timed.map((p) => p.startMs)) - YEAR_MS).getUTCFullYear(), 0, 1) : 0;
  const toMs = timed.length ? Math.max(...timed.map((p) => p.endMs)) + YEAR_MS : 0;
  const vtimezones = new Map<string, string>();

  const calendar = ical({
    prodId: { company: "VLX", product: "Village Leaders Exchange", language: "EN" },
    name: escapeText(options.name),
    description: options.description ? escapeText(options.description) : undefined,
    url: options.url,
    ttl: options.ttlSeconds,
    // name null: no X-WR-TIMEZONE and DTSTAMP stays in UTC; the generator only supplies VTIMEZONEs.
    timezone:
      mode === "tzid"
        ? {
            name: null,
            generator: (zone: string) => {
              let v = vtimezones.get(zone);
              if (v === undefined) vtimezones.set(zone, (v = buildVtimezone(zone, fromMs, toMs)));
              return v;
            },
          }
        : null,
  });

  for (const p of prepared) {
    const base = {
      id: p.uid,
      sequence: sequenceOf(p.updatedMs, p.item.revision, "revision"),
      stamp: new Date(p.updatedMs),
      lastModified: new Date(p.updatedMs),
      summary: p.item.title,
      location: p.item.location || null,
      description: p.item.description || null,
    };
    if (p.item.kind === "training") {
      const t = p.item;
      const zone = mode === "tzid" ? t.venueZone : null;
      calendar.createEvent({
        ...base,
        // A TZDate, not a plain Date: ical-generator reads wall fields with local getters, which on a
        // plain Date would follow the server's TZ.
        start: zone ? new TZDate(p.startMs, zone) : new Date(p.startMs),
        end: zone ? new TZDate(p.endMs, zone) : new Date(p.endMs),
        timezone: zone,
        status: t.status === "cancelled" ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
        url: t.onlineUrl || null,
      });
    } else {
      const a = p.item;
      calendar.createEvent({
        ...base,
        allDay: true,
        // Date-only strings stay strings; with no event zone ical-generator formats them with UTC
        // getters, which read back the same calendar day whatever the process TZ.
        start: a.date,
        end: addDays(a.lastDate ?? a.date, 1),
        transparency: ICalEventTransparency.TRANSPARENT,
        status: a.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      });
    }
  }
  const text = calendar.toString();
  const langs = new Map(prepared.filter((p) => p.item.lang).map((p) => [p.uid, p.item.lang!]));
  return options.language || langs.size ? withLanguageParams(text, langs, options.language) : text;
}

/**
 * A participant's personal feed: their trainings (cancelled ones included as CANCELLED) and their
 * arrival and departure days. Shapes as {@link buildICalendarFeed}.
 */
export function buildParticipantFeed(input: { participantName: string; items: readonly FeedItem[]; options?: Omit<FeedOptions, "name"> }): string {
  return buildICalendarFeed(input.items, { ...input.options, name: `VLX – ${input.participantName}` });
}

/** An exchange visit's feed: all its trainings plus arrival and departure days. Shapes as {@link buildICalendarFeed}. */
export function buildVisitFeed(input: { visitTitle: string; items: readonly FeedItem[]; options?: Omit<FeedOptions, "name"> }): string {
  return buildICalendarFeed(input.items, { ...input.options, name: `VLX – ${input.visitTitle}` });
}
