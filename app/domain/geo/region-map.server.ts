/**
 * Draws the programme's region as SVG path data on the server (issue 16, item 4): the thirteen
 * member countries (Natural Earth 1:110 million from world-atlas; the few it lacks, Singapore,
 * from 1:50 million), the neighbours in grey for context, and points projected onto the same
 * plane. d3-geo's Lambert azimuthal equal-area projection centred on the frame (areas true, so
 * no country looks bigger than it is), fitted to the member countries, or to one of them when the
 * map is filtered to a country. Coordinates are SVG user units of a `width` × `height` viewBox
 * (the page scales it), rounded to whole units (path data) or tenths (points) to keep the markup
 * small. No database, no Remix.
 */
import { geoArea, geoAzimuthalEqualArea, geoBounds, geoPath } from "d3-geo";
import type { Feature, FeatureCollection, Geometry, Polygon } from "geojson";
import { contextOutlines, memberOutline, memberOutlines, type CountryFeature, type Scale } from "./atlas.server";

/** Width of the map's viewBox in user units; the height follows the framed countries' shape. */
export const MAP_WIDTH = 800;
const PAD = 12;
/** Margin around one framed country, so its neighbours show where it lies. */
const FOCUS_PAD = 70;
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
  /** A point inside the member country for a country-wide figure (centre of its largest part). */
  anchor: (code: string) => [number, number] | null;
};

const round1 = (n: number) => Math.round(n * 10) / 10;

function outline(code: string, scale: Scale): CountryFeature | null {
  return memberOutline(code, scale) ?? memberOutline(code, "50m");
}

/** The largest polygon of a (multi)polygon feature, by spherical area. */
function largestPart(f: CountryFeature): Feature<Polygon> {
  const g = f.geometry;
  const parts: Polygon[] = g.type === "MultiPolygon" ? g.coordinates.map((c) => ({ type: "Polygon", coordinates: c })) : g.type === "Polygon" ? [g] : [];
  const best = parts.map((p) => ({ p, a: geoArea(p) })).sort((a, b) => b.a - a.a)[0]?.p ?? { type: "Polygon", coordinates: [] };
  return { type: "Feature", properties: {}, geometry: best };
}

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
  const path = geoPath(projection).digits(0);
  const countries: DrawnCountry[] = [
    ...contextOutlines(scale).map((f) => ({ code: null, d: path(f) ?? "", member: false })),
    ...all.map((m) => ({ code: m.code, d: path(m.feature) ?? "", member: true })),
  ].filter((c) => c.d !== "");
  const tiny = all
    .filter((m) => geoPath(projection).area(m.feature) < 20)
    .flatMap((m) => {
      const c = geoPath(projection).centroid(m.feature);
      return Number.isFinite(c[0]) ? [{ code: m.code, x: round1(c[0]), y: round1(c[1]) }] : [];
    });
  const inside = ([x, y]: [number, number]) => x >= 0 && y >= 0 && x <= MAP_WIDTH && y <= height;
  const project = (p: MapPoint): [number, number] | null => {
    const xy = projection([p.lon, p.lat]);
    return xy && inside(xy) ? [round1(xy[0]), round1(xy[1])] : null;
  };
  const anchor = (code: string): [number, number] | null => {
    const f = outline(code, scale);
    if (!f) return null;
    const c = geoPath(projection).centroid(largestPart(f));
    return Number.isFinite(c[0]) && inside(c) ? [round1(c[0]), round1(c[1])] : null;
  };
  return { width: MAP_WIDTH, height, countries, tiny, project, anchor };
}
