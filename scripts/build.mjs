// `npm run build`: the service worker (app/offline/sw.ts with Workbox, bundled into public/sw.js
// first, so the stale-build check of scripts/start.mjs sees it older than build/), the Remix build (build/index.js, public/build/) in production mode, then the
// HTTP server and the backup/restore/place commands compiled to plain JavaScript (build/server.js,
// build/backup.js, build/restore.js) with esbuild. Packages stay external, so a deployment runs
// the build with only `dependencies` installed (`npm ci --omit=dev`): no tsx, no esbuild.
import { spawnSync } from "node:child_process";
import { build } from "esbuild";

// The service worker: one classic script, Workbox bundled in, its development logging compiled out.
await build({
  entryPoints: ["app/offline/sw.ts"],
  outfile: "public/sw.js",
  bundle: true,
  platform: "browser",
  format: "iife",
  target: "es2020",
  minify: true,
  define: { "process.env.NODE_ENV": '"production"' },
  legalComments: "none",
  logLevel: "warning",
});

const remix = spawnSync("npx", ["remix", "build"], { stdio: "inherit", env: { ...process.env, NODE_ENV: "production" } });
if (remix.status !== 0) process.exit(remix.status ?? 1);

// Bare imports stay external (resolved from node_modules at run time), except JSON data files
// (i18n-iso-countries' locales): Node's ESM loader refuses JSON without an import attribute.
const packagesExternalButJson = {
  name: "packages-external-but-json",
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => (args.path.endsWith(".json") ? undefined : { path: args.path, external: true }));
  },
};

await build({
  entryPoints: { server: "server.ts", backup: "scripts/backup.ts", restore: "scripts/restore.ts", place: "scripts/place.ts" },
  outdir: "build",
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  plugins: [packagesExternalButJson],
  sourcemap: true,
  logLevel: "warning",
  // The Remix build is loaded at run time by path, never bundled twice.
  external: ["./build/*"],
});
console.log("build: public/sw.js, build/server.js, build/backup.js, build/restore.js, build/place.js");
