/**
 * Gender balance, a soft goal, as a secondary step after the optimal solve.
 *
 * Measure: imbalance = sum over visits of |#female - #male| (locked participants included;
 * "other" and "undisclosed" are neutral). The step applies, while one exists, a move or a swap
 * that strictly lowers the measure and leaves every moved participant's own preference cost
 * unchanged:
 *   - move: p goes from visit X to visit Y with a free seat and room under Y's country cap;
 *   - swap: p in X and q in Y trade places, both caps still respected.
 * Because each moved participant keeps exactly the same cost, the placed count and the total
 * preference cost (the primary objective) are identical, and no hard rule is touched (only
 * existing arcs are used, capacities re-checked). Locked participants never move. The measure is
 * a non-negative integer that drops at each step, so the step terminates; participants are
 * scanned in canonical (id) order, so it is deterministic.
 *
 * Complexity per pass: O(sum over placed p of (equal-cost alternatives of p) * (occupants of the
 * alternative) * log deg); passes <= initial imbalance / 2.
 */
import type { Base } from "./base";
import type { Prepared } from "./prepare";
import { int32Arrays } from "./typed-arrays";

export function genderImbalance(pr: Base, visitOf: Int32Array): number {
  const diff = visitDiffs(pr, visitOf);
  let s = 0;
  for (const d of diff) s += Math.abs(d);
  return s;
}

function sign(pr: Base, p: number): number {
  const g = pr.participants[p]!.gender;
  return g === "female" ? 1 : g === "male" ? -1 : 0;
}

/** #female - #male per visit for a visit-per-participant array (-1 = unplaced). */
function visitDiffs(pr: Base, visitOf: Int32Array): Int32Array {
  const diff = new Int32Array(pr.visits.length);
  for (let p = 0; p < visitOf.length; p++) if (visitOf[p]! >= 0) diff[visitOf[p]!]! += sign(pr, p);
  return diff;
}

/** Arc of participant q to visit v with cost c, or -1 (binary search on the (cost, visit) order). */
function findArc(pr: Prepared, q: number, v: number, c: number): number {
  let lo = pr.arcStart[q]!;
  let hi = pr.arcStart[q + 1]! - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const mc = pr.arcCost[mid]!;
    const mv = pr.arcVisit[mid]!;
    if (mc === c && mv === v) return mid;
    if (mc < c || (mc === c && mv < v)) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** Improves gender balance in place on `assignArc`; returns the number of moves and swaps applied. */
export function balanceGender(pr: Prepared, assignArc: Int32Array): number {
  const P = pr.participants.length;
  const V = pr.visits.length;
  const { arcStart, arcVisit, arcGroup, arcCost, groupCap, visitCap } = pr;
  const [visitOf, load, gCount] = int32Arrays(P, V, pr.groupVisit.length);
  visitOf.fill(-1);
  for (let p = 0; p < P; p++) {
    if (assignArc[p]! >= 0) visitOf[p] = arcVisit[assignArc[p]!]!;
    else if (pr.lockedVisit[p]! >= 0) visitOf[p] = pr.lockedVisit[p]!;
  }
  const diff = visitDiffs(pr, visitOf);
  const members: number[][] = Array.from({ length: V }, () => []);
  for (let p = 0; p < P; p++) {
    const a = assignArc[p]!;
    if (a < 0) continue;
    load[arcVisit[a]!]!++;
    gCount[arcGroup[a]!]!++;
    members[arcVisit[a]!]!.push(p);
  }
  const gain = (dx: number, dy: number, s: number) => Math.abs(dx) + Math.abs(dy) - Math.abs(dx - s) - Math.abs(dy + s);
  let applied = 0;
  let improved = true;
  while (improved) {
    improved = false;
    for (let p = 0; p < P; p++) {
      const a = assignArc[p]!;
      if (a < 0) continue;
      const sp = sign(pr, p);
      if (sp === 0) continue;
      const X = arcVisit[a]!;
      if (diff[X]! * sp <= 0) continue; // p's gender is not over-represented at X
      const c = arcCost[a]!;
      // Equal-cost alternatives are contiguous around a in the (cost, visit) order.
      let lo = a;
      while (lo > arcStart[p]! && arcCost[lo - 1] === c) lo--;
      let done = false;
      for (let b = lo; b < arcStart[p + 1]! && arcCost[b] === c && !done; b++) {
        if (b === a) continue;
        const Y = arcVisit[b]!;
        const gb = arcGroup[b]!;
        // Move into a free seat.
        if (load[Y]! < visitCap[Y]! && gCount[gb]! < groupCap[gb]! && gain(diff[X]!, diff[Y]!, sp) > 0) {
          load[X]!--;
          load[Y]!++;
          gCount[arcGroup[a]!]!--;
          gCount[gb]!++;
          diff[X]! -= sp;
          diff[Y]! += sp;
          members[X]!.splice(members[X]!.indexOf(p), 1);
          members[Y]!.push(p);
          assignArc[p] = b;
          applied++;
          improved = done = true;
          break;
        }
        // Swap with an opposite-gender occupant of Y whose cost stays the same at X.
        if (gain(diff[X]!, diff[Y]!, 2 * sp) <= 0) continue;
        for (const q of members[Y]!) {
          if (sign(pr, q) !== -sp) continue;
          const aq = assignArc[q]!;
          const bq = findArc(pr, q, X, arcCost[aq]!);
          if (bq < 0) continue;
          // Caps after the swap: p leaves group(a) for gb, q leaves group(aq) for group(bq).
          const ga = arcGroup[a]!,
            gq = arcGroup[aq]!,
            gqb = arcGroup[bq]!;
          gCount[ga]!--;
          gCount[gq]!--;
          const ok = gCount[gb]! + 1 <= groupCap[gb]! && gCount[gqb]! + 1 <= groupCap[gqb]!;
          gCount[ga]!++;
          gCount[gq]!++;
          if (!ok) continue;
          gCount[ga]!--;
          gCount[gq]!--;
          gCount[gb]!++;
          gCount[gqb]!++;
          diff[X]! -= 2 * sp;
          diff[Y]! += 2 * sp;
          members[X]!.splice(members[X]!.indexOf(p), 1, q);
          members[Y]!.splice(members[Y]!.indexOf(q), 1, p);
          assignArc[p] = b;
          assignArc[q] = bq;
          applied++;
          improved = done = true;
          break;
        }
      }
    }
  }
  return applied;
}
