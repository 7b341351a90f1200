/**
 * The stable mode's unranked tails, walked lazily (stable.ts `stableMatch`, `acceptUnranked`,
 * participants whose ranked entries run out). A tail is p's acceptable unranked visits in (cost,
 * visit id) order, cost = weights.rank * list length + weights.theme * missing themes (lists.ts
 * `unrankedSorted` builds the same order eagerly). Only the missing-theme count varies, so the
 * tail is level by level (missing themes 0, 1, .., p's theme count), each level in visit order.
 *
 * Per participant, when its tail is reached: the bit set of its acceptable unranked visits (lists.ts
 * `acceptableUnranked`) and the missing-theme count of every visit as bit slices (slice i holds bit
 * i of the count; counts <= 31, so at most 5 slices), W = ceil(V / 32) words each. A level's word
 * is then the set bits AND a few slice tests, so the walk costs O(1) per proposal plus O(W) per
 * level reached, never one key per tail visit (a tail has ~V visits; few are proposed to).
 * Memory: (1 + slices) * W words per participant whose tail is reached.
 * Fast path only (ListBuilder.simple: exact bit masks, no locks); otherwise stable.ts builds the
 * tail eagerly with `unrankedSorted`.
 */
import { popcount, type Base } from "./base";
import type { ListBuilder } from "./lists";

export class UnrankedTails {
  private readonly W: number;
  /** Visits lacking theme t: lack[t * W .. (t + 1) * W), themes t of 0 .. 30; built on first use. */
  private lack: Uint32Array | null = null;
  private pool: Uint32Array;
  private used = 0;
  /** Per participant: offset of its words in `pool`, slice count, level, word and bits left of that word. */
  private readonly off: Int32Array;
  private readonly slices: Int32Array;
  private readonly level: Int32Array;
  private readonly word: Int32Array;
  private readonly left: Int32Array;
  private readonly base: Int32Array;

  constructor(
    private readonly b: Base,
    private readonly lb: ListBuilder,
  ) {
    const P = b.participants.length;
    this.W = lb.words;
    this.pool = new Uint32Array(Math.max(64, 8 * this.W));
    this.off = new Int32Array(P);
    this.slices = new Int32Array(P);
    this.level = new Int32Array(P);
    this.word = new Int32Array(P);
    this.left = new Int32Array(P);
    this.base = new Int32Array(P);
  }

  /** Starts p's tail: its acceptable unranked visits now (open, eligible, not in its list). O(W * themes). */
  start(pi: number): void {
    const { b, lb, W } = this;
    const bits = lb.acceptableUnranked(pi);
    const th = b.weights.theme === 0 ? 0 : b.pTheme[pi]!;
    const S = 32 - Math.clz32(popcount(th));
    if (this.used + (1 + S) * W > this.pool.length) {
      const grown = new Uint32Array(Math.max(this.pool.length * 2, this.used + (1 + S) * W));
      grown.set(this.pool.subarray(0, this.used));
      this.pool = grown;
    }
    const pool = this.pool;
    const o = this.used;
    this.used += (1 + S) * W;
    for (let w = 0; w < W; w++) pool[o + w] = bits[w]!;
    if (S > 0) {
      const lack = this.lack ?? this.buildLack();
      for (let w = 0; w < W; w++) {
        // Bit-sliced counter: adds lack[t] for each theme t of p, one ripple-carry add per theme.
        let s0 = 0;
        let s1 = 0;
        let s2 = 0;
        let s3 = 0;
        let s4 = 0;
        for (let t = th; t !== 0; t &= t - 1) {
          let c = lack[(31 - Math.clz32(t & -t)) * W + w]!;
          let k = s0 & c;
          s0 ^= c;
          c = k;
          k = s1 & c;
          s1 ^= c;
          c = k;
          k = s2 & c;
          s2 ^= c;
          c = k;
          k = s3 & c;
          s3 ^= c;
          s4 ^= k;
        }
        pool[o + W + w] = s0;
        if (S > 1) pool[o + 2 * W + w] = s1;
        if (S > 2) pool[o + 3 * W + w] = s2;
        if (S > 3) pool[o + 4 * W + w] = s3;
        if (S > 4) pool[o + 5 * W + w] = s4;
      }
    }
    this.base[pi] = b.weights.rank * (b.prefStart[pi + 1]! - b.prefStart[pi]!); // list length: one item per entry
    this.off[pi] = o;
    this.slices[pi] = S;
    this.level[pi] = 0;
    this.word[pi] = -1;
    this.left[pi] = 0;
  }

  /** p's next tail visit, -1 when the tail is exhausted; its missing-theme level is then `levelOf(p)`. */
  next(pi: number): number {
    const W = this.W;
    let m = this.left[pi]!;
    let w = this.word[pi]!;
    let l = this.level[pi]!;
    const S = this.slices[pi]!;
    const top = S === 0 ? 0 : popcount(this.b.pTheme[pi]!);
    if (l > top) return -1;
    const o = this.off[pi]!;
    while (m === 0) {
      if (++w === W) {
        w = 0;
        if (++l > top) {
          this.level[pi] = l;
          return -1;
        }
      }
      m = this.levelWord(o, S, l, w);
    }
    this.left[pi] = m & (m - 1);
    this.word[pi] = w;
    this.level[pi] = l;
    return (w << 5) | (31 - Math.clz32(m & -m));
  }

  /** Missing themes of the visit `next(pi)` returned last. */
  levelOf(pi: number): number {
    return this.level[pi]!;
  }

  /** Preference cost of the visit `next(pi)` returned last: weights.rank * list length + weights.theme * its level. */
  costOf(pi: number): number {
    return this.base[pi]! + this.b.weights.theme * this.level[pi]!;
  }

  /**
   * The largest cost in p's tail (after `start(pi)`), -1 when it is empty: the same as lists.ts
   * `maxUnranked`, from the highest nonempty level. O(W) per level tried.
   */
  maxCost(pi: number): number {
    const o = this.off[pi]!;
    const S = this.slices[pi]!;
    for (let l = S === 0 ? 0 : popcount(this.b.pTheme[pi]!); l >= 0; l--)
      for (let w = 0; w < this.W; w++) if (this.levelWord(o, S, l, w) !== 0) return this.base[pi]! + this.b.weights.theme * l;
    return -1;
  }

  /** Word w of the level-l visits of the tail at pool offset o with S slices. */
  private levelWord(o: number, S: number, l: number, w: number): number {
    const { pool, W } = this;
    let m = pool[o + w]!;
    for (let i = 0; i < S && m !== 0; i++) {
      const s = pool[o + (1 + i) * W + w]!;
      m &= (l >>> i) & 1 ? s : ~s;
    }
    return m;
  }

  private buildLack(): Uint32Array {
    const { b, W } = this;
    const lack = new Uint32Array(31 * W);
    for (let v = 0, V = b.visits.length; v < V; v++) {
      const missingThemes = ~b.vTheme[v]!;
      for (let t = 0; t < 31; t++) if ((missingThemes >>> t) & 1) lack[t * W + (v >>> 5)]! |= 1 << (v & 31);
    }
    this.lack = lack;
    return lack;
  }
}
