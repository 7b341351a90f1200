/**
 * Entry points of the placement engine (see index.ts for the public surface).
 *
 * solvePlacement(instance, { mode }) -> assignment, objective, explanations.
 *  - "optimal": exact min-cost maximum flow (flow.ts: Dinic, then cost scaling): most
 *    participants placed, then least total preference cost; then the gender-balance step (gender.ts), which keeps both unchanged.
 *  - "stable": participant-proposing deferred acceptance (stable.ts `stableMatch`), on the
 *    interned instance (base.ts `prepareBase`) with lists built as proposals need them.
 * Both modes use the same acceptable visits (prepare.ts), so the optimal mode places at least as
 * many; compareModes reports how many more and how many blocking pairs that costs.
 */
import { prepareBase, type Base } from "./base";
import { computeObjective, costsOf, explainAll, visitsOf } from "./explain";
import { solveMinCostMaxFlow, type FlowMethod } from "./flow";
import { balanceGender, genderImbalance } from "./gender";
import { buildNetwork, prepare, type Prepared } from "./prepare";
import { priorityKeys, priorityOf } from "./priority";
import { stableMatch } from "./stable";
import { findBlockingPairs } from "./stable-network";
import type { Objective, PlacementInstance, PlacementMode, PlacementResult } from "./types";
import { validateInstance, type ValidationIssue } from "./validate";

export interface SolveOptions {
  mode?: PlacementMode;
  /** Build per-participant explanations (default true). */
  explain?: boolean;
  /** Min-cost flow algorithm of the optimal mode (default "auto": by size, see flow.ts); the same optimum whichever. */
  flowMethod?: FlowMethod;
}

/** Chosen arc per canonical participant for a prepared instance (optimal mode). */
export function solvePrepared(pr: Prepared, method: FlowMethod = "auto"): Int32Array {
  const { assignArc } = solveMinCostMaxFlow(pr, method);
  if (pr.options.genderBalance) balanceGender(pr, assignArc);
  return assignArc;
}

interface Solved {
  base: Base;
  /** Visit and preference cost per canonical participant (-1 / 0 when unplaced). */
  visitOf: Int32Array;
  costOf: Int32Array;
  unplacedPenalty: number;
}

function solveBase(base: Base, mode: PlacementMode, method: FlowMethod = "auto"): Solved {
  if (mode === "stable") {
    const m = stableMatch(base);
    return { base, visitOf: m.visitOf, costOf: m.costOf, unplacedPenalty: m.unplacedPenalty };
  }
  const pr = buildNetwork(base);
  const assignArc = solvePrepared(pr, method);
  return { base, visitOf: visitsOf(pr, assignArc), costOf: costsOf(pr, assignArc), unplacedPenalty: pr.unplacedPenalty };
}

/**
 * Solves a validated instance (use `validateInstance` or `runPlacement` on untrusted data).
 * Never throws on a valid instance: participants who cannot be placed come back unplaced with
 * their blockers. Deterministic: same instance, or the same one with arrays shuffled, gives the
 * same result. Complexity: see flow.ts (optimal) and stable.ts (stable).
 */
export function solvePlacement(instance: PlacementInstance, opts: SolveOptions = {}): PlacementResult {
  const mode = opts.mode ?? "optimal";
  const solved = solveBase(prepareBase(instance), mode, opts.flowMethod);
  return buildResult(solved, mode, instance, opts.explain ?? true);
}

function buildResult(s: Solved, mode: PlacementMode, instance: PlacementInstance, explain: boolean): PlacementResult {
  const { base, visitOf, costOf } = s;
  const assignment: Record<string, string | null> = {};
  const ps = base.participants;
  const visitId = (i: number) => (visitOf[i]! >= 0 ? base.visits[visitOf[i]!]!.id : null);
  // Input already in canonical (id) order, the common case: no map from id to index needed.
  let sameOrder = ps.length === instance.participants.length;
  for (let i = 0; i < ps.length && sameOrder; i++) sameOrder = ps[i] === instance.participants[i];
  if (sameOrder) for (let i = 0; i < ps.length; i++) assignment[ps[i]!.id] = visitId(i);
  else {
    const byId = new Map<string, string | null>();
    ps.forEach((p, i) => byId.set(p.id, visitId(i)));
    for (const p of instance.participants) assignment[p.id] = byId.get(p.id) ?? null;
  }
  let explanations: PlacementResult["explanations"] = [];
  if (explain) {
    const all = explainAll(base, visitOf, costOf, mode, mode === "stable" ? priorityOf(base) : null);
    const ex = new Map(all.map((e) => [e.participantId, e]));
    explanations = instance.participants.map((p) => ex.get(p.id)!);
  }
  return {
    mode,
    assignment,
    objective: computeObjective(visitOf, costOf, s.unplacedPenalty),
    genderImbalance: genderImbalance(base, visitOf),
    explanations,
  };
}

export type RunResult = { ok: true; result: PlacementResult; instance: PlacementInstance } | { ok: false; issues: ValidationIssue[] };

/** Validates untrusted data, then solves it. Errors come back as data naming the field, never thrown. */
export function runPlacement(data: unknown, opts: SolveOptions = {}): RunResult {
  const v = validateInstance(data);
  if (!v.ok) return v;
  return { ok: true, result: solvePlacement(v.instance, opts), instance: v.instance };
}

/** Arc per canonical participant for an assignment given by ids; pairs without an arc are ignored. */
function arcsOfAssignment(pr: Prepared, assignment: Record<string, string | null>): Int32Array {
  const visitOf = new Int32Array(pr.participants.length).fill(-1);
  pr.participants.forEach((p, i) => {
    const vid = assignment[p.id];
    if (vid != null) visitOf[i] = pr.visitIndex.get(vid) ?? -1;
  });
  return arcsOfVisits(pr, visitOf);
}

/** Arc per canonical participant for a visit per participant (locked and arc-less ones: -1). */
function arcsOfVisits(pr: Prepared, visitOf: Int32Array): Int32Array {
  const out = new Int32Array(pr.participants.length).fill(-1);
  for (let i = 0; i < out.length; i++) {
    const v = visitOf[i]!;
    if (v < 0 || pr.lockedVisit[i]! >= 0) continue;
    for (let a = pr.arcStart[i]!; a < pr.arcStart[i + 1]!; a++) if (pr.arcVisit[a] === v) out[i] = a;
  }
  return out;
}

/**
 * Blocking pairs of any assignment (e.g. the optimal mode's) under the stable mode's
 * preferences and priorities: pairs (participant, visit) where the participant strictly prefers
 * the visit (lower cost; `strictTies` also counts the visit-id tie-break) and the visit would
 * take them. O(arcs).
 */
export function blockingPairs(
  instance: PlacementInstance,
  assignment: Record<string, string | null>,
  opts: { strictTies?: boolean } = {},
): Array<{ participantId: string; visitId: string }> {
  const pr = prepare(instance);
  const arcs = arcsOfAssignment(pr, assignment);
  return findBlockingPairs(pr, arcs, opts).map((b) => ({
    participantId: pr.participants[b.participant]!.id,
    visitId: pr.visits[pr.arcVisit[b.arc]!]!.id,
  }));
}

export interface ModeComparison {
  optimal: Objective;
  stable: Objective;
  /** How many more participants the optimal mode places (>= 0). */
  extraPlaced: number;
  /** Preference cost of the optimal minus that of the stable mode (points; may be negative). */
  extraCost: number;
  /** Blocking pairs of the optimal result under the stable mode's preferences and priorities. */
  blockingPairsOptimal: number;
  /** Participants in at least one such blocking pair. */
  participantsWithJustifiedEnvy: number;
  /** Blocking pairs of the stable result (0 by construction; reported as a check). */
  blockingPairsStable: number;
}

/** Runs both modes on one instance and reports what the optimal mode gains and what stability it costs. */
export function compareModes(instance: PlacementInstance): ModeComparison {
  const pr = prepare(instance);
  const keys = priorityKeys(pr);
  const opt = solvePrepared(pr);
  const stable = stableMatch(pr);
  const st = arcsOfVisits(pr, stable.visitOf);
  const o = computeObjective(visitsOf(pr, opt), costsOf(pr, opt), pr.unplacedPenalty);
  const s = computeObjective(stable.visitOf, stable.costOf, stable.unplacedPenalty);
  const bo = findBlockingPairs(pr, opt, { keys });
  return {
    optimal: o,
    stable: s,
    extraPlaced: o.placed - s.placed,
    extraCost: o.preferenceCost - s.preferenceCost,
    blockingPairsOptimal: bo.length,
    participantsWithJustifiedEnvy: new Set(bo.map((b) => b.participant)).size,
    blockingPairsStable: findBlockingPairs(pr, st, { keys }).length,
  };
}
