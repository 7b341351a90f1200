// Issue 12, item 15: the form's hints do not contradict the browser's own time format (a time input
// may show AM/PM), and tell how a session past midnight is entered, in every locale.
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { readCss } from "../support/css";

const LNGS = ["en", "vi", "th", "km", "lo", "my", "id", "ms", "fil", "zh", "ja", "ko"];
describe("training form hints", () => {
  it("name no fixed clock format and explain the overnight end", () => {
    for (const l of LNGS) {
      const f = JSON.parse(fs.readFileSync(`app/locales/${l}/training.json`, "utf8")).training.form;
      expect(f.timeHint, l).not.toMatch(/HH|24|GG/);
      expect(f.endDateHint, l).toContain("00:30");
    }
  });
});

describe("participant clash message", () => {
  it("uses plural rules: '29 participants', '1 participant', never 'participant(s)'", async () => {
    const i18next = (await import("i18next")).default.createInstance();
    const en = JSON.parse(fs.readFileSync("app/locales/en/training.json", "utf8"));
    const ja = JSON.parse(fs.readFileSync("app/locales/ja/training.json", "utf8"));
    await i18next.init({ lng: "en", resources: { en: { translation: en }, ja: { translation: ja } } });
    const k = "training.errors.doubleBooked.participant";
    const p = { names: "A", other: "Forum", time: "09:00" };
    expect(i18next.t(k, { ...p, count: 29 })).toMatch(/^29 participants \(A\) already attend/);
    expect(i18next.t(k, { ...p, count: 1 })).toMatch(/^1 participant \(A\) already attends/);
    expect(i18next.t(k, { ...p, count: 29, lng: "ja" })).not.toBe(k);
  });
});

describe("training form layout", () => {
  it("does not stretch the Type select and gives the venue select the full width", () => {
    const src = fs.readFileSync("app/components/training/TrainingForm.tsx", "utf8");
    expect(src).toMatch(/<div className="grid grid-2 align-start">\s*<SelectField\s*field=\{fields\.type/);
    expect(src).toMatch(/<div className="stack">\s*<SelectField\s*field=\{fields\.venueId/);
    expect(readCss("app/styles/app.css")).toContain(".grid.align-start { align-items: start; }");
  });
});
