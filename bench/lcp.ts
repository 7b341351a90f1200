/**
 * Slow-3G figures for `npm run bench -- weight` (issue 14): starts the production server
 * (build/server.js, demo data), logs in a demo participant through HTTP only (no page scripts
 * cached), then opens each participant page in a fresh Chromium context with the network throttled
 * by CDP Network.emulateNetworkConditions (400 kbit/s down and up, 400 ms latency) and prints
 * Largest Contentful Paint, DOMContentLoaded (the server-rendered form is usable from here, scripts
 * or not) and load (every script in, the page hydrated soon after), in milliseconds. Goal: LCP < 3 s.
 */
import Database from "better-sqlite3";
import { launchBrowser, startServer } from "../tests/support/e2e";

const PASSWORD = "vlx-demo-2026";
const SLOW_3G = { offline: false, latency: 400, downloadThroughput: (400 * 1000) / 8, uploadThroughput: (400 * 1000) / 8 };

export async function slowNetworkLcp(): Promise<void> {
  const server = await startServer();
  const browser = await launchBrowser();
  try {
    const db = new Database(server.dbPath, { readonly: true });
    const edition = (db.prepare("select id from editions order by starts_on desc limit 1").get() as { id: number }).id;
    db.close();
    const pages: [string, string | null][] = [
      ["/login", null],
      ["/signup", null],
      [`/apply/${edition}`, "sari.id@vlx.demo"],
      ["/me", "sari.id@vlx.demo"],
      ["/me/itinerary", "sari.id@vlx.demo"],
      ["/me/check-in", "sari.id@vlx.demo"],
      ["/me/data", "sari.id@vlx.demo"],
    ];
    console.log("\nslow 3G (400 kbit/s, 400 ms latency), cold cache, ms:");
    console.log(`  ${"page".padEnd(28)} ${"LCP".padStart(7)} ${"DCL".padStart(7)} ${"load".padStart(7)}`);
    for (const [p, who] of pages) {
      const ctx = await browser.newContext({ viewport: { width: 360, height: 780 }, locale: "en-US" });
      if (who) {
        const res = await ctx.request.post(`${server.url}/login`, {
          form: { email: who, password: PASSWORD, redirectTo: "" },
          headers: { Origin: server.url },
          maxRedirects: 0,
        });
        if (res.status() !== 302) throw new Error(`log in as ${who}: HTTP ${res.status()}`);
      }
      const page = await ctx.newPage();
      const cdp = await ctx.newCDPSession(page);
      await cdp.send("Network.enable");
      await cdp.send("Network.emulateNetworkConditions", SLOW_3G);
      await page.addInitScript(() => {
        (window as unknown as { __lcp: number }).__lcp = 0;
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) (window as unknown as { __lcp: number }).__lcp = e.startTime;
        }).observe({ type: "largest-contentful-paint", buffered: true });
      });
      await page.goto(`${server.url}${p}`, { waitUntil: "load", timeout: 180_000 });
      // LCP is final at the first input or when the page is hidden; a click on the body ends it.
      await page.mouse.click(1, 1);
      const m = await page.evaluate(() => {
        const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
        return { lcp: (window as unknown as { __lcp: number }).__lcp, dcl: nav.domContentLoadedEventEnd, load: nav.loadEventEnd };
      });
      const f = (n: number) => String(Math.round(n)).padStart(7);
      console.log(`  ${p.padEnd(28)} ${f(m.lcp)} ${f(m.dcl)} ${f(m.load)}${m.lcp > 3000 ? "  (LCP over 3 s)" : ""}`);
      await ctx.close();
    }
  } finally {
    await browser.close();
    await server.stop();
  }
}
