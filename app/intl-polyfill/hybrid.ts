/**
 * After `polyfill-force`, Intl.X is the @formatjs implementation for every locale. The browser's
 * own implementation is exact for the languages it has (and @date-fns/tz reads time zone offsets
 * through `new Intl.DateTimeFormat("en-US", …)`), so `keepNative` routes each construction by its
 * first requested locale: to the native service when the browser supports that locale, else to
 * the polyfill (which holds only the page language's data). `alignDateTimeFormat` makes the
 * polyfilled DateTimeFormat write what Node's ICU writes where the two CLDR builds differ.
 */

type Service = {
  new (locales?: string | string[], options?: object): object;
  supportedLocalesOf(locales: string | string[], options?: object): string[];
};

/** The first requested locale, or undefined for the default locale. */
function firstLocale(locales?: string | string[]): string | undefined {
  return Array.isArray(locales) ? locales[0] : locales;
}

/**
 * Installs `Intl[name]` as a dispatcher between `native` (captured before the polyfill replaced
 * it; undefined in a browser without it) and `polyfill` (the current Intl[name], or a subclass). `new Intl[name](…)` returns an instance of one or
 * the other; `supportedLocalesOf` answers for both.
 */
export function keepNative(name: "DateTimeFormat" | "NumberFormat" | "ListFormat" | "DisplayNames", native: Service | undefined, polyfill: Service) {
  if (!native) return; // A browser without the service at all: the polyfill serves every locale.
  const nativeHas = (l?: string) => l === undefined || native.supportedLocalesOf([l]).length > 0;
  const Hybrid = function (locales?: string | string[], options?: object) {
    return nativeHas(firstLocale(locales)) ? new native(locales, options) : new polyfill(locales, options);
  } as unknown as Service;
  Object.defineProperty(Hybrid, "prototype", { value: polyfill.prototype });
  Object.defineProperty(Hybrid, "supportedLocalesOf", {
    value: (locales: string | string[]) => Intl.getCanonicalLocales(locales).filter((l) => nativeHas(l) || polyfill.supportedLocalesOf([l]).length > 0),
  });
  Object.defineProperty(Intl, name, { value: Hybrid, writable: true, configurable: true });
}

/** First code point of the digits 0–9 in the numbering systems of our languages' scripts. */
const DIGIT_ZERO: Record<string, number> = { mymr: 0x1040, khmr: 0x17e0, laoo: 0x0ed0, thai: 0x0e50 };

/**
 * A subclass of the polyfilled DateTimeFormat that matches Node's ICU output:
 * - `hourCycles`: Node's default hour cycle per language (Khmer writes "04:05 PM" in ICU 78 but
 *   "16:05" in @formatjs's data), applied when the caller asks for hours without choosing a cycle;
 * - the zone's GMT offset in the language's own digits, as ICU writes it ("GMT+၇" in Burmese,
 *   where the polyfill writes "GMT+7").
 */
export function alignDateTimeFormat(
  polyfill: new (locales?: string | string[], options?: Intl.DateTimeFormatOptions) => Intl.DateTimeFormat,
  hourCycles: Record<string, string>,
) {
  class DateTimeFormat extends polyfill {
    constructor(locales?: string | string[], options?: Intl.DateTimeFormatOptions) {
      const o = options ?? {};
      const cycle = hourCycles[(firstLocale(locales) ?? "").split("-")[0]];
      const asksHours = o.hour !== undefined || o.timeStyle !== undefined;
      const aligned =
        cycle && asksHours && o.hour12 === undefined && o.hourCycle === undefined
          ? { ...o, hourCycle: cycle as Intl.DateTimeFormatOptions["hourCycle"] }
          : options;
      super(locales, aligned);
    }
    formatToParts(date?: Date | number): Intl.DateTimeFormatPart[] {
      const zero = DIGIT_ZERO[this.resolvedOptions().numberingSystem];
      const parts = super.formatToParts(date);
      if (!zero) return parts;
      return parts.map((p) => (p.type === "timeZoneName" ? { ...p, value: p.value.replace(/[0-9]/g, (d) => String.fromCodePoint(zero + Number(d))) } : p));
    }
  }
  // `format` is a getter giving a bound function (ECMA-402; @date-fns/tz keeps it unbound).
  Object.defineProperty(DateTimeFormat.prototype, "format", {
    configurable: true,
    get(this: DateTimeFormat) {
      return (date?: Date | number) =>
        this.formatToParts(date)
          .map((p) => p.value)
          .join("");
    },
  });
  return DateTimeFormat;
}

/** IANA names of member zones that CLDR still keys by their old names. */
const CLDR_ZONE_KEYS: Record<string, string> = { "Asia/Yangon": "Asia/Rangoon", "Asia/Ho_Chi_Minh": "Asia/Saigon" };

type LocaleEntry = { locale: string; data: { timeZoneName?: Record<string, unknown> } };

/**
 * Makes the polyfilled DateTimeFormat find zone names under today's IANA names: CLDR's data keys
 * Myanmar's and Viet Nam's zones as Asia/Rangoon and Asia/Saigon, so the polyfill wrote
 * "GMT+06:30" where ICU writes "Myanmar Time". Call before adding locale data.
 */
export function aliasZoneNames(dtf: { __addLocaleData?: (...entries: LocaleEntry[]) => void }) {
  const add = dtf.__addLocaleData;
  if (!add) return;
  dtf.__addLocaleData = (...entries) =>
    add.call(
      dtf,
      ...entries.map((entry) => {
        const names = entry.data.timeZoneName;
        if (!names) return entry;
        const aliased = { ...names };
        for (const [iana, cldr] of Object.entries(CLDR_ZONE_KEYS)) if (!aliased[iana] && aliased[cldr]) aliased[iana] = aliased[cldr];
        return { ...entry, data: { ...entry.data, timeZoneName: aliased } };
      }),
    );
}
