// Pure pilot modules: money in minor units (Intl's digits per currency), the life cycle's steps,
// coordinates inside a member country, milestone and budget progress.
import { describe, expect, it } from "vitest";
import { insideCountry } from "~/domain/pilots/geo.server";
import { canMovePilot, PILOT_TRANSITIONS } from "~/domain/pilots/lifecycle";
import { displayDigits, formatMoney, minorDigits, minorToInput, parseAmount, toUsd } from "~/domain/pilots/money";
import { currencyOf } from "~/domain/pilots/money.server";
import { budgetTotals, isLate, milestoneProgress } from "~/domain/pilots/progress";
import { PILOT_STATUSES } from "../../db/schema/pilots";

describe("money", () => {
  it("knows each pilot country's currency and its minor digits", () => {
    expect(["LA", "KH", "MM", "VN", "TH"].map(currencyOf)).toEqual(["LAK", "KHR", "MMK", "VND", "THB"]);
    expect(["LAK", "KHR", "MMK", "THB", "JPY"].map(minorDigits)).toEqual([0, 2, 0, 2, 0]);
    // Written and typed in whole riel, kip and kyat; riel stay stored in sen (Intl's 2 digits).
    expect(["LAK", "KHR", "MMK", "THB", "USD", "VND"].map(displayDigits)).toEqual([0, 0, 0, 2, 2, 0]);
  });

  it("shows riel, kip and kyat without decimals, in every page language", () => {
    for (const lng of ["en", "km", "lo", "my", "th", "vi", "zh", "ja"]) {
      for (const [minor, cur] of [
        [410_000_000, "KHR"],
        [85_000_000, "LAK"],
        [1_250_000, "MMK"],
      ] as const) {
        const text = formatMoney(minor, cur, lng);
        // No decimal part: the amount ends in its whole digits (then maybe a symbol or code).
        expect(text, `${cur} in ${lng}`).not.toMatch(/\d[.,٫]\d{1,2}(?!\d)/);
      }
    }
    expect(formatMoney(410_000_000, "KHR", "en")).toMatch(/^KHR\s4,100,000$/);
    expect(formatMoney(410_000_050, "KHR", "en")).toMatch(/^KHR\s4,100,001$/); // legacy sen round half up
    expect(formatMoney(125050, "THB", "en")).toMatch(/^THB\s1,250\.50$/);
    expect(formatMoney(1_000_000, "USD", "en")).toBe("$10,000.00");
  });

  it("reads typed amounts into minor units, refusing negatives, letters and extra decimals", () => {
    expect(parseAmount("1,250,000", "LAK")).toEqual({ ok: true, minor: 1_250_000 });
    expect(parseAmount(" 4 100 000 ", "KHR")).toEqual({ ok: true, minor: 410_000_000 }); // whole riel, stored in sen
    expect(parseAmount("4100000.5", "KHR")).toMatchObject({ ok: false, error: "pilots.errors.amountWhole", digits: 0 });
    expect(parseAmount("4100000.00", "KHR")).toEqual({ ok: true, minor: 410_000_000 });
    expect(parseAmount("1.5", "MMK")).toMatchObject({ ok: false, error: "pilots.errors.amountWhole", digits: 0 });
    expect(parseAmount("1250.5", "THB")).toEqual({ ok: true, minor: 125050 });
    expect(parseAmount("12.50", "LAK")).toMatchObject({ ok: false, error: "pilots.errors.amountWhole", digits: 0 });
    expect(parseAmount("12.00", "LAK")).toEqual({ ok: true, minor: 12 }); // trailing zeros are not extra decimals
    expect(parseAmount("1.005", "THB")).toMatchObject({ ok: false, error: "pilots.errors.amountDigits" });
    for (const bad of ["-5", "abc", "", "1e6", "1,2.3.4"]) expect(parseAmount(bad, "THB")).toMatchObject({ ok: false, error: "pilots.errors.amount" });
    expect(parseAmount("10000000000000", "LAK")).toMatchObject({ ok: false, error: "pilots.errors.amountTooBig" });
  });

  it("round-trips minor units to the form's text and formats and converts", () => {
    for (const [minor, cur] of [
      [125050, "THB"],
      [700, "KHR"],
      [300, "KHR"],
      [1_250_000, "LAK"],
    ] as const) {
      const text = minorToInput(minor, cur);
      expect(parseAmount(text, cur)).toEqual({ ok: true, minor });
    }
    expect(formatMoney(125050, "THB", "en")).toMatch(/^THB\s1,250\.50$/); // Intl puts a no-break space
    expect(toUsd(21_450_000, "LAK", "21450")).toBeCloseTo(1000, 6);
    expect(toUsd(405_000, "KHR", "4050")).toBeCloseTo(1, 6); // 4,050.00 riel
  });
});

describe("life cycle", () => {
  it("has only the design's steps; completed is final", () => {
    expect(canMovePilot("proposed", "approved")).toBe(true);
    expect(canMovePilot("proposed", "in_progress")).toBe(false);
    expect(canMovePilot("in_progress", "completed")).toBe(true);
    expect(canMovePilot("suspended", "in_progress")).toBe(true);
    expect(canMovePilot("suspended", "completed")).toBe(false);
    expect(PILOT_TRANSITIONS.completed).toEqual([]);
    for (const s of PILOT_STATUSES) expect(canMovePilot(s, s)).toBe(false);
  });
});

describe("coordinates", () => {
  it("accepts a village inside its country's box and refuses swapped or foreign ones", () => {
    expect(insideCountry("LA", 19.4514, 103.2189)).toBe(true);
    expect(insideCountry("LA", 103.2189, 19.4514)).toBe(false);
    expect(insideCountry("KH", 19.4514, 103.2189)).toBe(false);
    expect(insideCountry("MM", 19.7391, 96.2075)).toBe(true);
    expect(insideCountry("XX", 0, 0)).toBe(false);
  });
});

describe("progress", () => {
  it("counts reached and late milestones on a day and sums the budget per month", () => {
    const ms = [
      { dueOn: "2026-11-01", doneOn: "2026-10-30" },
      { dueOn: "2026-11-30", doneOn: null },
      { dueOn: "2026-12-31", doneOn: null },
    ];
    expect(milestoneProgress(ms, "2026-12-05")).toEqual({ total: 3, done: 1, late: 1 });
    expect(isLate(ms[1], "2026-11-30")).toBe(false); // due today is not late yet
    const b = budgetTotals([
      { period: "2026-11", plannedMinor: 100, actualMinor: 90 },
      { period: "2026-10", plannedMinor: 50, actualMinor: null },
      { period: "2026-11", plannedMinor: 50, actualMinor: 70 },
    ]);
    expect(b.periods.map((p) => [p.period, p.plannedMinor, p.actualMinor, p.reported])).toEqual([
      ["2026-10", 50, 0, false],
      ["2026-11", 150, 160, true],
    ]);
    expect(b).toMatchObject({ plannedMinor: 200, actualMinor: 160, used: 0.8 });
    expect(budgetTotals([]).used).toBeNull();
  });
});
