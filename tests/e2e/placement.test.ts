// Placement (issue 4) in Chromium on a 360 px phone: an organizer opens the placement board of the
// demo Yunnan edition, runs the engine (proposal, comparison, difference), saves it, moves a
// participant by hand, sends the offers; the demo applicant (sari.id@vlx.demo) opens her offer
// from "My applications" and accepts it; her host (the coordinator of that visit's site, signed in as
// themselves) sees her coming. Every page: axe scan and a screenshot under test-results/
// (placement-*.png).
import Database from "better-sqlite3";
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { todayIn } from "~/domain/dates";
import { expectAccessible, newContext, screenshot, withDemoServer } from "../support/e2e";

const demo = withDemoServer();
let editionId: number;

function query<T>(sql: string, ...args: unknown[]): T {
  const db = new Database(demo.server.dbPath, { readonly: true });
  try {
    return db.prepare(sql).get(...args) as T;
  } finally {
    db.close();
  }
}

async function check(page: Page, name: string) {
  await expectAccessible(page, name);
  await screenshot(page, `placement-${name}`);
  // Nothing wider than the phone (tables scroll inside their own region).
  const overflow = await page.evaluate(() => {
    const over = document.documentElement.scrollWidth - window.innerWidth;
    if (over <= 0) return [];
    return [...document.querySelectorAll("body *")]
      .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 0.5 && !e.closest(".table-wrap"))
      .slice(0, 5)
      .map((e) => `${e.tagName.toLowerCase()}.${e.className}: ${(e.textContent ?? "").slice(0, 40)}`);
  });
  expect(overflow, `${name} fits 360 px`).toEqual([]);
}

beforeAll(() => {
  editionId = query<{ id: number }>("select id from editions where mode <> 'online' and ends_on >= ? order by starts_on limit 1", todayIn("Asia/Shanghai")).id;
});

describe("placement board → offers → accept", () => {
  it("an organizer runs the engine, saves, moves a participant and sends offers; the participant accepts", async () => {
    const ctx = await newContext(demo.browser);
    const org = await ctx.newPage();
    await demo.logIn(org, "organizer@vlx.demo");

    // The board, reached from the edition page.
    await org.goto(`${demo.url}/admin/editions/${editionId}`);
    await Promise.all([
      org.waitForURL(new RegExp(`/admin/editions/${editionId}/placement$`)),
      org.getByRole("navigation", { name: "This edition" }).getByRole("link", { name: "Placement board" }).click(),
    ]);
    await expect.poll(() => org.getByRole("heading", { level: 1 }).textContent()).toContain("Placement:");
    await check(org, "board");

    // Run the engine in stable mode, then optimal: a proposal with summary, comparison, reasons.
    await org.getByLabel("Stable: nobody would rather swap").check();
    await org.getByRole("button", { name: "Run the engine" }).click();
    await expect.poll(() => org.locator("#proposal-h").textContent()).toContain("stable mode");
    await org.getByLabel("Optimal: place the most people").check();
    await org.getByRole("button", { name: "Run the engine" }).click();
    await expect.poll(() => org.locator("#proposal-h").textContent()).toContain("optimal mode");
    const proposal = (await org.locator("section[aria-labelledby=proposal-h]").textContent()) ?? "";
    expect(proposal).toContain("Optimal against stable");
    expect(proposal).toContain("Who cannot be placed, and why");
    expect(proposal).toContain("declined an offer"); // the two seeded declines are left out of the run
    await check(org, "proposal");
    await org.getByRole("button", { name: "Save proposal" }).click();
    await expect.poll(() => org.getByRole("status").first().textContent()).toContain("Proposal saved");

    // Move a proposed participant to another visit by hand.
    const link = org.locator('tr:has(.badge-proposed) a[href^="/admin/placements/"]').first();
    const who = (await org.locator("tr:has(.badge-proposed) td:first-child a").first().textContent())!.trim();
    const current = (await link.textContent())!.trim();
    await Promise.all([org.waitForURL(/\/admin\/placements\/\d+$/), link.click()]);
    await check(org, "placement");
    const select = org.getByRole("combobox", { name: "Visit" });
    const options = await select.locator("option").allTextContents();
    const target = options.find((o) => o && !o.startsWith("Choose") && !o.startsWith(current) && !o.includes("breaks"))!;
    await select.selectOption({ label: target });
    await Promise.all([org.waitForURL(/\?done=move$/), org.getByRole("button", { name: "Move", exact: true }).click()]);
    await expect.poll(() => org.getByRole("status").first().textContent()).toContain("Placement moved");
    expect(await org.locator("#facts-h").textContent()).toBe(target.replace(/ \(.*$/, ""));
    await check(org, "moved");

    // Send the offers (reply-by date suggested).
    await Promise.all([org.waitForURL(/\/admin\/editions\/\d+\/placement$/), org.getByRole("link", { name: "Back to the board" }).click()]);
    expect(await org.locator("section[aria-labelledby=people-h]").textContent()).toContain(who);
    await org.getByRole("button", { name: "Send offers" }).click();
    await expect.poll(() => org.getByRole("status").first().textContent()).toMatch(/Offers sent: \d+/);
    await check(org, "published");
    expect(await org.locator(".badge-proposed").count()).toBe(0);

    // The participant accepts her offer from "My applications".
    const pctx = await newContext(demo.browser);
    const me = await pctx.newPage();
    await demo.logIn(me, "sari.id@vlx.demo");
    await me.goto(`${demo.url}/me`);
    await check(me, "me");
    await Promise.all([
      me.waitForURL(/\/me\/placements\/\d+$/),
      me
        .locator(".alert-warn")
        .getByRole("link", { name: /View placement/ })
        .first()
        .click(),
    ]);
    await expect.poll(() => me.getByRole("heading", { level: 1 }).textContent()).toBe("Your exchange visit");
    expect(await me.textContent("body")).toContain("Please reply by");
    await check(me, "offer");
    await Promise.all([me.waitForURL(/\?done=accept$/), me.getByRole("button", { name: "Accept the offer" }).click()]);
    await expect.poll(() => me.getByRole("status").first().textContent()).toContain("you accepted the place");
    expect(await me.locator(".badge-accepted").count()).toBe(1);
    await check(me, "accepted");

    // Her host sees her coming (accepted).
    const placementId = Number(new URL(me.url()).pathname.split("/").pop());
    const visit = query<{ visit_id: number; status: string }>("select visit_id, status from placements where id = ?", placementId);
    expect(visit.status).toBe("accepted");
    // Her host is the coordinator of that visit's site, signed in as themselves (not the organizer,
    // who may open every visit): the host's own scope is what is exercised here.
    const host = query<{ email: string }>(
      `select u.email from exchange_visits v join host_site_coordinators c on c.host_site_id = v.host_site_id
       join users u on u.id = c.user_id where v.id = ? order by u.id limit 1`,
      visit.visit_id,
    );
    const hctx = await newContext(demo.browser);
    const hostPage = await hctx.newPage();
    await demo.logIn(hostPage, host.email);
    const res = await hostPage.goto(`${demo.url}/host/visits/${visit.visit_id}`);
    expect(res!.status()).toBe(200);
    const sari = hostPage.getByRole("region", { name: /^Participants of / }).locator("tbody tr", { hasText: "Sari" });
    await expect.poll(() => sari.count()).toBe(1);
    expect(await sari.locator(".badge-accepted").count()).toBe(1);
    await check(hostPage, "host-visit");

    await ctx.close();
    await pctx.close();
    await hctx.close();
  });

  it("works without JavaScript: the board runs the engine and shows the proposal", async () => {
    const ctx = await newContext(demo.browser, { javaScript: false });
    const org = await ctx.newPage();
    await demo.logIn(org, "organizer@vlx.demo");
    await org.goto(`${demo.url}/admin/editions/${editionId}/placement`);
    await org.getByRole("button", { name: "Run the engine" }).click();
    await org.waitForLoadState();
    expect(await org.locator("#proposal-h").textContent()).toContain("optimal mode");
    await check(org, "nojs-proposal");
    await ctx.close();
  });
});
