// Pilot monitoring in Chromium (issue 16 item 3). The local lead of a demo project (an alumnus)
// records a monitoring visit on a 360 px phone without JavaScript: a date in the future is
// refused first with every typed value kept, then the report with an agreed action is listed on
// the project page, and an agreed action is ticked done. An organizer adjusts the plan of a demo
// project: without a reason the change is refused, with one it appears in the plan adjustments
// timeline with the visit it rests on. axe and the 360 px fit on every page.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import Database from "better-sqlite3";
import { expectPageFits, newContext, withDemoServer } from "../support/e2e";

const demo = withDemoServer();

const field = (page: Page, name: string) => page.locator(`[name="${name}"]`);
const errorOf = (page: Page, name: string) => page.locator(".field", { has: page.locator(`[name="${name}"]`) }).locator(".field-errors");

describe("pilot monitoring", () => {
  it("the local lead records a monitoring visit without JavaScript at 360 px", async () => {
    const sqlite = new Database(demo.server.dbPath, { readonly: true });
    const lead = sqlite
      .prepare(
        `select u.email, p.id from pilot_projects p join users u on u.id = p.local_lead_user_id
         where p.title = 'Gravity-fed water supply for the upper hamlet'`,
      )
      .get() as { email: string; id: number };
    sqlite.close();
    const context = await newContext(demo.browser, { javaScript: false });
    const page = await context.newPage();
    await demo.logIn(page, lead.email, { lng: "en" });
    await page.goto(`${demo.url}/pilots/projects/${lead.id}`);
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Gravity-fed water supply for the upper hamlet");
    expect(await page.getByRole("heading", { level: 2, name: "Monitoring visits" }).count()).toBe(1);
    await page.getByRole("link", { name: "Record a monitoring visit" }).click();
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("New monitoring visit");
    await expectPageFits(page, "pilot-monitoring-01-new-visit");

    await field(page, "visitedOn").fill("2099-01-01");
    await field(page, "visitors").fill("Local lead and two water committee members");
    await field(page, "findings").fill("All six tap stands have water; the tank overflow pipe leaks.");
    await field(page, "actions[0].action").fill("Replace the overflow pipe seal");
    await field(page, "actions[0].owner").fill("Water committee chair");
    await field(page, "actions[0].dueOn").fill("2099-02-01");
    await page.getByRole("button", { name: "Save the report" }).click();
    await expect.poll(() => errorOf(page, "visitedOn").textContent()).toBe("This date is in the future.");
    expect(await field(page, "findings").inputValue()).toBe("All six tap stands have water; the tank overflow pipe leaks.");
    expect(await field(page, "actions[0].owner").inputValue()).toBe("Water committee chair");
    await expectPageFits(page, "pilot-monitoring-02-visit-refused");

    const today = await field(page, "visitedOn").getAttribute("max");
    await field(page, "visitedOn").fill(today!);
    await page.getByRole("button", { name: "Save the report" }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get("saved")).toBe("visit");
    await expect.poll(() => page.getByText("All six tap stands have water; the tank overflow pipe leaks.").count()).toBe(1);
    // Newest first: the new report heads the list.
    const first = page.locator("#visits-h + p + ol > li").first();
    expect(await first.textContent()).toContain("Replace the overflow pipe seal");
    await first.getByRole("button", { name: "Mark done: Replace the overflow pipe seal" }).click();
    await expect.poll(() => page.getByRole("button", { name: "Reopen: Replace the overflow pipe seal" }).count()).toBe(1);
    // The lead does not get the organizer's plan forms.
    expect(await page.getByRole("link", { name: "Adjust the plan" }).count()).toBe(0);
    await expectPageFits(page, "pilot-monitoring-03-project-visits");
    await context.close();
  });

  it("an organizer adjusts the plan with a reason and sees the timeline (no JavaScript)", async () => {
    const context = await newContext(demo.browser, { javaScript: false });
    const page = await context.newPage();
    await demo.logIn(page, "organizer@vlx.demo", { lng: "en" });
    await page.goto(`${demo.url}/pilots?country=KH`);
    await page.getByRole("link", { name: "Chicken vaccination and improved coops" }).click();
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Chicken vaccination and improved coops");
    await page.getByRole("link", { name: "Adjust the plan" }).click();
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Adjust the plan");
    await expectPageFits(page, "pilot-monitoring-04-plan");

    const due = field(page, "milestones[2].dueOn");
    const old = await due.inputValue();
    const [y, m, d] = old.split("-").map(Number);
    const later = new Date(Date.UTC(y, m - 1, d + 21)).toISOString().slice(0, 10);
    await due.fill(later);
    await page.getByRole("button", { name: "Record the adjustment" }).click();
    await expect.poll(() => errorOf(page, "why").textContent()).toBe("Say why the plan changes: the plan is agreed.");
    expect(await due.inputValue()).toBe(later);
    await expectPageFits(page, "pilot-monitoring-05-plan-refused");

    await field(page, "why").fill("Six households were away for the harvest: the second round waits three weeks.");
    await field(page, "evidenceVisitId").selectOption({ index: 1 });
    await page.getByRole("button", { name: "Record the adjustment" }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get("saved")).toBe("plan");
    const timeline = page.locator("#adj-h ~ ol.timeline");
    await expect.poll(() => timeline.textContent()).toContain("Six households were away for the harvest");
    expect(await timeline.textContent()).toContain("Milestone moved: Second vaccination round");
    expect(await timeline.getByRole("link", { name: /Monitoring visit of/ }).count()).toBe(1);
    await expectPageFits(page, "pilot-monitoring-06-timeline");
    await context.close();
  });
});
