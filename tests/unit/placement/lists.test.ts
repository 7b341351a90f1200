/**
 * The unranked tail's bit sets (lists.ts `acceptableUnranked`): on instances without locks, the visits
 * offered outside a participant's list are exactly the naive rule's (not in the list, a seat and
 * a cap k above 0, not hosted by their country, within their dates, a shared language), in
 * (missing themes, visit id) order. And the network's arcs carry the right rank.
 */
import { describe, expect, it } from "vitest";
import { prepareBase } from "~/domain/placement/base";
import { rankOf } from "~/domain/placement/eligibility";
import { ListBuilder } from "~/domain/placement/lists";
import { prepare } from "~/domain/placement/prepare";
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

describe("network arcs", () => {
  it("carry the rank of the participant's first entry naming the visit or its host, -1 when unranked", () => {
    // The simplex prices ranked arcs first (simplex.ts `active`): a wrong rank costs it a sweep
    // over all arcs, not the optimum, so only this test sees it.
    for (let seed = 1; seed <= 30; seed++) {
      const inst = { ...tinyInstance(seed, 10, 12), options: { acceptUnranked: seed % 2 === 0 } };
      const pr = prepare(inst);
      pr.participants.forEach((p, pi) => {
        for (let a = pr.arcStart[pi]!; a < pr.arcStart[pi + 1]!; a++)
          expect(pr.arcRank[a], `seed ${seed}, ${p.id}`).toBe(rankOf(p, pr.visits[pr.arcVisit[a]!]!));
      });
    }
  });
});
