// QR check-in in Chromium (issue 14 item 5): a participant's itinerary shows their QR code and
// short code; a host types that short code on a visit day's check-in list ("QR scan via the typed
// code") and the person shows present; a code revoked by an organizer is refused with its message;
// without JavaScript the same field works as a plain form; axe at 360 px throughout.
import Database from "better-sqlite3";
import { beforeAll, describe, expect, it } from "vitest";
import { addDays, todayIn } from "~/domain/dates";
import { expectAccessible, newContext, screenshot, withDemoServer } from "../support/e2e";

const HOST = "host.xishuangbanna@vlx.demo";
const demo = withDemoServer();
let fx: ReturnType<typeof fixtures>;

/** A visit at Hebian running today with two accepted participants placed (a, b) and one accepted participant not placed (c). */
function fixtures(dbPath: string) {
  const db = new Database(dbPath);
  db.pragma("busy_timeout = 5000");
  try {
    const today = todayIn("Asia/Shanghai");
    const edition = db.prepare("select id, ends_on from editions where mode = 'in_person' order by starts_on desc limit 1").get() as {
      id: number;
      ends_on: string;
    };
    // The edition must still run today for its codes to be valid.
    if (edition.ends_on < addDays(today, 1)) db.prepare("update editions set ends_on = ? where id = ?").run(addDays(today, 30), edition.id);
    const site = db.prepare("select id from host_sites where name_latin like 'Hebian%'").get() as { id: number };
    const visitId = Number(
      db
        .prepare(
          `insert into exchange_visits (edition_id, host_site_id, title, arrival_on, departure_on, capacity, per_country_cap)
                  values (?, ?, 'E2E QR week', ?, ?, 8, 5)`,
        )
        .run(edition.id, site.id, addDays(today, -1), addDays(today, 1)).lastInsertRowid,
    );
    const people = db
      .prepare(
        `select a.id, u.email from applications a join users u on u.id = a.user_id
         where a.edition_id = ? and a.status = 'accepted' and a.nationality <> 'CN' and u.password_hash is not null order by a.id limit 3`,
      )
      .all(edition.id) as { id: number; email: string }[];
    for (const a of people.slice(0, 2)) db.prepare("insert into placements (visit_id, application_id, status) values (?, ?, 'accepted')").run(visitId, a.id);
    return { visitId, today, a: people[0], b: people[1], c: people[2] };
  } finally {
    db.close();
  }
}

function statusOf(applicationId: number): string | null {
  const db = new Database(demo.server.dbPath, { readonly: true });
  db.pragma("busy_timeout = 5000");
  try {
    const r = db
      .prepare("select status from attendance_records where visit_id = ? and date = ? and application_id = ?")
      .get(fx.visitId, fx.today, applicationId) as { status: string } | undefined;
    return r?.status ?? null;
  } finally {
    db.close();
  }
}

/** The participant's short code as their itinerary shows it (with its QR code). */
async function codeFromItinerary(email: string, javaScript = true): Promise<string> {
  const ctx = await newContext(demo.browser, { width: 360, javaScript });
  const page = await ctx.newPage();
  await demo.logIn(page, email);
  await page.goto(`${demo.url}/me/itinerary`);
  const code = (await page.getByTestId("checkin-short-code").first().textContent())!.trim();
  expect(await page.locator(".checkin-qr svg").count()).toBeGreaterThan(0);
  await expectAccessible(page, "itinerary with check-in pass");
  await screenshot(page, "checkin-pass-360");
  await ctx.close();
  return code;
}

beforeAll(() => {
  fx = fixtures(demo.server.dbPath);
});

const listUrl = () => `${demo.url}/attendance/visit/${fx.visitId}/${fx.today}`;

describe("QR check-in", () => {
  it("QR scan via the typed code: the host types a participant's short code and the person shows present", async () => {
    expect(fx.c).toBeTruthy();
    const code = await codeFromItinerary(fx.a.email);
    expect(code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);

    const ctx = await newContext(demo.browser, { width: 360 });
    const page = await ctx.newPage();
    await demo.logIn(page, HOST);
    await page.goto(listUrl());
    await expect.poll(() => page.locator(".checkin-list > li").count()).toBe(2);
    await expectAccessible(page, "check-in list with the code field");
    expect(statusOf(fx.a.id)).toBeNull();
    await page.getByRole("textbox", { name: "Check-in code" }).fill(code.toLowerCase());
    await page.getByRole("button", { name: "Mark present" }).click();
    await expect.poll(() => statusOf(fx.a.id), { timeout: 60_000 }).toBe("present");
    // The list shows the server's answer: one person present.
    await expect.poll(() => page.locator(".checkin-list .att-present").count(), { timeout: 60_000 }).toBe(1);
    await expect.poll(() => page.getByRole("textbox", { name: "Check-in code" }).inputValue()).toBe("");
    // Typed again: nothing changes, nothing is refused.
    await page.getByRole("textbox", { name: "Check-in code" }).fill(code);
    await page.getByRole("button", { name: "Mark present" }).click();
    await expect.poll(() => page.getByRole("textbox", { name: "Check-in code" }).inputValue()).toBe("");
    expect(await page.getByTestId("checkin-code-error").count()).toBe(0);
    expect(statusOf(fx.a.id)).toBe("present");
    await ctx.close();
  });

  it("a revoked code is refused with its message; the typed value stays", async () => {
    const old = await codeFromItinerary(fx.b.email);
    const org = await (await newContext(demo.browser, { width: 360 })).newPage();
    await demo.logIn(org, "organizer@vlx.demo");
    await org.goto(`${demo.url}/admin/applications/${fx.b.id}`);
    expect((await org.getByTestId("admin-checkin-code").textContent())?.trim()).toBe(old);
    await org.getByRole("button", { name: "Revoke and issue a new code" }).click();
    await org.waitForURL((u) => u.search.includes("done=revoke_checkin"));
    // The URL changes when the router commits; React may paint the new loader data a moment later.
    const shownCode = async () => (await org.getByTestId("admin-checkin-code").textContent())?.trim();
    await expect.poll(shownCode, { timeout: 60_000 }).not.toBe(old);
    expect(await shownCode()).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    await org.context().close();

    const ctx = await newContext(demo.browser, { width: 360 });
    const page = await ctx.newPage();
    await demo.logIn(page, HOST);
    await page.goto(listUrl());
    await expect.poll(() => page.locator(".checkin-list > li").count()).toBe(2);
    await page.getByRole("textbox", { name: "Check-in code" }).fill(old);
    await page.getByRole("button", { name: "Mark present" }).click();
    await expect.poll(() => page.getByTestId("checkin-code-error").textContent(), { timeout: 60_000 }).toContain("This check-in code was revoked");
    expect(await page.getByRole("textbox", { name: "Check-in code" }).inputValue()).toBe(old);
    expect(statusOf(fx.b.id)).toBeNull();
    await expectAccessible(page, "check-in list with a refused code");
    await screenshot(page, "checkin-code-revoked-360");
    await ctx.close();
  });

  it("works without JavaScript: a plain form, 400 with the message and the typed value, then present", async () => {
    const ctx = await newContext(demo.browser, { width: 360, javaScript: false });
    const page = await ctx.newPage();
    await demo.logIn(page, HOST);
    await page.goto(listUrl());
    // Someone not on this day's list.
    const outsider = await codeFromItinerary(fx.c.email, false);
    await page.getByRole("textbox", { name: "Check-in code" }).fill(outsider);
    const [refused] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === "POST"),
      page.getByRole("button", { name: "Mark present" }).click(),
    ]);
    expect(refused.status()).toBe(400);
    await page.waitForLoadState();
    expect(await page.getByTestId("checkin-code-error").textContent()).toContain("This person is not on this list.");
    expect(await page.getByRole("textbox", { name: "Check-in code" }).inputValue()).toBe(outsider);
    expect(statusOf(fx.c.id)).toBeNull();
    await expectAccessible(page, "no-JS refused code");

    const code = await codeFromItinerary(fx.b.email, false);
    await page.getByRole("textbox", { name: "Check-in code" }).fill(code);
    await page.getByRole("button", { name: "Mark present" }).click();
    await page.waitForURL((u) => u.search.includes("checked="));
    expect(await page.getByTestId("checkin-code-ok").textContent()).toContain("is marked present");
    expect(statusOf(fx.b.id)).toBe("present");
    await expectAccessible(page, "no-JS code accepted");
    await ctx.close();
  });
});
