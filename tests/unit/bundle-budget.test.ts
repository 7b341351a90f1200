/**
 * Script budget of every page (issue 14), measured on the production build in public/build
 * (run `node scripts/build.mjs` first): gzip bytes of everything a page loads — entry, root, its route
 * chain and their chunks. Village-leader pages ≤ 100 kB, host pages ≤ 120 kB, organizer pages
 * ≤ 200 kB. Prints the whole table, so a failure shows which page grew and by how much.
 */
import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { formatWeights, readBuildManifest, routeWeights } from "../support/bundle-sizes";

const built = existsSync("public/build") && existsSync("build/index.js");

describe.skipIf(!built)("script budget per route (gzip, from the build manifest)", () => {
  it("every page is within its budget", () => {
    const rows = routeWeights();
    console.log(formatWeights(rows));
    expect(rows.length).toBeGreaterThan(20);
    const over = rows.filter((r) => r.gzipBytes > r.budgetBytes).map((r) => `${r.routeId}: ${r.gzipBytes} > ${r.budgetBytes}`);
    expect(over).toEqual([]);
  });

  it("the on-demand Intl polyfill counts for no page: entry.client imports it dynamically", () => {
    // app/intl-polyfill/ loads only in a browser without the page language's Intl data (Khmer,
    // Lao, Burmese on Debian's Chromium), through `import()`, which routeWeights does not follow.
    const rows = routeWeights();
    const files = new Set(rows.flatMap((r) => r.files));
    const polyfill = [...files].filter((f) => /\/(intl-polyfill|polyfill-force|tz-data|collation|collator)-/.test(f));
    expect(polyfill).toEqual([]);
    const entry = readFileSync(`public${readBuildManifest().entry.module}`, "utf8");
    expect(entry).toMatch(/import\(\s*["'][^"']*intl-polyfill-[^"']*["']\s*\)/);
    for (const f of files) expect(readFileSync(`public${f}`, "utf8"), f).not.toContain("__addTZData");
  });

  it("no server-only library reaches the browser", () => {
    // Distinctive strings of zod's locales (German's; zod itself validates organizers' forms in
    // the browser), moment-timezone, date-holidays, libphonenumber's metadata and the world
    // country lists.
    const rows = routeWeights();
    const files = new Set(rows.flatMap((r) => r.files));
    const offenders: string[] = [];
    for (const f of files) {
      const text = readFileSync(`public${f}`, "utf8");
      for (const [lib, marker] of [
        ["zod locales", "Ungültige Eingabe"],
        ["moment", "moment.tz"],
        ["date-holidays", "easter"],
        ["libphonenumber-js", "country_calling_codes"],
        ["world country list", "Afghanistan"],
      ] as const) {
        if (text.includes(marker)) offenders.push(`${f}: ${lib}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});
