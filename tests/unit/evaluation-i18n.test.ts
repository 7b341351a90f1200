// Participants answer surveys in Vietnamese: the evaluation's Vietnamese file must be complete,
// and the starter indicators and templates must have Vietnamese text everywhere.
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { STARTER_INDICATORS, STARTER_TEMPLATES } from "~/models/evaluation/starter";

type Tree = { [k: string]: string | Tree };
const flatten = (o: Tree, p = ""): string[] => Object.entries(o).flatMap(([k, v]) => (typeof v === "string" ? [p + k] : flatten(v, `${p}${k}.`)));
const load = (lng: string) => JSON.parse(fs.readFileSync(`app/locales/${lng}/evaluation.json`, "utf8")) as Tree;

describe("evaluation translations", () => {
  it("has every English key in Vietnamese, and no stale ones", () => {
    // Vietnamese has one plural form: English "x_one"/"x_other" is "x_other" alone there
    // (tests/unit/i18n.test.ts checks the plural forms of every language).
    const en = [...new Set(flatten(load("en")).map((k) => k.replace(/_one$/, "_other")))];
    const vi = new Set(flatten(load("vi")));
    expect(en.filter((k) => !vi.has(k))).toEqual([]);
    expect([...vi].filter((k) => !en.includes(k))).toEqual([]);
  });

  it("ships starter indicators, options, templates and questions in English and Vietnamese", () => {
    for (const i of STARTER_INDICATORS) {
      expect(i.name.vi, i.code).toBeTruthy();
      for (const o of i.options ?? []) expect(o.label.vi, `${i.code} ${o.value}`).toBeTruthy();
    }
    for (const tpl of STARTER_TEMPLATES) {
      expect(tpl.title.vi).toBeTruthy();
      for (const q of tpl.questions) expect([q.prompt.en, q.prompt.vi].every(Boolean), `${tpl.family} ${q.key}`).toBe(true);
    }
  });
});
