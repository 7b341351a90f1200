import { ScheduleInputError } from "./errors";
import { hasHolidayData, publicHolidaysOn } from "./holidays";
import { formatInterval } from "./display";
import { assertTimeZone, daysBetween, eachLocalDate, localDateOf, parseInstant, parseLocalDate } from "./local-time";
import { BOOKABLE_RESOURCES, overlappingRefs, resourceIdsOf, resourceKey, uniqueIds, type IndexedTraining, type ScheduleIndex } from "./schedule-index";
import type { BookableResource, ConflictCheckOptions, ResourceId, ScheduledTraining, TrainingCandidate, TrainingConflict } from "./types";

/** A raw double-booking hit before grouping. */
interface Hit {
  kind: BookableResource;
  resourceId: ResourceId;
  other: IndexedTraining;
}

interface ParsedCandidate {
  startMs: number;
  endMs: number;
  key: string;
}

function validateCandidate(c: TrainingCandidate): ParsedCandidate {
  assertTimeZone(c.venueZone, "venueZone");
  const startMs = parseInstant(c.start, "start");
  const endMs = parseInstant(c.end, "end");
  if (c.dateBounds) {
    parseLocalDate(c.dateBounds.from, "dateBounds.from");
    parseLocalDate(c.dateBounds.to, "dateBounds.to");
    if (daysBetween(c.dateBounds.from, c.dateBounds.to) < 0) {
      throw new ScheduleInputError("dateBounds", "invalid_range", "dateBounds: `to` is before `from`");
    }
  }
  if (c.venueCountry !== null && c.venueCountry !== undefined) hasHolidayData(c.venueCountry); // validates the code
  return { startMs, endMs, key: String(c.id) };
}

const LABEL: Record<BookableResource, [string, string]> = {
  venue: ["Venue", "Venue"],
  trainer: ["Trainer", "Trainers"],
  interpreter: ["Interpreter", "Interpreters"],
  participant: ["Participant", "Participants"],
};

function groupHits(hits: Hit[], c: TrainingCandidate, options: ConflictCheckOptions): TrainingConflict[] {
  const groups = new Map<string, { kind: BookableResource; other: IndexedTraining; ids: ResourceId[]; seen: Set<string> }>();
  for (const h of hits) {
    const g = `${h.kind}\u0000${h.other.key}`;
    let entry = groups.get(g);
    if (!entry) groups.set(g, (entry = { kind: h.kind, other: h.other, ids: [], seen: new Set() }));
    const k = String(h.resourceId);
    if (!entry.seen.has(k)) {
      entry.seen.add(k);
      entry.ids.push(h.resourceId);
    }
  }
  const order = (k: BookableResource) => BOOKABLE_RESOURCES.indexOf(k);
  return [...groups.values()]
    .sort((a, b) => order(a.kind) - order(b.kind) || a.other.startMs - b.other.startMs || (a.other.key < b.other.key ? -1 : a.other.key > b.other.key ? 1 : 0))
    .map(({ kind, other, ids }) => {
      const localTime = formatInterval(other.startMs, other.endMs, c.venueZone, { locale: options.locale });
      const [one, many] = LABEL[kind];
      const what = other.title ? `"${other.title}" (${other.key})` : other.key;
      return {
        code: "double_booked" as const,
        severity: "error" as const,
        resource: kind,
        resourceIds: ids,
        other: { id: other.id, title: other.title, start: other.start, end: other.end, localTime },
        message: `${ids.length > 1 ? many : one} ${ids.map(String).join(", ")} already booked for training ${what}, ${localTime}`,
      };
    });
}

function primary(lang: string): string {
  return lang.trim().toLowerCase().split(/[-_]/)[0];
}

function interpreterCover(c: TrainingCandidate): TrainingConflict[] {
  if (!c.deliveryLanguage) return [];
  const delivery = primary(c.deliveryLanguage);
  const covered = new Set<string>();
  for (const interpreterId of uniqueIds(c.interpreterIds ?? [])) {
    for (const pair of c.interpreterPairs?.[String(interpreterId)] ?? []) {
      const from = primary(pair.from);
      const to = primary(pair.to);
      if (from === delivery) covered.add(to);
      if (!pair.oneWay && to === delivery) covered.add(from);
    }
  }
  const uncoveredPeople: ResourceId[] = [];
  const uncoveredLanguages = new Set<string>();
  for (const pid of uniqueIds(c.participantIds ?? [])) {
    // Unknown languages are not guessed at: the caller decides whether missing data is itself a problem.
    const langs = c.participantLanguages?.[String(pid)];
    if (!langs || langs.length === 0) continue;
    const mine = langs.map(primary);
    if (mine.includes(delivery) || mine.some((l) => covered.has(l))) continue;
    uncoveredPeople.push(pid);
    mine.forEach((l) => uncoveredLanguages.add(l));
  }
  if (uncoveredPeople.length === 0) return [];
  const langs = [...uncoveredLanguages].sort();
  return [
    {
      code: "interpreter_cover",
      severity: "warning",
      deliveryLanguage: delivery,
      participantIds: uncoveredPeople,
      uncoveredLanguages: langs,
      message: `No interpreter covers ${delivery} → ${langs.join("/")} for participant(s) ${uncoveredPeople.map(String).join(", ")}`,
    },
  ];
}

function evaluate(c: TrainingCandidate, p: ParsedCandidate, options: ConflictCheckOptions, findHits: () => Hit[]): TrainingConflict[] {
  if (c.status === "cancelled") return [];
  if (!(p.endMs > p.startMs)) {
    return [{ code: "end_not_after_start", severity: "error", message: "The end must be after the start" }];
  }
  const out: TrainingConflict[] = [];
  const firstDay = localDateOf(p.startMs, c.venueZone);
  // A training ending at 00:00 belongs to the day before: take the day of its last minute.
  const lastDay = localDateOf(Math.max(p.startMs, p.endMs - 1), c.venueZone);
  if (c.dateBounds) {
    const { from, to, scope } = c.dateBounds;
    if (daysBetween(from, firstDay) < 0 || daysBetween(lastDay, to) < 0) {
      out.push({
        code: "outside_dates",
        severity: "error",
        scope,
        from,
        to,
        firstDay,
        lastDay,
        message: `The training (${firstDay}${lastDay !== firstDay ? ` to ${lastDay}` : ""}, venue time) is outside the ${scope} dates ${from} to ${to}`,
      });
    }
  }
  out.push(...groupHits(findHits(), c, options));
  if (c.venueCountry) {
    const country = c.venueCountry;
    // Every year the training touches must have a source (the repo's KH, LA, MM lists end in 2028).
    const years = [...new Set([firstDay.slice(0, 4), lastDay.slice(0, 4)])].map(Number);
    if (years.some((y) => !hasHolidayData(country, y)) && !(options.extraHolidays ?? []).some((h) => h.country === country)) {
      out.push({
        code: "holiday_data_unavailable",
        severity: "info",
        country,
        message: `No public-holiday data for ${country}: holidays were not checked`,
      });
    }
    for (const date of eachLocalDate(firstDay, lastDay)) {
      const hs = publicHolidaysOn(country, date, options.extraHolidays);
      if (hs.length > 0) {
        const names = hs.map((h) => h.name);
        out.push({
          code: "public_holiday",
          severity: "warning",
          country,
          date,
          holidayNames: names,
          message: `${date} is a public holiday in ${country}: ${names.join(", ")}`,
        });
      }
    }
  }
  out.push(...interpreterCover(c));
  return out;
}

/**
 * Checks a candidate training against the indexed existing ones.
 *
 * Returns, in this order: `end_not_after_start` (then nothing else), `outside_dates`, one
 * `double_booked` per (resource kind, other training) naming the other training and its time in the
 * candidate venue's zone, `holiday_data_unavailable` (info), `public_holiday` per venue-local day
 * (warning), `interpreter_cover` (warning). A cancelled candidate, and cancelled existing trainings,
 * never conflict; the candidate's own id in the index is ignored (editing).
 * Overlap is `a.start < b.end && b.start < a.end` (docs/design.md rule 3). About O(R log n) for R resources.
 * @throws ScheduleInputError unknown_time_zone | invalid_instant | invalid_date | invalid_range | invalid_country
 */
export function checkConflicts(index: ScheduleIndex, candidate: TrainingCandidate, options: ConflictCheckOptions = {}): TrainingConflict[] {
  const p = validateCandidate(candidate);
  return evaluate(candidate, p, options, () => {
    const hits: Hit[] = [];
    for (const kind of BOOKABLE_RESOURCES) {
      for (const id of uniqueIds(resourceIdsOf(candidate, kind))) {
        for (const ref of overlappingRefs(index, resourceKey(kind, id), p.startMs, p.endMs)) {
          const other = index.trainings[ref];
          if (other.key !== p.key) hits.push({ kind, resourceId: id, other });
        }
      }
    }
    return hits;
  });
}

/**
 * Same result as {@link checkConflicts} by a linear scan of `existing` (O(n) per check, no index).
 * Kept as the benchmark baseline; the tests use their own independent oracle.
 */
export function checkConflictsLinear(
  existing: readonly ScheduledTraining[],
  candidate: TrainingCandidate,
  options: ConflictCheckOptions = {},
): TrainingConflict[] {
  const p = validateCandidate(candidate);
  return evaluate(candidate, p, options, () => {
    const mine = BOOKABLE_RESOURCES.map((kind) => {
      const ids = uniqueIds(resourceIdsOf(candidate, kind));
      return { kind, ids, keys: new Set(ids.map(String)) };
    });
    const hits: Hit[] = [];
    existing.forEach((t, i) => {
      if (t.status === "cancelled" || String(t.id) === p.key) return;
      const s = parseInstant(t.start, `trainings[${i}].start`);
      const e = parseInstant(t.end, `trainings[${i}].end`);
      if (!(p.startMs < e && s < p.endMs)) return;
      let other: IndexedTraining | undefined;
      for (const { kind, ids, keys } of mine) {
        if (keys.size === 0) continue;
        const theirs = new Set(resourceIdsOf(t, kind).map(String));
        for (const id of ids) {
          if (!theirs.has(String(id))) continue;
          other ??= { id: t.id, key: String(t.id), title: t.title, start: t.start, end: t.end, startMs: s, endMs: e };
          hits.push({ kind, resourceId: id, other });
        }
      }
    });
    return hits;
  });
}

/** True when the list holds an error-severity conflict (the save must be refused). */
export function hasBlockingConflict(conflicts: readonly TrainingConflict[]): boolean {
  return conflicts.some((c) => c.severity === "error");
}
