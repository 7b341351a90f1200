// Photos on a pilot monitoring visit in Chromium (issue 16 item 3). The local lead of a demo
// project records a visit on a 360 px phone without JavaScript (a multipart form): a file that is
// not a photo is refused next to its field with the typed text kept, then the report with a real
// photo and its caption is saved, and the photo shows on the project page under the visit (loaded
// through the in-scope photo route) with the caption as its alt text. axe and the 360 px fit on
// every page.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import Database from "better-sqlite3";
import { demoScenePng } from "../../db/seed/visit-photos";
import { expectPageFits, newContext, withDemoServer } from "../support/e2e";

const demo = withDemoServer();

const field = (page: Page, name: string) => page.locator(`[name="${name}"]`);
const errorOf = (page: Page, name: string) => page.locator(".field", { has: page.locator(`[name="${name}"]`) }).locator(".field-errors");

describe("monitoring visit photos", () => {
  it("the local lead adds a visit with a photo without JavaScript at 360 px; it shows on the project page", async () => {
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
    await page.goto(`${demo.url}/pilots/projects/${lead.id}/visits/new`);
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("New monitoring visit");
    expect(await page.getByRole("group", { name: "Photos" }).count()).toBe(1);
    await expectPageFits(page, "pilot-visit-photos-01-form");

    const findings = "Tap stands tested; the tank is full after the rains.";
    await field(page, "visitors").fill("Local lead with the water committee");
    await field(page, "findings").fill(findings);
    await field(page, "photos[0].caption").fill("The full tank after the rains");
    // A text file named like a photo: refused by its content.
    await field(page, "photos[0].file").setInputFiles({ name: "tank.jpg", mimeType: "image/jpeg", buffer: Buffer.from("not a photo at all") });
    await page.getByRole("button", { name: "Save the report" }).click();
    await expect.poll(() => errorOf(page, "photos[0].file").textContent()).toBe("This file is not a JPEG, PNG or WebP photo.");
    expect(await field(page, "findings").inputValue()).toBe(findings);
    expect(await field(page, "photos[0].caption").inputValue()).toBe("The full tank after the rains");
    await expectPageFits(page, "pilot-visit-photos-02-refused");

    await field(page, "photos[0].file").setInputFiles({ name: "tank.png", mimeType: "image/png", buffer: demoScenePng("tank") });
    await page.getByRole("button", { name: "Save the report" }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get("saved")).toBe("visit");
    await expect.poll(() => page.getByText(findings).count()).toBe(1);
    const photo = page.getByRole("img", { name: "The full tank after the rains" });
    await expect.poll(() => photo.count()).toBe(1);
    // The image really loaded through the photo route (a 404 would leave it broken, width 0).
    await expect.poll(() => photo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(240);
    expect(await photo.getAttribute("src")).toMatch(new RegExp(`^/pilots/projects/${lead.id}/photos/\\d+$`));
    expect(await page.getByRole("button", { name: "Remove photo: The full tank after the rains" }).count()).toBe(1);
    await expectPageFits(page, "pilot-visit-photos-03-project-page");
    await context.close();
  });

  it("with JavaScript, an organizer adds a photo to a demo visit from its edit page", async () => {
    const sqlite = new Database(demo.server.dbPath, { readonly: true });
    const visit = sqlite
      .prepare(
        `select v.id, v.project_id as projectId from pilot_monitoring_visits v join pilot_projects p on p.id = v.project_id
         where p.title = 'Chicken vaccination and improved coops' order by v.id limit 1`,
      )
      .get() as { id: number; projectId: number };
    sqlite.close();
    const context = await newContext(demo.browser, { javaScript: true });
    const page = await context.newPage();
    await demo.logIn(page, "organizer@vlx.demo", { lng: "en" });
    await page.goto(`${demo.url}/pilots/projects/${visit.projectId}/visits/${visit.id}/edit`);
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Edit the monitoring visit");
    await field(page, "photos[0].file").setInputFiles({ name: "vaccines.png", mimeType: "image/png", buffer: demoScenePng("coop") });
    await field(page, "photos[0].caption").fill("Vaccine cool box at the coop");
    await page.getByRole("button", { name: "Save" }).click();
    await page.waitForURL((u) => u.searchParams.get("saved") === "visit");
    const photo = page.getByRole("img", { name: "Vaccine cool box at the coop" });
    await expect.poll(() => photo.count()).toBe(1);
    await expect.poll(() => photo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(240);
    await context.close();
  });
});
