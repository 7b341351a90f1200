/**
 * Programme content in several languages (issue 11, item 8): what organizers write (edition
 * names, site and visit descriptions, training titles, survey titles and questions, indicator
 * names) carries one text per language.
 *
 * Shapes:
 * - `LocalText` = `{ en: "…", km: "…" }`, keys are i18next language codes (app/i18n.ts).
 * - `Translations<F>` = `{ name: { km: "…" }, description: { km: "…" } }`: the translations of a
 *   row's plain text columns. The plain column (`name`, `description`) stays the English value,
 *   the one exports, search and sorting use; `translations` holds the other languages.
 *
 * Reading order (issue 11): the reader's language, else English, else the first language given
 * (in the order of `supportedLngs`, then any other), never an empty label.
 */
import { supportedLngs } from "../i18n";
import { countryDefaultLanguage } from "./languages";

export type LocalText = Record<string, string>;
export type Translations<F extends string = string> = Partial<Record<F, LocalText>>;
export type Shown = { text: string; lang: string };

/** Languages whose text organizers can enter (the interface languages). */
export function contentLngs(): readonly string[] {
  return supportedLngs;
}

const filled = (v: unknown): v is string => typeof v === "string" && v.trim() !== "";

/**
 * The text to show a reader of `lng`, and the language it is in (for the `lang` attribute).
 * `{ text: "", lang: "en" }` when no language has any text. Region subtags fall back to their
 * base language (`zh-Hans` → `zh`).
 */
export function pickText(text: LocalText | null | undefined, lng: string, order: readonly string[] = contentLngs()): Shown {
  if (!text) return { text: "", lang: "en" };
  const base = lng.split("-")[0];
  for (const l of [lng, base, "en"]) if (filled(text[l])) return { text: text[l].trim(), lang: l };
  for (const l of [...order, ...Object.keys(text)]) if (filled(text[l])) return { text: text[l].trim(), lang: l };
  return { text: "", lang: "en" };
}

/** A row's field as `LocalText`: the plain (English) column plus its stored translations. */
export function fieldText<F extends string>(english: string | null | undefined, translations: Translations<F> | null | undefined, field: F): LocalText {
  return { ...(translations?.[field] ?? {}), en: english ?? "" };
}

/** `pickText` of a row's plain column and its translations. */
export function pickField<F extends string>(
  english: string | null | undefined,
  translations: Translations<F> | null | undefined,
  field: F,
  lng: string,
): Shown {
  return pickText(fieldText(english, translations, field), lng);
}

/** Trims and NFC-normalises every value; drops empty ones and languages outside `lngs`. */
export function cleanLocalText(input: unknown, lngs: readonly string[] = contentLngs()): LocalText {
  const out: LocalText = {};
  if (!input || typeof input !== "object") return out;
  for (const l of lngs) {
    const v = (input as Record<string, unknown>)[l];
    if (typeof v === "string" && v.trim()) out[l] = v.normalize("NFC").trim();
  }
  return out;
}

/**
 * Cleans submitted translations of `fields` (without English, which lives in the plain column);
 * a field without any translation is left out.
 */
export function cleanTranslations<F extends string>(input: unknown, fields: readonly F[], lngs: readonly string[] = contentLngs()): Translations<F> {
  const out: Translations<F> = {};
  const src = input && typeof input === "object" ? (input as Record<string, unknown>) : {};
  for (const f of fields) {
    const v = cleanLocalText(
      src[f],
      lngs.filter((l) => l !== "en"),
    );
    if (Object.keys(v).length) out[f] = v;
  }
  return out;
}

/** A named row's `name` for a reader of `lng` as `{ name, lang }` (lists and choices of editions). */
export function shownName(row: { name: string; translations: Translations<"name"> | null | undefined }, lng: string): { name: string; lang: string } {
  const s = pickField(row.name, row.translations, "name", lng);
  return { name: s.text, lang: s.lang };
}

/**
 * A visit's name for a reader of `lng`: its own title (picked like any organizer text), else the
 * name of its host site, `site`, already picked for the reader (visits need not have a title).
 */
export function visitTitleShown(title: string | null | undefined, translations: Translations<"title"> | null | undefined, site: Shown, lng: string): Shown {
  const own = pickField(title, translations, "title", lng);
  return own.text ? own : site;
}

/** What a host site's name is made of: the local-script name, the Latin one, translations. */
export type SiteNameParts = {
  /** The name in the local script, in the site country's language. */
  name: string;
  /** The name in Latin letters (as on maps); the site's "English" name. */
  nameLatin?: string | null;
  countryCode: string;
  translations?: Translations<"name"> | null;
};

/** A host site's name in every language it has: `LocalText` of SiteNameParts. */
export function siteNameText(site: SiteNameParts): LocalText {
  const local = countryDefaultLanguage(site.countryCode);
  return {
    ...(local && local !== "en" && site.name.trim() ? { [local]: site.name } : {}),
    ...(site.translations?.name ?? {}),
    en: site.nameLatin?.trim() || site.name,
  };
}

/**
 * A host site's name for a reader of `lng` (issue 11): the organizers' translation in that
 * language, else the local-script name when the reader's language is the site country's, else
 * the Latin name (marked "en", the plain column), else the first given.
 */
export function siteNameShown(site: SiteNameParts, lng: string): Shown {
  return pickText(siteNameText(site), lng);
}

/**
 * A site's name as pages show it: the `name` picked for the reader and, when that is not the
 * local-script name, the local one as `local` (what road signs say), else null.
 */
export function siteNames(site: SiteNameParts, lng: string): { name: Shown; local: Shown | null } {
  const name = siteNameShown(site, lng);
  const localLng = countryDefaultLanguage(site.countryCode) ?? "en";
  const local = site.name.trim() && site.name !== name.text ? { text: site.name, lang: localLng } : null;
  return { name, local };
}
