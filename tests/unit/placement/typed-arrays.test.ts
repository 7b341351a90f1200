/**
 * The placement engine's typed-array helpers: views of one buffer must not overlap, and kept
 * work arrays must say when they are new (the callers rely on their contents otherwise).
 */
import { describe, expect, it } from "vitest";
import { int32Arrays, WorkArrays } from "~/domain/placement/typed-arrays";

describe("int32Arrays", () => {
  it("gives zeroed arrays of the asked lengths that do not overlap", () => {
    const [a, b, c] = int32Arrays(3, 0, 5);
    expect([a.length, b.length, c.length]).toEqual([3, 0, 5]);
    a.fill(7);
    c.fill(9);
    expect([...a, ...c]).toEqual([7, 7, 7, 9, 9, 9, 9, 9]);
    expect(a.buffer).toBe(c.buffer);
  });
});

describe("WorkArrays", () => {
  it("keeps an array between calls, with what the caller left in it, and says when it is new", () => {
    const w = new WorkArrays();
    const first = w.i32("x", 10, -1);
    expect(w.grew).toBe(true);
    expect([...first]).toEqual(new Array(10).fill(-1));
    first[3] = 42;
    const again = w.i32("x", 4);
    expect(w.grew).toBe(false);
    expect(again.length).toBe(4);
    expect(again[3]).toBe(42);
    // Longer than kept: a new array, every entry the new init value.
    const longer = w.i32("x", 100, 5);
    expect(w.grew).toBe(true);
    expect(longer.every((v) => v === 5)).toBe(true);
    const d = w.f64("d", 3, Infinity);
    expect([...d]).toEqual([Infinity, Infinity, Infinity]);
  });
});
