// Small-cell suppression of anonymous survey results (issue 15 item 9).
import { describe, expect, it } from "vitest";
import { suppressOverall, suppressSmallCells } from "~/domain/evaluation/small-cells";

describe("small-cell suppression", () => {
  it("hides groups under 3, and one more so the hidden one cannot be worked out from the overall", () => {
    const out = suppressSmallCells([
      { group: "KH", n: 3, value: 4 },
      { group: "TH", n: 1, value: 1 },
      { group: "VN", n: 5, value: 4.2 },
    ]);
    expect(out.map((c) => [c.group, c.suppressed, c.n, c.value])).toEqual([
      ["KH", true, null, null],
      ["TH", true, null, null],
      ["VN", false, 5, 4.2],
    ]);
  });

  it("keeps hiding until the hidden groups together hold at least 3 people", () => {
    const out = suppressSmallCells([
      { group: "a", n: 1, value: 1 },
      { group: "b", n: 1, value: 2 },
      { group: "c", n: 4, value: 3 },
      { group: "d", n: 6, value: 3 },
    ]);
    expect(out.filter((c) => c.suppressed).map((c) => c.group)).toEqual(["a", "b", "c"]);
  });

  it("shows everything when every group is large enough, and hides an overall under 3", () => {
    expect(
      suppressSmallCells([
        { group: "f", n: 3, value: 2 },
        { group: "m", n: 4, value: 3 },
      ]).every((c) => !c.suppressed),
    ).toBe(true);
    expect(suppressOverall(2, 4)).toMatchObject({ suppressed: true, n: null, value: null });
    expect(suppressOverall(3, 4)).toMatchObject({ suppressed: false, n: 3, value: 4 });
  });
});
