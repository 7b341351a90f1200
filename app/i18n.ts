/**
 * i18next settings shared by server and browser. One namespace ("translation"); its keys are
 * grouped by area (auth.*, apply.*, hosts.*), one JSON file per area and language under
 * app/locales/<lng>/<area>.json, merged by app/i18n.server.ts.
 */
export const supportedLngs = ["en", "vi"] as const;
export type Lng = (typeof supportedLngs)[number];

export default {
  supportedLngs: [...supportedLngs],
  fallbackLng: "en",
  defaultNS: "translation",
  ns: ["translation"],
  interpolation: { escapeValue: false }, // React escapes output already
  react: { useSuspense: false },
};

/** Native names for the language switcher (shown in their own language). */
export const LANGUAGE_LABELS: Record<Lng, string> = { en: "English", vi: "Tiếng Việt" };
