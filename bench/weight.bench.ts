/**
 * `npm run bench -- weight`: the weight of every page from the production build (run
 * `npx remix build` first): script bytes (gzip, everything the page loads: entry, root, its route
 * chain, their chunks — tests/support/bundle-sizes.ts) against the budget of issue 14, and the gzip
 * size of each stylesheet in the build (the root's app.css on every page, an area's sheet on its pages).
 *
 * Then Largest Contentful Paint of the participant pages in Chromium on a throttled slow-3G network
 * (./lcp.ts; needs build/server.js and Chromium: `node scripts/build.mjs` first).
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { formatWeights, routeWeights } from "../tests/support/bundle-sizes";
import { slowNetworkLcp } from "./lcp";

const rows = routeWeights();
console.log(formatWeights(rows));
const over = rows.filter((r) => r.gzipBytes > r.budgetBytes).length;
console.log(`\n${rows.length} pages, ${over} over budget`);

const assets = path.resolve("public/build/_assets");
console.log("\nstylesheets (gzip kB):");
for (const f of readdirSync(assets)
  .filter((n) => n.endsWith(".css"))
  .sort()) {
  const buf = readFileSync(path.join(assets, f));
  console.log(`  ${f.padEnd(36)} ${(gzipSync(buf, { level: 9 }).length / 1000).toFixed(1).padStart(6)}`);
}

await slowNetworkLcp();
