// Issue 12, item 15: the form's hints do not contradict the browser's own time format (a time input
// may show AM/PM), and tell how a session past midnight is entered, in every locale.
import fs from "node:fs";
import { describe, expect, it } from "vitest";

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
