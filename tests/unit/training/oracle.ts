/**
 * Brute-force oracles for the training-scheduling tests, written independently of the module under
 * test: plain loops over every pair, no index, no shared helpers besides the public time conversions.
 */
import type { ScheduledTraining, TrainingCandidate, TrainingConflict } from "~/domain/training";

export type Triple = string; // "kind|resourceId|otherId"

const kinds = ["venue", "trainer", "interpreter", "participant"] as const;

function idsOf(t: ScheduledTraining, kind: (typeof kinds)[number]): string[] {
  if (kind === "venue") return t.venueId == null ? [] : [String(t.venueId)];
  const list = kind === "trainer" ? t.trainerIds : kind === "interpreter" ? t.interpreterIds : t.participantIds;
  return (list ?? []).map(String);
}

/** Every (resource kind, resource id, other training id) double booking, by checking all pairs. */
export function oracleDoubleBookings(existing: readonly ScheduledTraining[], c: ScheduledTraining): Set<Triple> {
  const out = new Set<Triple>();
  if (c.status === "cancelled") return out;
  const cs = Date.parse(c.start);
  const ce = Date.parse(c.end);
  if (!(ce > cs)) return out;
  for (const t of existing) {
    if (t.status === "cancelled" || String(t.id) === String(c.id)) continue;
    const ts = Date.parse(t.start);
    const te = Date.parse(t.end);
    if (!(cs < te && ts < ce)) continue;
    for (const kind of kinds) {
      const theirs = idsOf(t, kind);
      for (const id of idsOf(c, kind)) if (theirs.includes(id)) out.add(`${kind}|${id}|${String(t.id)}`);
    }
  }
  return out;
}

/** Flattens the detector's grouped double-booking conflicts into triples. */
export function triplesOf(conflicts: readonly TrainingConflict[]): Set<Triple> {
  const out = new Set<Triple>();
  for (const c of conflicts) {
    if (c.code !== "double_booked") continue;
    for (const id of c.resourceIds) out.add(`${c.resource}|${String(id)}|${String(c.other.id)}`);
  }
  return out;
}

export function isFreeByOracle(existing: readonly ScheduledTraining[], c: ScheduledTraining): boolean {
  return oracleDoubleBookings(existing, c).size === 0;
}

export type { TrainingCandidate };
