/**
 * CLDR data of one interface language for each @formatjs polyfill, one static import per language
 * (so each file is its own on-demand chunk). `locale` is what the package's `should-polyfill`
 * matched for the page language; a language outside the twelve loads English, which the polyfills
 * fall back to. Each file registers itself with the polyfilled service when it runs, so call these
 * only after that service's `polyfill-force`.
 */

/** Adds `locale`'s data to the polyfilled Intl.PluralRules. */
export function pluralRulesData(locale: string): Promise<unknown> {
  switch (locale.split("-")[0]) {
    case "vi":
      return import("@formatjs/intl-pluralrules/locale-data/vi.js");
    case "th":
      return import("@formatjs/intl-pluralrules/locale-data/th.js");
    case "km":
      return import("@formatjs/intl-pluralrules/locale-data/km.js");
    case "lo":
      return import("@formatjs/intl-pluralrules/locale-data/lo.js");
    case "my":
      return import("@formatjs/intl-pluralrules/locale-data/my.js");
    case "id":
      return import("@formatjs/intl-pluralrules/locale-data/id.js");
    case "ms":
      return import("@formatjs/intl-pluralrules/locale-data/ms.js");
    case "fil":
      return import("@formatjs/intl-pluralrules/locale-data/fil.js");
    case "zh":
      return import("@formatjs/intl-pluralrules/locale-data/zh.js");
    case "ja":
      return import("@formatjs/intl-pluralrules/locale-data/ja.js");
    case "ko":
      return import("@formatjs/intl-pluralrules/locale-data/ko.js");
    default:
      return import("@formatjs/intl-pluralrules/locale-data/en.js");
  }
}

/** Adds `locale`'s data to the polyfilled Intl.NumberFormat. */
export function numberFormatData(locale: string): Promise<unknown> {
  switch (locale.split("-")[0]) {
    case "vi":
      return import("@formatjs/intl-numberformat/locale-data/vi.js");
    case "th":
      return import("@formatjs/intl-numberformat/locale-data/th.js");
    case "km":
      return import("@formatjs/intl-numberformat/locale-data/km.js");
    case "lo":
      return import("@formatjs/intl-numberformat/locale-data/lo.js");
    case "my":
      return import("@formatjs/intl-numberformat/locale-data/my.js");
    case "id":
      return import("@formatjs/intl-numberformat/locale-data/id.js");
    case "ms":
      return import("@formatjs/intl-numberformat/locale-data/ms.js");
    case "fil":
      return import("@formatjs/intl-numberformat/locale-data/fil.js");
    case "zh":
      return import("@formatjs/intl-numberformat/locale-data/zh.js");
    case "ja":
      return import("@formatjs/intl-numberformat/locale-data/ja.js");
    case "ko":
      return import("@formatjs/intl-numberformat/locale-data/ko.js");
    default:
      return import("@formatjs/intl-numberformat/locale-data/en.js");
  }
}

/** Adds `locale`'s data to the polyfilled Intl.DateTimeFormat. */
export function dateTimeFormatData(locale: string): Promise<unknown> {
  switch (locale.split("-")[0]) {
    case "vi":
      return import("@formatjs/intl-datetimeformat/locale-data/vi.js");
    case "th":
      return import("@formatjs/intl-datetimeformat/locale-data/th.js");
    case "km":
      return import("@formatjs/intl-datetimeformat/locale-data/km.js");
    case "lo":
      return import("@formatjs/intl-datetimeformat/locale-data/lo.js");
    case "my":
      return import("@formatjs/intl-datetimeformat/locale-data/my.js");
    case "id":
      return import("@formatjs/intl-datetimeformat/locale-data/id.js");
    case "ms":
      return import("@formatjs/intl-datetimeformat/locale-data/ms.js");
    case "fil":
      return import("@formatjs/intl-datetimeformat/locale-data/fil.js");
    case "zh":
      return import("@formatjs/intl-datetimeformat/locale-data/zh.js");
    case "ja":
      return import("@formatjs/intl-datetimeformat/locale-data/ja.js");
    case "ko":
      return import("@formatjs/intl-datetimeformat/locale-data/ko.js");
    default:
      return import("@formatjs/intl-datetimeformat/locale-data/en.js");
  }
}

/** Adds `locale`'s data to the polyfilled Intl.ListFormat. */
export function listFormatData(locale: string): Promise<unknown> {
  switch (locale.split("-")[0]) {
    case "vi":
      return import("@formatjs/intl-listformat/locale-data/vi.js");
    case "th":
      return import("@formatjs/intl-listformat/locale-data/th.js");
    case "km":
      return import("@formatjs/intl-listformat/locale-data/km.js");
    case "lo":
      return import("@formatjs/intl-listformat/locale-data/lo.js");
    case "my":
      return import("@formatjs/intl-listformat/locale-data/my.js");
    case "id":
      return import("@formatjs/intl-listformat/locale-data/id.js");
    case "ms":
      return import("@formatjs/intl-listformat/locale-data/ms.js");
    case "fil":
      return import("@formatjs/intl-listformat/locale-data/fil.js");
    case "zh":
      return import("@formatjs/intl-listformat/locale-data/zh.js");
    case "ja":
      return import("@formatjs/intl-listformat/locale-data/ja.js");
    case "ko":
      return import("@formatjs/intl-listformat/locale-data/ko.js");
    default:
      return import("@formatjs/intl-listformat/locale-data/en.js");
  }
}

/** Adds `locale`'s data to the polyfilled Intl.DisplayNames. */
export function displayNamesData(locale: string): Promise<unknown> {
  switch (locale.split("-")[0]) {
    case "vi":
      return import("@formatjs/intl-displaynames/locale-data/vi.js");
    case "th":
      return import("@formatjs/intl-displaynames/locale-data/th.js");
    case "km":
      return import("@formatjs/intl-displaynames/locale-data/km.js");
    case "lo":
      return import("@formatjs/intl-displaynames/locale-data/lo.js");
    case "my":
      return import("@formatjs/intl-displaynames/locale-data/my.js");
    case "id":
      return import("@formatjs/intl-displaynames/locale-data/id.js");
    case "ms":
      return import("@formatjs/intl-displaynames/locale-data/ms.js");
    case "fil":
      return import("@formatjs/intl-displaynames/locale-data/fil.js");
    case "zh":
      return import("@formatjs/intl-displaynames/locale-data/zh.js");
    case "ja":
      return import("@formatjs/intl-displaynames/locale-data/ja.js");
    case "ko":
      return import("@formatjs/intl-displaynames/locale-data/ko.js");
    default:
      return import("@formatjs/intl-displaynames/locale-data/en.js");
  }
}
