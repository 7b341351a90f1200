/**
 * Exact min-cost flow for the optimal mode (Ahuja, Magnanti & Orlin 1993, "Network Flows",
 * ch. 9: successive shortest paths with node potentials, in its primal-dual form, sec. 9.8).
 *
 * Network: source -> participant (cap 1) -> group = (visit, sending country) (cap 1 per arc,
 * cost = preference cost) -> visit (cap k, the per-country cap) -> sink (cap = remaining
 * capacity), plus, per participant, an "unplaced" arc to the sink of cost U = 1 + the sum over
 * participants of their costliest arc. Because U exceeds any possible sum of placement costs, a
 * min-cost flow first maximises the number placed, then minimises the total preference cost.
 * Such a flow is exactly a min-cost *maximum* flow of the network without the unplaced arcs (a
 * flow placing one more participant saves U and adds less than U), which is what is computed
 * here: the unplaced arcs are priced in afterwards (computeObjective in explain.ts). All capacities and costs
 * are integers, so the flow is integral and the result exact.
 *
 * Each phase runs one Dijkstra from all free participants at once (the source, implicitly) on
 * reduced costs c(u,v) + pi(u) - pi(v) >= 0, stopping once the sink's distance is settled; potentials
 * of settled nodes move by (dist - dist(sink)), which keeps every residual reduced cost >= 0
 * and makes every shortest path a path of reduced cost 0. Then, with potentials fixed, a
 * depth-first search augments as many zero-reduced-cost paths as it finds (a blocking flow on the
 * admissible network), so one Dijkstra serves many augmentations. The run stops when the sink is
 * unreachable: the flow is then maximum and, by reduced-cost optimality, of least cost. Nodes
 * that can no longer reach the sink are retired for good (see `dead` below), so participants who
 * will stay unplaced stop costing work in later phases.
 *
 * Complexity: O(phases * (m log n)) where m = number of arcs, n = nodes; phases is at most the
 * number of distinct shortest-path lengths (small for integer preference costs in practice).
 * Memory: typed arrays, O(n + m). The residual graph is implicit: arc flows are one
 * `assignArc` per participant, one flow per group and a load per visit, so a residual arc is
 * found in O(1) from the node's CSR range or its member list.
 */
import { MinHeap } from "./heap";
import type { Prepared } from "./prepare";

export interface FlowResult {
  /** Chosen arc per participant (canonical index), -1 when unplaced or locked. */
  assignArc: Int32Array;
  phases: number;
  augmentations: number;
  /** Backward reachability searches run to retire dead nodes. */
  prunes: number;
}

export function solveMinCostMaxFlow(pr: Prepared): FlowResult {
  const P = pr.participants.length;
  const G = pr.groupVisit.length;
  const V = pr.visits.length;
  const GN = P; // first group node
  const VN = P + G; // first visit node
  const T = P + G + V;
  const N = T + 1;
  const { arcStart, arcGroup, arcCost, groupVisit, groupCap, visitCap } = pr;

  // Groups of each visit, CSR.
  const vgStart = new Int32Array(V + 1);
  for (let g = 0; g < G; g++) vgStart[groupVisit[g]! + 1]!++;
  for (let v = 0; v < V; v++) vgStart[v + 1]! += vgStart[v]!;
  const vgList = new Int32Array(G);
  const fill = vgStart.slice(0, V);
  for (let g = 0; g < G; g++) vgList[fill[groupVisit[g]!]!++] = g;

  // Arcs into each group, CSR (for the backward reachability search).
  const M = arcGroup.length;
  const giStart = new Int32Array(G + 1);
  for (let a = 0; a < M; a++) giStart[arcGroup[a]! + 1]!++;
  for (let g = 0; g < G; g++) giStart[g + 1]! += giStart[g]!;
  const giList = new Int32Array(M);
  const gfill = giStart.slice(0, G);
  for (let a = 0; a < M; a++) giList[gfill[arcGroup[a]!]!++] = a;
  const arcOwner = pr.arcOwner;

  const assignArc = new Int32Array(P).fill(-1);
  const gHead = new Int32Array(G).fill(-1);
  const pNext = new Int32Array(P).fill(-1);
  const pPrev = new Int32Array(P).fill(-1);
  const gFlow = new Int32Array(G);
  const vLoad = new Int32Array(V);
  const pot = new Float64Array(N);
  const dist = new Float64Array(N).fill(Infinity);
  const done = new Int32Array(N);
  const mark = new Int32Array(N);
  const touched = new Int32Array(N);
  const heap = new MinHeap(Math.max(1024, N));

  const free = new Int32Array(P);
  let nFree = 0;
  for (let p = 0; p < P; p++) if (arcStart[p + 1]! > arcStart[p]!) free[nFree++] = p;
  const isFree = new Uint8Array(P);
  for (let i = 0; i < nFree; i++) isFree[free[i]!] = 1;

  // DFS stack: node, iterator state, arc used (participant frames).
  const stNode = new Int32Array(N + 1);
  const stIter = new Int32Array(N + 1);
  const stArc = new Int32Array(N + 1);

  let phase = 0;
  let prunes = 0;
  let pruneGap = 1;
  let nextPrune = 0;
  let augmentations = 0;
  let stamp = 0;
  /**
   * dead[x] = 1 once x cannot reach the sink in the residual graph. Such a set is closed (no
   * residual arc leaves it), and an augmenting path can never enter a closed set without the
   * sink, so it stays closed for the rest of the run (the argument behind Kuhn's "a vertex with
   * no augmenting path never gets one"). Dead nodes are skipped for good: exact, and it spares
   * every later Dijkstra the region around participants who will stay unplaced.
   */
  const dead = new Uint8Array(N);
  const bfs = new Int32Array(N);
  const markDead = (): void => {
    const alive = new Uint8Array(N);
    let head = 0;
    let tail = 0;
    alive[T] = 1;
    bfs[tail++] = T;
    while (head < tail) {
      const w = bfs[head++]!;
      if (w === T) {
        for (let v = 0; v < V; v++) if (!dead[VN + v] && vLoad[v]! < visitCap[v]! && !alive[VN + v]) { alive[VN + v] = 1; bfs[tail++] = VN + v; }
      } else if (w >= VN) {
        const v = w - VN;
        for (let i = vgStart[v]!, e = vgStart[v + 1]!; i < e; i++) {
          const g = vgList[i]!;
          if (gFlow[g]! < groupCap[g]! && !alive[GN + g] && !dead[GN + g]) { alive[GN + g] = 1; bfs[tail++] = GN + g; }
        }
      } else if (w >= GN) {
        const g = w - GN;
        for (let i = giStart[g]!, e = giStart[g + 1]!; i < e; i++) {
          const a = giList[i]!;
          const q = arcOwner[a]!;
          if (assignArc[q] !== a && !alive[q] && !dead[q]) { alive[q] = 1; bfs[tail++] = q; }
        }
        const vn = VN + groupVisit[g]!;
        if (gFlow[g]! > 0 && !alive[vn] && !dead[vn]) { alive[vn] = 1; bfs[tail++] = vn; }
      } else {
        const a = assignArc[w]!;
        if (a >= 0) {
          const gn = GN + arcGroup[a]!;
          if (!alive[gn] && !dead[gn]) { alive[gn] = 1; bfs[tail++] = gn; }
        }
      }
    }
    for (let x = 0; x < T; x++) if (!alive[x]) dead[x] = 1;
  };

  for (;;) {
    // ---- Dijkstra from all free participants (distance 0: they share one potential).
    phase++;
    let nTouched = 0;
    heap.clear();
    for (let i = 0; i < nFree; i++) {
      const p = free[i]!;
      dist[p] = 0;
      touched[nTouched++] = p;
      heap.push(0, p);
    }
    let dT = Infinity;
    while (heap.size > 0) {
      const d = heap.topKey();
      const u = heap.pop();
      if (done[u] === phase || d > dist[u]! || dead[u]) continue;
      if (d > dT) break;
      done[u] = phase;
      if (u === T) {
        // Settle the ties at distance dT as well: the blocking-flow search below enters only
        // settled nodes, and every node of a shortest path has distance <= dT.
        dT = d;
        continue;
      }
      const pu = pot[u]!;
      if (u < GN) {
        const cur = assignArc[u]!;
        for (let a = arcStart[u]!, e = arcStart[u + 1]!; a < e; a++) {
          if (a === cur) continue;
          const w = GN + arcGroup[a]!;
          const nd = d + arcCost[a]! + pu - pot[w]!;
          if (nd < dist[w]!) {
            if (dist[w] === Infinity) touched[nTouched++] = w;
            dist[w] = nd;
            heap.push(nd, w);
          }
        }
      } else if (u < VN) {
        const g = u - GN;
        for (let q = gHead[g]!; q >= 0; q = pNext[q]!) {
          const nd = d - arcCost[assignArc[q]!]! + pu - pot[q]!;
          if (nd < dist[q]!) {
            if (dist[q] === Infinity) touched[nTouched++] = q;
            dist[q] = nd;
            heap.push(nd, q);
          }
        }
        if (gFlow[g]! < groupCap[g]!) {
          const w = VN + groupVisit[g]!;
          const nd = d + pu - pot[w]!;
          if (nd < dist[w]!) {
            if (dist[w] === Infinity) touched[nTouched++] = w;
            dist[w] = nd;
            heap.push(nd, w);
          }
        }
      } else {
        const v = u - VN;
        for (let i = vgStart[v]!, e = vgStart[v + 1]!; i < e; i++) {
          const g = vgList[i]!;
          if (gFlow[g] === 0) continue;
          const w = GN + g;
          const nd = d + pu - pot[w]!;
          if (nd < dist[w]!) {
            if (dist[w] === Infinity) touched[nTouched++] = w;
            dist[w] = nd;
            heap.push(nd, w);
          }
        }
        if (vLoad[v]! < visitCap[v]!) {
          const nd = d + pu - pot[T]!;
          if (nd < dist[T]!) {
            if (dist[T] === Infinity) touched[nTouched++] = T;
            dist[T] = nd;
            heap.push(nd, T);
          }
        }
      }
    }
    if (dT === Infinity) {
      for (let i = 0; i < nTouched; i++) dist[touched[i]!] = Infinity;
      break;
    }
    // Potentials: pi += min(dist, dT) for every node; adding dT to all nodes changes no reduced
    // cost, so only nodes closer than dT move (by dist - dT). O(touched), not O(n).
    for (let i = 0; i < nTouched; i++) {
      const x = touched[i]!;
      const dx = dist[x]!;
      if (dx < dT && done[x] === phase) pot[x]! += dx - dT;
      dist[x] = Infinity;
    }

    // ---- Blocking flow on zero-reduced-cost residual arcs: DFS rounds until one finds nothing
    // (a node backtracked past an on-stack neighbour may wrongly look dead for one round). Only
    // nodes settled by this phase's Dijkstra are entered: shortest paths run through them, and
    // the tight arcs elsewhere (left from earlier phases) would only make the search wander.
    let found_ = 0;
    for (let round = 0, foundRound = 1; foundRound > 0; round++) {
    stamp++;
    foundRound = 0;
    for (let i = 0; i < nFree; i++) {
      const root = free[i]!;
      if (!isFree[root]) continue;
      let sp = 0;
      stNode[0] = root;
      stIter[0] = arcStart[root]!;
      mark[root] = stamp;
      let found = false;
      while (sp >= 0) {
        const u = stNode[sp]!;
        let next = -1;
        if (u < GN) {
          const cur = assignArc[u]!;
          const e = arcStart[u + 1]!;
          const pu = pot[u]!;
          let a = stIter[sp]!;
          for (; a < e; a++) {
            if (a === cur) continue;
            const w = GN + arcGroup[a]!;
            if (mark[w] !== stamp && done[w] === phase && arcCost[a]! + pu - pot[w]! === 0) {
              next = w;
              stArc[sp] = a;
              a++;
              break;
            }
          }
          stIter[sp] = a;
        } else if (u < VN) {
          const g = u - GN;
          let it = stIter[sp]!;
          const pu = pot[u]!;
          if (it === -2) {
            it = gHead[g]!;
            const w = VN + groupVisit[g]!;
            if (gFlow[g]! < groupCap[g]! && mark[w] !== stamp && done[w] === phase && pu === pot[w]) next = w;
          }
          while (next < 0 && it >= 0) {
            const q = it;
            it = pNext[q]!;
            if (mark[q] !== stamp && done[q] === phase && pu - arcCost[assignArc[q]!]! - pot[q]! === 0) next = q;
          }
          stIter[sp] = it;
        } else if (u < T) {
          const v = u - VN;
          let it = stIter[sp]!;
          const pu = pot[u]!;
          if (it === -2) {
            it = vgStart[v]!;
            if (vLoad[v]! < visitCap[v]! && pu === pot[T]) next = T;
          }
          const e = vgStart[v + 1]!;
          while (next < 0 && it < e) {
            const g = vgList[it++]!;
            const w = GN + g;
            if (gFlow[g]! > 0 && mark[w] !== stamp && done[w] === phase && pu === pot[w]) next = w;
          }
          stIter[sp] = it;
        }
        if (next < 0) {
          sp--; // dead end for this round: stays marked
          continue;
        }
        if (next === T) {
          found = true;
          break;
        }
        sp++;
        stNode[sp] = next;
        stIter[sp] = next < GN ? arcStart[next]! : -2;
        mark[next] = stamp;
      }
      if (!found) continue;
      // Apply the path stNode[0..sp] -> T.
      for (let k = 0; k <= sp; k++) {
        const u = stNode[k]!;
        mark[u] = 0; // still usable by later roots of this round
        const w = k < sp ? stNode[k + 1]! : T;
        if (u < GN) {
          const a = stArc[k]!;
          assignArc[u] = a;
          const g = arcGroup[a]!;
          const h = gHead[g]!;
          pPrev[u] = -1;
          pNext[u] = h;
          if (h >= 0) pPrev[h] = u;
          gHead[g] = u;
        } else if (u < VN) {
          const g = u - GN;
          if (w < GN) {
            // w leaves g: unlink it (its new arc is set by the next frame).
            const pr_ = pPrev[w]!;
            const nx = pNext[w]!;
            if (pr_ >= 0) pNext[pr_] = nx;
            else gHead[g] = nx;
            if (nx >= 0) pPrev[nx] = pr_;
          } else gFlow[g]!++;
        } else {
          if (w === T) vLoad[u - VN]!++;
          else gFlow[w - GN]!--;
        }
      }
      isFree[root] = 0;
      augmentations++;
      found_++;
      foundRound++;
    }
    }
    // Prune dead nodes when a phase placed few of the free participants (cheap O(m) BFS).
    // The search costs O(m): back off exponentially while it finds few dead participants.
    let m = 0;
    if (found_ < nFree / 4 && phase >= nextPrune) {
      markDead();
      prunes++;
      for (let i = 0; i < nFree; i++) if (isFree[free[i]!] && !dead[free[i]!]) free[m++] = free[i]!;
      pruneGap = nFree - found_ - m < (nFree - found_) / 20 ? pruneGap * 2 : 1;
      nextPrune = phase + pruneGap;
    } else for (let i = 0; i < nFree; i++) if (isFree[free[i]!]) free[m++] = free[i]!;
    nFree = m;
    if (nFree === 0) break;
  }
  return { assignArc, phases: phase, augmentations, prunes };
}
