// The pure rules of visa invitation letters (issue 15, item 3): the letter's second language per
// host country, its printed number, and the loose passport-number check.
import { describe, expect, it } from "vitest";
import { MEMBER_COUNTRY_CODES } from "~/domain/country-names";
import { supportedLngs } from "~/i18n";
import { letterLanguage, normalizePassportNumber, visaLetterNumber } from "~/domain/visa-letter";

describe("letter language", () => {
  it("is an interface locale for every member country, the country's own official language", () => {
    for (const cc of MEMBER_COUNTRY_CODES) expect(supportedLngs).toContain(letterLanguage(cc));
    expect(letterLanguage("KH")).toBe("km");
    expect(letterLanguage("MM")).toBe("my");
    expect(letterLanguage("LA")).toBe("lo");
    expect(letterLanguage("CN")).toBe("zh");
    expect(letterLanguage("PH")).toBe("fil");
    expect(letterLanguage("BN")).toBe("ms");
    expect(letterLanguage("SG")).toBe("ms");
  });

  it("is none outside the 13 (English alone)", () => {
    expect(letterLanguage("FR")).toBeNull();
  });
});

describe("passport number", () => {
  it("accepts 6 to 12 Latin letters and digits, spaces and hyphens dropped, upper-cased", () => {
    expect(normalizePassportNumber("n0 1234-567")).toBe("N01234567");
    expect(normalizePassportNumber("ABC123")).toBe("ABC123");
    expect(normalizePassportNumber("AB1234567890")).toBe("AB1234567890");
    // Full-width digits typed on a CJK keyboard read as digits.
    expect(normalizePassportNumber("Ｅ１２３４５６７８")).toBe("E12345678");
  });

  it("refuses too short, too long and other symbols", () => {
    expect(normalizePassportNumber("A1234")).toBeNull();
    expect(normalizePassportNumber("AB12345678901")).toBeNull();
    expect(normalizePassportNumber("N°123456")).toBeNull();
    expect(normalizePassportNumber("ก1234567")).toBeNull();
    expect(normalizePassportNumber("")).toBeNull();
  });
});

it("numbers letters per edition: VLX-<ordinal>-V<4 digits>", () => {
  expect(visaLetterNumber(10, 7)).toBe("VLX-10-V0007");
  expect(visaLetterNumber(11, 12345)).toBe("VLX-11-V12345");
});
