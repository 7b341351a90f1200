/**
 * Organizer-written text in the reader's language (issue 11, item 8): the shown text carries the
 * `lang` of the language it is really in, so a Khmer reader's browser draws an English fallback
 * with Latin fonts and a screen reader speaks it in English.
 */
import { Fragment, type ElementType } from "react";
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

// A private-use character no translation contains: marks where the organizer's text goes.
const SLOT = "\uE000";

/**
 * A translated sentence (`t(i18nKey, …)`) with organizer-written text in it, the text inside a
 * `span` carrying its own `lang` (e.g. "Check-in: <span lang="en">Seed saving</span>" on a Khmer
 * page). `name` is the interpolation variable the sentence uses for the text; `values` the others.
 */
export function LocalTextIn({
  i18nKey,
  name,
  value,
  values,
}: {
  i18nKey: string;
  name: string;
  value: { text: string; lang?: string };
  values?: Record<string, unknown>;
}) {
  const { t } = useTranslation();
  const parts = String(t(i18nKey, { ...values, [name]: SLOT })).split(SLOT);
  return (
    <>
      {parts.map((p, i) => (
        <Fragment key={i}>
          {i > 0 ? <span lang={value.lang}>{value.text}</span> : null}
          {p}
        </Fragment>
      ))}
    </>
  );
}
