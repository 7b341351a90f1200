/**
 * The full network of acceptable arcs, built from the interned instance (base.ts `prepareBase`:
 * canonical order, interned countries/dates/languages/themes, compiled lists, locked placements).
 *
 * `prepare` (the optimal mode, blocking-pair search): the network in CSR form (one contiguous
 * typed-array range per participant), sorted by (cost, visit id), so a participant's strict
 * preference order is the arc order. A "group" is a (visit, sending country) pair: the node of
 * the network through which the cap k is enforced. Arcs go straight into growable typed arrays;
 * no per-arc objects. O(base + sum over participants of the visits their list reaches (all V when
 * `acceptUnranked`) * log of that).
 *
 * The stable mode does not need the full network: see stable.ts (`stableMatch`), which builds
 * each participant's list from the base, and the unranked tail only when proposals reach it.
 */
import { groupCapLeft, missing, prepareBase, type Base } from "./base";
import { takesUnranked } from "./eligibility";
import { ListBuilder, sortKeys } from "./lists";
import { int32Arrays } from "./typed-arrays";
import type { PlacementInstance } from "./types";

/** Re-exported for the importers of the interned instance from here (tests, the stable-mode reference). */
export { prepareBase, type Base } from "./base";

export interface Prepared extends Base {
  /** CSR arcs of free participants: arcs of p are [arcStart[p], arcStart[p+1]). */
  arcStart: Int32Array;
  arcVisit: Int32Array;
  arcGroup: Int32Array;
  arcCost: Int32Array;
  /** 0-based rank of the entry, -1 when unranked. */
  arcRank: Int32Array;
  /** Themes of the participant the visit offers (the visit's priority score in stable mode). */
  arcOverlap: Int32Array;
  /** Owner participant of each arc. */
  arcOwner: Int32Array;
  groupVisit: Int32Array;
  groupCountry: Int32Array;
  /** Remaining cap k of the group after locked placements (the visit's remaining capacity when no cap). */
  groupCap: Int32Array;
  /** Penalty of one unplaced participant: 1 + sum over free participants of their costliest arc. */
  unplacedPenalty: number;
}

/** The full network of acceptable arcs (optimal mode, blocking pairs). */
export function prepare(inst: PlacementInstance): Prepared {
  return buildNetwork(prepareBase(inst));
}

export function buildNetwork(b: Base): Prepared {
  const P = b.participants.length;
  const V = b.visits.length;
  const C = Math.max(1, b.countries.length);
  const lb = new ListBuilder(b);
  const span = lb.span;
  const acceptUnranked = b.options.acceptUnranked;
  // Group of (visit, country), numbered in order of first use; dense table when small.
  const dense = V * C <= 1 << 22;
  // Groups: at most V * C; sized for that when small, so they rarely grow.
  const gInit = Math.max(64, Math.min(V * C, 1 << 16));
  // Ranked lists give about one arc per entry at most; the arrays grow for country entries and
  // unranked visits. (Twice the entries, as before, cost measurably more in allocation and GC.)
  let cap = Math.max(64, b.prefItem.length + (b.prefItem.length >> 2));
  // One allocation for all of them (typed-arrays.ts); an array that grows is replaced alone.
  const arrays = int32Arrays(P + 1, gInit, gInit, gInit, cap, cap, cap, cap, cap, cap, dense ? V * C : 0);
  const arcStart = arrays[0];
  let [, gVisit, gCountry, gCap, aVisit, aCost, aRank, aGroup, aOverlap, aOwner] = arrays;
  const groupOfKeyArr = dense ? arrays[10].fill(-1) : null;
  const groupOfKeyMap = dense ? null : new Map<number, number>();
  let G = 0;
  let m = 0;
  let penalty = 1;
  for (let pi = 0; pi < P; pi++) {
    arcStart[pi] = m;
    if (b.lockedVisit[pi]! >= 0) continue;
    lb.mark(pi);
    let n = lb.ranked(pi);
    if (takesUnranked(b.participants[pi]!, { acceptUnranked })) {
      // When a step down the list costs more than all of p's themes (the default weights' case),
      // every unranked visit costs more than every ranked one: the tail comes sorted on its own.
      if (b.weights.theme * b.pThemeCount[pi]! < b.weights.rank) n = lb.unrankedSorted(pi, n);
      else {
        n = lb.unranked(pi, n);
        sortKeys(lb.keys, n);
      }
    }
    if (m + n > cap) {
      cap = Math.max(cap * 2, m + n);
      aVisit = grow(aVisit, cap);
      aCost = grow(aCost, cap);
      aRank = grow(aRank, cap);
      aGroup = grow(aGroup, cap);
      aOverlap = grow(aOverlap, cap);
      aOwner = grow(aOwner, cap);
    }
    const c = b.countryOf[pi]!;
    const keys = lb.keys;
    for (let i = 0; i < n; i++) {
      // Division by the power of two span is exact and far cheaper than % on doubles (fmod).
      const cost = Math.floor(keys[i]! / span);
      const vi = keys[i]! - cost * span;
      const key = vi * C + c;
      let g = dense ? groupOfKeyArr![key]! : (groupOfKeyMap!.get(key) ?? -1);
      if (g < 0) {
        g = G++;
        if (dense) groupOfKeyArr![key] = g;
        else groupOfKeyMap!.set(key, g);
        if (g === gVisit.length) {
          gVisit = grow(gVisit, g * 2);
          gCountry = grow(gCountry, g * 2);
          gCap = grow(gCap, g * 2);
        }
        gVisit[g] = vi;
        gCountry[g] = c;
        gCap[g] = groupCapLeft(b, vi, c);
      }
      aOverlap[m] = b.pThemeCount[pi]! - missing(b, pi, vi);
      aOwner[m] = pi;
      aCost[m] = cost;
      aVisit[m] = vi;
      aRank[m] = lb.markedRank(vi);
      aGroup[m] = g;
      m++;
    }
    if (n > 0) penalty += Math.floor(keys[n - 1]! / span);
  }
  arcStart[P] = m;
  // Views, not copies: no second allocation and copy of every arc array. Base's fields are
  // listed, not spread: an object spread of Base gave the result a new hidden class on every
  // call, so every function taking a Prepared was deoptimised again ("wrong map", seen with
  // --trace-deopt) and the first 4 or 5 solves of a process ran 2 to 3 times slower.
  return {
    weights: b.weights,
    options: b.options,
    participants: b.participants,
    visits: b.visits,
    visitIndex: b.visitIndex,
    countries: b.countries,
    countryOf: b.countryOf,
    visitHost: b.visitHost,
    hostStart: b.hostStart,
    hostVisits: b.hostVisits,
    availFrom: b.availFrom,
    availTo: b.availTo,
    arrival: b.arrival,
    departure: b.departure,
    pLang: b.pLang,
    vLang: b.vLang,
    langExact: b.langExact,
    pTheme: b.pTheme,
    vTheme: b.vTheme,
    themeExact: b.themeExact,
    pThemeCount: b.pThemeCount,
    prefStart: b.prefStart,
    prefItem: b.prefItem,
    lockedVisit: b.lockedVisit,
    lockedCost: b.lockedCost,
    visitCap: b.visitCap,
    visitK: b.visitK,
    lockedPerVisit: b.lockedPerVisit,
    lockedPerGroupKey: b.lockedPerGroupKey,
    arcStart,
    arcVisit: aVisit.subarray(0, m),
    arcGroup: aGroup.subarray(0, m),
    arcCost: aCost.subarray(0, m),
    arcRank: aRank.subarray(0, m),
    arcOverlap: aOverlap.subarray(0, m),
    arcOwner: aOwner.subarray(0, m),
    groupVisit: gVisit.subarray(0, G),
    groupCountry: gCountry.subarray(0, G),
    groupCap: gCap.subarray(0, G),
    unplacedPenalty: penalty,
  };
}

function grow(a: Int32Array, n: number): Int32Array {
  const out = new Int32Array(n);
  out.set(a.subarray(0, Math.min(a.length, n)));
  return out;
}
