/**
 * i18next settings shared by server and browser. One namespace ("translation"); its keys are
 * grouped by area (auth.*, apply.*, hosts.*), one JSON file per area and language under
 * app/locales/<lng>/<area>.json, merged by app/i18n.server.ts. The twelve languages and their
 * tag matching live in app/domain/languages.ts.
 */
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
  interpolation: { escapeValue: false }, // React escapes output already
  react: { useSuspense: false },
};

/** Native names for the language switcher (each language in its own name and script). */
export const LANGUAGE_LABELS: Record<Lng, string> = NATIVE_NAMES;
