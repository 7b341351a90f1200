"""Reference solver for bench/placement.bench.ts: networkx's network_simplex on the same network.

Reads a JSON file {"nodes": [[id, demand], ...], "edges": [[u, v, capacity, weight], ...]} and
prints {"flowCost": int, "seconds": float, "cpuSeconds": float} (solve time only, graph building
excluded; wall and process CPU time).
"""
import json
import sys
import time

import networkx as nx


def main() -> None:
    with open(sys.argv[1]) as f:
        net = json.load(f)
    g = nx.DiGraph()
    for node, demand in net["nodes"]:
        g.add_node(node, demand=demand)
    for u, v, cap, w in net["edges"]:
        g.add_edge(u, v, capacity=cap, weight=w)
    t = time.perf_counter()
    c = time.process_time()
    cost, _flow = nx.network_simplex(g)
    print(json.dumps({"flowCost": cost, "seconds": time.perf_counter() - t, "cpuSeconds": time.process_time() - c}))


if __name__ == "__main__":
    main()
