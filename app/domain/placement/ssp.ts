/**
 * Small-network path of the optimal mode (flow.ts): successive shortest paths, one participant
 * at a time (Ahuja, Magnanti & Orlin 1993, "Network Flows", sec. 9.7; the augmenting-row scheme
 * of the Hungarian method and of Jonker & Volgenant 1987), on the residual network of residual.ts
 * (S is not used: every participant is a source of one unit).
 *
 * Unplaced participants: each participant p also has an implicit arc p -> T of cost U
 * (pr.unplacedPenalty, which exceeds any sum of placement costs, explain.ts) and unbounded
 * capacity. With it every participant's unit reaches T, and a min-cost flow of the fixed supplies
 * minimises preferenceCost + U * unplaced, i.e. it is a min-cost *maximum* flow of the network
 * (flow.ts). Successive shortest paths finds it whatever the order of the sources: each unit goes
 * along a shortest path (Dijkstra on reduced costs c(u,w) + pi(u) - pi(w) >= 0, stopped when T is
 * settled), then pi += min(d, d(T)) - d(T) on the settled nodes, which keeps every residual reduced
 * cost >= 0 (AMO Lemma 9.11), so the final flow is optimal (reduced-cost optimality). A path that
 * ends on the implicit arc of a placed participant u swaps u out for the new one when that is
 * cheaper; one that ends on p's own arc leaves p unplaced.
 *
 * Most participants find room on a cheap arc within a few steps, so each Dijkstra settles few
 * nodes. All costs are integers and potentials exact integers in doubles: the result is exact.
 * Deterministic: no randomness; sources in canonical participant order, arcs in the canonical CSR
 * order of residual.ts, Dial's buckets (Dial 1969) walked in a fixed order. Complexity:
 * O(P (m + U)) in the worst case. Memory: typed arrays, O(n + m), and O(U) for the buckets
 * (flow.ts bounds U).
 */
import type { Prepared } from "./prepare";
import type { Residual } from "./residual";

/** Pushes a min-cost maximum flow into `net` (from zero flow); returns its value. */
export function successiveShortestPaths(pr: Prepared, net: Residual): number {
  const P = pr.participants.length;
  const U = pr.unplacedPenalty;
  const { arcStart } = pr;
  const { N, T, first, head, res, cost, sister, K } = net;
  const A = first[N]!;
  const c = new Int32Array(A);
  for (let a = 0; a < A; a++) c[a] = Math.round(cost[a]! / K);
  const pot = new Float64Array(N);
  const dist = new Float64Array(N).fill(Infinity);
  const done = new Int32Array(N);
  const pred = new Int32Array(N);
  const touched = new Int32Array(N);
  // Dial's buckets for keys 0 .. U (d(T) <= U: p's own implicit arc, pi(p) = pi(T) = 0), as
  // singly linked lists with lazy deletion; keys >= the current d(T) are not queued.
  const bHead = new Int32Array(U + 1).fill(-1);
  const eNode = new Int32Array(A + N + 1);
  const eNext = new Int32Array(A + N + 1);
  let flow = 0;
  let stamp = 0;
  for (let p = 0; p < P; p++) {
    if (arcStart[p + 1] === arcStart[p]) continue;
    stamp++;
    let nt = 0;
    let nE = 0;
    let maxKey = 0;
    dist[p] = 0;
    touched[nt++] = p;
    eNode[0] = p;
    eNext[0] = -1;
    bHead[0] = nE++;
    // T is settled when the scan reaches its tentative distance (pi(T) stays 0: T is never
    // settled before the end of a search).
    dist[T] = Infinity;
    touched[nt++] = T;
    for (let d = 0; d < dist[T]! && d <= maxKey; d++) {
      for (let i = bHead[d]!; i >= 0; i = eNext[i]!) {
        const u = eNode[i]!;
        if (done[u] === stamp || d > dist[u]!) continue;
        done[u] = stamp;
        const pu = d + pot[u]!;
        let dt = dist[T]!;
        if (u < P) {
          const nd = pu + U;
          if (nd < dt) {
            dt = nd;
            dist[T] = nd;
            pred[T] = -1 - u;
          }
        }
        for (let a = first[u]!, e = first[u + 1]!; a < e; a++) {
          if (res[a]! === 0) continue;
          const w = head[a]!;
          const nd = pu + c[a]! - pot[w]!;
          if (nd < dist[w]! && nd < dt) {
            if (w === T) {
              dt = nd;
              dist[T] = nd;
              pred[T] = a;
              continue;
            }
            if (dist[w] === Infinity) touched[nt++] = w;
            dist[w] = nd;
            pred[w] = a;
            // d <= nd (reduced costs >= 0): the list of bucket d is still being walked, so the node goes after it.
            eNode[nE] = w;
            if (nd === d) {
              eNext[nE] = eNext[i]!;
              eNext[i] = nE++;
            } else {
              eNext[nE] = bHead[nd]!;
              bHead[nd] = nE++;
              if (nd > maxKey) maxKey = nd;
            }
          }
        }
      }
    }
    for (let k = 0; k <= maxKey; k++) bHead[k] = -1;
    const dT = dist[T]!;
    for (let i = 0; i < nt; i++) {
      const x = touched[i]!;
      const dx = dist[x]!;
      if (dx < dT && done[x] === stamp) pot[x]! += dx - dT;
      dist[x] = Infinity;
    }
    let x = T;
    const last = pred[T]!;
    if (last < 0) x = -1 - last;
    else flow++;
    while (x !== p) {
      const a = pred[x]!;
      res[a]!--;
      res[sister[a]!]!++;
      x = head[sister[a]!]!;
    }
  }
  return flow;
}
