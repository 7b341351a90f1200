// Names (docs/design.md "Names"): folded search, display order, CJK without spaces, Thai marks kept.
import { describe, expect, it } from "vitest";
import { displayName, foldForSearch, latinName, searchText, sortKey } from "~/domain/names";

describe("names", () => {
  it('"nguyen thi anh" finds "Nguyễn Thị Ánh"', () => {
    const stored = searchText({ givenName: "Thị Ánh", familyName: "Nguyễn", nameOrder: "family_first" });
    expect(stored).toContain(foldForSearch("nguyen thi anh"));
    expect(stored).toContain(foldForSearch("NGUYỄN THỊ ÁNH"));
    expect(foldForSearch("Đặng Văn Đức")).toBe("dang van duc");
  });

  it("folds composed and decomposed input the same way", () => {
    expect(foldForSearch("Nguye\u0302\u0303n")).toBe(foldForSearch("Nguyễn"));
  });

  it("shows names in the person's own order", () => {
    expect(displayName({ givenName: "Thị Ánh", familyName: "Nguyễn", nameOrder: "family_first" })).toBe("Nguyễn Thị Ánh");
    expect(displayName({ givenName: "Somchai", familyName: "Jaidee", nameOrder: "given_first" })).toBe("Somchai Jaidee");
    expect(latinName({ givenName: "芳", familyName: "王", givenNameLatin: "Fang", familyNameLatin: "Wang", nameOrder: "family_first" })).toBe("Wang Fang");
  });

  it("handles mononyms (no family name)", () => {
    expect(displayName({ givenName: "Sukarno", familyName: "", nameOrder: "given_first" })).toBe("Sukarno");
    expect(displayName({ givenName: "Aung", familyName: null, nameOrder: "family_first" })).toBe("Aung");
    expect(sortKey({ givenName: "Sukarno", nameOrder: "given_first" })).toBe("Sukarno");
  });

  it("writes Chinese, Japanese and Korean native names without a space", () => {
    expect(displayName({ givenName: "芳", familyName: "王", nameOrder: "family_first" })).toBe("王芳");
    expect(displayName({ givenName: "花子", familyName: "山田", nameOrder: "family_first" })).toBe("山田花子");
    expect(displayName({ givenName: "민준", familyName: "김", nameOrder: "family_first" })).toBe("김민준");
    expect(searchText({ givenName: "芳", familyName: "王", nameOrder: "family_first" })).toBe("王芳");
  });

  it("keeps Thai, Burmese and Khmer vowel marks when folding", () => {
    expect(foldForSearch("สมชาย ใจดี")).toBe("สมชาย ใจดี");
    expect(foldForSearch("ผู้ใหญ่บ้าน")).toBe("ผู้ใหญ่บ้าน");
    expect(foldForSearch("အောင်ဆန်း")).toBe("အောင်ဆန်း");
    expect(foldForSearch("សុខា")).toBe("សុខា");
  });

  it("falls back to the Latin form when there is no native name", () => {
    expect(displayName({ givenName: "", givenNameLatin: "Fang", familyNameLatin: "Wang", nameOrder: "family_first" })).toBe("Wang Fang");
  });

  it("sorts with Intl.Collator on family name first", () => {
    const people = [
      { givenName: "B", familyName: "Zhou", nameOrder: "family_first" as const },
      { givenName: "A", familyName: "Ánh", nameOrder: "family_first" as const },
      { givenName: "C", familyName: "Bui", nameOrder: "family_first" as const },
    ];
    const c = new Intl.Collator("en");
    expect(people.map(sortKey).sort(c.compare)).toEqual(["Ánh A", "Bui C", "Zhou B"]);
  });
});
