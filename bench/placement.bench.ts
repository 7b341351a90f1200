/**
 * Placement engine benchmark: `tsx bench/placement.bench.ts` (also run by bench/run.ts).
 *
 * Seeded generated instances (app/domain/placement/generate.ts):
 *   realistic      200 participants, 15 visits
 *   5k-ranked      5,000 x 300 visits x 13 countries, capacity 10-25, k = 3, 10-item lists
 *   5k-all         the same with every eligible visit acceptable (options.acceptUnranked)
 *   clearinghouse  45,000 x 6,400 visits, 12-item lists, no country cap
 * For each case and mode: median solve time (interning, the network (optimal) or the lazily built
 * lists (stable), solve, objective; explanations off) over
 * several runs after warm-up runs (wall clock, and process CPU time, which a loaded machine inflates
 * less), and peak RSS, each measured in a child process (peak RSS of the process minus
 * that of a child that only builds the instance). Interleaved per case: the optimal mode, the
 * same with the previous algorithm (max flow + cost scaling, `flowMethod: "scaling"`), LEMON's
 * NetworkSimplex in C++ (a driver of our own built with g++ -O2 against Debian's liblemon-dev,
 * installed with apt-get when run as root, skipped with one line otherwise; median of 3 runs on
 * the same network as simplex.ts, written as DIMACS; ratio of the optimal mode's time to it, wall
 * and CPU, the CPU one judged against the goal of 2, and whether the flow costs are equal), then
 * the stable mode. Then networkx's network_simplex (Debian's python3-networkx, /usr/bin/python3)
 * on the same flow network (with the unplaced arcs): time ratio and whether the objective values
 * are equal. Every case runs in three interleaved rounds (median figures, every round printed):
 * the host of the project's machine changes speed by up to 2x for seconds to minutes at a time.
 * networkx runs in each round where it takes seconds (realistic, 5k-ranked), once where it takes
 * minutes. The networkx runs
 * share a 10-minute budget, so the benchmark ends in minutes.
 * Each case's row ends with the load and a check of the host's speed before and after it (a
 * fixed loop, `hostCheck`): absolute times are only comparable between runs at the same check.
 * `--no-networkx`, `--no-lemon` skip a reference. Prints figures; asserts nothing.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { generateInstance, type GenerateOptions } from "../app/domain/placement/generate";
import { prepare } from "../app/domain/placement/prepare";
import { networkSimplex, simplexNetwork } from "../app/domain/placement/simplex";
import { solvePlacement } from "../app/domain/placement/solve";

const CASES: Record<string, { gen: GenerateOptions; runs: number; rounds: number; nxRounds: number; targets: { optimal: number; stable: number } }> = {
  realistic: {
    gen: { seed: 1, participants: 200, visits: 15, capacity: [12, 20], countryCap: 4, listLength: 5 },
    runs: 201,
    rounds: 3,
    nxRounds: 3,
    targets: { optimal: 10, stable: 10 },
  },
  "5k-ranked": {
    gen: { seed: 2, participants: 5000, visits: 300, capacity: [10, 25], countryCap: 3, listLength: 10 },
    runs: 7,
    rounds: 3,
    nxRounds: 3,
    targets: { optimal: 90, stable: 10 },
  },
  "5k-all": {
    gen: { seed: 2, participants: 5000, visits: 300, capacity: [10, 25], countryCap: 3, listLength: 10, acceptUnranked: true },
    runs: 5,
    rounds: 3,
    nxRounds: 1,
    targets: { optimal: 400, stable: 20 },
  },
  clearinghouse: {
    gen: { seed: 3, participants: 45000, visits: 6400, capacity: [4, 10], countryCap: null, listLength: 12 },
    runs: 3,
    rounds: 3,
    nxRounds: 1,
    targets: { optimal: 1500, stable: 500 },
  },
};
const NX_BUDGET_MS = 10 * 60 * 1000;
const self = fileURLToPath(import.meta.url);

type ChildOut = { medianMs: number; minMs: number; cpuMs: number; peakRss: number; placed: number; value: number; arcs: number };

type ChildMode = "optimal" | "stable" | "none" | "scaling";

function child(name: string, which: ChildMode): void {
  // "scaling": the optimal mode with the previous algorithm (max flow + cost scaling), the baseline.
  const mode = which === "scaling" ? "optimal" : which;
  const flowMethod = which === "scaling" ? ("scaling" as const) : ("auto" as const);
  const c = CASES[name]!;
  const inst = generateInstance(c.gen);
  const arcs = prepare(inst).arcCost.length;
  const times: number[] = [];
  const cpu: number[] = [];
  const cpuNow = () => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  };
  let placed = 0;
  let value = 0;
  // Warm-up runs first: the app server is long-lived, so steady-state (JIT-compiled) times matter.
  // A small instance needs a few hundred solves before V8 has optimised the hot loops.
  // The stable mode takes milliseconds: 30 warm-up runs on the larger cases too. The optimal mode's
  // first 4 or 5 solves of a process run while V8 still compiles the simplex (OSR, deoptimised and
  // recompiled as new paths are reached; seen with --trace-opt --trace-deopt), and the compiler's
  // threads count in process CPU time (5k-ranked measured after 1 warm-up: 64 ms wall, 109 ms
  // CPU): 5 warm-up runs.
  const warmups = c.gen.participants < 1000 ? 300 : mode === "stable" ? 30 : 5;
  if (mode !== "none") for (let r = 0; r < warmups; r++) solvePlacement(inst, { mode, explain: false, flowMethod });
  if (mode !== "none")
    for (let r = 0; r < c.runs; r++) {
      const t = performance.now();
      const c0 = cpuNow();
      const res = solvePlacement(inst, { mode, explain: false, flowMethod });
      times.push(performance.now() - t);
      cpu.push(cpuNow() - c0);
      placed = res.objective.placed;
      value = res.objective.value;
    }
  times.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  const out: ChildOut = {
    medianMs: times.length ? times[times.length >> 1]! : 0,
    minMs: times[0] ?? 0,
    cpuMs: cpu.length ? cpu[cpu.length >> 1]! : 0,
    peakRss: process.resourceUsage().maxRSS * 1024,
    placed,
    value,
    arcs,
  };
  process.stdout.write(JSON.stringify(out));
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;

/**
 * The host's speed right now: median ms of a fixed arithmetic loop (about 0.21 ms on the
 * project's machine when its host runs at full speed, up to twice that in a slow spell, with
 * `uptime` unchanged). Printed with each case so that absolute times can be read against it.
 */
function hostCheck(): number {
  const a = new Float64Array(4096);
  for (let i = 0; i < a.length; i++) a[i] = (i % 97) / 97;
  const times: number[] = [];
  let sink = 0;
  for (let r = 0; r < 200; r++) {
    const t = performance.now();
    for (let k = 0; k < 40; k++) for (let i = 0; i < a.length; i++) sink += a[i]! * a[(i * 7) & 4095]!;
    times.push(performance.now() - t);
  }
  return sink > 0 ? median(times) : 0;
}

/** The child whose CPU median is the median of the children's. */
function medianChild(xs: ChildOut[]): ChildOut {
  return [...xs].sort((a, b) => a.cpuMs - b.cpuMs)[xs.length >> 1]!;
}

function runChild(name: string, mode: string): ChildOut {
  const r = spawnSync(process.execPath, [...process.execArgv, self, "--child", name, mode], { encoding: "utf8", maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(`child ${name}/${mode} failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as ChildOut;
}

/** The optimal mode's network, with the unplaced arcs, as networkx node demands and edges. */
function writeNetwork(name: string, file: string): void {
  const pr = prepare(generateInstance(CASES[name]!.gen));
  const P = pr.participants.length;
  const G = pr.groupVisit.length;
  const V = pr.visits.length;
  const S = P + G + V;
  const T = S + 1;
  const nodes: Array<[number, number]> = [];
  for (let i = 0; i < S; i++) nodes.push([i, 0]);
  nodes.push([S, -P], [T, P]);
  const edges: Array<[number, number, number, number]> = [];
  for (let p = 0; p < P; p++) {
    edges.push([S, p, 1, 0], [p, T, 1, pr.unplacedPenalty]);
    for (let a = pr.arcStart[p]!; a < pr.arcStart[p + 1]!; a++) edges.push([p, P + pr.arcGroup[a]!, 1, pr.arcCost[a]!]);
  }
  for (let g = 0; g < G; g++) edges.push([P + g, P + G + pr.groupVisit[g]!, pr.groupCap[g]!, 0]);
  for (let v = 0; v < V; v++) edges.push([P + G + v, T, pr.visitCap[v]!, 0]);
  fs.writeFileSync(file, JSON.stringify({ nodes, edges }));
}

function ensureNetworkx(): string | null {
  const py = "/usr/bin/python3";
  if (!fs.existsSync(py)) return "no /usr/bin/python3";
  if (spawnSync(py, ["-c", "import networkx"]).status === 0) return null;
  if (process.getuid?.() !== 0) return "networkx missing and not root: reference skipped";
  spawnSync("apt-get", ["update", "-qq"], { stdio: "ignore" });
  const r = spawnSync("apt-get", ["install", "-y", "-qq", "python3-networkx"], { stdio: "ignore" });
  if (r.status !== 0 || spawnSync(py, ["-c", "import networkx"]).status !== 0) return "apt-get install python3-networkx failed: reference skipped";
  return null;
}

/** A small C++ driver of LEMON's NetworkSimplex (block search, its default): DIMACS min on stdin, {"flowCost","seconds"} out. */
const LEMON_DRIVER = `#include <lemon/smart_graph.h>
#include <lemon/dimacs.h>
#include <lemon/network_simplex.h>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <iostream>
using namespace lemon;
typedef NetworkSimplex<SmartDigraph, long long, long long> NS;
static double median3(const double* x) {
  double a = x[0], b = x[1], c = x[2];
  return a > b ? (b > c ? b : (a > c ? c : a)) : (a > c ? a : (b > c ? c : b));
}
int main() {
  SmartDigraph g;
  SmartDigraph::ArcMap<long long> lower(g), cap(g), cost(g);
  SmartDigraph::NodeMap<long long> supply(g);
  readDimacsMin(std::cin, g, lower, cap, cost, supply);
  int runs = 3;
  double best[3], cpu[3];
  long long total = 0;
  for (int r = 0; r < runs; r++) {
    auto t0 = std::chrono::steady_clock::now();
    std::clock_t c0 = std::clock();
    NS ns(g);
    ns.upperMap(cap).costMap(cost).supplyMap(supply);
    if (ns.run() != NS::OPTIMAL) { std::fprintf(stderr, "not optimal\\n"); return 1; }
    best[r] = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    cpu[r] = double(std::clock() - c0) / CLOCKS_PER_SEC;
    total = ns.totalCost();
  }
  // median of three runs (solver construction and run; reading the file excluded)
  std::printf("{\\"flowCost\\":%lld,\\"seconds\\":%.6f,\\"cpuSeconds\\":%.6f}\\n", total, median3(best), median3(cpu));
  return 0;
}
`;

/**
 * Builds the LEMON driver with g++ -O2 against Debian's liblemon-dev (installing both with
 * apt-get when run as root). Returns the binary's path, or why LEMON is skipped.
 */
function buildLemon(): { bin: string } | { skip: string } {
  const have = () => spawnSync("g++", ["--version"], { stdio: "ignore" }).status === 0 && fs.existsSync("/usr/include/lemon/network_simplex.h");
  if (!have()) {
    if (process.getuid?.() !== 0) return { skip: "g++ or liblemon-dev missing and not root: LEMON reference skipped" };
    spawnSync("apt-get", ["update", "-qq"], { stdio: "ignore" });
    spawnSync("apt-get", ["install", "-y", "-qq", "g++", "liblemon-dev"], { stdio: "ignore" });
    if (!have()) return { skip: "apt-get install g++ liblemon-dev failed: LEMON reference skipped" };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vlx-lemon-"));
  fs.writeFileSync(path.join(dir, "driver.cc"), LEMON_DRIVER);
  const bin = path.join(dir, "driver");
  const r = spawnSync("g++", ["-O2", "-o", bin, path.join(dir, "driver.cc")], { encoding: "utf8" });
  if (r.status !== 0) return { skip: `g++ failed: ${r.stderr.trim().split("\n")[0]}` };
  return { bin };
}

/** The optimal mode's min-cost flow network (simplex.ts, the one our solver runs on) in DIMACS "min" format. */
function dimacs(name: string): { text: string; flowCost: number } {
  const pr = prepare(generateInstance(CASES[name]!.gen));
  const net = simplexNetwork(pr);
  const lines = [`p min ${net.nodeCount} ${net.source.length}`];
  for (let u = 0; u < net.nodeCount; u++) if (net.supply[u]) lines.push(`n ${u + 1} ${net.supply[u]}`);
  for (let a = 0; a < net.source.length; a++) lines.push(`a ${net.source[a]! + 1} ${net.target[a]! + 1} 0 ${net.cap[a]} ${net.cost[a]}`);
  return { text: `${lines.join("\n")}\n`, flowCost: networkSimplex(net).totalCost };
}

function main(): void {
  const only = process.argv.slice(2).filter((a) => !a.startsWith("--"));
  const noNx = process.argv.includes("--no-networkx");
  const nxProblem = noNx ? "disabled (--no-networkx)" : ensureNetworkx();
  if (nxProblem) console.log(`networkx reference: ${nxProblem}`);
  const lemon = process.argv.includes("--no-lemon") ? { skip: "disabled (--no-lemon)" } : buildLemon();
  if ("skip" in lemon) console.log(`LEMON reference: ${lemon.skip}`);
  const nxStart = Date.now();
  const fmtMs = (ms: number) => (ms >= 100 ? ms.toFixed(0) : ms.toFixed(1));
  const mb = (b: number) => (b / 2 ** 20).toFixed(0);
  const rows: string[] = [];
  console.log(
    `placement bench on ${os.cpus().length} CPU(s), load ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(" ")}; times are medians (wall, and [cpu] = process CPU time, less sensitive to load)`,
  );
  for (const name of Object.keys(CASES)) {
    if (only.length && !only.includes(name)) continue;
    const c = CASES[name]!;
    const hostBefore = hostCheck();
    const base = runChild(name, "none");
    // Interleaved, in `rounds` rounds (this machine's host changes speed by up to 2x for
    // seconds to minutes at a time, so one child can fall in a slow spell): the optimal mode, the
    // previous algorithm (cost scaling, first round only), LEMON, stable, networkx (below, in the
    // first `nxRounds`). Each figure is the median over the rounds, every round printed.
    const opts: ChildOut[] = [];
    const stables: ChildOut[] = [];
    const lemRounds: Array<{ ms: number; cpu: number; ratio: number; cpuRatio: number; equal: boolean }> = [];
    let scal: ChildOut | null = null;
    let lemFail = "";
    const d = "bin" in lemon ? dimacs(name) : null;
    for (let r = 0; r < c.rounds; r++) {
      const o = runChild(name, "optimal");
      opts.push(o);
      if (r === 0) scal = runChild(name, "scaling");
      if ("bin" in lemon && d && !lemFail) {
        const run = spawnSync(lemon.bin, [], { input: d.text, encoding: "utf8", maxBuffer: 1 << 20 });
        if (run.status !== 0) lemFail = `failed: ${run.stderr.trim()}`;
        else {
          const l = JSON.parse(run.stdout) as { flowCost: number; seconds: number; cpuSeconds: number };
          lemRounds.push({
            ms: l.seconds * 1000,
            cpu: l.cpuSeconds * 1000,
            ratio: o.medianMs / (l.seconds * 1000),
            cpuRatio: o.cpuMs / (l.cpuSeconds * 1000),
            equal: l.flowCost === d.flowCost,
          });
        }
      }
      stables.push(runChild(name, "stable"));
    }
    const opt = medianChild(opts);
    const st = medianChild(stables);
    const each = (xs: number[], digits: number) => (xs.length > 1 ? ` (rounds: ${xs.map((x) => x.toFixed(digits)).join(", ")})` : "");
    let lem = lemFail || "skipped";
    if (lemRounds.length) {
      const cpuRatio = median(lemRounds.map((x) => x.cpuRatio));
      lem = `${fmtMs(median(lemRounds.map((x) => x.ms)))} ms [cpu ${fmtMs(median(lemRounds.map((x) => x.cpu)))}], ratio ${median(lemRounds.map((x) => x.ratio)).toFixed(2)} [cpu ${cpuRatio.toFixed(2)}]${each(
        lemRounds.map((x) => x.cpuRatio),
        2,
      )} (${cpuRatio <= 2 ? "ok" : "MISSED"} <= 2 by cpu), flow cost ${lemRounds.every((x) => x.equal) ? "equal" : "DIFFERENT"}`;
    }
    let nx = "skipped";
    if (!nxProblem) {
      // networkx once per round, each against that round's child of the optimal mode.
      const file = path.join(os.tmpdir(), `vlx-placement-${name}.json`);
      writeNetwork(name, file);
      const rounds: Array<{ nxMs: number; nxCpu: number; ratio: number; cpuRatio: number; equal: boolean }> = [];
      let cut = "";
      for (let r = 0; r < c.nxRounds && !cut; r++) {
        const left = NX_BUDGET_MS - (Date.now() - nxStart);
        if (left <= 5000) {
          cut = "cut (budget spent)";
          break;
        }
        const mine = opts[r]!;
        const run = spawnSync("/usr/bin/python3", [path.join(path.dirname(self), "networkx_reference.py"), file], {
          encoding: "utf8",
          timeout: left,
          maxBuffer: 1 << 20,
        });
        if (run.error || run.status !== 0)
          cut = run.signal ? `cut after ${((Date.now() - nxStart) / 1000).toFixed(0)} s (10-min budget)` : `failed: ${run.stderr.trim().split("\n").pop()}`;
        else {
          const o = JSON.parse(run.stdout) as { flowCost: number; seconds: number; cpuSeconds: number };
          rounds.push({
            nxMs: o.seconds * 1000,
            nxCpu: o.cpuSeconds * 1000,
            ratio: (o.seconds * 1000) / mine.medianMs,
            cpuRatio: (o.cpuSeconds * 1000) / mine.cpuMs,
            equal: o.flowCost === opt.value,
          });
        }
      }
      fs.rmSync(file, { force: true });
      if (rounds.length === 0) nx = cut;
      else {
        const xc = median(rounds.map((x) => x.cpuRatio));
        const each = rounds.length > 1 ? ` (rounds [cpu]: ${rounds.map((x) => x.cpuRatio.toFixed(0)).join(", ")})` : "";
        nx = `${median(rounds.map((x) => x.nxMs)).toFixed(0)} ms [cpu ${median(rounds.map((x) => x.nxCpu)).toFixed(0)}], ${median(rounds.map((x) => x.ratio)).toFixed(0)}x slower [cpu ${xc.toFixed(0)}x]${each} (${xc >= 100 ? "ok" : "MISSED"} >= 100 by cpu), objective ${rounds.every((x) => x.equal) ? "equal" : "DIFFERENT"}${cut ? `; then ${cut}` : ""}`;
      }
    }
    const ok = (ms: number, target: number) => (ms <= target ? "ok" : "MISSED");
    rows.push(
      `| ${name} | ${opt.arcs} | ${opt.placed} / ${st.placed} | ${fmtMs(opt.medianMs)} [cpu ${fmtMs(opt.cpuMs)}]${each(
        opts.map((x) => x.cpuMs),
        1,
      )} (${ok(opt.medianMs, c.targets.optimal)} <= ${c.targets.optimal}) | ${fmtMs(scal!.medianMs)} [cpu ${fmtMs(scal!.cpuMs)}]${scal!.value === opt.value ? "" : " DIFFERENT OBJECTIVE"} | ${lem} | ${fmtMs(st.medianMs)} [cpu ${fmtMs(st.cpuMs)}]${each(
        stables.map((x) => x.cpuMs),
        1,
      )} (${ok(st.medianMs, c.targets.stable)} <= ${c.targets.stable}) | ${mb(opt.peakRss - base.peakRss)} / ${mb(st.peakRss - base.peakRss)} (base ${mb(base.peakRss)}) | ${nx} |`,
    );
    console.log(rows[rows.length - 1], `load ${os.loadavg()[0]!.toFixed(1)}, host check ${hostBefore.toFixed(3)} -> ${hostCheck().toFixed(3)} ms`);
  }
  console.log(
    "\n| case | arcs | placed optimal / stable | optimal ms | optimal by cost scaling (before) ms | LEMON NetworkSimplex (C++ -O2), ratio optimal / LEMON | stable ms | peak RSS MB above instance, optimal / stable | networkx network_simplex |",
  );
  console.log("|---|---|---|---|---|---|---|---|---|");
  for (const r of rows) console.log(r);
}

if (process.argv[2] === "--child") child(process.argv[3]!, process.argv[4] as ChildMode);
else main();
