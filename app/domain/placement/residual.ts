/**
 * The flow network of the optimal mode (flow.ts) as a residual network in CSR form.
 *
 * Network: source S -> participant (cap 1) -> group = (visit, sending country) (cap 1 per arc,
 * cost = preference cost) -> visit (cap k, the per-country cap) -> sink T (cap = remaining
 * capacity). A group whose cap is not below the visit's remaining capacity (no cap k, or k large)
 * can never bind, so its arcs go straight to the visit node (fewer nodes; nothing else changes).
 *
 * Nodes: participants 0 .. P-1, groups P .. P+G-1, visits P+G .. P+G+V-1, then T and S. Costs are
 * stored multiplied by K = n + 1 (n = node count) for cost scaling (see costscaling.ts).
 * O(n + m) time and memory (typed arrays).
 */
import type { Prepared } from "./prepare";

export interface Residual {
  /** Node count, sink, source, first visit node. */
  N: number;
  T: number;
  S: number;
  VN: number;
  /** Node that the arcs into group g point at: g itself, or its visit when the cap cannot bind. */
  gNode: Int32Array;
  /** Arcs of node u are [first[u], first[u+1]): head, residual capacity, scaled cost, sister (reverse) arc. */
  first: Int32Array;
  head: Int32Array;
  res: Int32Array;
  cost: Float64Array;
  sister: Int32Array;
  /** Arc S -> p per participant, -1 when p has no arcs. */
  sArc: Int32Array;
  /** Cost scale factor K = N + 1, and the largest (unscaled) arc cost. */
  K: number;
  maxCost: number;
}

/** Builds the residual network of `pr` (with at least one arc), all flows zero. */
export function buildResidual(pr: Prepared): Residual {
  const P = pr.participants.length;
  const G = pr.groupVisit.length;
  const V = pr.visits.length;
  const GN = P; // first group node
  const VN = P + G; // first visit node
  const T = P + G + V;
  const S = T + 1;
  const N = S + 1;
  const { arcStart, arcGroup, arcCost, groupVisit, groupCap, visitCap } = pr;
  const M = arcGroup.length;

  // Node that the arcs into group g point at: g itself, or its visit when the cap cannot bind.
  const gNode = new Int32Array(G);
  for (let g = 0; g < G; g++) {
    const v = groupVisit[g]!;
    gNode[g] = groupCap[g]! >= visitCap[v]! ? VN + v : GN + g;
  }

  // ---- Residual network in CSR form: arcs grouped by tail, each with its sister (reverse) arc.
  // Insertion order puts each node's forward arcs first: v -> T, g -> v, p -> g (in the
  // participant's (cost, visit id) order), S -> p.
  const first = new Int32Array(N + 1);
  for (let p = 0; p < P; p++) {
    const d = arcStart[p + 1]! - arcStart[p]!;
    if (d > 0) {
      first[p + 1]! += d + 1;
      first[S + 1]!++;
    }
  }
  for (let a = 0; a < M; a++) first[gNode[arcGroup[a]!]! + 1]!++;
  for (let g = 0; g < G; g++)
    if (gNode[g] === GN + g) {
      first[GN + g + 1]!++;
      first[VN + groupVisit[g]! + 1]!++;
    }
  for (let v = 0; v < V; v++) {
    first[VN + v + 1]!++;
    first[T + 1]!++;
  }
  for (let u = 0; u < N; u++) first[u + 1]! += first[u]!;
  const A = first[N]!;
  const head = new Int32Array(A);
  const res = new Int32Array(A);
  const cost = new Float64Array(A);
  const sister = new Int32Array(A);
  const fill = first.slice(0, N);
  const K = N + 1;
  let maxCost = 0;
  const addArc = (u: number, w: number, cap: number, c: number): number => {
    const a = fill[u]!++;
    const b = fill[w]!++;
    head[a] = w;
    head[b] = u;
    res[a] = cap;
    cost[a] = c * K;
    cost[b] = -c * K;
    sister[a] = b;
    sister[b] = a;
    if (c > maxCost) maxCost = c;
    return a;
  };
  for (let v = 0; v < V; v++) addArc(VN + v, T, visitCap[v]!, 0);
  for (let g = 0; g < G; g++) if (gNode[g] === GN + g) addArc(GN + g, VN + groupVisit[g]!, groupCap[g]!, 0);
  for (let p = 0; p < P; p++) for (let a = arcStart[p]!, e = arcStart[p + 1]!; a < e; a++) addArc(p, gNode[arcGroup[a]!]!, 1, arcCost[a]!);
  const sArc = new Int32Array(P).fill(-1);
  for (let p = 0; p < P; p++) if (arcStart[p + 1]! > arcStart[p]!) sArc[p] = addArc(S, p, 1, 0);
  return { N, T, S, VN, gNode, first, head, res, cost, sister, sArc, K, maxCost };
}
