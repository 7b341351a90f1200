// A fresh-clone tester's reports, in Chromium: the placement details (a participant's offer and
// the organizer's placement page) at 360 px with a long host site name; Burmese digits on
// /me/surveys.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  expectAccessible,
  horizontalOverflow,
  launchBrowser,
  logInAs,
  newContext,
  screenshot,
  startServer,
  waitForHydration,
  writeDb,
  type TestServer,
} from "../support/e2e";

const PASSWORD = "vlx-demo-2026";
const LONG_SITE = "Ban Pa Miang Community-Based Agro-Tourism Homestay and Learning Centre for Sustainable Upland Farming";
let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function signedIn(email: string, lng: string, width = 360) {
  const ctx = await newContext(browser, { width });
  const p = await ctx.newPage();
  await logInAs(p, server.url, email, PASSWORD, { lng });
  return p;
}

/** The width of the first <dd> of `.pl-kv` that holds `text`. */
const ddWidth = (page: Page, text: string) =>
  page
    .locator(".pl-kv dd", { hasText: text })
    .first()
    .evaluate((el) => el.getBoundingClientRect().width);

describe("placement details at 360 px (tester item 2)", () => {
  it("a long host site name gets most of the width: terms stack above their values, nothing sticks out", async () => {
    const placementId = writeDb(server, (db) => {
      const row = db
        .prepare(
          `select p.id, v.host_site_id as siteId from placements p join applications a on a.id = p.application_id
           join users u on u.id = a.user_id join exchange_visits v on v.id = p.visit_id
           where u.email = 'sari.id@vlx.demo' order by p.id limit 1`,
        )
        .get() as { id: number; siteId: number };
      db.prepare("update host_sites set name = ?, name_latin = ? where id = ?").run(LONG_SITE, LONG_SITE, row.siteId);
      return row.id;
    });
    // The participant's offer, in Burmese (long terms) and in English.
    for (const lng of ["my", "en"]) {
      const p = await signedIn("sari.id@vlx.demo", lng);
      await p.goto(`${server.url}/me/placements/${placementId}`);
      await expect.poll(() => p.locator(".pl-kv").count()).toBe(1);
      expect(await horizontalOverflow(p)).toBeLessThanOrEqual(0);
      expect(await ddWidth(p, LONG_SITE.slice(0, 20))).toBeGreaterThanOrEqual(0.6 * 360);
      await expectAccessible(p, `offer ${lng}`);
      await screenshot(p, `tester-offer-360-${lng}`);
      await p.context().close();
    }
    // The organizer's placement page.
    const org = await signedIn("organizer@vlx.demo", "my");
    await org.goto(`${server.url}/admin/placements/${placementId}`);
    await expect.poll(() => org.locator(".pl-kv").count()).toBe(1);
    expect(await horizontalOverflow(org)).toBeLessThanOrEqual(0);
    expect(await ddWidth(org, LONG_SITE.slice(0, 20))).toBeGreaterThanOrEqual(0.6 * 360);
    await screenshot(org, "tester-placement-360-my");
    await org.context().close();
  });
});

describe("numbers on Burmese /me/surveys (tester item 3)", () => {
  it("every number the page writes (dates, follow-up months, pulse days) is in Burmese digits, also after hydration", async () => {
    // The demo participant with the most answered surveys (pulses give "N days answered").
    const email = writeDb(
      server,
      (db) =>
        (
          db
            .prepare(
              `select u.email from survey_responses r join users u on u.id = r.user_id
               group by u.id order by count(*) desc, u.id limit 1`,
            )
            .get() as { email: string }
        ).email,
    );
    const p = await signedIn(email, "my");
    await p.goto(`${server.url}/me/surveys`);
    await waitForHydration(p);
    // The page's own text: organizers' texts (edition and survey titles, marked with their lang)
    // are what they typed, so they are left out.
    const own = await p.locator("main").evaluate((main) => {
      const copy = main.cloneNode(true) as HTMLElement;
      copy.querySelectorAll("[lang]").forEach((el) => el.remove());
      return copy.innerText;
    });
    expect(own).toMatch(/[\u1040-\u1049]/);
    expect(own.match(/[0-9]+/g) ?? []).toEqual([]);
    await screenshot(p, "tester-surveys-my");
    await p.context().close();
  });
});
