/**
 * Stable mode: participant-proposing deferred acceptance (Gale & Shapley 1962, "College
 * Admissions and the Stability of Marriage"), with visit capacities and the per-country cap k as
 * in Roth & Peranson 1999 ("The Redesign of the Matching Market for American Physicians").
 *
 * Participants' strict preferences: their acceptable arcs (eligible and ranked, or eligible and
 * unranked when `acceptUnranked`), by preference cost, ties by visit id. Visits' strict priority
 * over participants: more shared themes first, then a seeded tie-break (32-bit FNV-1a hash of
 * `seed:participantId`, then the id itself), so no one is favoured for their id's spelling and
 * the order does not depend on input order.
 *
 * A visit's choice from a set is greedy by priority under two nested caps (k per sending country,
 * the remaining capacity overall): a laminar matroid, so the choice function is substitutable
 * and the outcome is stable, participant-optimal and strategy-proof for participants (Hatfield &
 * Milgrom 2005 for the substitutable case). Locked placements are left out: they have consumed
 * seats and caps already (see prepare.ts).
 *
 * Complexity: O(proposals * c) with c the largest visit capacity (rejections scan the held set),
 * proposals <= number of arcs.
 */
import type { Prepared } from "./prepare";

/** 32-bit FNV-1a of a string (code units). */
export function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * Priority key of every arc for its visit: lower is better. Exact integers:
 * (maxOverlap - overlap) * P + tieRank(owner).
 */
export function priorityKeys(pr: Prepared): Float64Array {
  const P = pr.participants.length;
  const seed = pr.options.seed;
  const order = pr.participants.map((p, i) => ({ h: fnv1a(`${seed}:${p.id}`), id: p.id, i }));
  order.sort((a, b) => a.h - b.h || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const tieRank = new Int32Array(P);
  order.forEach((o, r) => (tieRank[o.i] = r));
  let maxOv = 0;
  for (let a = 0; a < pr.arcOverlap.length; a++) if (pr.arcOverlap[a]! > maxOv) maxOv = pr.arcOverlap[a]!;
  const keys = new Float64Array(pr.arcOverlap.length);
  for (let a = 0; a < keys.length; a++) keys[a] = (maxOv - pr.arcOverlap[a]!) * P + tieRank[pr.arcOwner[a]!]!;
  return keys;
}

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
export function findBlockingPairs(
  pr: Prepared,
  assignArc: Int32Array,
  opts: { strictTies?: boolean; keys?: Float64Array } = {},
): BlockingPair[] {
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
