// Host site names in the reader's language (issue 11): a site has a name in the local script (its
// country's language), a Latin name (its English) and optional translations; a reader sees their
// own language, else the Latin name, else the local one, each with its language for `lang`.
import { describe, expect, it } from "vitest";
import { siteNames, siteNameShown, visitTitleShown } from "~/domain/local-text";

const longji = { name: "龙脊村", nameLatin: "Longji Village", countryCode: "CN", translations: { name: { vi: "Làng Long Tích" } } };

describe("host site names", () => {
  it("picks the reader's translation, the local-script name for the country's own language, else the Latin name", () => {
    expect(siteNameShown(longji, "vi")).toEqual({ text: "Làng Long Tích", lang: "vi" });
    expect(siteNameShown(longji, "zh")).toEqual({ text: "龙脊村", lang: "zh" });
    expect(siteNameShown(longji, "en")).toEqual({ text: "Longji Village", lang: "en" });
    expect(siteNameShown(longji, "km")).toEqual({ text: "Longji Village", lang: "en" });
    expect(siteNameShown(longji, "zh-Hans")).toEqual({ text: "龙脊村", lang: "zh" });
  });

  it("adds the local-script name beside another language's name, never twice", () => {
    expect(siteNames(longji, "vi")).toEqual({ name: { text: "Làng Long Tích", lang: "vi" }, local: { text: "龙脊村", lang: "zh" } });
    expect(siteNames(longji, "zh").local).toBeNull();
    // A Singapore site: its local name is English; a site without a Latin name shows the local one.
    expect(siteNames({ name: "Kampong Lorong Buangkok", nameLatin: "", countryCode: "SG" }, "th")).toEqual({
      name: { text: "Kampong Lorong Buangkok", lang: "en" },
      local: null,
    });
  });

  it("names a visit without a title by its site, in the reader's language", () => {
    expect(visitTitleShown("", null, siteNameShown(longji, "vi"), "vi")).toEqual({ text: "Làng Long Tích", lang: "vi" });
    expect(visitTitleShown("Terraces week", { title: { vi: "Tuần ruộng bậc thang" } }, siteNameShown(longji, "vi"), "vi")).toEqual({
      text: "Tuần ruộng bậc thang",
      lang: "vi",
    });
  });
});
