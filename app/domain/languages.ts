/**
 * The twelve interface languages and how a language tag from a URL, cookie or Accept-Language
 * header maps onto them. Pure functions, shared by server and browser.
 */
export const SUPPORTED_LNGS = ["en", "vi", "th", "km", "lo", "my", "id", "ms", "fil", "zh", "ja", "ko"] as const;
export type SupportedLng = (typeof SUPPORTED_LNGS)[number];

/**
 * Each language's name in itself, for the switcher. Nine are exactly what
 * `new Intl.DisplayNames(lng, { type: "language" }).of(lng)` gives (checked on Node 20's full
 * ICU); three are fixed because ICU's self-name is ambiguous there: Indonesian and Malay give
 * "Indonesia" and "Melayu" (the usual switcher labels are "Bahasa Indonesia" and "Bahasa Melayu"),
 * and Chinese gives "中文" though only simplified Chinese is offered ("简体中文"). Written out
 * rather than computed so server and browser (whose ICU may be smaller) render the same text.
 */
export const NATIVE_NAMES: Record<SupportedLng, string> = {
  en: "English",
  vi: "Tiếng Việt",
  th: "ไทย",
  km: "ខ្មែរ",
  lo: "ລາວ",
  my: "မြန်မာ",
  id: "Bahasa Indonesia",
  ms: "Bahasa Melayu",
  fil: "Filipino",
  zh: "简体中文",
  ja: "日本語",
  ko: "한국어",
};

const isSupported = (s: string): s is SupportedLng => (SUPPORTED_LNGS as readonly string[]).includes(s);

/**
 * The interface language for one BCP 47 tag, or null when none fits. Case-insensitive; `_` is
 * read as `-`. Chinese: zh, zh-CN, zh-SG, zh-MY and zh-Hans(-*) are simplified Chinese (zh);
 * traditional (zh-TW, zh-HK, zh-MO, zh-Hant-*) is not offered and gives null, so the next
 * preference is tried. Filipino: fil and tl (Tagalog, fil-PH, tl-PH). Malay: ms, ms-MY, ms-BN,
 * ms-SG and zsm. Indonesian: id and its old code "in". Otherwise the primary subtag decides.
 */
export function matchLanguage(tag: string | null | undefined): SupportedLng | null {
  if (!tag) return null;
  const parts = tag.trim().replace(/_/g, "-").toLowerCase().split("-").filter(Boolean);
  if (parts.length === 0 || parts.some((p) => !/^[a-z0-9]{1,8}$/.test(p))) return null;
  const [primary, ...rest] = parts;
  switch (primary) {
    case "zh": {
      if (rest.includes("hant")) return null;
      if (rest.includes("hans")) return "zh";
      if (rest.some((r) => ["tw", "hk", "mo"].includes(r))) return null;
      return "zh";
    }
    case "tl":
    case "fil":
      return "fil";
    case "zsm":
    case "ms":
      return "ms";
    case "in":
      return "id";
    case "iw":
      return null;
    default:
      return isSupported(primary) ? primary : null;
  }
}

/**
 * The best interface language for an Accept-Language header (RFC 9110 §12.5.4): entries by
 * quality, highest first (ties keep header order), q=0 excluded, "*" ignored. Null when none fits.
 */
export function matchAcceptLanguage(header: string | null | undefined): SupportedLng | null {
  if (!header) return null;
  const entries = header
    .split(",")
    .map((part, i) => {
      const [tag, ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      const quality = q ? Number(q.slice(2)) : 1;
      return { tag: tag.trim(), quality: Number.isFinite(quality) ? quality : 0, i };
    })
    .filter((e) => e.tag && e.tag !== "*" && e.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.i - b.i);
  for (const e of entries) {
    const lng = matchLanguage(e.tag);
    if (lng) return lng;
  }
  return null;
}

/**
 * The language of a page, first that applies: the signed-in person's saved preference, `?lng=`,
 * the `lng` cookie, Accept-Language, English. Unknown values at any step are skipped silently.
 */
export function chooseLanguage(input: { saved?: string | null; query?: string | null; cookie?: string | null; acceptLanguage?: string | null }): SupportedLng {
  return matchLanguage(input.saved) ?? matchLanguage(input.query) ?? matchLanguage(input.cookie) ?? matchAcceptLanguage(input.acceptLanguage) ?? "en";
}

/**
 * The interface language a person from a member country gets by default (a nominee's account,
 * mail to someone without a saved language): the country's national language where VLX has it,
 * English for Singapore (its language of administration) and for unknown codes.
 */
const COUNTRY_LANGUAGE: Record<string, SupportedLng> = {
  BN: "ms",
  KH: "km",
  ID: "id",
  LA: "lo",
  MY: "ms",
  MM: "my",
  PH: "fil",
  SG: "en",
  TH: "th",
  VN: "vi",
  CN: "zh",
  JP: "ja",
  KR: "ko",
};
export function countryDefaultLanguage(countryCode: string | null | undefined): SupportedLng | null {
  return (countryCode && COUNTRY_LANGUAGE[countryCode.toUpperCase()]) || null;
}
