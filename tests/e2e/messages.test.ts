// Issue 15, item 5, in Chromium at 360 px with JavaScript off, against a real SMTP server
// (smtp-server): the organizer edits the Vietnamese status e-mail and previews it with sample
// values, sends an announcement to the online forum's participants (count and preview first), and
// sees the outbox's delivery states: sent, and the demo's refused message resent. Every page
// passes axe and fits the phone.
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectPageFits, launchBrowser, logInAs, newContext, startServer, type TestServer } from "../support/e2e";
import { DEMO_PASSWORD } from "../../db/seed";

let server: TestServer;
let browser: Browser;
let smtp: SMTPServer;
const received: string[] = [];

beforeAll(async () => {
  smtp = new SMTPServer({
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, cb) {
      stream.on("data", () => undefined);
      stream.on("end", () => {
        received.push(...session.envelope.rcptTo.map((r) => r.address));
        cb();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
  server = await startServer({ SMTP_URL: `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}` });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

describe("messages", () => {
  it("edits a template with a preview, sends an announcement, and shows delivery states", async () => {
    const ctx = await newContext(browser, { javaScript: false });
    const page = await ctx.newPage();
    await logInAs(page, server.url, "organizer@vlx.demo", DEMO_PASSWORD);

    // Templates: the list, then the Vietnamese placement offer.
    await page.goto(`${server.url}/admin`);
    await page.getByRole("navigation", { name: "Organizer pages" }).getByRole("link", { name: "Messages" }).click();
    await page.waitForURL(/\/admin\/messages$/);
    await expectPageFits(page, "messages-templates");
    await page.getByRole("link", { name: "Placement offer" }).click();
    await page.waitForURL(/\/admin\/messages\/offer\/en$/);
    await page.getByRole("navigation", { name: "Language of the template" }).getByRole("link", { name: "Tiếng Việt" }).click();
    await page.waitForURL(/\/admin\/messages\/offer\/vi$/);
    await page.locator("input[name=subject]").fill("Lời mời tham gia chuyến {{visit}}");
    await page.locator("textarea[name=body]").fill("Kính gửi {{name}},\n\nXin trả lời trước {{replyBy}}: {{link}}");
    await page.getByRole("button", { name: "Preview" }).click();
    await expect.poll(() => page.locator(".mail-preview").first().textContent()).toContain("Kính gửi Nguyễn Thị Ánh");
    await expectPageFits(page, "messages-template-preview");
    // An unknown variable is refused next to the field, the typed text kept.
    await page.locator("textarea[name=body]").fill("Kính gửi {{ten}}");
    await page.getByRole("button", { name: "Save" }).click();
    await expect.poll(() => page.locator(".field-errors").allTextContents()).toContainEqual(expect.stringContaining("Unknown variable: ten"));
    expect(await page.locator("textarea[name=body]").inputValue()).toBe("Kính gửi {{ten}}");
    await page.locator("textarea[name=body]").fill("Kính gửi {{name}},\n\nXin trả lời trước {{replyBy}}: {{link}}");
    await page.getByRole("button", { name: "Save" }).click();
    await page.waitForURL(/done=saved/);
    await expect.poll(() => page.getByRole("status").textContent()).toContain("Template saved.");

    // Announcement to the online forum's participants.
    await page.goto(`${server.url}/admin/announcements`);
    await page.getByLabel("Edition").selectOption({ label: "10th Village Leaders Exchange — Online Forum" });
    await page.getByLabel("Who").selectOption("edition");
    await page.locator("input[name=subject]").fill("Follow-up survey next week");
    await page.locator("textarea[name=body]").fill("Dear {{name}}, the follow-up survey of {{edition}} opens next week.");
    await page.getByRole("button", { name: "Preview" }).click();
    const send = page.getByRole("button", { name: /^Send to \d+ people$/ });
    await expect.poll(() => send.count()).toBe(1);
    const count = Number(/\d+/.exec((await send.textContent()) ?? "")![0]);
    expect(count).toBeGreaterThan(1);
    await expectPageFits(page, "messages-announcement-preview");
    await send.click();
    await page.waitForURL(/\/admin\/announcements\?sent=\d+/);
    await expect.poll(() => page.getByRole("status").textContent()).toContain(`Announcement queued for ${count} people.`);
    await expectPageFits(page, "messages-announcements");

    // Outbox: the announcement's messages are delivered by the worker; the demo's failed one is resent.
    await expect.poll(() => received.length, { timeout: 60_000 }).toBeGreaterThanOrEqual(count);
    await page.goto(`${server.url}/admin/outbox?state=failed`);
    await expect.poll(() => page.locator("article.mail").count()).toBe(1);
    expect(await page.locator("article.mail").textContent()).toContain("Recipient address rejected");
    await expectPageFits(page, "messages-outbox-failed");
    await page.locator("article.mail").getByRole("button", { name: "Resend" }).click();
    await page.waitForURL(/resent=\d+/);
    await expect.poll(() => page.getByRole("status").textContent()).toContain("1 message queued again.");
    await page.goto(`${server.url}/admin/outbox?state=sent`);
    await expect.poll(() => page.getByText("Follow-up survey next week").count()).toBeGreaterThanOrEqual(count);
    await expect.poll(() => page.locator("article.mail .badge-sent").count()).toBeGreaterThan(count);
    await expect
      .poll(async () => {
        await page.goto(`${server.url}/admin/outbox?state=failed`);
        return page.locator("article.mail").count();
      })
      .toBe(0);
    await expectPageFits(page, "messages-outbox");
    await ctx.close();
  });
});
