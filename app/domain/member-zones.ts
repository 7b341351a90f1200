/**
 * IANA time zones of the 13 member countries for the browser, main zone first: what
 * app/domain/countries.ts's `countryTimeZones` derives from countries-and-timezones (the IANA tz
 * database), written out so client bundles carry 13 lines instead of the world's tables (issue 14
 * script budget). tests/unit/countries.test.ts checks the two agree, so a tz data update that
 * changes a member's zones fails there.
 */
import { memberCountries } from "./country-names";
import { timeZoneChoiceLabel } from "./intl";

const MEMBER_TIME_ZONES: Record<string, readonly string[]> = {
  BN: ["Asia/Brunei"],
  KH: ["Asia/Phnom_Penh"],
  ID: ["Asia/Jakarta", "Asia/Jayapura", "Asia/Makassar", "Asia/Pontianak"],
  LA: ["Asia/Vientiane"],
  MY: ["Asia/Kuala_Lumpur", "Asia/Kuching"],
  MM: ["Asia/Yangon"],
  PH: ["Asia/Manila"],
  SG: ["Asia/Singapore"],
  TH: ["Asia/Bangkok"],
  VN: ["Asia/Ho_Chi_Minh"],
  CN: ["Asia/Shanghai", "Asia/Urumqi"],
  JP: ["Asia/Tokyo"],
  KR: ["Asia/Seoul"],
};

/** Zones of a member country (ISO 3166-1 alpha-2), main zone first; [] for any other code. */
export function memberTimeZones(code: string): string[] {
  return [...(MEMBER_TIME_ZONES[code] ?? [])];
}

/** The zone to default to for a member country: Asia/Jakarta for ID; "UTC" for unknown codes. */
export function memberDefaultTimeZone(code: string): string {
  return MEMBER_TIME_ZONES[code]?.[0] ?? "UTC";
}

/**
 * The member countries' zones as select options for `lng`, grouped by country in the reader's
 * country order, each labelled with its localized name and its country's ("Jakarta Time ·
 * Western Indonesia Time (Indonesia)"), never the IANA ID (issue 11). Call it in loaders: the
 * labels come from the server's Intl (see timeZoneDisplayName).
 */
export function memberZoneChoices(lng: string): { value: string; label: string }[] {
  return memberCountries(lng).flatMap((c) => memberTimeZones(c.code).map((z) => ({ value: z, label: `${timeZoneChoiceLabel(z, lng)} (${c.name})` })));
}
