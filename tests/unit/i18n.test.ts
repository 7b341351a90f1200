// Completeness of the twelve interface languages. Fails when a key of any area file is missing in
// any locale, when a value is the same as English (unless the key is in
// app/locales/same-as-en/<lng>.json: codes, proper nouns, loanwords), when the {{variables}} differ
// from English, when a locale has keys English lacks (stale), or when a key used with t() in app/
// is missing from English. Plural keys: English "x_one"/"x_other" need, in each language, exactly
// the i18next forms of that language's plural categories (Intl.PluralRules(lng).pluralCategories),
// plus "x_zero" where English has one (i18next uses it for 0 in every language).
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { supportedLngs } from "~/i18n";

type Tree = { [k: string]: string | Tree };
const flattenEntries = (o: Tree, prefix = ""): [string, string][] =>
  Object.entries(o).flatMap(([k, v]) => (typeof v === "string" ? [[prefix + k, v] as [string, string]] : flattenEntries(v, `${prefix}${k}.`)));
const load = (lng: string, file: string): Tree => JSON.parse(fs.readFileSync(path.join("app/locales", lng, file), "utf8"));
const files = (lng: string) =>
  fs
    .readdirSync(path.join("app/locales", lng))
    .filter((f) => f.endsWith(".json"))
    .sort();
const PLURAL = /_(zero|one|two|few|many|other)$/;
const base = (k: string) => k.replace(PLURAL, "");
const vars = (s: string) => [...s.matchAll(/\{\{\s*([\w.]+)\s*(?:,[^}]*)?\}\}/g)].map((m) => m[1]).sort();
const others = supportedLngs.filter((l) => l !== "en");

function walk(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : /\.(tsx?)$/.test(e.name) ? [path.join(dir, e.name)] : []));
}

/**
 * The keys a locale must have for one English file: every non-plural key as is; for a plural
 * base (English has base_one/base_other) one key per plural category of `lng`.
 */
function expectedKeys(lng: string, en: [string, string][]): Map<string, string> {
  const cats = new Intl.PluralRules(lng).resolvedOptions().pluralCategories;
  const out = new Map<string, string>(); // key → the English value to compare with
  for (const [k, v] of en) {
    if (!PLURAL.test(k)) {
      out.set(k, v);
      continue;
    }
    const b = base(k);
    // i18next uses "x_zero" for a count of 0 in every language when the key exists.
    const forms = en.some(([ek]) => ek === `${b}_zero`) ? ["zero", ...cats] : cats;
    for (const c of forms) {
      const enValue = en.find(([ek]) => ek === `${b}_${c}`)?.[1] ?? en.find(([ek]) => ek === `${b}_other`)?.[1] ?? v;
      out.set(`${b}_${c}`, enValue);
    }
  }
  return out;
}

const allowList = (lng: string): Set<string> => {
  const p = path.join("app/locales/same-as-en", `${lng}.json`);
  return new Set(fs.existsSync(p) ? (JSON.parse(fs.readFileSync(p, "utf8")) as string[]) : []);
};

describe("translations", () => {
  const enEntries = Object.fromEntries(files("en").map((f) => [f, flattenEntries(load("en", f))]));
  const enKeys = new Set(
    Object.values(enEntries)
      .flat()
      .map(([k]) => base(k)),
  );

  it("every locale has the same area files as English", () => {
    for (const lng of others) expect(files(lng), lng).toEqual(files("en"));
  });

  it("every file's single top-level key is its area (no two files overwrite each other)", () => {
    for (const lng of supportedLngs) {
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
    const missing = [...used].filter((k) => !enKeys.has(k));
    expect(missing).toEqual([]);
  });

  it("the same-as-en allow-lists name only existing keys", () => {
    const enAll = new Set(
      Object.values(enEntries)
        .flat()
        .map(([k]) => k),
    );
    for (const lng of others) {
      const unknown = [...allowList(lng)].filter((k) => !enAll.has(k) && !enKeys.has(k));
      expect(unknown, `unknown keys in same-as-en/${lng}.json`).toEqual([]);
    }
  });

  describe.each(others)("%s", (lng) => {
    const allowed = allowList(lng);
    const problems = (kind: "missing" | "stale" | "sameAsEnglish" | "variables" | "empty") => {
      const out: string[] = [];
      for (const f of files("en")) {
        const expected = expectedKeys(lng, enEntries[f]);
        const have = fs.existsSync(path.join("app/locales", lng, f)) ? new Map(flattenEntries(load(lng, f))) : new Map<string, string>();
        for (const [k, enValue] of expected) {
          const v = have.get(k);
          if (v === undefined) {
            if (kind === "missing") out.push(`${f}: ${k}`);
            continue;
          }
          if (kind === "empty" && v.trim() === "") out.push(`${f}: ${k}`);
          if (kind === "sameAsEnglish" && v === enValue && !allowed.has(k) && !allowed.has(base(k))) out.push(`${f}: ${k} = ${JSON.stringify(v)}`);
          if (kind === "variables" && vars(v).join() !== vars(enValue).join()) out.push(`${f}: ${k} has {{${vars(v)}}}, English {{${vars(enValue)}}}`);
        }
        if (kind === "stale") for (const k of have.keys()) if (!expected.has(k)) out.push(`${f}: ${k}`);
      }
      return out;
    };
    it("has every key", () => expect(problems("missing")).toEqual([]));
    it("has no stale keys (nor plural forms the language does not use)", () => expect(problems("stale")).toEqual([]));
    it("has no value equal to English outside the allow-list", () => expect(problems("sameAsEnglish")).toEqual([]));
    it("keeps the {{variables}} of English", () => expect(problems("variables")).toEqual([]));
    it("has no empty value", () => expect(problems("empty")).toEqual([]));
  });
});
