// An organizer on a 360 px phone in Chromium works the pilot programmes (issue 16): the overview
// of the six demo pilot villages (filter by status), a new pilot village (coordinates outside the
// country refused first, every typed value kept), a new project in it, status steps with a
// refused suspension without reason, a milestone, a budget line (a bad amount refused first) and
// an indicator value (an impossible percentage refused first).
// An alumnus proposes an item of their action plan; the organizer opens the edit pages.
// JavaScript off for the forms (they must work without it), on for a second look; axe on every page.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import Database from "better-sqlite3";
import { expectAccessible, newContext, screenshot, withDemoServer } from "../support/e2e";

const demo = withDemoServer();

const field = (page: Page, name: string) => page.locator(`[name="${name}"]`);
const errorOf = (page: Page, name: string) => page.locator(".field", { has: page.locator(`[name="${name}"]`) }).locator(".field-errors");

async function expectNoSideScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  if (overflow > 1) {
    const wide = await page.evaluate(() =>
      [...document.querySelectorAll("body *")]
        .filter((el) => el.getBoundingClientRect().right > document.documentElement.clientWidth + 1 && !el.parentElement?.closest(".table-wrap"))
        .slice(0, 5)
        .map((el) => `${el.tagName}.${el.className}: ${el.textContent?.slice(0, 40)}`),
    );
    expect(wide, page.url()).toEqual([]);
  }
  expect(overflow, page.url()).toBeLessThanOrEqual(1);
}

describe("organizer: pilot programmes on a phone", () => {
  it("overview, new village and project, status steps, milestone and budget (no JavaScript)", async () => {
    const context = await newContext(demo.browser, { javaScript: false });
    const page = await context.newPage();
    await demo.logIn(page, "organizer@vlx.demo");

    await page.goto(`${demo.url}/pilots`);
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Pilot programmes");
    expect(await page.getByRole("heading", { level: 2, name: /Ban Xiengda|Phum Svay At|Aye Chan Thar/ }).count()).toBe(3);
    expect(await page.locator("section.card h2").count()).toBeGreaterThanOrEqual(7); // six villages + action plans
    await expectAccessible(page, "pilot overview");
    await expectNoSideScroll(page);
    await screenshot(page, "pilots-01-overview");

    // Filter: the suspended road in Myanmar.
    await page.getByLabel("Status").selectOption("suspended");
    await page.getByRole("button", { name: "Filter" }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get("status")).toBe("suspended");
    await expect.poll(() => page.getByRole("link", { name: "Concrete village road and drainage" }).count()).toBe(1);
    expect(await page.getByRole("link", { name: "All-weather village road (2.1 km)" }).count()).toBe(0);

    // A new village: coordinates of Laos typed for Cambodia are refused, values kept.
    await page.goto(`${demo.url}/pilots/villages/new`);
    await expectAccessible(page, "new village");
    await field(page, "name").fill("ភូមិព្រៃក្រឡាញ់");
    await field(page, "nameLatin").fill("Phum Prey Kralanh");
    await field(page, "countryCode").selectOption("KH");
    await field(page, "province").fill("Kampong Speu");
    await field(page, "latitude").fill("19.45");
    await field(page, "longitude").fill("103.21");
    await field(page, "households").fill("88");
    await field(page, "population").fill("430");
    await page.locator('input[name="languages"][value="km"]').check();
    await page.getByRole("button", { name: "Create the village" }).click();
    await expect.poll(() => errorOf(page, "latitude").textContent()).toContain("outside the chosen country");
    expect(await field(page, "name").inputValue()).toBe("ភូមិព្រៃក្រឡាញ់");
    expect(await field(page, "households").inputValue()).toBe("88");
    await expectAccessible(page, "new village with errors");
    await screenshot(page, "pilots-02-village-error");
    await field(page, "latitude").fill("11.45");
    await field(page, "longitude").fill("104.52");
    await page.getByRole("button", { name: "Create the village" }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe("/pilots");
    await expect.poll(() => page.getByRole("heading", { level: 2, name: /Phum Prey Kralanh/ }).count()).toBe(1);

    // A new project in it.
    await page.getByRole("link", { name: /Add a project in this village.*Phum Prey Kralanh/ }).click();
    await expectAccessible(page, "new project");
    await field(page, "title").fill("Rice seed bank and SRI training");
    await field(page, "component").selectOption("skills_training");
    await field(page, "objectives").fill("Thirty farmers trained in the System of Rice Intensification; a seed bank run by the women's group.");
    await field(page, "startsOn").fill("2027-01-10");
    await field(page, "endsOn").fill("2027-12-20");
    await page.getByRole("button", { name: "Create the project" }).click();
    await expect.poll(() => new URL(page.url()).pathname).toMatch(/^\/pilots\/projects\/\d+$/);
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Rice seed bank and SRI training");
    expect(await page.locator(".badge").first().textContent()).toBe("Proposed");
    await expectAccessible(page, "project page");
    await expectNoSideScroll(page);

    // Status steps: approve, start, then a suspension without reason is refused.
    const step = async (to: string, reason = "") => {
      await field(page, "to").selectOption(to);
      await field(page, "reason").fill(reason);
      await page.getByRole("button", { name: "Change the status" }).click();
    };
    await step("approved");
    await expect.poll(() => page.locator(".badge").first().textContent()).toBe("Approved");
    await step("in_progress");
    await expect.poll(() => page.locator(".badge").first().textContent()).toBe("In progress");
    await step("suspended");
    await expect.poll(() => errorOf(page, "reason").textContent()).toContain("reason for suspending");
    await expectAccessible(page, "status error");
    await step("suspended", "The seed store roof leaks; repaired before the next season.");
    await expect.poll(() => page.locator(".badge").first().textContent()).toBe("Suspended");
    await expect.poll(() => page.locator(".timeline").textContent()).toContain("The seed store roof leaks");

    // A milestone and a budget line (riel are typed whole: decimals are refused).
    await field(page, "title").fill("Seed bank built");
    await field(page, "dueOn").fill("2027-04-30");
    // The plan is agreed (approved before): each change is a plan adjustment and says why.
    await page.locator("#milestone-why").fill("The seed store must be ready before planting.");
    await page.getByRole("button", { name: "Add a milestone" }).last().click();
    await expect.poll(() => page.getByRole("cell", { name: "Seed bank built", exact: true }).count()).toBe(1);
    await field(page, "period").fill("2027-02");
    await field(page, "item").fill("Seed store materials");
    await field(page, "planned").fill("8,200,000.50");
    await page.locator("#budget-why").fill("Materials quoted by the commune.");
    await page.getByRole("button", { name: "Add a budget line" }).last().click();
    await expect.poll(() => errorOf(page, "planned").textContent()).toBe("KHR amounts are whole, without decimals.");
    expect(await field(page, "item").inputValue()).toBe("Seed store materials");
    await field(page, "planned").fill("8,200,000");
    await page.getByRole("button", { name: "Add a budget line" }).last().click();
    await expect.poll(() => page.getByRole("cell", { name: "Seed store materials", exact: true }).count()).toBe(1);
    // Written in whole riel, as typed.
    expect(await page.getByRole("row", { name: /Seed store materials/ }).textContent()).toMatch(/8,200,000(?![.\d])/);
    // An indicator value from the shared library: a percentage above 100 is refused, then a baseline.
    const water = await page.locator('select[name="indicatorId"] option', { hasText: "ENV-CLEAN-WATER" }).getAttribute("value");
    await field(page, "indicatorId").selectOption(water!);
    await field(page, "stage").selectOption("baseline");
    await field(page, "measuredOn").fill("2026-11-01");
    await field(page, "value").fill("140");
    await page.getByRole("button", { name: "Save the value" }).click();
    await expect.poll(() => errorOf(page, "value").textContent()).toContain("between 0 and 100");
    await field(page, "value").fill("36");
    await page.getByRole("button", { name: "Save the value" }).click();
    await expect.poll(() => page.getByRole("table", { name: "Indicators" }).count()).toBe(1);
    await expectAccessible(page, "project with plan");
    await expectNoSideScroll(page);
    await screenshot(page, "pilots-03-project");
    await context.close();
  });

  it("the demo project pages with JavaScript: conversion with its rate and date, late milestones", async () => {
    const context = await newContext(demo.browser, { javaScript: true });
    const page = await context.newPage();
    await demo.logIn(page, "organizer@vlx.demo");
    await page.goto(`${demo.url}/pilots?country=LA`);
    await page.getByRole("link", { name: "Gravity-fed water supply for the upper hamlet" }).click();
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Gravity-fed water supply for the upper hamlet");
    await expect.poll(() => page.getByText(/per US dollar on/).count()).toBe(1);
    expect(await page.getByText("Late", { exact: true }).count()).toBeGreaterThanOrEqual(1);
    expect(await page.getByText(/the action plan of/).count()).toBe(1);
    expect(await page.getByRole("table", { name: "Indicators" }).getByRole("rowheader").count()).toBe(2);
    // Forms are checked on the server only (no validator in the browser): with JavaScript a refused
    // post shows the server's errors next to their fields, typed values kept (kip are whole).
    await field(page, "period").fill("2027-13");
    await field(page, "item").fill("Pipes and fittings");
    await field(page, "planned").fill("1,500.5");
    await page.getByRole("button", { name: "Add a budget line" }).last().click();
    await expect.poll(() => errorOf(page, "period").textContent()).not.toBe("");
    expect(await field(page, "item").inputValue()).toBe("Pipes and fittings");
    await field(page, "period").fill("2027-03");
    await page.getByRole("button", { name: "Add a budget line" }).last().click();
    await expect.poll(() => errorOf(page, "planned").textContent()).toBe("LAK amounts are whole, without decimals.");
    expect(await errorOf(page, "period").textContent()).toBe("");
    expect(await field(page, "planned").getAttribute("aria-invalid")).toBe("true");
    expect(await field(page, "item").inputValue()).toBe("Pipes and fittings");
    expect(await field(page, "planned").inputValue()).toBe("1,500.5");
    await expectAccessible(page, "demo project (JS)");
    await expectNoSideScroll(page);
    await screenshot(page, "pilots-04-demo-project");
    await context.close();
  });

  it("an alumnus proposes an item of their action plan; the organizer's edit pages (no JavaScript)", async () => {
    // A demo alumnus of the evaluated edition with a submitted action plan item not yet a pilot.
    const sqlite = new Database(demo.server.dbPath, { readonly: true });
    const alumnus = sqlite
      .prepare(
        `select u.email from action_plan_items i join survey_responses r on r.id = i.response_id and r.status = 'submitted'
         join applications a on a.id = i.application_id join users u on u.id = a.user_id
         where i.id not in (select action_plan_item_id from pilot_projects where action_plan_item_id is not null)
         and a.nationality in ('LA','KH','MM','VN','TH') order by i.id limit 1`,
      )
      .get() as { email: string };
    sqlite.close();
    const context = await newContext(demo.browser, { javaScript: false });
    const page = await context.newPage();
    await demo.logIn(page, alumnus.email);
    await page.goto(`${demo.url}/me/pilots`);
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("My action plans and pilots");
    await expectAccessible(page, "my action plans");
    await expectNoSideScroll(page);
    await page
      .getByRole("link", { name: /Propose as a pilot project/ })
      .first()
      .click();
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Propose a pilot project");
    await field(page, "objectives").fill("");
    await page.getByRole("button", { name: "Send the proposal" }).click();
    await expect.poll(() => errorOf(page, "objectives").textContent()).not.toBe("");
    await expectAccessible(page, "proposal with errors");
    await field(page, "objectives").fill("Twenty households share a water committee and a monthly tap check.");
    await field(page, "component").selectOption("public_service");
    if (!(await field(page, "villageName").inputValue())) await field(page, "villageName").fill("Home village");
    if (!(await field(page, "province").inputValue())) await field(page, "province").fill("Home province");
    await page.getByRole("button", { name: "Send the proposal" }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get("proposed")).toBe("1");
    await page.getByText("Pilot project:").first().locator("a").click();
    await expect.poll(() => new URL(page.url()).pathname).toMatch(/^\/pilots\/projects\/\d+$/);
    expect(await page.getByRole("button", { name: "Change the status" }).count()).toBe(0); // read only
    await expectAccessible(page, "proposer's project page");
    await screenshot(page, "pilots-05-proposal");
    await context.close();

    // The organizer's edit pages.
    const org = await newContext(demo.browser, { javaScript: false });
    const op = await org.newPage();
    await demo.logIn(op, "organizer@vlx.demo");
    await op.goto(`${demo.url}/pilots?country=KH`);
    await op
      .getByRole("link", { name: /^Edit\b.*Phum/ })
      .first()
      .click();
    await expect.poll(() => op.getByRole("heading", { level: 1 }).textContent()).toMatch(/^Edit pilot village/);
    await expectAccessible(op, "edit village");
    await expectNoSideScroll(op);
    await op.goto(`${demo.url}/pilots?country=KH`);
    await op.getByRole("link", { name: "Chicken vaccination and improved coops" }).click();
    await op.getByRole("link", { name: "Edit", exact: true }).click();
    await expect.poll(() => op.getByRole("heading", { level: 1 }).textContent()).toBe("Edit pilot project");
    await expectAccessible(op, "edit project");
    await expectNoSideScroll(op);
    await org.close();
  });
});
