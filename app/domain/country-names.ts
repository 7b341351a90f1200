/**
 * Names of the 13 member countries in the browser's languages, without the world country lists:
 * i18n-iso-countries with its locales is ~30 kB gzip, which would break the script budget of the
 * host and participant pages (issue 14). The table holds exactly what i18n-iso-countries gives for
 * the 13 codes in the locales app/domain/countries.ts registers (en, vi), checked by
 * tests/unit/countries.test.ts; app/domain/countries.ts uses this table for members, so server and
 * browser agree.
 * Other languages fall back to English, like countries.ts does.
 */
const NAMES: Record<string, Record<string, string>> = {
  "en": {
    "BN": "Brunei Darussalam",
    "KH": "Cambodia",
    "ID": "Indonesia",
    "LA": "Lao People's Democratic Republic",
    "MY": "Malaysia",
    "MM": "Myanmar",
    "PH": "Philippines",
    "SG": "Singapore",
    "TH": "Thailand",
    "VN": "Vietnam",
    "CN": "People's Republic of China",
    "JP": "Japan",
    "KR": "South Korea"
  },
  "vi": {
    "BN": "Brunei Darussalam",
    "KH": "Campuchia",
    "ID": "Indonesia",
    "LA": "Cộng hòa Dân chủ nhân dân Lào",
    "MY": "Bán đảo Mã Lai",
    "MM": "Myanmar",
    "PH": "Philippines",
    "SG": "Singapore",
    "TH": "Thái Lan",
    "VN": "Việt Nam",
    "CN": "Trung Quốc",
    "JP": "Nhật Bản",
    "KR": "Hàn Quốc"
  }
};

/**
 * The member country's name in `locale` (English when the locale has none). A code that is not a
 * member country comes back unchanged: only the server (app/domain/countries.ts) knows world names.
 */
export function memberCountryName(code: string, locale = "en"): string {
  const lang = locale.split("-")[0];
  return NAMES[lang]?.[code] ?? NAMES.en[code] ?? code;
}
