// Issue 15, item 7, in Chromium at 360 px: the organizer accepts an endorsed application, opens the
// audit log from the organizer menu, finds the acceptance by record type, number and action, with
// JavaScript off gets a field error (400) for a "from" after a "to" with the typed dates kept, and
// downloads the filtered events as CSV. A village leader gets 404. Every page passes axe.
import { describe, expect, it } from "vitest";
import { expectPageFits, logInAs, newContext, withDemoServer } from "../support/e2e";
import { DEMO_PASSWORD } from "../../db/seed";

const demo = withDemoServer();

describe("audit log", () => {
  it("lists an organizer's decision, filters it, refuses a reversed date range and exports CSV", async () => {
    const ctx = await newContext(demo.browser);
    const org = await ctx.newPage();
    await logInAs(org, demo.url, "organizer@vlx.demo", DEMO_PASSWORD);

    // Accept one endorsed application, as on the review page.
    await org.goto(`${demo.url}/admin/applications?status=endorsed`);
    const first = org.locator("tbody tr").first().getByRole("link");
    await first.click();
    await org.waitForURL(/\/admin\/applications\/\d+$/);
    const appId = Number(new URL(org.url()).pathname.split("/").pop());
    await org.getByRole("button", { name: "Accept" }).click();
    await org.waitForURL(/\?done=accept$/);

    // The audit log, from the organizer menu.
    await org.goto(`${demo.url}/admin`);
    await org.getByRole("navigation", { name: "Organizer pages" }).getByRole("link", { name: "Audit log" }).click();
    await org.waitForURL(/\/admin\/audit$/);
    await expect.poll(() => org.locator("tbody tr").count()).toBeGreaterThan(0);
    await expectPageFits(org, "audit-log");

    await org.getByLabel("Record type").selectOption("application");
    await org.getByLabel("Record number").fill(String(appId));
    await org.getByLabel("Action").selectOption("accept");
    await org.getByRole("button", { name: "Filter" }).click();
    await org.waitForURL(new RegExp(`record=${appId}`));
    const rows = org.locator("tbody tr");
    await expect.poll(() => rows.count()).toBe(1);
    const row = (await rows.first().textContent()) ?? "";
    expect(row).toContain("Accepted");
    expect(row).toContain("Wang Lin (IPRCC)");
    expect(row).toContain(`#${appId}`);
    expect(row).toContain("Endorsed → Accepted"); // the statuses in words, not their codes
    await expectPageFits(org, "audit-log-filtered");

    // The CSV link carries the same filters.
    const href = await org.getByRole("link", { name: "Download these events (CSV)" }).getAttribute("href");
    expect(href).toContain(`record=${appId}`);
    const csv = await org.request.get(`${demo.url}${href}`);
    expect(csv.status()).toBe(200);
    const text = await csv.text();
    expect(text.split("\r\n")[0]).toContain("event_id,at_utc,actor_name");
    expect(text).toContain(`application,Application,${appId},accept,Accepted,endorsed,accepted`);
    await ctx.close();

    // Without JavaScript: a reversed range answers 400 with the error next to "To" and the dates kept.
    const noJs = await newContext(demo.browser, { javaScript: false });
    const page = await noJs.newPage();
    await logInAs(page, demo.url, "organizer@vlx.demo", DEMO_PASSWORD);
    await page.goto(`${demo.url}/admin/audit`);
    await page.getByLabel("From (UTC)").fill("2031-03-10");
    await page.getByLabel("To (UTC)").fill("2031-03-01");
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.url().includes("/admin/audit?")),
      page.getByRole("button", { name: "Filter" }).click(),
    ]);
    expect(response.status()).toBe(400);
    await expect.poll(() => page.locator("#f-to-error").textContent()).toContain("The end date must be on or after the start date.");
    expect(await page.getByLabel("From (UTC)").inputValue()).toBe("2031-03-10");
    expect(await page.getByLabel("To (UTC)").inputValue()).toBe("2031-03-01");
    await expectPageFits(page, "audit-log-bad-range");
    await noJs.close();

    // Anyone else: 404.
    const leaderCtx = await newContext(demo.browser);
    const leader = await leaderCtx.newPage();
    await logInAs(leader, demo.url, "sari.id@vlx.demo", DEMO_PASSWORD);
    const res = await leader.goto(`${demo.url}/admin/audit`);
    expect(res?.status()).toBe(404);
    await leaderCtx.close();
  });
});
