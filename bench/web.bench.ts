/**
 * Page throughput of the built VLX server against a minimal Remix app (issue 13, item 2).
 * Run: `npm run bench -- web` (or `npx tsx bench/web.bench.ts`).
 *
 * In one run it
 * 1. builds VLX when the build is missing or older than the sources (`scripts/start.mjs
 *    --only-build`) and builds the minimal app (bench/web-baseline: Remix 2.17, same classic
 *    compiler, one route doing one indexed better-sqlite3 query) when it is missing or stale;
 * 2. starts `node build/server.js` (NODE_ENV=production, a temporary DATABASE_PATH, SEED_DEMO=true;
 *    ready at its "VLX is serving" line) and the minimal app, each on a free port;
 * 3. logs in once per role with the demo accounts (db/seed) and keeps the session cookie;
 * 4. drives both with autocannon (50 connections) in interleaved rounds (baseline, VLX, baseline,
 *    VLX, ...; one discarded warm-up round each) for: the public home page `/`, a participant's
 *    `/me` and `/me/itinerary`, an organizer's review list `/admin/applications`, and a form POST
 *    (the applicant's draft save, `POST /apply/:id` intent=save, which writes and redirects);
 * 5. as a control, saves the <body> of each measured VLX page (scripts removed) and has the minimal
 *    app render exactly that markup with React (route /markup/:name, bench/web-baseline/app/
 *    markup.server.ts) after its one query: what React's server rendering of the same elements and
 *    text costs by itself, without VLX's loaders, layout, i18n or routes; measured in the same
 *    interleaved rounds (baseline, control, VLX);
 * 6. prints a Markdown table of medians over the rounds: req/s, p50 and p99 latency (ms), server
 *    CPU per request (ms, from /proc), the ratio of VLX's req/s to the minimal route's, and the
 *    same ratio from CPU per request (minimal / VLX: what the req/s ratio is on a quiet machine,
 *    where both servers are CPU bound; it moves far less with other load than req/s does), with
 *    `uptime` before and after (the machine may be shared).
 *
 * Goal (issue 13): every GET at 80% or more of the minimal route. Every probe checks the answer
 * first (200 and the page's own marker; the POST's 302 to `?saved=1`), and a round with any other
 * status fails the run, so a login redirect can never pass for a fast page.
 *
 * Knobs: WEB_BENCH_SECONDS (per round, default 5), WEB_BENCH_ROUNDS (default 3),
 * WEB_BENCH_CONNECTIONS (default 50), WEB_BENCH_ONLY (comma-separated target names).
 */
import { execSync, spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import readline from "node:readline";
import autocannon from "autocannon";

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const BASELINE_DIR = path.join(ROOT, "bench/web-baseline");
const SECONDS = Number(process.env.WEB_BENCH_SECONDS ?? 5);
const ROUNDS = Number(process.env.WEB_BENCH_ROUNDS ?? 3);
const CONNECTIONS = Number(process.env.WEB_BENCH_CONNECTIONS ?? 50);
const ONLY = process.env.WEB_BENCH_ONLY?.split(",").filter(Boolean);
const DEMO_PASSWORD = "vlx-demo-2026";

function newest(p: string): number {
  let st: fs.Stats;
  try {
    st = fs.statSync(p);
  } catch {
    return 0;
  }
  if (!st.isDirectory()) return st.mtimeMs;
  return Math.max(0, ...fs.readdirSync(p).map((e) => newest(path.join(p, e))));
}

function buildAll() {
  const vlx = spawnSync(process.execPath, ["scripts/start.mjs", "--only-build"], { cwd: ROOT, stdio: "inherit" });
  if (vlx.status !== 0) throw new Error("VLX build failed");
  const out = path.join(BASELINE_DIR, "build/index.js");
  const sources = Math.max(newest(path.join(BASELINE_DIR, "app")), newest(path.join(BASELINE_DIR, "remix.config.js")));
  if (newest(out) < sources) {
    console.log("building the minimal Remix app (bench/web-baseline)...");
    const r = spawnSync("npx", ["remix", "build", "bench/web-baseline"], { cwd: ROOT, stdio: "inherit", env: { ...process.env, NODE_ENV: "production" } });
    if (r.status !== 0) throw new Error("baseline build failed");
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.on("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

/** Spawns `args` and resolves once a stdout line contains `ready`; keeps draining its output. */
function start(name: string, args: string[], cwd: string, env: NodeJS.ProcessEnv, ready: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, args, { cwd, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  const errors: string[] = [];
  child.stderr!.on("data", (b: Buffer) => errors.push(b.toString()));
  return new Promise((resolve, reject) => {
    const lines = readline.createInterface({ input: child.stdout! });
    let up = false;
    lines.on("line", (line) => {
      if (!up && line.includes(ready)) {
        up = true;
        resolve(child);
      }
    });
    child.on("exit", (code) => {
      if (!up) reject(new Error(`${name} exited (${code}) before it was ready:\n${errors.join("")}`));
    });
  });
}

/** Server CPU time (user + system, ms) of `pid` so far, from /proc (Linux); NaN elsewhere. */
function cpuMs(pid: number): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime, stime in USER_HZ=100
  } catch {
    return NaN;
  }
}

async function login(base: string, email: string): Promise<string> {
  const res = await fetch(`${base}/login`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: base },
    body: new URLSearchParams({ email, password: DEMO_PASSWORD, redirectTo: "" }),
  });
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith("vlx_session="));
  if (res.status !== 302 || !cookie) throw new Error(`login as ${email}: ${res.status}`);
  return cookie.split(";")[0];
}

type Target = {
  name: string;
  path: string;
  method?: "GET" | "POST";
  cookie?: string;
  body?: string;
  /** Checks one answer of the real server (status, marker) before the rounds. */
  expect: (res: Response, text: string) => boolean;
};

type Round = { rps: number; p50: number; p99: number; cpuPerReq: number };

function cannon(url: string, t: Target | null): Promise<autocannon.Result> {
  const headers: Record<string, string> = {};
  if (t?.cookie) headers.cookie = t.cookie;
  if (t?.body) {
    headers["content-type"] = "application/x-www-form-urlencoded";
    headers.origin = new URL(url).origin;
  }
  return new Promise((resolve, reject) => {
    autocannon({ url, connections: CONNECTIONS, duration: SECONDS, method: t?.method ?? "GET", headers, body: t?.body }, (err, r) =>
      err ? reject(err) : resolve(r),
    );
  });
}

async function round(child: ChildProcess, url: string, t: Target | null, okStatus: number): Promise<Round> {
  const before = cpuMs(child.pid!);
  const r = await cannon(url, t);
  const cpu = cpuMs(child.pid!) - before;
  const bad = Object.entries(r.statusCodeStats ?? {}).filter(([code]) => Number(code) !== okStatus);
  if (bad.length || r.errors || r.timeouts) {
    throw new Error(`${url}: unexpected answers ${JSON.stringify(bad)} errors ${r.errors} timeouts ${r.timeouts}`);
  }
  return {
    rps: r.requests.total / Math.max(0.001, r.duration),
    p50: r.latency.p50,
    p99: r.latency.p99,
    cpuPerReq: r.requests.total ? cpu / r.requests.total : NaN,
  };
}

// A round in which no request completed (rounds shorter than the latency on a busy machine) has
// no CPU per request (NaN in the table); raise WEB_BENCH_SECONDS then.
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const load = () => execSync("uptime").toString().trim();

/** The file name (without .html) under which a target's markup is saved for the control route. */
const slug = (t: Target) =>
  t.path
    .replace(/[^a-z0-9]+/gi, "-")
    .replace(/^-|-$/g, "")
    .toLowerCase() || "home";

/** Saves the inside of a page's <body>, its scripts removed, for the control route. */
function saveMarkup(dir: string, name: string, html: string) {
  const body = /<body[^>]*>([\s\S]*)<\/body>/i.exec(html)?.[1];
  if (!body) throw new Error(`${name}: no <body> to save for the control`);
  fs.writeFileSync(path.join(dir, `${name}.html`), body.replace(/<script\b[\s\S]*?<\/script>/gi, ""));
}

const markupBytes = (dir: string, name: string) => fs.statSync(path.join(dir, `${name}.html`)).size;

async function main() {
  buildAll();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "vlx-bench-web-"));
  const markupDir = path.join(tmp, "markup");
  fs.mkdirSync(markupDir);
  const [vlxPort, basePort] = await Promise.all([freePort(), freePort()]);
  const vlxBase = `http://localhost:${vlxPort}`;
  const baseUrl = `http://localhost:${basePort}/`;
  const children: ChildProcess[] = [];
  const stopAll = () => children.forEach((c) => c.exitCode === null && c.kill("SIGTERM"));
  process.on("exit", stopAll);
  try {
    const [vlx, base] = await Promise.all([
      start(
        "VLX",
        ["build/server.js"],
        ROOT,
        {
          NODE_ENV: "production",
          PORT: String(vlxPort),
          DATABASE_PATH: path.join(tmp, "vlx.sqlite"),
          SEED_DEMO: "true",
          APP_URL: vlxBase,
          VLX_LOG_LEVEL: "info", // as deployed: one request line each
        },
        "VLX is serving",
      ),
      start(
        "baseline",
        ["server.mjs"],
        BASELINE_DIR,
        { NODE_ENV: "production", PORT: String(basePort), BASELINE_DB: path.join(tmp, "baseline.sqlite"), MARKUP_DIR: markupDir },
        "baseline serving",
      ),
    ]);
    children.push(vlx, base);

    const participant = await login(vlxBase, "sari.id@vlx.demo"); // accepted, with a placement and sessions
    const drafter = await login(vlxBase, "somchai.jaidee@vlx.demo"); // has a draft
    const organizer = await login(vlxBase, "organizer@vlx.demo");
    const mePage = await (await fetch(`${vlxBase}/me`, { headers: { cookie: drafter } })).text();
    const editionId = /href="\/apply\/(\d+)"/.exec(mePage)?.[1];
    if (!editionId) throw new Error("the draft applicant's /me shows no /apply/:id link");
    const draftForm = new URLSearchParams({ intent: "save", givenName: "Somchai", familyName: "Jaidee" }).toString();

    const allTargets: Target[] = [
      { name: "GET / (public)", path: "/", expect: (r, s) => r.status === 200 && s.includes("<main") },
      { name: "GET /me (participant)", path: "/me", cookie: participant, expect: (r, s) => r.status === 200 && s.includes('href="/me/itinerary"') },
      { name: "GET /me/itinerary", path: "/me/itinerary", cookie: participant, expect: (r) => r.status === 200 },
      {
        name: "GET /admin/applications (organizer)",
        path: "/admin/applications",
        cookie: organizer,
        expect: (r, s) => r.status === 200 && s.includes("/admin/applications/"),
      },
      {
        name: "POST /apply/:id (draft save)",
        path: `/apply/${editionId}`,
        method: "POST",
        cookie: drafter,
        body: draftForm,
        expect: (r) => r.status === 302 && (r.headers.get("location") ?? "").includes("saved=1"),
      },
    ];
    const targets = allTargets.filter((t) => !ONLY || ONLY.some((o) => t.name.includes(o)));

    for (const t of targets) {
      const res = await fetch(vlxBase + t.path, {
        method: t.method ?? "GET",
        redirect: "manual",
        headers: { ...(t.cookie ? { cookie: t.cookie } : {}), ...(t.body ? { "content-type": "application/x-www-form-urlencoded", origin: vlxBase } : {}) },
        body: t.body,
      });
      const text = await res.text();
      if (!t.expect(res, text)) throw new Error(`${t.name}: unexpected answer ${res.status} ${res.headers.get("location") ?? ""}`);
      if ((t.method ?? "GET") === "GET") saveMarkup(markupDir, slug(t), text);
    }

    const loadBefore = load();
    console.log(`${CONNECTIONS} connections, ${ROUNDS} rounds of ${SECONDS} s per side (after one warm-up round), medians; node ${process.version}`);
    console.log(`uptime before: ${loadBefore}`);
    const rows: string[] = [];
    const controlRows: string[] = [];
    const pct = (x: number) => `${(x * 100).toFixed(0)}%`;
    for (const t of targets) {
      const isGet = (t.method ?? "GET") === "GET";
      const a: Round[] = [];
      const b: Round[] = [];
      const c: Round[] = [];
      for (let i = 0; i <= ROUNDS; i++) {
        const ra = await round(base, baseUrl, null, 200);
        const rc = isGet ? await round(base, `${baseUrl}markup/${slug(t)}`, null, 200) : null;
        const rb = await round(vlx, vlxBase + t.path, t, t.method === "POST" ? 302 : 200);
        if (i > 0) {
          a.push(ra);
          b.push(rb);
          if (rc) c.push(rc);
        }
      }
      const m = (rs: Round[], k: keyof Round) => median(rs.map((r) => r[k]));
      const ratio = m(b, "rps") / m(a, "rps");
      const cpuRatio = m(a, "cpuPerReq") / m(b, "cpuPerReq");
      const row = `| ${t.name} | ${m(b, "rps").toFixed(0)} | ${m(b, "p50").toFixed(0)} | ${m(b, "p99").toFixed(0)} | ${m(b, "cpuPerReq").toFixed(2)} | ${m(a, "rps").toFixed(0)} | ${m(a, "p50").toFixed(0)} | ${m(a, "p99").toFixed(0)} | ${m(a, "cpuPerReq").toFixed(2)} | ${pct(ratio)} | ${pct(cpuRatio)} |`;
      rows.push(row);
      console.log(
        `${t.name}: ${m(b, "rps").toFixed(0)} req/s vs ${m(a, "rps").toFixed(0)} (${pct(ratio)}); CPU ${m(b, "cpuPerReq").toFixed(2)} vs ${m(a, "cpuPerReq").toFixed(2)} ms/req`,
      );
      if (c.length) {
        controlRows.push(
          `| ${t.name} | ${(markupBytes(markupDir, slug(t)) / 1024).toFixed(1)} | ${m(c, "rps").toFixed(0)} | ${m(c, "cpuPerReq").toFixed(2)} | ${pct(m(c, "rps") / m(a, "rps"))} | ${pct(m(a, "cpuPerReq") / m(c, "cpuPerReq"))} | ${pct(m(c, "cpuPerReq") / m(b, "cpuPerReq"))} |`,
        );
        console.log(`  control (minimal app rendering the same markup): ${m(c, "rps").toFixed(0)} req/s, CPU ${m(c, "cpuPerReq").toFixed(2)} ms/req`);
      }
    }
    console.log("");
    console.log(
      "| target | VLX req/s | p50 ms | p99 ms | CPU ms/req | minimal req/s | p50 ms | p99 ms | CPU ms/req | req/s VLX / minimal | CPU minimal / VLX |",
    );
    console.log("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    for (const r of rows) console.log(r);
    console.log("");
    if (controlRows.length) {
      console.log("Control: the minimal app rendering each VLX page's own markup (its body, scripts removed) after its one query.");
      console.log("| target | markup KB | control req/s | CPU ms/req | req/s control / minimal | CPU minimal / control | control's share of VLX's CPU |");
      console.log("|---|---:|---:|---:|---:|---:|---:|");
      for (const r of controlRows) console.log(r);
      console.log("");
    }
    console.log(`uptime before: ${loadBefore}`);
    console.log(`uptime after:  ${load()}`);
  } finally {
    stopAll();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

await main();
