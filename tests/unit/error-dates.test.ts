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
    expect(p.beds).toBe("20");
    expect(readableParams({ date: "2031-07-05" }, "vi").date).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(readableParams({ date: "2031-07-05" }, "th").date).toMatch(/2574|2031/); // Thai readers may see the Buddhist year
  });

  it("writes numbers with the reader's grouping and digits, and keeps count a number for plurals (issue 11)", () => {
    // A survey's range 0 to 10000: "10,000" in English, "10.000" in Indonesian, never "10000".
    expect(readableParams({ min: 0, max: 10000 }, "en")).toEqual({ min: "0", max: "10,000" });
    expect(readableParams({ max: 10000 }, "id").max).toBe("10.000");
    expect(readableParams({ max: 1_000_000_000 }, "zh").max).toBe("1,000,000,000");
    expect(readableParams({ max: 10000 }, "my").max).toBe(new Intl.NumberFormat("my").format(10000));
    expect(readableParams({ max: 10000 }, "my").max).not.toBe("10000");
    expect(readableParams({ count: 2000 }, "en").count).toBe(2000);
  });

  it("leaves instants and number-like texts alone", () => {
    expect(readableParams({ at: "2026-06-06T01:00:00.000Z", code: "123-45-6789x" }, "en")).toEqual({ at: "2026-06-06T01:00:00.000Z", code: "123-45-6789x" });
  });
});
