/**
 * Organizer-written text in the reader's language (issue 11, item 8): the shown text carries the
 * `lang` of the language it is really in, so a Khmer reader's browser draws an English fallback
 * with Latin fonts and a screen reader speaks it in English.
 */
import type { ElementType } from "react";
import { useTranslation } from "react-i18next";
import { pickText, type LocalText as LocalTextValue, type Shown } from "~/domain/local-text";

/**
 * Renders `value` (already picked by a loader, `{ text, lang }`) or `text` (a `LocalText`, picked
 * here for the page's language) inside `as` (default `span`) with its `lang`.
 */
export function LocalText({
  value,
  text,
  as: Tag = "span",
  className,
  id,
}: {
  value?: Shown;
  text?: LocalTextValue;
  as?: ElementType;
  className?: string;
  id?: string;
}) {
  const { i18n } = useTranslation();
  const shown = value ?? pickText(text, i18n?.language ?? "en");
  return (
    <Tag lang={shown.lang} className={className} id={id}>
      {shown.text}
    </Tag>
  );
}
