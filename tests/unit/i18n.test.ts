// A key used in the code but missing from English, or an English key missing from a Vietnamese
// file that must be complete, fails here.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

type Tree = { [k: string]: string | Tree };
const flatten = (o: Tree, prefix = ""): string[] =>
  Object.entries(o).flatMap(([k, v]) => (typeof v === "string" ? [prefix + k] : flatten(v, `${prefix}${k}.`)));
const load = (lng: string, file: string): Tree => JSON.parse(fs.readFileSync(path.join("app/locales", lng, file), "utf8"));
const files = (lng: string) => fs.readdirSync(path.join("app/locales", lng)).filter((f) => f.endsWith(".json"));
// i18next plural forms: a key "x" may exist only as "x_one"/"x_other".
const base = (k: string) => k.replace(/_(zero|one|two|few|many|other)$/, "");

/** Files whose Vietnamese translation must be complete (the applicant's pages). */
const VI_COMPLETE = ["common.json", "auth.json", "apply.json"];

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(path.join(dir, e.name)) : /\.(tsx?)$/.test(e.name) ? [path.join(dir, e.name)] : [],
  );
}

describe("translations", () => {
  const en = new Set(files("en").flatMap((f) => flatten(load("en", f))).map(base));

  it("every file's single top-level key is its area (no two files overwrite each other)", () => {
    for (const lng of ["en", "vi"]) {
      const seen = new Map<string, string>();
      for (const f of files(lng)) {
        for (const k of Object.keys(load(lng, f))) {
          expect(seen.get(k), `${lng}/${f} repeats top-level key ${k} of ${seen.get(k)}`).toBeUndefined();
          seen.set(k, f);
        }
      }
    }
  });

  it("every literal key used with t() in app/ exists in English", () => {
    const used = new Set<string>();
    for (const file of walk("app")) {
      const src = fs.readFileSync(file, "utf8");
      for (const m of src.matchAll(/\bt[r]?\(\s*"([a-zA-Z][\w-]*(?:\.[\w-]+)+)"/g)) used.add(m[1]);
    }
    const missing = [...used].filter((k) => !en.has(k));
    expect(missing).toEqual([]);
  });

  it("Vietnamese is complete for the applicant's pages", () => {
    for (const f of VI_COMPLETE) {
      expect(fs.existsSync(path.join("app/locales/vi", f)), `vi/${f} exists`).toBe(true);
      const vi = new Set(flatten(load("vi", f)).map(base));
      const missing = flatten(load("en", f)).map(base).filter((k) => !vi.has(k));
      expect(missing, `keys missing in vi/${f}`).toEqual([]);
    }
  });

  it("every Vietnamese file has no key that English lacks (stale keys)", () => {
    for (const f of files("vi")) {
      const enKeys = new Set(flatten(load("en", f)).map(base));
      const stale = flatten(load("vi", f)).map(base).filter((k) => !enKeys.has(k));
      expect(stale, `stale keys in vi/${f}`).toEqual([]);
    }
  });
});
