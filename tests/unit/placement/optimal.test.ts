/**
 * The optimal mode against two independent solvers on random instances: brute force (tiny
 * instances) and HiGHS (a MIP of the same assignment, in CPLEX LP format). The objective is
 * lexicographic: most placed first, then least preference cost; both are compared.
 */
import { describe, it, expect, beforeAll } from "vitest";
import fc from "fast-check";
import { solvePlacement, type PlacementInstance } from "~/domain/placement";
import { naiveCost, naiveCostAny, naiveEligible, tinyInstance } from "./helpers";

type Highs = { solve(lp: string, opts?: object): { Status: string; ObjectiveValue: number } };
let highs: Highs;
beforeAll(async () => {
  highs = (await (await import("highs")).default()) as unknown as Highs;
});

/** Acceptable (participant, visit, cost) triples of free participants, and the seats left after locks. */
function model(inst: PlacementInstance) {
  const locked = inst.locked ?? {};
  const arcs: Array<{ p: number; v: number; cost: number }> = [];
  inst.participants.forEach((p, pi) => {
    if (locked[p.id] !== undefined) return;
    inst.visits.forEach((v, vi) => {
      const c = naiveCost(inst, p, v);
      if (c !== null && naiveEligible(p, v)) arcs.push({ p: pi, v: vi, cost: c });
    });
  });
  const seats = inst.visits.map((v) => v.capacity - Object.values(locked).filter((x) => x === v.id).length);
  const capLeft = (vi: number, country: string) => {
    const v = inst.visits[vi]!;
    if (v.countryCap == null) return Infinity;
    const n = Object.entries(locked).filter(([pid, vid]) => vid === v.id && inst.participants.find((p) => p.id === pid)!.country === country).length;
    return v.countryCap - n;
  };
  let lockedCost = 0;
  for (const [pid, vid] of Object.entries(locked))
    lockedCost += naiveCostAny(
      inst,
      inst.participants.find((p) => p.id === pid)!,
      inst.visits.find((v) => v.id === vid)!,
    );
  return { arcs, seats, capLeft, lockedCost, nLocked: Object.keys(locked).length };
}

function bruteForce(inst: PlacementInstance): { placed: number; cost: number } {
  const { arcs, seats, capLeft, lockedCost, nLocked } = model(inst);
  const free = inst.participants.map((_, i) => i).filter((i) => inst.locked?.[inst.participants[i]!.id] === undefined);
  const options = free.map((pi) => [null, ...arcs.filter((a) => a.p === pi)]);
  let best = { placed: -1, cost: Infinity };
  const load = seats.map(() => 0);
  const group = new Map<string, number>();
  const rec = (i: number, placed: number, cost: number) => {
    if (i === free.length) {
      if (placed > best.placed || (placed === best.placed && cost < best.cost)) best = { placed, cost };
      return;
    }
    for (const o of options[i]!) {
      if (o === null) {
        rec(i + 1, placed, cost);
        continue;
      }
      const country = inst.participants[o.p]!.country;
      const key = `${o.v}|${country}`;
      if (load[o.v]! + 1 > seats[o.v]! || (group.get(key) ?? 0) + 1 > capLeft(o.v, country)) continue;
      load[o.v]!++;
      group.set(key, (group.get(key) ?? 0) + 1);
      rec(i + 1, placed + 1, cost + o.cost);
      load[o.v]!--;
      group.set(key, group.get(key)! - 1);
    }
  };
  rec(0, 0, 0);
  return { placed: best.placed + nLocked, cost: best.cost + lockedCost };
}

function viaHighs(inst: PlacementInstance): { placed: number; cost: number } {
  const { arcs, seats, capLeft, lockedCost, nLocked } = model(inst);
  const free = inst.participants.map((_, i) => i).filter((i) => inst.locked?.[inst.participants[i]!.id] === undefined);
  // Big-M of our own: larger than any sum of placement costs, so placing comes first.
  const U = 1 + arcs.reduce((s, a) => s + a.cost, 0);
  const obj = [...arcs.map((a, i) => `${a.cost} x${i}`), ...free.map((pi) => `${U} y${pi}`)].join(" + ");
  const rows: string[] = [];
  for (const pi of free) rows.push(` p${pi}: ${[...arcs.map((a, i) => (a.p === pi ? `x${i}` : "")).filter(Boolean), `y${pi}`].join(" + ")} = 1`);
  inst.visits.forEach((v, vi) => {
    const xs = arcs.map((a, i) => (a.v === vi ? `x${i}` : "")).filter(Boolean);
    if (xs.length) rows.push(` v${vi}: ${xs.join(" + ")} <= ${Math.max(0, seats[vi]!)}`);
    for (const c of new Set(inst.participants.map((p) => p.country))) {
      const cap = capLeft(vi, c);
      const gx = arcs.map((a, i) => (a.v === vi && inst.participants[a.p]!.country === c ? `x${i}` : "")).filter(Boolean);
      if (gx.length && cap !== Infinity) rows.push(` g${vi}_${c}: ${gx.join(" + ")} <= ${Math.max(0, cap)}`);
    }
  });
  const cols = [...arcs.map((_, i) => `x${i}`), ...free.map((pi) => `y${pi}`)];
  const lp = `Minimize\n obj: ${obj || "0 y0"}\nSubject To\n${rows.join("\n") || " dummy: y0 >= 0"}\nBounds\n${cols.map((c) => ` 0 <= ${c} <= 1`).join("\n")}\nGeneral\n ${cols.join(" ")}\nEnd\n`;
  if (free.length === 0) return { placed: nLocked, cost: lockedCost };
  const r = highs.solve(lp);
  expect(r.Status).toBe("Optimal");
  const value = Math.round(r.ObjectiveValue);
  const unplaced = Math.floor(value / U);
  return { placed: free.length - unplaced + nLocked, cost: (value % U) + lockedCost };
}

/** Every min-cost flow method of flow.ts must reach the same optimum ("auto" picks one by size). */
const METHODS = ["auto", "simplex", "scaling"] as const;

describe.each(METHODS)("optimal mode is exact (flow method %s)", (flowMethod) => {
  it("matches brute force on 300 tiny random instances", () => {
    for (let seed = 1; seed <= 300; seed++) {
      const inst = tinyInstance(seed, 2 + (seed % 5), 1 + (seed % 3), { locked: true, weights: seed % 2 === 0 });
      const res = solvePlacement(inst, { explain: false, flowMethod });
      const bf = bruteForce(inst);
      expect({ seed, placed: res.objective.placed, cost: res.objective.preferenceCost }).toEqual({ seed, ...bf });
    }
  });

  it("matches HiGHS on 150 small random instances", () => {
    for (let seed = 1000; seed < 1150; seed++) {
      const inst = tinyInstance(seed, 8 + (seed % 25), 2 + (seed % 6), { locked: true, weights: seed % 3 === 0 });
      const res = solvePlacement(inst, { explain: false, flowMethod });
      const h = viaHighs(inst);
      expect({ seed, placed: res.objective.placed, cost: res.objective.preferenceCost }).toEqual({ seed, ...h });
    }
  });

  it("matches HiGHS on a few mid-size generated instances", async () => {
    const { generateInstance } = await import("~/domain/placement/generate");
    for (let seed = 1; seed <= 3; seed++) {
      const inst = generateInstance({ seed, participants: 60, visits: 8, capacity: [2, 8], countryCap: 2, listLength: 4, countries: 6 });
      const res = solvePlacement(inst, { explain: false, flowMethod });
      const h = viaHighs(inst);
      expect({ placed: res.objective.placed, cost: res.objective.preferenceCost }).toEqual(h);
    }
  });
});

describe("optimal mode: the flow methods agree", () => {
  it("network simplex, cost scaling and successive shortest paths give the same objective (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e9 }), fc.integer({ min: 2, max: 40 }), fc.integer({ min: 1, max: 8 }), (seed, nP, nV) => {
        const inst = tinyInstance(seed, nP, nV, { locked: true, weights: seed % 2 === 0 });
        const [a, b, c] = (["simplex", "scaling", "ssp"] as const).map((m) => solvePlacement(inst, { explain: false, flowMethod: m }).objective);
        expect(a).toEqual(b);
        expect(a).toEqual(c);
      }),
      { numRuns: 300 },
    );
  });

  it("successive shortest paths keeps every seat and cap, and matches the simplex, on oversubscribed editions", async () => {
    // More participants than seats and tight caps: searches swap placed participants out
    // (reverse arcs), and the shortcut (room on the cheapest arc) stops applying as visits fill.
    const { generateInstance } = await import("~/domain/placement/generate");
    for (let seed = 1; seed <= 8; seed++) {
      const countryCap = seed % 3 === 0 ? null : 1 + (seed % 3);
      const inst = generateInstance({ seed, participants: 240, visits: 12, capacity: [4, 14], countryCap, listLength: 3 + (seed % 4) });
      const ssp = solvePlacement(inst, { explain: false, flowMethod: "ssp" });
      const simplex = solvePlacement(inst, { explain: false, flowMethod: "simplex" });
      expect({ seed, ...ssp.objective }).toEqual({ seed, ...simplex.objective });
      expect(ssp.objective.unplaced).toBeGreaterThan(0);
      const perVisit = new Map<string, number>();
      const perGroup = new Map<string, number>();
      const country = new Map(inst.participants.map((p) => [p.id, p.country]));
      for (const [pid, vid] of Object.entries(ssp.assignment)) {
        if (vid === null) continue;
        perVisit.set(vid, (perVisit.get(vid) ?? 0) + 1);
        const g = `${vid}/${country.get(pid)}`;
        perGroup.set(g, (perGroup.get(g) ?? 0) + 1);
      }
      for (const v of inst.visits) expect(perVisit.get(v.id) ?? 0).toBeLessThanOrEqual(v.capacity);
      for (const [g, n] of perGroup) expect(n, g).toBeLessThanOrEqual(inst.visits.find((v) => v.id === g.split("/")[0])!.countryCap ?? Infinity);
    }
  });

  it("agree on generated instances large enough for the simplex to be chosen, with and without caps", async () => {
    const { generateInstance } = await import("~/domain/placement/generate");
    for (const [seed, countryCap, acceptUnranked] of [
      [1, 3, false],
      [2, null, false],
      [3, 2, true],
    ] as const) {
      const inst = generateInstance({ seed, participants: 700, visits: 40, capacity: [3, 15], countryCap, listLength: 8, acceptUnranked });
      const auto = solvePlacement(inst, { explain: false });
      const scaling = solvePlacement(inst, { explain: false, flowMethod: "scaling" });
      expect(auto.objective).toEqual(scaling.objective);
    }
  });
});

describe("optimal mode: a penalty beyond 32 bits", () => {
  it("the network simplex gives the same placements when the unplaced penalty exceeds 2^31 (its costs then stay doubles)", async () => {
    const { generateInstance } = await import("~/domain/placement/generate");
    const inst = generateInstance({ seed: 5, participants: 300, visits: 20, capacity: [3, 12], countryCap: 2, listLength: 6 });
    const small = solvePlacement({ ...inst, weights: { rank: 1, theme: 0 } }, { explain: false, flowMethod: "simplex" }).objective;
    // With rank weight W the penalty is 1 + W * S. Pick W (arc costs up to 5 W stay below 2^31)
    // so that the penalty's low 32 bits read as a negative int32: a 32-bit cost array would then
    // make leaving people unplaced pay, and the placements would differ.
    const S = BigInt(small.unplacedPenalty - 1);
    let W = 2 ** 25;
    while (((1n + BigInt(W) * S) & 0xffffffffn) < 0x80000000n) W++;
    const big = solvePlacement({ ...inst, weights: { rank: W, theme: 0 } }, { explain: false, flowMethod: "simplex" }).objective;
    expect(big.unplacedPenalty).toBeGreaterThan(2 ** 31);
    expect(5 * W).toBeLessThan(2 ** 31);
    expect(big.placed).toBe(small.placed);
    expect(big.preferenceCost).toBe(small.preferenceCost * W);
  });
});

describe("optimal mode", () => {
  it("reports the value as preferenceCost + penalty * unplaced with a penalty above any sum of costs", () => {
    const inst = tinyInstance(7, 6, 2);
    const { objective: o } = solvePlacement(inst, { explain: false });
    expect(o.value).toBe(o.preferenceCost + o.unplacedPenalty * o.unplaced);
    expect(o.placed + o.unplaced).toBe(inst.participants.length);
  });
});
