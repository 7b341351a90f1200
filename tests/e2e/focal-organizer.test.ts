// A nomination end to end in Chromium at 360 px: the Vietnamese focal point nominates a leader
// who has no account; the leader opens the claim link from their mail (the organizer's outbox page
// shows the mail with the link masked),
// sets a password and submits; the focal point endorses; the organizer finds the application by a
// name typed without diacritics (with JavaScript off: the filters are a plain GET form) and
// accepts it, with the audit trail on the page. Every page visited passes axe.
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { expectAccessible, lastMailText, newContext, screenshot, withDemoServer } from "../support/e2e";

const NOMINEE = "lo.thi.xuyen@example.vn";

const demo = withDemoServer();

/** The page fits 360 px: nothing wider than the viewport (tables scroll inside .table-wrap). */
async function expectNoHorizontalScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `horizontal overflow on ${page.url()}`).toBeLessThanOrEqual(0);
}

async function check(page: Page, name: string) {
  if (process.env.E2E_TRACE) console.log(new Date().toISOString(), name);
  await expectAccessible(page, name);
  await expectNoHorizontalScroll(page);
  await screenshot(page, name);
}

describe("nominate → claim → submit → endorse → accept", () => {
  it("runs through the whole nomination with every page accessible at 360 px", async () => {
    const focalCtx = await newContext(demo.browser);
    const focal = await focalCtx.newPage();
    await demo.logIn(focal, "focal.vn@vlx.demo");

    // The focal point's home: the open edition, the quota, the country's applications.
    await focal.goto(`${demo.url}/focal`);
    await expect.poll(() => focal.locator(".quota").textContent()).toMatch(/Places taken: \d+ of \d+/);
    await check(focal, "focal-home");

    // Nominate a leader with no account.
    await focal.getByRole("link", { name: "Nominate a village leader" }).click();
    await focal.waitForURL(/\/focal\/nominate\?edition=\d+/);
    const editionId = Number(new URL(focal.url()).searchParams.get("edition"));
    await check(focal, "focal-nominate");
    const f = (name: string) => focal.locator(`[name="${name}"]`);
    await f("email").fill(NOMINEE);
    await f("givenName").fill("Thị Xuyến");
    await f("familyName").fill("Lò");
    await f("givenNameLatin").fill("Thi Xuyen");
    await f("familyNameLatin").fill("Lo");
    await f("gender").selectOption("female");
    await f("birthDate").fill("1979-09-02");
    await f("phone").fill("0912 345 678");
    await f("village").fill("Bản Lướt");
    await f("province").fill("Lai Châu");
    await f("position").fill("Trưởng bản");
    await f("positionKind").selectOption("village_head");
    await f("yearsInPosition").fill("7");
    await f("languages[0].code").selectOption("vi");
    await f("languages[0].level").selectOption("native");
    await focal.locator('input[name="themes"]').first().check();
    await f("preferredHostCountries[0]").selectOption("CN");
    await f("availableFrom").fill("2030-01-01");
    await f("availableTo").fill("2030-12-31");
    await f("emergencyContactName").fill("Lò Văn Páo");
    await f("emergencyContactRelation").fill("Chồng");
    await f("emergencyContactPhone").fill("0987 654 321");
    await f("motivation").fill("Học cách làm du lịch cộng đồng cho bản người Thái.");
    await focal.getByRole("button", { name: "Save the nomination and send the link" }).click();
    await focal.waitForURL(/\/focal\/applications\/\d+\?done=nominated$/);
    const appId = Number(/applications\/(\d+)/.exec(focal.url())![1]);
    await expect.poll(() => focal.getByRole("status").first().textContent()).toContain("Nomination saved");
    await check(focal, "focal-nominated");

    // The organizer sees the mail on the outbox page (JavaScript off), its claim link masked
    // (issue 13: an organizer must not be able to take the account over); the leader has the
    // live link in their own mail (read from the stored copy).
    const orgCtx = await newContext(demo.browser, { javaScript: false });
    const org = await orgCtx.newPage();
    await demo.logIn(org, "organizer@vlx.demo");
    if (process.env.E2E_TRACE) console.log("organizer logged in", org.url());
    await org.goto(`${demo.url}/admin/outbox`);
    const mail = org.locator("article.mail", { hasText: NOMINEE }).first();
    await expect.poll(() => mail.textContent()).toMatch(/\/claim\/•+/);
    expect(await mail.locator('a[href*="/claim/"]').count()).toBe(0);
    await check(org, "admin-outbox");
    const claimLink = /https?:\/\/\S+\/claim\/[\w-]+/.exec(lastMailText(demo.server, NOMINEE) ?? "")?.[0];
    expect(claimLink).toMatch(/\/claim\/[\w-]+$/);
    expect(await mail.textContent()).not.toContain(claimLink!.split("/claim/")[1]);

    // The leader claims the account, then checks and submits the application.
    const leaderCtx = await newContext(demo.browser);
    const leader = await leaderCtx.newPage();
    // ?lng=en: a language picked on the claim page becomes the account's (else Vietnamese, her country's).
    await leader.goto(`${claimLink!.replace(/^https?:\/\/[^/]+/, demo.url)}?lng=en`);
    await check(leader, "leader-claim");
    await leader.locator('input[name="password"]').fill("xuyen-secret-2030");
    await leader.locator('input[name="passwordConfirm"]').fill("xuyen-secret-2030");
    await leader.getByRole("button", { name: "Set password and continue" }).click();
    await leader.waitForURL((u) => !u.pathname.startsWith("/claim"));
    await leader.goto(`${demo.url}/apply/${editionId}`);
    await expect.poll(() => leader.locator('[name="givenName"]').inputValue()).toBe("Thị Xuyến");
    await check(leader, "leader-apply");
    await leader.getByRole("button", { name: "Submit application" }).click();
    await leader.waitForURL(/\/me\/applications\/\d+/);

    // The focal point endorses.
    await focal.goto(`${demo.url}/focal/applications/${appId}`);
    await expect.poll(() => focal.locator(".badge").first().textContent()).toBe("Submitted");
    await check(focal, "focal-application");
    await focal.getByRole("button", { name: "Endorse" }).click();
    await focal.waitForURL(/\?done=endorse$/);
    await expect.poll(() => focal.locator(".badge").first().textContent()).toBe("Endorsed");

    // The organizer searches without diacritics and accepts.
    await org.goto(`${demo.url}/admin/applications`);
    await check(org, "admin-applications");
    await org.locator("#f-q").fill("lo thi xuyen");
    await org.getByRole("button", { name: "Filter" }).click();
    await org.waitForURL(/q=lo\+thi\+xuyen/);
    const rows = org.locator("tbody tr");
    await expect.poll(() => rows.count()).toBe(1);
    await expect.poll(() => rows.first().textContent()).toContain("Lò Thị Xuyến");
    await check(org, "admin-applications-search");
    await rows.first().getByRole("link").click();
    await org.waitForURL(new RegExp(`/admin/applications/${appId}$`));
    await check(org, "admin-application");
    await org.getByRole("button", { name: "Accept" }).click();
    await org.waitForURL(/\?done=accept$/);
    const trail = org.locator(".timeline");
    await expect.poll(() => trail.textContent()).toContain("Accepted");
    const text = (await trail.textContent()) ?? "";
    for (const step of ["Nominated", "Submitted", "Endorsed", "Accepted"]) expect(text).toContain(step);
    expect(text).toContain("Phạm Quốc Tuấn"); // who endorsed
    expect(text).toContain("Wang Lin (IPRCC)"); // who accepted
    await check(org, "admin-application-accepted");

    // The organizer's other pages.
    for (const [path, name] of [
      ["/admin", "admin-home"],
      ["/admin/editions", "admin-editions"],
      ["/admin/editions/new", "admin-edition-new"],
      [`/admin/editions/${editionId}`, "admin-edition-edit"],
      ["/admin/invitations", "admin-invitations"],
    ] as const) {
      await org.goto(`${demo.url}${path}`);
      await check(org, name);
    }

    // Scope in the browser: the Thai focal point cannot open this Vietnamese application.
    const thCtx = await newContext(demo.browser);
    const th = await thCtx.newPage();
    await demo.logIn(th, "focal.th@vlx.demo");
    const res = await th.goto(`${demo.url}/focal/applications/${appId}`);
    expect(res?.status()).toBe(404);
    const admin = await th.goto(`${demo.url}/admin/applications`);
    expect(admin?.status()).toBe(404);

    await Promise.all([focalCtx.close(), orgCtx.close(), leaderCtx.close(), thCtx.close()]);
  });
});
