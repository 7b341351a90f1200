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
 * that of a child that only builds the instance). Then networkx's network_simplex (Debian's
 * python3-networkx, /usr/bin/python3) on the same flow network (with the unplaced arcs): time
 * ratio and whether the objective values are equal. The reference runs share a 10-minute budget.
 * Prints figures; asserts nothing.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { generateInstance, type GenerateOptions } from "../app/domain/placement/generate";
import { prepare } from "../app/domain/placement/prepare";
import { solvePlacement } from "../app/domain/placement/solve";

const CASES: Record<string, { gen: GenerateOptions; runs: number; targets: { optimal: number; stable: number } }> = {
  realistic: { gen: { seed: 1, participants: 200, visits: 15, capacity: [12, 20], countryCap: 4, listLength: 5 }, runs: 201, targets: { optimal: 10, stable: 10 } },
  "5k-ranked": { gen: { seed: 2, participants: 5000, visits: 300, capacity: [10, 25], countryCap: 3, listLength: 10 }, runs: 7, targets: { optimal: 150, stable: 20 } },
  "5k-all": { gen: { seed: 2, participants: 5000, visits: 300, capacity: [10, 25], countryCap: 3, listLength: 10, acceptUnranked: true }, runs: 5, targets: { optimal: 150, stable: 20 } },
  clearinghouse: { gen: { seed: 3, participants: 45000, visits: 6400, capacity: [4, 10], countryCap: null, listLength: 12 }, runs: 3, targets: { optimal: 3000, stable: 500 } },
};
const NX_BUDGET_MS = 10 * 60 * 1000;
const self = fileURLToPath(import.meta.url);

type ChildOut = { medianMs: number; minMs: number; cpuMs: number; peakRss: number; placed: number; value: number; arcs: number };

function child(name: string, mode: "optimal" | "stable" | "none"): void {
  const c = CASES[name]!;
  const inst = generateInstance(c.gen);
  const arcs = prepare(inst).arcCost.length;
  const times: number[] = [];
  const cpu: number[] = [];
  const cpuNow = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
  let placed = 0;
  let value = 0;
  // Warm-up runs first: the app server is long-lived, so steady-state (JIT-compiled) times matter.
  // A small instance needs a few hundred solves before V8 has optimised the hot loops.
  if (mode !== "none") for (let r = 0; r < (c.gen.participants < 1000 ? 300 : 1); r++) solvePlacement(inst, { mode, explain: false });
  if (mode !== "none")
    for (let r = 0; r < c.runs; r++) {
      const t = performance.now();
      const c0 = cpuNow();
      const res = solvePlacement(inst, { mode, explain: false });
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

function main(): void {
  const only = process.argv.slice(2).filter((a) => !a.startsWith("--"));
  const noNx = process.argv.includes("--no-networkx");
  const nxProblem = noNx ? "disabled (--no-networkx)" : ensureNetworkx();
  if (nxProblem) console.log(`networkx reference: ${nxProblem}`);
  const nxStart = Date.now();
  const fmtMs = (ms: number) => (ms >= 100 ? ms.toFixed(0) : ms.toFixed(1));
  const mb = (b: number) => (b / 2 ** 20).toFixed(0);
  const rows: string[] = [];
  console.log(`placement bench on ${os.cpus().length} CPU(s), load ${os.loadavg().map((l) => l.toFixed(1)).join(" ")}; times are medians (wall, and [cpu] = process CPU time, less sensitive to load)`);
  for (const name of Object.keys(CASES)) {
    if (only.length && !only.includes(name)) continue;
    const c = CASES[name]!;
    const base = runChild(name, "none");
    const opt = runChild(name, "optimal");
    const st = runChild(name, "stable");
    let nx = "skipped";
    if (!nxProblem) {
      const left = NX_BUDGET_MS - (Date.now() - nxStart);
      if (left <= 5000) nx = "cut (budget spent)";
      else {
        const file = path.join(os.tmpdir(), `vlx-placement-${name}.json`);
        writeNetwork(name, file);
        const r = spawnSync("/usr/bin/python3", [path.join(path.dirname(self), "networkx_reference.py"), file], { encoding: "utf8", timeout: left, maxBuffer: 1 << 20 });
        fs.rmSync(file, { force: true });
        if (r.error || r.status !== 0) nx = r.signal ? `cut after ${((Date.now() - nxStart) / 1000).toFixed(0)} s (10-min budget)` : `failed: ${r.stderr.trim().split("\n").pop()}`;
        else {
          const o = JSON.parse(r.stdout) as { flowCost: number; seconds: number };
          nx = `${(o.seconds * 1000).toFixed(0)} ms, ${(o.seconds * 1000 / opt.medianMs).toFixed(0)}x slower, objective ${o.flowCost === opt.value ? "equal" : `DIFFERENT (${o.flowCost} vs ${opt.value})`}`;
        }
      }
    }
    const ok = (ms: number, target: number) => (ms <= target ? "ok" : "MISSED");
    rows.push(
      `| ${name} | ${opt.arcs} | ${opt.placed} / ${st.placed} | ${fmtMs(opt.medianMs)} [cpu ${fmtMs(opt.cpuMs)}] (${ok(opt.medianMs, c.targets.optimal)} <= ${c.targets.optimal}) | ${fmtMs(st.medianMs)} [cpu ${fmtMs(st.cpuMs)}] (${ok(st.medianMs, c.targets.stable)} <= ${c.targets.stable}) | ${mb(opt.peakRss - base.peakRss)} / ${mb(st.peakRss - base.peakRss)} (base ${mb(base.peakRss)}) | ${nx} |`,
    );
    console.log(rows[rows.length - 1], `load ${os.loadavg()[0]!.toFixed(1)}`);
  }
  console.log("\n| case | arcs | placed optimal / stable | optimal ms | stable ms | peak RSS MB above instance, optimal / stable | networkx network_simplex |");
  console.log("|---|---|---|---|---|---|---|");
  for (const r of rows) console.log(r);
}

if (process.argv[2] === "--child") child(process.argv[3]!, process.argv[4] as "optimal" | "stable" | "none");
else main();
