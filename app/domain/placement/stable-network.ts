/**
 * Deferred acceptance and blocking pairs over the full network of acceptable arcs (prepare.ts
 * `prepare`). `deferredAcceptance` is the algorithm of stable.ts (see its module doc for the
 * formulation and sources) on the full network, kept as the reference the tests compare
 * `stableMatch` against; `findBlockingPairs` checks the stability of any assignment (solve.ts:
 * `blockingPairs`, `compareModes`).
 */
import type { Prepared } from "./prepare";
import { priorityKeys } from "./priority";

/** Runs deferred acceptance; returns the chosen arc per participant (-1 unplaced or locked). */
export function deferredAcceptance(pr: Prepared, keys: Float64Array = priorityKeys(pr)): Int32Array {
  const P = pr.participants.length;
  const V = pr.visits.length;
  const G = pr.groupVisit.length;
  const { arcStart, arcVisit, arcGroup, arcOwner, groupCap, visitCap } = pr;
  const held: number[][] = Array.from({ length: V }, () => []); // arcs held by each visit
  const gCount = new Int32Array(G);
  const next = new Int32Array(P); // next arc to propose to
  const assignArc = new Int32Array(P).fill(-1);
  const stack: number[] = [];
  for (let p = P - 1; p >= 0; p--) {
    next[p] = arcStart[p]!;
    if (arcStart[p + 1]! > arcStart[p]!) stack.push(p);
  }
  while (stack.length > 0) {
    const p = stack.pop()!;
    const a = next[p]!;
    if (a >= arcStart[p + 1]!) continue; // list exhausted: unplaced
    next[p] = a + 1;
    const v = arcVisit[a]!;
    const g = arcGroup[a]!;
    const h = held[v]!;
    h.push(a);
    gCount[g]!++;
    assignArc[p] = a;
    let rejectIdx = -1;
    if (gCount[g]! > groupCap[g]!) {
      // The country's cap is the binding circuit: drop the compatriot of lowest priority.
      let worst = -1;
      for (let i = 0; i < h.length; i++) if (arcGroup[h[i]!] === g && (worst < 0 || keys[h[i]!]! > keys[h[worst]!]!)) worst = i;
      rejectIdx = worst;
    } else if (h.length > visitCap[v]!) {
      let worst = 0;
      for (let i = 1; i < h.length; i++) if (keys[h[i]!]! > keys[h[worst]!]!) worst = i;
      rejectIdx = worst;
    }
    if (rejectIdx >= 0) {
      const r = h[rejectIdx]!;
      h[rejectIdx] = h[h.length - 1]!;
      h.pop();
      gCount[arcGroup[r]!]!--;
      const q = arcOwner[r]!;
      assignArc[q] = -1;
      stack.push(q);
    }
  }
  return assignArc;
}

export interface BlockingPair {
  participant: number;
  arc: number;
}

/**
 * Blocking pairs of an assignment (arc per participant): a free (non-locked) participant p and an
 * acceptable visit v such that p strictly prefers v (lower cost; or, with `strictTies`, an
 * earlier arc in p's (cost, visit id) order) to what p has, and v's choice from its
 * occupants plus p takes p (a free seat within the country cap, or p outranks the lowest-priority
 * compatriot when the cap binds, or the lowest-priority occupant when the capacity binds).
 * Locked occupants are fixed: they are not counted as seats that could be freed.
 * Complexity: O(m) after O(m) preprocessing.
 */
export function findBlockingPairs(pr: Prepared, assignArc: Int32Array, opts: { strictTies?: boolean; keys?: Float64Array } = {}): BlockingPair[] {
  const keys = opts.keys ?? priorityKeys(pr);
  const P = pr.participants.length;
  const V = pr.visits.length;
  const G = pr.groupVisit.length;
  const { arcStart, arcVisit, arcGroup, arcCost, groupCap, visitCap } = pr;
  const load = new Int32Array(V);
  const gCount = new Int32Array(G);
  const worstV = new Float64Array(V).fill(-Infinity);
  const worstG = new Float64Array(G).fill(-Infinity);
  for (let p = 0; p < P; p++) {
    const a = assignArc[p]!;
    if (a < 0) continue;
    const v = arcVisit[a]!;
    const g = arcGroup[a]!;
    load[v]!++;
    gCount[g]!++;
    if (keys[a]! > worstV[v]!) worstV[v] = keys[a]!;
    if (keys[a]! > worstG[g]!) worstG[g] = keys[a]!;
  }
  const out: BlockingPair[] = [];
  for (let p = 0; p < P; p++) {
    if (pr.lockedVisit[p]! >= 0) continue;
    const cur = assignArc[p]!;
    for (let a = arcStart[p]!, e = arcStart[p + 1]!; a < e; a++) {
      if (cur >= 0) {
        if (opts.strictTies ? a >= cur : arcCost[a]! >= arcCost[cur]!) break; // arcs sorted by cost
      }
      const v = arcVisit[a]!;
      const g = arcGroup[a]!;
      const k = keys[a]!;
      let takes: boolean;
      if (gCount[g]! >= groupCap[g]!) takes = k < worstG[g]!;
      else if (load[v]! >= visitCap[v]!) takes = k < worstV[v]!;
      else takes = true;
      if (takes) out.push({ participant: p, arc: a });
    }
  }
  return out;
}
