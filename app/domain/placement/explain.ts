/**
 * Objective and per-participant explanations of an assignment.
 *
 * Explanations are structured reason codes with parameters (see `Reason` in types.ts) for the UI
 * to translate; no sentences here. For a placed participant: the rank obtained, and for every
 * visit reached by a higher preference entry, why not: a failed hard rule, the visit full, the
 * country's cap reached (with who holds the seats and why each came first: kept, ranked it
 * higher, more of their themes, the stable mode's priority, or the group's total), or no cost
 * gain; ranked host countries without any visit are listed too. Kept participants (locked,
 * offered, accepted) get the same reasons where they apply, else `locked_elsewhere`. For an
 * unplaced participant: the same for every ranked visit, summarised in `blockers`. Locked
 * placements list the hard rules the organizer overrode, and capacity or cap overflows.
 *
 * Complexity: O(sum over participants of the visits their higher entries reach).
 */
import { hardRuleFailures, preferenceCost, rankOf, takesUnranked, themeOverlap } from "./eligibility";
import { groupCapLeft, type Base } from "./base";
import type { Prepared } from "./prepare";
import type { Explanation, HolderWhy, Objective, RankedVisitNote, Reason, SeatHolder } from "./types";

/** Visit index per participant: the assigned arc's visit, the locked visit, or -1. */
export function visitsOf(pr: Prepared, assignArc: Int32Array): Int32Array {
  const out = new Int32Array(assignArc.length).fill(-1);
  for (let p = 0; p < out.length; p++) {
    if (pr.lockedVisit[p]! >= 0) out[p] = pr.lockedVisit[p]!;
    else if (assignArc[p]! >= 0) out[p] = pr.arcVisit[assignArc[p]!]!;
  }
  return out;
}

/** Preference cost per participant: the assigned arc's cost, the locked cost, or 0. */
export function costsOf(pr: Prepared, assignArc: Int32Array): Int32Array {
  const out = new Int32Array(assignArc.length);
  for (let p = 0; p < out.length; p++) {
    if (pr.lockedVisit[p]! >= 0) out[p] = pr.lockedCost[p]!;
    else if (assignArc[p]! >= 0) out[p] = pr.arcCost[assignArc[p]!]!;
  }
  return out;
}

/** Objective of an assignment given as visit and cost per canonical participant. */
export function computeObjective(visitOf: Int32Array, costOf: Int32Array, unplacedPenalty: number): Objective {
  let placed = 0;
  let cost = 0;
  for (let p = 0; p < visitOf.length; p++)
    if (visitOf[p]! >= 0) {
      placed++;
      cost += costOf[p]!;
    }
  const unplaced = visitOf.length - placed;
  return { placed, unplaced, preferenceCost: cost, unplacedPenalty, value: cost + unplacedPenalty * unplaced };
}

/**
 * Explanations of an assignment given as visit and cost per canonical participant. `priority`
 * (stable mode) is the visits' priority, lower is better (priority.ts `priorityOf`).
 */
export function explainAll(
  pr: Base,
  visitOf: Int32Array,
  costOf: Int32Array,
  mode: "optimal" | "stable",
  priority: ((p: number, v: number) => number) | null,
): Explanation[] {
  const P = pr.participants.length;
  const V = pr.visits.length;
  const C = Math.max(1, pr.countries.length);
  const occupants: number[][] = Array.from({ length: V }, () => []);
  for (let p = 0; p < P; p++) if (visitOf[p]! >= 0) occupants[visitOf[p]!]!.push(p);
  const visitsByHost = new Map<string, number[]>();
  pr.visits.forEach((v, i) => {
    const l = visitsByHost.get(v.hostCountry);
    if (l) l.push(i);
    else visitsByHost.set(v.hostCountry, [i]);
  });
  // Whether p (eligible, and accepting v by rank) has an arc to v: a seat and room under the cap after locks.
  const hasArc = (p: number, v: number) => pr.visitCap[v]! > 0 && groupCapLeft(pr, v, pr.countryOf[p]!) > 0;
  const occCost = (q: number) => costOf[q]!;
  /** Occupants of v (among `who`) preferred to p there: cost no higher (optimal) or higher priority (stable). */
  const preferred = (p: number, v: number, costPV: number, who: number[]) => {
    if (mode === "optimal") return who.filter((q) => q !== p && occCost(q) <= costPV).length;
    const ap = hasArc(p, v);
    const kp = ap ? priority!(p, v) : 0;
    return who.filter((q) => q !== p && (pr.lockedVisit[q]! >= 0 || !ap || priority!(q, v) < kp)).length;
  };
  /** Why holder q came before p at v (p would rank v at 0-based `r`, cost `costPV` there). */
  const holderWhy = (p: number, q: number, v: number, r: number, costPV: number): HolderWhy => {
    if (pr.lockedVisit[q]! >= 0) return "kept";
    if (mode === "stable") {
      if (priority!(q, v) >= priority!(p, v)) return "overall";
      const visit = pr.visits[v]!;
      const ov = (x: number) => themeOverlap(pr.participants[x]!, visit);
      return ov(q) > ov(p) ? "more_themes" : "draw";
    }
    const part = pr.participants[p]!;
    const holder = pr.participants[q]!;
    const rq = rankOf(holder, pr.visits[v]!);
    const posQ = rq < 0 ? holder.preferences.length : rq;
    const posP = r < 0 ? part.preferences.length : r;
    if (rq >= 0 && posQ < posP) return "ranked_higher";
    if (occCost(q) < costPV) return "fits_better";
    return "overall";
  };
  const holdersOf = (p: number, v: number, r: number, costPV: number, who: number[]): SeatHolder[] =>
    who
      .filter((q) => q !== p)
      .map((q) => {
        const rq = rankOf(pr.participants[q]!, pr.visits[v]!);
        return { participantId: pr.participants[q]!.id, why: holderWhy(p, q, v, r, costPV), rank: rq < 0 ? null : rq + 1 };
      });

  const out: Explanation[] = [];
  for (let p = 0; p < P; p++) {
    const part = pr.participants[p]!;
    const vAssigned = visitOf[p]!;
    const locked = pr.lockedVisit[p]! >= 0;
    const assignedVisit = vAssigned >= 0 ? pr.visits[vAssigned]! : null;
    const rank0 = assignedVisit ? rankOf(part, assignedVisit) : -1;
    const assignedCost = vAssigned < 0 ? null : occCost(p);
    const overrides: Reason[] = [];
    if (locked && assignedVisit) {
      overrides.push(...hardRuleFailures(part, assignedVisit));
      const n = pr.lockedPerVisit[vAssigned]!;
      if (n > assignedVisit.capacity) overrides.push({ code: "capacity_exceeded", capacity: assignedVisit.capacity, locked: n });
      const k = assignedVisit.countryCap;
      const nk = pr.lockedPerGroupKey.get(vAssigned * C + pr.countryOf[p]!) ?? 0;
      if (k != null && nk > k) overrides.push({ code: "country_cap_exceeded", country: part.country, cap: k, locked: nk });
    }
    // Entries ranked above the one obtained (all of them when unplaced or unranked).
    const limit = vAssigned >= 0 && rank0 >= 0 ? rank0 : part.preferences.length;
    const notes: RankedVisitNote[] = [];
    const emptyCountries: { country: string; rank: number }[] = [];
    const blockers: Reason[] = [];
    const seen = new Set<number>();
    for (let r = 0; r < limit; r++) {
      const e = part.preferences[r]!;
      let vs: number[];
      if ("visit" in e) vs = [pr.visitIndex.get(e.visit)!];
      else {
        vs = visitsByHost.get(e.country) ?? [];
        if (vs.length === 0) {
          emptyCountries.push({ country: e.country, rank: r + 1 });
          if (vAssigned < 0) blockers.push({ code: "no_visit_in_country", country: e.country });
        }
      }
      for (const v of vs) {
        if (seen.has(v) || v === vAssigned) continue;
        seen.add(v);
        notes.push({ visitId: pr.visits[v]!.id, rank: r + 1, reasons: whyNot(p, v, r) });
      }
    }
    // Unplaced while unranked visits were acceptable: say why none of those either.
    if (vAssigned < 0 && takesUnranked(part, pr.options))
      for (let v = 0; v < V; v++) if (!seen.has(v)) notes.push({ visitId: pr.visits[v]!.id, rank: null, reasons: whyNot(p, v, -1) });
    if (vAssigned < 0) {
      if (V === 0) blockers.push({ code: "no_visits" });
      const codes = new Set(blockers.map((b) => b.code));
      for (const n of notes)
        for (const reason of n.reasons)
          if (!codes.has(reason.code)) {
            codes.add(reason.code);
            blockers.push(reason);
          }
    }
    out.push({
      participantId: part.id,
      status: vAssigned >= 0 ? "placed" : "unplaced",
      visitId: assignedVisit ? assignedVisit.id : null,
      locked,
      rank: vAssigned >= 0 && rank0 >= 0 ? rank0 + 1 : null,
      cost: assignedCost,
      overrides,
      higherRanked: notes,
      emptyCountries,
      blockers,
    });

    function whyNot(p: number, v: number, r: number): Reason[] {
      const visit = pr.visits[v]!;
      // A kept participant gets the same reasons as anyone (what would stop a move there now);
      // only when none applies is "kept where they are" the whole answer.
      const reasons = hardRuleFailures(part, visit);
      if (reasons.length === 0) {
        const cpv = preferenceCost(part, visit, r, pr.weights);
        const occ = occupants[v]!;
        const compatriots = occ.filter((q) => pr.countryOf[q] === pr.countryOf[p]);
        const k = visit.countryCap;
        if (occ.length >= visit.capacity)
          reasons.push({
            code: "visit_full",
            capacity: visit.capacity,
            occupants: occ.length,
            preferredOccupants: preferred(p, v, cpv, occ),
            holders: holdersOf(p, v, r, cpv, occ),
          });
        if (k != null && compatriots.length >= k)
          reasons.push({
            code: "country_cap_reached",
            country: part.country,
            cap: k,
            preferredOccupants: preferred(p, v, cpv, compatriots),
            holders: holdersOf(p, v, r, cpv, compatriots),
          });
        if (reasons.length === 0 && !locked && assignedCost !== null && cpv >= assignedCost) reasons.push({ code: "not_cheaper", cost: cpv, assignedCost });
      }
      if (reasons.length === 0 && locked) reasons.push({ code: "locked_elsewhere" });
      return reasons;
    }
  }
  return out;
}
