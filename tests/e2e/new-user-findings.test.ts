// What a new user stumbled on, in Chromium without JavaScript: wide tables at 360 px say they
// scroll sideways (a translated line, a focusable labelled region); the host home's visit caption
// keeps the width to be read at 360 px; /pilots keeps the organizer's sub-menu; the training
// filter's "Show" button keeps its own width at 1366 px. axe on each page.
import Database from "better-sqlite3";
import { beforeAll, describe, expect, it } from "vitest";
import { expectAccessible, newContext, screenshot, withDemoServer } from "../support/e2e";

const demo = withDemoServer();
let fx: { editionId: number; hostEmail: string };

beforeAll(() => {
  const sqlite = new Database(demo.server.dbPath, { readonly: true });
  try {
    // The edition with the most training sessions, and the coordinator of a site with an upcoming visit.
    const ed = sqlite.prepare("select edition_id as id from training_sessions group by edition_id order by count(*) desc limit 1").get() as { id: number };
    const host = sqlite
      .prepare(
        `select u.email from users u join host_site_coordinators c on c.user_id = u.id join exchange_visits v on v.host_site_id = c.host_site_id
         where v.status = 'planned' and v.departure_on >= date('now') order by v.arrival_on limit 1`,
      )
      .get() as { email: string };
    fx = { editionId: ed.id, hostEmail: host.email };
  } finally {
    sqlite.close();
  }
});

describe("new-user findings", () => {
  it("a wide table at 360 px says it scrolls sideways, and its region is focusable with a label", async () => {
    const ctx = await newContext(demo.browser, { javaScript: false });
    const page = await ctx.newPage();
    await demo.logIn(page, "organizer@vlx.demo");
    await page.goto(`${demo.url}/admin/applications`);
    const wrap = page.locator(".table-wrap").first();
    await expect.poll(() => wrap.count()).toBe(1);
    expect(await wrap.getAttribute("tabindex")).toBe("0");
    expect(await wrap.getAttribute("role")).toBe("region");
    expect(await wrap.getAttribute("aria-label")).toBeTruthy();
    const hint = await wrap.evaluate((el) => getComputedStyle(el, "::before").content);
    expect(hint).toContain("swipe it sideways");
    await expectAccessible(page, "applications at 360");
    await screenshot(page, "findings-table-hint-360");

    // /pilots keeps the organizer's sub-menu, as the /admin pages do.
    await page.goto(`${demo.url}/pilots`);
    const nav = page.getByRole("navigation", { name: "Organizer pages" });
    await expect.poll(() => nav.count()).toBe(1);
    expect(await nav.getByRole("link", { name: "Editions" }).count()).toBe(1);
    await expectAccessible(page, "pilots with the organizer menu");
    await ctx.close();
  });

  it("the host home's visit caption is readable at 360 px (not squeezed to a word per line)", async () => {
    const ctx = await newContext(demo.browser, { javaScript: false });
    const page = await ctx.newPage();
    await demo.logIn(page, fx.hostEmail);
    await page.goto(`${demo.url}/host`);
    const caption = page.locator(".coming-table caption").first();
    await expect.poll(() => caption.count()).toBe(1);
    const box = (await caption.boundingBox())!;
    expect(box.width).toBeGreaterThan(250);
    await expectAccessible(page, "host home at 360");
    await screenshot(page, "findings-host-caption-360");
    await ctx.close();
  });

  it("the training filter's Show button keeps its own width at 1366 px", async () => {
    const ctx = await newContext(demo.browser, { javaScript: false, width: 1366 });
    const page = await ctx.newPage();
    await demo.logIn(page, "organizer@vlx.demo");
    await page.goto(`${demo.url}/admin/editions/${fx.editionId}/trainings`);
    const show = page.getByRole("button", { name: "Show", exact: true });
    await expect.poll(() => show.count()).toBe(1);
    expect((await show.boundingBox())!.width).toBeLessThan(200);
    await screenshot(page, "findings-training-filter-1366");
    await ctx.close();
  });
});
