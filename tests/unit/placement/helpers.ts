/**
 * Test helpers for the placement engine: a seeded generator of small, adversarial instances and
 * an independent, naive reading of the rules (written from the spec, not from the engine's code),
 * so the tests check the engine against a second implementation.
 */
import { mulberry32 } from "~/domain/placement/generate";
import type { Participant, PlacementInstance, PreferenceEntry, Visit } from "~/domain/placement";

export function tinyInstance(seed: number, nP: number, nV: number, opts: { locked?: boolean; weights?: boolean } = {}): PlacementInstance {
  const rnd = mulberry32(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]) => xs[int(0, xs.length - 1)]!;
  const countries = ["TH", "VN", "KH", "CN"];
  const langs = ["en", "th", "vi", "zh"];
  const themes = ["a", "b", "c"];
  const day = (d: number) => `2027-05-${String(d + 1).padStart(2, "0")}`;
  const visits: Visit[] = [];
  for (let i = 0; i < nV; i++) {
    const a = int(0, 6);
    visits.push({
      id: `v${i}`,
      hostCountry: pick(countries),
      arrival: day(a),
      departure: day(a + int(0, 3)),
      capacity: int(0, 3),
      countryCap: rnd() < 0.5 ? null : int(1, 2),
      languages: langs.filter(() => rnd() < 0.4),
      interpreterLanguages: rnd() < 0.3 ? [pick(langs)] : [],
      themes: themes.filter(() => rnd() < 0.5),
    });
  }
  const participants: Participant[] = [];
  for (let i = 0; i < nP; i++) {
    const from = int(0, 4);
    const prefs: PreferenceEntry[] = [];
    for (let j = int(0, 4); j > 0; j--) prefs.push(rnd() < 0.7 ? { visit: `v${int(0, nV - 1)}` } : { country: pick(countries) });
    participants.push({
      id: `p${i}`,
      country: pick(countries),
      gender: pick(["female", "male", "female", "male", "other"] as const),
      languages: langs.filter(() => rnd() < 0.5),
      availability: { from: day(from), to: day(from + int(2, 10)) },
      preferences: prefs,
      themes: themes.filter(() => rnd() < 0.4),
    });
  }
  const inst: PlacementInstance = { participants, visits };
  if (opts.locked && rnd() < 0.6) inst.locked = { [pick(participants).id]: pick(visits).id };
  if (opts.weights) inst.weights = { rank: int(0, 12), theme: int(0, 5) };
  if (rnd() < 0.2) inst.options = { acceptUnranked: true };
  return inst;
}

// ---- Independent reading of the rules.

export function naiveEligible(p: Participant, v: Visit): boolean {
  if (p.country === v.hostCountry) return false;
  if (v.arrival < p.availability.from || v.departure > p.availability.to) return false;
  const spoken = new Set([...v.languages, ...(v.interpreterLanguages ?? [])]);
  return p.languages.some((l) => spoken.has(l));
}

/** Cost of p at v, or null when not acceptable. */
export function naiveCost(inst: PlacementInstance, p: Participant, v: Visit): number | null {
  const w = { rank: inst.weights?.rank ?? 10, theme: inst.weights?.theme ?? 1 };
  let rank = p.preferences.findIndex((e) => ("visit" in e ? e.visit === v.id : e.country === v.hostCountry));
  if (rank < 0) {
    // An empty list is "no preference": every eligible visit alike (eligibility.ts takesUnranked).
    if (!inst.options?.acceptUnranked && p.preferences.length > 0) return null;
    rank = p.preferences.length;
  }
  const miss = [...new Set(p.themes ?? [])].filter((t) => !(v.themes ?? []).includes(t)).length;
  return w.rank * rank + w.theme * miss;
}

export function naiveCostAny(inst: PlacementInstance, p: Participant, v: Visit): number {
  const w = { rank: inst.weights?.rank ?? 10, theme: inst.weights?.theme ?? 1 };
  let rank = p.preferences.findIndex((e) => ("visit" in e ? e.visit === v.id : e.country === v.hostCountry));
  if (rank < 0) rank = p.preferences.length;
  const miss = [...new Set(p.themes ?? [])].filter((t) => !(v.themes ?? []).includes(t)).length;
  return w.rank * rank + w.theme * miss;
}

/** Every hard rule on an assignment; returns the list of violations (empty = fine). */
export function hardRuleViolations(inst: PlacementInstance, assignment: Record<string, string | null>): string[] {
  const out: string[] = [];
  const locked = inst.locked ?? {};
  const visits = new Map(inst.visits.map((v) => [v.id, v]));
  const load = new Map<string, number>();
  const perCountry = new Map<string, number>();
  for (const [pid, vid] of Object.entries(locked)) if (assignment[pid] !== vid) out.push(`locked ${pid} not at ${vid}`);
  for (const p of inst.participants) {
    const vid = assignment[p.id];
    if (vid == null) continue;
    const v = visits.get(vid)!;
    load.set(vid, (load.get(vid) ?? 0) + 1);
    const key = `${vid}|${p.country}`;
    perCountry.set(key, (perCountry.get(key) ?? 0) + 1);
    if (locked[p.id] === vid) continue;
    if (!naiveEligible(p, v)) out.push(`${p.id} not eligible at ${vid}`);
    if (naiveCost(inst, p, v) === null) out.push(`${p.id} does not accept ${vid}`);
  }
  const lockedAt = (vid: string, country?: string) =>
    Object.entries(locked).filter(([pid, v]) => v === vid && (country === undefined || inst.participants.find((p) => p.id === pid)!.country === country))
      .length;
  for (const v of inst.visits) {
    // Locked placements may overfill, but the engine must add nobody beyond the limits.
    const l = load.get(v.id) ?? 0;
    if (l > Math.max(v.capacity, lockedAt(v.id))) out.push(`${v.id} over capacity`);
    if (v.countryCap != null)
      for (const c of new Set(inst.participants.map((p) => p.country))) {
        const n = perCountry.get(`${v.id}|${c}`) ?? 0;
        if (n > Math.max(v.countryCap, lockedAt(v.id, c))) out.push(`${v.id} over cap for ${c}`);
        if (n > v.countryCap && n > lockedAt(v.id, c)) out.push(`${v.id} unlocked over cap for ${c}`);
      }
    if (l > v.capacity && l > lockedAt(v.id)) out.push(`${v.id} unlocked over capacity`);
  }
  return out;
}

/** (placed, preference cost) of an assignment, computed independently. */
export function naiveObjective(inst: PlacementInstance, assignment: Record<string, string | null>) {
  const visits = new Map(inst.visits.map((v) => [v.id, v]));
  let placed = 0;
  let cost = 0;
  for (const p of inst.participants) {
    const vid = assignment[p.id];
    if (vid == null) continue;
    placed++;
    cost += naiveCostAny(inst, p, visits.get(vid)!);
  }
  return { placed, cost };
}
