/**
 * Controlled vocabularies shared by applications, host sites, visits and training sessions.
 * Display names are translated (`themes.<code>` keys in app/locales); language names come from
 * Intl.DisplayNames (CLDR data shipped with the runtime).
 */
import { displayNames } from "./intl";

/** Themes of the programme (docs/design.md: rural revitalisation, eco-agriculture, ...). */
export const THEMES = [
  "rural_revitalisation",
  "eco_agriculture",
  "rural_tourism",
  "cooperatives",
  "poverty_governance",
  "water_sanitation",
  "digital_village",
  "microfinance",
  "education",
  "health",
] as const;
export type Theme = (typeof THEMES)[number];

/** Languages the programme works in: the members' main languages plus English (ISO 639-1). */
export const LANGUAGES = ["en", "zh", "ja", "ko", "th", "vi", "id", "ms", "my", "km", "lo", "tl", "ta"] as const;
export type LanguageCode = (typeof LANGUAGES)[number];

export const LANGUAGE_LEVELS = ["basic", "working", "fluent", "native"] as const;

export const POSITION_KINDS = ["village_head", "village_official", "community_officer", "expert", "other"] as const;

export const GENDERS = ["female", "male", "other", "undisclosed"] as const;

/** A language's name in the UI locale, e.g. languageName("my", "en") = "Burmese". */
export function languageName(code: string, locale = "en"): string {
  try {
    return displayNames([locale, "en"], { type: "language" }).of(code) ?? code;
  } catch {
    return code;
  }
}
