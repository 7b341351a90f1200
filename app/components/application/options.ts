/**
 * Option lists of the application form, in the page's language: the translated ones here; the
 * country and language names come from the server (./options.server.ts) in the loader data.
 */
import { LANGUAGE_LEVELS } from "~/domain/vocabulary";
import type { TFunction } from "i18next";

export type Option = { value: string; label: string };

export function levelOptions(t: TFunction): Option[] {
  return LANGUAGE_LEVELS.map((l) => ({ value: l, label: t(`levels.${l}`) }));
}

/** Options from a translated vocabulary: `prefix.<value>`. */
export function vocabOptions(values: readonly string[], prefix: string, t: TFunction): Option[] {
  return values.map((v) => ({ value: v, label: t(`${prefix}.${v}`) }));
}
