// `npm run place`: runs the compiled placement CLI (build/place.js, from scripts/place.ts) in this
// process, so no TypeScript loader starts at run time. Builds it first with esbuild (a fraction of
// a second; only this entry, not the Remix build) when it is missing or older than its sources
// and esbuild is installed; a deployment without devDependencies runs the existing build.
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const out = path.join(root, "build", "place.js");
const SOURCES = ["app/domain/placement", "scripts/place.ts", "scripts/place.mjs", "package.json"].map((s) => path.join(root, s));

/** Newest modification time (ms) under `p`. */
function newest(p) {
  let st;
  try {
    st = fs.statSync(p);
  } catch {
    return 0;
  }
  if (!st.isDirectory()) return st.mtimeMs;
  let max = st.mtimeMs;
  for (const e of fs.readdirSync(p)) max = Math.max(max, newest(path.join(p, e)));
  return max;
}

let built = 0;
try {
  built = fs.statSync(out).mtimeMs;
} catch {
  // no build yet
}
if (built < Math.max(...SOURCES.map(newest))) {
  let esbuild = null;
  try {
    esbuild = await import("esbuild");
  } catch {
    // not installed (npm ci --omit=dev): run the existing build
  }
  if (esbuild) {
    // Same settings as scripts/build.mjs: bare imports stay external (zod from node_modules).
    // Written to temporary names then renamed: concurrent runs never import a half-written file.
    const r = await esbuild.build({
      entryPoints: { place: path.join(root, "scripts/place.ts") },
      outdir: path.join(root, "build"),
      bundle: true,
      platform: "node",
      format: "esm",
      target: "node20",
      packages: "external",
      sourcemap: true,
      logLevel: "warning",
      write: false,
    });
    fs.mkdirSync(path.dirname(out), { recursive: true });
    for (const f of r.outputFiles) {
      const tmp = `${f.path}.${process.pid}.tmp`;
      fs.writeFileSync(tmp, f.contents);
      fs.renameSync(tmp, f.path);
    }
  } else if (!built) {
    process.stderr.write("place: there is no build/place.js and esbuild is not installed; run `npm ci && npm run build` first.\n");
    process.exit(1);
  }
}
await import(pathToFileURL(out).href);
