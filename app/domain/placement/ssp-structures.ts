/**
 * The two small structures of successive shortest paths (ssp.ts), on typed arrays the caller
 * owns: Dial's buckets (Dial 1969, "Shortest-path forest with topological ordering") with a bit
 * per bucket, and the per-node lists of the participants placed through a group or visit node
 * (the residual reverse arcs). Module-level functions with the arrays as arguments, small
 * enough for the optimising compiler to inline into the search loop (measured: as fast as the
 * same code written out in the loop, four times, as it was).
 */

/**
 * Queues node w at key nd into Dial's buckets (singly linked lists through eNode / eNext, bit k
 * of bBits set when bucket k is not empty) as entry nE; returns the next free entry. A node on
 * the key d being walked goes right behind entry i, since bucket d's list is still being read.
 */
export function enqueue(
  bHead: Int32Array,
  bBits: Int32Array,
  eNode: Int32Array,
  eNext: Int32Array,
  nE: number,
  i: number,
  w: number,
  nd: number,
  d: number,
): number {
  eNode[nE] = w;
  if (nd === d) {
    eNext[nE] = eNext[i]!;
    eNext[i] = nE;
  } else {
    eNext[nE] = bHead[nd]!;
    bHead[nd] = nE;
    bBits[nd >> 5]! |= 1 << (nd & 31);
  }
  return nE + 1;
}

/** The least non-empty bucket key >= k (bBits), or last + 1 when none up to last. */
export function nextKey(bBits: Int32Array, k: number, last: number): number {
  let w = k >> 5;
  let m = bBits[w]! & (-1 << (k & 31));
  while (m === 0) {
    if (++w > last >> 5) return last + 1;
    m = bBits[w]!;
  }
  return (w << 5) | (31 - Math.clz32(m & -m));
}

/** Puts participant q first in node w's list of participants placed through it. */
export function link(mHead: Int32Array, mNext: Int32Array, mPrev: Int32Array, q: number, w: number): void {
  const h = mHead[w]!;
  mNext[q] = h;
  mPrev[q] = -1;
  if (h >= 0) mPrev[h] = q;
  mHead[w] = q;
}

/** Takes participant q out of node w's list. */
export function unlink(mHead: Int32Array, mNext: Int32Array, mPrev: Int32Array, q: number, w: number): void {
  const n = mNext[q]!;
  const pv = mPrev[q]!;
  if (pv >= 0) mNext[pv] = n;
  else mHead[w] = n;
  if (n >= 0) mPrev[n] = pv;
}
