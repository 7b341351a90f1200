/**
 * Phase 1 of the optimal mode (flow.ts): a maximum flow F* on the residual network (residual.ts).
 * Each participant takes their cheapest arc with room left (greedy), then Dinic's blocking flows
 * on the residual network until T is unreachable (Dinic 1970; Ahuja, Magnanti & Orlin 1993,
 * "Network Flows", sec. 7.5). Every S -> p arc has capacity 1, so each augmenting path carries
 * one unit. Complexity: O(m sqrt n) (unit capacities out of S).
 */
import type { Prepared } from "./prepare";
import type { Residual } from "./residual";

/** Pushes a maximum flow into `net` (from zero flow); returns its value. */
export function maxFlow(pr: Prepared, net: Residual): number {
  const P = pr.participants.length;
  const { arcStart, arcGroup, groupVisit } = pr;
  const { N, S, T, VN, gNode, first, head, res, sister, sArc } = net;
  const push1 = (a: number) => {
    res[a]!--;
    res[sister[a]!]!++;
  };

  // Greedy: cheapest arc with room.
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
  return flow;
}
