/**
 * Numbers inside translated sentences. A module of its own, apart from format.ts: the browser's
 * translator (in every page's entry chunk) needs only this, and the participants' pages have a
 * 100 kB script budget. Pure; server and browser.
 */

const cache = new Map<string, Intl.NumberFormat>();
function formatter(lng: string): Intl.NumberFormat {
  let f = cache.get(lng);
  if (!f) {
    if (cache.size >= 50) cache.clear(); // languages come from a closed list; never grow with input
    cache.set(lng, (f = new Intl.NumberFormat(lng, { maximumFractionDigits: 3, useGrouping: "min2" })));
  }
  return f;
}

/**
 * A value put into a translated sentence (`{{count}}`, `{{n}}`): a number as `lng` writes it (its
 * digits, e.g. Burmese "၁၂", and decimal sign; thousands grouped only from five digits, so a
 * four-digit count or year reads as before), anything else unchanged. Both translators call it, the
 * server's i18next (app/i18n.ts: `interpolation.format` with `alwaysFormat`) and the browser's
 * stand-in (app/i18n.client.ts), so a number never shows in Latin digits inside a Burmese sentence
 * and the server's markup and hydration agree. Plural choice still uses the raw `count`.
 */
export function interpolationValue(value: unknown, lng: string): unknown {
  if (typeof value !== "number" || !Number.isFinite(value)) return value;
  return formatter(lng).format(value);
}
