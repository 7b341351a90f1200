// The pilot map and the dashboard's pilot strand in Chromium with the demo data (issue 16, items 4
// and 5): on a 360 px phone and at 1366 px the map is drawn (one mark per demo village and host
// site, an accessible name, the tables beside it), axe finds nothing serious, the page does not
// scroll sideways; a focal point's map is framed on their country with their villages only; the
// organizer dashboard's pilot strand links to the filtered overview. Screenshots of the map go
// to test-results/ for a person to look at.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { expectPageFits, newContext, withDemoServer } from "../support/e2e";

const demo = withDemoServer();

const marks = (page: Page, kind: "village" | "site") => page.locator(`figure.pilot-map svg [data-mark="${kind}"]`).count();

describe("pilot map", () => {
  for (const width of [360, 1366]) {
    it(`organizer at ${width} px: the region with six villages and six host sites, tables beside it`, async () => {
      const context = await newContext(demo.browser, { javaScript: false, width });
      const page = await context.newPage();
      await demo.logIn(page, "organizer@vlx.demo");
      await page.goto(`${demo.url}/pilots`);
      const map = page.getByRole("img", { name: /Map of pilot villages, host sites and participants: the 13 member countries/ });
      await expect.poll(() => map.count()).toBe(1);
      expect(await marks(page, "village")).toBe(6);
      expect(await marks(page, "site")).toBe(6);
      expect(await page.getByRole("table", { name: "Pilot villages on the map" }).locator("tbody tr").count()).toBe(6);
      expect(await page.getByRole("table", { name: "Host sites on the map" }).locator("tbody tr").count()).toBe(6);
      expect(await page.getByRole("table", { name: /Accepted participants by home country/ }).count()).toBe(1);
      // The map fits its column: never wider than the viewport.
      const box = (await page.locator("figure.pilot-map > svg").boundingBox())!;
      expect(box.width).toBeGreaterThan(200);
      expect(box.x + box.width).toBeLessThanOrEqual(width);
      await expectPageFits(page, `pilot-map-${width}-page`);
      await page.locator("figure.pilot-map").screenshot({ path: `test-results/pilot-map-${width}.png` });
      await context.close();
    });
  }

  it("a focal point's map is framed on their country, with their villages only", async () => {
    const context = await newContext(demo.browser, { javaScript: true });
    const page = await context.newPage();
    await demo.logIn(page, "focal.kh@vlx.demo");
    await page.goto(`${demo.url}/pilots`);
    await expect.poll(() => page.getByRole("img", { name: /Map of pilot villages.*: Cambodia/ }).count()).toBe(1);
    expect(await marks(page, "village")).toBe(2);
    expect(await page.getByRole("table", { name: "Pilot villages on the map" }).locator("tbody tr").count()).toBe(2);
    expect(await page.getByRole("table", { name: "Host sites on the map" }).count()).toBe(0); // no host site in Cambodia
    await expectPageFits(page, "pilot-map-focal-kh");
    await page.locator("figure.pilot-map").screenshot({ path: "test-results/pilot-map-focal-kh.png" });
    await context.close();
  });
});

describe("organizer dashboard: the pilot strand", () => {
  it("shows the strand with its figures and links to the filtered overview", async () => {
    const context = await newContext(demo.browser, { javaScript: false, width: 1366 });
    const page = await context.newPage();
    await demo.logIn(page, "organizer@vlx.demo");
    await page.goto(`${demo.url}/admin/dashboard`);
    await expect.poll(() => page.getByRole("heading", { level: 2, name: "Pilot projects by status and component" }).count()).toBe(1);
    await expect.poll(() => page.getByRole("heading", { level: 2, name: "Pilot budget use" }).count()).toBe(1);
    await expectPageFits(page, "pilot-strand-1366");
    await page.getByRole("link", { name: "Suspended", exact: true }).click();
    await page.waitForURL((u) => u.pathname === "/pilots" && u.searchParams.get("status") === "suspended");
    await expect.poll(() => page.getByRole("link", { name: "Concrete village road and drainage" }).count()).toBe(1);
    await context.close();
  });

  it("fits a 360 px phone", async () => {
    const context = await newContext(demo.browser, { javaScript: false });
    const page = await context.newPage();
    await demo.logIn(page, "organizer@vlx.demo");
    await page.goto(`${demo.url}/admin/dashboard`);
    await expect.poll(() => page.getByRole("heading", { level: 2, name: "Indicator values due" }).count()).toBe(1);
    await expectPageFits(page, "pilot-strand-360");
    await context.close();
  });
});
