import { parseInstant } from "./local-time";
import type { BookableResource, ResourceId, ScheduledTraining } from "./types";

export const BOOKABLE_RESOURCES: readonly BookableResource[] = ["venue", "trainer", "interpreter", "participant"];

/** One existing training with parsed instants; internal to the index. */
export interface IndexedTraining {
  id: ResourceId;
  key: string;
  title?: string;
  start: string;
  end: string;
  startMs: number;
  endMs: number;
}

/** Intervals of one resource sorted by start, with the running maximum of ends for early stopping. */
interface Timeline {
  starts: Float64Array;
  ends: Float64Array;
  maxEndUpTo: Float64Array;
  refs: Int32Array;
}

/**
 * Per-resource interval index over existing trainings, built once by {@link buildScheduleIndex}
 * and read by {@link checkConflicts} and findFreeSlots. Immutable: rebuild after writes.
 */
export interface ScheduleIndex {
  readonly trainings: readonly IndexedTraining[];
  readonly timelines: ReadonlyMap<string, Timeline>;
}

export function resourceKey(kind: BookableResource, id: ResourceId): string {
  return `${kind}:${String(id)}`;
}

export function resourceIdsOf(t: ScheduledTraining, kind: BookableResource): readonly ResourceId[] {
  switch (kind) {
    case "venue":
      return t.venueId === null || t.venueId === undefined ? [] : [t.venueId];
    case "trainer":
      return t.trainerIds ?? [];
    case "interpreter":
      return t.interpreterIds ?? [];
    case "participant":
      return t.participantIds ?? [];
  }
}

export function uniqueIds(ids: readonly ResourceId[]): ResourceId[] {
  const seen = new Set<string>();
  const out: ResourceId[] = [];
  for (const id of ids) {
    const k = String(id);
    if (!seen.has(k)) {
      seen.add(k);
      out.push(id);
    }
  }
  return out;
}

/**
 * Builds the interval index of existing trainings: for every venue, trainer, interpreter and
 * participant a start-sorted array of their trainings. Cancelled trainings are left out.
 * Cost O(B log B) for B bookings (a training with 80 participants is 80+ bookings).
 * @throws ScheduleInputError invalid_instant (field `trainings[i].start|end`)
 */
export function buildScheduleIndex(existing: readonly ScheduledTraining[]): ScheduleIndex {
  const trainings: IndexedTraining[] = [];
  const sources: ScheduledTraining[] = [];
  existing.forEach((t, i) => {
    if (t.status === "cancelled") return;
    const startMs = parseInstant(t.start, `trainings[${i}].start`);
    const endMs = parseInstant(t.end, `trainings[${i}].end`);
    trainings.push({ id: t.id, key: String(t.id), title: t.title, start: t.start, end: t.end, startMs, endMs });
    sources.push(t);
  });
  // Visiting trainings in start order fills every bucket already sorted: one sort instead of one per resource.
  const order = trainings.map((_, i) => i).sort((a, b) => trainings[a].startMs - trainings[b].startMs);
  const buckets = new Map<string, number[]>();
  for (const ref of order) {
    const t = sources[ref];
    for (const kind of BOOKABLE_RESOURCES) {
      const ids = resourceIdsOf(t, kind);
      for (let j = 0; j < ids.length; j++) {
        const k = resourceKey(kind, ids[j]);
        let b = buckets.get(k);
        if (!b) buckets.set(k, (b = []));
        // A repeated id in one list would book the resource twice for the same training.
        if (b[b.length - 1] !== ref) b.push(ref);
      }
    }
  }
  const timelines = new Map<string, Timeline>();
  for (const [k, refsList] of buckets) {
    const n = refsList.length;
    const tl: Timeline = {
      starts: new Float64Array(n),
      ends: new Float64Array(n),
      maxEndUpTo: new Float64Array(n),
      refs: Int32Array.from(refsList),
    };
    let maxEnd = -Infinity;
    for (let i = 0; i < n; i++) {
      const t = trainings[refsList[i]];
      tl.starts[i] = t.startMs;
      tl.ends[i] = t.endMs;
      maxEnd = Math.max(maxEnd, t.endMs);
      tl.maxEndUpTo[i] = maxEnd;
    }
    timelines.set(k, tl);
  }
  return { trainings, timelines };
}

/**
 * Indices (into `index.trainings`) of trainings booking resource `key` that overlap [startMs, endMs):
 * `a.start < b.end && b.start < a.end`, so touching ends do not overlap. O(log n + k).
 */
export function overlappingRefs(index: ScheduleIndex, key: string, startMs: number, endMs: number): number[] {
  const tl = index.timelines.get(key);
  if (!tl) return [];
  // First position whose start is >= endMs: nothing from there on can overlap.
  let lo = 0;
  let hi = tl.starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (tl.starts[mid] < endMs) lo = mid + 1;
    else hi = mid;
  }
  const out: number[] = [];
  // Walk back until no earlier interval can still be running at startMs.
  for (let i = lo - 1; i >= 0 && tl.maxEndUpTo[i] > startMs; i--) {
    if (tl.ends[i] > startMs) out.push(tl.refs[i]);
  }
  return out;
}
