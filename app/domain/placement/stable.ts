/**
 * Stable mode: participant-proposing deferred acceptance (Gale & Shapley 1962, "College
 * Admissions and the Stability of Marriage"), with visit capacities and the per-country cap k as
 * in Roth & Peranson 1999 ("The Redesign of the Matching Market for American Physicians").
 *
 * Participants' strict preferences: their acceptable visits (eligible and ranked, or eligible and
 * unranked when `acceptUnranked`), by preference cost, ties by visit id. Visits' strict priority
 * over participants: more shared themes first, then a seeded tie-break (32-bit FNV-1a hash of
 * `seed:participantId`, then the id itself), so no one is favoured for their id's spelling and
 * the order does not depend on input order.
 *
 * A visit's choice from a set is greedy by priority under two nested caps (k per sending country,
 * the remaining capacity overall): a laminar matroid, so the choice function is substitutable
 * and the outcome is stable, participant-optimal and strategy-proof for participants (Hatfield &
 * Milgrom 2005 for the substitutable case); it does not depend on the order of proposals. Locked
 * placements are left out: they have consumed seats and caps already (see prepare.ts).
 *
 * `stableMatch` (used by solve.ts) works on the interned instance (prepare.ts `prepareBase`), not
 * on the full network: each participant's ranked visits are listed and sorted up front (a few per
 * participant), and with `acceptUnranked` the unranked tail (cost >= weights.rank * list length)
 * is built only when that participant's proposals reach it, so the work is proportional to the
 * lists actually proposed along. Held sets are fixed slices of one typed array per visit.
 * `deferredAcceptance` is the same algorithm over a full network (prepare.ts `prepare`), kept as
 * the reference the tests compare against.
 *
 * Complexity: O(L log L + proposals * c) with L the total length of the lists built (ranked
 * visits, plus V per participant whose tail is reached) and c the largest visit capacity
 * (rejections scan the held set); proposals <= L.
 */
import { groupCapLeft, ListBuilder, missing, sortKeys, type Base, type Prepared } from "./prepare";

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
 * Seeded tie-break rank of every participant (0 = first): by FNV-1a of `seed:id`, then by id
 * (canonical index). O(P log P), one typed-array sort.
 */
export function tieRanks(b: Base): Int32Array {
  const P = b.participants.length;
  const prefix = `${b.options.seed}:`;
  let h0 = 0x811c9dc5;
  for (let i = 0; i < prefix.length; i++) h0 = Math.imul(h0 ^ prefix.charCodeAt(i), 0x01000193);
  const hashOf = (i: number) => {
    const id = b.participants[i]!.id;
    let h = h0;
    for (let j = 0; j < id.length; j++) h = Math.imul(h ^ id.charCodeAt(j), 0x01000193);
    return h >>> 0;
  };
  const tieRank = new Int32Array(P);
  if (P < 2 ** 21) {
    // hash * P + index < 2^53: exact, and the index is the id order.
    const keys = new Float64Array(P);
    for (let i = 0; i < P; i++) keys[i] = hashOf(i) * P + i;
    keys.sort();
    for (let r = 0; r < P; r++) tieRank[keys[r]! % P] = r;
  } else {
    const order = Array.from({ length: P }, (_, i) => ({ h: hashOf(i), i }));
    order.sort((x, y) => x.h - y.h || x.i - y.i);
    order.forEach((o, r) => (tieRank[o.i] = r));
  }
  return tieRank;
}

/**
 * Priority of participant p at visit v, lower is better: (T - overlap) * P + tieRank(p), with T
 * any bound on the overlap (only differences at one visit matter). Exact integers.
 */
export function priorityOf(b: Base, tieRank: Int32Array = tieRanks(b)): (p: number, v: number) => number {
  const P = b.participants.length;
  const T = 32;
  return (p, v) => (T - (b.pThemeCount[p]! - missing(b, p, v))) * P + tieRank[p]!;
}

/**
 * Priority key of every arc for its visit: lower is better. Exact integers:
 * (maxOverlap - overlap) * P + tieRank(owner).
 */
export function priorityKeys(pr: Prepared): Float64Array {
  const P = pr.participants.length;
  const tieRank = tieRanks(pr);
  let maxOv = 0;
  for (let a = 0; a < pr.arcOverlap.length; a++) if (pr.arcOverlap[a]! > maxOv) maxOv = pr.arcOverlap[a]!;
  const keys = new Float64Array(pr.arcOverlap.length);
  for (let a = 0; a < keys.length; a++) keys[a] = (maxOv - pr.arcOverlap[a]!) * P + tieRank[pr.arcOwner[a]!]!;
  return keys;
}

export interface StableMatch {
  /** Visit per canonical participant (locked ones at their locked visit), -1 when unplaced. */
  visitOf: Int32Array;
  /** Preference cost per participant at that visit (locked ones: their locked cost), 0 when unplaced. */
  costOf: Int32Array;
  /** 1 + sum over free participants of their costliest acceptable visit (see explain.ts). */
  unplacedPenalty: number;
  proposals: number;
}

/**
 * Participant-proposing deferred acceptance on the interned instance, lists built as needed (see
 * the module doc). Same outcome as `deferredAcceptance(prepare(instance))`.
 */
export function stableMatch(b: Base): StableMatch {
  const P = b.participants.length;
  const V = b.visits.length;
  const C = Math.max(1, b.countries.length);
  const { countryOf, visitCap, lockedVisit } = b;
  const lb = new ListBuilder(b);
  const span = lb.span;
  const acceptUnranked = b.options.acceptUnranked;
  const wr = b.weights.rank;

  // Lists: p's pending proposals are pool[next[p] .. end[p]) as keys cost * span + visit.
  let pool: Float64Array = new Float64Array(Math.max(64, b.prefItem.length + P));
  let used = 0;
  const next = new Int32Array(P);
  const end = new Int32Array(P);
  const tailPending = new Uint8Array(P);
  let penalty = 1;
  for (let p = 0; p < P; p++) {
    if (lockedVisit[p]! >= 0) continue;
    lb.mark(p);
    const n = lb.ranked(p);
    if (used + n > pool.length) pool = growF(pool, Math.max(pool.length * 2, used + n));
    pool.set(lb.keys.subarray(0, n), used);
    next[p] = used;
    used += n;
    end[p] = used;
    let maxCost = n > 0 ? Math.floor(pool[used - 1]! / span) : 0;
    if (acceptUnranked) {
      tailPending[p] = 1;
      const mu = lb.maxUnranked(p);
      if (mu > maxCost) maxCost = mu;
    }
    penalty += maxCost;
  }

  // Held sets: visit v holds heldP[heldStart[v] .. heldStart[v] + heldN[v]) (one spare slot).
  const heldStart = new Int32Array(V + 1);
  for (let v = 0; v < V; v++) heldStart[v + 1] = heldStart[v]! + visitCap[v]! + 1;
  const heldP = new Int32Array(heldStart[V]!);
  const heldKey = new Float64Array(heldStart[V]!);
  const heldN = new Int32Array(V);
  // Compatriots held per (visit, country): dense when small.
  const dense = V * C <= 1 << 22;
  const gCountArr = dense ? new Int32Array(V * C) : null;
  const gCountMap = dense ? null : new Map<number, number>();
  const tieRank = tieRanks(b);
  const visitOf = new Int32Array(P).fill(-1);
  const costOf = new Int32Array(P);
  const stack = new Int32Array(P);
  let sp = 0;
  for (let p = P - 1; p >= 0; p--) if (lockedVisit[p]! < 0 && (end[p]! > next[p]! || tailPending[p])) stack[sp++] = p;
  let proposals = 0;
  while (sp > 0) {
    const p = stack[--sp]!;
    let a = next[p]!;
    if (tailPending[p] && (a >= end[p]! || pool[a]! >= wr * b.participants[p]!.preferences.length * span)) {
      // The rest of p's list may now interleave unranked visits: rebuild it (ranked rest + unranked), sorted.
      tailPending[p] = 0;
      lb.mark(p);
      let n = 0;
      for (let i = a; i < end[p]!; i++) lb.keys[n++] = pool[i]!;
      n = lb.unranked(p, n);
      sortKeys(lb.keys, n);
      if (used + n > pool.length) pool = growF(pool, Math.max(pool.length * 2, used + n));
      pool.set(lb.keys.subarray(0, n), used);
      a = next[p] = used;
      used += n;
      end[p] = used;
    }
    if (a >= end[p]!) continue; // list exhausted: unplaced
    next[p] = a + 1;
    proposals++;
    const key = pool[a]!;
    const v = key % span;
    const c = countryOf[p]!;
    const gk = v * C + c;
    const hs = heldStart[v]!;
    let hn = heldN[v]!;
    heldP[hs + hn] = p;
    heldKey[hs + hn] = (32 - (b.pThemeCount[p]! - missing(b, p, v))) * P + tieRank[p]!;
    heldN[v] = ++hn;
    const gc = dense ? ++gCountArr![gk]! : gInc(gCountMap!, gk, 1);
    visitOf[p] = v;
    costOf[p] = (key - v) / span;
    let worst = -1;
    if (gc > groupCapLeft(b, v, c)) {
      // The country's cap is the binding circuit: drop the compatriot of lowest priority.
      for (let i = hs; i < hs + hn; i++) if (countryOf[heldP[i]!] === c && (worst < 0 || heldKey[i]! > heldKey[worst]!)) worst = i;
    } else if (hn > visitCap[v]!) {
      worst = hs;
      for (let i = hs + 1; i < hs + hn; i++) if (heldKey[i]! > heldKey[worst]!) worst = i;
    }
    if (worst >= 0) {
      const q = heldP[worst]!;
      heldP[worst] = heldP[hs + hn - 1]!;
      heldKey[worst] = heldKey[hs + hn - 1]!;
      heldN[v] = hn - 1;
      const qk = v * C + countryOf[q]!;
      if (dense) gCountArr![qk]!--;
      else gInc(gCountMap!, qk, -1);
      visitOf[q] = -1;
      costOf[q] = 0;
      stack[sp++] = q;
    }
  }
  for (let p = 0; p < P; p++)
    if (lockedVisit[p]! >= 0) {
      visitOf[p] = lockedVisit[p]!;
      costOf[p] = b.lockedCost[p]!;
    }
  return { visitOf, costOf, unplacedPenalty: penalty, proposals };
}

function gInc(m: Map<number, number>, k: number, d: number): number {
  const x = (m.get(k) ?? 0) + d;
  m.set(k, x);
  return x;
}

function growF(a: Float64Array, n: number): Float64Array {
  const out = new Float64Array(n);
  out.set(a);
  return out;
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
