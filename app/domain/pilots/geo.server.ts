/**
 * Coordinates of pilot villages (issue 16, "Bad input": coordinates inside the country): a point
 * is inside a member country when it lies in the country's Natural Earth 1:50 million outline
 * (world-atlas, app/domain/geo/atlas.server.ts; d3-geo's spherical `geoContains`), or within
 * `BORDER_TOLERANCE_KM` of one of the outline's points: at that scale a coast or border is
 * generalised by a few kilometres, and a village on the shore or the border must not be refused.
 * It catches swapped latitude/longitude, a lost sign, a village typed into the wrong country.
 * Server only (the outlines are 0.75 MB).
 */
import { geoContains, geoDistance } from "d3-geo";
import type { Position } from "geojson";
import { memberOutline, type CountryFeature } from "../geo/atlas.server";

/** How far outside the generalised outline a point still counts as inside (kilometres). */
export const BORDER_TOLERANCE_KM = 10;
const EARTH_RADIUS_KM = 6371;

function outlinePoints(f: CountryFeature): Position[] {
  const g = f.geometry;
  if (g.type === "Polygon") return g.coordinates.flat();
  if (g.type === "MultiPolygon") return g.coordinates.flat(2);
  return [];
}

/** True when (lat, lon) in decimal degrees lies in the member country (see above); unknown countries: false. */
export function insideCountry(countryCode: string, lat: number, lon: number): boolean {
  if (!Number.isFinite(lat) || !Number.isFinite(lon) || Math.abs(lat) > 90 || Math.abs(lon) > 180) return false;
  const f = memberOutline(countryCode, "50m");
  if (!f) return false;
  const p: [number, number] = [lon, lat];
  if (geoContains(f, p)) return true;
  const limit = BORDER_TOLERANCE_KM / EARTH_RADIUS_KM;
  return outlinePoints(f).some((q) => geoDistance(p, q as [number, number]) <= limit);
}
