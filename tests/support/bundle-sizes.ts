/**
 * Script weight of every page, read from the Remix build (public/build): for each route, the set of
 * JavaScript files a browser downloads to show it — the entry (entry.client), the root route, every
 * ancestor route and the route itself, each with the chunks it imports, followed transitively through
 * the `import` statements inside the built files (the manifest lists only direct imports). Dynamic
 * `import()` is not followed: such chunks load on demand only (the Intl polyfill, app/intl-polyfill/,
 * in a browser without the page language's Intl data), never as part of a page.
 * Sizes are gzip (level 9, as `compression` serves them at most) in bytes.
 *
 * Budgets (issue 14): village-leader pages ≤ 100 kB, host pages and attendance ≤ 120 kB,
 * organizer pages (admin, focal, and hosts' planning forms: HOST_PLANNING) ≤ 200 kB; 1 kB = 1000 bytes.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";

export type ManifestRoute = {
  id: string;
  parentId?: string;
  path?: string;
  index?: boolean;
  module: string;
  imports?: string[];
  hasLoader: boolean;
  hasAction: boolean;
};
export type BuildManifest = {
  entry: { module: string; imports: string[] };
  routes: Record<string, ManifestRoute>;
  url?: string;
};

export type RouteWeight = {
  routeId: string;
  /** URL pattern, e.g. /me/applications/:id */
  pattern: string;
  files: string[];
  gzipBytes: number;
  rawBytes: number;
  budgetBytes: number;
  group: "leader" | "host" | "organizer";
};

/** Reads public/build/manifest-*.js (the one the server build points at, else the newest). */
export function readBuildManifest(root = process.cwd()): BuildManifest {
  const dir = path.join(root, "public/build");
  if (!existsSync(dir)) throw new Error(`no build in ${dir}: run \`npx remix build\` first`);
  let name: string | undefined;
  const serverBuild = path.join(root, "build/index.js");
  if (existsSync(serverBuild)) {
    const m = /"(\/build\/manifest-[A-Z0-9]+\.js)"/.exec(readFileSync(serverBuild, "utf8"));
    if (m) name = path.basename(m[1]);
  }
  if (!name) {
    const all = readdirSync(dir).filter((f) => /^manifest-.*\.js$/.test(f));
    if (all.length !== 1) throw new Error(`expected one manifest in ${dir}, found ${all.length}`);
    name = all[0];
  }
  const text = readFileSync(path.join(dir, name), "utf8");
  return JSON.parse(text.replace(/^window\.__remixManifest=/, "").replace(/;\s*$/, "")) as BuildManifest;
}

const importRe = /(?:import|export)\s*(?:[\w*${}\s,]+from\s*)?["']((?:\.{1,2}|\/build)\/[^"']+)["']/g;

/** Public URL (/build/...) → the file's bytes and its static imports as public URLs. */
function makeReader(root: string) {
  const cache = new Map<string, { raw: number; gz: number; imports: string[] }>();
  return (url: string) => {
    let hit = cache.get(url);
    if (!hit) {
      const file = path.join(root, "public", url);
      const buf = readFileSync(file);
      const text = buf.toString("utf8");
      const imports = [...text.matchAll(importRe)].map((m) => (m[1].startsWith("/") ? m[1] : path.posix.join(path.posix.dirname(url), m[1])));
      hit = { raw: buf.length, gz: gzipSync(buf, { level: 9 }).length, imports };
      cache.set(url, hit);
    }
    return hit;
  };
}

/**
 * A host coordinator's planning forms (site profile, planning, cancelling or scheduling a visit):
 * desk work with the organizers' kind of form (browser validation with zod and conform), so the
 * organizers' budget. Issue 14 sets 120 kB for host attendance; every other host page, which a
 * host opens in the village (home, calendar, visit, print), keeps 120 kB too.
 */
const HOST_PLANNING = /^host\.(sites\.new|sites\.\$siteId\.edit|sites\.\$siteId\.visits\.new|visits\.\$visitId\.(edit|cancel|trainings))$/;

/** Budget group of a route by its id: admin and focal pages (and hosts' planning forms) are organizers', host and attendance pages hosts'. */
export function routeGroup(routeId: string): RouteWeight["group"] {
  const name = routeId.replace(/^routes\//, "");
  if (/^(admin|focal)([._]|$)/.test(name) || HOST_PLANNING.test(name)) return "organizer";
  if (/^(host|attendance)([._]|$)/.test(name)) return "host";
  return "leader";
}

export const BUDGET_BYTES: Record<RouteWeight["group"], number> = {
  leader: 100_000,
  host: 120_000,
  organizer: 200_000,
};

/** Whether app/<routeId>.tsx (or .ts) has a default export, i.e. renders a page. */
function rendersPage(root: string, routeId: string): boolean {
  for (const ext of [".tsx", ".ts", ".jsx", ".js"]) {
    const file = path.join(root, "app", routeId + ext);
    if (existsSync(file)) return /export\s+default\b|as\s+default\b/.test(readFileSync(file, "utf8"));
  }
  return true;
}

function patternOf(manifest: BuildManifest, id: string): string {
  const parts: string[] = [];
  for (let r: ManifestRoute | undefined = manifest.routes[id]; r; r = r.parentId ? manifest.routes[r.parentId] : undefined) {
    if (r.path) parts.unshift(r.path);
  }
  return "/" + parts.join("/").replace(/\/+/g, "/").replace(/^\//, "");
}

/**
 * Weight of every page route (routes that render: resource routes — those whose built module has no
 * default export in app/routes — are skipped, a browser never downloads them). Layout routes are
 * listed too: they render on their own path.
 */
export function routeWeights(root = process.cwd()): RouteWeight[] {
  const manifest = readBuildManifest(root);
  const read = makeReader(root);
  const out: RouteWeight[] = [];
  for (const route of Object.values(manifest.routes)) {
    if (route.id === "root" || !rendersPage(root, route.id)) continue;
    const start: string[] = [manifest.entry.module, ...manifest.entry.imports];
    for (let r: ManifestRoute | undefined = route; r; r = r.parentId ? manifest.routes[r.parentId] : undefined) {
      start.push(r.module, ...(r.imports ?? []));
    }
    const seen = new Set<string>();
    const queue = [...start];
    while (queue.length) {
      const url = queue.pop()!;
      if (seen.has(url)) continue;
      seen.add(url);
      queue.push(...read(url).imports);
    }
    const files = [...seen].sort();
    const group = routeGroup(route.id);
    out.push({
      routeId: route.id,
      pattern: patternOf(manifest, route.id),
      files,
      gzipBytes: files.reduce((s, f) => s + read(f).gz, 0),
      rawBytes: files.reduce((s, f) => s + read(f).raw, 0),
      budgetBytes: BUDGET_BYTES[group],
      group,
    });
  }
  return out.sort((a, b) => a.routeId.localeCompare(b.routeId));
}

/** A plain-text table: route, group, files, raw kB, gzip kB, budget kB, OK/OVER. */
export function formatWeights(rows: RouteWeight[]): string {
  const kb = (n: number) => (n / 1000).toFixed(1);
  const lines = rows.map((r) =>
    [
      (r.pattern + (r.routeId.endsWith("_index") && r.pattern !== "/" ? " (index)" : "")).padEnd(44),
      r.group.padEnd(9),
      String(r.files.length).padStart(5),
      kb(r.rawBytes).padStart(8),
      kb(r.gzipBytes).padStart(8),
      kb(r.budgetBytes).padStart(7),
      r.gzipBytes <= r.budgetBytes ? "ok" : "OVER",
    ].join(" "),
  );
  return [["route".padEnd(44), "group".padEnd(9), "files", "raw kB".padStart(8), "gzip kB".padStart(8), "budget".padStart(7), ""].join(" "), ...lines].join(
    "\n",
  );
}
