/**
 * Allocating typed arrays for the placement engine, which builds a few dozen per solve.
 *
 * Each `new Int32Array(n)` longer than 64 bytes gets an ArrayBuffer of its own outside the
 * JavaScript heap: allocation, zeroing and the garbage collector's bookkeeping of each buffer.
 * A realistic edition (200 participants) solves in about 0.3 ms, and these add up: measured A/B
 * in one process, one buffer for the base's and the network's arrays took 2 to 3 % off a solve,
 * and keeping the successive shortest paths' work arrays 8 % off that step. So:
 *  - `int32Arrays` gives several arrays with the same lifetime as views of one buffer;
 *  - `WorkArrays` keeps a solver's work arrays between calls.
 */

/**
 * Int32Arrays of the given lengths (zeroed) as views of one ArrayBuffer. They live and die
 * together: any one of them keeps the whole buffer alive.
 */
export function int32Arrays<L extends number[]>(...lengths: L): { [K in keyof L]: Int32Array } {
  let total = 0;
  for (const n of lengths) total += n;
  const buffer = new ArrayBuffer(total * 4);
  const out: Int32Array[] = [];
  let offset = 0;
  for (const n of lengths) {
    out.push(new Int32Array(buffer, offset * 4, n));
    offset += n;
  }
  return out as { [K in keyof L]: Int32Array };
}

/**
 * Typed work arrays kept between calls of a solver, by name, grown as needed.
 *
 * `i32` / `f64` return a view of exactly n entries of the kept array. A new or grown
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
    return this.kept(name, n, init, (len) => new Int32Array(len));
  }

  f64(name: string, n: number, init = 0): Float64Array {
    return this.kept(name, n, init, (len) => new Float64Array(len));
  }

  private kept<A extends Int32Array | Float64Array>(name: string, n: number, init: number, make: (len: number) => A): A {
    let a = this.arrays.get(name) as A | undefined;
    this.grew = !a || a.length < n;
    if (this.grew) {
      a = make(Math.max(n, 64));
      if (init !== 0) a.fill(init);
      if (a.length <= KEEP_MAX) this.arrays.set(name, a);
    }
    return a!.subarray(0, n) as A;
  }
}
