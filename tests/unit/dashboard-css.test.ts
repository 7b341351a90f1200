// Issue 12, item 16: at 1366 px the dashboard's tables are not squeezed beside their charts: the
// chart and table sit side by side only from 1600 px, headers do not wrap, row names keep a width.
import { describe, expect, it } from "vitest";
import { readCss } from "../support/css";

const css = readCss("app/components/dashboard/dashboard.css");
describe("dashboard table layout", () => {
  it("puts chart and table side by side only on screens wider than 1366 px", () => {
    const m = /@media \(min-width: (\d+)px\) \{ \.chart-pair \{ grid-template-columns: 1fr 1fr/.exec(css);
    expect(m).not.toBeNull();
    expect(Number(m![1])).toBeGreaterThan(1366 + 200);
  });
  it("keeps header cells on one line and row names readable", () => {
    expect(css).toMatch(/\.chart-pair thead th \{ white-space: nowrap; \}/);
    expect(css).toMatch(/\.chart-pair tbody th\[scope="row"\] \{ min-width: \d+ch; \}/);
  });
});
