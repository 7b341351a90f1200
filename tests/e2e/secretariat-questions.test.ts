// Custom application questions in Chromium (issue 15, item 1), all without JavaScript on a 360 px
// phone: the organizer adds a choice question (a refused one first) and a required yes/no, a new
// leader answers them in a draft and finds the answers again, a submit without the required one
// is refused with the error under it, and the organizer's review page shows the answers. Axe on
// every page.
import Database from "better-sqlite3";
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { todayIn } from "~/domain/dates";
import { expectAccessible, logInAs, newContext, screenshot, withDemoServer } from "../support/e2e";

const demo = withDemoServer();
let editionId: number;

/** An edition whose application window is open today (the demo has one). */
function openEdition(dbPath: string): number {
  const sqlite = new Database(dbPath, { readonly: true });
  try {
    const rows = sqlite.prepare("select id, time_zone as tz, applications_open_on as open, applications_close_on as close from editions order by id").all() as {
      id: number;
      tz: string;
      open: string;
      close: string;
    }[];
    return rows.find((r) => r.open <= todayIn(r.tz) && todayIn(r.tz) <= r.close)!.id;
  } finally {
    sqlite.close();
  }
}

beforeAll(() => {
  editionId = openEdition(demo.server.dbPath);
});

const field = (page: Page, name: string) => page.locator(`[name="${name}"]`);

describe("custom application questions (no JavaScript, 360 px)", () => {
  it("organizer adds them, a leader answers them, the review page shows the answers", async () => {
    const orgCtx = await newContext(demo.browser, { width: 360, javaScript: false });
    const org = await orgCtx.newPage();
    await logInAs(org, demo.url, "organizer@vlx.demo", "vlx-demo-2026");
    await org.goto(`${demo.url}/admin/editions/${editionId}`);
    await org.getByRole("link", { name: "Application questions" }).click();
    await org.waitForURL((u) => u.pathname.endsWith("/questions"));
    const before = await org.locator(".question-list > li").count(); // the demo's own questions
    await expectAccessible(org, "questions page");

    // A choice question with one choice is refused; what was typed stays.
    await field(org, "kind").selectOption("single_choice");
    await field(org, "label").fill("How will you travel to the host country?");
    await field(org, "options").fill("Bus");
    await org.getByRole("button", { name: "Add the question" }).click();
    await expect
      .poll(() =>
        org
          .locator(".field", { has: org.locator('[name="options"]') })
          .locator(".field-errors")
          .textContent(),
      )
      .toContain("at least two choices");
    expect(await field(org, "label").inputValue()).toBe("How will you travel to the host country?");
    await expectAccessible(org, "questions page (refused)");

    await field(org, "options").fill("Bus\nPlane\nBoat");
    await org.locator("summary", { hasText: "Translations of Question" }).click();
    await field(org, "tr.label.th").fill("คุณจะเดินทางไปประเทศเจ้าภาพอย่างไร");
    await org.getByRole("button", { name: "Add the question" }).click();
    await expect.poll(() => org.locator(".alert-ok").textContent()).toContain("The question has been added.");

    await field(org, "kind").selectOption("yes_no");
    await field(org, "label").fill("Do you need a visa?");
    await org.check('input[name="required"]');
    await org.getByRole("button", { name: "Add the question" }).click();
    await expect.poll(() => org.locator(".question-list > li").count()).toBe(before + 2);
    await expectAccessible(org, "questions page (two questions)");
    await screenshot(org, "secretariat-questions-360");

    // A new leader answers them with the rest of the form.
    const leadCtx = await newContext(demo.browser, { width: 360, javaScript: false });
    const lead = await leadCtx.newPage();
    await lead.goto(`${demo.url}/signup`);
    await field(lead, "displayName").fill("Ni Ni");
    await field(lead, "email").fill(`ni.ni.${Date.now()}@example.org`);
    await field(lead, "password").fill("a long enough password");
    await field(lead, "passwordConfirm").fill("a long enough password");
    await lead.getByRole("button", { name: "Create account" }).click();
    await lead.waitForURL((u) => u.pathname === "/me");
    await lead.goto(`${demo.url}/apply/${editionId}`);
    await lead
      .getByRole("group", { name: /How will you travel to the host country/ })
      .getByLabel("Plane")
      .check();
    await field(lead, "givenName").fill("နီနီ");
    await lead.getByRole("button", { name: "Save draft" }).click();
    await lead.waitForURL((u) => u.searchParams.get("saved") === "1");
    expect(
      await lead
        .getByRole("group", { name: /How will you travel to the host country/ })
        .getByLabel("Plane")
        .isChecked(),
    ).toBe(true);
    await expectAccessible(lead, "application form with questions (draft saved)");
    // Submitting without the required yes/no: refused, the error under it, the choice kept.
    await lead.getByRole("button", { name: "Submit application" }).click();
    await expect
      .poll(() =>
        lead
          .getByRole("group", { name: /Do you need a visa/ })
          .locator(".field-errors")
          .textContent(),
      )
      .toContain("This field is required.");
    expect(
      await lead
        .getByRole("group", { name: /How will you travel to the host country/ })
        .getByLabel("Plane")
        .isChecked(),
    ).toBe(true);
    await expectAccessible(lead, "application form with questions (refused submit)");
    await screenshot(lead, "secretariat-questions-apply-360");
    await lead
      .getByRole("group", { name: /Do you need a visa/ })
      .getByLabel("Yes")
      .check();
    await lead.getByRole("button", { name: "Save draft" }).click();
    await lead.waitForURL((u) => u.searchParams.get("saved") === "1");

    // The organizer's review page shows them.
    const appId = (() => {
      const sqlite = new Database(demo.server.dbPath, { readonly: true });
      try {
        return (sqlite.prepare("select id from applications where given_name = 'နီနီ'").get() as { id: number }).id;
      } finally {
        sqlite.close();
      }
    })();
    await org.goto(`${demo.url}/admin/applications/${appId}`);
    const answers = org.locator(".custom-answers");
    await expect.poll(() => answers.textContent()).toContain("How will you travel to the host country?Plane");
    expect(await answers.textContent()).toContain("Do you need a visa?Yes");
    await expectAccessible(org, "review page with answers");
    await orgCtx.close();
    await leadCtx.close();
  });
});
