// Dates, months and country names in Khmer, Lao and Burmese stay as the server wrote them after
// hydration (issue 11, item 4). Debian's Chromium has no Intl data for km, lo or my, so without the
// on-demand @formatjs polyfills (app/intl-polyfill/) React met English text where the server (Node,
// full ICU) had written Khmer, and re-rendered the page in English. Each page is read twice: as the
// server sent it (JavaScript off) and after hydration (JavaScript on), and the two must be equal,
// with the language's month or country names from Node's own Intl and no English month name.
// English and Thai pages, which this browser formats by itself, must not download the polyfill.
import Database from "better-sqlite3";
import type { BrowserContext } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { newContext, screenshot, waitForHydration, withDemoServer } from "../support/e2e";

const MEMBERS = ["BN", "KH", "ID", "LA", "MY", "MM", "PH", "SG", "TH", "VN", "CN", "JP", "KR"];
const ENGLISH_MONTHS = /\b(January|February|March|April|May|June|July|August|September|October|November|December)\b/;
/** Files of the on-demand polyfill (entry's dynamic import and everything it loads). */
const POLYFILL_FILE = /\/build\/_shared\/(intl-polyfill|polyfill-force|tz-data|collation|collator|(en|vi|th|km|lo|my|id|ms|fil|zh|ja|ko)-)[\w-]*\.js$/;

const demo = withDemoServer();
let ids: { nalanSite: number; project: number; application: number };

beforeAll(() => {
  const db = new Database(demo.server.dbPath, { readonly: true });
  try {
    const nalan = db
      .prepare(
        "select c.host_site_id as id from host_site_coordinators c join users u on u.id = c.user_id where u.email = 'host.nalan@vlx.demo' order by c.host_site_id limit 1",
      )
      .get() as { id: number };
    const project = db.prepare("select id from pilot_projects order by id limit 1").get() as { id: number };
    const application = db.prepare("select entity_id as id from audit_events where entity_type = 'application' order by id limit 1").get() as { id: number };
    ids = { nalanSite: nalan.id, project: project.id, application: application.id };
  } finally {
    db.close();
  }
});

/** Month names (long, standalone and in a date) of `lng` as Node's full ICU writes them. */
function nodeMonthNames(lng: string): string[] {
  const names = new Set<string>();
  for (let m = 0; m < 12; m++) {
    const d = new Date(Date.UTC(2026, m, 15));
    names.add(new Intl.DateTimeFormat(lng, { month: "long", timeZone: "UTC" }).format(d));
    for (const part of new Intl.DateTimeFormat(lng, { dateStyle: "long", timeZone: "UTC" }).formatToParts(d)) if (part.type === "month") names.add(part.value);
  }
  return [...names];
}

type Reading = { server: string; hydrated: string; polyfillFiles: string[]; consoleErrors: string[] };

/** The page's <main> text as the server sent it and after hydration, in the signed-in context. */
async function readBoth(context: BrowserContext, path: string, shot?: string): Promise<Reading> {
  const noJs = await newContext(demo.browser, { javaScript: false });
  await noJs.addCookies(await context.cookies());
  const plain = await noJs.newPage();
  await plain.goto(`${demo.url}${path}`);
  const serverText = await plain.locator("main").innerText();
  await noJs.close();

  const page = await context.newPage();
  const polyfillFiles: string[] = [];
  const consoleErrors: string[] = [];
  page.on("request", (r) => {
    const p = new URL(r.url()).pathname;
    if (POLYFILL_FILE.test(p)) polyfillFiles.push(p);
  });
  page.on("console", (m) => {
    if (m.type() === "error") consoleErrors.push(m.text());
  });
  page.on("pageerror", (e) => consoleErrors.push(e.message));
  await page.goto(`${demo.url}${path}`);
  await waitForHydration(page);
  const hydrated = await page.locator("main").innerText();
  if (shot) await screenshot(page, shot);
  await page.close();
  return { server: serverText, hydrated, polyfillFiles, consoleErrors };
}

/** Same text as the server's, no hydration error, the polyfill loaded, no English month name. */
function expectServerText(r: Reading, label: string) {
  expect(r.consoleErrors, `${label}: no hydration error`).toEqual([]);
  expect(r.hydrated, `${label}: the hydrated page equals the server's`).toBe(r.server);
  expect(r.hydrated, `${label}: no English month name`).not.toMatch(ENGLISH_MONTHS);
  expect(
    r.polyfillFiles.some((f) => f.includes("intl-polyfill")),
    `${label}: loaded the polyfill`,
  ).toBe(true);
}

function expectLocalMonths(r: Reading, lng: string, label: string) {
  expectServerText(r, label);
  const months = nodeMonthNames(lng);
  expect(
    months.some((m) => r.hydrated.includes(m)),
    `${label}: shows a month name of ${lng} (${months.join(", ")})`,
  ).toBe(true);
}

/** Node's (full ICU) name of the country, without CLDR's bracketed alternative. */
function nodeCountryName(code: string, lng: string): string {
  return new Intl.DisplayNames([lng], { type: "region" }).of(code)!.replace(/\s*\(.*\)$/, "");
}

describe("pages formatted in the browser keep the server's Khmer, Lao and Burmese", () => {
  it("Khmer: an organizer's pilot project, application history and host site pages", async () => {
    const context = await newContext(demo.browser);
    const page = await context.newPage();
    await demo.logIn(page, "organizer@vlx.demo", { lng: "km" });
    await page.close();
    for (const [path, shot] of [
      [`/pilots/projects/${ids.project}`, "intl-km-pilot-project"],
      [`/admin/applications/${ids.application}`, "intl-km-admin-application"],
    ]) {
      expectLocalMonths(await readBoth(context, path, shot), "km", path);
    }
    // The site's country, named in the browser (Intl.DisplayNames).
    const path = `/admin/sites/${ids.nalanSite}`;
    const r = await readBoth(context, path, "intl-km-admin-site");
    expectServerText(r, path);
    expect(r.hydrated).toContain(nodeCountryName("LA", "km"));
    await context.close();
  });

  it("Lao: a host coordinator's site calendar (month and weekday names)", async () => {
    const context = await newContext(demo.browser);
    const page = await context.newPage();
    await demo.logIn(page, "host.nalan@vlx.demo", { lng: "lo" });
    await page.close();
    const month = new Date().toISOString().slice(0, 7);
    const path = `/host/sites/${ids.nalanSite}?view=calendar&month=${month}`;
    const r = await readBoth(context, path, "intl-lo-host-calendar");
    expectLocalMonths(r, "lo", path);
    const [y, m] = month.split("-").map(Number);
    const heading = new Intl.DateTimeFormat("lo", { calendar: "gregory", month: "long", year: "numeric", timeZone: "UTC" }).format(
      new Date(Date.UTC(y, m - 1, 15)),
    );
    expect(r.hydrated).toContain(heading);
    await context.close();
  });

  it("Burmese: the pilot overview and the new village form (countries and languages sorted in the browser)", async () => {
    const context = await newContext(demo.browser);
    const page = await context.newPage();
    await demo.logIn(page, "organizer@vlx.demo", { lng: "my" });
    await page.close();
    const overview = await readBoth(context, "/pilots", "intl-my-pilots");
    expectServerText(overview, "/pilots");
    for (const code of ["KH", "LA", "MM"]) expect(overview.hydrated).toContain(nodeCountryName(code, "my"));

    // The form sorts the country and language names in the browser, which has no Burmese
    // collation: the options must keep the server's (Node's ICU) order, e.g. မလေးရှား before မြန်မာ.
    const form = await readBoth(context, "/pilots/villages/new", "intl-my-village-form");
    expectServerText(form, "/pilots/villages/new");
    const check = await context.newPage();
    await check.goto(`${demo.url}/pilots/villages/new`);
    await waitForHydration(check);
    const shown = await check.locator('select[name="countryCode"] option').allTextContents();
    const expected = MEMBERS.map((c) => nodeCountryName(c, "my")).sort(new Intl.Collator("my").compare);
    expect(expected.indexOf("မလေးရှား")).toBeLessThan(expected.indexOf("မြန်မာ")); // differs from the root order
    expect(shown.filter((x) => expected.includes(x))).toEqual(expected);
    await check.close();
    await context.close();
  });

  it("English and Thai pages never download the polyfill", async () => {
    for (const lng of ["en", "th"]) {
      const context = await newContext(demo.browser);
      const page = await context.newPage();
      await demo.logIn(page, "organizer@vlx.demo", { lng });
      await page.close();
      const r = await readBoth(context, `/pilots/projects/${ids.project}`);
      expect(r.consoleErrors, lng).toEqual([]);
      expect(r.hydrated, lng).toBe(r.server);
      expect(r.polyfillFiles, `${lng}: polyfill files requested`).toEqual([]);
      await context.close();
    }
  });
});
