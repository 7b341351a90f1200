/**
 * Small-network path of the optimal mode (flow.ts): successive shortest paths, one participant
 * at a time (Ahuja, Magnanti & Orlin 1993, "Network Flows", sec. 9.7; the augmenting-row scheme
 * of the Hungarian method and of Jonker & Volgenant 1987). Every free participant with an arc is
 * a source of one unit.
 *
 * Network (as in residual.ts, without S): participant -> group = (visit, sending country) (cap 1,
 * cost = preference cost) -> visit (cap k) -> T (cap = remaining capacity); a group whose cap
 * cannot bind is merged into its visit. Unplaced participants: each participant p also has an
 * implicit arc p -> T of cost U (pr.unplacedPenalty, which exceeds any sum of placement costs,
 * explain.ts) and unbounded capacity. With it every participant's unit reaches T, and a min-cost
 * flow of the fixed supplies minimises preferenceCost + U * unplaced, i.e. it is a min-cost
 * *maximum* flow of the network (flow.ts). Successive shortest paths finds it whatever the order
 * of the sources: each unit goes along a shortest path (Dijkstra on reduced costs
 * c(u,w) + pi(u) - pi(w) >= 0, stopped when T is settled), then pi += min(d, d(T)) - d(T) on the
 * settled nodes, which keeps every residual reduced cost >= 0 (AMO Lemma 9.11), so the final
 * flow is optimal (reduced-cost optimality). A path that ends on the implicit arc of a placed
 * participant u swaps u out for the new one when that is cheaper; one that ends on p's own arc
 * leaves p unplaced.
 *
 * The residual network is not stored arc by arc. Every participant carries at most one unit, so
 * the reverse arcs into a group or visit node are exactly the participants placed through it:
 * each such node keeps them in a doubly linked list, and a search scans only arcs with room
 * (on the realistic benchmark edition, a residual network in CSR form had more than half of the
 * scanned arcs empty). Group and visit flows are counters.
 *
 * Most participants find room on their cheapest arc at once (the shortcut in the loop: no
 * search), so a first pass places all of those, and a second pass searches for the others. All
 * costs are integers and potentials exact integers in doubles: the result is exact.
 * Deterministic: no randomness; sources in canonical participant order within each pass, arcs in
 * the canonical order of prepare.ts, Dial's buckets (Dial 1969) walked in a fixed order.
 * Complexity: O(P (m + U / 32)) in the worst case (the buckets' bit set is walked a word at a
 * time). Memory: typed arrays, O(n + m), and O(U) for the buckets (flow.ts bounds U).
 */
import type { Prepared } from "./prepare";
import { enqueue, link, nextKey, unlink } from "./ssp-structures";
import { WorkArrays } from "./typed-arrays";

/** The search's arrays, kept between calls (typed-arrays.ts). */
const work = new WorkArrays();

/**
 * A min-cost maximum flow of `pr` (see the module doc): the chosen arc per canonical participant
 * (-1 when unplaced or locked) and the number placed. `pr` must have at least one arc.
 */
export function successiveShortestPaths(pr: Prepared): { assignArc: Int32Array; flow: number } {
  const P = pr.participants.length;
  const G = pr.groupVisit.length;
  const V = pr.visits.length;
  const U = pr.unplacedPenalty;
  const { arcStart, arcGroup, arcCost, groupVisit, groupCap, visitCap } = pr;
  // Nodes: participants, groups (binding ones only), visits, T.
  const GN = P;
  const VN = P + G;
  const T = VN + V;
  const N = T + 1;
  const M = arcGroup.length;
  // Work arrays are kept between calls (typed-arrays.ts): only assignArc is new.
  const arcNode = work.i32("arcNode", M);
  for (let a = 0; a < M; a++) {
    const g = arcGroup[a]!;
    arcNode[a] = groupCap[g]! >= visitCap[groupVisit[g]!]! ? VN + groupVisit[g]! : GN + g;
  }
  // Binding groups per visit (the reverse arcs visit -> group): CSR by visit.
  const vgStart = work.i32("vgStart", V + 1).fill(0);
  for (let g = 0; g < G; g++) if (groupCap[g]! < visitCap[groupVisit[g]!]!) vgStart[groupVisit[g]! + 1]!++;
  for (let v = 0; v < V; v++) vgStart[v + 1]! += vgStart[v]!;
  const vgList = work.i32("vgList", vgStart[V]!);
  const vgFill = work.i32("vgFill", V);
  vgFill.set(vgStart.subarray(0, V));
  for (let g = 0; g < G; g++) if (groupCap[g]! < visitCap[groupVisit[g]!]!) vgList[vgFill[groupVisit[g]!]!++] = g;
  // Flow on group -> visit and visit -> T; participants placed through each node (reverse arcs).
  const gFlow = work.i32("gFlow", G).fill(0);
  const vFlow = work.i32("vFlow", V).fill(0);
  const assignArc = new Int32Array(P).fill(-1);
  const mHead = work.i32("mHead", N).fill(-1);
  const mNext = work.i32("mNext", P);
  const mPrev = work.i32("mPrev", P);

  const pot = work.f64("pot", N).fill(0);
  // Between searches (and calls) every dist is Infinity and every bucket empty: each search
  // restores what it touched. `done` holds search stamps, unique across calls.
  const dist = work.f64("dist", N, Infinity);
  const done = work.i32("done", N);
  if (work.grew) work.stamp = 0;
  const pred = work.i32("pred", N);
  const predArc = work.i32("predArc", N);
  const touched = work.i32("touched", N);
  // Dial's buckets for keys 0 .. U (d(T) <= U: p's own implicit arc, pi(p) = pi(T) = 0), as
  // singly linked lists with lazy deletion; keys >= the current d(T) are not queued. A node is
  // queued at most once per arc into it, and each participant has one reverse arc at most.
  // A bit per bucket says which are not empty: a search that swaps a placed participant out has
  // d(T) near U, and walking thousands of empty keys one by one made such searches 3 times
  // slower (a binary heap instead was 2 times slower on searches that stay near key 0).
  const bHead = work.i32("bHead", U + 1, -1);
  const bBits = work.i32("bBits", (U >> 5) + 1);
  const qCap = M + 2 * G + 2 * P + V + 1;
  const eNode = work.i32("eNode", qCap);
  const eNext = work.i32("eNext", qCap);
  let flow = 0;
  if (work.stamp > 2 ** 30) {
    new Int32Array(done.buffer).fill(0); // the whole kept array, not only this call's view
    work.stamp = 0;
  }
  let stamp = work.stamp;
  // Two passes: first every participant whose shortcut applies (below), then the others with
  // a search. Any order of the sources gives the optimum; this one lets more of them take the
  // shortcut, since no search has moved anyone yet.
  const seen = work.i32("seen", P).fill(0);
  for (let k = 0; k < 2 * P; k++) {
    const p = k < P ? k : k - P;
    const a0 = arcStart[p]!;
    const a1 = arcStart[p + 1]!;
    if (a1 === a0 || seen[p] === 1) continue;
    // Shortcut. p is not processed yet, so pi(p) = 0 and no residual arc enters p: every path to
    // T starts with an arc out of p and goes on over reduced costs >= 0, so d(T) >= m, the least
    // reduced cost out of p. Potentials never rise above 0 and pi(T) = 0, so a node with room to
    // T has pi = 0, and a group with room into such a visit too: when an arc of reduced cost m
    // leads to room all the way, that path is a shortest one, and the only node closer than
    // d(T) = m is p (potential update: pi(p) -= m). Most participants of a realistic edition get
    // their place this way, without a search.
    let m = Infinity;
    for (let a = a0; a < a1; a++) if (arcCost[a]! - pot[arcNode[a]!]! < m) m = arcCost[a]! - pot[arcNode[a]!]!;
    let via = -1;
    for (let a = a0; a < a1 && m < U; a++) {
      const w = arcNode[a]!;
      if (arcCost[a]! - pot[w]! !== m || pot[w] !== 0) continue;
      if (w < VN) {
        const g = w - GN;
        if (gFlow[g]! < groupCap[g]! && pot[VN + groupVisit[g]!] === 0 && vFlow[groupVisit[g]!]! < visitCap[groupVisit[g]!]!) via = a;
      } else if (vFlow[w - VN]! < visitCap[w - VN]!) via = a;
      if (via >= 0) break;
    }
    if (via >= 0) {
      pot[p] = -m;
      const w = arcNode[via]!;
      let v = w - VN;
      if (w < VN) {
        gFlow[w - GN]!++;
        v = groupVisit[w - GN]!;
      }
      vFlow[v]!++;
      assignArc[p] = via;
      link(mHead, mNext, mPrev, p, w);
      seen[p] = 1;
      flow++;
      continue;
    }
    if (k < P) continue;
    seen[p] = 1;

    stamp++;
    let nt = 0;
    let nE = 0;
    let maxKey = 0;
    dist[p] = 0;
    touched[nt++] = p;
    eNode[0] = p;
    eNext[0] = -1;
    bHead[0] = nE++;
    bBits[0] = 1;
    // T is settled when the scan reaches its tentative distance (pi(T) stays 0: T is never
    // settled before the end of a search).
    dist[T] = Infinity;
    touched[nt++] = T;
    // Relaxes the arc u -> w of reduced cost rc from u at distance d (queued after entry i when
    // on the same key: the list of bucket d is still being walked).
    for (let d = 0; d < dist[T]! && d <= maxKey; d = nextKey(bBits, d + 1, maxKey)) {
      for (let i = bHead[d]!; i >= 0; i = eNext[i]!) {
        // T reached at distance d: the rest of bucket d is no closer than T, so it stays unsettled.
        if (dist[T]! <= d) break;
        const u = eNode[i]!;
        if (done[u] === stamp || d > dist[u]!) continue;
        done[u] = stamp;
        const pu = d + pot[u]!;
        let dt = dist[T]!;
        if (u < GN) {
          // Participant: the implicit arc to T, then the arcs with room (all but its own).
          if (pu + U < dt) {
            dt = pu + U;
            dist[T] = dt;
            pred[T] = u;
            predArc[T] = -1;
          }
          const own = assignArc[u]!;
          for (let a = arcStart[u]!, e = arcStart[u + 1]!; a < e; a++) {
            if (a === own) continue;
            const w = arcNode[a]!;
            const nd = pu + arcCost[a]! - pot[w]!;
            if (nd < dist[w]! && nd < dt) {
              if (dist[w] === Infinity) touched[nt++] = w;
              dist[w] = nd;
              pred[w] = u;
              predArc[w] = a;
              nE = enqueue(bHead, bBits, eNode, eNext, nE, i, w, nd, d);
              if (nd > maxKey) maxKey = nd;
            }
          }
          continue;
        }
        // Group or visit node: the forward arc when it has room, then the reverse arcs.
        let fw = T;
        let room = false;
        if (u < VN) {
          fw = VN + groupVisit[u - GN]!;
          room = gFlow[u - GN]! < groupCap[u - GN]!;
        } else if (u < T) room = vFlow[u - VN]! < visitCap[u - VN]!;
        if (room) {
          const nd = pu - pot[fw]!;
          if (nd < dist[fw]! && nd < dt) {
            if (fw === T) {
              dt = nd;
              dist[T] = nd;
              pred[T] = u;
            } else {
              if (dist[fw] === Infinity) touched[nt++] = fw;
              dist[fw] = nd;
              pred[fw] = u;
              nE = enqueue(bHead, bBits, eNode, eNext, nE, i, fw, nd, d);
              if (nd > maxKey) maxKey = nd;
            }
          }
        }
        // Reverse arcs of the binding groups under a visit (those with flow).
        if (u >= VN)
          for (let k = vgStart[u - VN]!, e = vgStart[u - VN + 1]!; k < e; k++) {
            const g = vgList[k]!;
            if (gFlow[g] === 0) continue;
            const w = GN + g;
            const nd = pu - pot[w]!;
            if (nd < dist[w]! && nd < dt) {
              if (dist[w] === Infinity) touched[nt++] = w;
              dist[w] = nd;
              pred[w] = u;
              nE = enqueue(bHead, bBits, eNode, eNext, nE, i, w, nd, d);
              if (nd > maxKey) maxKey = nd;
            }
          }
        // Reverse arcs of the participants placed through u.
        for (let q = mHead[u]!; q >= 0; q = mNext[q]!) {
          const nd = pu - arcCost[assignArc[q]!]! - pot[q]!;
          if (nd < dist[q]! && nd < dt) {
            if (dist[q] === Infinity) touched[nt++] = q;
            dist[q] = nd;
            pred[q] = u;
            nE = enqueue(bHead, bBits, eNode, eNext, nE, i, q, nd, d);
            if (nd > maxKey) maxKey = nd;
          }
        }
      }
    }
    for (let w = 0; w <= maxKey >> 5; w++) {
      for (let m = bBits[w]!; m !== 0; m &= m - 1) bHead[(w << 5) | (31 - Math.clz32(m & -m))] = -1;
      bBits[w] = 0;
    }
    const dT = dist[T]!;
    for (let i = 0; i < nt; i++) {
      const x = touched[i]!;
      const dx = dist[x]!;
      if (dx < dT && done[x] === stamp) pot[x]! += dx - dT;
      dist[x] = Infinity;
    }
    // Augment backwards from T. A participant on the path leaves the node it was placed through
    // (the reverse arc it was reached by) for its outgoing arc, or for T (unplaced).
    let x = T;
    if (pred[T]! >= GN) flow++;
    while (x !== p) {
      const y = pred[x]!;
      if (y < GN) {
        if (assignArc[y]! >= 0) unlink(mHead, mNext, mPrev, y, arcNode[assignArc[y]!]!);
        if (x === T) assignArc[y] = -1;
        else {
          assignArc[y] = predArc[x]!;
          link(mHead, mNext, mPrev, y, x);
        }
      } else if (x === T) vFlow[y - VN]!++;
      else if (x >= VN)
        gFlow[y - GN]!++; // group -> visit
      else if (x >= GN) gFlow[x - GN]!--; // visit -> group (reverse)
      // node -> participant (reverse): handled when the participant's outgoing arc is.
      x = y;
    }
  }
  work.stamp = stamp;
  return { assignArc, flow };
}
