// `npm start` (and `npm run backup`/`restore` with --only-build): builds only when the build is missing or older than the sources (and the build
// tools are installed: a deployment from a built artifact has no devDependencies), then runs the
// compiled server (build/server.js) in this very process with NODE_ENV=production. Running in
// this process, not a child, means SIGTERM/SIGINT sent to `npm start` reach the server's own
// graceful shutdown (server.ts), and nothing is left orphaned.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
process.chdir(root);

const OUTPUTS = ["build/server.js", "build/index.js", "build/backup.js", "build/restore.js", "public/sw.js"];
const SOURCES = ["app", "db", "server.ts", "scripts/backup.ts", "scripts/restore.ts", "scripts/build.mjs", "remix.config.js", "package.json", "public"];

/** Newest modification time (ms) under `p`, skipping public/build and public/sw.js (outputs). */
function newest(p) {
  let st;
  try {
    st = fs.statSync(p);
  } catch {
    return 0;
  }
  if (!st.isDirectory()) return st.mtimeMs;
  if (p === path.join("public", "build") || p === path.join("public", "sw.js")) return 0;
  let max = 0;
  for (const e of fs.readdirSync(p)) max = Math.max(max, newest(path.join(p, e)));
  return max;
}

function buildIsCurrent() {
  let oldest = Infinity;
  for (const o of OUTPUTS) {
    try {
      oldest = Math.min(oldest, fs.statSync(o).mtimeMs);
    } catch {
      return { exists: false, current: false };
    }
  }
  return { exists: true, current: Math.max(...SOURCES.map(newest)) <= oldest };
}

// A deployment from a built artifact carries no sources (no server.ts, no app/routes): nothing to
// compare the build with, so it is served as it is.
const fromArtifact = !fs.existsSync("server.ts") && !fs.existsSync(path.join("app", "routes"));
const state = fromArtifact ? { exists: true, current: true } : buildIsCurrent();
if (!state.current) {
  const canBuild = fs.existsSync("node_modules/@remix-run/dev") && fs.existsSync("node_modules/esbuild");
  if (canBuild) {
    console.log(state.exists ? "npm start: sources changed since the last build; building..." : "npm start: no build yet; building...");
    const r = spawnSync(process.execPath, ["scripts/build.mjs"], { stdio: "inherit" });
    if (r.status !== 0) process.exit(r.status ?? 1);
  } else if (state.exists) {
    console.warn("npm start: the build looks older than the sources, but the build tools are not installed (npm ci --omit=dev); serving the existing build.");
  } else {
    console.error("npm start: there is no build and the build tools are not installed; run `npm ci && npm run build` first.");
    process.exit(1);
  }
}

if (process.argv.includes("--only-build")) process.exit(0); // npm run backup / restore: build only

process.env.NODE_ENV = "production";
await import(pathToFileURL(path.join(root, "build/server.js")).href);
