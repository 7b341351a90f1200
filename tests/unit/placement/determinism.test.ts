/** Determinism: same input, same output; shuffled input arrays, same assignment. */
import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { solvePlacement, type PlacementInstance } from "~/domain/placement";
import { generateInstance, mulberry32 } from "~/domain/placement/generate";
import { tinyInstance } from "./helpers";

function shuffled<T>(xs: T[], seed: number): T[] {
  const rnd = mulberry32(seed);
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

const shuffle = (inst: PlacementInstance, seed: number): PlacementInstance => ({
  ...inst,
  participants: shuffled(inst.participants, seed),
  visits: shuffled(inst.visits, seed + 1),
});

describe("determinism", () => {
  it("same input twice gives identical output (both modes)", () => {
    const inst = generateInstance({ seed: 11, participants: 300, visits: 20, capacity: [5, 15], listLength: 6 });
    for (const mode of ["optimal", "stable"] as const)
      expect(JSON.stringify(solvePlacement(inst, { mode }))).toBe(JSON.stringify(solvePlacement(structuredClone(inst), { mode })));
  });

  it("shuffled participants and visits give the same assignment and objective", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e9 }), fc.integer({ min: 1, max: 1e9 }), (seed, shuffleSeed) => {
        const inst = tinyInstance(seed, 25, 5, { locked: true });
        for (const mode of ["optimal", "stable"] as const) {
          const a = solvePlacement(inst, { mode });
          const b = solvePlacement(shuffle(inst, shuffleSeed), { mode });
          expect(b.assignment).toEqual(a.assignment);
          expect(b.objective).toEqual(a.objective);
          expect(b.genderImbalance).toBe(a.genderImbalance);
          const byId = new Map(b.explanations.map((e) => [e.participantId, e]));
          for (const e of a.explanations) expect(byId.get(e.participantId)).toEqual(e);
        }
      }),
      { numRuns: 150 },
    );
  });

  it("a larger generated instance is order-independent too", () => {
    const inst = generateInstance({ seed: 5, participants: 800, visits: 40, capacity: [5, 20], countryCap: 3, listLength: 8 });
    for (const mode of ["optimal", "stable"] as const) {
      const a = solvePlacement(inst, { mode, explain: false });
      const b = solvePlacement(shuffle(inst, 99), { mode, explain: false });
      expect(b.assignment).toEqual(a.assignment);
    }
  });
});
