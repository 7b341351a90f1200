/**
 * Coordinates of pilot villages: "inside the country" is checked against each member country's
 * bounding box (decimal degrees, generous by a few hundredths so border villages pass). A box is
 * a coarse test (it catches swapped latitude/longitude, a sign lost, a village typed into the
 * wrong country), not a border test. Boxes from the countries' extreme points. Pure: no database.
 */

/** [south, north, west, east] in decimal degrees. */
const BOXES: Record<string, [number, number, number, number]> = {
  BN: [4.0, 5.1, 114.0, 115.4],
  KH: [9.9, 14.8, 102.3, 107.7],
  ID: [-11.1, 6.1, 94.9, 141.1],
  LA: [13.9, 22.6, 100.0, 107.7],
  MY: [0.8, 7.4, 99.6, 119.3],
  MM: [9.5, 28.6, 92.1, 101.2],
  PH: [4.5, 21.2, 116.9, 126.7],
  SG: [1.15, 1.48, 103.6, 104.1],
  TH: [5.6, 20.5, 97.3, 105.7],
  VN: [8.4, 23.4, 102.1, 109.5],
  CN: [18.1, 53.6, 73.5, 134.8],
  JP: [20.4, 45.6, 122.9, 154.0],
  KR: [33.1, 38.7, 124.6, 131.9],
};

/** True when (lat, lon) lies inside the member country's bounding box; unknown countries: false. */
export function insideCountry(countryCode: string, lat: number, lon: number): boolean {
  const b = BOXES[countryCode];
  if (!b) return false;
  return lat >= b[0] && lat <= b[1] && lon >= b[2] && lon <= b[3];
}
