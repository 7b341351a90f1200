/**
 * i18next settings shared by server and browser. One namespace ("translation"); its keys are
 * grouped by area (auth.*, apply.*, hosts.*), one JSON file per area and language under
 * app/locales/<lng>/<area>.json, merged by app/i18n.server.ts. The twelve languages and their
 * tag matching live in app/domain/languages.ts.
 */
import { interpolationValue } from "./domain/interpolation";
import { NATIVE_NAMES, SUPPORTED_LNGS, type SupportedLng } from "./domain/languages";

export const supportedLngs = SUPPORTED_LNGS;
export type Lng = SupportedLng;

// A pure object literal (no spread copy of the list), so browser bundles that import this module
// for `supportedLngs` drop the unused settings object.
export default {
  // i18next copies the list before extending it (concat), never mutates it.
  supportedLngs: supportedLngs as readonly string[] as string[],
  fallbackLng: "en",
  defaultNS: "translation",
  ns: ["translation"],
  interpolation: {
    escapeValue: false, // React escapes output already
    // Every interpolated number as the page's language writes it (Burmese digits in `my`), the
    // same as the browser's translator does; replaces i18next's `{{x, number}}` formatters, which
    // no translation uses.
    alwaysFormat: true,
    // i18next types the result as a string, but passes a missing value (undefined) on to its own
    // missing-variable handling: only numbers are turned into text here.
    format: (value: unknown, _format: string | undefined, lng: string | undefined) => interpolationValue(value, lng ?? "en") as string,
  },
  react: { useSuspense: false },
};

/** Native names for the language switcher (each language in its own name and script). */
export const LANGUAGE_LABELS: Record<Lng, string> = NATIVE_NAMES;
