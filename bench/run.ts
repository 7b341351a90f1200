/**
 * `npm run bench`: runs every bench/*.bench.ts in its own process, one after another, and passes
 * their printed figures through. Each benchmark prints its own medians and ratio to a baseline
 * measured in the same run. `npm run bench -- placement` runs only names containing "placement".
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const filter = process.argv[2] ?? "";
const files = fs
  .readdirSync(path.resolve("bench"))
  .filter((f) => f.endsWith(".bench.ts") && f.includes(filter))
  .sort();
let failed = 0;
for (const f of files) {
  console.log(`\n=== ${f} ===`);
  const r = spawnSync("npx", ["tsx", path.join("bench", f)], { stdio: "inherit", env: { ...process.env, VLX_LOG_LEVEL: "silent" } });
  if (r.status !== 0) {
    failed += 1;
    console.error(`${f} failed (exit ${r.status})`);
  }
}
process.exit(failed ? 1 : 0);
