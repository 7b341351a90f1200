/** Option lists of the application form, in the page's language. */
import { memberCountries } from "~/domain/country-names";
import { LANGUAGE_LEVELS, LANGUAGES, languageName } from "~/domain/vocabulary";
import type { TFunction } from "i18next";
import { collator as sharedCollator } from "../../domain/intl";

export type Option = { value: string; label: string };

export function countryOptions(lng: string): Option[] {
  return memberCountries(lng).map((c) => ({ value: c.code, label: c.name }));
}

export function languageOptions(lng: string): Option[] {
  const collator = sharedCollator(lng);
  return LANGUAGES.map((code) => ({ value: code, label: languageName(code, lng) })).sort((a, b) => collator.compare(a.label, b.label));
}

export function levelOptions(t: TFunction): Option[] {
  return LANGUAGE_LEVELS.map((l) => ({ value: l, label: t(`levels.${l}`) }));
}

/** Options from a translated vocabulary: `prefix.<value>`. */
export function vocabOptions(values: readonly string[], prefix: string, t: TFunction): Option[] {
  return values.map((v) => ({ value: v, label: t(`${prefix}.${v}`) }));
}
