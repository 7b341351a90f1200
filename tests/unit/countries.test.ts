import { describe, expect, it } from "vitest";
import { countryLanguages, countryName, countryTimeZones, defaultNameOrder, defaultTimeZone, memberCountries, MEMBER_COUNTRY_CODES } from "~/domain/countries";

describe("member countries", () => {
  it("are the 13 of ASEAN+3", () => {
    expect([...MEMBER_COUNTRY_CODES].sort()).toEqual(["BN", "CN", "ID", "JP", "KH", "KR", "LA", "MM", "MY", "PH", "SG", "TH", "VN"]);
  });

  it("default to each country's own time zone, not a neighbour's merged zone", () => {
    const expected: Record<string, string> = {
      BN: "Asia/Brunei", KH: "Asia/Phnom_Penh", ID: "Asia/Jakarta", LA: "Asia/Vientiane", MY: "Asia/Kuala_Lumpur",
      MM: "Asia/Yangon", PH: "Asia/Manila", SG: "Asia/Singapore", TH: "Asia/Bangkok", VN: "Asia/Ho_Chi_Minh",
      CN: "Asia/Shanghai", JP: "Asia/Tokyo", KR: "Asia/Seoul",
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
    expect(countryName("VN", "en")).toBe("Vietnam");
    expect(countryName("VN", "vi")).toBe("Việt Nam");
    const names = memberCountries("en").map((c) => c.name);
    expect(names[0]).toBe("Brunei Darussalam");
    expect(names).toHaveLength(13);
  });

  it("knows main languages and name order", () => {
    expect(countryLanguages("MM")).toEqual(["my"]);
    expect(defaultNameOrder("VN")).toBe("family_first");
    expect(defaultNameOrder("ID")).toBe("given_first");
  });
});

describe("member country names without the world lists (issue 14)", () => {
  it("the browser's table gives what i18n-iso-countries gives, in every registered locale", async () => {
    const { memberCountryName } = await import("~/domain/country-names");
    const iso = (await import("i18n-iso-countries")).default;
    const { MEMBER_COUNTRY_CODES } = await import("~/domain/countries");
    for (const lng of ["en", "vi"]) {
      for (const code of MEMBER_COUNTRY_CODES) expect(memberCountryName(code, lng)).toBe(iso.getName(code, lng));
    }
    expect(memberCountryName("TH", "ja")).toBe(iso.getName("TH", "en"));
  });
});
