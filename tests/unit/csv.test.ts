// The formula-neutralising rule of CSV cells (docs/design.md "Text"): = + - @ tab (and CR) get an
// apostrophe; the rule is reversible, so exports round-trip exactly.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { headerKey, neutraliseCell, restoreCell } from "~/domain/csv";

describe("neutraliseCell", () => {
  it("prefixes cells that a spreadsheet would run as a formula", () => {
    expect(neutraliseCell("=SUM(A1:A9)")).toBe("'=SUM(A1:A9)");
    expect(neutraliseCell("+84 912 345 678")).toBe("'+84 912 345 678");
    expect(neutraliseCell("-2+3")).toBe("'-2+3");
    expect(neutraliseCell("@cmd")).toBe("'@cmd");
    expect(neutraliseCell("\t=1")).toBe("'\t=1");
    expect(neutraliseCell("\r=1")).toBe("'\r=1");
    expect(neutraliseCell('=HYPERLINK("http://evil","x")')).toBe('\'=HYPERLINK("http://evil","x")');
  });

  it("leaves ordinary text alone, including formula characters later in the cell", () => {
    for (const s of ["", "Nguyễn Thị Ánh", "王芳", "ស្រីមុំ", "အောင်ကျော်မိုး", "a=b", "1+1", "e-mail@x", " =1", "'quoted'", "'", "''"]) {
      expect(neutraliseCell(s)).toBe(s);
    }
  });

  it("adds one more apostrophe to an already-escaped formula so the rule stays reversible", () => {
    expect(neutraliseCell("'=1")).toBe("''=1");
    expect(restoreCell("''=1")).toBe("'=1");
    expect(restoreCell("'=1")).toBe("=1");
    expect(restoreCell("'plain")).toBe("'plain");
  });

  it("restoreCell(neutraliseCell(s)) === s, and the output never starts with a formula character", () => {
    const alphabet = fc.constantFrom("=", "+", "-", "@", "\t", "\r", "'", "a", "1", " ", "ក", "\n", '"', ",");
    fc.assert(
      fc.property(
        fc.array(alphabet, { maxLength: 8 }).map((xs) => xs.join("")),
        fc.string(),
        (s, t) => {
          for (const x of [s, t]) {
            const n = neutraliseCell(x);
            expect(restoreCell(n)).toBe(x);
            expect(/^[=+\-@\t\r]/.test(n)).toBe(false);
          }
        },
      ),
    );
  });
});

describe("headerKey", () => {
  it("turns spreadsheet headers into keys", () => {
    expect(headerKey("Given name (Latin)")).toBe("given_name_latin");
    expect(headerKey("  E-mail ")).toBe("e_mail");
    expect(headerKey("birth_date")).toBe("birth_date");
  });
});
