/** Option lists of the host forms, in the page's language. */
import type { TFunction } from "i18next";
import { memberCountries } from "~/domain/country-names";
import { LANGUAGES, THEMES, languageName } from "~/domain/vocabulary";
import { ACCOMMODATION_KINDS, DIETARY_ABILITIES } from "~/forms/host-site-values";
import { collator as sharedCollator } from "../../domain/intl";

export type Option = { value: string; label: string };

export function hostOptions(t: TFunction, lng: string) {
  const collator = sharedCollator(lng);
  const countries = memberCountries(lng);
  return {
    countries: countries.map((c) => ({ value: c.code, label: c.name })),
    themes: THEMES.map((th) => ({ value: th, label: t(`themes.${th}`) as string })),
    languages: LANGUAGES.map((l) => ({ value: l, label: languageName(l, lng) })).sort((a, b) => collator.compare(a.label, b.label)),
    accommodation: ACCOMMODATION_KINDS.map((a) => ({ value: a, label: t(`hosts.accommodation.${a}`) as string })),
    dietary: DIETARY_ABILITIES.map((d) => ({ value: d, label: t(`hosts.dietary.${d}`) as string })),
  };
}

/**
 * The names of the values pre-filled from the site profile, in the options' order and words (the
 * new-visit form says what it pre-ticked, issue 12 item 8); empty when nothing was pre-filled.
 */
export function prefilledLabels(values: readonly string[] | undefined, options: readonly Option[]): string[] {
  if (!values?.length) return [];
  const set = new Set(values);
  return options.filter((o) => set.has(o.value)).map((o) => o.label);
}
