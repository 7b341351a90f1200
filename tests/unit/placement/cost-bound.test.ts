/**
 * The weights guard (cost-bound.ts): weights that would make a cost inexact are refused at
 * `weights` by validation (both the fast path and the schema), and the tests show what they
 * would have broken: 32-bit arc costs that wrap to negative numbers.
 */
import { describe, expect, it } from "vitest";
import { prepare } from "~/domain/placement/prepare";
import { validateInstance, type PlacementInstance } from "~/domain/placement";
import { costBoundProblem } from "~/domain/placement/cost-bound";

const MILLION = 1_000_000;
import { fastValid } from "~/domain/placement/validate-fast";

/** One participant whose list names `length - 1` countries that host nothing, then the one visit. */
function longList(length: number, weights: PlacementInstance["weights"]): PlacementInstance {
  const preferences = [...Array.from({ length: length - 1 }, () => ({ country: "JP" })), { visit: "v1" }];
  return {
    participants: [{ id: "p1", country: "LA", languages: ["en"], availability: { from: "2027-05-01", to: "2027-05-31" }, preferences, themes: ["water"] }],
    visits: [{ id: "v1", hostCountry: "TH", arrival: "2027-05-10", departure: "2027-05-16", capacity: 1, languages: ["en"] }],
    weights,
    options: { acceptUnranked: true },
  };
}

describe("cost bound of the weights", () => {
  it("accepts large weights on an ordinary instance", () => {
    const inst = longList(12, { rank: 2 ** 26, theme: MILLION });
    expect(fastValid(inst)).toBe(true);
    expect(validateInstance(inst).ok).toBe(true);
  });

  it("refuses a weight that alone passes 2^31 points, at weights", () => {
    const inst = longList(3, { rank: 2 ** 30 });
    expect(fastValid(inst)).toBe(false);
    const r = validateInstance(inst);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.map((i) => i.path)).toEqual(["weights"]);
  });

  it("refuses weights whose costs would wrap the 32-bit cost arrays, and shows the wrap it prevents", () => {
    // 1,000,000 x 2,200 ranks = 2.2e9 points > 2^31 - 1.
    const inst = longList(2200, { rank: MILLION, theme: 1 });
    expect(fastValid(inst)).toBe(false);
    const r = validateInstance(inst);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.issues).toHaveLength(1);
      expect(r.issues[0]!.path).toBe("weights");
      expect(r.issues[0]!.message).toMatch(/participants\[0\].*divide both weights/);
    }
    // Without the guard: the visit's cost (rank 2,199) is 2.199e9 points, stored as a negative
    // 32-bit integer, so the engine would see a placement that pays the organizer.
    expect(prepare(inst).arcCost[0]).toBeLessThan(0);
  });

  it("refuses weights whose unplaced penalty times the node count would pass 2^53 (pure check)", () => {
    const participants = Array.from({ length: 3000 }, (_, i) => ({ country: i % 2 ? "LA" : "KH", preferences: { length: 1000 } as unknown[] }));
    const visits = new Array(100);
    expect(costBoundProblem({ participants, visits, weights: { rank: 1000 } })).toBeNull();
    expect(costBoundProblem({ participants, visits, weights: { rank: MILLION } })).toMatch(/2\^53/);
  });
});
