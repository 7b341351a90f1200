// Evaluation in Chromium: a participant (demo account) on a 360 px phone with JavaScript OFF
// answers a baseline survey (a refused answer first: error next to the question, values kept),
// then, after the visit, the end-of-visit survey with an action plan; the organizer sees the
// change on the edition's evaluation page (chart and table) and the demo's past edition tells its
// story. Every page: axe scan and a screenshot under test-results/.
import Database from "better-sqlite3";
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { addDays, todayIn } from "~/domain/dates";
import { expectAccessible, newContext, screenshot, withDemoServer } from "../support/e2e";

const PARTICIPANT = "sari.id@vlx.demo";
const demo = withDemoServer();
let fx: { editionId: number; visitId: number; pastEditionId: number };
const today = todayIn("Asia/Shanghai");

/** An edition of our own with Sari accepted and placed at Longji, arriving in 5 days, with its surveys. */
function fixtures(dbPath: string) {
  const sqlite = new Database(dbPath);
  sqlite.pragma("busy_timeout = 5000");
  try {
    const startsOn = addDays(today, 4);
    const editionId = Number(
      sqlite
        .prepare(
          `insert into editions (name, ordinal, mode, host_countries, starts_on, ends_on, applications_open_on, applications_close_on, time_zone, themes)
           values ('E2E evaluation edition', 97, 'in_person', '["CN"]', ?, ?, ?, ?, 'Asia/Shanghai', '["rural_tourism"]')`,
        )
        .run(startsOn, addDays(startsOn, 8), addDays(today, -90), addDays(today, -30)).lastInsertRowid,
    );
    const sari = sqlite.prepare("select id from users where email = ?").get(PARTICIPANT) as { id: number };
    const site = sqlite.prepare("select id from host_sites where name_latin like 'Longji%'").get() as { id: number };
    const visitId = Number(
      sqlite
        .prepare("insert into exchange_visits (edition_id, host_site_id, arrival_on, departure_on, capacity, per_country_cap) values (?, ?, ?, ?, 8, 2)")
        .run(editionId, site.id, addDays(today, 5), addDays(today, 9)).lastInsertRowid,
    );
    const appId = Number(
      sqlite
        .prepare(
          "insert into applications (edition_id, user_id, status, given_name, nationality, gender, position_kind) values (?, ?, 'accepted', 'Sari', 'ID', 'female', 'village_head')",
        )
        .run(editionId, sari.id).lastInsertRowid,
    );
    sqlite.prepare("insert into placements (visit_id, application_id, status) values (?, ?, 'accepted')").run(visitId, appId);
    const add = sqlite.prepare("insert into edition_surveys (edition_id, stage, months_after, template_family) values (?, ?, ?, ?)");
    add.run(editionId, "baseline", 0, "starter-baseline");
    add.run(editionId, "end_of_visit", 0, "starter-end");
    add.run(editionId, "follow_up", 3, "starter-follow-up");
    const past = sqlite.prepare("select id from editions where ordinal = 9").get() as { id: number };
    return { editionId, visitId, pastEditionId: past.id };
  } finally {
    sqlite.close();
  }
}

/** After the visit: it arrived four days ago and leaves today (the end-of-visit survey opens). */
function departToday(dbPath: string) {
  const sqlite = new Database(dbPath);
  sqlite.pragma("busy_timeout = 5000");
  sqlite.prepare("update exchange_visits set arrival_on = ?, departure_on = ? where id = ?").run(addDays(today, -4), today, fx.visitId);
  sqlite.close();
}

beforeAll(() => {
  fx = fixtures(demo.server.dbPath);
});

async function openSurvey(page: Page, stageText: RegExp) {
  await page.goto(`${demo.url}/me/surveys`);
  const card = page.locator("section.card", { hasText: "E2E evaluation edition" });
  await card.getByRole("link", { name: stageText }).click();
  await page.waitForURL(/\/me\/surveys\/\d+/);
}

describe("evaluation on a phone without JavaScript", () => {
  it("a participant answers the baseline (a refused answer first) and the end-of-visit survey", async () => {
    const ctx = await newContext(demo.browser, { javaScript: false });
    const page = await ctx.newPage();
    await demo.logIn(page, PARTICIPANT);
    // The status page (/me) links here too; it is shared with other areas, so go straight in.
    await page.goto(`${demo.url}/me/surveys`);
    await page.waitForURL(/\/me\/surveys$/);
    await expectAccessible(page, "my surveys");
    await screenshot(page, "evaluation-my-surveys");

    await openSurvey(page, /Answer now: Baseline/);
    await page.getByRole("checkbox", { name: "Crops" }).check();
    await page.getByRole("checkbox", { name: "Tourism and homestays" }).check();
    await page.getByLabel(/cooperative or producer group/).fill("20");
    await page.getByLabel(/How many people did your projects reach/).fill("120");
    await page.getByLabel(/decision bodies are women/).fill("15");
    await page.getByLabel(/access to clean water/).fill("150");
    await page.locator('input[name="q_waste_practice"][value="no"]').check();
    await page.getByLabel(/uses chemical pesticides/).fill("60");
    await page.locator('input[name="q_confidence"][value="2"]').check();
    await page.getByLabel(/bring home/).fill("Air bersih untuk desa kami");
    await page.getByRole("button", { name: "Send my answers" }).click();
    await page.waitForLoadState();
    await expect.poll(() => page.getByText("Enter a value from 0 to 100.").count()).toBe(1);
    // Every typed value is still there.
    expect(await page.getByLabel(/access to clean water/).inputValue()).toBe("150");
    expect(await page.getByLabel(/bring home/).inputValue()).toBe("Air bersih untuk desa kami");
    expect(await page.getByRole("checkbox", { name: "Tourism and homestays" }).isChecked()).toBe(true);
    expect(await page.locator('input[name="q_confidence"][value="2"]').isChecked()).toBe(true);
    await expectAccessible(page, "baseline with an error");
    await screenshot(page, "evaluation-baseline-error");
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(360);

    await page.getByLabel(/access to clean water/).fill("55");
    await page.getByRole("button", { name: "Send my answers" }).click();
    await page.waitForURL(/\/me\/surveys\?done=/);
    await expect.poll(() => page.getByText("Thank you, your answer has been sent.").count()).toBe(1);
    await screenshot(page, "evaluation-baseline-done");

    // The visit happens; on the departure day the end-of-visit survey opens.
    departToday(demo.server.dbPath);
    await openSurvey(page, /Answer now: End of visit/);
    await page.locator('input[name="q_confidence"][value="5"]').check();
    await page.locator('input[name="q_usefulness"][value="5"]').check();
    await page.getByLabel("What will you do?").first().fill("Bentuk komite air desa dengan anggota perempuan");
    await page.getByLabel("Target date").first().fill(addDays(today, 60));
    await page.locator("fieldset.plan-row").first().getByRole("checkbox", { name: "Households with access to clean water" }).check();
    await expectAccessible(page, "end of visit");
    await screenshot(page, "evaluation-end-of-visit");
    await page.getByRole("button", { name: "Send my answers" }).click();
    await page.waitForURL(/\/me\/surveys\?done=/);
    const card = page.locator("section.card", { hasText: "E2E evaluation edition" });
    await expect.poll(() => card.getByText("Answered").count()).toBe(2);
    await screenshot(page, "evaluation-my-surveys-after");
    await ctx.close();
  });

  it("the organizer sees the change (chart and table) and the demo edition's story", async () => {
    const ctx = await newContext(demo.browser, { javaScript: false });
    const page = await ctx.newPage();
    await demo.logIn(page, "organizer@vlx.demo");
    await page.goto(`${demo.url}/admin/editions/${fx.editionId}/evaluation`);
    const conf = page.locator("article", { has: page.getByRole("heading", { name: "Confidence to apply what was learned" }) });
    await expect.poll(() => conf.count()).toBe(1);
    const row = conf.locator("tbody tr", { hasText: "End of visit" });
    expect(await row.locator("td").allInnerTexts()).toEqual(["2", "5", "+3", "1"]);
    expect(await conf.locator('svg[role="img"]').getAttribute("aria-labelledby")).toBeTruthy();
    await expectAccessible(page, "edition evaluation");
    await screenshot(page, "evaluation-organizer-change");

    await page.goto(`${demo.url}/admin/editions/${fx.pastEditionId}/evaluation?by=gender`);
    const women = page.locator("article", { has: page.getByRole("heading", { name: "Women in village decision bodies" }) });
    await expect.poll(() => women.locator("tbody tr").count()).toBe(2);
    await expect.poll(() => page.getByText(/Carried over|From day 3/).count()).toBeGreaterThan(0);
    await expectAccessible(page, "past edition by gender");
    await screenshot(page, "evaluation-past-edition-by-gender");
    await women.screenshot({ path: "test-results/evaluation-chart-women-by-gender.png" });
    // The same page on a desktop screen, charts beside their tables.
    const wide = await newContext(demo.browser, { javaScript: false, width: 1200 });
    const desk = await wide.newPage();
    await demo.logIn(desk, "organizer@vlx.demo");
    await desk.goto(`${demo.url}/admin/editions/${fx.pastEditionId}/evaluation`);
    await desk.locator("article").first().waitFor();
    await screenshot(desk, "evaluation-past-edition-desktop");
    await wide.close();
    const csv = await page.request.get(`${demo.url}/admin/editions/${fx.pastEditionId}/evaluation.csv`);
    expect(csv.headers()["content-type"]).toMatch(/text\/csv/);
    const body = await csv.body();
    expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);

    for (const [path, name] of [
      ["/admin/evaluation", "evaluation-home"],
      ["/admin/evaluation/indicators", "evaluation-indicators"],
      ["/admin/evaluation/templates", "evaluation-templates"],
    ] as const) {
      await page.goto(demo.url + path);
      await expectAccessible(page, path);
      await screenshot(page, name);
    }
    await page.goto(`${demo.url}/s/not-a-valid-link-0000000000000000`);
    await expect.poll(() => page.getByRole("heading", { name: "This link does not work" }).count()).toBe(1);
    await expectAccessible(page, "dead link");
    await ctx.close();
  });
});
