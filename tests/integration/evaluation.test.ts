/**
 * Evaluation, against a real SQLite file: answering (one response per stage, partial saves, bad
 * answers refused with values kept and nothing written, scope 404), versioned templates, personal
 * links (once, expiry, resend), the reminder job (each reminder once, also across a restart),
 * results and CSV, and carrying open plan adjustments over to a new edition.
 */
import { parse } from "csv-parse/sync";
import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { closeDb, db, t } from "~/db.server";
import { addDays, todayIn } from "~/domain/dates";
import type { Actor } from "~/models/actor";
import { createEdition } from "~/models/editions/editions.server";
import { carryOverAdjustments, listAdjustments, recordAdjustment, setAdjustmentStatus } from "~/models/evaluation/adjustments.server";
import { resendLink } from "~/models/evaluation/links.server";
import { runReminders, stopReminderJob } from "~/models/evaluation/reminders.server";
import { setupEvaluation } from "~/models/evaluation/surveys.server";
import { editTemplate, ensureStarterTemplates, getTemplate } from "~/models/evaluation/templates.server";
import * as answerRoute from "~/routes/me_.surveys.$surveyId";
import * as myRoute from "~/routes/me_.surveys._index";
import * as linkRoute from "~/routes/s.$token";
import * as resultsRoute from "~/routes/admin.editions.$id_.evaluation";
import * as csvRoute from "~/routes/admin.editions.$id_.evaluation[.]csv";
import { call, cookieFor, createUser } from "../support/factories";

const today = todayIn("Asia/Shanghai");
const FAMILIES = { baseline: "starter-baseline", pulse: "starter-pulse", end_of_visit: "starter-end", follow_up: "starter-follow-up" } as const;

let organizer: Actor;
let ana: Actor; // Vietnamese participant in both editions
let ben: Actor; // participant of the upcoming edition only
let outsider: Actor;
let upcoming: number; // baseline open (arrival in 5 days)
let departed: number; // end of visit open (departure today)
const surveys: Record<string, number> = {};

function makeEdition(name: string, startsOn: string, endsOn: string, ordinal: number) {
  return db()
    .insert(t.editions)
    .values({
      name,
      ordinal,
      mode: "in_person",
      hostCountries: ["CN"],
      startsOn,
      endsOn,
      applicationsOpenOn: addDays(startsOn, -90),
      applicationsCloseOn: addDays(startsOn, -30),
      timeZone: "Asia/Shanghai",
      themes: ["rural_tourism"],
    })
    .returning({ id: t.editions.id })
    .get().id;
}

function place(editionId: number, siteId: number, arrivalOn: string, departureOn: string, people: { actor: Actor; cc: string; gender: "female" | "male" }[]) {
  const visitId = db()
    .insert(t.exchangeVisits)
    .values({ editionId, hostSiteId: siteId, arrivalOn, departureOn, capacity: 10, perCountryCap: 3 })
    .returning({ id: t.exchangeVisits.id })
    .get().id;
  for (const p of people) {
    const appId = db()
      .insert(t.applications)
      .values({
        editionId,
        userId: p.actor.id,
        status: "accepted",
        givenName: p.actor.displayName,
        nationality: p.cc,
        gender: p.gender,
        positionKind: "village_head",
      })
      .returning({ id: t.applications.id })
      .get().id;
    db().insert(t.placements).values({ visitId, applicationId: appId, status: "accepted" }).run();
  }
}

const surveyOf = (editionId: number, stage: string) =>
  db()
    .select()
    .from(t.editionSurveys)
    .where(and(eq(t.editionSurveys.editionId, editionId), eq(t.editionSurveys.stage, stage as "baseline")))
    .get()!.id;
const responses = (surveyId: number) => db().select().from(t.surveyResponses).where(eq(t.surveyResponses.surveyId, surveyId)).all();
const outboxCount = () =>
  db()
    .select({ n: sql<number>`count(*)` })
    .from(t.outbox)
    .get()!.n;

const GOOD_BASELINE = {
  q_income_sources: ["crops", "livestock"],
  q_coop_households: "20",
  q_people_reached: "120",
  q_women_decision: "18",
  q_clean_water: "55",
  q_waste_practice: "no",
  q_pesticides: "60",
  q_confidence: "2",
  q_hopes: "Nước sạch cho cả bản",
  intent: "submit",
};

beforeAll(async () => {
  ensureStarterTemplates();
  organizer = await createUser({ roles: [{ role: "organizer" }], name: "Org" });
  ana = await createUser({ name: "Nguyễn Thị Hoa", locale: "vi" });
  ben = await createUser({ name: "Sokha" });
  outsider = await createUser({ name: "Somebody else" });
  const site = db()
    .insert(t.hostSites)
    .values({ name: "龙脊村", nameLatin: "Longji", countryCode: "CN", timeZone: "Asia/Shanghai", vettingStatus: "vetted" })
    .returning({ id: t.hostSites.id })
    .get().id;
  upcoming = makeEdition("Upcoming", addDays(today, 4), addDays(today, 12), 40);
  departed = makeEdition("Just held", addDays(today, -6), today, 39);
  place(upcoming, site, addDays(today, 5), addDays(today, 9), [
    { actor: ana, cc: "VN", gender: "female" },
    { actor: ben, cc: "KH", gender: "male" },
  ]);
  place(departed, site, addDays(today, -4), today, [{ actor: ana, cc: "VN", gender: "female" }]);
  setupEvaluation(organizer, upcoming, { followUpMonths: [3, 6], families: FAMILIES });
  setupEvaluation(organizer, departed, { followUpMonths: [3], families: FAMILIES });
  surveys.baseline = surveyOf(upcoming, "baseline");
  surveys.end = surveyOf(departed, "end_of_visit");
  surveys.pulse = surveyOf(departed, "pulse");
});

describe("answering a survey", () => {
  it("lists the participant's surveys with what is open now", async () => {
    const res = await call(myRoute.loader, "/me/surveys", { cookie: await cookieFor(ana.id) });
    const data = await res.json();
    const flat = data.editions.flatMap((e: { surveys: { stage: string; state: string }[] }) => e.surveys);
    expect(
      flat
        .filter((s: { state: string }) => s.state === "open")
        .map((s: { stage: string }) => s.stage)
        .sort(),
    ).toEqual(["baseline", "end_of_visit", "pulse"]);
  });

  it("refuses answers of the wrong type or out of range: 400, errors per question, every value kept, nothing written", async () => {
    const res = await call(answerRoute.action, `/me/surveys/${surveys.baseline}`, {
      cookie: await cookieFor(ana.id),
      params: { surveyId: String(surveys.baseline) },
      form: { ...GOOD_BASELINE, q_clean_water: "140", q_people_reached: "a lot", q_confidence: "9", q_hopes: "Giữ nguyên chữ: ຂໍ້ຄວາມ" },
    });
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(Object.keys(body.errors).sort()).toEqual(["q_clean_water", "q_confidence", "q_people_reached"]);
    expect(body.values.q_people_reached).toEqual(["a lot"]);
    expect(body.values.q_hopes).toEqual(["Giữ nguyên chữ: ຂໍ້ຄວາມ"]);
    expect(body.values.q_income_sources).toEqual(["crops", "livestock"]);
    expect(responses(surveys.baseline)).toHaveLength(0);
  });

  it("saves a partial answer to finish later, then submits once; a repeated submit writes nothing new", async () => {
    const cookie = await cookieFor(ana.id);
    const params = { surveyId: String(surveys.baseline) };
    const saved = await call(answerRoute.action, `/me/surveys/${surveys.baseline}`, { cookie, params, form: { q_clean_water: "55", intent: "save" } });
    expect(saved.status).toBe(302);
    expect(responses(surveys.baseline)).toMatchObject([{ status: "draft", answers: { clean_water: 55 } }]);
    const page = await (await call(answerRoute.loader, `/me/surveys/${surveys.baseline}`, { cookie, params })).json();
    expect(page.view.values.q_clean_water).toBe("55");
    // Submitting without the required answers is refused (the draft stays as it was).
    const incomplete = await call(answerRoute.action, `/me/surveys/${surveys.baseline}`, { cookie, params, form: { q_clean_water: "56", intent: "submit" } });
    expect(incomplete.status).toBe(400);
    expect(responses(surveys.baseline)[0].answers).toEqual({ clean_water: 55 });
    for (let i = 0; i < 2; i++) {
      const r = await call(answerRoute.action, `/me/surveys/${surveys.baseline}`, { cookie, params, form: GOOD_BASELINE });
      expect(r.status).toBe(302);
      expect(r.headers.get("Location")).toBe(`/me/surveys?done=${surveys.baseline}`);
    }
    const rows = responses(surveys.baseline);
    expect(rows).toHaveLength(1);
    // The page (and so the answer) is in the person's saved language, which wins over browser and cookie.
    expect(rows[0]).toMatchObject({ status: "submitted", stage: "baseline", language: "vi" });
    expect(rows[0].answers).toMatchObject({
      clean_water: 55,
      women_decision: 18,
      waste_practice: false,
      income_sources: ["crops", "livestock"],
      hopes: "Nước sạch cho cả bản",
    });
    // The unique index holds even for a writer that skips the use case.
    expect(() =>
      db()
        .insert(t.surveyResponses)
        .values({ surveyId: rows[0].surveyId, templateId: rows[0].templateId, applicationId: rows[0].applicationId, userId: rows[0].userId, stage: "baseline" })
        .run(),
    ).toThrow(/UNIQUE/);
  });

  it("answers 404 to someone who is not a participant of the survey's edition", async () => {
    const params = { surveyId: String(surveys.end) };
    expect((await call(answerRoute.loader, `/me/surveys/${surveys.end}`, { cookie: await cookieFor(outsider.id), params })).status).toBe(404);
    expect((await call(answerRoute.loader, `/me/surveys/${surveys.end}`, { cookie: await cookieFor(ben.id), params })).status).toBe(404);
    expect((await call(answerRoute.action, `/me/surveys/${surveys.end}`, { cookie: await cookieFor(ben.id), params, form: { intent: "save" } })).status).toBe(
      404,
    );
    expect((await call(answerRoute.loader, `/me/surveys/999999`, { cookie: await cookieFor(ana.id), params: { surveyId: "999999" } })).status).toBe(404);
    // Organizer pages are 404 for participants.
    expect(
      (await call(resultsRoute.loader, `/admin/editions/${departed}/evaluation`, { cookie: await cookieFor(ana.id), params: { id: String(departed) } })).status,
    ).toBe(404);
  });

  it("asks for an action plan at the end of the visit and checks its dates", async () => {
    const cookie = await cookieFor(ana.id);
    const params = { surveyId: String(surveys.end) };
    const base = { q_confidence: "4", q_usefulness: "5", intent: "submit" };
    const none = await call(answerRoute.action, `/me/surveys/${surveys.end}`, { cookie, params, form: base });
    expect(none.status).toBe(400);
    expect(Object.keys((await none.json()).errors)).toEqual(["action_0_text"]);
    const badDate = await call(answerRoute.action, `/me/surveys/${surveys.end}`, {
      cookie,
      params,
      form: { ...base, action_0_text: "Water committee", action_0_target: addDays(today, -3) },
    });
    expect(badDate.status).toBe(400);
    expect(responses(surveys.end)).toHaveLength(0);
    const ok = await call(answerRoute.action, `/me/surveys/${surveys.end}`, {
      cookie,
      params,
      form: { ...base, action_0_text: "Water committee", action_0_target: addDays(today, 60), action_1_text: "Waste sorting point" },
    });
    expect(ok.status).toBe(302);
    const [r] = responses(surveys.end);
    expect(
      db()
        .select()
        .from(t.actionPlanItems)
        .where(eq(t.actionPlanItems.responseId, r.id))
        .all()
        .map((i) => [i.action, i.targetOn]),
    ).toEqual([
      ["Water committee", addDays(today, 60)],
      ["Waste sorting point", null],
    ]);
  });
});

describe("versioned templates", () => {
  it("writes a new version when a used template changes; responses keep theirs and new ones take the new one", async () => {
    const used = responses(surveys.baseline)[0];
    const v1 = getTemplate(used.templateId);
    const v2id = editTemplate(organizer, v1.id, {
      kind: "add",
      question: { promptEn: "How many households have a latrine?", type: "number", required: false },
    });
    expect(v2id).not.toBe(v1.id);
    const v2 = getTemplate(v2id);
    expect([v2.family, v2.version, v2.questions.length]).toEqual([v1.family, v1.version + 1, v1.questions.length + 1]);
    expect(getTemplate(v1.id).supersededAt).not.toBeNull();
    expect(getTemplate(v1.id).questions).toEqual(v1.questions);
    expect(responses(surveys.baseline)[0].templateId).toBe(v1.id);
    // Ben answers now: with version 2 (its new question shows).
    const cookie = await cookieFor(ben.id);
    const page = await (await call(answerRoute.loader, `/me/surveys/${surveys.baseline}`, { cookie, params: { surveyId: String(surveys.baseline) } })).json();
    expect(page.view.version).toBe(v2.version);
    await call(answerRoute.action, `/me/surveys/${surveys.baseline}`, {
      cookie,
      params: { surveyId: String(surveys.baseline) },
      form: { q_clean_water: "40", intent: "save" },
    });
    expect(responses(surveys.baseline).find((r) => r.userId === ben.id)!.templateId).toBe(v2.id);
    // A version nobody answered yet changes in place; a superseded one cannot change.
    const again = editTemplate(organizer, (await import("~/models/evaluation/templates.server")).currentTemplate("starter-pulse").id, {
      kind: "remove",
      key: "change",
    });
    expect(getTemplate(again).version).toBe(1);
    expect(() => editTemplate(organizer, v1.id, { kind: "remove", key: "hopes" })).toThrow(/superseded/);
  });
});

describe("personal links and reminders", () => {
  it("sends each reminder once, in the recipient's language, also across a restart", async () => {
    const before = outboxCount();
    const sent = await runReminders();
    // Ben: baseline (his draft is not submitted). Ana: pulse and end of visit are answered? pulse no, end yes.
    expect(sent).toBe(2);
    const mails = db().select().from(t.outbox).all().slice(before);
    expect(mails.map((m) => m.toAddress).sort()).toEqual([ana.email, ben.email].sort());
    const anaMail = mails.find((m) => m.toAddress === ana.email)!;
    expect(anaMail.subject).toMatch(/^Khảo sát của bạn đã mở/);
    expect(anaMail.text).toMatch(/\/s\/[A-Za-z0-9_-]{40,}/);
    expect(await runReminders()).toBe(0);
    // "Restart": forget the job's state, close the handle, open it again.
    stopReminderJob();
    closeDb();
    expect(await runReminders()).toBe(0);
    expect(outboxCount()).toBe(before + 2);
    expect(db().select().from(t.remindersSent).all()).toHaveLength(2);
    // The closing-soon reminder is another reminder, sent once, when its day comes.
    const late = new Date(`${addDays(today, 5)}T02:00:00Z`); // baseline closes on arrival (today + 5)
    expect(await runReminders(late)).toBeGreaterThanOrEqual(1);
    expect(await runReminders(late)).toBe(0);
  });

  it("opens the survey from the link without login, works once, and shows no data once used", async () => {
    const mail = db()
      .select()
      .from(t.outbox)
      .where(eq(t.outbox.toAddress, ana.email))
      .all()
      .find((m) => m.text.includes("/s/"))!;
    const token = /\/s\/([A-Za-z0-9_-]+)/.exec(mail.text)![1];
    // First opening: switches to the participant's language (Vietnamese) with a cookie.
    const first = await call(linkRoute.loader, `/s/${token}`, { params: { token } });
    expect(first.status).toBe(302);
    const lng = first.headers.get("Set-Cookie")!.split(";")[0];
    expect(lng).toMatch(/^lng=/);
    const page = await call(linkRoute.loader, `/s/${token}`, { params: { token }, cookie: lng });
    expect(page.status).toBe(200);
    const view = (await page.json()).view;
    expect(view.stage).toBe("pulse");
    expect(view.period).toBe(today);
    const bad = await call(linkRoute.action, `/s/${token}`, { params: { token }, form: { q_satisfaction: "7", intent: "submit" } });
    expect(bad.status).toBe(400);
    const ok = await call(linkRoute.action, `/s/${token}`, { params: { token }, form: { q_satisfaction: "4", q_worked: "Tốt", intent: "submit" } });
    expect(ok.status).toBe(302);
    expect(responses(surveys.pulse)).toMatchObject([{ status: "submitted", period: today, answers: { satisfaction: 4, worked: "Tốt" } }]);
    const reused = await call(linkRoute.loader, `/s/${token}`, { params: { token } });
    expect(reused.status).toBe(410);
    expect(await reused.json()).toEqual({ ok: false, reason: "used" });
    const again = await call(linkRoute.action, `/s/${token}`, { params: { token }, form: { q_satisfaction: "1", intent: "submit" } });
    expect(again.status).toBe(410);
    expect(responses(surveys.pulse)[0].answers.satisfaction).toBe(4);
    expect((await call(linkRoute.loader, `/s/not-a-real-token-000000000000`, { params: { token: "not-a-real-token-000000000000" } })).status).toBe(404);
  });

  it("expires links, and a resent link replaces the old one", async () => {
    // The latest baseline link Ben got (the closing-soon reminder; the pulse opened that day too).
    const mail = db()
      .select()
      .from(t.outbox)
      .where(eq(t.outbox.toAddress, ben.email))
      .all()
      .filter((m) => m.subject.includes("Before the visit"))
      .at(-1)!;
    expect(mail.subject).toMatch(/^Closing soon/);
    const oldToken = /\/s\/([A-Za-z0-9_-]+)/.exec(mail.text)![1];
    expect((await call(linkRoute.loader, `/s/${oldToken}`, { params: { token: oldToken } })).status).toBe(200);
    const benApp = db()
      .select()
      .from(t.applications)
      .where(and(eq(t.applications.userId, ben.id), eq(t.applications.editionId, upcoming)))
      .get()!;
    await resendLink(organizer, surveys.baseline, benApp.id);
    expect((await call(linkRoute.loader, `/s/${oldToken}`, { params: { token: oldToken } })).status).toBe(410);
    const resent = db().select().from(t.outbox).where(eq(t.outbox.toAddress, ben.email)).all().at(-1)!;
    const newToken = /\/s\/([A-Za-z0-9_-]+)/.exec(resent.text)![1];
    const fresh = await call(linkRoute.loader, `/s/${newToken}`, { params: { token: newToken } });
    expect(fresh.status).toBe(200);
    // The partial answer Ben saved before is there through the link.
    expect((await fresh.json()).view.values.q_clean_water).toBe("40");
    db()
      .update(t.surveyLinks)
      .set({ expiresAt: new Date(Date.now() - 1000).toISOString() })
      .run();
    const expired = await call(linkRoute.loader, `/s/${newToken}`, { params: { token: newToken } });
    expect(expired.status).toBe(410);
    expect(await expired.json()).toEqual({ ok: false, reason: "expired" });
    // Only hashes are stored.
    expect(
      db()
        .select()
        .from(t.surveyLinks)
        .all()
        .every((l) => /^[0-9a-f]{64}$/.test(l.tokenHash) && l.tokenHash !== newToken),
    ).toBe(true);
  });
});

describe("results, CSV and plan adjustments", () => {
  it("shows the organizer the change between baseline and end of visit, and exports CSV", async () => {
    // Ana's confidence in the departed edition: baseline there too (answered directly in the model).
    const cookie = await cookieFor(organizer.id);
    const res = await call(resultsRoute.loader, `/admin/editions/${upcoming}/evaluation`, { cookie, params: { id: String(upcoming) } });
    expect(res.status).toBe(200);
    const data = await res.json();
    expect(data.rates.find((r: { stage: string }) => r.stage === "baseline")).toMatchObject({ asked: 2, submitted: 1, drafts: 1, rate: 50 });
    const csv = await call(csvRoute.loader, `/admin/editions/${upcoming}/evaluation.csv`, { cookie, params: { id: String(upcoming) } });
    expect(csv.status).toBe(200);
    expect(csv.headers.get("Content-Type")).toMatch(/text\/csv/);
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(await csv.arrayBuffer());
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text.split("\r\n")[0]).toMatch(/^\uFEFFindicator_code,indicator,group,stage/);
    // The group column is the indicator's group on every row, also on rows split by country.
    const records = parse(text, { bom: true, columns: true }) as Record<string, string>[];
    const groups = new Set(["Economic development", "Social progress", "Environment and ecological protection", "Learning and satisfaction"]);
    for (const r of records) expect(groups, `${r.indicator_code} ${r.subgroup}`).toContain(r.group);
  });

  it("records adjustments with evidence and carries the open ones over to the next edition once", async () => {
    const water = db().select().from(t.indicators).where(eq(t.indicators.code, "ENV-CLEAN-WATER")).get()!.id;
    const [pulse] = responses(surveys.pulse);
    const open = recordAdjustment(organizer, departed, {
      what: "Visit a water committee",
      why: "Clean water moved most there",
      indicatorIds: [water],
      responseIds: [pulse.id],
      pulseDays: [today],
    });
    const done = recordAdjustment(organizer, departed, {
      what: "Slower interpretation",
      why: "Day-2 pulses",
      indicatorIds: [],
      responseIds: [],
      pulseDays: [],
    });
    setAdjustmentStatus(organizer, departed, done, "done");
    expect(() => recordAdjustment(organizer, departed, { what: "x", why: "y", indicatorIds: [], responseIds: [999999], pulseDays: [] })).toThrow();
    const input = {
      name: "Next edition",
      ordinal: 41,
      mode: "in_person" as const,
      hostCountries: ["CN" as const],
      startsOn: addDays(today, 200),
      endsOn: addDays(today, 206),
      applicationsOpenOn: addDays(today, 10),
      applicationsCloseOn: addDays(today, 100),
      timeZone: "Asia/Shanghai",
      themes: ["rural_tourism" as const],
      description: "",
    };
    const next = createEdition(organizer, input as never);
    const items = listAdjustments(next);
    expect(items.map((a) => [a.what, a.status, a.carriedFromId, a.fromEditionName])).toEqual([["Visit a water committee", "open", open, "Just held"]]);
    expect(carryOverAdjustments(next)).toBe(0);
    expect(listAdjustments(next)).toHaveLength(1);
    // A later edition gets the copy's checklist item once (not the original a second time).
    const later = createEdition(organizer, { ...input, name: "Later", ordinal: 42, startsOn: addDays(today, 400), endsOn: addDays(today, 406) } as never);
    expect(listAdjustments(later).map((a) => a.carriedFromId)).toEqual([items[0].id]);
  });
});
