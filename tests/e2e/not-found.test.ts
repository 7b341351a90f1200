// Error pages in the reader's language (issue 11): an unmatched URL and a loader's 404 answer 404
// with a translated title, message and link home, inside the normal header (the signed-in menu
// when a session exists), in Khmer and Thai, JavaScript on and off, at 360 px, axe clean; a 404
// logs no stack trace (the server's output is read).
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { expectAccessible, logInAs, newContext, screenshot, withDemoServer } from "../support/e2e";
import { DEMO_PASSWORD } from "../../db/seed";

const demo = withDemoServer();

type Tree = { [k: string]: string | Tree };
const flat = (o: Tree, p = ""): [string, string][] =>
  Object.entries(o).flatMap(([k, v]) => (typeof v === "string" ? [[p + k, v] as [string, string]] : flat(v, `${p}${k}.`)));
const readJson = (f: string) => JSON.parse(fs.readFileSync(f, "utf8")) as Tree;

/** The locale's common.json value at `key` (the header and the error page live there). */
const common = (lng: string, key: string) => Object.fromEntries(flat(readJson(path.join("app/locales", lng, "common.json"))))[key];

/** Fails when a text node or label of the page is exactly an English string of common.json. */
async function expectNoEnglish(page: Page, lng: string) {
  const allowed = new Set(JSON.parse(fs.readFileSync(`app/locales/same-as-en/${lng}.json`, "utf8")) as string[]);
  const english = new Set(
    flat(readJson("app/locales/en/common.json"))
      .filter(([k, v]) => !allowed.has(k) && !v.includes("{{") && /[a-z]{2}/.test(v))
      .map(([, v]) => v),
  );
  const texts = await page.evaluate(() => {
    const out: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const parent = n.parentElement;
      if (parent && !["SCRIPT", "STYLE", "OPTION"].includes(parent.tagName)) out.push((n.textContent ?? "").trim());
    }
    for (const el of Array.from(document.querySelectorAll("[aria-label],[title],[placeholder]")))
      for (const a of ["aria-label", "title", "placeholder"]) if (el.getAttribute(a)) out.push(el.getAttribute(a)!.trim());
    out.push(document.title);
    return out.filter(Boolean);
  });
  expect(
    texts.filter((s) => english.has(s)),
    `English UI text on ${page.url()}`,
  ).toEqual([]);
}

/** The page shows the translated "page not found" title, message and link home, in `lng`. */
async function expectNotFoundPage(page: Page, lng: string) {
  await expect.poll(() => page.locator("html").getAttribute("lang")).toBe(lng);
  await expect.poll(() => page.locator("h1").textContent()).toBe(common(lng, "errorPage.notFound.title"));
  expect(await page.title()).toBe(`${common(lng, "errorPage.notFound.title")} · VLX`);
  expect(await page.locator("main").textContent()).toContain(common(lng, "errorPage.notFound.body"));
  expect(await page.getByRole("link", { name: common(lng, "errorPage.home") }).getAttribute("href")).toBe("/");
  await expectNoEnglish(page, lng);
  await expectAccessible(page);
}

describe("pages that are not errors", () => {
  it("keep their own title: only an error page is titled by its message", async () => {
    // The root titles an error page by its message; useRouteError() gives null, not undefined, on
    // a page without an error, and every page was once titled "Something went wrong".
    for (const [url, title] of [
      ["/login", "Log in · VLX"],
      ["/login?lng=km", null],
    ] as const) {
      const html = await (await fetch(`${demo.url}${url}`)).text();
      const got = /<title>([^<]*)<\/title>/.exec(html)?.[1] ?? "";
      if (title) expect(got).toBe(title);
      for (const lng of ["en", "km"]) expect(got).not.toContain(common(lng, "errorPage.server.title"));
    }
  });
});

describe("the 404 page", () => {
  for (const javaScript of [true, false]) {
    const js = javaScript ? "js" : "nojs";

    it(`signed out, by Accept-Language (km) and ?lng= (th), JavaScript ${js}`, async () => {
      const ctx = await newContext(demo.browser, { javaScript });
      const page = await ctx.newPage();
      // A browser set to Khmer (the helper's context is en-US; its header is replaced on the way out).
      await page.route("**/*", (route) => route.continue({ headers: { ...route.request().headers(), "accept-language": "km-KH,km;q=0.9" } }));
      const res = await page.goto(`${demo.url}/no-such-page`);
      expect(res?.status()).toBe(404);
      await expectNotFoundPage(page, "km");
      // Signed out: the header offers log in and sign up.
      expect(
        await page
          .getByRole("navigation")
          .getByRole("link", { name: common("km", "nav.login") })
          .count(),
      ).toBe(1);
      await screenshot(page, `not-found-km-signed-out-${js}`);

      const th = await page.goto(`${demo.url}/some/deeper/missing/page?lng=th`);
      expect(th?.status()).toBe(404);
      await expectNotFoundPage(page, "th");
      await screenshot(page, `not-found-th-signed-out-${js}`);
      await ctx.close();
    });

    it(`signed in (km saved; th chosen), shows the user's menu, JavaScript ${js}`, async () => {
      const ctx = await newContext(demo.browser, { javaScript });
      const page = await ctx.newPage();
      // The Cambodian demo village leader keeps her saved language, Khmer.
      await logInAs(page, demo.url, "sophal.chea@vlx.demo", DEMO_PASSWORD, { lng: null });
      const res = await page.goto(`${demo.url}/no-such-page`);
      expect(res?.status()).toBe(404);
      await expectNotFoundPage(page, "km");
      const nav = page.getByRole("navigation");
      expect(await nav.getByRole("link", { name: common("km", "nav.myApplications") }).count()).toBe(1);
      expect(await nav.getByRole("link", { name: common("km", "nav.login") }).count()).toBe(0);
      expect(await page.getByTestId("signed-in-roles").count()).toBe(1);
      await screenshot(page, `not-found-km-signed-in-${js}`);
      await ctx.close();
    });

    it(`a loader's 404 (an organizer opening a missing application), signed in, in Thai, JavaScript ${js}`, async () => {
      const ctx = await newContext(demo.browser, { javaScript });
      const page = await ctx.newPage();
      await logInAs(page, demo.url, "organizer@vlx.demo", DEMO_PASSWORD, { lng: "th" });
      const res = await page.goto(`${demo.url}/admin/applications/999999`);
      expect(res?.status()).toBe(404);
      await expectNotFoundPage(page, "th");
      expect(
        await page
          .getByRole("navigation")
          .getByRole("link", { name: common("th", "nav.organizer") })
          .count(),
      ).toBe(1);
      expect(await page.getByTestId("signed-in-roles").count()).toBe(1);
      await screenshot(page, `not-found-th-loader-${js}`);
      await ctx.close();
    });
  }

  it("a 404 logs no stack trace", async () => {
    // Everything the server printed since its start-up banner: the pages above (unmatched URLs and
    // an organizer's loader 404, JavaScript on and off) and these requests.
    const before = demo.server.output().indexOf("VLX is serving");
    for (const p of ["/no-such-page", "/no-such-page?_data=routes%2F%24", "/x.png"]) {
      const res = await fetch(`${demo.url}${p}`);
      expect(res.status, p).toBe(404);
      await res.arrayBuffer();
    }
    const post = await fetch(`${demo.url}/no-such-page`, { method: "POST", headers: { Origin: demo.url }, body: new URLSearchParams({ a: "b" }) });
    expect(post.status).toBe(404);
    // One more round trip, so whatever the server printed while answering the ones before has arrived
    // (the test server logs from "warn" up: a 4xx logs nothing there, and never a stack).
    await fetch(`${demo.url}/healthz`);
    const out = demo.server.output().slice(before);
    expect(out).not.toMatch(/^\s+at /m);
    expect(out).not.toContain("No route matches");
    expect(out).not.toMatch(/"level":50/); // nothing logged as an error
  });
});
