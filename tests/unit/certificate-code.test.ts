// Verification codes and numbers of certificates (issue 15, item 4).
import { describe, expect, it } from "vitest";
import { randomBytes } from "node:crypto";
import { certificateCode, certificateNumber, normalizeCode } from "~/domain/certificate-code";

describe("certificate codes", () => {
  it("are 15 Crockford symbols in groups of five, read back unchanged", () => {
    for (let i = 0; i < 200; i++) {
      const c = certificateCode(randomBytes(16));
      expect(c).toMatch(/^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/);
      expect(normalizeCode(c)).toBe(c);
    }
  });

  it("read forgivingly: case, spaces, hyphens, O for 0 and I/L for 1", () => {
    expect(normalizeCode(" 7k2qd 9xmea-4rtob ")).toBe("7K2QD-9XMEA-4RT0B");
    expect(normalizeCode("ilIL0ABCDEFGHJK")).toBe("11110-ABCDE-FGHJK");
  });

  it("refuse what cannot be a code (wrong length, U, punctuation, other scripts)", () => {
    for (const bad of ["", "7K2QD-9XMEA", "7K2QD-9XMEA-4RT0B-1", "UUUUU-UUUUU-UUUUU", "7K2QD-9XMEA-4RT0!", "๑๒๓๔๕-๑๒๓๔๕-๑๒๓๔๕", "' or 1=1 --"]) {
      expect(normalizeCode(bad), bad).toBeNull();
    }
  });

  it("needs enough random bytes", () => {
    expect(() => certificateCode(new Uint8Array(4))).toThrow();
  });

  it("numbers carry the edition's ordinal and a four-digit running number", () => {
    expect(certificateNumber(10, 7)).toBe("VLX-10-0007");
    expect(certificateNumber(11, 12345)).toBe("VLX-11-12345");
  });
});
