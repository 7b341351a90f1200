/**
 * The application form's country and language lists, written by the server in the reader's
 * language and sent in the loader data: the browser then carries no country- or language-name code
 * (issue 14 script budget), and a browser without Khmer, Lao or Burmese Intl data (Debian's
 * Chromium) shows the same names as the server instead of re-rendering after a hydration mismatch.
 */
import { memberCountries } from "~/domain/country-names";
import { collator as sharedCollator } from "~/domain/intl";
import { LANGUAGES, languageName } from "~/domain/vocabulary";
import type { Option } from "./options";

/** What ApplicationForm's `options` takes: member countries and languages, sorted for `lng`. */
export function applicationFormOptions(lng: string): { countries: Option[]; languages: Option[] } {
  const collator = sharedCollator(lng);
  return {
    countries: memberCountries(lng).map((c) => ({ value: c.code, label: c.name })),
    languages: LANGUAGES.map((code) => ({ value: code, label: languageName(code, lng) })).sort((a, b) => collator.compare(a.label, b.label)),
  };
}
