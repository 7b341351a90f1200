/**
 * Exact min-cost maximum flow for the optimal mode: a maximum flow (greedy start, then Dinic),
 * then cost scaling (Goldberg & Tarjan 1990, "Finding minimum-cost circulations by successive
 * approximation"; implementation heuristics after Goldberg 1997, "An efficient implementation of
 * a scaling minimum-cost flow algorithm"; see also Ahuja, Magnanti & Orlin 1993, "Network Flows",
 * sec. 10.3).
 *
 * Network (residual.ts): S -> participant (cap 1) -> group = (visit, sending country) (cap 1 per
 * arc, cost = preference cost) -> visit (cap k) -> T (cap = remaining capacity). Phase 1 below is
 * maxflow.ts, phase 2 costscaling.ts.
 *
 * Objective. The instance's objective is preferenceCost + U * unplaced with U = 1 + the sum over
 * participants of their costliest arc (explain.ts): U exceeds any possible sum of placement
 * costs, so the optimum places as many as possible and, among those, minimises the cost. That is
 * exactly a min-cost *maximum* flow of the network above, which is what is computed here:
 *   1. a maximum flow F*: each participant takes their cheapest arc with room left (greedy),
 *      then Dinic's blocking flows on the residual network until T is unreachable;
 *   2. a min-cost flow of value F*: since the flow from 1 is feasible, cost scaling turns it into
 *      one of least cost. Costs are multiplied by K = n + 1 (n = node count); a flow is
 *      eps-optimal when some prices p give every residual arc a reduced cost
 *      c(u,w) + p(u) - p(w) >= -eps. Any flow is C-optimal (C = largest scaled cost) with p = 0;
 *      each `refine` divides eps by alpha (saturate the residual arcs of negative reduced cost,
 *      then push excess along admissible arcs (reduced cost < 0) and relabel nodes without one,
 *      FIFO), and at eps = 1 (i.e. 1/K < 1/n in the original costs) the flow is optimal
 *      (AMO Lemma 10.2 / Goldberg & Tarjan Thm. 3.3: integer costs). S and T are ordinary nodes
 *      of the circulation, so the flow value stays F*.
 * All quantities are integers (prices are exact integers in doubles), so the result is exact;
 * there is no randomness and the arc order is the canonical one of prepare.ts, so it is
 * deterministic and independent of the input order.
 *
 * Small networks (at most SSP_MAX_ARCS arcs) use successive shortest paths instead (ssp.ts), and
 * larger ones the network simplex of simplex.ts (faster than phases 1 and 2 on every benchmark
 * instance, see FlowMethod), all with the same result value (exact optimum of the same objective).
 * Phases 1 and 2 stay as the "scaling" method, which the tests compare against.
 *
 * Complexity: max flow O(m sqrt n) (unit capacities out of S); cost scaling
 * O(n^2 m log(nC)) in the worst case, in practice a few relabels per node per refine, and
 * log_alpha(nC) refines (about 6 to 8 here with preference costs <= ~130). Memory: typed arrays,
 * O(n + m).
 */
import { costScale } from "./costscaling";
import { maxFlow } from "./maxflow";
import type { Prepared } from "./prepare";
import { buildResidual } from "./residual";
import { networkSimplexPlacement } from "./simplex";
import { successiveShortestPaths } from "./ssp";

/**
 * Up to this many participant arcs, successive shortest paths (ssp.ts) replaces the network
 * simplex. Measured 2026-12-06 (process CPU, interleaved, generated editions with countryCap 3
 * or 4): 0.13 vs 0.23 ms at 320 arcs, 0.61 vs 0.94 ms at 701 (the realistic benchmark edition),
 * about equal at 570, then 1.8 vs 1.2 ms at 1,462 arcs and 4.7 vs 2.4 ms at 2,462.
 */
export const SSP_MAX_ARCS = 1000;
/** ... and while the unplaced penalty U (the Dial bucket range of ssp.ts) stays small. */
const SSP_MAX_PENALTY = 1 << 20;

/**
 * The min-cost flow algorithm: "auto" (the default) picks by network size as measured (see
 * SSP_MAX_ARCS); the others force one, for the tests that compare them and for the benchmark.
 * "simplex" is simplex.ts (network simplex, LEMON's scheme with a warm start), "scaling" is
 * maxflow.ts + costscaling.ts, "ssp" is ssp.ts (small penalties only).
 */
export type FlowMethod = "auto" | "simplex" | "scaling" | "ssp";

/**
 * Measured on the benchmark instances (bench/placement.bench.ts, process CPU time, interleaved,
 * 2026-12-05): network simplex 78 / 755 / 1,620 ms against cost scaling 131 / 1,095 / 2,430 ms
 * (5,000 x 300 ranked, 5,000 x 300 all acceptable, clearinghouse 45,000 x 6,400), the same optimum
 * every time; above SSP_MAX_ARCS the network simplex is used. After its tuning (sparse pricing,
 * smaller blocks, 2026-12-06): 55 / 270 / 643 ms against 103 / 622 / 1,412 ms, same load.
 */
export interface FlowResult {
  /** Chosen arc per participant (canonical index), -1 when unplaced or locked. */
  assignArc: Int32Array;
  /** Value of the maximum flow (participants placed, locked ones excluded). */
  maxFlow: number;
  refines: number;
  pushes: number;
  relabels: number;
  priceUpdates: number;
  /** Network simplex pivots (0 for the other methods). */
  pivots: number;
}

export function solveMinCostMaxFlow(pr: Prepared, method: FlowMethod = "auto"): FlowResult {
  const P = pr.participants.length;
  const { arcStart } = pr;
  const assignArc = new Int32Array(P).fill(-1);
  const out: FlowResult = { assignArc, maxFlow: 0, refines: 0, pushes: 0, relabels: 0, priceUpdates: 0, pivots: 0 };
  if (pr.arcGroup.length === 0) return out;

  const small = pr.arcGroup.length <= SSP_MAX_ARCS && pr.unplacedPenalty <= SSP_MAX_PENALTY;
  if (method === "simplex" || (method === "auto" && !small)) {
    const r = networkSimplexPlacement(pr);
    assignArc.set(r.assignArc);
    out.maxFlow = r.placed;
    out.pivots = r.pivots;
    return out;
  }
  if (method === "ssp" || (method === "auto" && small)) {
    const r = successiveShortestPaths(pr);
    assignArc.set(r.assignArc);
    out.maxFlow = r.flow;
    return out;
  }
  const net = buildResidual(pr);
  // ---- 1. Maximum flow: greedy (cheapest arc with room), then Dinic.
  out.maxFlow = maxFlow(pr, net);
  // ---- 2. Cost scaling on the circulation (flow value stays F*).
  costScale(net, out);

  const { first, res } = net;
  for (let p = 0; p < P; p++)
    for (let a = arcStart[p]!, e = arcStart[p + 1]!, b = first[p]!; a < e; a++, b++)
      if (res[b] === 0) {
        assignArc[p] = a;
        break;
      }
  return out;
}
