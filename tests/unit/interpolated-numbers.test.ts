// A tester's report: Burmese /me/surveys mixed Burmese and Latin digits ("၁၂ ..." in dates, "3"
// in "{{count}} days answered"). Every number put into a translated sentence is written the
// language's way, identically by the server's i18next and the browser's translator (hydration).
import { describe, expect, it } from "vitest";
import { interpolationValue } from "~/domain/interpolation";
import { createBrowserI18n } from "~/i18n.client";
import { getResources, translatorFor } from "~/i18n.server";

describe("numbers inside translated sentences", () => {
  it("are Burmese digits in my, unchanged Latin ones in en; plural choice still by the raw count", () => {
    const my = translatorFor("my");
    const text = my("evaluation.me.pulseDays", { count: 3 });
    expect(text).toContain("၃");
    expect(text).not.toMatch(/[0-9]/);
    const en = translatorFor("en");
    expect(en("evaluation.me.pulseDays", { count: 1 })).toBe("1 day answered");
    expect(en("evaluation.me.pulseDays", { count: 3 })).toBe("3 days answered");
  });

  it("the browser's translator writes the same text as the server's", () => {
    const resources = getResources() as Record<string, { translation: Parameters<typeof createBrowserI18n>[1] }>;
    for (const lng of ["my", "en", "vi", "zh"]) {
      const browser = createBrowserI18n(lng, resources[lng].translation);
      const server = translatorFor(lng);
      for (const count of [0, 1, 3, 12, 2027, 12500]) {
        expect(browser.t("evaluation.me.pulseDays", { count }), `${lng} ${count}`).toBe(server("evaluation.me.pulseDays", { count }));
      }
    }
    expect(createBrowserI18n("my", resources.my.translation).t("evaluation.me.pulseDays", { count: 12 })).toContain("၁၂");
  });

  it("leaves text and missing values alone; groups thousands only from five digits", () => {
    expect(interpolationValue("VLX-0012", "my")).toBe("VLX-0012");
    expect(interpolationValue(undefined, "my")).toBeUndefined();
    expect(interpolationValue(2027, "en")).toBe("2027");
    expect(interpolationValue(12500, "en")).toBe("12,500");
    expect(interpolationValue(2.5, "vi")).toBe("2,5");
    expect(interpolationValue(2027, "my")).toBe("၂၀၂၇");
  });
});
