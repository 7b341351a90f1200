// Issue 11, a new user's language findings, in Chromium at 360 px: the language switcher's button
// keeps its word whole in every language (it split "Chan/ge" across lines), and the Lao check-in
// page answers an empty code with the project's Lao message, not Chromium's own English "Please
// fill out this field" bubble (the form is noValidate; `required` stays for assistive technology).
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { SUPPORTED_LNGS } from "~/domain/languages";
import { expectAccessible, logInAs, newContext, screenshot, withDemoServer } from "../support/e2e";

const demo = withDemoServer();

describe("language findings at 360 px", () => {
  it("the switcher's button text stays on one line in all twelve languages", async () => {
    const ctx = await newContext(demo.browser);
    const page = await ctx.newPage();
    for (const lng of SUPPORTED_LNGS) {
      await page.goto(`${demo.url}/login?lng=${lng}`);
      const button = page.locator(".lang-switch button");
      await expect.poll(() => button.count()).toBe(1);
      // The lines the button's text is laid out on: a range over the whole text has one box per
      // line (per-character boxes would count Burmese marks stacked above a letter as lines).
      const lines = await button.evaluate((el) => {
        const r = document.createRange();
        r.selectNodeContents(el);
        return [...r.getClientRects()].filter((rect) => rect.width > 0).length;
      });
      expect(lines, `${lng}: "${await button.textContent()}"`).toBe(1);
      expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth), lng).toBeLessThanOrEqual(0);
    }
    await screenshot(page, "i18n-findings-switcher-ko");
    await ctx.close();
  });

  it("an empty check-in code gets the translated Lao message next to the field, not the browser's bubble", async () => {
    const lo = JSON.parse(fs.readFileSync("app/locales/lo/tracking.json", "utf8")) as { tracking: { errors: { codeFormat: string } } };
    for (const javaScript of [true, false]) {
      const ctx = await newContext(demo.browser, { javaScript });
      const page = await ctx.newPage();
      await logInAs(page, demo.url, "bounmy.phommachanh@vlx.demo", "vlx-demo-2026", { lng: null });
      await page.goto(`${demo.url}/me/check-in`);
      const form = page.locator("form:has(#code)");
      expect(await form.evaluate((f) => (f as HTMLFormElement).noValidate)).toBe(true);
      expect(await page.locator("#code").getAttribute("required")).not.toBeNull();
      await form.getByRole("button").click();
      await expect.poll(() => page.locator("#code-error").textContent()).toContain(lo.tracking.errors.codeFormat);
      expect(await page.locator("#code").getAttribute("aria-invalid")).toBe("true");
      await expectAccessible(page);
      await screenshot(page, `i18n-findings-checkin-lo-${javaScript ? "js" : "nojs"}`);
      await ctx.close();
    }
  });
});
