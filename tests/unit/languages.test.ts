// Which interface language a tag, header or set of signals gives (app/domain/languages.ts).
import { describe, expect, it } from "vitest";
import { chooseLanguage, countryDefaultLanguage, matchAcceptLanguage, matchLanguage, NATIVE_NAMES, SUPPORTED_LNGS } from "~/domain/languages";

describe("matchLanguage", () => {
  it.each([
    ["th", "th"],
    ["TH-th", "th"],
    ["km-KH", "km"],
    ["lo", "lo"],
    ["my-MM", "my"],
    ["zh", "zh"],
    ["zh-CN", "zh"],
    ["zh-SG", "zh"],
    ["zh-Hans", "zh"],
    ["zh-Hans-CN", "zh"],
    ["zh_Hans_SG", "zh"],
    ["ms", "ms"],
    ["ms-MY", "ms"],
    ["ms-BN", "ms"],
    ["zsm", "ms"],
    ["tl", "fil"],
    ["fil-PH", "fil"],
    ["tl-PH", "fil"],
    ["in", "id"],
    ["en-GB", "en"],
    ["ja-JP", "ja"],
    ["ko-KR", "ko"],
  ])("%s → %s", (tag, lng) => expect(matchLanguage(tag)).toBe(lng));

  it.each(["", "xx", "de-DE", "zh-TW", "zh-Hant", "zh-Hant-HK", "<script>", "th;drop"])("%s → none", (tag) => expect(matchLanguage(tag)).toBeNull());
});

describe("matchAcceptLanguage", () => {
  it("takes the best-quality entry VLX offers", () => {
    expect(matchAcceptLanguage("de-DE,de;q=0.9,lo;q=0.8,en;q=0.7")).toBe("lo");
    expect(matchAcceptLanguage("en;q=0.5, km-KH")).toBe("km");
    expect(matchAcceptLanguage("zh-TW,zh;q=0.9")).toBe("zh");
    expect(matchAcceptLanguage("ms-BN")).toBe("ms");
    expect(matchAcceptLanguage("th;q=0, vi;q=0.1")).toBe("vi");
    expect(matchAcceptLanguage("*")).toBeNull();
    expect(matchAcceptLanguage("garbage;;;q=x")).toBeNull();
  });
});

describe("chooseLanguage: saved preference, then ?lng=, then cookie, then Accept-Language, then English", () => {
  const all = { saved: "km", query: "lo", cookie: "my", acceptLanguage: "th" };
  it("follows the order", () => {
    expect(chooseLanguage(all)).toBe("km");
    expect(chooseLanguage({ ...all, saved: null })).toBe("lo");
    expect(chooseLanguage({ ...all, saved: null, query: null })).toBe("my");
    expect(chooseLanguage({ ...all, saved: null, query: null, cookie: null })).toBe("th");
    expect(chooseLanguage({})).toBe("en");
  });
  it("skips unknown values silently", () => {
    expect(chooseLanguage({ saved: "xx", query: "klingon", cookie: "zz", acceptLanguage: "de" })).toBe("en");
    expect(chooseLanguage({ query: "zh-CN" })).toBe("zh");
  });
});

describe("labels and country defaults", () => {
  it("names every language in itself, as Intl does where its self-name is unambiguous", () => {
    expect(Object.keys(NATIVE_NAMES).sort()).toEqual([...SUPPORTED_LNGS].sort());
    for (const l of ["en", "vi", "th", "km", "lo", "my", "fil", "ja", "ko"] as const) {
      expect(NATIVE_NAMES[l]).toBe(new Intl.DisplayNames(l, { type: "language" }).of(l));
    }
  });
  it("gives each member country its national language", () => {
    expect(countryDefaultLanguage("LA")).toBe("lo");
    expect(countryDefaultLanguage("BN")).toBe("ms");
    expect(countryDefaultLanguage("PH")).toBe("fil");
    expect(countryDefaultLanguage("SG")).toBe("en");
    expect(countryDefaultLanguage("FR")).toBeNull();
  });
});
