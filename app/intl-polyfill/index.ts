/**
 * The @formatjs Intl polyfills for one page language, loaded on demand by entry.client (only when
 * `lacksIntlLocale` says the browser cannot format that language; English and Thai pages on any
 * current browser never download this). Every import here is dynamic, so each polyfill and each
 * language's data is its own chunk, and the script budget of a page (tests/support/bundle-sizes.ts)
 * counts none of them.
 *
 * Each package's own `should-polyfill` decides; `polyfill-force` then replaces the native service
 * and the matching CLDR locale file is added. Order follows the packages' prerequisites:
 * getCanonicalLocales → Locale → PluralRules → NumberFormat → DateTimeFormat, ListFormat,
 * DisplayNames. Intl.Collator has no polyfill: for the closed lists we sort in the browser
 * (country and language names) `./collator` keeps the server's order.
 *
 * Locale data imports are spelled out per language (a switch, not a template string) so the
 * bundler makes one chunk per file and never pulls in the other 700 locales.
 */
import { shouldPolyfill as needsCanonicalLocales } from "@formatjs/intl-getcanonicallocales/should-polyfill.js";
import { shouldPolyfill as needsDateTimeFormat } from "@formatjs/intl-datetimeformat/should-polyfill.js";
import { shouldPolyfill as needsDisplayNames } from "@formatjs/intl-displaynames/should-polyfill.js";
import { shouldPolyfill as needsListFormat } from "@formatjs/intl-listformat/should-polyfill.js";
import { shouldPolyfill as needsLocale } from "@formatjs/intl-locale/should-polyfill.js";
import { shouldPolyfill as needsNumberFormat } from "@formatjs/intl-numberformat/should-polyfill.js";
import { shouldPolyfill as needsPluralRules } from "@formatjs/intl-pluralrules/should-polyfill.js";
import { alignDateTimeFormat, aliasZoneNames, keepNative } from "./hybrid";
import { HOUR_CYCLES } from "./icu-defaults";
import { dateTimeFormatData, displayNamesData, listFormatData, numberFormatData, pluralRulesData } from "./locale-data";

type WithTz = typeof Intl.DateTimeFormat & {
  __addTZData?: (d: unknown) => void;
  __setDefaultTimeZone?: (z: string) => void;
};

/** What `polyfillIntl` replaced, for logs and tests. */
export type PolyfillReport = string[];

/**
 * Makes Intl format `lng` as Node's full ICU does: polyfills what the browser lacks for `lng`
 * (and its prerequisites), loads `lng`'s CLDR data, and keeps the server's order of translated
 * country and language names. Resolves with the names of the services replaced.
 */
export async function polyfillIntl(lng: string): Promise<PolyfillReport> {
  const done: string[] = [];
  // Read before the polyfills replace them: the browser's own services (kept for the locales it
  // has, see ./hybrid) and its own zone (the polyfill's default zone).
  const native = {
    DateTimeFormat: Intl.DateTimeFormat,
    NumberFormat: Intl.NumberFormat,
    ListFormat: Intl.ListFormat,
    DisplayNames: Intl.DisplayNames,
  } as unknown as Record<string, never>;
  const ownZone = new Intl.DateTimeFormat().resolvedOptions().timeZone;

  if (needsCanonicalLocales()) {
    await import("@formatjs/intl-getcanonicallocales/polyfill-force.js");
    done.push("getCanonicalLocales");
  }
  if (needsLocale()) {
    await import("@formatjs/intl-locale/polyfill-force.js");
    done.push("Locale");
  }
  const plural = needsPluralRules(lng);
  if (plural) {
    await import("@formatjs/intl-pluralrules/polyfill-force.js");
    await pluralRulesData(plural);
    done.push("PluralRules");
  }
  const number = needsNumberFormat(lng);
  if (number) {
    await import("@formatjs/intl-numberformat/polyfill-force.js");
    await numberFormatData(number);
    keepNative("NumberFormat", native.NumberFormat, Intl.NumberFormat as never);
    done.push("NumberFormat");
  }
  await Promise.all([
    (async () => {
      const locale = needsDateTimeFormat(lng);
      if (!locale) return;
      const [, { TZ_DATA }] = await Promise.all([import("@formatjs/intl-datetimeformat/polyfill-force.js"), import("./tz-data")]);
      const dtf = Intl.DateTimeFormat as WithTz;
      aliasZoneNames(dtf as never);
      await dateTimeFormatData(locale);
      dtf.__addTZData?.(TZ_DATA);
      try {
        dtf.__setDefaultTimeZone?.(ownZone);
      } catch {
        // A zone the polyfill does not know: it keeps UTC.
      }
      keepNative("DateTimeFormat", native.DateTimeFormat, alignDateTimeFormat(dtf, HOUR_CYCLES) as never);
      done.push("DateTimeFormat");
    })(),
    (async () => {
      const locale = needsListFormat(lng);
      if (!locale) return;
      await import("@formatjs/intl-listformat/polyfill-force.js");
      await listFormatData(locale);
      keepNative("ListFormat", native.ListFormat, Intl.ListFormat as never);
      done.push("ListFormat");
    })(),
    (async () => {
      const locale = needsDisplayNames(lng);
      if (!locale) return;
      await import("@formatjs/intl-displaynames/polyfill-force.js");
      await displayNamesData(locale === true ? lng : locale);
      keepNative("DisplayNames", native.DisplayNames, Intl.DisplayNames as never);
      done.push("DisplayNames");
    })(),
    (async () => {
      if (Intl.Collator.supportedLocalesOf([lng]).length) return;
      const { keepServerCollation } = await import("./collator");
      if (await keepServerCollation(lng)) done.push("Collator (known names)");
    })(),
  ]);
  return done;
}
