/**
 * Anonymous surveys (issue 15 item 9), against a real SQLite file: the stored rows hold no link to
 * the person (checked on the tables themselves), each person answers once, tracking still knows
 * who answered, results and CSV carry no names or ids and hide small groups, and a template's
 * anonymity cannot change once it has answers.
 */
import { parse } from "csv-parse/sync";
import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db, t } from "~/db.server";
import { addDays, todayIn } from "~/domain/dates";
import type { Actor } from "~/models/actor";
import { setTemplateAnonymous } from "~/models/evaluation/anonymous.server";
import { saveResponse } from "~/models/evaluation/responses.server";
import { setupEvaluation } from "~/models/evaluation/surveys.server";
import { createTemplate, editTemplate, ensureStarterTemplates, getTemplate } from "~/models/evaluation/templates.server";
import { RuleError } from "~/models/errors";
import * as answerRoute from "~/routes/me_.surveys.$surveyId";
import * as resultsRoute from "~/routes/admin.editions.$id_.evaluation";
import * as anonCsvRoute from "~/routes/admin.editions.$id_.evaluation-anonymous[.]csv";
import * as templateRoute from "~/routes/admin.evaluation.templates.$templateId";
import { call, cookieFor, createUser } from "../support/factories";

const today = todayIn("Asia/Shanghai");

let organizer: Actor;
const people: { actor: Actor; cc: string; gender: "female" | "male"; appId: number }[] = [];
let editionId: number;
let surveyId: number;
let templateId: number;

const columns = (table: string) =>
  db()
    .all<{ name: string }>(sql.raw(`PRAGMA table_info(${table})`))
    .map((c) => c.name);
const anonRows = () => db().select().from(t.anonymousResponses).where(eq(t.anonymousResponses.surveyId, surveyId)).all();
const answeredRows = () => db().select().from(t.surveyAnswered).where(eq(t.surveyAnswered.surveyId, surveyId)).all();
const ANSWER = { q_q1: "4", q_q2: "yes", q_q3: "More time in the fields", intent: "submit" };

beforeAll(async () => {
  ensureStarterTemplates();
  organizer = await createUser({ roles: [{ role: "organizer" }], name: "Org" });
  // Seven participants: 3 from Viet Nam, 3 from Cambodia, 1 from Thailand (a group too small to show).
  const who = [
    ["Nguyễn Thị Hoa", "VN", "female"],
    ["Trần Văn Bình", "VN", "male"],
    ["Lê Thị Mai", "VN", "female"],
    ["Sokha Chan", "KH", "male"],
    ["Dara Kim", "KH", "male"],
    ["Srey Pov", "KH", "female"],
    ["Somchai Wongsa", "TH", "female"],
  ] as const;
  editionId = db()
    .insert(t.editions)
    .values({
      name: "Anonymous test edition",
      ordinal: 61,
      mode: "in_person",
      hostCountries: ["CN"],
      startsOn: addDays(today, -6),
      endsOn: today,
      applicationsOpenOn: addDays(today, -90),
      applicationsCloseOn: addDays(today, -30),
      timeZone: "Asia/Shanghai",
      themes: ["rural_tourism"],
    })
    .returning({ id: t.editions.id })
    .get().id;
  const site = db()
    .insert(t.hostSites)
    .values({ name: "Longji", nameLatin: "Longji", countryCode: "CN", timeZone: "Asia/Shanghai", vettingStatus: "vetted" })
    .returning({ id: t.hostSites.id })
    .get().id;
  const visitId = db()
    .insert(t.exchangeVisits)
    .values({ editionId, hostSiteId: site, arrivalOn: addDays(today, -4), departureOn: today, capacity: 10, perCountryCap: 3 })
    .returning({ id: t.exchangeVisits.id })
    .get().id;
  for (const [name, cc, gender] of who) {
    const actor = await createUser({ name });
    const appId = db()
      .insert(t.applications)
      .values({ editionId, userId: actor.id, status: "accepted", givenName: name, nationality: cc, gender, positionKind: "village_head" })
      .returning({ id: t.applications.id })
      .get().id;
    db().insert(t.placements).values({ visitId, applicationId: appId, status: "accepted" }).run();
    people.push({ actor, cc, gender, appId });
  }
  // An anonymous end-of-visit template: a scale, a yes/no and a free text question.
  templateId = createTemplate(organizer, { stage: "end_of_visit", titleEn: "Honest feedback", anonymous: true });
  editTemplate(organizer, templateId, { kind: "add", question: { promptEn: "How useful?", type: "scale", required: true } });
  editTemplate(organizer, templateId, { kind: "add", question: { promptEn: "Recommend?", type: "yes_no", required: true } });
  editTemplate(organizer, templateId, { kind: "add", question: { promptEn: "What to change?", type: "text", required: false } });
  const family = getTemplate(templateId).family;
  setupEvaluation(organizer, editionId, {
    followUpMonths: [3],
    families: { baseline: "starter-baseline", pulse: "starter-pulse", end_of_visit: family, follow_up: "starter-follow-up" },
  });
  surveyId = db()
    .select()
    .from(t.editionSurveys)
    .all()
    .find((s) => s.editionId === editionId && s.stage === "end_of_visit")!.id;
});

describe("anonymous surveys", () => {
  it("switches a template without answers, audited; the create form records the choice", async () => {
    const cookie = await cookieFor(organizer.id);
    const params = { templateId: String(templateId) };
    const off = await call(templateRoute.action, "/", { cookie, params, form: { intent: "anonymous", anonymous: "false" } });
    expect(off.status).toBe(302);
    expect(getTemplate(templateId).anonymous).toBe(false);
    await call(templateRoute.action, "/", { cookie, params, form: { intent: "anonymous", anonymous: "true" } });
    expect(getTemplate(templateId).anonymous).toBe(true);
    const audit = db()
      .select()
      .from(t.auditEvents)
      .all()
      .filter((e) => e.entityType === "survey_template" && e.action === "set_anonymous");
    expect(audit.map((e) => `${e.fromState}>${e.toState}`)).toEqual(["anonymous>named", "named>anonymous"]);
  });

  it("tells the participant before answering that it is anonymous, and offers no draft", async () => {
    const p = people[0];
    const res = await call(answerRoute.loader, `/me/surveys/${surveyId}`, { cookie: await cookieFor(p.actor.id), params: { surveyId: String(surveyId) } });
    const { view } = await res.json();
    expect(view).toMatchObject({ anonymous: true, state: "open", status: null, actionRows: 0 });
  });

  it("stores answers with no person link: no user, application, link or time column, only the date and group attributes", async () => {
    for (const p of people) {
      const r = await call(answerRoute.action, `/me/surveys/${surveyId}`, {
        cookie: await cookieFor(p.actor.id),
        params: { surveyId: String(surveyId) },
        form: { ...ANSWER, q_q1: p.cc === "TH" ? "1" : "4" },
      });
      expect(r.status).toBe(302);
    }
    expect(columns("anonymous_responses").sort()).toEqual(
      ["id", "survey_id", "edition_id", "template_id", "stage", "period", "country", "gender", "role", "answers", "submitted_on"].sort(),
    );
    expect(columns("survey_answered").sort()).toEqual(["id", "survey_id", "user_id", "period"].sort());
    const rows = anonRows();
    expect(rows).toHaveLength(7);
    for (const r of rows) {
      expect(r.submittedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(r).toMatchObject({ editionId, stage: "end_of_visit", role: "village_head" });
    }
    expect(rows.filter((r) => r.country === "TH")).toHaveLength(1);
    // Nothing in survey_responses (named answers) or action plans for this survey.
    expect(db().select().from(t.surveyResponses).where(eq(t.surveyResponses.surveyId, surveyId)).all()).toHaveLength(0);
    // Ids are random, not a sequence that could be matched against survey_answered's order.
    const answered = answeredRows();
    expect(answered.map((a) => a.userId).sort()).toEqual(people.map((p) => p.actor.id).sort());
    expect(rows.map((r) => r.id).some((id) => id > 1_000_000)).toBe(true);
    expect(answered.map((a) => a.id).some((id) => id > 1_000_000)).toBe(true);
  });

  it("refuses a second answer from the same person (the page says it is answered; nothing new written)", async () => {
    const p = people[1];
    const cookie = await cookieFor(p.actor.id);
    const params = { surveyId: String(surveyId) };
    const again = await call(answerRoute.action, `/me/surveys/${surveyId}`, { cookie, params, form: { ...ANSWER, q_q1: "1" } });
    expect(again.status).toBe(302);
    expect(saveResponse(surveyId, p.appId, { q_q1: "2", q_q2: "no" }, "submit")).toMatchObject({ already: true });
    expect(anonRows()).toHaveLength(7);
    expect(anonRows().filter((r) => r.answers.q1 === 1)).toHaveLength(1); // only the Thai answer
    const { view } = await (await call(answerRoute.loader, `/me/surveys/${surveyId}`, { cookie, params })).json();
    expect(view.status).toBe("submitted");
    // The database refuses a second mark for the same person too.
    expect(() => db().insert(t.surveyAnswered).values({ id: 5, surveyId, userId: p.actor.id, period: "" }).run()).toThrow(/UNIQUE/);
  });

  it("shows results and CSV with no names or ids, hides groups under 3 (and what would reveal them), and still tracks who answered", async () => {
    const cookie = await cookieFor(organizer.id);
    const data = await (await call(resultsRoute.loader, "/", { cookie, params: { id: String(editionId) } })).json();
    const [anon] = data.anonymous;
    expect(anon).toMatchObject({ surveyId, respondents: 7 });
    const text = JSON.stringify(data.anonymous);
    for (const p of people) {
      expect(text).not.toContain(p.actor.displayName);
      expect(text).not.toContain(`"${p.actor.id}"`);
    }
    const useful = anon.questions.find((q: { key: string }) => q.key === "q1");
    expect(useful.overall).toMatchObject({ n: 7, suppressed: false });
    const byCountry = useful.groups.find((g: { dimension: string }) => g.dimension === "country").cells;
    const th = byCountry.find((c: { group: string }) => c.group === "TH");
    expect(th).toMatchObject({ n: null, value: null, suppressed: true });
    // One hidden group could be worked out from the overall: a second one is hidden with it.
    expect(byCountry.filter((c: { suppressed: boolean }) => c.suppressed)).toHaveLength(2);
    expect(byCountry.filter((c: { suppressed: boolean }) => !c.suppressed)).toHaveLength(1);
    // Free text: listed without attributes, sorted.
    expect(anon.questions.find((q: { key: string }) => q.key === "q3").texts).toHaveLength(7);
    // Tracking: the rate and the participants table know who answered (not what).
    expect(data.rates.find((r: { surveyId: number }) => r.surveyId === surveyId)).toMatchObject({ asked: 7, submitted: 7, drafts: 0, rate: 100 });
    const cell = data.participants[0].surveys.find((s: { surveyId: number }) => s.surveyId === surveyId);
    expect(cell.status).toBe("submitted");

    const csv = await call(anonCsvRoute.loader, "/", { cookie, params: { id: String(editionId) } });
    expect(csv.status).toBe(200);
    const body = await csv.text();
    for (const p of people) expect(body).not.toContain(p.actor.displayName);
    const records = parse(body, { bom: true, columns: true }) as Record<string, string>[];
    const thRow = records.find((r) => r.subgroup === "Thailand" && r.Question === "How useful?")!;
    expect(thRow.Respondents).toBe("hidden (fewer than 3)");
    expect(thRow.Mean).toBe("");
    // The Thai answer (1) cannot be recovered: no shown country figure rests on fewer than 3 people.
    for (const r of records.filter((x) => x["split by"] === "Country" && x.Respondents !== "hidden (fewer than 3)"))
      expect(Number(r.Respondents)).toBeGreaterThanOrEqual(3);
    // Not for other staff.
    const other = await createUser({ name: "Not an organizer" });
    expect((await call(anonCsvRoute.loader, "/", { cookie: await cookieFor(other.id), params: { id: String(editionId) } })).status).toBe(404);
  });

  it("refuses to switch a template's anonymity once it has answers (409, with the reason), and nothing changes", async () => {
    expect(() => setTemplateAnonymous(organizer, templateId, false)).toThrow(RuleError);
    const res = await call(templateRoute.action, "/", {
      cookie: await cookieFor(organizer.id),
      params: { templateId: String(templateId) },
      form: { intent: "anonymous", anonymous: "false" },
    });
    expect(res.status).toBe(409);
    expect((await res.json()).anonymityError).toBe("evaluation.errors.anonymousLocked");
    expect(getTemplate(templateId).anonymous).toBe(true);
    const page = await (await call(templateRoute.loader, "/", { cookie: await cookieFor(organizer.id), params: { templateId: String(templateId) } })).json();
    expect(page).toMatchObject({ anonymous: true, anonymityLocked: true });
    // A new version (the template changed after answers) stays anonymous.
    const next = editTemplate(organizer, templateId, { kind: "add", question: { promptEn: "Anything else?", type: "text", required: false } });
    expect(next).not.toBe(templateId);
    expect(getTemplate(next).anonymous).toBe(true);
  });

  it("leaves named surveys as they were: a named answer keeps its person", async () => {
    const baseline = db()
      .select()
      .from(t.editionSurveys)
      .all()
      .find((s) => s.editionId === editionId && s.stage === "pulse")!.id;
    const p = people[0];
    saveResponse(baseline, p.appId, { q_satisfaction: "4" }, "submit");
    const rows = db().select().from(t.surveyResponses).where(eq(t.surveyResponses.surveyId, baseline)).all();
    expect(rows).toMatchObject([{ userId: p.actor.id, applicationId: p.appId, status: "submitted" }]);
    expect(db().select().from(t.surveyAnswered).where(eq(t.surveyAnswered.surveyId, baseline)).all()).toHaveLength(0);
  });
});
