/**
 * Per-participant lists of acceptable visits, built from the interned instance (base.ts): used
 * for the full network (prepare.ts `buildNetwork`) and, lazily, by the stable mode (stable.ts
 * `stableMatch`, which builds the unranked tail only when proposals reach it).
 */
import { eligible, groupCapLeft, missing, NO_ENTRY, popcount, type Base } from "./base";
/**
 * Scratch space to list one participant's acceptable visits in (cost, visit id) order.
 * `collect` fills `keys[0 .. n)` with cost * KEY_SPAN + visit (one exact double per arc, so one
 * typed-array sort orders them); `stamp`/`rank` mark the visits p's entries reached.
 */
export class ListBuilder {
  readonly span: number;
  keys: Float64Array;
  /** Visit v was reached by the entries of the last `mark` when stamp[v] === marks (marks counts the calls). */
  private readonly stamp: Int32Array;
  private marks = 0;
  private readonly rank: Int32Array;
  readonly cand: Int32Array;
  nCand = 0;
  /** Scratch of `unrankedSorted`: visits, their missing themes, counts per missing-theme number. */
  private readonly tailV: Int32Array;
  private readonly tailM: Int32Array;
  private count = new Int32Array(34);
  constructor(readonly b: Base) {
    const V = b.visits.length;
    this.span = keySpan(V);
    this.keys = new Float64Array(Math.max(16, b.options.acceptUnranked ? V : 64));
    this.stamp = new Int32Array(V);
    this.rank = new Int32Array(V);
    this.cand = new Int32Array(V);
    this.tailV = new Int32Array(V);
    this.tailM = new Int32Array(V);
    // Fast path of the unranked scans: bit masks exact and no locks, so `open` is a seat left,
    // a cap k other than 0, and the hard rules on interned values (base.ts `eligible`).
    this.simple = b.langExact && b.themeExact && b.lockedPerGroupKey.size === 0;
    const W = (V + 31) >>> 5;
    this.words = W;
    this.bits = new Uint32Array(W);
    this.openBits = new Uint32Array(W);
    this.hostBits = new Uint32Array(this.simple ? b.countries.length * W : 0);
    this.langBits = new Uint32Array(this.simple ? 32 * W : 0);
    for (let v = 0; v < V; v++) {
      const bit = 1 << (v & 31);
      const w = v >>> 5;
      if (b.visitCap[v]! > 0 && b.visitK[v] !== 0) this.openBits[w]! |= bit;
      if (!this.simple) continue;
      this.hostBits[b.visitHost[v]! * W + w]! |= bit;
      for (let l = 0, m = b.vLang[v]!; m !== 0; l++, m >>>= 1) if (m & 1) this.langBits[l * W + w]! |= bit;
    }
  }

  /** Exact bit masks and no locks: the fast path of the unranked scans (see the constructor). */
  readonly simple: boolean;
  /**
   * The fast path's hard rules as bit sets over the visits (bit v of word v >>> 5), so that a
   * participant's acceptable unranked visits are a few word operations per 32 visits instead of
   * six reads per visit: visits with a seat and a cap k other than 0, visits hosted by each
   * country (C x W words), visits speaking each language bit (32 x W words), and caches of the
   * sets of visits arriving on or after a day, leaving on or before a day, and speaking one of a
   * set of languages, per distinct value (bounded; see `acceptableUnranked`).
   */
  readonly words: number;
  private readonly bits: Uint32Array;
  private readonly openBits: Uint32Array;
  private readonly hostBits: Uint32Array;
  private readonly langBits: Uint32Array;
  private readonly fromCache = new Map<number, Uint32Array>();
  private readonly toCache = new Map<number, Uint32Array>();
  private readonly langCache = new Map<number, Uint32Array>();

  /**
   * Fast path only (`simple`): p's acceptable unranked visits (no `mark` needed) as a bit set in
   * `bits` (returned; valid until the next call): open, not hosted by p's country, within p's
   * availability, sharing a language, not in p's list. Same rule as `open` on a `simple`
   * instance. O(V / 32) words, plus O(V) the first time a first or last day or a language set is
   * seen (at most 4,096 of each are kept).
   */
  acceptableUnranked(pi: number): Uint32Array {
    const { b, words: W, bits } = this;
    const from = b.availFrom[pi]!;
    const to = b.availTo[pi]!;
    // The window as (arriving on or after from) AND (leaving on or before to), each cached per
    // day: 40 sets built on 5k-all instead of 264 windows, and small-integer map keys (a
    // combined from * 2^20 + to key is a heap number, slower to hash).
    let after = this.fromCache.get(from);
    if (!after) {
      after = new Uint32Array(W);
      const { arrival } = b;
      for (let v = 0, V = b.visits.length; v < V; v++) if (arrival[v]! >= from) after[v >>> 5]! |= 1 << (v & 31);
      if (this.fromCache.size < 4096) this.fromCache.set(from, after);
    }
    let before = this.toCache.get(to);
    if (!before) {
      before = new Uint32Array(W);
      const { departure } = b;
      for (let v = 0, V = b.visits.length; v < V; v++) if (departure[v]! <= to) before[v >>> 5]! |= 1 << (v & 31);
      if (this.toCache.size < 4096) this.toCache.set(to, before);
    }
    const lang = b.pLang[pi]!;
    let lb = this.langCache.get(lang);
    if (!lb) {
      lb = new Uint32Array(W);
      for (let l = 0, m = lang; m !== 0; l++, m >>>= 1) if (m & 1) for (let w = 0; w < W; w++) lb[w]! |= this.langBits[l * W + w]!;
      if (this.langCache.size < 4096) this.langCache.set(lang, lb);
    }
    const host = b.countryOf[pi]! * W;
    const { openBits, hostBits } = this;
    for (let w = 0; w < W; w++) bits[w] = openBits[w]! & ~hostBits[host + w]! & after[w]! & before[w]! & lb[w]!;
    // p's list straight from its entries (no `mark` needed): a visit, or all of a country's.
    const { prefItem } = b;
    for (let k = b.prefStart[pi]!, e = b.prefStart[pi + 1]!; k < e; k++) {
      const it = prefItem[k]!;
      if (it >= 0) bits[it >>> 5]! &= ~(1 << (it & 31));
      else if (it !== NO_ENTRY) for (let w = 0, c = (-it - 1) * W; w < W; w++) bits[w]! &= ~hostBits[c + w]!;
    }
    return bits;
  }

  /**
   * Visits p may be offered outside its list (after `mark(pi)`): into tailV[0 .. k) ascending,
   * missing themes into tailM; returns k. Same rule as `open` (see the constructor's fast path).
   */
  private tail(pi: number): number {
    const { b, stamp, tailV, tailM } = this;
    const V = b.visits.length;
    const wt = b.weights.theme;
    let k = 0;
    if (this.simple) {
      this.acceptableUnranked(pi);
      const { bits, words } = this;
      const th = wt === 0 ? 0 : b.pTheme[pi]!;
      const { vTheme } = b;
      for (let w = 0; w < words; w++)
        for (let m = bits[w]!; m !== 0; m &= m - 1) {
          const v = (w << 5) | (31 - Math.clz32(m & -m));
          tailV[k] = v;
          tailM[k++] = popcount(th & ~vTheme[v]!);
        }
      return k;
    }
    for (let v = 0; v < V; v++) {
      if (stamp[v] === this.marks || !this.open(pi, v)) continue;
      tailV[k] = v;
      tailM[k++] = wt === 0 ? 0 : missing(b, pi, v);
    }
    return k;
  }

  /** Marks the visits p's entries reach (first entry wins) in `cand[0 .. nCand)`. */
  mark(pi: number): void {
    const { b, stamp, rank, cand } = this;
    // A new stamp per call, not pi: a second mark(pi) (stable.ts marks at the start and again at
    // the tail) must not find p's visits stamped already and leave them out of `cand`.
    const g = ++this.marks;
    let n = 0;
    for (let k = b.prefStart[pi]!, e = b.prefStart[pi + 1]!, r = 0; k < e; k++, r++) {
      const it = b.prefItem[k]!;
      if (it >= 0) {
        if (stamp[it] !== g) {
          stamp[it] = g;
          rank[it] = r;
          cand[n++] = it;
        }
      } else if (it !== NO_ENTRY) {
        const c = -it - 1;
        for (let j = b.hostStart[c]!, je = b.hostStart[c + 1]!; j < je; j++) {
          const v = b.hostVisits[j]!;
          if (stamp[v] !== g) {
            stamp[v] = g;
            rank[v] = r;
            cand[n++] = v;
          }
        }
      }
    }
    this.nCand = n;
  }

  /** 0-based rank of the first entry of the last `mark` that reached visit v, -1 when none did. */
  markedRank(v: number): number {
    return this.stamp[v] === this.marks ? this.rank[v]! : -1;
  }

  private push(n: number, key: number): number {
    if (n === this.keys.length) {
      const k = new Float64Array(n * 2);
      k.set(this.keys);
      this.keys = k;
    }
    this.keys[n] = key;
    return n + 1;
  }

  /** Whether p may be offered v at all: eligible, a seat left, room under the cap after locks. */
  open(pi: number, v: number): boolean {
    return this.b.visitCap[v]! > 0 && eligible(this.b, pi, v) && groupCapLeft(this.b, v, this.b.countryOf[pi]!) > 0;
  }

  /** Keys of p's acceptable ranked visits (after `mark(pi)`), sorted; returns the count. */
  ranked(pi: number): number {
    const { b, cand, rank, span } = this;
    const wr = b.weights.rank;
    const wt = b.weights.theme;
    let n = 0;
    for (let i = 0; i < this.nCand; i++) {
      const v = cand[i]!;
      if (!this.open(pi, v)) continue;
      n = this.push(n, (wr * rank[v]! + wt * missing(b, pi, v)) * span + v);
    }
    sortKeys(this.keys, n);
    return n;
  }

  /** Appends keys of p's acceptable unranked visits (after `mark(pi)`) from index n; unsorted. */
  unranked(pi: number, n: number): number {
    const { b, stamp, span } = this;
    const base = b.weights.rank * b.participants[pi]!.preferences.length;
    const wt = b.weights.theme;
    for (let v = 0, V = b.visits.length; v < V; v++) {
      if (stamp[v] === this.marks || !this.open(pi, v)) continue;
      n = this.push(n, (base + wt * missing(b, pi, v)) * span + v);
    }
    return n;
  }

  /**
   * Appends keys of p's acceptable unranked visits (after `mark(pi)`) from index n, in (cost,
   * visit id) order among themselves; returns the new count. Their costs differ only by the
   * missing themes (0 .. p's theme count), so a counting sort over one ascending scan of the
   * visits orders them in O(V), with no comparison sort of the tail.
   */
  unrankedSorted(pi: number, n: number): number {
    const { b, span } = this;
    const top = b.pThemeCount[pi]!;
    const wt = b.weights.theme;
    if (top + 2 > this.count.length) this.count = new Int32Array(top + 2);
    const base = b.weights.rank * b.participants[pi]!.preferences.length;
    const { tailV, tailM, count } = this;
    count.fill(0, 0, top + 2);
    const k = this.tail(pi);
    for (let j = 0; j < k; j++) count[tailM[j]! + 1]!++;
    for (let m = 0; m <= top; m++) count[m + 1]! += count[m]!;
    if (n + k > this.keys.length) {
      const keys = new Float64Array(Math.max(n + k, this.keys.length * 2));
      keys.set(this.keys.subarray(0, n));
      this.keys = keys;
    }
    const keys = this.keys;
    for (let j = 0; j < k; j++) {
      const m = tailM[j]!;
      keys[n + count[m]!++] = (base + wt * m) * span + tailV[j]!;
    }
    return n + k;
  }

  /** Largest cost among p's acceptable unranked visits (after `mark(pi)`, except on the fast path), -1 if none; stops at the largest possible. */
  maxUnranked(pi: number): number {
    const { b, stamp } = this;
    const base = b.weights.rank * b.participants[pi]!.preferences.length;
    const wt = b.weights.theme;
    const top = wt === 0 ? 0 : b.pThemeCount[pi]!;
    let best = -1;
    if (this.simple) {
      this.acceptableUnranked(pi);
      const { bits, words } = this;
      const th = wt === 0 ? 0 : b.pTheme[pi]!;
      const { vTheme } = b;
      for (let w = 0; w < words && best < top; w++)
        for (let m = bits[w]!; m !== 0; m &= m - 1) {
          const x = popcount(th & ~vTheme[31 - Math.clz32(m & -m) + (w << 5)]!);
          if (x > best) best = x;
          if (best >= top) break;
        }
      return best < 0 ? -1 : base + wt * best;
    }
    for (let v = 0, V = b.visits.length; v < V; v++) {
      if (stamp[v] === this.marks || !this.open(pi, v)) continue;
      const m = wt === 0 ? 0 : missing(b, pi, v);
      if (m > best) best = m;
      if (best >= top) break;
    }
    return best < 0 ? -1 : base + wt * best;
  }
}

/**
 * The power of two a list key's cost is multiplied by (key = cost * span + visit index): above
 * every visit index, at least 2^21. Also bounds the costs that keep keys exact (cost-bound.ts).
 */
export function keySpan(visits: number): number {
  return 2 ** Math.max(21, Math.ceil(Math.log2(visits + 1)));
}

/** Sorts keys[0 .. n) ascending: insertion sort for the short lists most participants have. */
export function sortKeys(keys: Float64Array, n: number): void {
  if (n > 24) {
    keys.subarray(0, n).sort();
    return;
  }
  for (let i = 1; i < n; i++) {
    const x = keys[i]!;
    let j = i - 1;
    while (j >= 0 && keys[j]! > x) {
      keys[j + 1] = keys[j]!;
      j--;
    }
    keys[j + 1] = x;
  }
}
