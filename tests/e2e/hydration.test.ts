// With JavaScript on, organizer pages hydrate without a script error and without React redrawing
// what the server sent (a mismatch logs React errors #418/#423/#425). Found by a new user: the
// outbox crashed in the browser (its filter list came from a .server module, empty there), and
// template hints lost their {{variables}} after hydration.
import { describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../db/seed";
import { logInAs, newContext, waitForHydration, withDemoServer } from "../support/e2e";

const demo = withDemoServer();

const ORGANIZER_PAGES = [
  "/admin/dashboard",
  "/admin/audit",
  "/admin/applications",
  "/pilots",
  "/admin/editions/1/visa-letters",
  "/admin/editions/1/trainings",
  "/admin/evaluation",
  "/admin/outbox",
  "/admin/announcements",
  "/admin/messages/invite/en",
  "/admin/sites/1",
];

describe("hydration", () => {
  it("organizer pages hydrate with no script error and keep the server's text", async () => {
    const ctx = await newContext(demo.browser, { javaScript: true });
    const page = await ctx.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(`${page.url()}: ${e.message}`));
    page.on("console", (m) => {
      if (m.type() === "error" && /Minified React error|hydrat/i.test(m.text())) errors.push(`${page.url()}: ${m.text()}`);
    });
    await logInAs(page, demo.url, "organizer@vlx.demo", DEMO_PASSWORD);
    for (const path of ORGANIZER_PAGES) {
      await page.goto(`${demo.url}${path}`);
      await waitForHydration(page);
      await expect.poll(() => page.locator("h1").count(), { message: path }).toBeGreaterThan(0);
      // No translation left with an unfilled {{variable}} (the dashboard's "Milestones late: {{n}}").
      if (!path.includes("announcements") && !path.includes("messages")) expect(await page.locator("main").textContent(), path).not.toContain("{{");
    }
    expect(errors).toEqual([]);
    // The hints still show the variables as written.
    await page.goto(`${demo.url}/admin/announcements`);
    await waitForHydration(page);
    expect(await page.locator("main").textContent()).toContain("{{name}}");
    await page.goto(`${demo.url}/admin/messages/invite/en`);
    await waitForHydration(page);
    expect(await page.locator("main").textContent()).toContain("{{#reason}}");
    await ctx.close();
  });
});
