/**
 * Phase 2 of the optimal mode (flow.ts): cost scaling (Goldberg & Tarjan 1990, "Finding
 * minimum-cost circulations by successive approximation"; implementation heuristics after
 * Goldberg 1997, "An efficient implementation of a scaling minimum-cost flow algorithm"; see also
 * Ahuja, Magnanti & Orlin 1993, "Network Flows", sec. 10.3) turns the maximum flow of phase 1
 * into one of least cost, on the circulation (S and T are ordinary nodes, so the flow value stays
 * F*). Costs are stored multiplied by K = n + 1 (residual.ts).
 *
 * Global price updates (a Dial bucket Dijkstra from the deficit nodes, arc length
 * floor(reduced cost / eps) + 1) run at the start of each refine and after every ~n relabels;
 * they keep eps-optimality and spare most of the relabel "price wars" on oversubscribed visits.
 *
 * Complexity: O(n^2 m log(nC)) in the worst case, in practice a few relabels per node per refine,
 * and log_alpha(nC) refines. Memory: typed arrays, O(n + m).
 */
import type { FlowResult } from "./flow";
import type { Residual } from "./residual";

/** Scaling factor of eps per refine. */
const ALPHA = 8;

/** Makes the flow in `net` one of least cost (same value); counts refines, pushes, relabels and price updates in `out`. */
export function costScale(net: Residual, out: FlowResult): void {
  const { N, first, head, res, cost, sister, K, maxCost } = net;
  const queue = new Int32Array(N);
  const cur = new Int32Array(N);
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
}
