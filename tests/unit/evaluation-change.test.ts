// Change figures (paired), disaggregation, answer checking and CSV safety, against values
// computed here independently from the fixtures.
import { describe, expect, it } from "vitest";
import { parse } from "csv-parse/sync";
import { numericValue, readAnswers, type Question } from "~/domain/evaluation/answers";
import { disaggregate, pairedChange, rate, type Respondent } from "~/domain/evaluation/change";
import { safeCell, toCsv } from "~/domain/evaluation/csv";
import { localText } from "~/domain/evaluation/text";

// Fixture: women in decision bodies (%) at baseline and at the 3-month follow-up.
const people: (Respondent & { base?: number; later?: number })[] = [
  { personId: 1, country: "VN", gender: "female", role: "village_head", hostSite: "Longji", base: 20, later: 32 },
  { personId: 2, country: "VN", gender: "male", role: "village_official", hostSite: "Longji", base: 30, later: 31 },
  { personId: 3, country: "KH", gender: "female", role: "village_head", hostSite: "Hebian", base: 10, later: 25 },
  { personId: 4, country: "KH", gender: "male", role: "expert", hostSite: "Hebian", base: 40 }, // no follow-up
  { personId: 5, country: "TH", gender: "female", role: "community_officer", hostSite: "Hebian", later: 50 }, // no baseline
  { personId: 6, country: "TH", gender: "male", role: "village_head", hostSite: "Longji", base: 25, later: 22 },
];
const baseline = new Map(people.filter((p) => p.base !== undefined).map((p) => [p.personId, p.base!]));
const later = new Map(people.filter((p) => p.later !== undefined).map((p) => [p.personId, p.later!]));

/** The expected figures, computed by hand-written loops over the fixture. */
function expected(filter: (p: (typeof people)[number]) => boolean) {
  let n = 0,
    sb = 0,
    sl = 0;
  for (const p of people) {
    if (!filter(p) || p.base === undefined || p.later === undefined) continue;
    n++;
    sb += p.base;
    sl += p.later;
  }
  return { n, baselineMean: sb / n, laterMean: sl / n, change: (sl - sb) / n };
}

describe("change figures", () => {
  it("pairs only people who answered both stages", () => {
    const c = pairedChange(baseline, later, { direction: "higher_better" });
    const e = expected(() => true);
    expect(e.n).toBe(4); // 1, 2, 3, 6
    expect(c.n).toBe(e.n);
    expect(c.baselineMean).toBeCloseTo(e.baselineMean, 10); // (20+30+10+25)/4 = 21.25
    expect(c.laterMean).toBeCloseTo(e.laterMean, 10); // (32+31+25+22)/4 = 27.5
    expect(c.change).toBeCloseTo(e.change, 10); // 6.25
    expect(c.improved).toBe(true);
    // Lower is better: the same rise is not an improvement.
    expect(pairedChange(baseline, later, { direction: "lower_better" }).improved).toBe(false);
  });

  it("disaggregates by gender, country and host site with each group's own pairs", () => {
    const byGender = disaggregate(people, "gender", baseline, later);
    for (const g of byGender) {
      const e = expected((p) => p.gender === g.group);
      expect(g.n).toBe(e.n);
      expect(g.change).toBeCloseTo(e.change, 10);
    }
    expect(byGender.map((g) => [g.group, g.n])).toEqual([
      ["female", 2],
      ["male", 2],
    ]);
    expect(byGender.find((g) => g.group === "female")!.change).toBeCloseTo(13.5, 10); // (12 + 15) / 2
    // Thailand's only pair is person 6; person 5 has no baseline.
    const th = disaggregate(people, "country", baseline, later).find((g) => g.group === "TH")!;
    expect([th.n, th.change]).toEqual([1, -3]);
    const sites = disaggregate(people, "host_site", baseline, later);
    expect(sites.find((g) => g.group === "Hebian")).toMatchObject({ n: 1, change: 15 });
  });

  it("shows yes/no answers as a share of yes (factor 100)", () => {
    const b = new Map([
      [1, 0],
      [2, 0],
      [3, 1],
    ]);
    const l = new Map([
      [1, 1],
      [2, 0],
      [3, 1],
    ]);
    const c = pairedChange(b, l, { factor: 100 });
    expect(c.baselineMean).toBeCloseTo(100 / 3, 10);
    expect(c.laterMean).toBeCloseTo(200 / 3, 10);
    expect(rate(14, 18)).toBe(78);
    expect(rate(0, 0)).toBe(0);
  });
});

describe("answers", () => {
  const qs: Question[] = [
    { key: "water", type: "percentage", required: true },
    { key: "people", type: "number", required: true },
    { key: "conf", type: "scale", required: true },
    { key: "waste", type: "yes_no" },
    {
      key: "income",
      type: "multiple_choice",
      options: [
        { value: "crops", label: { en: "Crops" } },
        { value: "tourism", label: { en: "Tourism" } },
      ],
    },
    { key: "note", type: "text" },
  ];

  it("refuses wrong types and values out of range, in drafts too", () => {
    const r = readAnswers(qs, { water: "120", people: "many", conf: "2.5", waste: "maybe", income: ["crops", "gold"] }, "draft");
    expect(Object.keys(r.errors).sort()).toEqual(["conf", "income", "people", "waste", "water"]);
    expect(r.errors.water[0]).toBe('evaluation.errors.range|{"min":0,"max":100}');
    expect(r.errors.people[0]).toBe("evaluation.errors.number");
  });

  it("lets a draft leave required answers empty, a submit not", () => {
    expect(readAnswers(qs, { water: "55" }, "draft").ok).toBe(true);
    const r = readAnswers(qs, { water: "55" }, "submit");
    expect(Object.keys(r.errors).sort()).toEqual(["conf", "people"]);
  });

  it("reads good answers and turns them into numbers for the change figures", () => {
    const r = readAnswers(qs, { water: "72,5", people: "140", conf: "4", waste: "yes", income: ["crops", "tourism"], note: "Nước sạch cho bản" }, "submit");
    expect(r.ok).toBe(true);
    expect(r.answers).toEqual({ water: 72.5, people: 140, conf: 4, waste: true, income: ["crops", "tourism"], note: "Nước sạch cho bản" });
    expect(numericValue(qs[3], true)).toBe(1);
    expect(numericValue(qs[4], ["crops", "tourism"])).toBe(2);
    expect(numericValue(qs[5], "x")).toBeNull();
    expect(numericValue({ type: "single_choice", options: [{ value: "a", label: { en: "A" }, score: 3 }] }, "a")).toBe(3);
  });

  it("shows per-language text in the reader's language with English as fallback", () => {
    expect(localText({ en: "Water", vi: "Nước" }, "vi")).toBe("Nước");
    expect(localText({ en: "Water", vi: "" }, "vi")).toBe("Water");
    expect(localText({ en: "Water" }, "th")).toBe("Water");
  });
});

describe("CSV", () => {
  it("starts with a BOM, neutralises formula-like cells and keeps any script", () => {
    expect(safeCell("=SUM(A1)")).toBe("'=SUM(A1)");
    expect(safeCell("+1")).toBe("'+1");
    expect(safeCell("-x")).toBe("'-x");
    expect(safeCell("@me")).toBe("'@me");
    expect(safeCell("\tx")).toBe("'\tx");
    expect(safeCell(-3.5)).toBe(-3.5);
    const csv = toCsv(
      ["a", "b"],
      [
        ["=HYPERLINK(1)", "Phụ nữ trong ban"],
        ["ປະຊາຊົນ", 12.5],
      ],
    );
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const rows = parse(csv.slice(1));
    expect(rows).toEqual([
      ["a", "b"],
      ["'=HYPERLINK(1)", "Phụ nữ trong ban"],
      ["ປະຊາຊົນ", "12.5"],
    ]);
  });
});
