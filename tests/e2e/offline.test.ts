// Offline attendance in Chromium (issue 14): a host opens a visit day's list while online, loses
// the connection, marks every participant, reloads the page with no connection (the service worker
// serves it, the marks wait in IndexedDB), comes back online, and every mark reaches the database
// exactly once, also when the same mark is sent again.
import Database from "better-sqlite3";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, todayIn } from "~/domain/dates";
import { expectAccessible, launchBrowser, logInAs, newContext, screenshot, startServer, type TestServer } from "../support/e2e";

const PASSWORD = "vlx-demo-2026";
let server: TestServer;
let browser: Browser;
let fx: { visitId: number; today: string; people: number[] };

/** A visit at Hebian (coordinated by host.xishuangbanna) running today with up to five accepted participants placed. */
function fixtures(dbPath: string) {
  const db = new Database(dbPath);
  db.pragma("busy_timeout = 5000");
  try {
    const today = todayIn("Asia/Shanghai");
    const edition = db.prepare("select id from editions where mode = 'in_person' order by starts_on desc limit 1").get() as { id: number };
    const site = db.prepare("select id from host_sites where name_latin like 'Hebian%'").get() as { id: number };
    const visitId = Number(
      db
        .prepare(
          `insert into exchange_visits (edition_id, host_site_id, title, arrival_on, departure_on, capacity, per_country_cap)
                  values (?, ?, 'E2E offline week', ?, ?, 8, 5)`,
        )
        .run(edition.id, site.id, addDays(today, -1), addDays(today, 1)).lastInsertRowid,
    );
    const apps = db
      .prepare("select id from applications where edition_id = ? and status = 'accepted' and nationality <> 'CN' order by id desc limit 5")
      .all(edition.id) as { id: number }[];
    for (const a of apps) db.prepare("insert into placements (visit_id, application_id, status) values (?, ?, 'accepted')").run(visitId, a.id);
    return { visitId, today, people: apps.map((a) => a.id) };
  } finally {
    db.close();
  }
}

/** Attendance rows of the visit day, and the audit events of device marks (by client id). */
function stored() {
  const db = new Database(server.dbPath, { readonly: true });
  db.pragma("busy_timeout = 5000");
  try {
    const rows = db
      .prepare("select application_id as id, status from attendance_records where visit_id = ? and date = ? order by application_id")
      .all(fx.visitId, fx.today) as { id: number; status: string }[];
    const events = db
      .prepare(
        "select json_extract(details, '$.clientId') as clientId from audit_events where entity_type = 'attendance' and json_extract(details, '$.visitId') = ? and json_extract(details, '$.clientId') is not null",
      )
      .all(fx.visitId) as { clientId: string }[];
    return { rows, events };
  } finally {
    db.close();
  }
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  fx = fixtures(server.dbPath);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe("attendance without a connection", () => {
  it("marks taken offline survive a reload and reach the server exactly once", async () => {
    expect(fx.people.length).toBeGreaterThanOrEqual(3);
    const ctx = await newContext(browser, { width: 360 });
    const page = await ctx.newPage();
    await logInAs(page, server.url, "host.xishuangbanna@vlx.demo", PASSWORD);
    const listUrl = `${server.url}/attendance/visit/${fx.visitId}/${fx.today}`;
    await page.goto(listUrl);
    await expect.poll(() => page.locator(".checkin-list > li").count()).toBe(fx.people.length);
    // The worker controls the page and holds the page and its scripts.
    await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller), { timeout: 60_000 }).toBe(true);
    await expect.poll(() => page.evaluate(async () => !!(await caches.match(location.href))), { timeout: 60_000 }).toBe(true);
    expect(stored().rows).toEqual([]);

    await ctx.setOffline(true);
    const rows = page.locator(".checkin-list > li");
    for (let i = 0; i < fx.people.length; i++) {
      await rows.nth(i).getByRole("button", { name: "Present" }).click();
      await expect.poll(() => rows.nth(i).locator(".att-waiting").count()).toBe(1);
    }
    const waiting = page.getByTestId("waiting-marks");
    await expect.poll(() => waiting.textContent()).toContain(`${fx.people.length} marks are waiting to be sent`);
    await screenshot(page, "offline-waiting-360");

    // Reload with no connection: the service worker answers, the marks are still on the device.
    const res = await page.reload();
    expect(res?.fromServiceWorker()).toBe(true);
    await expect.poll(() => page.locator(".checkin-list > li").count()).toBe(fx.people.length);
    await expect.poll(() => page.getByTestId("waiting-marks").textContent(), { timeout: 60_000 }).toContain(`${fx.people.length} marks are waiting`);
    await expect.poll(() => page.locator(".checkin-list .att-waiting").count()).toBe(fx.people.length);
    expect(stored().rows).toEqual([]);
    await expectAccessible(page, "check-in list with marks waiting");

    // Back online: the page sends them and shows the server's list.
    // Sent on the 'online' event, or by the queue's retry while marks wait (Chromium's emulated
    // reconnection does not always fire 'online' in the page).
    await ctx.setOffline(false);
    await expect.poll(() => stored().rows.length, { timeout: 60_000 }).toBe(fx.people.length);
    await expect.poll(() => page.getByTestId("waiting-marks").count(), { timeout: 60_000 }).toBe(0);
    await expect.poll(() => page.locator(".checkin-list .att-waiting").count()).toBe(0);
    const after = stored();
    expect(after.rows.map((r) => r.status)).toEqual(fx.people.map(() => "present"));
    expect(after.events).toHaveLength(fx.people.length);
    expect(new Set(after.events.map((e) => e.clientId)).size).toBe(fx.people.length);

    // The same mark sent again (an answer lost on the way): nothing is written twice, even after a later change.
    const first = [...fx.people].sort((a, b) => a - b)[0];
    const clientId = after.events[0].clientId;
    const replay = await page.evaluate(
      async ({ applicationId, clientId }) => {
        const routeId = "routes/attendance.visit.$visitId.$date";
        const body = new URLSearchParams({ applicationId: String(applicationId), status: "absent", clientId, markedAt: new Date().toISOString() });
        const r = await fetch(`${location.pathname}?_data=${encodeURIComponent(routeId)}`, { method: "POST", body });
        return r.json();
      },
      { applicationId: first, clientId },
    );
    expect(replay).toMatchObject({ ok: true, replay: true });
    const again = stored();
    expect(again.rows).toEqual(after.rows);
    expect(again.events).toHaveLength(fx.people.length);
    await ctx.close();
  });
});
