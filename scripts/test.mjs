// `npm test`: the whole suite. Makes sure Chromium is there (installs Debian's package when run as
// root, otherwise stops with one clear line), type-checks, builds the app, then runs vitest's
// unit+integration and end-to-end projects. Exits non-zero on any failure.
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

function findChromium() {
  for (const p of [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"]) {
    if (p && fs.existsSync(p)) return p;
  }
  return null;
}

function run(cmd, args, env = {}) {
  const r = spawnSync(cmd, args, { stdio: "inherit", env: { ...process.env, ...env } });
  if (r.status !== 0) {
    console.error(`\nnpm test: '${cmd} ${args.join(" ")}' failed (exit ${r.status ?? r.signal}).`);
    process.exit(r.status || 1);
  }
}

if (!findChromium()) {
  const root = typeof process.getuid === "function" && process.getuid() === 0;
  if (!root) {
    console.error("npm test: Chromium is missing; install it with 'sudo apt-get install -y chromium' (or set CHROMIUM_PATH) and run again.");
    process.exit(1);
  }
  console.log("npm test: installing Debian's chromium (once, about 2 minutes)...");
  execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit" });
  execFileSync("apt-get", ["install", "-y", "-qq", "chromium"], { stdio: "inherit", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
  if (!findChromium()) {
    console.error("npm test: chromium did not install; see the apt-get output above.");
    process.exit(1);
  }
}

// Noto fonts for Thai, Burmese, Khmer, Lao and CJK names (certificates, screenshots): without
// them Chromium draws boxes. Installed only when run as root and only if missing.
if (typeof process.getuid === "function" && process.getuid() === 0 && spawnSync("dpkg", ["-s", "fonts-noto-core"], { stdio: "ignore" }).status !== 0) {
  console.log("npm test: installing fonts-noto-core and fonts-noto-cjk (scripts in names)...");
  try {
    execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit" });
    execFileSync("apt-get", ["install", "-y", "-qq", "fonts-noto-core", "fonts-noto-cjk"], {
      stdio: "inherit",
      env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
    });
  } catch {
    // The tests do not depend on glyphs; only screenshots a person looks at do.
    console.warn("npm test: could not install the Noto fonts; screenshots may show boxes for some scripts.");
  }
}

const only = process.argv.slice(2);
// Lint and format check (`npm run lint`: ESLint, then prettier --check) before the tests; enabled
// once the tree is formatted (the lead runs prettier --write once after merging every branch).
const LINT = true;
if (LINT) run("npm", ["run", "-s", "lint"]);
run("npx", ["tsc", "--noEmit"]);
run(process.execPath, ["scripts/build.mjs"]); // the Remix build and the compiled server (build/server.js)

// vitest's own summary is not a format CI reads, so the totals are also printed as one plain line.
const report = "test-results/vitest.json";
fs.mkdirSync("test-results", { recursive: true });
fs.rmSync(report, { force: true });
const r = spawnSync("npx", ["vitest", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${report}`, ...only], {
  stdio: "inherit",
  env: { ...process.env, CHROMIUM_PATH: findChromium() },
});
let totals = null;
try {
  const j = JSON.parse(fs.readFileSync(report, "utf8"));
  totals = { passed: j.numPassedTests, failed: j.numFailedTests, skipped: j.numPendingTests + (j.numTodoTests ?? 0) };
} catch {
  // no report: vitest itself failed to start; its exit code below says so
}
// The slowest files, so the suite's time has names: the ten longest by wall time.
try {
  const j = JSON.parse(fs.readFileSync(report, "utf8"));
  const files = (j.testResults ?? [])
    .map((f) => ({ name: path.relative(process.cwd(), f.name), ms: (f.endTime ?? 0) - (f.startTime ?? 0) }))
    .sort((a, b) => b.ms - a.ms)
    .slice(0, 10);
  if (files.length) {
    console.log("\nslowest test files:");
    for (const f of files) console.log(`  ${(f.ms / 1000).toFixed(1).padStart(7)} s  ${f.name}`);
  }
} catch {
  // no report: said below
}
if (totals) console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
const failed = r.status !== 0 || !totals || totals.failed > 0 || totals.passed === 0;
process.exit(failed ? r.status || 1 : 0);
