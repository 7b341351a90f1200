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

/**
 * A time zone's name in the reader's language, never its IANA ID (issue 11 item 4, new user's
 * report: pages showed "Asia/Phnom_Penh"): CLDR's generic long name through Intl.DateTimeFormat
 * (`timeZoneName: "longGeneric"`), e.g. "Indochina Time" in English, "中南半岛时间" in Chinese,
 * "Western Indonesia Time" for Asia/Jakarta. `at` (epoch ms, default now) picks the zone's name
 * at that instant (names can change with history). Falls back to the specific long name, then to
 * the ID itself only when Intl knows no name at all. Throws RangeError for an unknown zone.
 * Call it where the text is made once (loaders), not during hydration: the browser's ICU may word
 * a zone differently from the server's.
 */
export function timeZoneDisplayName(zone: string, locale: string, at: number = Date.now()): string {
  for (const timeZoneName of ["longGeneric", "long"] as const) {
    const name = dateTimeFormat(locale, { timeZone: zone, timeZoneName })
      .formatToParts(at)
      .find((p) => p.type === "timeZoneName")?.value;
    // ICU writes "GMT+07:00" when it has no name: try the next style.
    if (name && !/^(GMT|UTC)([+−-]|$)/.test(name)) return name;
  }
  return zone;
}

/**
 * A zone's name for a sentence shown to a reader of `locale` (e.g. the "this local time does not
 * exist in …" error of a daylight-saving gap): timeZoneDisplayName, e.g. "Eastern Time" or
 * "ម៉ោងនៅទិសខាងកើត", and the IANA ID only when Intl knows no name or the zone (never throws).
 */
export function timeZoneNameOrId(zone: string, locale: string, at: number = Date.now()): string {
  try {
    return timeZoneDisplayName(zone, locale, at);
  } catch {
    // An unknown zone or locale: the ID is still better than nothing in an error message.
    return zone;
  }
}

/**
 * A zone's label in a list of zones to choose from, in the reader's language: the place's name
 * (CLDR's short generic form, "Jakarta Time", "雅加达时间") then the zone's name where it adds
 * something ("Jakarta Time · Western Indonesia Time"), so zones sharing one name (Jakarta and
 * Pontianak) stay apart without showing IANA IDs. Made in loaders, like timeZoneDisplayName.
 */
export function timeZoneChoiceLabel(zone: string, locale: string, at: number = Date.now()): string {
  const place = dateTimeFormat(locale, { timeZone: zone, timeZoneName: "shortGeneric" })
    .formatToParts(at)
    .find((p) => p.type === "timeZoneName")?.value;
  const name = timeZoneDisplayName(zone, locale, at);
  if (!place || /^(GMT|UTC)([+−-]|$)/.test(place) || place === name) return name;
  return `${place} · ${name}`;
}

/** `zones` as select options labelled by timeZoneChoiceLabel, sorted by label for `locale`. */
export function timeZoneChoices(zones: readonly string[], locale: string): { value: string; label: string }[] {
  const c = collator(locale);
  return zones.map((z) => ({ value: z, label: timeZoneChoiceLabel(z, locale) })).sort((a, b) => c.compare(a.label, b.label));
}

/**
 * The seven weekday names in `locale`, Monday first (ISO 8601), from Intl ("Mon" or "Monday"),
 * never written by hand. Gregorian calendar; the day is read in UTC, so no zone moves it.
 */
export function weekdayNames(locale: string, width: "short" | "long" = "long"): string[] {
  const f = dateTimeFormat(locale, { weekday: width, timeZone: "UTC", calendar: "gregory" });
  // 2024-01-01 was a Monday.
  return Array.from({ length: 7 }, (_, i) => f.format(new Date(Date.UTC(2024, 0, 1 + i))));
}
