// The server as a person meets it: security headers, hydration under the CSP, the language
// switcher with and without JavaScript, sign-up and log-in, the 404 page, and a request log that
// holds no personal data.
import { describe, expect, it } from "vitest";
import { expectAccessible, newContext, screenshot, withDemoServer } from "../support/e2e";

const demo = withDemoServer();

describe("the app in Chromium", () => {
  it("sends a CSP with a per-request nonce that every inline script carries", async () => {
    const a = await fetch(`${demo.url}/login`);
    const b = await fetch(`${demo.url}/login`);
    const nonceA = /'nonce-([^']+)'/.exec(a.headers.get("content-security-policy") ?? "")?.[1];
    const nonceB = /'nonce-([^']+)'/.exec(b.headers.get("content-security-policy") ?? "")?.[1];
    expect(nonceA).toBeTruthy();
    expect(nonceA).not.toBe(nonceB);
    const html = await a.text();
    const scripts = [...html.matchAll(/<script([^>]*)>/g)].map((m) => m[1]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const s of scripts) expect(s).toContain(`nonce="${nonceA}"`);
    expect(a.headers.get("referrer-policy")).toBe("same-origin");
  });

  it("hydrates without CSP violations or console errors", async () => {
    const ctx = await newContext(demo.browser);
    const page = await ctx.newPage();
    const errors: string[] = [];
    page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(`${demo.url}/`);
    await page.waitForFunction(() => (window as unknown as { __remixContext?: unknown }).__remixContext !== undefined);
    await page.waitForLoadState("networkidle");
    expect(errors).toEqual([]);
    await expectAccessible(page, "home");
    await screenshot(page, "smoke-home");
    await ctx.close();
  });

  for (const javaScript of [true, false]) {
    it(`switches the language to Vietnamese and remembers it (JavaScript ${javaScript ? "on" : "off"})`, async () => {
      const ctx = await newContext(demo.browser, { javaScript });
      const page = await ctx.newPage();
      await page.goto(`${demo.url}/login`);
      await page.getByLabel("Language").selectOption("vi");
      await page.getByRole("button", { name: "Change" }).click();
      await expect.poll(() => page.locator("html").getAttribute("lang")).toBe("vi");
      expect(new URL(page.url()).pathname).toBe("/login");
      await page.goto(`${demo.url}/signup`);
      expect(await page.locator("html").getAttribute("lang")).toBe("vi");
      await expectAccessible(page, "signup in Vietnamese");
      await ctx.close();
    });
  }

  it("signs up and logs in without JavaScript, and the log holds no e-mail address", async () => {
    const ctx = await newContext(demo.browser, { javaScript: false });
    const page = await ctx.newPage();
    await page.goto(`${demo.url}/signup`);
    await expectAccessible(page, "signup");
    await page.getByLabel("Your name").fill("ສົມພອນ ພົມມະຈັນ");
    await page.getByLabel("E-mail address").fill("smoke.leader@example.org");
    await page.locator('input[name="password"]').fill("short");
    await page.getByLabel("Password again").fill("short");
    await page.getByRole("button", { name: "Create account" }).click();
    // Server-side errors next to the field, typed values kept.
    await expect.poll(() => page.getByText("Use at least 10 characters.").count()).toBe(1);
    expect(await page.getByLabel("Your name").inputValue()).toBe("ສົມພອນ ພົມມະຈັນ");
    await expectAccessible(page, "signup with errors");
    await page.locator('input[name="password"]').fill("a-long-password");
    await page.getByLabel("Password again").fill("a-long-password");
    await page.getByRole("button", { name: "Create account" }).click();
    await page.waitForURL((u) => u.pathname === "/me");
    await page.getByRole("button", { name: "Log out" }).click();
    await page.waitForURL((u) => u.pathname === "/");
    await page.goto(`${demo.url}/login`);
    await page.getByLabel("E-mail address").fill("Smoke.Leader@example.org");
    await page.locator('input[name="password"]').fill("a-long-password");
    await page.getByRole("button", { name: "Log in" }).click();
    await page.waitForURL((u) => u.pathname === "/me");
    expect(demo.server.output()).not.toContain("smoke.leader");
    await ctx.close();
  });

  it("refuses a request body far larger than any form with 413, before reading it", async () => {
    const res = await fetch(`${demo.url}/signup`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: "displayName=" + "x".repeat(3 * 1024 * 1024),
    });
    expect(res.status).toBe(413);
  });

  it("answers an unknown page with a 404 page", async () => {
    const ctx = await newContext(demo.browser);
    const page = await ctx.newPage();
    const res = await page.goto(`${demo.url}/no-such-page`);
    expect(res?.status()).toBe(404);
    await expect.poll(() => page.getByRole("heading", { name: "Page not found" }).count()).toBe(1);
    await expectAccessible(page, "404");
    await ctx.close();
  });
});
