/**
 * Country names for server and browser alike, without any world country list: CLDR's names through
 * Intl.DisplayNames in the page's language (covers all twelve interface languages; i18n-iso-countries
 * lacks lo, my and fil and costs ~30 kB gzip in a client bundle, issue 14), with ASEAN's own short
 * forms in English. app/domain/countries.ts re-exports `countryName`; browser code imports this
 * module so no server data (time zones, languages) comes along.
 */

import { collator as sharedCollator } from "./intl";

export const ASEAN_CODES = ["BN", "KH", "ID", "LA", "MY", "MM", "PH", "SG", "TH", "VN"] as const;
export const PLUS_THREE_CODES = ["CN", "JP", "KR"] as const;
export const MEMBER_COUNTRY_CODES = [...ASEAN_CODES, ...PLUS_THREE_CODES] as const;
export type MemberCountryCode = (typeof MEMBER_COUNTRY_CODES)[number];

export function isMemberCountry(code: string): code is MemberCountryCode {
  return (MEMBER_COUNTRY_CODES as readonly string[]).includes(code);
}

/**
 * The names the programme uses in English (ASEAN's usual short forms), instead of CLDR's
 * "Vietnam", "Laos", "South Korea", "Brunei", "Myanmar (Burma)".
 */
const ENGLISH_NAMES: Record<string, string> = {
  VN: "Viet Nam",
  LA: "Lao PDR",
  KR: "Republic of Korea",
  BN: "Brunei Darussalam",
  MM: "Myanmar",
};

const displayNames = new Map<string, Intl.DisplayNames>();

/**
 * The country's common name in `locale` (ISO 3166-1 alpha-2 `code`): CLDR's name through
 * Intl.DisplayNames without its bracketed alternative ("Myanmar (Burma)" → "Myanmar"), ASEAN's
 * forms in English. Unknown codes or locales give the code itself.
 */
export function countryName(code: string, locale = "en"): string {
  const upper = code.toUpperCase();
  if (!/^[A-Z]{2}$/.test(upper)) return code;
  const lang = locale.split("-")[0] === "en" ? "en" : locale;
  if (lang === "en" && ENGLISH_NAMES[upper]) return ENGLISH_NAMES[upper];
  let dn = displayNames.get(lang);
  if (!dn) {
    try {
      dn = new Intl.DisplayNames([lang, "en"], { type: "region", fallback: "code" });
    } catch {
      dn = new Intl.DisplayNames(["en"], { type: "region", fallback: "code" });
    }
    displayNames.set(lang, dn);
  }
  const name = dn.of(upper) ?? upper;
  return name.replace(/\s*[(（][^)）]*[)）]\s*$/, "") || name;
}

/** The member country's name in `locale`; the same function as `countryName` (kept for its callers). */
export const memberCountryName = countryName;

/**
 * The 13 countries sorted by their name in `locale` with that language's collation
 * (Intl.Collator), for every select and table: one naming everywhere.
 */
export function memberCountries(locale = "en"): { code: MemberCountryCode; name: string }[] {
  const collator = sharedCollator(locale);
  return MEMBER_COUNTRY_CODES.map((code) => ({ code, name: countryName(code, locale) })).sort((a, b) => collator.compare(a.name, b.name));
}
