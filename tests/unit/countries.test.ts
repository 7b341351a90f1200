import { describe, expect, it } from "vitest";
import { countryLanguages, countryName, countryTimeZones, defaultNameOrder, defaultTimeZone, memberCountries, MEMBER_COUNTRY_CODES } from "~/domain/countries";

describe("member countries", () => {
  it("are the 13 of ASEAN+3", () => {
    expect([...MEMBER_COUNTRY_CODES].sort()).toEqual(["BN", "CN", "ID", "JP", "KH", "KR", "LA", "MM", "MY", "PH", "SG", "TH", "VN"]);
  });

  it("default to each country's own time zone, not a neighbour's merged zone", () => {
    const expected: Record<string, string> = {
      BN: "Asia/Brunei",
      KH: "Asia/Phnom_Penh",
      ID: "Asia/Jakarta",
      LA: "Asia/Vientiane",
      MY: "Asia/Kuala_Lumpur",
      MM: "Asia/Yangon",
      PH: "Asia/Manila",
      SG: "Asia/Singapore",
      TH: "Asia/Bangkok",
      VN: "Asia/Ho_Chi_Minh",
      CN: "Asia/Shanghai",
      JP: "Asia/Tokyo",
      KR: "Asia/Seoul",
    };
    for (const [code, zone] of Object.entries(expected)) {
      expect(defaultTimeZone(code), code).toBe(zone);
      // Every zone is one the runtime's Intl knows.
      for (const z of countryTimeZones(code)) expect(() => new Intl.DateTimeFormat("en", { timeZone: z })).not.toThrow();
    }
  });

  it("lists Indonesia's three time zones", () => {
    expect(countryTimeZones("ID")).toEqual(expect.arrayContaining(["Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura"]));
    expect(countryTimeZones("VN")).not.toContain("Asia/Bangkok");
  });

  it("names countries in the page's language and sorts them with its collation", () => {
    expect(countryName("VN", "en")).toBe("Viet Nam");
    expect(countryName("VN", "vi")).toBe("Việt Nam");
    const names = memberCountries("en").map((c) => c.name);
    expect(names).toEqual([
      "Brunei Darussalam",
      "Cambodia",
      "China",
      "Indonesia",
      "Japan",
      "Lao PDR",
      "Malaysia",
      "Myanmar",
      "Philippines",
      "Republic of Korea",
      "Singapore",
      "Thailand",
      "Viet Nam",
    ]);
  });

  it("names countries in every interface language, also those i18n-iso-countries lacks (lo, my, fil)", () => {
    expect(countryName("LA", "lo")).toBe("ລາວ");
    expect(countryName("MM", "my")).toBe("မြန်မာ");
    expect(countryName("PH", "fil")).toBe("Pilipinas");
    expect(countryName("MM", "ja")).toBe("ミャンマー"); // without CLDR's bracketed "(ビルマ)"
    expect(countryName("MM", "th")).toBe("เมียนมา");
    expect(countryName("KH", "km")).toBe("កម្ពុជា");
    expect(countryName("XX", "en")).toBe("XX");
    expect(countryName("TH", "not-a-locale-!")).toBe("Thailand");
    for (const lng of ["en", "vi", "th", "km", "lo", "my", "id", "ms", "fil", "zh", "ja", "ko"]) {
      const list = memberCountries(lng);
      const sorted = [...list].sort((a, b) => new Intl.Collator(lng).compare(a.name, b.name));
      expect(list, lng).toEqual(sorted);
      expect(new Set(list.map((c) => c.name)).size, lng).toBe(13);
      for (const c of list) expect(c.name, `${lng} ${c.code}`).not.toMatch(/[(（]/);
    }
  });

  it("knows main languages and name order", () => {
    expect(countryLanguages("MM")).toEqual(["my"]);
    expect(defaultNameOrder("VN")).toBe("family_first");
    expect(defaultNameOrder("ID")).toBe("given_first");
  });
});

describe("member country names without the world lists (issue 14)", () => {
  it("the browser's module gives the server's names, without the time zone and language tables", async () => {
    const { memberCountryName } = await import("~/domain/country-names");
    for (const lng of ["en", "vi", "th", "km", "lo", "my", "id", "ms", "fil", "zh", "ja", "ko"]) {
      for (const code of MEMBER_COUNTRY_CODES) expect(memberCountryName(code, lng)).toBe(countryName(code, lng));
    }
  });
});

describe("member time zones for the browser (issue 14)", () => {
  it("are the zones countries.ts derives from the tz database", async () => {
    const { memberDefaultTimeZone, memberTimeZones } = await import("~/domain/member-zones");
    for (const code of MEMBER_COUNTRY_CODES) {
      expect(memberTimeZones(code), code).toEqual(countryTimeZones(code));
      expect(memberDefaultTimeZone(code), code).toBe(defaultTimeZone(code));
    }
    expect(memberTimeZones("US")).toEqual([]);
  });
});
