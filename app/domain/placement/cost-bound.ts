/**
 * Whether an instance's weights keep every number the engine computes exact. Costs are integers
 * (points): a participant's arc costs at most `rank * (list length) + theme * (their themes)`
 * (eligibility.ts), stored as 32-bit integers (prepare.ts) and packed with the visit index into
 * one double key (`cost * span + visit`, lists.ts, span >= 2^21). The unplaced penalty U is the
 * sum of every participant's largest cost plus one (prepare.ts), and the network simplex's
 * potentials reach about 2 (U + 1) times the node count (simplex.ts), which must stay below 2^53
 * (Number.MAX_SAFE_INTEGER) for the optimum to be exact. Weights are relative, so an instance
 * past these bounds can always be solved with both weights divided by a common factor.
 *
 * Pure; O(participants + visits). Used by validate.ts (the zod refinement names the field) and
 * validate-fast.ts (false sends the instance to the schema for the message).
 */

import { keySpan } from "./lists";
import { DEFAULT_WEIGHTS } from "./validate";

/** Largest cost of one placement that the engine's 32-bit cost arrays hold. */
const MAX_ARC_COST = 0x7fffffff;

interface CostInput {
  participants: ReadonlyArray<{ country: string; preferences: ReadonlyArray<unknown>; themes?: ReadonlyArray<unknown> }>;
  visits: ReadonlyArray<unknown>;
  weights?: { rank?: number; theme?: number };
}

/**
 * Null when the costs of `inst` (already valid in shape) are exact; otherwise why not, in English,
 * for the `weights` field. Missing weights take the defaults (validate.ts DEFAULT_WEIGHTS).
 */
export function costBoundProblem(inst: CostInput): string | null {
  const wr = inst.weights?.rank ?? DEFAULT_WEIGHTS.rank;
  const wt = inst.weights?.theme ?? DEFAULT_WEIGHTS.theme;
  const V = inst.visits.length;
  const span = keySpan(V);
  const maxArc = Math.min(MAX_ARC_COST, Math.floor(Number.MAX_SAFE_INTEGER / span));
  let sum = 1;
  const countries = new Set<string>();
  for (let i = 0; i < inst.participants.length; i++) {
    const p = inst.participants[i]!;
    const c = wr * p.preferences.length + wt * (p.themes?.length ?? 0);
    if (c > maxArc)
      return `weights too large for participants[${i}] (a placement would cost ${c} points, above ${maxArc}): divide both weights by a common factor`;
    sum += c;
    countries.add(p.country);
  }
  // Nodes: participants, (visit, sending country) groups, visits, the sink.
  const nodes = inst.participants.length + V * (countries.size + 1) + 1;
  if (2 * (sum + 1) * (nodes + 1) > Number.MAX_SAFE_INTEGER)
    return "weights too large for an exact solve of this many participants (the unplaced penalty would pass 2^53 / nodes): divide both weights by a common factor";
  return null;
}
