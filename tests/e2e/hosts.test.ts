// A host coordinator (demo account, or one created here) on a 360 px phone in Chromium: sees their
// sites, opens a site's calendar (month links, public holidays), edits the profile (a failed
// submit keeps every typed value), schedules an exchange visit (a failed submit first), opens the
// visit and its printable list; an organizer opens the vetting page and the edition overview.
// Every page: axe scan and a screenshot under test-results/.
import Database from "better-sqlite3";
import { hash } from "@node-rs/argon2";
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { addDays, todayIn } from "~/domain/dates";
import { DEMO_PASSWORD } from "../../db/seed";
import { expectAccessible, newContext, screenshot, withDemoServer } from "../support/e2e";

const demo = withDemoServer();
let fx: { hostEmail: string; siteId: number; editionId: number; startsOn: string; endsOn: string };

/**
 * A vetted site of our own (so bed counts of the demo visits do not interfere), coordinated by a
 * demo host coordinator, and an in-person edition hosted in its country that has not ended.
 */
async function fixtures(dbPath: string) {
  const sqlite = new Database(dbPath);
  sqlite.pragma("busy_timeout = 5000");
  try {
    const today = todayIn("Asia/Shanghai");
    let host = sqlite
      .prepare(
        `select u.id, u.email from users u join role_grants g on g.user_id = u.id
         where g.role = 'host_coordinator' and u.email like 'host.%@vlx.demo' order by u.id limit 1`,
      )
      .get() as { id: number; email: string } | undefined;
    if (!host) {
      const passwordHash = await hash(DEMO_PASSWORD, { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 });
      const id = Number(
        sqlite.prepare("insert into users (email, password_hash, display_name) values (?, ?, ?)").run("host.e2e@vlx.demo", passwordHash, "E2E Host")
          .lastInsertRowid,
      );
      sqlite.prepare("insert into role_grants (user_id, role) values (?, 'host_coordinator')").run(id);
      host = { id, email: "host.e2e@vlx.demo" };
    }
    type Ed = { id: number; starts_on: string; ends_on: string };
    let edition = sqlite
      .prepare(
        `select id, starts_on, ends_on from editions where mode <> 'online' and host_countries like '%"CN"%' and ends_on >= ? order by starts_on limit 1`,
      )
      .get(today) as Ed | undefined;
    if (!edition) {
      const startsOn = addDays(today, 90);
      const id = Number(
        sqlite
          .prepare(
            `insert into editions (name, ordinal, mode, host_countries, starts_on, ends_on, applications_open_on,
               applications_close_on, time_zone, themes) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(
            "E2E host edition",
            98,
            "in_person",
            '["CN"]',
            startsOn,
            addDays(startsOn, 6),
            addDays(today, -5),
            addDays(today, 20),
            "Asia/Shanghai",
            '["rural_tourism"]',
          ).lastInsertRowid,
      );
      edition = { id, starts_on: startsOn, ends_on: addDays(startsOn, 6) };
    }
    const siteId = Number(
      sqlite
        .prepare(
          `insert into host_sites (name, name_latin, country_code, province, district, time_zone, themes, languages,
             accommodation, beds, contacts, vetting_status, last_checked_on)
           values (?, ?, 'CN', ?, ?, 'Asia/Shanghai', '["eco_agriculture"]', '["zh"]', '["homestay"]', 40, ?, 'vetted', ?)`,
        )
        .run("翁基古寨", "Wengji Guzhai", "云南省", "澜沧县", JSON.stringify([{ name: "岩温 Yan Wen", role: "Village head" }]), today).lastInsertRowid,
    );
    sqlite.prepare("insert into host_site_coordinators (host_site_id, user_id) values (?, ?)").run(siteId, host.id);
    return { hostEmail: host.email, siteId, editionId: edition.id, startsOn: edition.starts_on, endsOn: edition.ends_on };
  } finally {
    sqlite.close();
  }
}

beforeAll(async () => {
  fx = await fixtures(demo.server.dbPath);
});

/**
 * Logs in through the form, finding the fields by name (the shared logInAs looks for the exact
 * label "Password", but required fields read "Password (required)").
 */
async function logInAs(page: Page, baseUrl: string, email: string, password: string) {
  await page.goto(`${baseUrl}/login`);
  await page.locator('[name="email"]').fill(email);
  await page.locator('[name="password"]').fill(password);
  await page.getByRole("button", { name: "Log in" }).click();
  await page.waitForURL((u) => !u.pathname.startsWith("/login"));
}

const field = (page: Page, name: string) => page.locator(`[name="${name}"]`);
const errorOf = (page: Page, name: string) => page.locator(".field", { has: page.locator(`[name="${name}"]`) }).locator(".field-errors");

/** The page does not scroll sideways at 360 px (tables scroll inside .table-wrap). */
async function expectNoSideScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  if (overflow > 1) {
    const wide = await page.evaluate(() =>
      [...document.querySelectorAll("main *")]
        .filter((el) => el.getBoundingClientRect().right > document.documentElement.clientWidth + 1 && !el.closest(".table-wrap"))
        .slice(0, 5)
        .map((el) => `${el.tagName}.${el.className}: ${el.textContent?.slice(0, 40)}`),
    );
    expect(wide, page.url()).toEqual([]);
  }
  expect(overflow).toBeLessThanOrEqual(1);
}

describe("host coordinator on a phone", () => {
  it("edits the profile and schedules a visit", async () => {
    const context = await newContext(demo.browser, { javaScript: true });
    const page = await context.newPage();
    await logInAs(page, demo.url, fx.hostEmail, DEMO_PASSWORD);

    await page.goto(`${demo.url}/host`);
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toContain("Host sites");
    // An English reader gets the site's Latin name, the local-script one beside it with its lang.
    await expect.poll(() => page.getByRole("link", { name: "Wengji Guzhai" }).count()).toBe(1);
    expect(await page.locator('main span[lang="zh"]', { hasText: "翁基古寨" }).count()).toBe(1);
    await expectAccessible(page, "host home");
    await expectNoSideScroll(page);
    await screenshot(page, "hosts-01-home");

    // The site page: calendar of the edition's month with links to move between months.
    const month = fx.startsOn.slice(0, 7);
    await page.goto(`${demo.url}/host/sites/${fx.siteId}?view=calendar&month=${month}`);
    await expectAccessible(page, "site calendar");
    await expectNoSideScroll(page);
    await screenshot(page, "hosts-02-site-calendar");
    await page.getByRole("link", { name: /Next month/ }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get("month")).not.toBe(month);

    // Edit the profile.
    await page.goto(`${demo.url}/host/sites/${fx.siteId}/edit`);
    await expectAccessible(page, "edit profile");
    await screenshot(page, "hosts-03-edit");
    await field(page, "description").fill("布朗族古寨，普洱茶林。Ancient Blang village in the tea forest.");
    await field(page, "beds").fill("36");
    await page.locator('input[name="accommodation"][value="guesthouse"]').check();
    await field(page, "interpreters[0].name").fill("岩香 Yan Xiang");
    await page.locator('input[name="interpreters[0].languages"][value="en"]').check();
    await field(page, "nameLatin").fill("Wengji Ancient Village");
    await page.getByRole("button", { name: "Save" }).click();
    await page.waitForURL((u) => u.pathname === `/host/sites/${fx.siteId}`);
    await expect.poll(() => page.getByRole("status").first().textContent()).toContain("Saved");
    await expect.poll(() => page.locator("main").textContent()).toContain("Ancient Blang village");
    expect(await page.locator("main").textContent()).toContain("Wengji Ancient Village");
    await expectAccessible(page, "site profile");
    await screenshot(page, "hosts-04-site-saved");

    // Schedule a visit: departure before arrival first, then right.
    await page.getByRole("link", { name: "Schedule a visit" }).click();
    await page.waitForURL((u) => u.pathname.endsWith("/visits/new"));
    await expectAccessible(page, "new visit");
    await page.getByLabel(/^Edition/).selectOption(String(fx.editionId));
    await field(page, "title").fill("茶山与合作社 Tea and cooperative days");
    const arrival = addDays(fx.startsOn, 1);
    const departure = addDays(fx.startsOn, 4) <= fx.endsOn ? addDays(fx.startsOn, 4) : fx.endsOn;
    await field(page, "arrivalOn").fill(arrival);
    await field(page, "departureOn").fill(departure);
    await field(page, "capacity").fill("12");
    await field(page, "perCountryCap").fill("3");
    await page.locator('input[name="interpreterLanguages"][value="en"]').check();
    await field(page, "notes").fill("Bring rain gear; the tea forest is steep.");
    await screenshot(page, "hosts-05-visit-form");
    await page.getByRole("button", { name: "Schedule the visit" }).click();
    await page.waitForURL((u) => /^\/host\/visits\/\d+$/.test(u.pathname));
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toContain("Tea and cooperative days");
    await expect.poll(() => page.locator("main").textContent()).toContain("Nobody is placed in this visit yet");
    await expectAccessible(page, "visit page");
    await expectNoSideScroll(page);
    await screenshot(page, "hosts-06-visit");
    const visitPath = new URL(page.url()).pathname;

    await page.goto(`${demo.url}${visitPath}/print`);
    await expectAccessible(page, "print page");
    await screenshot(page, "hosts-07-print");

    // The calendar of the visit's month shows it; the list view too.
    await page.goto(`${demo.url}/host/sites/${fx.siteId}?view=calendar&month=${arrival.slice(0, 7)}`);
    await expect.poll(() => page.getByRole("link", { name: /Tea and cooperative days/ }).count()).toBeGreaterThan(0);
    await screenshot(page, "hosts-08-calendar-with-visit");
    await page.goto(`${demo.url}/host/sites/${fx.siteId}?view=list`);
    await expect.poll(() => page.getByRole("link", { name: /Tea and cooperative days/ }).count()).toBe(1);
    await expectAccessible(page, "site list view");
    await expectNoSideScroll(page);
    await screenshot(page, "hosts-09-list");
    await context.close();
  });

  it("without JavaScript, failed submits show the errors and keep every typed value", async () => {
    const context = await newContext(demo.browser, { javaScript: false });
    const page = await context.newPage();
    await logInAs(page, demo.url, fx.hostEmail, DEMO_PASSWORD);

    await page.goto(`${demo.url}/host/sites/${fx.siteId}/edit`);
    await field(page, "nameLatin").fill("");
    await field(page, "latitude").fill("95.5");
    await field(page, "description").fill("ບ້ານນາລານ — ทดสอบ — 测试 — Thử nghiệm");
    await page.getByRole("button", { name: "Save" }).click();
    await expect.poll(() => errorOf(page, "nameLatin").textContent()).toContain("required");
    expect(await errorOf(page, "latitude").textContent()).toContain("decimal degrees");
    expect(await field(page, "description").inputValue()).toBe("ບ້ານນາລານ — ทดสอบ — 测试 — Thử nghiệm");
    expect(await field(page, "latitude").inputValue()).toBe("95.5");
    await expectAccessible(page, "edit profile with errors (no JS)");
    await screenshot(page, "hosts-13-edit-errors-nojs");

    await page.goto(`${demo.url}/host/sites/${fx.siteId}/visits/new`);
    await page.getByLabel(/^Edition/).selectOption(String(fx.editionId));
    await field(page, "title").fill("Ngày thử");
    await field(page, "arrivalOn").fill(addDays(fx.startsOn, 3));
    await field(page, "departureOn").fill(addDays(fx.startsOn, 1));
    await field(page, "capacity").fill("4");
    await field(page, "perCountryCap").fill("5");
    await field(page, "notes").fill("Giữ nguyên ghi chú này.");
    await page.getByRole("button", { name: "Schedule the visit" }).click();
    await expect.poll(() => errorOf(page, "departureOn").textContent()).toContain("cannot be before the arrival");
    expect(await errorOf(page, "perCountryCap").textContent()).toContain("cannot be more than the seats");
    expect(await field(page, "notes").inputValue()).toBe("Giữ nguyên ghi chú này.");
    expect(await field(page, "title").inputValue()).toBe("Ngày thử");
    await expectAccessible(page, "new visit with errors (no JS)");
    await screenshot(page, "hosts-14-visit-errors-nojs");
    await context.close();
  });

  it("the calendar month links work without JavaScript", async () => {
    const context = await newContext(demo.browser, { javaScript: false });
    const page = await context.newPage();
    await logInAs(page, demo.url, fx.hostEmail, DEMO_PASSWORD);
    await page.goto(`${demo.url}/host/sites/${fx.siteId}?view=calendar&month=2031-01`);
    await page.getByRole("link", { name: /Next month/ }).click();
    await page.waitForURL((u) => u.searchParams.get("month") === "2031-02");
    expect(await page.locator("#cal-title").textContent()).toContain("February 2031");
    await context.close();
  });
});

describe("a demo host coordinator's own visit", () => {
  it("lists who is coming (names, food needs), and another site's visit is 404", async () => {
    // Read-only on the demo data: the first demo visit with a participant who consented to share a
    // food need, its coordinator, and a visit at a site that coordinator does not keep.
    const sqlite = new Database(demo.server.dbPath, { readonly: true });
    type Row = { visitId: number; siteId: number; siteName: string; email: string; userId: number };
    let own: Row, coming: { givenName: string; dietary: string; consented: number }[], otherVisitId: number;
    try {
      own = sqlite
        .prepare(
          `select v.id visitId, s.id siteId, s.name siteName, u.email, u.id userId
           from placements p join applications a on a.id = p.application_id join exchange_visits v on v.id = p.visit_id
           join host_sites s on s.id = v.host_site_id join host_site_coordinators c on c.host_site_id = s.id join users u on u.id = c.user_id
           where p.status in ('offered', 'accepted') and a.sensitive_consent_at is not null and a.dietary_needs <> ''
           order by v.id limit 1`,
        )
        .get() as Row;
      coming = sqlite
        .prepare(
          `select a.given_name givenName, a.dietary_needs dietary, a.sensitive_consent_at is not null consented
           from placements p join applications a on a.id = p.application_id where p.visit_id = ? and p.status in ('offered', 'accepted')`,
        )
        .all(own.visitId) as typeof coming;
      otherVisitId = (
        sqlite
          .prepare(
            "select id from exchange_visits where host_site_id not in (select host_site_id from host_site_coordinators where user_id = ?) order by id limit 1",
          )
          .get(own.userId) as { id: number }
      ).id;
    } finally {
      sqlite.close();
    }
    expect(coming.length).toBeGreaterThan(1);

    const context = await newContext(demo.browser, { javaScript: true });
    const page = await context.newPage();
    await logInAs(page, demo.url, own.email, DEMO_PASSWORD);
    // From the host home through the site to the visit, by links.
    await page.goto(`${demo.url}/host`);
    await Promise.all([page.waitForURL(new RegExp(`/host/sites/${own.siteId}$`)), page.locator(`main a[href="/host/sites/${own.siteId}"]`).first().click()]);
    await Promise.all([page.waitForURL(new RegExp(`/host/visits/${own.visitId}$`)), page.locator(`a[href="/host/visits/${own.visitId}"]`).first().click()]);
    const table = page.getByRole("region", { name: /^Participants of / });
    await expect.poll(() => table.locator("tbody tr").count()).toBe(coming.length);
    for (const p of coming) {
      const row = table.locator("tbody tr", { hasText: p.givenName });
      expect(await row.count(), p.givenName).toBe(1);
      // Food needs only with the participant's recorded consent; otherwise "none stated".
      const food = (await row.locator("td").nth(4).textContent())!.trim();
      if (p.consented && p.dietary) expect(food, p.givenName).toBe(p.dietary);
      else expect(food, p.givenName).toBe("none stated");
    }
    await expectAccessible(page, "host's own visit");
    await expectNoSideScroll(page);
    await screenshot(page, "hosts-09-own-visit");

    // Another site's visit (and its printable list) is not found, not forbidden: nothing leaks.
    for (const path of [`/host/visits/${otherVisitId}`, `/host/visits/${otherVisitId}/print`]) {
      const res = await page.goto(`${demo.url}${path}`);
      expect(res!.status(), path).toBe(404);
    }
    await context.close();
  });
});

describe("organizer", () => {
  it("vets sites and sees the edition overview", async () => {
    const context = await newContext(demo.browser, { javaScript: true });
    const page = await context.newPage();
    await logInAs(page, demo.url, "organizer@vlx.demo", DEMO_PASSWORD);
    await page.goto(`${demo.url}/admin/sites`);
    await expectAccessible(page, "admin sites");
    await expectNoSideScroll(page);
    await screenshot(page, "hosts-10-admin-sites");
    await page.goto(`${demo.url}/admin/sites/${fx.siteId}`);
    await expectAccessible(page, "vetting page");
    await screenshot(page, "hosts-11-vetting");
    await page.goto(`${demo.url}/admin/editions/${fx.editionId}/visits`);
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toContain("Exchange visits of");
    await expectAccessible(page, "edition overview");
    await expectNoSideScroll(page);
    await screenshot(page, "hosts-12-overview");
    await context.close();
  });
});
