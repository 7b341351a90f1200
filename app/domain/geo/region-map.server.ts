/**
 * Draws the programme's region as SVG path data on the server (issue 16, item 4): the thirteen
 * member countries (Natural Earth 1:110 million from world-atlas; the few it lacks, Singapore,
 * from 1:50 million), the neighbours in grey for context, and points projected onto the same
 * plane. d3-geo's Lambert azimuthal equal-area projection centred on the frame (areas true, so
 * no country looks bigger than it is), fitted to the member countries, or to one of them when the
 * map is filtered to a country. Coordinates are SVG user units of a `width` × `height` viewBox
 * (the page scales it), rounded to whole units (path data; tenths for a framed country) or tenths (points) to keep the markup
 * small. No database, no Remix.
 */
import { geoAzimuthalEqualArea, geoBounds, geoPath } from "d3-geo";
import type { FeatureCollection, Geometry } from "geojson";
import { contextOutlines, memberOutline, memberOutlines, type CountryFeature, type Scale } from "./atlas.server";

/** Width of the map's viewBox in user units; the height follows the framed countries' shape. */
export const MAP_WIDTH = 400;
const PAD = 6;
/** Margin around one framed country, so its neighbours show where it lies. */
const FOCUS_PAD = 35;
/** A framed area narrower than this (degrees of longitude) is drawn at 1:50 million. */
const DETAIL_SPAN_DEG = 15;

export type MapPoint = { lat: number; lon: number };
export type DrawnCountry = { code: string | null; d: string; member: boolean };
export type RegionMap = {
  width: number;
  height: number;
  countries: DrawnCountry[];
  /** Member countries too small to see as a shape (drawn as a ring at this point). */
  tiny: { code: string; x: number; y: number }[];
  /** Projects [x, y] of a point, or null when it falls outside the frame. */
  project: (p: MapPoint) => [number, number] | null;
  /** Where a country-wide figure of the member country goes (COUNTRY_ANCHORS), or null off the frame. */
  anchor: (code: string) => [number, number] | null;
};

const round1 = (n: number) => Math.round(n * 10) / 10;

function outline(code: string, scale: Scale): CountryFeature | null {
  return memberOutline(code, scale) ?? memberOutline(code, "50m");
}

/**
 * Where a country-wide figure goes: a point inland in each member country's main part (decimal
 * degrees), chosen so that neighbours' circles stay apart at the region's scale (the centre of
 * the largest part put Brunei's, Malaysia's and Indonesia's all on Borneo).
 */
export const COUNTRY_ANCHORS: Record<string, MapPoint> = {
  BN: { lat: 4.5, lon: 114.75 },
  KH: { lat: 13.3, lon: 103.6 },
  ID: { lat: -7.3, lon: 110.4 },
  LA: { lat: 15.6, lon: 106.2 },
  MY: { lat: 4.6, lon: 102.2 },
  MM: { lat: 22.5, lon: 95.9 },
  PH: { lat: 16.5, lon: 121.0 },
  SG: { lat: 1.36, lon: 103.82 },
  TH: { lat: 15.5, lon: 100.5 },
  VN: { lat: 21.3, lon: 105.6 },
  CN: { lat: 33.0, lon: 112.0 },
  JP: { lat: 36.5, lon: 138.5 },
  KR: { lat: 36.5, lon: 127.8 },
};

/**
 * The drawn region. `focus`: member country codes to frame (all members when empty). Throws
 * nothing: an unknown code is skipped (and an empty frame falls back to all members).
 */
export function drawRegion(focus: string[] = []): RegionMap {
  const framed = focus.map((c) => outline(c, "50m")).filter((f): f is CountryFeature => f !== null);
  // A small country filling the frame looks crude at 1:110 million; a large one (China,
  // Indonesia, Japan) at 1:50 million would weigh 40-90 kB of path data.
  const span = framed.length ? geoBounds({ type: "FeatureCollection", features: framed }) : null;
  const scale: Scale = span && span[1][0] - span[0][0] < DETAIL_SPAN_DEG ? "50m" : "110m";
  const pad = framed.length ? FOCUS_PAD : PAD;
  const members = memberOutlines(scale);
  const singapore = memberOutline("SG", scale) ? [] : [{ code: "SG" as const, feature: memberOutline("SG", "50m")! }];
  const all = [...members, ...singapore];
  const frame: FeatureCollection<Geometry> = { type: "FeatureCollection", features: framed.length ? framed : all.map((m) => m.feature) };
  const [[west, south], [east, north]] = geoBounds(frame);
  // geoBounds wraps across the antimeridian when east < west; the region never does.
  const centre: [number, number] = [(west + Math.max(east, west)) / 2, (south + north) / 2];
  const projection = geoAzimuthalEqualArea()
    .rotate([-centre[0], -centre[1]])
    .clipAngle(90)
    .fitWidth(MAP_WIDTH - 2 * pad, frame);
  const [[, y0], [, y1]] = geoPath(projection).bounds(frame);
  const height = Math.ceil(y1 - y0 + 2 * pad);
  const [tx, ty] = projection.translate();
  projection.translate([tx + pad, ty + pad - y0]).clipExtent([
    [0, 0],
    [MAP_WIDTH, height],
  ]);
  // Whole units suffice for the coarse outlines; tenths keep a framed country's detail.
  const path = geoPath(projection).digits(scale === "50m" ? 1 : 0);
  const countries: DrawnCountry[] = [
    ...contextOutlines(scale).map((f) => ({ code: null, d: path(f) ?? "", member: false })),
    ...all.map((m) => ({ code: m.code, d: path(m.feature) ?? "", member: true })),
  ].filter((c) => c.d !== "");
  const tiny = all
    .filter((m) => geoPath(projection).area(m.feature) < 5)
    .flatMap((m) => {
      const c = geoPath(projection).centroid(m.feature);
      return Number.isFinite(c[0]) ? [{ code: m.code, x: round1(c[0]), y: round1(c[1]) }] : [];
    });
  const inside = ([x, y]: [number, number]) => x >= 0 && y >= 0 && x <= MAP_WIDTH && y <= height;
  const project = (p: MapPoint): [number, number] | null => {
    const xy = projection([p.lon, p.lat]);
    return xy && inside(xy) ? [round1(xy[0]), round1(xy[1])] : null;
  };
  const anchor = (code: string): [number, number] | null => (COUNTRY_ANCHORS[code] ? project(COUNTRY_ANCHORS[code]) : null);
  return { width: MAP_WIDTH, height, countries, tiny, project, anchor };
}
