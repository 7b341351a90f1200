// The demo's evaluated edition exported as CSV: rows split by country, gender, role and host site
// keep the indicator's group, and the figures there are the ones the results page shows.
import { parse } from "csv-parse/sync";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db, t } from "~/db.server";
import * as csvRoute from "~/routes/admin.editions.$id_.evaluation[.]csv";
import { seedDemoIfEmpty } from "../../db/seed";
import { call, cookieFor } from "../support/factories";

describe("evaluation CSV of the demo's past edition", () => {
  it("keeps the indicator group on every disaggregated row", async () => {
    await seedDemoIfEmpty(db());
    const organizer = db().select().from(t.users).where(eq(t.users.email, "organizer@vlx.demo")).get()!;
    const edition = db()
      .select()
      .from(t.editions)
      .all()
      .find((e) => e.ordinal === 9)!;
    const res = await call(csvRoute.loader, "/", { cookie: await cookieFor(organizer.id), params: { id: String(edition.id) } });
    expect(res.status).toBe(200);
    const records = parse(await res.text(), { bom: true, columns: true }) as Record<string, string>[];
    const split = records.filter((r) => r["split by"] !== "Everyone");
    expect(split.length).toBeGreaterThan(10);
    expect(new Set(split.map((r) => r["split by"]))).toContain("Country");
    const groups = new Set(["Economic development", "Social progress", "Environment and ecological protection", "Learning and satisfaction"]);
    for (const r of records) expect(groups, `${r.indicator_code} / ${r.subgroup}`).toContain(r.group);
  });

  it("has an anonymous survey with answers: the template is anonymous, each respondent marked once, answers without anyone's id", async () => {
    await seedDemoIfEmpty(db());
    const tpl = db().select().from(t.surveyTemplates).where(eq(t.surveyTemplates.family, "demo-anonymous-feedback")).get()!;
    expect(tpl.anonymous).toBe(true);
    const survey = db().select().from(t.editionSurveys).where(eq(t.editionSurveys.templateFamily, tpl.family)).get()!;
    const answers = db().select().from(t.anonymousResponses).where(eq(t.anonymousResponses.surveyId, survey.id)).all();
    const marks = db().select().from(t.surveyAnswered).where(eq(t.surveyAnswered.surveyId, survey.id)).all();
    expect(answers.length).toBeGreaterThan(5);
    expect(marks).toHaveLength(answers.length);
    expect(new Set(marks.map((m) => m.userId)).size).toBe(marks.length);
    for (const a of answers) expect(a.submittedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it("names, for the 9th edition, every province its visits are in (one story: Guangxi and Yunnan)", async () => {
    await seedDemoIfEmpty(db());
    const edition = db()
      .select()
      .from(t.editions)
      .all()
      .find((e) => e.ordinal === 9)!;
    const provinces = db()
      .select({ province: t.hostSites.province })
      .from(t.exchangeVisits)
      .innerJoin(t.hostSites, eq(t.hostSites.id, t.exchangeVisits.hostSiteId))
      .where(eq(t.exchangeVisits.editionId, edition.id))
      .all()
      .map((r) => r.province);
    expect(new Set(provinces)).toEqual(new Set(["Guangxi", "Yunnan"]));
    for (const p of provinces) expect(edition.name).toContain(p);
    expect(edition.description).toContain("Yunnan");
  });
});
