/**
 * Hard rules and preference cost of one (participant, visit) pair.
 *
 * Hard rules (an arc of the network exists only when all hold): not the participant's own
 * country; the visit's dates inside the participant's availability (`YYYY-MM-DD` compared as
 * text, which orders like the calendar); a shared language, or an interpreter for one of the
 * participant's languages. Capacity and the per-country cap k are capacities of the network, not
 * arc filters.
 *
 * Preference cost, in integer "points" (lower is better):
 *   cost(p, v) = weights.rank * rank(p, v) + weights.theme * |themes(p) \ themes(v)|
 * where rank(p, v) is the 0-based index of the first preference entry naming v or its host
 * country (the list length when v is unranked but acceptable). With the defaults (10, 1) a step
 * down the list costs 10 points and each wished theme the visit lacks costs 1 point.
 */
import type { Participant, Reason, Visit, Weights } from "./types";

/** The hard rules `p` fails at `v`, in a fixed order; empty when eligible. O(|languages|). */
export function hardRuleFailures(p: Participant, v: Visit): Reason[] {
  const out: Reason[] = [];
  if (p.country === v.hostCountry) out.push({ code: "own_country", country: p.country });
  if (!(p.availability.from <= v.arrival && v.departure <= p.availability.to))
    out.push({
      code: "dates_outside_availability",
      arrival: v.arrival,
      departure: v.departure,
      availableFrom: p.availability.from,
      availableTo: p.availability.to,
    });
  if (!sharesLanguage(p, v))
    out.push({
      code: "no_shared_language",
      participantLanguages: [...p.languages],
      visitLanguages: [...v.languages],
      interpreterLanguages: [...(v.interpreterLanguages ?? [])],
    });
  return out;
}

export function sharesLanguage(p: Participant, v: Visit): boolean {
  for (const l of p.languages) {
    if (v.languages.includes(l)) return true;
    if (v.interpreterLanguages?.includes(l)) return true;
  }
  return false;
}

export function isEligible(p: Participant, v: Visit): boolean {
  return p.country !== v.hostCountry && p.availability.from <= v.arrival && v.departure <= p.availability.to && sharesLanguage(p, v);
}

/** Whether unranked eligible visits are acceptable for `p`: the option is on, or `p` has no preference. */
export function takesUnranked(p: Pick<Participant, "preferences">, options: { acceptUnranked: boolean }): boolean {
  return options.acceptUnranked || p.preferences.length === 0;
}

/** 0-based rank of `v` in `p`'s list, or -1 when unranked. O(|preferences|). */
export function rankOf(p: Participant, v: Visit): number {
  const prefs = p.preferences;
  for (let i = 0; i < prefs.length; i++) {
    const e = prefs[i]!;
    if ("visit" in e ? e.visit === v.id : e.country === v.hostCountry) return i;
  }
  return -1;
}

/** Number of the participant's themes the visit does not offer. */
export function missingThemes(p: Participant, v: Visit): number {
  const pt = p.themes;
  if (!pt || pt.length === 0) return 0;
  const vt = v.themes ?? [];
  let miss = 0;
  for (const t of new Set(pt)) if (!vt.includes(t)) miss++;
  return miss;
}

/** Number of the participant's themes the visit offers (the visit's priority score in stable mode). */
export function themeOverlap(p: Participant, v: Visit): number {
  const pt = p.themes;
  if (!pt || pt.length === 0) return 0;
  const vt = v.themes ?? [];
  let hit = 0;
  for (const t of new Set(pt)) if (vt.includes(t)) hit++;
  return hit;
}

/** Preference cost in points (see module doc); `rank` is 0-based, -1 for unranked. */
export function preferenceCost(p: Participant, v: Visit, rank: number, w: Weights): number {
  const r = rank < 0 ? p.preferences.length : rank;
  return w.rank * r + w.theme * missingThemes(p, v);
}
