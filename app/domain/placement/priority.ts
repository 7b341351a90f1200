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
