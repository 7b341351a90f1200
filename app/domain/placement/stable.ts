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
 * placements are left out: they have consumed seats and caps already (see base.ts).
 *
 * `stableMatch` (used by solve.ts) works on the interned instance (base.ts `prepareBase`), not
 * on the full network. When a step down the list costs more than all of a participant's themes
 * (weights.theme * themes < weights.rank, the default weights' case), costs follow the list order,
 * so the list is built one entry at a time as proposals reach it, skipping entries that offer
 * nothing (unknown, ineligible, full, named before): work proportional to the proposals made,
 * not to the list length; a one-visit entry is offered directly, without a key. Otherwise the
 * ranked visits are listed and sorted up front. With `acceptUnranked` the unranked tail (cost >=
 * weights.rank * list length) is reached only when that participant's proposals reach it, and is
 * then walked lazily, level by level of missing themes (stable-tail.ts), never listed (with locks
 * or more than 31 languages or themes: listed and sorted when reached). Each visit
 * keeps its holders sorted by priority (stable-held.ts), so a proposer worse than the worst holder
 * is turned away in O(1). `deferredAcceptance` (stable-network.ts) is the same algorithm over a
 * full network (prepare.ts `prepare`), kept as the reference the tests compare against. Visits'
 * priorities: priority.ts (`tieKeys`, one exact number per (participant, visit)).
 *
 * Complexity: O(L log L + proposals * c + T * W) with L the total length of the lists built (the
 * entries reached, plus the last acceptable entry per participant for the unplaced penalty), c
 * the largest visit capacity (admitting a proposer shifts the holders it passes), T the
 * participants whose tail is reached and W = V / 32 words (their bit sets and the levels walked,
 * times their theme count's bits); proposals <= L + the tail visits offered.
 */
import { missing, NO_ENTRY, type Base } from "./base";
import { ListBuilder, sortKeys } from "./lists";
import { tieKeys } from "./priority";
import { HeldSets } from "./stable-held";
import { UnrankedTails } from "./stable-tail";

/** Re-exported for the importers of the reference implementation from here (tests). */
export { deferredAcceptance } from "./stable-network";

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
  const { countryOf, lockedVisit } = b;
  const lb = new ListBuilder(b);
  const span = lb.span;
  const acceptUnranked = b.options.acceptUnranked;
  const wr = b.weights.rank;
  const wt = b.weights.theme;

  // Lists: p's pending proposals are pool[next[p] .. end[p]) as keys cost * span + visit.
  let pool: Float64Array = new Float64Array(64); // grown by doubling; lazy lists with one-visit entries never use it
  let used = 0;
  const next = new Int32Array(P);
  const end = new Int32Array(P);
  const tailPending = new Uint8Array(P);
  // Entry by entry (`lazy`): when a step down the list costs more than all of p's themes
  // (wt * themes < wr), costs are ordered by rank first, so p's list is built one entry at a
  // time, when p's proposals reach it: entries that match nothing (unknown, ineligible, full,
  // already named) are skipped there, and the work is proportional to the proposals made, not to
  // the list length. `ent[p]` is p's next entry (index into prefItem).
  const { prefStart, prefItem, visitHost, hostStart, hostVisits } = b;
  const lazy = new Uint8Array(P);
  const ent = new Int32Array(P);
  /** Whether an entry of p before index k already reached v (the first entry naming v fixes its rank). */
  const reachedBefore = (p: number, k: number, v: number): boolean => {
    const hc = -visitHost[v]! - 1;
    for (let j = prefStart[p]!; j < k; j++) {
      const it = prefItem[j]!;
      if (it === v || it === hc) return true;
    }
    return false;
  };
  /** Keys of p's acceptable visits reached first by entry k, into lb.keys[0 .. n) (unsorted). */
  const entryKeys = (p: number, k: number): number => {
    const it = prefItem[k]!;
    if (it === NO_ENTRY) return 0;
    const r = k - prefStart[p]!;
    let j = it;
    let je = it + 1;
    if (it < 0) {
      j = hostStart[-it - 1]!;
      je = hostStart[-it]!;
    }
    let n = 0;
    if (lb.keys.length < je - j) lb.keys = new Float64Array(je - j);
    const keys = lb.keys;
    for (; j < je; j++) {
      const v = it >= 0 ? it : hostVisits[j]!;
      if (!lb.open(p, v) || reachedBefore(p, k, v)) continue;
      keys[n++] = (wr * r + wt * missing(b, p, v)) * span + v;
    }
    return n;
  };
  const append = (p: number, n: number): void => {
    if (used + n > pool.length) pool = growF(pool, Math.max(pool.length * 2, used + n));
    const keys = lb.keys;
    for (let i = 0; i < n; i++) pool[used + i] = keys[i]!; // no subarray view per call
    next[p] = used;
    used += n;
    end[p] = used;
  };
  const tails = acceptUnranked && lb.simple ? new UnrankedTails(b, lb) : null;
  const rankedMax = new Int32Array(tails ? P : 0);
  let penalty = 1;
  for (let p = 0; p < P; p++) {
    if (lockedVisit[p]! >= 0) continue;
    // eligibility.ts takesUnranked, on the compiled list (one item per preference entry).
    const unranked = acceptUnranked || prefStart[p + 1] === prefStart[p];
    let maxCost = 0;
    if (wr > 0 && wt * b.pThemeCount[p]! < wr) {
      lazy[p] = 1;
      ent[p] = prefStart[p]!;
      // The costliest acceptable ranked visit is in the last entry that offers one.
      for (let k = prefStart[p + 1]! - 1; k >= prefStart[p]!; k--) {
        const it = prefItem[k]!;
        if (it >= 0) {
          if (!lb.open(p, it) || reachedBefore(p, k, it)) continue;
          maxCost = wr * (k - prefStart[p]!) + wt * missing(b, p, it);
          break;
        }
        const n = entryKeys(p, k);
        if (n === 0) continue;
        for (let i = 0; i < n; i++) {
          const cst = Math.floor(lb.keys[i]! / span);
          if (cst > maxCost) maxCost = cst;
        }
        break;
      }
      if (unranked && !tails) lb.mark(p);
    } else {
      lb.mark(p);
      const n = lb.ranked(p);
      append(p, n);
      maxCost = n > 0 ? Math.floor(pool[used - 1]! / span) : 0;
    }
    if (unranked) {
      tailPending[p] = 1;
      if (lazy[p] && tails) {
        // After the matching: the tails reached have their bit sets by then (one scan, not two).
        rankedMax[p] = maxCost;
        continue;
      }
      const mu = lb.maxUnranked(p);
      if (mu > maxCost) maxCost = mu;
    }
    penalty += maxCost;
  }

  const held = new HeldSets(b);
  const { tie, scale, T } = tieKeys(b);
  const tailOn = new Uint8Array(tails ? P : 0);
  const visitOf = new Int32Array(P).fill(-1);
  const costOf = new Int32Array(P);
  const stack = new Int32Array(P);
  let sp = 0;
  for (let p = P - 1; p >= 0; p--)
    if (lockedVisit[p]! < 0 && (end[p]! > next[p]! || tailPending[p] || (lazy[p] && prefStart[p + 1]! > prefStart[p]!))) stack[sp++] = p;
  let proposals = 0;
  while (sp > 0) {
    const p = stack[--sp]!;
    let v = -1;
    let cst = 0;
    let mis = -1; // p's missing themes at v, when known on the way
    if (lazy[p]) {
      // p's next offer: a pending key of a country entry, else its next list entry, else its tail.
      for (;;) {
        const a = next[p]!;
        if (a < end[p]!) {
          next[p] = a + 1;
          const key = pool[a]!;
          cst = Math.floor(key / span); // exact: span is a power of two; no % on doubles (fmod)
          v = key - cst * span;
          break;
        }
        const k = ent[p]!;
        if (k < prefStart[p + 1]!) {
          ent[p] = k + 1;
          const it = prefItem[k]!;
          if (it >= 0) {
            // One visit: offered at once, without a key in the pool.
            if (!lb.open(p, it) || reachedBefore(p, k, it)) continue;
            v = it;
            mis = missing(b, p, it);
            cst = wr * (k - prefStart[p]!) + wt * mis;
            break;
          }
          const n = entryKeys(p, k);
          if (n > 0) {
            sortKeys(lb.keys, n);
            append(p, n);
          }
          continue;
        }
        if (!tailPending[p]) break;
        // Ranked entries exhausted: the unranked tail (all costlier than any ranked visit here).
        if (!tails) {
          tailPending[p] = 0;
          lb.mark(p);
          append(p, lb.unrankedSorted(p, 0));
          continue;
        }
        if (!tailOn[p]) {
          tailOn[p] = 1;
          tails.start(p);
        }
        v = tails.next(p);
        if (v >= 0) {
          cst = tails.costOf(p);
          if (wt !== 0) mis = tails.levelOf(p); // with theme weight 0 the levels are all 0
        }
        break;
      }
    } else {
      let a = next[p]!;
      if (tailPending[p] && (a >= end[p]! || pool[a]! >= wr * (prefStart[p + 1]! - prefStart[p]!) * span)) {
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
      if (a < end[p]!) {
        next[p] = a + 1;
        const key = pool[a]!;
        cst = Math.floor(key / span);
        v = key - cst * span;
      }
    }
    if (v < 0) continue; // list exhausted: unplaced
    proposals++;
    visitOf[p] = v;
    costOf[p] = cst;
    if (mis < 0) mis = missing(b, p, v);
    const q = held.propose(p, countryOf[p]!, v, (T - (b.pThemeCount[p]! - mis)) * scale + tie[p]!);
    if (q >= 0) {
      visitOf[q] = -1;
      costOf[q] = 0;
      stack[sp++] = q;
    }
  }
  if (tails)
    for (let p = 0; p < P; p++) {
      if (!lazy[p] || !tailPending[p]) continue;
      const mu = tailOn[p] ? tails.maxCost(p) : lb.maxUnranked(p); // fast path: no mark needed
      penalty += Math.max(rankedMax[p]!, mu);
    }
  for (let p = 0; p < P; p++)
    if (lockedVisit[p]! >= 0) {
      visitOf[p] = lockedVisit[p]!;
      costOf[p] = b.lockedCost[p]!;
    }
  return { visitOf, costOf, unplacedPenalty: penalty, proposals };
}

function growF(a: Float64Array, n: number): Float64Array {
  const out = new Float64Array(n);
  out.set(a);
  return out;
}
