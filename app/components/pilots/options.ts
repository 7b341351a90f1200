/** Option lists of the pilot forms and filters, in the page's language. */
import type { TFunction } from "i18next";
import { memberCountries } from "~/domain/country-names";
import { PILOT_COMPONENTS, PILOT_STATUSES } from "~/domain/pilots/vocabulary";
import { LANGUAGES, languageName } from "~/domain/vocabulary";

/** Components and statuses (the project form, the overview's filters). */
export function pilotOptions(t: TFunction) {
  return {
    components: PILOT_COMPONENTS.map((c) => ({ value: c, label: t(`pilots.component.${c}`) as string })),
    statuses: PILOT_STATUSES.map((s) => ({ value: s, label: t(`pilots.status.${s}`) as string })),
  };
}

/** The village form's lists: member countries and languages, sorted for `lng` (zones come from the loader: memberZoneChoices). */
export function villageOptions(lng: string) {
  const collator = new Intl.Collator(lng);
  const countries = memberCountries(lng);
  return {
    countries: countries.map((c) => ({ value: c.code, label: c.name })),
    languages: LANGUAGES.map((l) => ({ value: l, label: languageName(l, lng) })).sort((a, b) => collator.compare(a.label, b.label)),
  };
}
