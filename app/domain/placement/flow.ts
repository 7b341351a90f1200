/**
 * Exact min-cost maximum flow for the optimal mode: a maximum flow (greedy start, then Dinic),
 * then cost scaling (Goldberg & Tarjan 1990, "Finding minimum-cost circulations by successive
 * approximation"; implementation heuristics after Goldberg 1997, "An efficient implementation of
 * a scaling minimum-cost flow algorithm"; see also Ahuja, Magnanti & Orlin 1993, "Network Flows",
 * sec. 10.3).
 *
 * Network: source S -> participant (cap 1) -> group = (visit, sending country) (cap 1 per arc,
 * cost = preference cost) -> visit (cap k, the per-country cap) -> sink T (cap = remaining
 * capacity). A group whose cap is not below the visit's remaining capacity (no cap k, or k large)
 * can never bind, so its arcs go straight to the visit node (fewer nodes; nothing else changes).
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
 * Global price updates (a Dial bucket Dijkstra from the deficit nodes, arc length
 * floor(reduced cost / eps) + 1) run at the start of each refine and after every ~n relabels;
 * they keep eps-optimality and spare most of the relabel "price wars" on oversubscribed visits.
 * All quantities are integers (prices are exact integers in doubles), so the result is exact;
 * there is no randomness and the arc order is the canonical one of prepare.ts, so it is
 * deterministic and independent of the input order.
 *
 * Complexity: max flow O(m sqrt n) (unit capacities out of S); cost scaling
 * O(n^2 m log(nC)) in the worst case, in practice a few relabels per node per refine, and
 * log_alpha(nC) refines (about 6 to 8 here with preference costs <= ~130). Memory: typed arrays,
 * O(n + m).
 */
import type { Prepared } from "./prepare";

export interface FlowResult {
  /** Chosen arc per participant (canonical index), -1 when unplaced or locked. */
  assignArc: Int32Array;
  /** Value of the maximum flow (participants placed, locked ones excluded). */
  maxFlow: number;
  refines: number;
  pushes: number;
  relabels: number;
  priceUpdates: number;
}

/** Scaling factor of eps per refine. */
const ALPHA = 8;

export function solveMinCostMaxFlow(pr: Prepared): FlowResult {
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
  const assignArc = new Int32Array(P).fill(-1);
  const out: FlowResult = { assignArc, maxFlow: 0, refines: 0, pushes: 0, relabels: 0, priceUpdates: 0 };
  if (M === 0) return out;

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
  for (let p = 0; p < P; p++)
    for (let a = arcStart[p]!, e = arcStart[p + 1]!; a < e; a++) addArc(p, gNode[arcGroup[a]!]!, 1, arcCost[a]!);
  const sArc = new Int32Array(P).fill(-1);
  for (let p = 0; p < P; p++) if (arcStart[p + 1]! > arcStart[p]!) sArc[p] = addArc(S, p, 1, 0);
  const push1 = (a: number) => {
    res[a]!--;
    res[sister[a]!]!++;
  };

  // ---- 1. Maximum flow: greedy (cheapest arc with room), then Dinic.
  let flow = 0;
  for (let p = 0; p < P; p++) {
    for (let a = arcStart[p]!, e = arcStart[p + 1]!; a < e; a++) {
      const g = arcGroup[a]!;
      const gn = gNode[g]!;
      const va = first[VN + groupVisit[g]!]!; // v -> T
      const ga = gn < VN ? first[gn]! : -1; // g -> v
      if (res[va]! > 0 && (ga < 0 || res[ga]! > 0)) {
        push1(sArc[p]!);
        push1(first[p]! + (a - arcStart[p]!));
        if (ga >= 0) push1(ga);
        push1(va);
        flow++;
        break;
      }
    }
  }
  const level = new Int32Array(N);
  const queue = new Int32Array(N);
  const cur = new Int32Array(N);
  const path = new Int32Array(N);
  for (;;) {
    level.fill(-1);
    let qh = 0;
    let qt = 0;
    level[S] = 0;
    queue[qt++] = S;
    while (qh < qt && level[T]! < 0) {
      const u = queue[qh++]!;
      const lu = level[u]! + 1;
      for (let a = first[u]!, e = first[u + 1]!; a < e; a++) {
        const w = head[a]!;
        if (res[a]! > 0 && level[w]! < 0) {
          level[w] = lu;
          queue[qt++] = w;
        }
      }
    }
    if (level[T]! < 0) break;
    cur.set(first.subarray(0, N));
    let u = S;
    let sp = 0;
    for (;;) {
      if (u === T) {
        // Every path starts with an S -> p arc of capacity 1: augment by one unit.
        for (let i = 0; i < sp; i++) push1(path[i]!);
        flow++;
        u = S;
        sp = 0;
        continue;
      }
      const lu = level[u]! + 1;
      let a = cur[u]!;
      const e = first[u + 1]!;
      while (a < e && (res[a]! === 0 || level[head[a]!] !== lu)) a++;
      cur[u] = a;
      if (a < e) {
        path[sp++] = a;
        u = head[a]!;
        continue;
      }
      level[u] = -1; // dead end for this phase
      if (u === S) break;
      u = head[sister[path[--sp]!]!]!;
      cur[u]!++;
    }
  }
  out.maxFlow = flow;

  // ---- 2. Cost scaling on the circulation (flow value stays F*).
  const price = new Float64Array(N);
  const excess = new Int32Array(N);
  const inQ = new Uint8Array(N);
  // Price update state: Dial buckets as doubly linked lists over nodes.
  const dist = new Int32Array(N);
  const settled = new Uint8Array(N);
  const bHead = new Int32Array(N + 1).fill(-1);
  const bNext = new Int32Array(N);
  const bPrev = new Int32Array(N);
  const bucketRemove = (u: number, k: number) => {
    const nx = bNext[u]!;
    const pv = bPrev[u]!;
    if (pv >= 0) bNext[pv] = nx;
    else bHead[k] = nx;
    if (nx >= 0) bPrev[nx] = pv;
  };
  const bucketAdd = (u: number, k: number) => {
    const h = bHead[k]!;
    bNext[u] = h;
    bPrev[u] = -1;
    if (h >= 0) bPrev[h] = u;
    bHead[k] = u;
  };
  /**
   * Global price update (Goldberg 1997, sec. 4): d(u) = shortest distance from u to a deficit
   * node with arc length floor(reduced cost / eps) + 1 (>= 0 by eps-optimality), then
   * p(u) -= eps * d(u). Distances are capped at N and the search stops once every excess node
   * is settled (unsettled nodes take the current level): both keep d(u) <= d(w) + length(u,w)
   * on every residual arc, hence eps-optimality.
   */
  const priceUpdate = (eps: number): void => {
    out.priceUpdates++;
    let toSettle = 0;
    let maxB = 0;
    for (let u = 0; u < N; u++) {
      settled[u] = 0;
      if (excess[u]! < 0) {
        dist[u] = 0;
        bucketAdd(u, 0);
      } else {
        dist[u] = N;
        if (excess[u]! > 0) toSettle++;
      }
    }
    let k = 0;
    for (; k <= maxB && toSettle > 0; k++) {
      for (let w = bHead[k]!; w >= 0 && toSettle > 0; w = bHead[k]!) {
        bucketRemove(w, k);
        settled[w] = 1;
        if (excess[w]! > 0) toSettle--;
        const pw = price[w]!;
        for (let b = first[w]!, e = first[w + 1]!; b < e; b++) {
          const a = sister[b]!;
          if (res[a]! === 0) continue;
          const u = head[b]!;
          if (settled[u]) continue;
          let nd = k + Math.floor((cost[a]! + price[u]! - pw) / eps) + 1;
          if (nd > N) nd = N;
          const du = dist[u]!;
          if (nd < du) {
            if (du < N) bucketRemove(u, du);
            dist[u] = nd;
            bucketAdd(u, nd);
            if (nd > maxB) maxB = nd;
          }
        }
      }
      if (toSettle === 0) break;
    }
    for (let b = 0; b <= maxB; b++) bHead[b] = -1;
    for (let u = 0; u < N; u++) {
      const d = settled[u] ? dist[u]! : k;
      if (d > 0) price[u]! -= eps * d;
      cur[u] = first[u]!;
    }
  };

  let eps = maxCost * K;
  while (eps > 1) {
    eps = Math.max(1, Math.floor(eps / ALPHA));
    out.refines++;
    // Saturate every residual arc of negative reduced cost: the pseudo-flow is 0-optimal.
    for (let u = 0; u < N; u++) {
      const pu = price[u]!;
      for (let a = first[u]!, e = first[u + 1]!; a < e; a++) {
        const r = res[a]!;
        if (r > 0 && cost[a]! + pu - price[head[a]!]! < 0) {
          res[a] = 0;
          res[sister[a]!]! += r;
          excess[u]! -= r;
          excess[head[a]!]! += r;
        }
      }
    }
    priceUpdate(eps);
    let sinceUpdate = 0;
    let qh = 0;
    let qt = 0;
    let qn = 0;
    const enqueue = (w: number) => {
      queue[qt++] = w;
      if (qt === N) qt = 0;
      qn++;
      inQ[w] = 1;
    };
    for (let u = 0; u < N; u++) if (excess[u]! > 0) enqueue(u);
    while (qn > 0) {
      const u = queue[qh++]!;
      if (qh === N) qh = 0;
      qn--;
      inQ[u] = 0;
      const e = first[u + 1]!;
      while (excess[u]! > 0) {
        const pu = price[u]!;
        let a = cur[u]!;
        for (; a < e; a++) {
          const r = res[a]!;
          if (r === 0) continue;
          const w = head[a]!;
          if (cost[a]! + pu - price[w]! < 0) {
            const ex = excess[u]!;
            const d = ex < r ? ex : r;
            res[a] = r - d;
            res[sister[a]!]! += d;
            excess[u] = ex - d;
            const ew = excess[w]! + d;
            excess[w] = ew;
            out.pushes++;
            if (ew > 0 && !inQ[w]) enqueue(w);
            if (ex === d) break;
          }
        }
        if (excess[u]! === 0) {
          cur[u] = a;
          break;
        }
        // Relabel: lower p(u) until the cheapest residual arc has reduced cost -eps.
        let m = Infinity;
        for (let b = first[u]!; b < e; b++)
          if (res[b]! > 0) {
            const rc = cost[b]! + pu - price[head[b]!]!;
            if (rc < m) m = rc;
          }
        price[u] = pu - m - eps;
        cur[u] = first[u]!;
        out.relabels++;
        if (++sinceUpdate > N) {
          priceUpdate(eps);
          sinceUpdate = 0;
          if (!inQ[u]) enqueue(u);
          break;
        }
      }
    }
  }

  for (let p = 0; p < P; p++)
    for (let a = arcStart[p]!, e = arcStart[p + 1]!, b = first[p]!; a < e; a++, b++)
      if (res[b] === 0) {
        assignArc[p] = a;
        break;
      }
  return out;
}
