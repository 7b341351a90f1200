/**
 * Typed work arrays kept between calls of a solver, by name, grown as needed.
 *
 * Why: a solve of a realistic edition (200 participants) is a fraction of a millisecond, and
 * allocating and zeroing its dozen or so work arrays each time (off-heap typed arrays, some
 * 40 KB) cost successive shortest paths (ssp.ts) about 8 % of its time, measured A/B in one
 * process. `i32` / `f64` return a view of exactly n entries of the kept array. A new or grown
 * array has every entry set to `init`, and `grew` says so; otherwise the entries are what the
 * caller left, so a caller that relies on them (all Infinity, all -1) restores them before it
 * returns. JavaScript runs one call at a time and a solver does not call itself, so one set per
 * solver module is enough. Arrays longer than KEEP_MAX entries are not kept.
 */
const KEEP_MAX = 1 << 16;

export class WorkArrays {
  private readonly arrays = new Map<string, Int32Array | Float64Array>();
  /** Whether the last `i32` / `f64` call made a new array (all entries `init`). */
  grew = false;
  /** A counter the caller keeps between calls (ssp.ts: search stamps). */
  stamp = 0;

  i32(name: string, n: number, init = 0): Int32Array {
    let a = this.arrays.get(name) as Int32Array | undefined;
    this.grew = !a || a.length < n;
    if (this.grew) {
      a = new Int32Array(Math.max(n, 64));
      if (init !== 0) a.fill(init);
      if (a.length <= KEEP_MAX) this.arrays.set(name, a);
    }
    return a!.subarray(0, n);
  }

  f64(name: string, n: number, init = 0): Float64Array {
    let a = this.arrays.get(name) as Float64Array | undefined;
    this.grew = !a || a.length < n;
    if (this.grew) {
      a = new Float64Array(Math.max(n, 64));
      if (init !== 0) a.fill(init);
      if (a.length <= KEEP_MAX) this.arrays.set(name, a);
    }
    return a!.subarray(0, n);
  }
}
