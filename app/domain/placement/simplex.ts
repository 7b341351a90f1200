/**
 * Optimal mode, large networks: primal network simplex with block-search pivoting (Dantzig 1951;
 * Ahuja, Magnanti & Orlin 1993, "Network Flows", ch. 11), following LEMON's `NetworkSimplex`
 * (Kovács 2015, "Minimum-cost flow algorithms: an experimental evaluation"): a strongly feasible
 * spanning tree stored as parent / pred / thread / rev_thread / succ_num / last_succ arrays,
 * an artificial root with Big-M arcs as the starting tree, LEMON's arc mixing and its block
 * search, both tuned by measurement on the benchmark instances (twice LEMON's mixing spread;
 * blocks of half sqrt(arcs), at most 160 arcs: see `blockOf`). Everything lives in typed arrays
 * (the real arcs' costs as 32-bit integers when they fit: fewer bytes per priced arc). One addition of
 * ours: a warm start (visits under T, groups under their visits, each participant's cheapest arc
 * offered once) before the block search, which saves 30 to 50 % of the pivots here. And a second:
 * sparse pricing. The block search first prices only the ranked participant arcs (and the
 * structural ones); the unranked arcs (`acceptUnranked`: about 90 % of the dense network, each
 * costlier than any ranked one) are priced in one sweep when those run out of candidates, the
 * ones of negative reduced cost join the searched set, and the search goes on; the tree is
 * optimal when a sweep over all arcs finds none, so the optimum is that of the full network.
 * Measured on the dense benchmark instance (5,000 x 300, 620k arcs): two sweeps, 57k pivots
 * instead of 95k, the simplex 3.5x faster.
 *
 * Network (same as residual.ts, without S): every free participant with at least one acceptable
 * visit is a supply node of 1; T is a demand node of -(their number). Arcs: p -> group (cap 1,
 * cost = preference cost), p -> T (cap 1, cost U = pr.unplacedPenalty: the unplaced arc),
 * group -> visit (cap = the remaining cap k), visit -> T (cap = the remaining capacity). A group
 * whose cap cannot bind is merged into its visit (as in residual.ts). U exceeds any sum of
 * placement costs (explain.ts), so a min-cost flow of these supplies places the most participants
 * and, among those, costs least: the optimal mode's objective.
 *
 * Exactness: all costs are integers below 2^31, potentials are sums of at most N + 1 of them
 * plus one artificial cost (U + 1) * N, all exact integers in doubles (< 2^53). Deterministic:
 * no randomness; the arc order is the canonical one of prepare.ts, mixed as LEMON mixes it.
 * Complexity: each pivot is a block scan (O(sqrt m) at most, typically) plus O(cycle + moved subtree);
 * the number of pivots is not polynomially bounded in theory but is a small multiple of the
 * node count here. Memory: typed arrays, O(n + m).
 */
import type { Prepared } from "./prepare";

const STATE_UPPER = -1;
const STATE_TREE = 0;
const STATE_LOWER = 1;
const DIR_UP = 1;
const DIR_DOWN = -1;
/** "Infinite" capacity of the artificial arcs (flows never exceed the participant count). */
const INF = 0x3fffffff;

export interface SimplexResult {
  /** Chosen arc per participant (canonical index of prepare.ts), -1 when unplaced or locked. */
  assignArc: Int32Array;
  /** Participants placed by the flow (locked ones excluded). */
  placed: number;
  pivots: number;
}

/** The network of `pr` as arc lists in LEMON's mixed order; exported for the benchmark's DIMACS writer. */
export interface SimplexNetwork {
  /** Nodes 0 .. nodeCount-1; supply per node (+1 per free participant with arcs, T the negative sum). */
  nodeCount: number;
  supply: Int32Array;
  /** Arcs in original order: participant arcs (canonical order), unplaced arcs, group -> visit, visit -> T. */
  source: Int32Array;
  target: Int32Array;
  cap: Int32Array;
  cost: Float64Array;
  /** Number of participant arcs (the first ones), then one unplaced arc per supply participant. */
  participantArcs: number;
  /**
   * Arcs priced from the start (1) or only once those run out of candidates (0); absent: all.
   * Only speed depends on it, never the optimum (the last pricing covers every arc).
   */
  active?: Uint8Array;
}

/** Builds the supply network of `pr` (see the module doc). O(n + m). */
export function simplexNetwork(pr: Prepared): SimplexNetwork {
  const P = pr.participants.length;
  const G = pr.groupVisit.length;
  const V = pr.visits.length;
  const { arcStart, arcGroup, arcCost, groupVisit, groupCap, visitCap } = pr;
  // Nodes: participants, the groups whose cap can bind (numbered in group order), visits, T.
  // Merged groups get no node of their own (an isolated node would only enlarge the tree).
  let Greal = 0;
  for (let g = 0; g < G; g++) if (groupCap[g]! < visitCap[groupVisit[g]!]!) Greal++;
  const GN = P;
  const VN = P + Greal;
  const T = VN + V;
  const nodeCount = T + 1;
  const gNode = new Int32Array(G);
  for (let g = 0, r = 0; g < G; g++) {
    const v = groupVisit[g]!;
    gNode[g] = groupCap[g]! < visitCap[v]! ? GN + r++ : VN + v;
  }
  const Pa = arcStart[P]!;
  let Pfree = 0;
  for (let p = 0; p < P; p++) if (arcStart[p + 1]! > arcStart[p]!) Pfree++;
  const M = Pa + Pfree + Greal + V;
  const source = new Int32Array(M);
  const target = new Int32Array(M);
  const cap = new Int32Array(M);
  const cost = new Float64Array(M);
  const supply = new Int32Array(nodeCount);
  const active = new Uint8Array(M).fill(1);
  const { arcRank } = pr;
  let k = 0;
  for (let p = 0; p < P; p++)
    for (let a = arcStart[p]!, e = arcStart[p + 1]!; a < e; a++, k++) {
      if (arcRank[a]! < 0) active[k] = 0; // unranked: priced once the ranked arcs run out (see networkSimplex)
      source[k] = p;
      target[k] = gNode[arcGroup[a]!]!;
      cap[k] = 1;
      cost[k] = arcCost[a]!;
    }
  const U = pr.unplacedPenalty;
  for (let p = 0; p < P; p++)
    if (arcStart[p + 1]! > arcStart[p]!) {
      source[k] = p;
      target[k] = T;
      cap[k] = 1;
      cost[k] = U;
      supply[p] = 1;
      k++;
    }
  for (let g = 0; g < G; g++)
    if (gNode[g]! < VN) {
      source[k] = gNode[g]!;
      target[k] = VN + groupVisit[g]!;
      cap[k] = Math.max(0, groupCap[g]!);
      k++;
    }
  for (let v = 0; v < V; v++) {
    source[k] = VN + v;
    target[k] = T;
    cap[k] = Math.max(0, visitCap[v]!);
    k++;
  }
  supply[T] = -Pfree;
  return { nodeCount, supply, source, target, cap, cost, participantArcs: Pa, active };
}

/**
 * Min-cost flow of the optimal mode by network simplex (see the module doc). Returns the chosen
 * arc per participant. Never fails on a prepared instance: the unplaced arcs make it feasible.
 */
export function networkSimplexPlacement(pr: Prepared): SimplexResult {
  const P = pr.participants.length;
  const assignArc = new Int32Array(P).fill(-1);
  const net = simplexNetwork(pr);
  const { flow, orig, pivots } = networkSimplex(net);
  let placed = 0;
  const Pa = net.participantArcs;
  const { arcOwner } = pr;
  // In position order (sequential reads; by original arc the reads of flow would be random).
  for (let q = 0, M = orig.length; q < M; q++) {
    const a = orig[q]!;
    if (a < Pa && flow[q]! > 0) {
      assignArc[arcOwner[a]!] = a;
      placed++;
    }
  }
  return { assignArc, placed, pivots };
}

/**
 * LEMON's NetworkSimplex (EQ supply type, block search, arc mixing) on `net`. Returns the flow of
 * each arc (flow[pos[a]] for original arc a) and the pivot count. Throws if the problem is infeasible or
 * unbounded, which cannot happen on a placement network (unplaced arcs, nonnegative costs).
 */
export function networkSimplex(net: SimplexNetwork): {
  /** Flow of the arc at each position; original arc a is at position pos[a]. */
  flow: Int32Array;
  pos: Int32Array;
  /** Original arc at each position (of the real arcs). */
  orig: Int32Array;
  pivots: number;
  totalCost: number;
  activations: number;
} {
  const n = net.nodeCount;
  const M = net.source.length;
  const all = M + n;
  const root = n;
  // ---- Arcs in LEMON's mixed order: original arc i goes to position pos[i]. Arcs priced from
  // the start (`net.active`, all when absent) take positions [0, A), mixed; the others [A, M).
  const source = new Int32Array(all);
  const target = new Int32Array(all);
  const cap = new Int32Array(all);
  // Costs of the real arcs only (an artificial arc's cost, 0 or ART, only sets the first
  // potentials below), as 32-bit integers when they fit (the placement networks' case: half the
  // bytes the pricing loop streams), else as doubles.
  let costFits = true;
  for (let a = 0; a < M; a++) if (!(net.cost[a]! <= 0x7fffffff && net.cost[a]! >= -0x80000000)) costFits = false;
  const cost: Int32Array | Float64Array = costFits ? new Int32Array(M) : new Float64Array(M);
  const flow = new Int32Array(all);
  const state = new Int8Array(all);
  const pos = new Int32Array(M);
  const orig = new Int32Array(M);
  const act = net.active;
  let A = M;
  if (act) {
    A = 0;
    for (let a = 0; a < M; a++) A += act[a]!;
  }
  {
    // LEMON spreads by arcs per node (A / n); twice that measured 10 % fewer pivots on the
    // benchmark instances (5k-ranked 30.8k -> 27.3k, 5k-all 56.5k -> 48.7k, clearinghouse 181k -> 179k).
    const skip = n > 1 ? Math.max(Math.floor((2 * A) / n), 3) : 1;
    let i = 0;
    let j = 0;
    let rest = A;
    for (let a = 0; a < M; a++) {
      let q: number;
      if (act && act[a] === 0) q = rest++;
      else {
        q = i;
        if ((i += skip) >= A) i = ++j;
      }
      pos[a] = q;
      orig[q] = a;
      source[q] = net.source[a]!;
      target[q] = net.target[a]!;
      cap[q] = net.cap[a]!;
      cost[q] = net.cost[a]!;
    }
  }
  let maxCost = 0;
  for (let e = 0; e < M; e++) {
    state[e] = STATE_LOWER;
    if (cost[e]! > maxCost) maxCost = cost[e]!;
  }
  const ART = (maxCost + 1) * n;

  // ---- Spanning tree: every node hangs off the artificial root.
  const parent = new Int32Array(n + 1);
  const pred = new Int32Array(n + 1);
  const predDir = new Int8Array(n + 1);
  const thread = new Int32Array(n + 1);
  const revThread = new Int32Array(n + 1);
  const succNum = new Int32Array(n + 1);
  const lastSucc = new Int32Array(n + 1);
  const pi = new Float64Array(n + 1);
  const dirty = new Int32Array(n + 2);
  parent[root] = -1;
  pred[root] = -1;
  thread[root] = 0;
  revThread[0] = root;
  succNum[root] = n + 1;
  lastSucc[root] = root - 1;
  for (let u = 0, e = M; u < n; u++, e++) {
    parent[u] = root;
    pred[u] = e;
    thread[u] = u + 1;
    revThread[u + 1] = u;
    succNum[u] = 1;
    lastSucc[u] = u;
    cap[e] = INF;
    state[e] = STATE_TREE;
    const s = net.supply[u]!;
    if (s >= 0) {
      predDir[u] = DIR_UP;
      pi[u] = 0;
      source[e] = u;
      target[e] = root;
      flow[e] = s;
    } else {
      predDir[u] = DIR_DOWN;
      pi[u] = ART;
      source[e] = root;
      target[e] = u;
      flow[e] = -s;
    }
  }

  let inArc = -1;
  let join = 0;
  let delta = 0;
  let uIn = 0;
  let vIn = 0;
  let uOut = 0;
  let pivots = 0;
  let activations = 0;

  // ---- Arcs offered before the block search, in order (original indices):
  // 1. LEMON's heuristic initial pivots (EQ type with several supply nodes): the cheapest arc
  //    into each demand node;
  // 2. a warm start (ours, not LEMON's; measured: 30 to 50 % fewer pivots on the benchmark
  //    instances than LEMON's start): every visit under T and every group under its visit (their
  //    arcs to T, last to first), then each participant's cheapest arc.
  // One arc not yet priced (position >= A) is moved into the priced set when offered.
  const Pa = net.participantArcs;
  const offers: number[] = [];
  for (let t = 0; t < n; t++) {
    if (net.supply[t]! >= 0) continue;
    let best = -1;
    let bestCost = Infinity;
    for (let a = 0; a < M; a++)
      if (net.target[a] === t && net.cost[a]! < bestCost) {
        bestCost = net.cost[a]!;
        best = a;
      }
    if (best >= 0) offers.push(best);
  }
  for (let a = M - 1; a >= Pa; a--) if (net.supply[net.source[a]!]! === 0) offers.push(a);
  for (let a = 0; a < Pa; a++) if (a === 0 || net.source[a - 1] !== net.source[a]) offers.push(a);
  let offer = 0;

  // ---- Block search pivot rule over the priced arcs [0, A). When none of them can enter, the
  // others are priced once: those of negative reduced cost move into [0, A) (they are non-tree
  // arcs at their lower bound, so nothing refers to their position but pos/orig), and the search
  // goes on; when none is found there either, the tree is optimal for every arc.
  // One loop, the pivot written inline (LEMON's findJoinNode, findLeavingArc, changeFlow,
  // updateTreeStructure, updatePotential): as a closure, every variable it shared lived in a heap
  // context and each access was a load (measured: see the commit).
  let blockSize = 0;
  let nextArc = 0;
  for (;;) {
    if (offer < offers.length) {
      const a = offers[offer++]!;
      if (pos[a]! >= A) A = activate(pos[a]!, A, source, target, cap, cost, orig, pos);
      inArc = pos[a]!;
      if (state[inArc]! * (cost[inArc]! + pi[source[inArc]!]! - pi[target[inArc]!]!) >= 0) continue;
    } else {
      if (offer === offers.length) {
        // The offers may have moved arcs into the priced set.
        blockSize = blockOf(A);
        offer++;
      }
      let min = 0;
      let cnt = blockSize;
      let e = nextArc;
      let found = false;
      // From nextArc to A, then wrapping round from 0 to nextArc (LEMON's block search order).
      for (let pass = 0; pass < 2 && !found; pass++) {
        const hi = pass === 0 ? A : nextArc;
        for (e = pass === 0 ? nextArc : 0; e < hi; e++) {
          const c = state[e]! * (cost[e]! + pi[source[e]!]! - pi[target[e]!]!);
          if (c < min) {
            min = c;
            inArc = e;
          }
          if (--cnt === 0) {
            if (min < 0) {
              found = true;
              break;
            }
            cnt = blockSize;
          }
        }
      }
      if (!found && min >= 0) {
        if (A === M) break;
        const A0 = A;
        for (let q = A; q < M; q++) {
          if (cost[q]! + pi[source[q]!]! - pi[target[q]!]! >= 0) continue;
          A = activate(q, A, source, target, cap, cost, orig, pos);
        }
        if (A === A0) break;
        activations++;
        blockSize = blockOf(A);
        nextArc = A0;
        continue;
      }
      nextArc = e;
    }
    pivots++;
    // Join node.
    {
      let u = source[inArc]!;
      let v = target[inArc]!;
      while (u !== v) {
        if (succNum[u]! < succNum[v]!) u = parent[u]!;
        else v = parent[v]!;
      }
      join = u;
    }
    // Leaving arc.
    let first: number;
    let second: number;
    if (state[inArc] === STATE_LOWER) {
      first = source[inArc]!;
      second = target[inArc]!;
    } else {
      first = target[inArc]!;
      second = source[inArc]!;
    }
    delta = cap[inArc]!;
    let result = 0;
    for (let u = first; u !== join; u = parent[u]!) {
      const e = pred[u]!;
      let d = flow[e]!;
      if (predDir[u] === DIR_DOWN) {
        const c = cap[e]!;
        d = c >= INF ? INF : c - d;
      }
      if (d < delta) {
        delta = d;
        uOut = u;
        result = 1;
      }
    }
    for (let u = second; u !== join; u = parent[u]!) {
      const e = pred[u]!;
      let d = flow[e]!;
      if (predDir[u] === DIR_UP) {
        const c = cap[e]!;
        d = c >= INF ? INF : c - d;
      }
      if (d <= delta) {
        delta = d;
        uOut = u;
        result = 2;
      }
    }
    if (result === 1) {
      uIn = first;
      vIn = second;
    } else {
      uIn = second;
      vIn = first;
    }
    if (delta >= INF) throw new Error("network simplex: unbounded");
    const change = result !== 0;
    // Change flow and states.
    if (delta > 0) {
      const val = state[inArc]! * delta;
      flow[inArc]! += val;
      for (let u = source[inArc]!; u !== join; u = parent[u]!) flow[pred[u]!]! -= predDir[u]! * val;
      for (let u = target[inArc]!; u !== join; u = parent[u]!) flow[pred[u]!]! += predDir[u]! * val;
    }
    if (!change) {
      state[inArc] = -state[inArc]!;
      continue;
    }
    state[inArc] = STATE_TREE;
    state[pred[uOut]!] = flow[pred[uOut]!] === 0 ? STATE_LOWER : STATE_UPPER;

    // ---- Update the tree structure.
    const oldRevThread = revThread[uOut]!;
    const oldSuccNum = succNum[uOut]!;
    const oldLastSucc = lastSucc[uOut]!;
    const vOut = parent[uOut]!;
    if (uIn === uOut) {
      parent[uIn] = vIn;
      pred[uIn] = inArc;
      predDir[uIn] = uIn === source[inArc] ? DIR_UP : DIR_DOWN;
      if (thread[vIn] !== uOut) {
        let after = thread[oldLastSucc]!;
        thread[oldRevThread] = after;
        revThread[after] = oldRevThread;
        after = thread[vIn]!;
        thread[vIn] = uOut;
        revThread[uOut] = vIn;
        thread[oldLastSucc] = after;
        revThread[after] = oldLastSucc;
      }
    } else {
      const threadContinue = oldRevThread === vIn ? thread[oldLastSucc]! : thread[vIn]!;
      let stem = uIn;
      let parStem = vIn;
      let last = lastSucc[uIn]!;
      let after = thread[last]!;
      thread[vIn] = uIn;
      let nd = 0;
      dirty[nd++] = vIn;
      while (stem !== uOut) {
        const nextStem = parent[stem]!;
        thread[last] = nextStem;
        dirty[nd++] = last;
        const before = revThread[stem]!;
        thread[before] = after;
        revThread[after] = before;
        parent[stem] = parStem;
        parStem = stem;
        stem = nextStem;
        last = lastSucc[stem] === lastSucc[parStem] ? revThread[parStem]! : lastSucc[stem]!;
        after = thread[last]!;
      }
      parent[uOut] = parStem;
      thread[last] = threadContinue;
      revThread[threadContinue] = last;
      lastSucc[uOut] = last;
      if (oldRevThread !== vIn) {
        thread[oldRevThread] = after;
        revThread[after] = oldRevThread;
      }
      for (let i = 0; i < nd; i++) {
        const u = dirty[i]!;
        revThread[thread[u]!] = u;
      }
      let tmpSc = 0;
      const tmpLs = lastSucc[uOut]!;
      for (let u = uOut, p = parent[u]!; u !== uIn; u = p, p = parent[u]!) {
        pred[u] = pred[p]!;
        predDir[u] = -predDir[p]!;
        tmpSc += succNum[u]! - succNum[p]!;
        succNum[u] = tmpSc;
        lastSucc[p] = tmpLs;
      }
      pred[uIn] = inArc;
      predDir[uIn] = uIn === source[inArc] ? DIR_UP : DIR_DOWN;
      succNum[uIn] = oldSuccNum;
    }
    const upLimitOut = lastSucc[join] === vIn ? join : -1;
    const lastSuccOut = lastSucc[uOut]!;
    for (let u = vIn; u !== -1 && lastSucc[u] === vIn; u = parent[u]!) lastSucc[u] = lastSuccOut;
    if (join !== oldRevThread && vIn !== oldRevThread) {
      for (let u = vOut; u !== upLimitOut && lastSucc[u] === oldLastSucc; u = parent[u]!) lastSucc[u] = oldRevThread;
    } else if (lastSuccOut !== oldLastSucc) {
      for (let u = vOut; u !== upLimitOut && lastSucc[u] === oldLastSucc; u = parent[u]!) lastSucc[u] = lastSuccOut;
    }
    for (let u = vIn; u !== join; u = parent[u]!) succNum[u]! += oldSuccNum;
    for (let u = vOut; u !== join; u = parent[u]!) succNum[u]! -= oldSuccNum;

    // ---- Update potentials of the moved subtree.
    const sigma = pi[vIn]! - pi[uIn]! - predDir[uIn]! * cost[inArc]!;
    const end = thread[lastSucc[uIn]!]!;
    for (let u = uIn; u !== end; u = thread[u]!) pi[u]! += sigma;
  }

  for (let e = M; e < all; e++) if (flow[e] !== 0) throw new Error("network simplex: infeasible");
  let totalCost = 0;
  for (let e = 0; e < M; e++) totalCost += flow[e]! * cost[e]!;
  return { flow, pos, orig, pivots, totalCost, activations };
}

/**
 * Arcs per block of the block search. LEMON uses sqrt(arcs); measured here (networkSimplex CPU,
 * interleaved): half that, and at most 160, takes more pivots but scans far fewer arcs
 * (clearinghouse 473k arcs: 900 -> 540 ms; 5k-ranked: 46 -> 39 ms; 5k-all about even).
 */
function blockOf(arcs: number): number {
  return Math.max(Math.min(Math.floor(0.5 * Math.sqrt(arcs)), 160), 10);
}

/**
 * Moves the non-tree arc at position q (>= A, at its lower bound, no flow) to position A, where
 * it is priced from now on; returns the new A.
 */
function activate(
  q: number,
  A: number,
  source: Int32Array,
  target: Int32Array,
  cap: Int32Array,
  cost: Int32Array | Float64Array,
  orig: Int32Array,
  pos: Int32Array,
): number {
  if (q !== A) {
    const s0 = source[A]!;
    const t0 = target[A]!;
    const c0 = cap[A]!;
    const k0 = cost[A]!;
    const o0 = orig[A]!;
    source[A] = source[q]!;
    target[A] = target[q]!;
    cap[A] = cap[q]!;
    cost[A] = cost[q]!;
    orig[A] = orig[q]!;
    source[q] = s0;
    target[q] = t0;
    cap[q] = c0;
    cost[q] = k0;
    orig[q] = o0;
    pos[o0] = q;
  }
  pos[orig[A]!] = A;
  return A + 1;
}
