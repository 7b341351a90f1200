/**
 * Country outlines of the programme's region from world-atlas (Natural Earth's admin-0 countries
 * as TopoJSON, converted to GeoJSON with topojson-client). Two scales: 1:110 million to draw (light:
 * the whole region's path data is ~10 kB, but it drops Singapore, which the map marks with a dot)
 * and 1:50 million to test whether a point lies inside a country (every member country is there).
 * Read from the package on first use and kept in memory; server only (the files weigh 0.1 and
 * 0.75 MB; pages get drawn SVG paths, never this data). Coordinates are [longitude, latitude] in
 * decimal degrees, as GeoJSON has them.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Feature, FeatureCollection, Geometry } from "geojson";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import { MEMBER_COUNTRY_CODES, type MemberCountryCode } from "../country-names";

/** ISO 3166-1 numeric codes (world-atlas feature ids) of the member countries. */
export const MEMBER_NUMERIC: Record<MemberCountryCode, string> = {
  BN: "096",
  KH: "116",
  ID: "360",
  LA: "418",
  MY: "458",
  MM: "104",
  PH: "608",
  SG: "702",
  TH: "764",
  VN: "704",
  CN: "156",
  JP: "392",
  KR: "410",
};

/**
 * Neighbours drawn in grey for context (so the members do not float in a void): the countries
 * that share the region's frame. ISO numeric codes.
 */
const CONTEXT_NUMERIC = [
  "408", // North Korea
  "158", // Taiwan
  "496", // Mongolia
  "643", // Russia
  "356", // India
  "050", // Bangladesh
  "064", // Bhutan
  "524", // Nepal
  "626", // Timor-Leste
  "598", // Papua New Guinea
  "036", // Australia
  "144", // Sri Lanka
  "398", // Kazakhstan
  "417", // Kyrgyzstan
  "762", // Tajikistan
  "004", // Afghanistan
  "586", // Pakistan
];

export type Scale = "110m" | "50m";
export type CountryFeature = Feature<Geometry, { name: string }>;

const cache = new Map<Scale, Map<string, CountryFeature>>();

function countries(scale: Scale): Map<string, CountryFeature> {
  const hit = cache.get(scale);
  if (hit) return hit;
  const file = createRequire(import.meta.url).resolve(`world-atlas/countries-${scale}.json`);
  const topo = JSON.parse(readFileSync(file, "utf8")) as Topology<{ countries: GeometryCollection<{ name: string }> }>;
  const fc = feature(topo, topo.objects.countries) as FeatureCollection<Geometry, { name: string }>;
  const byId = new Map(fc.features.map((f) => [String(f.id), f as CountryFeature]));
  cache.set(scale, byId);
  return byId;
}

/** The member country's outline at `scale`; null when the scale lacks it (Singapore at 110m). */
export function memberOutline(code: string, scale: Scale): CountryFeature | null {
  const id = MEMBER_NUMERIC[code as MemberCountryCode];
  return id ? (countries(scale).get(id) ?? null) : null;
}

/** The member countries' outlines at `scale`, by ISO alpha-2 code (missing ones left out). */
export function memberOutlines(scale: Scale): { code: MemberCountryCode; feature: CountryFeature }[] {
  return MEMBER_COUNTRY_CODES.flatMap((code) => {
    const f = memberOutline(code, scale);
    return f ? [{ code, feature: f }] : [];
  });
}

/** The neighbouring countries drawn for context, at `scale`. */
export function contextOutlines(scale: Scale): CountryFeature[] {
  return CONTEXT_NUMERIC.flatMap((id) => {
    const f = countries(scale).get(id);
    return f ? [f] : [];
  });
}
