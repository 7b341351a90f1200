// The on-demand Intl polyfill (app/intl-polyfill/, issue 11 item 4): when it loads, what it holds,
// and that the polyfilled formatters write what Node's full ICU (the server) writes for the option
// sets our browser code uses, in Khmer, Lao and Burmese.
import { describe, expect, it } from "vitest";
import { countryTimeZones } from "~/domain/countries";
import { countryName, MEMBER_COUNTRY_CODES } from "~/domain/country-names";
import { lacksIntlLocale } from "~/domain/intl-support";
import { SUPPORTED_LNGS } from "~/domain/languages";
import { LANGUAGES, languageName } from "~/domain/vocabulary";
import { COLLATION_ORDER } from "~/intl-polyfill/collation";
import { alignDateTimeFormat, aliasZoneNames } from "~/intl-polyfill/hybrid";
import { HOUR_CYCLES } from "~/intl-polyfill/icu-defaults";
import { TZ_DATA } from "~/intl-polyfill/tz-data";

type Fake = { supportedLocalesOf: (l: string[]) => string[] };
const has = (...langs: string[]): Fake => ({ supportedLocalesOf: (l) => l.filter((x) => langs.includes(x)) });

describe("lacksIntlLocale", () => {
  const full = {
    DateTimeFormat: has("en", "km"),
    NumberFormat: has("en", "km"),
    ListFormat: has("en", "km"),
    DisplayNames: has("en", "km"),
    Collator: has("en", "km"),
  };
  it("is false when every service has the language", () => {
    expect(lacksIntlLocale("km", full as unknown as typeof Intl)).toBe(false);
  });
  it("is true when one service lacks it (Debian's Chromium: Collator and all but PluralRules lack km)", () => {
    expect(lacksIntlLocale("km", { ...full, Collator: has("en") } as unknown as typeof Intl)).toBe(true);
    expect(lacksIntlLocale("lo", full as unknown as typeof Intl)).toBe(true);
  });
  it("is true when a service is missing altogether (older browsers without ListFormat or DisplayNames)", () => {
    expect(lacksIntlLocale("en", { ...full, DisplayNames: undefined } as unknown as typeof Intl)).toBe(true);
  });
  it("is false for every interface language in Node (full ICU): the server never needs it", () => {
    for (const lng of SUPPORTED_LNGS) expect(lacksIntlLocale(lng), lng).toBe(false);
  });
});

describe("generated data is current (else run `npx tsx scripts/gen-intl-polyfill-data.ts`)", () => {
  it("holds every member country's zone", () => {
    const zones = new Set(TZ_DATA.zones.map((z) => z.slice(0, z.indexOf("|"))));
    for (const code of MEMBER_COUNTRY_CODES) for (const z of countryTimeZones(code)) expect(zones.has(z), `${code} ${z}`).toBe(true);
  });
  it("has Node's order of the country and language names, and Node's hour cycles", () => {
    for (const lng of SUPPORTED_LNGS) {
      const names = [...new Set([...MEMBER_COUNTRY_CODES.map((c) => countryName(c, lng)), ...LANGUAGES.map((l) => languageName(l, lng))])];
      expect(COLLATION_ORDER[lng], lng).toEqual(names.sort(new Intl.Collator(lng).compare));
      expect(HOUR_CYCLES[lng], lng).toBe(new Intl.DateTimeFormat(lng, { hour: "numeric" }).resolvedOptions().hourCycle);
    }
  });
});

describe("polyfilled output equals Node's ICU for the formats our pages use", async () => {
  // The polyfills replace the globals on import: keep Node's services to compare with, and put
  // them back afterwards (this file runs in its own worker).
  const native = { DateTimeFormat: Intl.DateTimeFormat, NumberFormat: Intl.NumberFormat, ListFormat: Intl.ListFormat, DisplayNames: Intl.DisplayNames };
  await import("@formatjs/intl-datetimeformat/polyfill-force.js");
  await import("@formatjs/intl-numberformat/polyfill-force.js");
  await import("@formatjs/intl-listformat/polyfill-force.js");
  await import("@formatjs/intl-displaynames/polyfill-force.js");
  const poly = { DateTimeFormat: Intl.DateTimeFormat, NumberFormat: Intl.NumberFormat, ListFormat: Intl.ListFormat, DisplayNames: Intl.DisplayNames };
  aliasZoneNames(poly.DateTimeFormat as never);
  for (const lng of ["km", "lo", "my"]) {
    await import(`@formatjs/intl-datetimeformat/locale-data/${lng}.js`);
    await import(`@formatjs/intl-numberformat/locale-data/${lng}.js`);
    await import(`@formatjs/intl-listformat/locale-data/${lng}.js`);
    await import(`@formatjs/intl-displaynames/locale-data/${lng}.js`);
  }
  (poly.DateTimeFormat as unknown as { __addTZData: (d: unknown) => void }).__addTZData(TZ_DATA);
  Object.assign(Intl, native);
  const Aligned = alignDateTimeFormat(poly.DateTimeFormat, HOUR_CYCLES);

  const at = Date.UTC(2026, 2, 14, 9, 5);
  const zones = ["UTC", "Asia/Phnom_Penh", "Asia/Vientiane", "Asia/Yangon", "Asia/Ho_Chi_Minh", "Asia/Shanghai", "Asia/Jakarta"];
  const dateOptions: Intl.DateTimeFormatOptions[] = [
    // formatDate (dateStyle medium), MonthCalendar and Budget (month long, weekday short)
    { calendar: "gregory", dateStyle: "medium", timeZone: "UTC" },
    { calendar: "gregory", month: "long", year: "numeric", timeZone: "UTC" },
    { calendar: "gregory", weekday: "short", timeZone: "UTC" },
    // training display: date, time
    { calendar: "gregory", weekday: "short", day: "numeric", month: "short", year: "numeric", timeZone: "Asia/Yangon" },
    { calendar: "gregory", hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: "Asia/Yangon" },
    // AuditTrail, admin site and pilot project pages: date and time with the zone's short name
    ...zones.map((timeZone): Intl.DateTimeFormatOptions => ({
      calendar: "gregory",
      year: "numeric",
      month: "short",
      day: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      timeZone,
      timeZoneName: "short",
    })),
  ];

  for (const lng of ["km", "lo", "my"]) {
    it(`${lng}: dates and times`, () => {
      for (const o of dateOptions) expect(new Aligned(lng, o).format(at), JSON.stringify(o)).toBe(new native.DateTimeFormat(lng, o).format(at));
    });
    it(`${lng}: zone names as the itinerary shows them (the timeZoneName part)`, () => {
      for (const timeZone of zones)
        for (const timeZoneName of ["short", "long"] as const) {
          const o: Intl.DateTimeFormatOptions = { calendar: "gregory", hour: "2-digit", hourCycle: "h23", timeZone, timeZoneName };
          const part = (f: Intl.DateTimeFormat) => f.formatToParts(at).find((p) => p.type === "timeZoneName")?.value;
          expect(part(new Aligned(lng, o)), `${timeZone} ${timeZoneName}`).toBe(part(new native.DateTimeFormat(lng, o)));
        }
    });
    it(`${lng}: numbers, money, percentages, lists, country and language names`, () => {
      const numberOptions: Intl.NumberFormatOptions[] = [
        { maximumFractionDigits: 1 },
        { style: "percent", maximumFractionDigits: 0 },
        ...["KHR", "LAK", "MMK", "USD", "CNY", "VND"].map((currency): Intl.NumberFormatOptions => ({ style: "currency", currency })),
      ];
      for (const o of numberOptions)
        expect(new poly.NumberFormat(lng, o).format(1234567.891), JSON.stringify(o)).toBe(new native.NumberFormat(lng, o).format(1234567.891));
      expect(new poly.ListFormat(lng, { style: "long", type: "conjunction" }).format(["A", "B", "C"])).toBe(
        new native.ListFormat(lng, { style: "long", type: "conjunction" }).format(["A", "B", "C"]),
      );
      for (const code of MEMBER_COUNTRY_CODES)
        expect(new poly.DisplayNames([lng, "en"], { type: "region" }).of(code), code).toBe(new native.DisplayNames([lng, "en"], { type: "region" }).of(code));
      for (const code of LANGUAGES)
        expect(new poly.DisplayNames([lng, "en"], { type: "language" }).of(code), code).toBe(
          new native.DisplayNames([lng, "en"], { type: "language" }).of(code),
        );
    });
  }
});
