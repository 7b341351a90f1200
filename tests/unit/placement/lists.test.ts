/**
 * The unranked tail's bit sets (lists.ts `acceptableUnranked`): on instances without locks, the visits
 * offered outside a participant's list are exactly the naive rule's (not in the list, a seat and
 * a cap k above 0, not hosted by their country, within their dates, a shared language), in
 * (missing themes, visit id) order.
 */
import { describe, expect, it } from "vitest";
import { prepareBase } from "~/domain/placement/base";
import { ListBuilder } from "~/domain/placement/lists";
import { naiveEligible, tinyInstance } from "./helpers";

describe("unranked tail", () => {
  it("offers the naive rule's visits outside the list, in order, on 40 random instances", () => {
    for (let seed = 1; seed <= 40; seed++) {
      const inst = { ...tinyInstance(seed, 12, 40), locked: undefined, options: { acceptUnranked: true } };
      const b = prepareBase(inst);
      const lb = new ListBuilder(b);
      b.participants.forEach((p, pi) => {
        lb.mark(pi);
        const listed = new Set(Array.from(lb.cand.subarray(0, lb.nCand)));
        const n = lb.unrankedSorted(pi, 0);
        const got = Array.from(lb.keys.subarray(0, n), (k) => k % lb.span);
        const want = b.visits
          .map((v, vi) => ({ v, vi }))
          .filter(({ v, vi }) => !listed.has(vi) && b.visitCap[vi]! > 0 && b.visitK[vi] !== 0 && naiveEligible(p, v))
          .map(({ v, vi }) => ({ vi, m: (p.themes ?? []).filter((t) => !(v.themes ?? []).includes(t)).length }))
          .sort((x, y) => x.m - y.m || x.vi - y.vi)
          .map(({ vi }) => vi);
        expect(got, `seed ${seed}, participant ${p.id}`).toEqual(want);
      });
    }
  });
});
