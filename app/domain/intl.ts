/**
 * Shared Intl formatters, made once per locale and options (issue 13, item 2: no repeated date
 * work). Building an Intl.DateTimeFormat or Intl.Collator loads ICU data and costs tens of
 * microseconds or more each time; formatting with an existing one is cheap. The instances hold no
 * per-call state, so sharing them across requests changes no output. Pure; server and browser.
 *
 * The caches are bounded (MAX_ENTRIES each, cleared when full): locales and zones come from a
 * closed list in practice, but a cache must never grow with input.
 */

const MAX_ENTRIES = 500;

function cached<T>(cache: Map<string, T>, key: string, make: () => T): T {
  let v = cache.get(key);
  if (v === undefined) {
    if (cache.size >= MAX_ENTRIES) cache.clear();
    v = make();
    cache.set(key, v);
  }
  return v;
}

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();
const collators = new Map<string, Intl.Collator>();
const listFormats = new Map<string, Intl.ListFormat>();
const displayNamesCache = new Map<string, Intl.DisplayNames>();

/**
 * `new Intl.DateTimeFormat(locale, options)`, shared. Throws the same RangeError as the
 * constructor for an unknown time zone or locale (nothing is cached then).
 */
export function dateTimeFormat(locale: string | string[], options: Intl.DateTimeFormatOptions = {}): Intl.DateTimeFormat {
  return cached(dateTimeFormats, `${String(locale)}|${JSON.stringify(options)}`, () => new Intl.DateTimeFormat(locale, options));
}

/** `new Intl.Collator(locale, options)`, shared. */
export function collator(locale?: string | string[], options: Intl.CollatorOptions = {}): Intl.Collator {
  return cached(collators, `${String(locale)}|${JSON.stringify(options)}`, () => new Intl.Collator(locale, options));
}

/** `new Intl.ListFormat(locale, options)`, shared. */
export function listFormat(locale: string | string[], options: Intl.ListFormatOptions = {}): Intl.ListFormat {
  return cached(listFormats, `${String(locale)}|${JSON.stringify(options)}`, () => new Intl.ListFormat(locale, options));
}

/** `new Intl.DisplayNames(locales, options)`, shared. Throws like the constructor (nothing cached). */
export function displayNames(locales: string | string[], options: Intl.DisplayNamesOptions): Intl.DisplayNames {
  return cached(displayNamesCache, `${String(locales)}|${JSON.stringify(options)}`, () => new Intl.DisplayNames(locales, options));
}
