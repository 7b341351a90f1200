// Names and free text: Zawgyi-encoded Burmese converted to Unicode, everything in NFC.
import { describe, expect, it } from "vitest";
import { isZawgyi, normalizeForm, normalizeTextInput } from "~/utils/text-input.server";

describe("text input", () => {
  it("converts Zawgyi Burmese to Unicode and leaves Unicode Burmese alone", () => {
    expect(isZawgyi("ျမန္မာ")).toBe(true);
    expect(normalizeTextInput("ျမန္မာ")).toBe("မြန်မာ");
    expect(isZawgyi("မြန်မာ")).toBe(false);
    expect(normalizeTextInput("အောင်ကျော်")).toBe("အောင်ကျော်");
  });

  it("normalises to NFC and round-trips every script unchanged after NFC", () => {
    const decomposed = "Nguye\u0302\u0303n Thi\u0323 A\u0301nh";
    expect(normalizeTextInput(decomposed)).toBe("Nguyễn Thị Ánh");
    for (const s of ["សុខ ចាន់ថា", "ສົມພອນ", "สมชาย ใจดี", "佐藤花子", "김민준", "Maria Santos", "王秀英"]) {
      expect(normalizeTextInput(s)).toBe(s.normalize("NFC"));
    }
  });

  it("normalises every form value except passwords", () => {
    const form = new FormData();
    form.append("displayName", "A\u0301nh");
    form.append("about", "ျမန္မာ");
    form.append("password", "A\u0301nh");
    const out = normalizeForm(form);
    expect(out.get("displayName")).toBe("Ánh");
    expect(out.get("about")).toBe("မြန်မာ");
    expect(out.get("password")).toBe("A\u0301nh");
  });
});

describe("search folding across scripts", async () => {
  const { foldForSearch } = await import("~/domain/names");
  it("ignores case and Latin diacritics, keeps the vowels and marks of other scripts", () => {
    expect(foldForSearch("NGUYỄN Thị Ánh")).toBe("nguyen thi anh");
    expect(foldForSearch("Nguye\u0302\u0303n")).toBe("nguyen");
    for (const s of ["សុខ ចាន់ថា", "ສົມພອນ", "สมชาย ใจดี", "အောင်ကျော်", "佐藤花子", "김민준"]) expect(foldForSearch(s)).toBe(s);
    // A name typed decomposed or composed folds the same.
    expect(foldForSearch("ສົມພອນ".normalize("NFD"))).toBe(foldForSearch("ສົມພອນ"));
  });
});
