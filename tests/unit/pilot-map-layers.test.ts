// A tester's report: on the pilot map, country bubbles (participants per country) could hide
// village dots. The SVG paints in document order, so the village dots (and host sites) must come
// after every bubble, and the bubbles stay see-through with an outline, so both stay visible.
import { describe, expect, it } from "vitest";
import { renderPilotMap } from "~/components/pilots/PilotMap.server";
import type { PilotMapData } from "~/models/pilots/map.server";

// A village exactly on its country's bubble (the worst case), and one elsewhere.
const data = {
  width: 400,
  height: 500,
  focus: [],
  countries: [{ code: "LA", member: true, focus: false, d: "M0,0L400,0L400,500L0,500Z" }],
  tiny: [],
  villages: [
    {
      id: 1,
      name: "Ban Phonsavanh",
      countryCode: "LA",
      province: "Xiangkhouang",
      latitude: "19.45",
      longitude: "103.22",
      colour: "infrastructure",
      projects: [],
      x: 200,
      y: 250,
    },
    { id: 2, name: "Ban Nong", countryCode: "LA", province: "Vientiane", latitude: "18.0", longitude: "102.6", colour: "none", projects: [], x: 120, y: 300 },
  ],
  sites: [
    { id: 7, name: "Hebian", nameLatin: "Hebian", countryCode: "LA", province: "", latitude: "19", longitude: "103", vettingStatus: "vetted", x: 205, y: 255 },
  ],
  participants: [{ countryCode: "LA", count: 6, provinces: [{ province: "Xiangkhouang", count: 6 }], x: 200, y: 250, r: 14 }],
} as unknown as PilotMapData;

describe("pilot map layers", () => {
  const html = renderPilotMap(data, "en");
  const svg = html.slice(html.indexOf("<svg"), html.indexOf("</svg>"));
  const positions = (mark: string) => [...svg.matchAll(new RegExp(`data-mark="${mark}"`, "g"))].map((m) => m.index!);

  it("draws village dots and host sites after (above) every participant bubble", () => {
    const bubbles = positions("participants");
    const villages = positions("village");
    const sites = positions("site");
    expect(bubbles).toHaveLength(1);
    expect(villages).toHaveLength(2);
    expect(sites).toHaveLength(1);
    const lastBubble = Math.max(...bubbles);
    for (const v of villages) expect(v).toBeGreaterThan(lastBubble);
    for (const s of sites) expect(s).toBeGreaterThan(lastBubble);
    // Villages last of all: a host site square never covers a village dot either.
    expect(Math.min(...villages)).toBeGreaterThan(Math.max(...sites));
  });

  it("bubbles are see-through and outlined; village dots are opaque with a white ring", () => {
    const bubble = /<g data-mark="participants">[\s\S]*?<circle([^>]*)>/.exec(svg)![1];
    const opacity = Number(/fill-opacity="([\d.]+)"/.exec(bubble)![1]);
    expect(opacity).toBeLessThanOrEqual(0.5);
    expect(bubble).toMatch(/stroke="#[0-9a-f]{6}"/);
    expect(bubble).toMatch(/stroke-width="[\d.]+"/);
    const dot = /<circle([^>]*)data-mark="village"/.exec(svg)![1];
    expect(dot).not.toMatch(/fill-opacity/);
    expect(dot).toMatch(/stroke="#fff"/);
  });
});

describe("pilot map numbers (tester item 3: the same pattern elsewhere)", () => {
  it("writes the bubbles' and the table's counts in the reader's digits", () => {
    const my = renderPilotMap(data, "my");
    const bubble = /<g data-mark="participants">[\s\S]*?<text[^>]*>([^<]*)<\/text>/.exec(my)![1];
    expect(bubble).toBe("၆");
    expect(my).toContain('<td class="num">၆</td>');
    expect(my).not.toContain("<strong>6</strong>");
    expect(renderPilotMap(data, "en")).toContain("<strong>6</strong>");
  });
});
