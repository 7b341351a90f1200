// Issue 11 (new user's report): a page opened offline hydrated with English dates and numbers when
// the Intl polyfill of its language (app/intl-polyfill/, on-demand chunks for km, lo, my) had never
// been cached. The page now hands every script it loads, the polyfill's included, to the service
// worker (app/offline/register.ts): after one visit online, the Khmer itinerary opened offline
// reads the same after hydration as it did online.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { logInAs, newContext, screenshot, withDemoServer } from "../support/e2e";

const demo = withDemoServer();
const ENGLISH_MONTHS = /\b(January|February|March|April|May|June|July|August|September|October|November|December)\b/;

/** Resolves once React has hydrated the document (React 18's root fields, as in intl-polyfill.test.ts). */
async function waitForHydration(page: Page) {
  await page.waitForFunction(() => {
    const key = Object.keys(document).find((k) => k.startsWith("__reactContainer$"));
    if (!key) return false;
    const root = (document as unknown as Record<string, { stateNode?: { current?: { memoizedState?: { isDehydrated?: boolean } }; callbackNode?: unknown } }>)[
      key
    ].stateNode;
    return root?.current?.memoizedState?.isDehydrated === false && root.callbackNode === null;
  });
}

describe("offline pages keep their language's formats", () => {
  it("the Khmer itinerary opened offline hydrates with Khmer dates: the polyfill chunks were cached on the first visit", async () => {
    const ctx = await newContext(demo.browser);
    const page = await ctx.newPage();
    await logInAs(page, demo.url, "sophal.chea@vlx.demo", "vlx-demo-2026", { lng: null });
    await page.goto(`${demo.url}/me/itinerary`);
    await waitForHydration(page);
    const online = await page.locator("main").innerText();
    expect(online).not.toMatch(ENGLISH_MONTHS);
    await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller), { timeout: 60_000 }).toBe(true);
    // The polyfill's locale data of the page language is in the worker's caches.
    const cachedPolyfill = () =>
      page.evaluate(async () => {
        const urls: string[] = [];
        for (const name of await caches.keys()) for (const r of await (await caches.open(name)).keys()) urls.push(r.url);
        return urls.some((u) => /\/build\/_shared\/km-[\w-]*\.js$/.test(u)) && urls.some((u) => /\/build\/_shared\/polyfill-force[\w-]*\.js$/.test(u));
      });
    await expect.poll(cachedPolyfill, { timeout: 60_000 }).toBe(true);
    await expect.poll(() => page.evaluate(async () => !!(await caches.match(location.href))), { timeout: 60_000 }).toBe(true);
    await ctx.setOffline(true);
    await page.reload();
    await waitForHydration(page);
    const offline = await page.locator("main").innerText();
    expect(offline).not.toMatch(ENGLISH_MONTHS);
    expect(offline).toBe(online);
    await screenshot(page, "offline-intl-km-itinerary");
    await ctx.close();
  });
});
