/**
 * Entry points of the placement engine (see index.ts for the public surface).
 *
 * solvePlacement(instance, { mode }) -> assignment, objective, explanations.
 *  - "optimal": exact min-cost maximum flow (flow.ts: Dinic, then cost scaling): most
 *    participants placed, then least total preference cost; then the gender-balance step (gender.ts), which keeps both unchanged.
 *  - "stable": participant-proposing deferred acceptance (stable.ts).
 * Both modes use the same acceptable arcs (prepare.ts), so the optimal mode places at least as
 * many; compareModes reports how many more and how many blocking pairs that costs.
 */
import { computeObjective, explainAll, visitsOf } from "./explain";
import { solveMinCostMaxFlow } from "./flow";
import { balanceGender, genderImbalance } from "./gender";
import { prepare, type Prepared } from "./prepare";
import { deferredAcceptance, findBlockingPairs, priorityKeys } from "./stable";
import type { Objective, PlacementInstance, PlacementMode, PlacementResult } from "./types";
import { validateInstance, type ValidationIssue } from "./validate";

export interface SolveOptions {
  mode?: PlacementMode;
  /** Build per-participant explanations (default true). */
  explain?: boolean;
}

/** Chosen arc per canonical participant for a prepared instance. */
export function solvePrepared(pr: Prepared, mode: PlacementMode): Int32Array {
  if (mode === "stable") return deferredAcceptance(pr);
  const { assignArc } = solveMinCostMaxFlow(pr);
  if (pr.options.genderBalance) balanceGender(pr, assignArc);
  return assignArc;
}

/**
 * Solves a validated instance (use `validateInstance` or `runPlacement` on untrusted data).
 * Never throws on a valid instance: participants who cannot be placed come back unplaced with
 * their blockers. Deterministic: same instance, or the same one with arrays shuffled, gives the
 * same result. Complexity: see flow.ts (optimal) and stable.ts (stable).
 */
export function solvePlacement(instance: PlacementInstance, opts: SolveOptions = {}): PlacementResult {
  const mode = opts.mode ?? "optimal";
  const pr = prepare(instance);
  const assignArc = solvePrepared(pr, mode);
  return buildResult(pr, assignArc, mode, instance, opts.explain ?? true);
}

function buildResult(
  pr: Prepared,
  assignArc: Int32Array,
  mode: PlacementMode,
  instance: PlacementInstance,
  explain: boolean,
): PlacementResult {
  const visitOf = visitsOf(pr, assignArc);
  const byId = new Map<string, string | null>();
  pr.participants.forEach((p, i) => byId.set(p.id, visitOf[i]! >= 0 ? pr.visits[visitOf[i]!]!.id : null));
  const assignment: Record<string, string | null> = {};
  for (const p of instance.participants) assignment[p.id] = byId.get(p.id) ?? null;
  let explanations: PlacementResult["explanations"] = [];
  if (explain) {
    const all = explainAll(pr, assignArc, mode, mode === "stable" ? priorityKeys(pr) : null);
    const ex = new Map(all.map((e) => [e.participantId, e]));
    explanations = instance.participants.map((p) => ex.get(p.id)!);
  }
  return {
    mode,
    assignment,
    objective: computeObjective(pr, assignArc),
    genderImbalance: genderImbalance(pr, visitOf),
    explanations,
  };
}

export type RunResult =
  | { ok: true; result: PlacementResult; instance: PlacementInstance }
  | { ok: false; issues: ValidationIssue[] };

/** Validates untrusted data, then solves it. Errors come back as data naming the field, never thrown. */
export function runPlacement(data: unknown, opts: SolveOptions = {}): RunResult {
  const v = validateInstance(data);
  if (!v.ok) return v;
  return { ok: true, result: solvePlacement(v.instance, opts), instance: v.instance };
}

/** Arc per canonical participant for an assignment given by ids; pairs without an arc are ignored. */
function arcsOfAssignment(pr: Prepared, assignment: Record<string, string | null>): Int32Array {
  const out = new Int32Array(pr.participants.length).fill(-1);
  pr.participants.forEach((p, i) => {
    const vid = assignment[p.id];
    if (vid == null || pr.lockedVisit[i]! >= 0) return;
    const v = pr.visitIndex.get(vid);
    for (let a = pr.arcStart[i]!; a < pr.arcStart[i + 1]!; a++) if (pr.arcVisit[a] === v) out[i] = a;
  });
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
  const opt = solvePrepared(pr, "optimal");
  const st = deferredAcceptance(pr, keys);
  const o = computeObjective(pr, opt);
  const s = computeObjective(pr, st);
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
