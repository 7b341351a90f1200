// Visa invitation letters in Chromium (issue 15, item 3): a participant gives passport details on
// a 360 px phone without JavaScript (refused without consent, then saved); the organizer issues
// every missing letter of the edition, opens one for Cambodia (English and Khmer) and one for
// Myanmar (English and Burmese), prints each to an A4 PDF through Chromium, whose text must hold
// the passport name and number; the PDF pages are rendered to PNG under test-results/ (pdftoppm)
// for a person to look at the Khmer and Burmese shaping. Anyone can then verify the code.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { addDays } from "~/domain/dates";
import { expectAccessible, expectPageFits, newContext, withDemoServer } from "../support/e2e";

const demo = withDemoServer();
let fx: { editionId: number; applicationId: number; email: string };

/** Two visits of the open edition, in Cambodia and Myanmar, both accepted by one participant without passport data. */
function fixtures(dbPath: string) {
  const db = new Database(dbPath);
  db.pragma("busy_timeout = 5000");
  try {
    const edition = db.prepare("select id, starts_on from editions where mode = 'in_person' order by starts_on desc limit 1").get() as {
      id: number;
      starts_on: string;
    };
    const site = db.prepare(
      `insert into host_sites (name, name_latin, country_code, province, district, time_zone, themes, languages, accommodation, beds, vetting_status)
       values (?, ?, ?, ?, ?, ?, '["rural_tourism"]', ?, '["homestay"]', 20, 'vetted')`,
    );
    const km = Number(site.run("ភូមិជីក្រែង", "Phum Chi Kraeng", "KH", "សៀមរាប", "ជីក្រែង", "Asia/Phnom_Penh", '["km"]').lastInsertRowid);
    const my = Number(site.run("ညောင်ရွှေရွာ", "Nyaung Shwe Village", "MM", "ရှမ်းပြည်နယ်", "ညောင်ရွှေ", "Asia/Yangon", '["my"]').lastInsertRowid);
    const visit = db.prepare(
      "insert into exchange_visits (edition_id, host_site_id, title, arrival_on, departure_on, capacity, per_country_cap) values (?, ?, 'E2E visa visit', ?, ?, 6, 3)",
    );
    const start = edition.starts_on;
    const v1 = Number(visit.run(edition.id, km, start, addDays(start, 3)).lastInsertRowid);
    const app = db
      .prepare(
        `select a.id, u.email from applications a join users u on u.id = a.user_id
         where a.edition_id = ? and a.status = 'accepted' and a.nationality not in ('KH', 'MM', 'CN')
           and not exists (select 1 from application_passports p where p.application_id = a.id) order by a.id limit 1`,
      )
      .get(edition.id) as { id: number; email: string };
    const v2 = Number(visit.run(edition.id, my, addDays(start, 4), addDays(start, 7)).lastInsertRowid);
    for (const v of [v1, v2]) db.prepare("insert into placements (visit_id, application_id, status) values (?, ?, 'accepted')").run(v, app.id);
    return { editionId: edition.id, applicationId: app.id, email: app.email };
  } finally {
    db.close();
  }
}

/** The participant's valid letters by host country, read from the server's database. */
function lettersOf(applicationId: number): Record<string, number> {
  const db = new Database(demo.server.dbPath, { readonly: true });
  try {
    const rows = db.prepare("select id, host_country from visa_letters where application_id = ? and revoked_at is null").all(applicationId) as {
      id: number;
      host_country: string;
    }[];
    return Object.fromEntries(rows.map((r) => [r.host_country, r.id]));
  } finally {
    db.close();
  }
}

beforeAll(() => {
  fx = fixtures(demo.server.dbPath);
});

/** Prints the page to an A4 PDF (print media), returns its text; renders page 1 to PNG for a person to look at. */
async function printToPdf(page: Page, name: string): Promise<string> {
  fs.mkdirSync("test-results", { recursive: true });
  const file = path.join("test-results", `${name}.pdf`);
  await page.emulateMedia({ media: "print" });
  await page.pdf({ path: file, format: "A4", printBackground: true, preferCSSPageSize: true });
  await page.emulateMedia({ media: "screen" });
  const bytes = fs.readFileSync(file);
  expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
  let text: string;
  try {
    text = execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
  } catch {
    // Without poppler the PDF's text cannot be read here; the page's own text stands in.
    text = await page.locator("article.visa-letter").innerText();
  }
  try {
    execFileSync("pdftoppm", ["-png", "-r", "70", "-f", "1", "-l", "1", file, path.join("test-results", name)]);
  } catch {
    // pdftoppm is optional: the PNG is for a person to look at, not for the assertions.
  }
  return text;
}

describe("visa invitation letters", () => {
  it("participant gives passport details on a phone without JavaScript, consent required", async () => {
    const ctx = await newContext(demo.browser, { width: 360, javaScript: false });
    const page = await ctx.newPage();
    await demo.logIn(page, fx.email);
    await page.goto(`${demo.url}/me/applications/${fx.applicationId}`);
    await page.getByRole("link", { name: "Passport details for the visa invitation letter" }).click();
    await page.getByLabel("Name as in the passport").fill("SOMCHAI TESTPASSPORT");
    await page.getByLabel("Passport number").fill("aa 1234567");
    await page.getByRole("button", { name: "Save passport details" }).click();
    await expect.poll(() => page.getByText("Tick the box to agree, or leave the passport details out.").count()).toBe(1);
    // What was typed stays.
    expect(await page.getByLabel("Passport number").inputValue()).toBe("aa 1234567");
    await expectPageFits(page, "visa-passport-consent-error");
    await page.getByLabel("I agree that the programme keeps my passport details to write my visa invitation letter.").check();
    await page.getByRole("button", { name: "Save passport details" }).click();
    await expect.poll(() => page.getByText("Your passport details were saved.").count()).toBe(1);
    expect(await page.getByLabel("Passport number").inputValue()).toBe("AA1234567");
    await ctx.close();
  });

  it("organizer issues every missing letter, opens and prints the Khmer and Burmese ones; the code verifies", async () => {
    const ctx = await newContext(demo.browser, { width: 360 });
    const page = await ctx.newPage();
    await demo.logIn(page, "organizer@vlx.demo");
    await page.goto(`${demo.url}/admin/editions/${fx.editionId}`);
    await page.getByRole("link", { name: "Visa letters" }).click();
    await page.waitForURL((u) => u.pathname.endsWith("/visa-letters"));
    await page.getByRole("button", { name: /Issue all missing letters/ }).click();
    const report = page.locator("table", { has: page.locator("caption", { hasText: "What happened to each participant" }) });
    await expect.poll(() => report.locator("tr[data-outcome='issued']").count()).toBeGreaterThanOrEqual(2);
    // The demo's participant without passport data is refused, and said so.
    expect(await report.locator("tr[data-outcome='noPassport']").count()).toBeGreaterThanOrEqual(1);
    await expectPageFits(page, "visa-bulk-report");

    // The participant's Cambodian letter through its link in the report; then the Burmese one.
    await report.locator("tr[data-outcome='issued']", { hasText: "Cambodia" }).first().getByRole("link").waitFor();
    const letters = lettersOf(fx.applicationId);
    expect(Object.keys(letters).sort()).toEqual(["KH", "MM"]);
    await page.locator(`a[href='/admin/visa-letters/${letters.KH}']`).first().click();
    let code = "";
    for (const cc of ["KH", "MM"] as const) {
      if (cc === "MM") await page.goto(`${demo.url}/admin/visa-letters/${letters.MM}`);
      await page.waitForURL((u) => u.pathname === `/admin/visa-letters/${letters[cc]}`);
      await expect.poll(() => page.locator(`section.visa-block[lang='${cc === "KH" ? "km" : "my"}']`).count()).toBe(1);
      await expect.poll(() => page.getByText("AA1234567").count()).toBeGreaterThanOrEqual(1);
      await expectPageFits(page, `visa-letter-${cc}`);
      const text = await printToPdf(page, `visa-letter-${cc}`);
      expect(text).toContain("SOMCHAI TESTPASSPORT");
      expect(text).toContain("AA1234567");
      expect(text).toContain("Letter of invitation");
      code = (await page.locator(".visa-facts tr", { hasText: "Verification code" }).locator("td").innerText()).trim();
    }

    await page.goto(`${demo.url}/admin/editions/${fx.editionId}/visa-letters/print`);
    await expect.poll(() => page.locator("article.visa-letter").count()).toBeGreaterThanOrEqual(3);
    await expectAccessible(page, "visa print all");
    await ctx.close();

    const pub = await newContext(demo.browser, { width: 360 });
    const v = await pub.newPage();
    await v.goto(`${demo.url}/verify/${code}?lng=en`);
    await expect.poll(() => v.getByText("Valid visa invitation letter").count()).toBe(1);
    expect(await v.locator("body").innerText()).not.toContain("AA1234567");
    await expectPageFits(v, "visa-verify");
    await pub.close();
  });
});
