import { routeWeights } from "./tests/support/bundle-sizes";
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
const rows = routeWeights();
const base = new Set(rows.find((r) => r.routeId === "routes/workspaces")!.files);
for (const id of process.argv.slice(2)) {
  const r = rows.find((x) => x.routeId === id)!;
  console.log(id, r.gzipBytes);
  for (const f of r.files.filter((f) => !base.has(f))) {
    const b = readFileSync("public" + f);
    console.log("  ", f, b.length, gzipSync(b, { level: 9 }).length, b.toString().slice(0, 0));
  }
}
