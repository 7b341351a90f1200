// Anonymous surveys in Chromium (issue 15 item 9): a participant on a 360 px phone with JavaScript
// OFF opens an anonymous end-of-visit survey, reads the notice (anonymous, what is kept) before the
// questions, and answers (no "save for later"); the organizer sees the anonymous results of the
// demo's past edition with small groups hidden and the page saying so. axe and no sideways scroll.
import Database from "better-sqlite3";
import { beforeAll, describe, expect, it } from "vitest";
import { addDays, todayIn } from "~/domain/dates";
import { expectPageFits, newContext, withDemoServer } from "../support/e2e";

const PARTICIPANT = "sari.id@vlx.demo";
const today = todayIn("Asia/Shanghai");
const demo = withDemoServer();
let fx: { pastEditionId: number; surveyId: number };

/** An edition whose visit (Sari placed) leaves today, with an anonymous end-of-visit survey. */
function fixtures(dbPath: string) {
  const sqlite = new Database(dbPath);
  sqlite.pragma("busy_timeout = 5000");
  try {
    const editionId = Number(
      sqlite
        .prepare(
          `insert into editions (name, ordinal, mode, host_countries, starts_on, ends_on, applications_open_on, applications_close_on, time_zone, themes)
           values ('E2E anonymous edition', 96, 'in_person', '["CN"]', ?, ?, ?, ?, 'Asia/Shanghai', '["rural_tourism"]')`,
        )
        .run(addDays(today, -6), today, addDays(today, -90), addDays(today, -30)).lastInsertRowid,
    );
    const sari = sqlite.prepare("select id from users where email = ?").get(PARTICIPANT) as { id: number };
    const site = sqlite.prepare("select id from host_sites where name_latin like 'Longji%'").get() as { id: number };
    const visitId = Number(
      sqlite
        .prepare("insert into exchange_visits (edition_id, host_site_id, arrival_on, departure_on, capacity, per_country_cap) values (?, ?, ?, ?, 8, 2)")
        .run(editionId, site.id, addDays(today, -4), today).lastInsertRowid,
    );
    const appId = Number(
      sqlite
        .prepare(
          "insert into applications (edition_id, user_id, status, given_name, nationality, gender, position_kind) values (?, ?, 'accepted', 'Sari', 'ID', 'female', 'village_head')",
        )
        .run(editionId, sari.id).lastInsertRowid,
    );
    sqlite.prepare("insert into placements (visit_id, application_id, status) values (?, ?, 'accepted')").run(visitId, appId);
    const questions = [
      { key: "useful", type: "scale", required: true, prompt: { en: "How useful was the visit?" } },
      { key: "recommend", type: "yes_no", required: true, prompt: { en: "Would you recommend it?" } },
    ];
    sqlite
      .prepare("insert into survey_templates (family, version, stage, title, questions, anonymous) values ('e2e-anonymous', 1, 'end_of_visit', ?, ?, 1)")
      .run(JSON.stringify({ en: "Anonymous visit feedback" }), JSON.stringify(questions));
    const surveyId = Number(
      sqlite
        .prepare("insert into edition_surveys (edition_id, stage, months_after, template_family) values (?, 'end_of_visit', 0, 'e2e-anonymous')")
        .run(editionId).lastInsertRowid,
    );
    const past = sqlite.prepare("select id from editions where ordinal = 9").get() as { id: number };
    return { pastEditionId: past.id, surveyId };
  } finally {
    sqlite.close();
  }
}

beforeAll(() => {
  fx = fixtures(demo.server.dbPath);
});

describe("anonymous survey", () => {
  it("the participant sees the notice first and answers without JavaScript; the stored answer names nobody", async () => {
    const ctx = await newContext(demo.browser, { javaScript: false });
    const page = await ctx.newPage();
    await demo.logIn(page, PARTICIPANT);
    await page.goto(`${demo.url}/me/surveys`);
    const card = page.locator("section.card", { hasText: "E2E anonymous edition" });
    await card.getByRole("link", { name: /Answer now: End of visit/ }).click();
    await page.waitForURL(/\/me\/surveys\/\d+/);
    const notice = page.getByRole("heading", { name: "This survey is anonymous" });
    await expect.poll(() => notice.count()).toBe(1);
    await expect.poll(() => page.getByText(/your country, gender and role, and the day you answered/).count()).toBe(1);
    // The notice comes before the first question.
    const order = await page.evaluate(() => {
      const n = document.getElementById("anonymous-notice")!;
      const q = document.querySelector('input[name="q_useful"]')!;
      return n.compareDocumentPosition(q) & Node.DOCUMENT_POSITION_FOLLOWING;
    });
    expect(order).toBeTruthy();
    expect(await page.getByRole("button", { name: "Save and finish later" }).count()).toBe(0);
    await expectPageFits(page, "anonymous-survey-notice");
    await page.locator('input[name="q_useful"][value="4"]').check();
    await page.locator('input[name="q_recommend"][value="yes"]').check();
    await page.getByRole("button", { name: "Send my answers" }).click();
    await page.waitForURL(/\/me\/surveys\?done=/);
    await expect.poll(() => card.getByText("Answered").count()).toBe(1);
    await ctx.close();

    const sqlite = new Database(demo.server.dbPath, { readonly: true });
    try {
      const rows = sqlite.prepare("select * from anonymous_responses where survey_id = ?").all(fx.surveyId) as Record<string, unknown>[];
      expect(rows).toHaveLength(1);
      expect(Object.keys(rows[0]).sort()).toEqual(
        ["answers", "country", "edition_id", "gender", "id", "period", "role", "stage", "submitted_on", "survey_id", "template_id"].sort(),
      );
      expect(rows[0]).toMatchObject({ country: "ID", gender: "female", submitted_on: today });
      expect(sqlite.prepare("select count(*) as n from survey_responses where survey_id = ?").get(fx.surveyId)).toEqual({ n: 1 - 1 });
    } finally {
      sqlite.close();
    }
  });

  it("the organizer sees anonymous results with small groups hidden, and the page says so", async () => {
    const ctx = await newContext(demo.browser, { javaScript: false });
    const page = await ctx.newPage();
    await demo.logIn(page, "organizer@vlx.demo");
    await page.goto(`${demo.url}/admin/editions/${fx.pastEditionId}/evaluation`);
    await expect.poll(() => page.getByRole("heading", { name: "Anonymous surveys" }).count()).toBe(1);
    await expect.poll(() => page.getByText(/A figure about fewer than 3 respondents is hidden/).count()).toBe(1);
    const table = page.getByRole("table", { name: /How useful was the exchange/ });
    await expect.poll(() => table.count()).toBe(1);
    // Two demo leaders per country: every country is hidden; everyone together is shown.
    expect(await table.locator("tr", { hasText: "Everyone" }).locator("td").first().innerText()).toMatch(/^\d+$/);
    expect(await table.locator("tr", { hasText: "Viet Nam" }).locator("td").first().innerText()).toBe("hidden (fewer than 3)");
    await expectPageFits(page, "anonymous-survey-results");
    const csv = await page.request.get(`${demo.url}/admin/editions/${fx.pastEditionId}/evaluation-anonymous.csv`);
    expect(csv.status()).toBe(200);
    expect(await csv.text()).toContain("hidden (fewer than 3)");
    await ctx.close();
  });
});
