/**
 * The stable mode's deferred acceptance on lists built as proposals need them (stableMatch) is
 * the same as deferred acceptance over the full network of acceptable arcs (deferredAcceptance),
 * and the interned network agrees with the string rules of eligibility.ts.
 */
import { describe, it, expect } from "vitest";
import fc from "fast-check";
import type { PlacementInstance } from "~/domain/placement";
import { isEligible, preferenceCost, rankOf, solvePlacement } from "~/domain/placement";
import { generateInstance } from "~/domain/placement/generate";
import { prepare, prepareBase } from "~/domain/placement/prepare";
import { deferredAcceptance, stableMatch } from "~/domain/placement/stable";
import { tinyInstance } from "./helpers";

function sameAsFullNetwork(inst: PlacementInstance) {
  const pr = prepare(inst);
  const arcs = deferredAcceptance(pr);
  const m = stableMatch(prepareBase(inst));
  for (let p = 0; p < pr.participants.length; p++) {
    const a = arcs[p]!;
    const expectVisit = pr.lockedVisit[p]! >= 0 ? pr.lockedVisit[p]! : a >= 0 ? pr.arcVisit[a]! : -1;
    const expectCost = pr.lockedVisit[p]! >= 0 ? pr.lockedCost[p]! : a >= 0 ? pr.arcCost[a]! : 0;
    expect([p, m.visitOf[p], m.costOf[p]]).toEqual([p, expectVisit, expectCost]);
  }
  expect(m.unplacedPenalty).toBe(pr.unplacedPenalty);
}

/** Every arc of the network is an acceptable pair at its cost, and every acceptable open pair is an arc. */
function networkMatchesRules(inst: PlacementInstance) {
  const pr = prepare(inst);
  const w = pr.weights;
  for (let p = 0; p < pr.participants.length; p++) {
    if (pr.lockedVisit[p]! >= 0) continue;
    const part = pr.participants[p]!;
    const expected: string[] = [];
    pr.visits.forEach((v, vi) => {
      const r = rankOf(part, v);
      if (!isEligible(part, v) || (r < 0 && !pr.options.acceptUnranked && part.preferences.length > 0) || pr.visitCap[vi] === 0) return;
      expected.push(`${v.id}:${preferenceCost(part, v, r, w)}`);
    });
    const got: string[] = [];
    for (let a = pr.arcStart[p]!; a < pr.arcStart[p + 1]!; a++) got.push(`${pr.visits[pr.arcVisit[a]!]!.id}:${pr.arcCost[a]}`);
    // Arcs may be missing only where locks used up the country's cap.
    expect(got.every((g) => expected.includes(g))).toBe(true);
    if (Object.keys(inst.locked ?? {}).length === 0) expect([...got].sort()).toEqual([...expected].sort());
  }
}

describe("stable mode: lazy lists", () => {
  it("matches deferred acceptance over the full network on tiny random instances", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1, max: 7 }), (seed, nP, nV) => {
        const inst = tinyInstance(seed, nP, nV, { locked: true, weights: seed % 2 === 0 });
        sameAsFullNetwork(inst);
        sameAsFullNetwork({ ...inst, options: { ...inst.options, acceptUnranked: true } });
      }),
      { numRuns: 300 },
    );
  });

  it("matches on generated instances with unranked visits interleaving the ranked ones", () => {
    for (let seed = 1; seed <= 4; seed++) {
      const inst = generateInstance({
        seed,
        participants: 400,
        visits: 30,
        capacity: [3, 12],
        countryCap: seed % 2 ? 2 : null,
        listLength: 6,
        acceptUnranked: true,
        locked: 15,
        rankCountries: seed > 2,
      });
      sameAsFullNetwork(inst);
      sameAsFullNetwork({ ...inst, weights: { rank: 1, theme: 4 } }); // theme misses outweigh a rank step
      sameAsFullNetwork({ ...inst, weights: { rank: 3, theme: 0 }, options: { acceptUnranked: true, seed: 7 } });
    }
  });

  it("network arcs agree with the string rules, also past 31 languages or themes (no bit masks)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), (seed) => {
        const inst = tinyInstance(seed, 12, 5, { weights: true });
        networkMatchesRules(inst);
        const many = Array.from({ length: 40 }, (_, i) => `x${i}`);
        const wide: PlacementInstance = {
          ...inst,
          visits: inst.visits.map((v, i) => ({
            ...v,
            languages: [...v.languages, ...many.slice(i, i + 3)],
            themes: [...(v.themes ?? []), ...many.slice(i * 2, i * 2 + 5)],
          })),
          participants: inst.participants.map((p, i) => ({
            ...p,
            languages: [...p.languages, ...many.slice(i * 3, i * 3 + 3)],
            themes: [...(p.themes ?? []), ...many.slice(i * 3, i * 3 + 6)],
          })),
        };
        const b = prepareBase(wide);
        expect([b.langExact, b.themeExact]).toEqual([false, false]);
        networkMatchesRules(wide);
        sameAsFullNetwork(wide);
      }),
      { numRuns: 150 },
    );
  });

  it("a rank list padded with entries that match nothing gives the same stable matching", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1, max: 7 }), (seed, nP, nV) => {
        // Without unranked visits or locks: an unranked visit's cost counts the list length, which padding changes.
        const inst = { ...tinyInstance(seed, nP, nV), options: { acceptUnranked: false } };
        // Padding after the list: unknown visits, a country without visits, the participant's own
        // country (never eligible), and repeats of entries already named (the first fixes the rank).
        const padded: PlacementInstance = {
          ...inst,
          participants: inst.participants.map((p, i) => ({
            ...p,
            preferences:
              p.preferences.length === 0
                ? []
                : [...p.preferences, { visit: `nowhere-${i}` }, { country: "JP" }, { country: p.country }, ...p.preferences, { visit: "v999" }],
          })),
        };
        const a = solvePlacement(inst, { mode: "stable", explain: false });
        const b = solvePlacement(padded, { mode: "stable", explain: false });
        expect(b.assignment).toEqual(a.assignment);
        expect(b.objective).toEqual(a.objective);
        sameAsFullNetwork(padded);
      }),
      { numRuns: 300 },
    );
  });
});
