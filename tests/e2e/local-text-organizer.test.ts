// Programme content in the reader's language in Chromium (issue 11 item 8), on the demo data: a
// demo host coordinator reading in Khmer sees their site's description and their visit's title in
// Khmer, marked lang="km"; an organizer reading in Khmer sees a training session's title on its
// attendance page in Khmer, and a session without a Khmer title in English, marked lang="en".
import Database from "better-sqlite3";
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { expectPageFits, newContext, withDemoServer } from "../support/e2e";

const demo = withDemoServer();
let fx: {
  hostEmail: string;
  siteId: number;
  siteDescriptionKm: string;
  visitId: number;
  visitTitleKm: string;
  trainingKm: { id: number; title: string };
  trainingEn: { id: number; title: string };
  editionKm: { id: number; name: string };
};

type Tr = Record<string, Record<string, string>>;

/** Demo records that carry Khmer translations; one training session loses its Khmer title here. */
function fixtures(dbPath: string) {
  const sqlite = new Database(dbPath);
  sqlite.pragma("busy_timeout = 5000");
  try {
    const site = sqlite
      .prepare(
        `select s.id, s.translations, u.email from host_sites s
           join host_site_coordinators c on c.host_site_id = s.id join users u on u.id = c.user_id
         where s.description <> '' and json_extract(s.translations, '$.description.km') is not null
           and exists (select 1 from exchange_visits v where v.host_site_id = s.id and v.title <> '' and v.status = 'planned'
                       and json_extract(v.translations, '$.title.km') is not null)
         order by s.id limit 1`,
      )
      .get() as { id: number; translations: string; email: string };
    const visit = sqlite
      .prepare(
        `select id, translations from exchange_visits where host_site_id = ? and title <> '' and status = 'planned'
           and json_extract(translations, '$.title.km') is not null order by arrival_on limit 1`,
      )
      .get(site.id) as { id: number; translations: string };
    const sessions = sqlite
      .prepare(
        `select id, title, translations from training_sessions where status in ('scheduled', 'held')
           and json_extract(translations, '$.title.km') is not null order by id limit 2`,
      )
      .all() as { id: number; title: string; translations: string }[];
    const edition = sqlite
      .prepare(`select id, translations from editions where json_extract(translations, '$.name.km') is not null order by id limit 1`)
      .get() as { id: number; translations: string };
    // The second session keeps only its other languages: a Khmer reader gets the English title.
    sqlite.prepare(`update training_sessions set translations = json_remove(translations, '$.title.km') where id = ?`).run(sessions[1].id);
    return {
      hostEmail: site.email,
      siteId: site.id,
      siteDescriptionKm: (JSON.parse(site.translations) as Tr).description.km,
      visitId: visit.id,
      visitTitleKm: (JSON.parse(visit.translations) as Tr).title.km,
      trainingKm: { id: sessions[0].id, title: (JSON.parse(sessions[0].translations) as Tr).title.km },
      trainingEn: { id: sessions[1].id, title: sessions[1].title },
      editionKm: { id: edition.id, name: (JSON.parse(edition.translations) as Tr).name.km },
    };
  } finally {
    sqlite.close();
  }
}

beforeAll(() => {
  fx = fixtures(demo.server.dbPath);
});

/** The trimmed text of the first element matching `selector`, or null while it is not painted. */
const textOf = (page: Page, selector: string) =>
  page
    .locator(selector)
    .first()
    .textContent({ timeout: 1000 })
    .then((s) => s?.trim() ?? null)
    .catch(() => null);

describe("organizer-written text in the reader's language", () => {
  it("a Khmer host coordinator sees the site description and visit title in Khmer, marked lang=km", async () => {
    const context = await newContext(demo.browser, { javaScript: true, width: 360 });
    const page = await context.newPage();
    await demo.logIn(page, fx.hostEmail, { lng: "km" });

    await page.goto(`${demo.url}/host/sites/${fx.siteId}?view=list`);
    await expect.poll(() => textOf(page, 'p[lang="km"]')).toBe(fx.siteDescriptionKm);
    await expect.poll(() => page.locator(`a[href="/host/visits/${fx.visitId}"] span[lang="km"]`).first().textContent()).toBe(fx.visitTitleKm);
    expect(await page.locator("html").getAttribute("lang")).toBe("km");
    await expectPageFits(page, "local-text-01-site-km");

    await page.goto(`${demo.url}/host/visits/${fx.visitId}`);
    await expect.poll(() => textOf(page, 'h1[lang="km"]')).toBe(fx.visitTitleKm);
    await expectPageFits(page, "local-text-02-visit-km");
    await context.close();
  });

  it("a Khmer organizer sees a session title in Khmer, and one without Khmer in English marked lang=en", async () => {
    const context = await newContext(demo.browser, { javaScript: false, width: 360 });
    const page = await context.newPage();
    await demo.logIn(page, "organizer@vlx.demo", { lng: "km" });

    await page.goto(`${demo.url}/attendance/training/${fx.trainingKm.id}`);
    await expect.poll(() => textOf(page, 'h1 span[lang="km"]')).toBe(fx.trainingKm.title);
    await expectPageFits(page, "local-text-03-training-km");

    await page.goto(`${demo.url}/attendance/training/${fx.trainingEn.id}`);
    await expect.poll(() => textOf(page, 'h1 span[lang="en"]')).toBe(fx.trainingEn.title);
    // The sentence around it stays Khmer (the page's language).
    expect(await page.locator("h1").textContent()).toMatch(/[\u1780-\u17FF]/);
    await expectPageFits(page, "local-text-04-training-en-fallback");

    // A dropdown of editions: the option shows the Khmer name and is marked lang="km".
    await page.goto(`${demo.url}/admin/applications`);
    await expect.poll(() => textOf(page, `select[name="edition"] option[value="${fx.editionKm.id}"][lang="km"]`)).toBe(fx.editionKm.name);
    await context.close();
  });
});
