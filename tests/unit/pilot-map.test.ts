// The pilot map's drawing (app/domain/geo/region-map.server.ts), the outline test of village
// coordinates (app/domain/pilots/geo.server.ts) and the indicator values due (app/domain/pilots/due.ts).
import { describe, expect, it } from "vitest";
import { COUNTRY_ANCHORS, drawRegion } from "~/domain/geo/region-map.server";
import { stagesDue } from "~/domain/pilots/due";
import { expostSchedule } from "~/domain/pilots/expost";
import { insideCountry } from "~/domain/pilots/geo.server";
import { MEMBER_COUNTRY_CODES } from "~/domain/country-names";

/** The bounding box of an SVG path's points (d3 writes absolute M/L commands with x,y pairs). */
function pathBox(d: string) {
  const nums = (d.match(/-?\d+(\.\d+)?/g) ?? []).map(Number);
  const xs = nums.filter((_, i) => i % 2 === 0);
  const ys = nums.filter((_, i) => i % 2 === 1);
  return { x0: Math.min(...xs), x1: Math.max(...xs), y0: Math.min(...ys), y1: Math.max(...ys) };
}
const inBox = ([x, y]: [number, number], b: ReturnType<typeof pathBox>) => x >= b.x0 && x <= b.x1 && y >= b.y0 && y <= b.y1;

describe("region map", () => {
  const region = drawRegion();

  it("draws every member country (Singapore, missing at 1:110 million, as a ring) and stays small", () => {
    const drawn = new Set(region.countries.filter((c) => c.member).map((c) => c.code));
    expect(MEMBER_COUNTRY_CODES.filter((c) => !drawn.has(c))).toEqual([]);
    expect(region.tiny.map((c) => c.code)).toContain("SG");
    const bytes = region.countries.reduce((n, c) => n + c.d.length, 0);
    expect(bytes).toBeLessThan(30_000);
    expect(region.width).toBe(400);
    expect(region.height).toBeGreaterThan(region.width); // the region is taller than wide (Hokkaido to Timor)
  });

  it("puts a known village inside its country's path and not inside a far one's", () => {
    const laos = pathBox(region.countries.find((c) => c.code === "LA")!.d);
    const japan = pathBox(region.countries.find((c) => c.code === "JP")!.d);
    const phonsavanh = region.project({ lat: 19.4514, lon: 103.2189 })!;
    expect(inBox(phonsavanh, laos)).toBe(true);
    expect(inBox(phonsavanh, japan)).toBe(false);
    // North is up and east is right: Beijing lies above and right of Vientiane.
    const beijing = region.project({ lat: 39.9, lon: 116.4 })!;
    const vientiane = region.project({ lat: 17.97, lon: 102.6 })!;
    expect(beijing[1]).toBeLessThan(vientiane[1]);
    expect(beijing[0]).toBeGreaterThan(vientiane[0]);
  });

  it("a point far outside the frame is not drawn", () => {
    expect(region.project({ lat: 48.85, lon: 2.35 })).toBeNull(); // Paris
  });

  it("framed on one country: that country fills the width, in detail", () => {
    const la = drawRegion(["LA"]);
    const laos = pathBox(la.countries.find((c) => c.code === "LA")!.d);
    expect(laos.x1 - laos.x0).toBeGreaterThan(0.75 * la.width);
    expect(inBox(la.project({ lat: 19.4514, lon: 103.2189 })!, laos)).toBe(true);
    expect(la.project({ lat: 35.68, lon: 139.69 })).toBeNull(); // Tokyo is off this frame
    expect(la.anchor("LA")).not.toBeNull();
  });

  it("every country-wide anchor lies inside its country and is drawn", () => {
    for (const code of MEMBER_COUNTRY_CODES) {
      const a = COUNTRY_ANCHORS[code];
      expect(insideCountry(code, a.lat, a.lon), code).toBe(true);
      expect(region.anchor(code), code).not.toBeNull();
    }
  });
});

describe("coordinates inside the country's outline", () => {
  it("accepts villages in their country, on a border river and on a small island state", () => {
    expect(insideCountry("LA", 19.4514, 103.2189)).toBe(true);
    expect(insideCountry("LA", 18.0461, 102.7347)).toBe(true); // on the Mekong, the border with Thailand
    expect(insideCountry("SG", 1.35, 103.82)).toBe(true);
    expect(insideCountry("BN", 4.89, 114.94)).toBe(true);
    expect(insideCountry("ID", -8.65, 115.22)).toBe(true); // Bali
  });

  it("refuses what a bounding box let through: a Thai town inside Laos's box, swapped or foreign points", () => {
    expect(insideCountry("LA", 17.4138, 102.7872)).toBe(false); // Udon Thani, Thailand
    expect(insideCountry("LA", 103.2189, 19.4514)).toBe(false);
    expect(insideCountry("KH", 19.4514, 103.2189)).toBe(false);
    expect(insideCountry("VN", 10.0, 108.9)).toBe(false); // the South China Sea, 60 km offshore
    expect(insideCountry("XX", 0, 0)).toBe(false);
    expect(insideCountry("LA", Number.NaN, 103)).toBe(false);
  });
});

describe("indicator values due", () => {
  const none = { baseline: [], periodic: [], final: [] };
  it("baseline before work, a periodic value every quarter while running, final after the end", () => {
    expect(stagesDue({ status: "proposed", startsOn: null }, none, "2027-03-15")).toEqual([]);
    expect(stagesDue({ status: "approved", startsOn: "2027-05-01" }, none, "2027-03-15")).toEqual(["baseline"]);
    const running = { status: "in_progress" as const, startsOn: "2026-06-01" };
    expect(stagesDue(running, { ...none, baseline: ["2026-05-20"], periodic: ["2026-10-01"] }, "2027-03-15")).toEqual(["periodic"]);
    expect(stagesDue(running, { ...none, baseline: ["2026-05-20"], periodic: ["2027-01-10"] }, "2027-03-15")).toEqual([]);
    // Just started: no periodic value owed yet.
    expect(stagesDue({ ...running, startsOn: "2027-02-01" }, { ...none, baseline: ["2027-01-20"] }, "2027-03-15")).toEqual([]);
    const done = { status: "completed" as const, startsOn: "2025-01-01" };
    expect(stagesDue(done, none, "2026-06-01")).toEqual(["final"]);
  });

  it("ex post measures come from the ex post schedule (completion date, village zone): due or overdue ones only", () => {
    const done = { status: "completed" as const, startsOn: "2025-01-01" };
    const finalDone = { baseline: [], periodic: [], final: ["2026-03-01"] };
    const zone = "Asia/Vientiane";
    // Completed 1 March 2026 (planned end 31 December 2025 does not matter any more).
    const at = (today: string, values: string[] = []) => stagesDue(done, finalDone, today, expostSchedule("2026-03-01", values, today, zone));
    expect(at("2026-12-31")).toEqual([]); // the planned end's anniversary is not the rule
    expect(at("2027-02-01")).toEqual(["ex_post_12"]); // within DUE_SOON_DAYS of 1 March 2027
    expect(at("2027-06-01")).toEqual(["ex_post_12"]); // overdue
    expect(at("2027-06-01", ["2027-03-10"])).toEqual([]);
    expect(at("2028-03-02", ["2027-03-10"])).toEqual(["ex_post_24"]);
    expect(at("2028-03-02", ["2027-03-10", "2028-03-01"])).toEqual([]);
    // Not completed: no ex post measure, whatever is passed.
    expect(
      stagesDue({ status: "in_progress", startsOn: "2025-01-01" }, { ...finalDone, baseline: ["2025-01-01"], periodic: ["2027-01-01"] }, "2027-03-15", null),
    ).toEqual([]);
  });
});
