// Issue 12 item 18: error messages show dates as the reader writes them, never ISO strings: the
// params of every error key rendered by useErrorText (ErrorList, FormErrors, check-in lists) pass
// through readableParams.
import { describe, expect, it } from "vitest";
import { readableParams } from "~/components/form";

describe("dates in error messages", () => {
  it("formats ISO dates alone, inside texts and in lists, in the reader's language", () => {
    const p = readableParams({ date: "2031-07-05", visits: "Rice week (2031-07-01 – 2031-07-08)", list: ["2031-07-09"], beds: 20 }, "en");
    expect(p.date).toBe("Jul 5, 2031");
    expect(p.visits).toBe("Rice week (Jul 1, 2031 – Jul 8, 2031)");
    expect(p.list).toEqual(["Jul 9, 2031"]);
    expect(p.beds).toBe(20);
    expect(readableParams({ date: "2031-07-05" }, "vi").date).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(readableParams({ date: "2031-07-05" }, "th").date).toMatch(/2574|2031/); // Thai readers may see the Buddhist year
  });

  it("leaves instants and other numbers alone", () => {
    expect(readableParams({ at: "2026-06-06T01:00:00.000Z", code: "123-45-6789x" }, "en")).toEqual({ at: "2026-06-06T01:00:00.000Z", code: "123-45-6789x" });
  });
});
