// Issue 15, item 6, in Chromium at 360 px with JavaScript off: the organizer sorts the review list
// by a column header (a plain link: the order is in the query string), ticks an endorsed and a
// submitted application, waitlists both in one go, and reads row by row that the first changed and
// the second was refused because it awaits the focal point's endorsement; an empty decision is refused
// next to the field; a reject without a reason answers 400 and changes nothing.
// Every page passes axe.
import { describe, expect, it } from "vitest";
import { expectPageFits, logInAs, newContext, withDemoServer } from "../support/e2e";
import { DEMO_PASSWORD } from "../../db/seed";

const demo = withDemoServer();

describe("review at scale", () => {
  it("sorts by a column and decides on ticked rows, listing each refusal, without JavaScript", async () => {
    const ctx = await newContext(demo.browser, { javaScript: false });
    const org = await ctx.newPage();
    await logInAs(org, demo.url, "organizer@vlx.demo", DEMO_PASSWORD);
    await org.goto(`${demo.url}/admin/applications`);

    // Sort by status (life-cycle order) from the column header, then the other way.
    await org.getByRole("link", { name: "Status", exact: true }).click();
    await org.waitForURL(/sort=status&dir=asc/);
    const statusHeader = org.locator("th", { has: org.getByRole("link", { name: /^Status/ }) });
    expect(await statusHeader.getAttribute("aria-sort")).toBe("ascending");
    const firstBadge = org.locator("tbody tr .badge").first();
    expect(await firstBadge.textContent()).toBe("Draft");
    await expectPageFits(org, "review-sorted");
    await org.getByRole("link", { name: /^Status/ }).click();
    await org.waitForURL(/sort=status&dir=desc/);
    expect(await statusHeader.getAttribute("aria-sort")).toBe("descending");
    expect(await org.locator("tbody tr .badge").first().textContent()).toBe("Withdrawn");
    await org.getByRole("link", { name: /^Status/ }).click();
    await org.waitForURL(/sort=status&dir=asc/);
    // Filtering keeps the order.
    await org.getByLabel("Country").selectOption({ label: "All" });
    await org.getByRole("button", { name: "Filter" }).click();
    await org.waitForURL(/country=&.*sort=status&dir=asc|sort=status&dir=asc.*country=/);

    // Tick one endorsed and one submitted application.
    const endorsed = org.locator("tbody tr", { has: org.locator(".badge-endorsed") }).first();
    const submitted = org.locator("tbody tr", { has: org.locator(".badge-submitted") }).first();
    const endorsedName = (await endorsed.getByRole("link").textContent())!.trim();
    const submittedName = (await submitted.getByRole("link").textContent())!.trim();
    await endorsed.getByRole("checkbox").check();
    await submitted.getByRole("checkbox").check();

    // No decision chosen: 400, the decision field says so.
    const [none] = await Promise.all([
      org.waitForResponse((r) => r.request().method() === "POST" && r.url().includes("/admin/applications")),
      org.getByRole("button", { name: "Apply to the selected applications" }).click(),
    ]);
    expect(none.status()).toBe(400);
    await expect.poll(() => org.locator("#bulk-intent-error").textContent()).toBe("Choose a decision.");

    // Reject without a reason: 400, the reason field says why, nothing changed.
    await org.getByLabel("Decision").selectOption("reject");
    const [bad] = await Promise.all([
      org.waitForResponse((r) => r.request().method() === "POST" && r.url().includes("/admin/applications")),
      org.getByRole("button", { name: "Apply to the selected applications" }).click(),
    ]);
    expect(bad.status()).toBe(400);
    await expect.poll(() => org.locator("#bulk-reason-error").textContent()).toContain("Give a reason.");
    expect(
      await org
        .locator("tbody tr", { has: org.getByRole("link", { name: endorsedName }) })
        .first()
        .locator(".badge")
        .textContent(),
    ).toBe("Endorsed");
    expect(
      await org
        .locator("tbody tr", { has: org.getByRole("link", { name: endorsedName }) })
        .first()
        .getByRole("checkbox")
        .isChecked(),
    ).toBe(true);
    await expectPageFits(org, "review-bulk-no-reason");

    // Waitlist both: the endorsed one changes, the submitted one is refused for its state.
    await org.getByLabel("Decision").selectOption("waitlist");
    await org.getByRole("button", { name: "Apply to the selected applications" }).click();
    const results = org.getByRole("status").filter({ hasText: "What happened" });
    await expect.poll(() => results.textContent()).toContain("Changed: 1. Not changed: 1.");
    const text = (await results.textContent()) ?? "";
    expect(text).toContain(`${endorsedName} (#`);
    expect(text).toMatch(/now Waitlisted\./);
    expect(text).toContain(`${submittedName} (#`);
    expect(text).toContain("not changed. It awaits the focal point's endorsement");
    expect(new URL(org.url()).searchParams.get("sort")).toBe("status"); // the list keeps its order
    await expectPageFits(org, "review-bulk-results");
    await ctx.close();
  });
});
