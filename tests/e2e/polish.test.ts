// Issue 12 (a new user's fixes), layout items, in Chromium: the certificate at 360 px (item 1), a
// 103-letter one-word name at 360 px (item 2), the host home's upcoming visits at 360 px (item 3)
// and the organizer's training grid at 1366 px (item 4).
import { describe, expect, it } from "vitest";
import { expectAccessible, horizontalOverflow, newContext, withDemoServer, writeDb } from "../support/e2e";

const LONG = "Wolfeschlegelsteinhausenbergerdorffwelchevoralternwarengewissenhaftschaferswessenschafewarenwohlgepfleg";
const demo = withDemoServer();

async function page(email: string, width = 360) {
  const ctx = await newContext(demo.browser, { width });
  const p = await ctx.newPage();
  await demo.logIn(p, email);
  return p;
}

describe("layout fixes", () => {
  it("a certificate fits a 360 px phone, signatures included", async () => {
    const id = writeDb(
      demo.server,
      (db) => (db.prepare("select application_id as id from certificates where revoked_at is null order by id limit 1").get() as { id: number }).id,
    );
    const p = await page("organizer@vlx.demo");
    await p.goto(`${demo.url}/admin/certificates/${id}`);
    await expect.poll(() => p.locator(".certificate .signatures div").count()).toBe(2);
    const rights = await p.locator(".certificate .signatures div").evaluateAll((els) => els.map((e) => e.getBoundingClientRect().right));
    for (const r of rights) expect(r).toBeLessThanOrEqual(360);
    expect(await horizontalOverflow(p)).toBeLessThanOrEqual(0);
    await p.context().close();
  });

  it("a 103-letter name without spaces wraps in the header and on the pages that show it", async () => {
    expect(LONG).toHaveLength(103);
    const appId = writeDb(demo.server, (db) => {
      db.prepare("update users set display_name = ? where email = 'organizer@vlx.demo'").run(LONG);
      const a = db.prepare("select id from applications where status = 'submitted' order by id limit 1").get() as { id: number };
      db.prepare("update applications set given_name = ?, family_name = '', given_name_latin = ?, family_name_latin = '', search_name = ? where id = ?").run(
        LONG,
        LONG,
        LONG.toLowerCase(),
        a.id,
      );
      return a.id;
    });
    const p = await page("organizer@vlx.demo");
    await p.goto(`${demo.url}/admin`);
    await expect.poll(() => p.getByTestId("signed-in-roles").innerText()).toContain(LONG.slice(0, 20));
    expect(await horizontalOverflow(p)).toBeLessThanOrEqual(0);
    await p.goto(`${demo.url}/admin/applications/${appId}`);
    await expect.poll(() => p.locator("main").innerText()).toContain(LONG.slice(0, 20));
    expect(await horizontalOverflow(p)).toBeLessThanOrEqual(0);
    // In the list the name's cell wraps too (the table may scroll, but not for the name).
    await p.goto(`${demo.url}/admin/applications?q=${LONG.slice(0, 30).toLowerCase()}`);
    const cell = p.locator(`td:has(a[href="/admin/applications/${appId}"])`);
    await expect.poll(() => cell.count()).toBe(1);
    expect((await cell.boundingBox())!.width).toBeLessThan(360);
    await p.context().close();
  });

  it("the host home's upcoming visits are readable at 360 px without sideways scrolling", async () => {
    const p = await page("host.xishuangbanna@vlx.demo");
    await p.goto(`${demo.url}/host`);
    const region = p.locator('section[aria-labelledby="upcoming"]');
    await expect.poll(() => region.locator("tbody tr").count()).toBeGreaterThan(0);
    const cells = await region.locator("tbody td").evaluateAll((els) => els.map((e) => e.getBoundingClientRect().right));
    for (const r of cells) expect(r).toBeLessThanOrEqual(360);
    const wrap = await region.locator(".table-wrap").evaluate((e) => e.scrollWidth - e.clientWidth);
    expect(wrap).toBeLessThanOrEqual(0);
    expect(await horizontalOverflow(p)).toBeLessThanOrEqual(0);
    await expectAccessible(p, "host home at 360 px");
    await p.context().close();
  });

  it("the training grid fits a 1366 px screen", async () => {
    const p = await page("organizer@vlx.demo", 1366);
    const editionId = writeDb(
      demo.server,
      (db) => (db.prepare("select edition_id as id from training_sessions group by edition_id order by count(*) desc limit 1").get() as { id: number }).id,
    );
    await p.goto(`${demo.url}/admin/editions/${editionId}/trainings`);
    const grid = p.locator(".sched-table");
    await expect.poll(() => grid.isVisible()).toBe(true);
    const clipped = await grid.evaluate((e) => e.scrollWidth - e.clientWidth);
    expect(clipped).toBeLessThanOrEqual(0);
    await p.context().close();
  });
});
