/**
 * The stable mode's own structures under stress: the lazily walked unranked tails (stable-tail.ts)
 * give exactly the eager order of lists.ts `unrankedSorted`, also with up to 31 themes per
 * participant (all 5 bit slices of the missing-theme count); and the sorted held sets
 * (stable-held.ts) give the reference deferred acceptance's matching where they are stressed:
 * capacities from 1 to 60, many more participants than seats (many rejections), caps k of 1 to 3
 * binding, locked placements, short lists with unranked tails, many themes.
 */
import { describe, expect, it } from "vitest";
import type { PlacementInstance } from "~/domain/placement";
import { prepareBase } from "~/domain/placement/base";
import { mulberry32 } from "~/domain/placement/generate";
import { ListBuilder } from "~/domain/placement/lists";
import { prepare } from "~/domain/placement/prepare";
import { deferredAcceptance, stableMatch } from "~/domain/placement/stable";
import { UnrankedTails } from "~/domain/placement/stable-tail";
import { tinyInstance } from "./helpers";

const THEMES = Array.from({ length: 31 }, (_, i) => `t${i}`);

/** tinyInstance with themes drawn from 31 (participants: up to all 31) and capacities up to `maxCap`. */
function stressInstance(seed: number, nP: number, nV: number, maxCap: number): PlacementInstance {
  const inst = tinyInstance(seed, nP, nV, { locked: true });
  const rnd = mulberry32(seed ^ 0x5bd1e995);
  const some = (p: number) => THEMES.filter(() => rnd() < p);
  return {
    ...inst,
    visits: inst.visits.map((v) => ({
      ...v,
      capacity: Math.floor(rnd() * (maxCap + 1)),
      countryCap: rnd() < 0.3 ? null : 1 + Math.floor(rnd() * 3),
      themes: some(0.5),
    })),
    participants: inst.participants.map((p) => ({ ...p, preferences: p.preferences.slice(0, 2), themes: some(rnd()) })),
    options: { acceptUnranked: true },
  };
}

function sameAsReference(inst: PlacementInstance) {
  const pr = prepare(inst);
  const arcs = deferredAcceptance(pr);
  const m = stableMatch(prepareBase(inst));
  const want = Array.from(arcs, (a, p) => (pr.lockedVisit[p]! >= 0 ? pr.lockedVisit[p]! : a >= 0 ? pr.arcVisit[a]! : -1));
  expect(Array.from(m.visitOf)).toEqual(want);
  expect(Array.from(m.costOf)).toEqual(Array.from(arcs, (a, p) => (pr.lockedVisit[p]! >= 0 ? pr.lockedCost[p]! : a >= 0 ? pr.arcCost[a]! : 0)));
}

describe("stable mode structures", () => {
  it("walks every unranked tail in the eager order, up to 31 themes, theme weight 0 or not", () => {
    for (let seed = 1; seed <= 30; seed++) {
      const base = { ...stressInstance(seed, 25, 70, 3), locked: undefined };
      for (const weights of [undefined, { rank: 40, theme: 1 }, { rank: 5, theme: 0 }]) {
        const b = prepareBase({ ...base, weights });
        const lb = new ListBuilder(b);
        expect(lb.simple).toBe(true);
        const tails = new UnrankedTails(b, lb);
        const tailBase = (pi: number) => b.weights.rank * b.participants[pi]!.preferences.length;
        for (let pi = 0; pi < b.participants.length; pi++) {
          lb.mark(pi);
          const n = lb.unrankedSorted(pi, 0);
          const want = Array.from(lb.keys.subarray(0, n));
          tails.start(pi);
          const got: number[] = [];
          for (let v = tails.next(pi); v >= 0; v = tails.next(pi)) got.push((tailBase(pi) + b.weights.theme * tails.levelOf(pi)) * lb.span + v);
          expect(tails.next(pi)).toBe(-1);
          expect(got, `seed ${seed}, participant ${pi}`).toEqual(want);
        }
      }
    }
  });

  it("matches the reference deferred acceptance with large and small capacities, caps k binding, locks, tails", () => {
    for (let seed = 1; seed <= 60; seed++) {
      const inst = stressInstance(seed, 40 + (seed % 5) * 40, 4 + (seed % 7), seed % 3 === 0 ? 60 : 4);
      sameAsReference(inst);
      sameAsReference({ ...inst, weights: { rank: 40, theme: 1 } }); // lists built entry by entry, lazy tails
      sameAsReference({ ...inst, options: { acceptUnranked: false } });
    }
  });
});
