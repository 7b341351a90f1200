/**
 * The participants each visit holds during the stable mode's deferred acceptance (stable.ts
 * `stableMatch`), and the visit's choice when one more proposes: greedy by priority under the
 * cap k per sending country, then the remaining capacity (the laminar choice of stable.ts's module
 * doc; the same rule as `deferredAcceptance` in stable-network.ts).
 *
 * Visit v's holders are one slice of three typed arrays, kept sorted by priority key (lower is
 * better), so the capacity's worst holder is the last one and a proposer worse than it is turned
 * away in O(1) without touching the slice: most proposals late in the run (on 5k-all, 2 in 3
 * proposals are turned away, mostly this way). The worst compatriot, when the country's cap binds,
 * is the first holder of that country from the end. Admitting someone shifts the holders it
 * passes: O(capacity) at worst, with no scan of the whole slice per rejection.
 */
import { groupCapLeft, type Base } from "./base";

export class HeldSets {
  /** Visit v holds slots start[v] .. start[v] + n[v], sorted by key ascending. */
  private readonly start: Int32Array;
  private readonly n: Int32Array;
  private readonly who: Int32Array;
  private readonly key: Float64Array;
  private readonly country: Int32Array;
  /** Compatriots held per (visit, country) at v * C + c: dense when small, else a map. */
  private readonly gCount: Int32Array | null;
  private readonly gMap: Map<number, number> | null;
  private readonly C: number;
  /** groupCapLeft per visit when no locks (then it does not depend on the country), else null. */
  private readonly kLeft: Int32Array | null;

  constructor(private readonly b: Base) {
    const V = b.visits.length;
    this.C = Math.max(1, b.countries.length);
    this.start = new Int32Array(V + 1);
    for (let v = 0; v < V; v++) this.start[v + 1] = this.start[v]! + b.visitCap[v]!;
    const S = this.start[V]!;
    this.n = new Int32Array(V);
    this.who = new Int32Array(S);
    this.key = new Float64Array(S);
    this.country = new Int32Array(S);
    const dense = V * this.C <= 1 << 22;
    this.gCount = dense ? new Int32Array(V * this.C) : null;
    this.gMap = dense ? null : new Map();
    this.kLeft = b.lockedPerGroupKey.size === 0 ? new Int32Array(V) : null;
    if (this.kLeft) for (let v = 0; v < V; v++) this.kLeft[v] = groupCapLeft(b, v, 0);
  }

  /**
   * p (of country c, priority key k at v: lower is better, distinct per participant) proposes to
   * v, whose capacity and cap for c after locks are above 0 (lists offer only such visits; with a
   * capacity of 0 the slice is empty and this would read the previous visit's). Returns whom v
   * turns away: p itself, a holder, or -1 when it keeps everyone. O(1) when p is turned away for
   * capacity, else O(capacity).
   */
  propose(p: number, c: number, v: number, k: number): number {
    const { who, key, country } = this;
    const hs = this.start[v]!;
    const hn = this.n[v]!;
    const full = hs + hn === this.start[v + 1]!;
    // Worse than the worst holder: turned away whichever cap binds (the worst compatriot is no worse).
    if (full && k > key[hs + hn - 1]!) return p;
    const g = v * this.C + c;
    const kLeft = this.kLeft ? this.kLeft[v]! : groupCapLeft(this.b, v, c);
    if (this.count(g) >= kLeft) {
      // The country's cap is the binding circuit: p against its worst held compatriot.
      let i = hs + hn - 1;
      while (i >= hs && country[i] !== c) i--;
      if (i < hs || k > key[i]!) return p;
      const q = who[i]!;
      this.place(hs, hs + hn, i, p, c, k);
      return q;
    }
    this.add(g, 1);
    if (!full) {
      this.place(hs, hs + hn + 1, hs + hn, p, c, k);
      this.n[v] = hn + 1;
      return -1;
    }
    const last = hs + hn - 1;
    const q = who[last]!;
    this.add(v * this.C + country[last]!, -1);
    this.place(hs, hs + hn, last, p, c, k);
    return q;
  }

  /** Puts p into slot i of the sorted slice [s, e) (its occupant leaves), moving the holders between to keep the order. */
  private place(s: number, e: number, i: number, p: number, c: number, k: number): void {
    const { who, key, country } = this;
    for (; i + 1 < e && key[i + 1]! < k; i++) {
      who[i] = who[i + 1]!;
      key[i] = key[i + 1]!;
      country[i] = country[i + 1]!;
    }
    for (; i > s && key[i - 1]! > k; i--) {
      who[i] = who[i - 1]!;
      key[i] = key[i - 1]!;
      country[i] = country[i - 1]!;
    }
    who[i] = p;
    key[i] = k;
    country[i] = c;
  }

  private count(g: number): number {
    return this.gCount ? this.gCount[g]! : (this.gMap!.get(g) ?? 0);
  }

  private add(g: number, d: number): void {
    if (this.gCount) this.gCount[g]! += d;
    else this.gMap!.set(g, (this.gMap!.get(g) ?? 0) + d);
  }
}
