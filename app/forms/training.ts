/**
 * Forms of training sessions (issue 5), shared by the pages and their actions: the training form
 * (organizer and host coordinator), status changes, the free-slot search, and the organizer's
 * venues, trainers, interpreters and holiday overrides. Rules that need the database or the tz
 * database (a time that does not exist in the zone, conflicts, capacity below the enrolled) are
 * checked in app/models/training/save.server.ts.
 */
import * as z from "zod";
import { LANGUAGES } from "~/domain/vocabulary";
import { isoDate } from "./edition";
import { toArray } from "./to-array";
import { translationsField } from "./translations";
import { TRAINING_AUDIENCES, TRAINING_TYPES } from "../../db/schema/training";
import { MAX_OCCURRENCES, REPEATS, WEEKDAYS, weekdayOf } from "~/domain/training/repeat";

export const localTime = z
  .string()
  .trim()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: "training.errors.time" });
const optionalId = z.preprocess((v) => (v === "" || v === undefined || v === null ? undefined : v), z.coerce.number().int().positive().optional());
const idList = z.preprocess(toArray, z.array(z.coerce.number().int().positive()).max(20));
const checkbox = z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean());
/** An IANA zone name; whether the runtime knows it is checked by the model (unknown → field error). */
export const zoneName = z.string().trim().min(1).max(64);

export const trainingSchema = z
  .object({
    title: z.string().trim().min(1).max(200),
    type: z.enum(TRAINING_TYPES),
    description: z.string().trim().max(4000).optional(),
    tr: translationsField({ title: 200, description: 4000 }),
    visitId: optionalId,
    venueId: optionalId,
    /** Used when there is no venue (online); a venue's own zone wins otherwise. */
    timeZone: zoneName.optional(),
    startDate: isoDate,
    startTime: localTime,
    endDate: isoDate.optional(),
    endTime: localTime,
    onlineUrl: z
      .url({ protocol: /^https?$/, error: "training.errors.url" })
      .max(500)
      .optional(),
    trainerIds: idList,
    interpreterIds: idList,
    deliveryLanguage: z.enum(LANGUAGES),
    capacity: z.coerce.number().int().min(1).max(10000).optional(),
    audience: z.enum(TRAINING_AUDIENCES),
    /** New trainings only: save as draft or scheduled. */
    status: z.enum(["draft", "scheduled"]).optional(),
    /** "Save anyway": the organizer accepts the warnings (public holiday, interpreter cover). */
    confirmWarnings: checkbox,
    /** The updatedAt the form was loaded with: a stale edit is refused instead of overwriting. */
    version: z.string().max(40).optional(),
    /**
     * New trainings only (issue 15, item 8): repeat daily or on chosen weekdays, ending on a
     * venue-local day (`until`, inclusive) or after `count` sessions. Whether the days lie inside
     * the visit is checked by the model (app/models/training/series.server.ts).
     */
    repeat: z.preprocess((v) => (v === "" || v === undefined || v === null ? "none" : v), z.enum(REPEATS)),
    weekdays: z.preprocess(toArray, z.array(z.enum(WEEKDAYS)).max(7)),
    repeatEnd: z.preprocess((v) => (v === "" || v === undefined || v === null ? "until" : v), z.enum(["until", "count"])),
    until: isoDate.optional(),
    count: z.coerce
      .number()
      .int()
      .min(1, { error: `training.series.errors.countRange|${JSON.stringify({ max: MAX_OCCURRENCES })}` })
      .max(MAX_OCCURRENCES, { error: `training.series.errors.countRange|${JSON.stringify({ max: MAX_OCCURRENCES })}` })
      .optional(),
  })
  .refine((v) => v.type !== "online" || !!v.onlineUrl, { path: ["onlineUrl"], error: "training.errors.onlineUrlNeeded" })
  .refine((v) => v.type === "online" || !!v.venueId || !!v.onlineUrl, { path: ["venueId"], error: "training.errors.venueNeeded" })
  .refine((v) => v.audience !== "visit" || !!v.visitId, { path: ["visitId"], error: "training.errors.visitNeeded" })
  .refine((v) => v.repeat !== "weekly" || v.weekdays.length > 0, { path: ["weekdays"], error: "training.series.errors.noWeekday" })
  // The start date is the series' first session (RFC 5545: DTSTART is the first occurrence). A
  // start on a day not chosen used to move the series silently to the first chosen day after it.
  .refine((v) => v.repeat !== "weekly" || v.weekdays.length === 0 || v.weekdays.includes(weekdayOf(v.startDate)), {
    path: ["weekdays"],
    error: "training.series.errors.startNotChosen",
  })
  .refine((v) => v.repeat === "none" || v.repeatEnd !== "until" || !!v.until, { path: ["until"], error: "training.series.errors.untilNeeded" })
  .refine((v) => v.repeat === "none" || v.repeatEnd !== "count" || v.count !== undefined, { path: ["count"], error: "training.series.errors.countNeeded" })
  .refine((v) => v.repeat === "none" || v.repeatEnd !== "until" || !v.until || v.until >= v.startDate, {
    path: ["until"],
    error: "training.series.errors.untilBeforeStart",
  });

export type TrainingInput = z.output<typeof trainingSchema>;

export const trainingStatusSchema = z.object({
  to: z.enum(["scheduled", "held", "cancelled"]),
  reason: z.string().trim().max(2000).optional(),
  /** Cancelling an occurrence of a series: it alone (default) or it and all following ones. */
  scope: z.enum(["one", "following"]).optional(),
});

export const freeSlotSchema = z
  .object({
    durationMinutes: z.coerce
      .number()
      .int()
      .min(15)
      .max(12 * 60),
    visitId: optionalId,
    venueId: optionalId,
    trainerIds: idList,
    interpreterIds: idList,
    audience: z.enum(TRAINING_AUDIENCES).optional(),
    workStart: localTime.optional(),
    workEnd: localTime.optional(),
  })
  .refine((v) => !v.workStart || !v.workEnd || v.workEnd > v.workStart, { path: ["workEnd"], error: "training.errors.workingHours" });

export type FreeSlotInput = z.output<typeof freeSlotSchema>;

export const venueSchema = z.object({
  name: z.string().trim().min(1).max(200),
  address: z.string().trim().max(500).optional(),
  hostSiteId: optionalId,
  countryCode: z
    .string()
    .trim()
    .regex(/^[A-Z]{2}$/, { error: "errors.invalid" })
    .optional(),
  timeZone: zoneName.optional(),
  capacity: z.coerce.number().int().min(1).max(10000).optional(),
});
export type VenueInput = z.output<typeof venueSchema>;

export const trainerSchema = z.object({
  name: z.string().trim().min(1).max(200),
  organisation: z.string().trim().max(200).optional(),
  languages: z.preprocess(toArray, z.array(z.enum(LANGUAGES)).min(1)),
  email: z.email().max(200).optional(),
});
export type TrainerInput = z.output<typeof trainerSchema>;

const LANG_SET = new Set<string>(LANGUAGES);
/** Language pairs typed as "zh-en, zh-vi" (both ways) or "zh>en" (one way). */
export function parseLanguagePairs(text: string): { from: string; to: string; oneWay?: boolean }[] | null {
  const out: { from: string; to: string; oneWay?: boolean }[] = [];
  for (const raw of text
    .split(/[,;\n]+/)
    .map((s) => s.trim())
    .filter(Boolean)) {
    const m = /^([a-z]{2})\s*(<?->|-|↔|>)\s*([a-z]{2})$/i.exec(raw);
    if (!m) return null;
    const from = m[1].toLowerCase();
    const to = m[3].toLowerCase();
    if (!LANG_SET.has(from) || !LANG_SET.has(to) || from === to) return null;
    out.push(m[2] === ">" ? { from, to, oneWay: true } : { from, to });
  }
  return out.length ? out : null;
}

export const interpreterSchema = z.object({
  name: z.string().trim().min(1).max(200),
  pairs: z
    .string()
    .trim()
    .min(1)
    .max(500)
    .refine((s) => parseLanguagePairs(s) !== null, { error: "training.errors.pairs" }),
  email: z.email().max(200).optional(),
});
export type InterpreterInput = z.output<typeof interpreterSchema>;

export const holidaySchema = z.object({
  countryCode: z
    .string()
    .trim()
    .regex(/^[A-Z]{2}$/, { error: "errors.invalid" }),
  date: isoDate,
  name: z.string().trim().min(1).max(200),
});
export type HolidayInput = z.output<typeof holidaySchema>;
