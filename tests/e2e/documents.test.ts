// Documents (issue 15 item 2) in Chromium on a 360 px phone, JavaScript off: the demo participant
// uploads a passport scan and sees it listed; a Windows program renamed .pdf is refused with a
// clear message next to its field and nothing is listed; the organizer sees the document on the
// application page, opens it (served as a PDF with nosniff), and sees who lacks documents on the
// edition's page. The participant's export names the document. axe and no sideways scroll on each page.
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../db/seed";
import { demoPdf } from "../../db/seed/documents";
import { expectPageFits, logInAs, newContext, withDemoServer } from "../support/e2e";

const demo = withDemoServer();

const PARTICIPANT = "sari.id@vlx.demo";
const EXE = Buffer.concat([Buffer.from("4d5a90000300000004000000ffff0000b8000000", "hex"), Buffer.alloc(300, 0)]);

function applicationOf(email: string): { id: number; editionId: number } {
  const sqlite = new Database(demo.server.dbPath, { readonly: true, fileMustExist: true });
  try {
    return sqlite
      .prepare("select a.id, a.edition_id as editionId from applications a join users u on u.id = a.user_id where u.email = ? and a.status = 'accepted'")
      .get(email) as { id: number; editionId: number };
  } finally {
    sqlite.close();
  }
}

describe("documents", () => {
  it("a participant uploads without JavaScript at 360 px; a renamed program is refused; the organizer sees and opens it", async () => {
    const context = await newContext(demo.browser, { javaScript: false });
    const page = await context.newPage();
    await logInAs(page, demo.url, PARTICIPANT, DEMO_PASSWORD);
    await page.goto(`${demo.url}/me`);
    await page.getByRole("link", { name: "My documents" }).click();
    await page.waitForURL((u) => u.pathname === "/me/documents");
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("My documents");
    const app = applicationOf(PARTICIPANT);
    const passport = page.locator(`#doc-${app.id}-passport_scan`);
    await expect.poll(() => passport.getByRole("heading", { level: 3 }).textContent()).toContain("Passport scan");
    await expectPageFits(page, "documents-01-mine");

    // A Windows program named passport.pdf: refused by its content, message next to the field.
    await passport.getByLabel(/Choose a/).setInputFiles({ name: "passport.pdf", mimeType: "application/pdf", buffer: EXE });
    await passport.getByRole("button", { name: /Upload|Replace/ }).click();
    await expect.poll(() => passport.locator(".field-errors").textContent()).toContain("not of an accepted type");
    await expectPageFits(page, "documents-02-refused");

    const pdf = demoPdf(["Passport", "Sari Wulandari"]);
    await passport.getByLabel(/Choose a/).setInputFiles({ name: "paspor-sari.pdf", mimeType: "application/pdf", buffer: pdf });
    await passport.getByRole("button", { name: /Upload|Replace/ }).click();
    await page.waitForURL((u) => u.searchParams.get("done") !== null);
    await expect.poll(() => page.getByRole("status").textContent()).toMatch(/uploaded|replaced/);
    await expect.poll(() => passport.getByRole("link", { name: "paspor-sari.pdf" }).count()).toBe(1);
    await expectPageFits(page, "documents-03-uploaded");
    await context.close();

    // The organizer: the application page lists it, the link serves the PDF, the gaps page lists people.
    const org = await newContext(demo.browser, { javaScript: false });
    const opage = await org.newPage();
    await logInAs(opage, demo.url, "organizer@vlx.demo", DEMO_PASSWORD);
    await opage.goto(`${demo.url}/admin/applications/${app.id}`);
    const docs = opage.locator("section", { has: opage.getByRole("heading", { level: 2, name: "Documents" }) });
    await expect.poll(() => docs.getByRole("link", { name: "paspor-sari.pdf" }).count()).toBe(1);
    await expectPageFits(opage, "documents-04-organizer-application");
    const href = await docs.getByRole("link", { name: "paspor-sari.pdf" }).getAttribute("href");
    const file = await opage.request.get(`${demo.url}${href}`);
    expect(file.status()).toBe(200);
    expect(file.headers()["content-type"]).toBe("application/pdf");
    expect(file.headers()["x-content-type-options"]).toBe("nosniff");
    expect(Buffer.from(await file.body()).equals(pdf)).toBe(true);

    await opage.goto(`${demo.url}/admin/editions/${app.editionId}`);
    await opage.getByRole("link", { name: "Missing documents" }).click();
    await opage.waitForURL((u) => u.pathname.endsWith("/documents"));
    await expect.poll(() => opage.getByRole("heading", { level: 1 }).textContent()).toBe("Missing documents");
    expect(await opage.locator("tbody tr").count()).toBeGreaterThan(0);
    await expectPageFits(opage, "documents-05-gaps");
    await org.close();
  });
});
