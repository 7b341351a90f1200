/**
 * Visits' strict priority over participants in stable mode: more shared themes first, then a
 * seeded tie-break (32-bit FNV-1a hash of `seed:participantId`, then the id itself), so no one is
 * favoured for their id's spelling and the order does not depend on input order. Used by the
 * deferred acceptance of stable.ts and stable-network.ts, and by the explanations (solve.ts).
 */
import { missing, type Base } from "./base";
import type { Prepared } from "./prepare";

/**
 * Seeded tie-break rank of every participant (0 = first): by FNV-1a of `seed:id`, then by id
 * (canonical index). O(P log P), one typed-array sort.
 */
export function tieRanks(b: Base): Int32Array {
  const P = b.participants.length;
  const hashOf = tieHash(b);
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

/** The tie-break hash of participant i: 32-bit FNV-1a of `seed:id`. */
function tieHash(b: Base): (i: number) => number {
  const h0 = fnv1a(0x811c9dc5, `${b.options.seed}:`);
  return (i: number) => fnv1a(h0, b.participants[i]!.id) >>> 0;
}

/** FNV-1a over the UTF-16 code units of s, from state h (not made unsigned). */
function fnv1a(h: number, s: string): number {
  for (let j = 0; j < s.length; j++) h = Math.imul(h ^ s.charCodeAt(j), 0x01000193);
  return h;
}

/**
 * The visits' priority as one number per (participant, visit): (T - overlap) * scale + tie[p],
 * lower is better, T the largest theme count. Same order as `priorityOf`. When every such number
 * stays below 2^53, tie[p] = hash * 2^bits + p with 2^bits >= P (ties on the hash fall to the
 * id order): O(P), no sort (stable.ts runs this per solve; it is 5,000 hashes on 5k-ranked).
 * Otherwise tie = `tieRanks` and scale = P.
 */
export function tieKeys(b: Base): { tie: Float64Array; scale: number; T: number } {
  const P = b.participants.length;
  let T = 0;
  for (let p = 0; p < P; p++) if (b.pThemeCount[p]! > T) T = b.pThemeCount[p]!;
  const bits = 32 - Math.clz32(P);
  const tie = new Float64Array(P);
  if (bits <= 21 && (T + 1) * 2 ** (32 + bits) <= 2 ** 53) {
    // 1 << bits, not 2 ** bits: with the latter the loop ran 5x slower (0.50 vs 0.09 ms, 5k-ranked, node 20).
    const mul = 1 << bits;
    const h0 = fnv1a(0x811c9dc5, `${b.options.seed}:`) | 0;
    const ps = b.participants;
    for (let p = 0; p < P; p++) tie[p] = (fnv1a(h0, ps[p]!.id) >>> 0) * mul + p;
    return { tie, scale: mul * 2 ** 32, T };
  }
  tie.set(tieRanks(b));
  return { tie, scale: P, T };
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
