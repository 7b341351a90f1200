/**
 * Every translation called with a literal key and a literal options object is given each variable
 * its English text uses (plural forms included). A missing one shows "{{n}}" on the server and an
 * empty gap in the browser, and the difference makes React redraw the page (a new user saw
 * "Milestones late: {{n}}" on the dashboard: the call passed `count`). Calls that spread an object
 * (`{ ...values }`) or pass no options are not checked here; i18n.test.ts checks the locales.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

function flatten(o: Record<string, unknown>, prefix = "", out = new Map<string, string>()) {
  for (const [k, v] of Object.entries(o)) {
    if (v && typeof v === "object") flatten(v as Record<string, unknown>, `${prefix}${k}.`, out);
    else out.set(`${prefix}${k}`, String(v));
  }
  return out;
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sourceFiles(p) : /\.tsx?$/.test(e.name) ? [p] : [];
  });
}

const en = new Map<string, string>();
for (const f of fs.readdirSync("app/locales/en")) {
  for (const [k, v] of flatten(JSON.parse(fs.readFileSync(path.join("app/locales/en", f), "utf8")))) en.set(k, v);
}

/** The variable names of `key`'s English text and of its plural forms, or null for an unknown key. */
function variablesOf(key: string): Set<string> | null {
  const texts = [...en].filter(([k]) => k === key || new RegExp(`^${key.replace(/\./g, "\\.")}_(zero|one|two|few|many|other)$`).test(k));
  if (!texts.length) return null;
  const names = texts.flatMap(([, v]) => [...v.matchAll(/\{\{-?\s*([^},\s]+)[^}]*\}\}/g)].map((m) => m[1]));
  return new Set(names);
}

// t("key", { a: 1, b }) or tr("key", {...}) with a flat options object on one or several lines.
const CALL = /\bt[r]?\(\s*"([\w.]+)"\s*,\s*\{([^{}]*)\}\s*\)/g;

describe("translation calls", () => {
  it("give every variable their English text uses", () => {
    const problems: string[] = [];
    for (const file of sourceFiles("app")) {
      const src = fs.readFileSync(file, "utf8");
      for (const m of src.matchAll(CALL)) {
        const [, key, args] = m;
        if (args.includes("...")) continue;
        const needed = variablesOf(key);
        if (!needed) continue;
        const given = new Set(
          args
            .split(",")
            .map((p) => p.trim().split(":")[0].trim().replace(/^"|"$/g, ""))
            .filter(Boolean),
        );
        const missing = [...needed].filter((n) => !given.has(n));
        if (missing.length) problems.push(`${file}:${src.slice(0, m.index).split("\n").length} ${key} lacks ${missing.join(", ")}`);
      }
    }
    expect(problems).toEqual([]);
  });
});
