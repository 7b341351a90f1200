/**
 * Whether this JavaScript engine can format for `lng` by itself (issue 11, item 4): Debian's
 * Chromium and some cheap phones' browsers ship ICU without Khmer, Lao or Burmese, so
 * `Intl.DateTimeFormat.supportedLocalesOf(["km"])` is [] and dates, numbers, lists and country names
 * would come out in English while the server (Node, full ICU) wrote them in Khmer. Kept tiny: it
 * runs in entry.client before hydration on every page, and only a `true` answer downloads the
 * polyfill (app/intl-polyfill/). Pure given `intl`.
 */

/**
 * True when Intl.DateTimeFormat, NumberFormat, ListFormat, DisplayNames or Collator is missing or
 * has no data for `lng` (a BCP 47 tag). PluralRules is not asked: ICU ships plural rules for every
 * language even where it trims the rest (and the polyfill module checks it anyway).
 */
export function lacksIntlLocale(lng: string, intl: typeof Intl = Intl): boolean {
  return [intl.DateTimeFormat, intl.NumberFormat, intl.ListFormat, intl.DisplayNames, intl.Collator].some(
    (s?: { supportedLocalesOf(l: string[]): string[] }) => !s?.supportedLocalesOf([lng]).length,
  );
}
