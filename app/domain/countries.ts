/**
 * The 13 member countries of ASEAN+3 (docs/design.md), keyed by ISO 3166-1 alpha-2 code.
 *
 * Only the membership list is ours (a political fact). Names come from Intl.DisplayNames (CLDR) in
 * the page's language, which covers all twelve interface languages (i18n-iso-countries lacks lo,
 * my and fil), with ASEAN's own short forms in English; IANA time zones from
 * countries-and-timezones (IANA tz database), and main languages (ISO 639-1) from countries-list.
 */
import ct from "countries-and-timezones";
import { countries as countryInfo } from "countries-list";
import { ASEAN_CODES, countryName, isMemberCountry, MEMBER_COUNTRY_CODES, memberCountries, PLUS_THREE_CODES, type MemberCountryCode } from "./country-names";

export { ASEAN_CODES, isMemberCountry, MEMBER_COUNTRY_CODES, memberCountries, PLUS_THREE_CODES, type MemberCountryCode };

/**
 * Countries whose names are conventionally written family name first (docs/design.md "Names").
 * Used only as the default of the name-order flag; the person's own choice wins.
 */
const FAMILY_FIRST = new Set(["CN", "JP", "KR", "VN", "KH"]);

export { countryName };

type CountryCode = Parameters<typeof ct.getCountry>[0];

/**
 * IANA zones of a country, its main zone first (Indonesia has several). The tz database merged
 * zones across borders (Asia/Bangkok also serves KH, LA and VN; Asia/Kuching serves BN), so the
 * main zone is, in order: the first canonical zone used by this country alone; else the country's
 * own backward-compatible link (Asia/Phnom_Penh, Asia/Vientiane, Asia/Brunei, Asia/Kuala_Lumpur);
 * else the first canonical zone it leads (Asia/Yangon, also used by the Cocos Islands); else the
 * first canonical zone. Further zones are the canonical ones this country leads.
 */
export function countryTimeZones(code: string): string[] {
  const c = ct.getCountry(code as CountryCode);
  if (!c) return [];
  const canonical = [...c.timezones];
  const solely = (z: string) => {
    const tz = ct.getTimezone(z);
    return !!tz && tz.countries.length === 1 && tz.countries[0] === code;
  };
  const leads = (z: string) => ct.getTimezone(z)?.countries[0] === code;
  // A link to a zone this country already leads is an old spelling (Asia/Rangoon), not its own zone.
  const links = (ct.getCountry(code as CountryCode, { deprecated: true })?.timezones ?? []).filter((z) => {
    const target = ct.getTimezone(z)?.aliasOf;
    return z.includes("/") && !canonical.includes(z) && solely(z) && !(target && leads(target));
  });
  const led = canonical.filter(leads);
  const main = canonical.find(solely) ?? links[0] ?? led[0] ?? canonical[0];
  return [...new Set([main, ...led])];
}

/** The zone to default to for a country: Asia/Jakarta for ID, Asia/Ho_Chi_Minh for VN. */
export function defaultTimeZone(code: string): string {
  return countryTimeZones(code)[0] ?? "UTC";
}

/** Main languages of the country as ISO 639-1 codes. */
export function countryLanguages(code: string): string[] {
  const info = (countryInfo as Record<string, { languages: string[] }>)[code];
  return info ? [...info.languages] : [];
}

export function defaultNameOrder(code: string | null | undefined): "given_first" | "family_first" {
  return code && FAMILY_FIRST.has(code) ? "family_first" : "given_first";
}
