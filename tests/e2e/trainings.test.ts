// Training sessions in Chromium: an organizer opens the edition's schedule grid, tries to put a
// session on top of another (refused, naming it and its time, values kept), then schedules it;
// a participant (demo account with an accepted placement on the visit) sees it in their
// itinerary on a 360 px phone, with and without JavaScript, and downloads the calendar feed.
// Every page: axe scan and a screenshot under test-results/.
import Database from "better-sqlite3";
import { beforeAll, describe, expect, it } from "vitest";
import { expectAccessible, newContext, screenshot, withDemoServer } from "../support/e2e";

const demo = withDemoServer();
let fx: { editionId: number; visitId: number; day: string; participantEmail: string };

/** The Hebian visit of the demo edition, and an accepted placement on it for Sari (made here if the demo has none). */
function fixtures(dbPath: string) {
  const sqlite = new Database(dbPath);
  sqlite.pragma("busy_timeout = 5000");
  try {
    const visit = sqlite
      .prepare(
        `select v.id, v.edition_id, v.arrival_on from exchange_visits v join host_sites s on s.id = v.host_site_id
         where s.name_latin like 'Hebian%' order by v.id limit 1`,
      )
      .get() as { id: number; edition_id: number; arrival_on: string };
    const app = sqlite
      .prepare(
        `select a.id, u.email from applications a join users u on u.id = a.user_id where u.email = 'sari.id@vlx.demo' and a.edition_id = ? and a.status = 'accepted'`,
      )
      .get(visit.edition_id) as { id: number; email: string };
    const placed = sqlite.prepare(`select id from placements where application_id = ? and status = 'accepted'`).get(app.id);
    if (!placed) sqlite.prepare(`insert into placements (visit_id, application_id, status) values (?, ?, 'accepted')`).run(visit.id, app.id);
    const [y, m, d] = visit.arrival_on.split("-").map(Number);
    const day = new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
    return { editionId: visit.edition_id, visitId: visit.id, day, participantEmail: app.email };
  } finally {
    sqlite.close();
  }
}

beforeAll(() => {
  fx = fixtures(demo.server.dbPath);
});

describe("training sessions", () => {
  it("an organizer schedules a session: a clash first (refused, values kept), then saved", async () => {
    const ctx = await newContext(demo.browser, { width: 1280 });
    const page = await ctx.newPage();
    await demo.logIn(page, "organizer@vlx.demo");
    await page.goto(`${demo.url}/admin/editions/${fx.editionId}/trainings`);
    await expect.poll(() => page.getByRole("table").count()).toBeGreaterThan(0);
    await expectAccessible(page);
    await screenshot(page, "trainings-grid-desktop");

    await page.getByRole("link", { name: "New training session" }).click();
    await page.waitForURL(/\/trainings\/new/);
    await page.getByLabel("Title").fill("Village finance clinic — ກອງທຶນບ້ານ");
    await page.getByLabel("Type").selectOption("workshop");
    await page.getByLabel("Who attends").selectOption("visit");
    await page.getByLabel("Exchange visit").selectOption(String(fx.visitId));
    await page.getByLabel("Venue", { exact: true }).selectOption({ label: "Hebian village committee hall (China Standard Time)" });
    await page.getByLabel("Start date").fill(fx.day);
    await page.getByLabel("Start time").fill("10:00");
    await page.getByLabel("End date").fill(fx.day);
    await page.getByLabel("End time").fill("11:00");
    await page.getByLabel("Language the trainers speak").selectOption("zh");
    await page.getByRole("checkbox", { name: /Li Na/ }).check();
    await page.getByRole("button", { name: "Save the session" }).click();
    await expect.poll(() => page.getByText(/already booked for “Running a family homestay/).count()).toBeGreaterThan(0);
    expect(await page.getByText(/09:00–12:00/).count()).toBeGreaterThan(0);
    expect(await page.getByLabel("Title").inputValue()).toBe("Village finance clinic — ກອງທຶນບ້ານ");
    await expectAccessible(page, "training form with errors");
    await screenshot(page, "trainings-new-clash");

    await page.getByLabel("Start time").fill("14:00");
    await page.getByLabel("End time").fill("15:30");
    await page.getByRole("button", { name: "Save the session" }).click();
    // Warnings (a public holiday on that date, interpreter cover) need "save anyway".
    await Promise.race([page.waitForURL(/\/admin\/trainings\/\d+/), page.getByText("Please read the warnings").waitFor()]);
    if (!/\/admin\/trainings\/\d+/.test(page.url())) {
      await page.getByLabel("Save anyway (I have read the warnings)").check();
      await page.getByRole("button", { name: "Save the session" }).click();
      await page.waitForURL(/\/admin\/trainings\/\d+/);
    }
    await expect.poll(() => page.getByText("Saved.").count()).toBeGreaterThan(0);
    await expectAccessible(page, "training edit page");
    await screenshot(page, "trainings-saved");
    await ctx.close();
  });

  it("the participant sees it in their itinerary on a phone and downloads the feed", async () => {
    const ctx = await newContext(demo.browser, { width: 360 });
    const page = await ctx.newPage();
    await demo.logIn(page, fx.participantEmail);
    await page.goto(`${demo.url}/me/itinerary`);
    await expect.poll(() => page.getByRole("link", { name: "Village finance clinic — ກອງທຶນບ້ານ" }).count()).toBe(1);
    expect(await page.getByText(/14:00–15:30 GMT\+8/).count()).toBeGreaterThan(0);
    // Sari's home zone (Asia/Jakarta) is an hour behind: her own time is shown beside.
    expect(await page.getByText(/Your home time: .*13:00–14:30/).count()).toBeGreaterThan(0);
    expect(await page.getByText("Arrival").count()).toBeGreaterThan(0);
    await expectAccessible(page);
    await screenshot(page, "itinerary-360");
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(360);

    // The feed URL is shown once, in the answer to the button that makes it (issue 13).
    expect(await page.locator(".feed-url").count()).toBe(0);
    await page.getByRole("button", { name: "Make the private address" }).first().click();
    await expect.poll(() => page.locator(".feed-url").count()).toBe(1);
    const feedUrl = (await page.locator(".feed-url").first().textContent())!.trim();
    expect(feedUrl.startsWith(`${demo.url}/feeds/`), "built from APP_URL").toBe(true);
    await expectAccessible(page, "itinerary with a new feed URL");
    const res = await page.request.get(feedUrl);
    expect(res.status()).toBe(200);
    expect(res.headers()["content-type"]).toBe("text/calendar; charset=utf-8");
    const ics = await res.text();
    // The title with its language (RFC 5545 LANGUAGE, issue 11): the participant reads English.
    expect(ics).toContain("SUMMARY;LANGUAGE=en:Village finance clinic");
    expect(ics).toMatch(/DTSTART;TZID=Asia\/Shanghai:\d{8}T140000/);
    await ctx.close();

    // Without JavaScript: the itinerary and the organizer's grid as a per-day list at 360 px.
    const noJs = await newContext(demo.browser, { width: 360, javaScript: false });
    const p2 = await noJs.newPage();
    await demo.logIn(p2, "organizer@vlx.demo");
    await p2.goto(`${demo.url}/admin/editions/${fx.editionId}/trainings?visit=${fx.visitId}`);
    expect(await p2.locator(".sched-list").getByText("Village finance clinic — ກອງທຶນບ້ານ").count()).toBe(1);
    await expectAccessible(p2, "grid without JS at 360 px");
    await screenshot(p2, "trainings-grid-360-nojs");
    await noJs.close();
  });
});
