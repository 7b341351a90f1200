/**
 * The demo shows programme content in every language (issue 11, items 8 and 9): each demo training
 * session, exchange visit, edition and host site text carries a translation in all eleven
 * languages besides English (English stays in the plain column, which other tests search by), and
 * the starter survey templates and indicators have every text in all twelve.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { db, t } from "~/db.server";
import { supportedLngs } from "~/i18n";
import { pickField } from "~/domain/local-text";
import { seedDemoIfEmpty } from "../../db/seed";

const others = supportedLngs.filter((l) => l !== "en");

beforeAll(async () => {
  await seedDemoIfEmpty(db());
});

/** Languages among `others` without a non-empty translation, or whose translation equals the English. */
function missing(english: string, tr: Record<string, string> | undefined): string[] {
  return others.filter((l) => !tr?.[l]?.trim() || tr[l].trim() === english.trim());
}

/** Languages (all twelve) without a non-empty text in a `LocalText`. */
function missingAll(text: Record<string, string> | undefined): string[] {
  return supportedLngs.filter((l) => !text?.[l]?.trim());
}

describe("demo content translations", () => {
  it("every training session title and description is translated into all twelve languages", () => {
    const rows = db().select().from(t.trainingSessions).all();
    expect(rows.length).toBeGreaterThan(10);
    const gaps = rows.map((r) => [r.title, missing(r.title, r.translations.title)] as const).filter(([, m]) => m.length);
    expect(gaps).toEqual([]);
    const descriptions = rows
      .filter((r) => r.description)
      .map((r) => [r.description, missing(r.description!, r.translations.description)] as const)
      .filter(([, m]) => m.length);
    expect(descriptions).toEqual([]);
  });

  it("every edition name is translated into all twelve languages, and its description where it has one", () => {
    const rows = db().select().from(t.editions).all();
    expect(rows.map((r) => r.ordinal).sort((a, b) => a - b)).toEqual([9, 10, 11]);
    for (const r of rows) {
      expect(missing(r.name, r.translations.name), r.name).toEqual([]);
      if (r.description) expect(missing(r.description, r.translations.description), `${r.name}: description`).toEqual([]);
    }
  });

  it("every exchange visit title is translated into all twelve languages", () => {
    const rows = db().select().from(t.exchangeVisits).all();
    expect(rows.length).toBeGreaterThan(0);
    const gaps = rows.map((r) => [r.title, missing(r.title, r.translations.title)] as const).filter(([, m]) => m.length);
    expect(gaps).toEqual([]);
  });

  it("every host site description and accessibility note, and every visit note, is translated", () => {
    const sites = db().select().from(t.hostSites).all();
    expect(sites.length).toBeGreaterThan(0);
    for (const s of sites) {
      if (s.description) expect(missing(s.description, s.translations.description), `${s.nameLatin}: description`).toEqual([]);
      if (s.accessibility) expect(missing(s.accessibility, s.translations.accessibility), `${s.nameLatin}: accessibility`).toEqual([]);
    }
    for (const v of db().select().from(t.exchangeVisits).all()) if (v.notes) expect(missing(v.notes, v.translations.notes), `${v.title}: notes`).toEqual([]);
  });

  it("every survey template title and question, and every indicator name, unit and option, is in all twelve languages", () => {
    const all = (text: Record<string, string> | undefined, what: string) => expect(missingAll(text), what).toEqual([]);
    const templates = db().select().from(t.surveyTemplates).all();
    expect(templates.length).toBeGreaterThan(0);
    for (const tpl of templates) {
      all(tpl.title, `${tpl.family} title`);
      for (const q of tpl.questions) {
        all(q.prompt, `${tpl.family} ${q.key}`);
        for (const o of q.options ?? []) all(o.label, `${tpl.family} ${q.key} ${o.value}`);
      }
    }
    for (const i of db().select().from(t.indicators).all()) {
      all(i.name, `${i.code} name`);
      if (Object.keys(i.unit).length) all(i.unit, `${i.code} unit`);
      for (const o of i.options ?? []) all(o.label, `${i.code} ${o.value}`);
    }
  });

  it("every custom application question of the demo, and its options, is in all twelve languages", () => {
    const versions = db().select().from(t.applicationQuestionVersions).all();
    expect(versions.length).toBeGreaterThan(0);
    for (const v of versions) {
      expect(missing(v.label, v.translations.label), v.label).toEqual([]);
      for (const o of v.options ?? []) expect(missingAll(o.label), `${v.label} ${o.key}`).toEqual([]);
    }
  });

  it("a Khmer reader sees the Khmer title, an English reader the English one", () => {
    const opening = db()
      .select()
      .from(t.trainingSessions)
      .all()
      .find((r) => r.title.startsWith("Opening forum"))!;
    expect(pickField(opening.title, opening.translations, "title", "km")).toEqual({ text: opening.translations.title!.km, lang: "km" });
    expect(pickField(opening.title, opening.translations, "title", "en").text).toBe("Opening forum: rural revitalisation across ASEAN+3");
  });
});
