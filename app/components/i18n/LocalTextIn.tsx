/**
 * Organizer-written text inside a translated sentence (issue 11, item 8), e.g. a heading
 * "Check-in: <title>". Its own module, without the reading-order code, so the pages that only need
 * this stay within their script budget.
 */
import { Fragment } from "react";
import { useTranslation } from "react-i18next";

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
