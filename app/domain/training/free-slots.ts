import { ScheduleInputError } from "./errors";
import { hasHolidayData, publicHolidaysOn, type ExtraHoliday } from "./holidays";
import {
  assertTimeZone,
  daysBetween,
  eachLocalDate,
  isoWeekday,
  localToUtcMs,
  parseInstant,
  parseLocalTime,
  utcToLocal,
  type IsoInstant,
  type LocalDate,
  type LocalTime,
} from "./local-time";
import { formatInterval } from "./display";
import { BOOKABLE_RESOURCES, overlappingRefs, resourceKey, type ScheduleIndex } from "./schedule-index";
import type { BookableResource, ResourceId } from "./types";

/** What a new training needs, and where and when it may go. */
export interface FreeSlotRequest {
  /** Length of the training in minutes (> 0). */
  durationMinutes: number;
  venueId?: ResourceId | null;
  trainerIds?: readonly ResourceId[];
  interpreterIds?: readonly ResourceId[];
  /** The resolved audience. */
  participantIds?: readonly ResourceId[];
  /** First and last day of the visit (or edition), venue-local, inclusive. */
  from: LocalDate;
  to: LocalDate;
  /** IANA zone of the venue. */
  venueZone: string;
  /** ISO 3166-1 alpha-2; days that are public holidays there are skipped. null: none skipped. */
  venueCountry?: string | null;
  /** Venue-local working hours; a slot lies wholly inside them. Default 08:00–18:00. */
  workingHours?: { start: LocalTime; end: LocalTime };
  /** Grid of start times, in minutes from the start of working hours. Default 15. */
  stepMinutes?: number;
  /** How many slots to return. Default 5. */
  count?: number;
  /** ISO weekdays (1 = Monday … 7 = Sunday) to skip. Default none: visits often run through weekends. */
  excludeWeekdays?: readonly number[];
  /** Skip public holidays of `venueCountry`. Default true. */
  skipPublicHolidays?: boolean;
  extraHolidays?: readonly ExtraHoliday[];
  /** No slot starts before this instant (e.g. now). */
  notBefore?: IsoInstant;
  /**
   * "non-overlapping" (default): each proposal starts at or after the previous one's end, so the list
   * offers distinct choices rather than 09:00, 09:15, 09:30. "every-step": every free grid start.
   */
  spread?: "non-overlapping" | "every-step";
  /** When rescheduling an existing training, its own bookings do not block. */
  excludeTrainingId?: ResourceId;
  locale?: string;
}

/** A proposed slot: UTC instants plus the venue-local reading. */
export interface FreeSlot {
  start: IsoInstant;
  end: IsoInstant;
  localDate: LocalDate;
  localStart: LocalTime;
  localEnd: LocalTime;
  /** e.g. "Wed 10 Mar 2027, 09:00–10:30 GMT+6:30" */
  label: string;
}

function positiveInt(value: number | undefined, fallback: number, field: string, max: number): number {
  const v = value ?? fallback;
  if (!Number.isInteger(v) || v <= 0 || v > max) {
    throw new ScheduleInputError(field, "invalid_option", `${field}: expected an integer from 1 to ${max}, got ${String(value)}`);
  }
  return v;
}

/**
 * Proposes the earliest `count` conflict-free slots for a training: no double booking of the venue,
 * trainers, interpreters or audience (per the index), inside the visit days and working hours,
 * skipping public holidays of the venue country and excluded weekdays. Start times lie on a grid of
 * `stepMinutes` from the working-day start.
 *
 * Busy intervals of the requested resources are merged once, then one forward sweep over the
 * days jumps past each busy block: O(B log B + D·W/step) for B bookings, D days, W working minutes.
 * @returns slots in time order (fewer than `count` when the visit is full)
 * @throws ScheduleInputError invalid_option | invalid_date | invalid_time | invalid_range | unknown_time_zone
 *   | invalid_country | invalid_instant | nonexistent_local_time (working-hour bound missing on a DST day)
 */
export function findFreeSlots(index: ScheduleIndex, request: FreeSlotRequest): FreeSlot[] {
  const duration = positiveInt(request.durationMinutes, 0, "durationMinutes", 7 * 24 * 60) * 60_000;
  const step = positiveInt(request.stepMinutes, 15, "stepMinutes", 24 * 60) * 60_000;
  const count = positiveInt(request.count, 5, "count", 1000);
  const zone = assertTimeZone(request.venueZone, "venueZone");
  const workStart = request.workingHours?.start ?? "08:00";
  const workEnd = request.workingHours?.end ?? "18:00";
  if (parseLocalTime(workEnd, "workingHours.end") <= parseLocalTime(workStart, "workingHours.start")) {
    throw new ScheduleInputError("workingHours", "invalid_range", "workingHours: end must be after start");
  }
  if (daysBetween(request.from, request.to) < 0) {
    throw new ScheduleInputError("to", "invalid_range", "to: the last day is before the first day");
  }
  const notBefore = request.notBefore === undefined ? -Infinity : parseInstant(request.notBefore, "notBefore");
  const country = request.venueCountry ?? null;
  const skipHolidays = country !== null && (request.skipPublicHolidays ?? true);
  if (country !== null) hasHolidayData(country); // validates the code
  const excluded = new Set(request.excludeWeekdays ?? []);
  const excludeKey = request.excludeTrainingId === undefined ? null : String(request.excludeTrainingId);

  const days = eachLocalDate(request.from, request.to).filter(
    (d) => !excluded.has(isoWeekday(d)) && !(skipHolidays && publicHolidaysOn(country!, d, request.extraHolidays).length > 0),
  );
  if (days.length === 0) return [];
  // Working hours are wall times; "later" keeps a fold day's window whole.
  const windows = days.map((date) => ({
    date,
    startMs: localToUtcMs(date, workStart, zone, { field: "workingHours.start" }),
    endMs: localToUtcMs(date, workEnd, zone, { field: "workingHours.end", ambiguous: "later" }),
  }));
  const rangeStart = windows[0].startMs;
  const rangeEnd = windows[windows.length - 1].endMs;

  const wanted: Record<BookableResource, readonly ResourceId[]> = {
    venue: request.venueId === null || request.venueId === undefined ? [] : [request.venueId],
    trainer: request.trainerIds ?? [],
    interpreter: request.interpreterIds ?? [],
    participant: request.participantIds ?? [],
  };
  const busy: [number, number][] = [];
  const seen = new Set<number>();
  for (const kind of BOOKABLE_RESOURCES) {
    for (const id of wanted[kind]) {
      for (const ref of overlappingRefs(index, resourceKey(kind, id), rangeStart, rangeEnd)) {
        if (seen.has(ref)) continue;
        seen.add(ref);
        const t = index.trainings[ref];
        if (t.key !== excludeKey && t.endMs > t.startMs) busy.push([t.startMs, t.endMs]);
      }
    }
  }
  busy.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const b of busy) {
    const last = merged[merged.length - 1];
    if (last && b[0] <= last[1]) last[1] = Math.max(last[1], b[1]);
    else merged.push([b[0], b[1]]);
  }

  const spread = request.spread ?? "non-overlapping";
  const out: FreeSlot[] = [];
  let p = 0;
  const alignUp = (t: number, origin: number) => origin + Math.ceil((t - origin) / step) * step;
  for (const w of windows) {
    let t = notBefore > w.startMs ? alignUp(notBefore, w.startMs) : w.startMs;
    while (t + duration <= w.endMs) {
      while (p < merged.length && merged[p][1] <= t) p++;
      if (p < merged.length && merged[p][0] < t + duration) {
        t = alignUp(merged[p][1], w.startMs);
        continue;
      }
      const end = t + duration;
      const a = utcToLocal(t, zone);
      out.push({
        start: new Date(t).toISOString(),
        end: new Date(end).toISOString(),
        localDate: a.date,
        localStart: a.time,
        localEnd: utcToLocal(end, zone).time,
        label: formatInterval(t, end, zone, { locale: request.locale }),
      });
      if (out.length >= count) return out;
      t = spread === "every-step" ? t + step : alignUp(end, w.startMs);
    }
  }
  return out;
}
