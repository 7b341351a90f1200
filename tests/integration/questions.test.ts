// Custom application questions per edition (issue 15, item 1): organizers add, change (new
// version), order, remove and restore them; applicants answer them with the form (drafts too,
// plain POSTs as without JavaScript); answers show on the review pages and in the CSV export, read
// with the wording they were given to. Each guard is shown refusing the bad outcome it prevents.
import { parse } from "csv-parse/sync";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import "~/forms/zod-errors";
import { db, t } from "~/db.server";
import { addDays, todayIn } from "~/domain/dates";
import { parseAnswers, assignOptionKeys } from "~/domain/questions";
import type { Actor } from "~/models/actor";
import { answersForApplication, formQuestions, questionsForForm } from "~/models/applications/questions.server";
import * as questionsRoute from "~/routes/admin.editions.$id_.questions";
import * as reviewRoute from "~/routes/admin.applications.$id";
import * as focalRoute from "~/routes/focal.applications.$id";
import * as applyRoute from "~/routes/apply.$editionId";
import { loader as exportLoader } from "~/routes/admin.exports.$kind[.]csv";
import { call, cookieFor, createUser } from "../support/factories";
import { bodyText } from "./tracking-fixtures";

const ZONE = "Asia/Bangkok";
const today = todayIn(ZONE);
const YES_NO = { yes: "Yes", no: "No" };

function insertEdition(name: string) {
  return db()
    .insert(t.editions)
    .values({
      name,
      ordinal: 12,
      mode: "in_person",
      hostCountries: ["TH"],
      startsOn: addDays(today, 60),
      endsOn: addDays(today, 67),
      applicationsOpenOn: addDays(today, -5),
      applicationsCloseOn: addDays(today, 20),
      timeZone: ZONE,
      themes: ["rural_tourism", "cooperatives"],
    })
    .returning({ id: t.editions.id })
    .get().id;
}

/** A complete, valid set of the standard answers (Thai leader). */
const complete: Record<string, string | string[]> = {
  givenName: "สมชาย",
  familyName: "ใจดี",
  givenNameLatin: "Somchai",
  familyNameLatin: "Jaidee",
  nameOrder: "",
  gender: "male",
  birthDate: "1968-01-01",
  nationality: "TH",
  village: "บ้านหนองบัว",
  district: "เมือง",
  province: "ขอนแก่น",
  position: "ผู้ใหญ่บ้าน",
  positionKind: "village_head",
  yearsInPosition: "6",
  "languages[0].code": "th",
  "languages[0].level": "native",
  themes: ["rural_tourism"],
  "preferredHostCountries[0]": "VN",
  availableFrom: addDays(today, 50),
  availableTo: addDays(today, 90),
  dietaryNeeds: "",
  accessibilityNeeds: "",
  emergencyContactName: "สมหญิง ใจดี",
  emergencyContactRelation: "ภรรยา",
  emergencyContactPhone: "081 234 5678",
  phone: "0812345679",
  motivation: "อยากเรียนรู้เรื่องการท่องเที่ยวชุมชน",
};

let organizer: Actor;
let orgCookie: string;
let applicant: Actor;
let appCookie: string;
let editionId: number;
let otherEditionId: number;
const q: Record<string, number> = {};

const questionRows = () => db().select().from(t.applicationQuestions).where(eq(t.applicationQuestions.editionId, editionId)).all();
const answersOf = (applicationId: number) => db().select().from(t.applicationAnswers).where(eq(t.applicationAnswers.applicationId, applicationId)).all();
const myApp = () =>
  db()
    .select()
    .from(t.applications)
    .where(and(eq(t.applications.editionId, editionId), eq(t.applications.userId, applicant.id)))
    .get();
const postQuestion = (form: Record<string, string | string[]>, cookie = orgCookie, id = editionId) =>
  call(questionsRoute.action, `/admin/editions/${id}/questions`, { params: { id: String(id) }, cookie, form });
const apply = (form: Record<string, string | string[]>) =>
  call(applyRoute.action, `/apply/${editionId}`, { params: { editionId: String(editionId) }, cookie: appCookie, form });

beforeAll(async () => {
  organizer = await createUser({ roles: [{ role: "organizer" }] });
  orgCookie = await cookieFor(organizer.id);
  applicant = await createUser({ locale: "th" });
  appCookie = await cookieFor(applicant.id);
  editionId = insertEdition("12th edition");
  otherEditionId = insertEdition("Other edition");
});

describe("organizer", () => {
  it("adds questions of every kind, in order, with translated labels and choices; each audited", async () => {
    const add = async (key: string, form: Record<string, string | string[]>) => {
      const res = await postQuestion({ intent: "save", ...form });
      expect(res.status, key).toBe(302);
      q[key] = Number(/#q-(\d+)/.exec(res.headers.get("Location") ?? "")?.[1]);
    };
    await add("coop", { kind: "short_text", label: "Name of your village cooperative", required: "on", "tr.label.th": "ชื่อสหกรณ์หมู่บ้านของคุณ" });
    await add("travel", {
      kind: "single_choice",
      label: "How will you travel?",
      options: "Bus\nPlane\nBoat",
      "tr.label.th": "คุณจะเดินทางอย่างไร",
      "tr.options.th": "รถโดยสาร\nเครื่องบิน\nเรือ",
    });
    await add("crops", { kind: "multi_choice", label: "Main crops", options: "Rice\nRubber\nCassava" });
    await add("households", { kind: "number", label: "Households in your village" });
    await add("passport", { kind: "date", label: "Passport valid until" });
    await add("visa", { kind: "yes_no", label: "Do you need a visa?", required: "on" });
    await add("story", { kind: "long_text", label: "A story from your village" });
    expect(questionRows().map((r) => [r.id, r.position])).toEqual(Object.values(q).map((id, i) => [id, i + 1]));
    const travel = formQuestions(editionId).find((x) => x.id === q.travel)!;
    expect(travel.v.options).toEqual([
      { key: "o1", label: { en: "Bus", th: "รถโดยสาร" } },
      { key: "o2", label: { en: "Plane", th: "เครื่องบิน" } },
      { key: "o3", label: { en: "Boat", th: "เรือ" } },
    ]);
    const audits = db()
      .select()
      .from(t.auditEvents)
      .where(and(eq(t.auditEvents.entityType, "application_question"), eq(t.auditEvents.action, "create")))
      .all();
    expect(audits.map((a) => a.entityId).sort()).toEqual(Object.values(q).sort());
    // The applicant reads them in Thai where given, else English.
    const shown = questionsForForm(formQuestions(editionId), "th");
    expect(shown.find((x) => x.id === q.travel)).toMatchObject({
      label: "คุณจะเดินทางอย่างไร",
      lang: "th",
      options: [
        { key: "o1", text: "รถโดยสาร", lang: "th" },
        { key: "o2", text: "เครื่องบิน", lang: "th" },
        { key: "o3", text: "เรือ", lang: "th" },
      ],
    });
    expect(shown.find((x) => x.id === q.crops)).toMatchObject({ label: "Main crops", lang: "en" });
  });

  it("guard: a choice question without two choices, or without a label, is refused (400, typed values kept, nothing written)", async () => {
    const before = questionRows().length;
    const res = await postQuestion({ intent: "save", kind: "single_choice", label: "Only one?", options: "Yes" });
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error.options).toEqual(["secretariat.questions.errors.twoOptions"]);
    expect(body.initialValue.label).toBe("Only one?");
    expect((await postQuestion({ intent: "save", kind: "short_text", label: "  " })).status).toBe(400);
    expect((await postQuestion({ intent: "save", kind: "multi_choice", label: "Dup", options: "A\na" })).status).toBe(400);
    expect(questionRows()).toHaveLength(before);
  });

  it("guard: nobody but an organizer can see or change them (404, nothing written)", async () => {
    const before = questionRows().length;
    expect((await call(questionsRoute.loader, `/admin/editions/${editionId}/questions`, { params: { id: String(editionId) }, cookie: appCookie })).status).toBe(
      404,
    );
    expect((await postQuestion({ intent: "save", kind: "short_text", label: "Sneaky" }, appCookie)).status).toBe(404);
    expect((await postQuestion({ intent: "remove", questionId: String(q.coop) }, appCookie)).status).toBe(404);
    expect(questionRows()).toHaveLength(before);
    expect(questionRows().every((r) => !r.removedAt)).toBe(true);
  });

  it("guard: another edition's page cannot touch this edition's questions (404)", async () => {
    expect((await postQuestion({ intent: "remove", questionId: String(q.coop) }, orgCookie, otherEditionId)).status).toBe(404);
    expect((await postQuestion({ intent: "save", questionId: String(q.coop), kind: "short_text", label: "Hijacked" }, orgCookie, otherEditionId)).status).toBe(
      404,
    );
    expect(formQuestions(editionId).find((x) => x.id === q.coop)!.v.label).toBe("Name of your village cooperative");
  });

  it("moves a question up and down", async () => {
    expect((await postQuestion({ intent: "up", questionId: String(q.story) })).status).toBe(302);
    expect(
      formQuestions(editionId)
        .map((x) => x.id)
        .slice(-2),
    ).toEqual([q.story, q.visa]);
    await postQuestion({ intent: "down", questionId: String(q.story) });
    expect(
      formQuestions(editionId)
        .map((x) => x.id)
        .slice(-2),
    ).toEqual([q.visa, q.story]);
  });
});

describe("applicant", () => {
  it("saves answers with a draft (plain POST) and finds them again on the form", async () => {
    const res = await apply({
      intent: "save",
      givenName: "สมชาย",
      [`q_${q.coop}`]: "สหกรณ์ผู้ปลูกข้าวบ้านหนองบัว",
      [`q_${q.travel}`]: "o2",
      [`q_${q.crops}`]: ["o3", "o1"],
      [`q_${q.households}`]: "59",
      [`q_${q.passport}`]: "2029-03-31",
      [`q_${q.story}`]: "บรรทัดแรก\nบรรทัดที่สอง",
    });
    expect(res.status).toBe(302);
    const app = myApp()!;
    const stored = Object.fromEntries(answersOf(app.id).map((a) => [a.questionId, a.value]));
    expect(stored).toEqual({
      [q.coop]: "สหกรณ์ผู้ปลูกข้าวบ้านหนองบัว",
      [q.travel]: "o2",
      [q.crops]: ["o1", "o3"],
      [q.households]: 59,
      [q.passport]: "2029-03-31",
      [q.story]: "บรรทัดแรก\nบรรทัดที่สอง",
    });
    const page = await (await call(applyRoute.loader, `/apply/${editionId}`, { params: { editionId: String(editionId) }, cookie: appCookie })).json();
    expect(page.defaultValue).toMatchObject({ [`q_${q.travel}`]: "o2", [`q_${q.crops}`]: ["o1", "o3"], [`q_${q.households}`]: "59", [`q_${q.visa}`]: "" });
    expect(page.questions.map((x: { id: number }) => x.id)).toEqual(formQuestions(editionId).map((x) => x.id));
  });

  it("guard: a draft with a malformed answer is refused (400, error under it, typed values kept, nothing written)", async () => {
    const app = myApp()!;
    const before = answersOf(app.id);
    for (const [name, value, error] of [
      [`q_${q.passport}`, "31/03/2029", "errors.date"],
      [`q_${q.households}`, "fifty", "secretariat.questions.errors.number"],
      [`q_${q.travel}`, "o9", "errors.invalid"],
      [`q_${q.visa}`, "maybe", "errors.invalid"],
    ] as const) {
      const res = await apply({ intent: "save", givenName: "Changed", [name]: value });
      expect(res.status, name).toBe(400);
      const body = await res.json();
      expect(body.error[name]).toEqual([error]);
      expect(body.initialValue[name]).toBe(value);
    }
    expect(answersOf(app.id)).toEqual(before);
    expect(myApp()!.givenName).toBe("สมชาย");
  });

  it("guard: submitting without a required answer is refused (400) and keeps the rest as the draft", async () => {
    const res = await apply({ intent: "submit", ...complete, [`q_${q.travel}`]: "o1" });
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error[`q_${q.coop}`]).toEqual(["errors.required"]);
    expect(body.error[`q_${q.visa}`]).toEqual(["errors.required"]);
    expect(body.draftSaved).toBe(true);
    const app = myApp()!;
    expect(app.status).toBe("draft");
    expect(answersOf(app.id).find((a) => a.questionId === q.travel)?.value).toBe("o1");
    // The optional answers left empty were cleared, as typed.
    expect(answersOf(app.id).find((a) => a.questionId === q.households)).toBeUndefined();
  });

  it("submits with every required answer", async () => {
    const res = await apply({
      intent: "submit",
      ...complete,
      [`q_${q.coop}`]: "สหกรณ์บ้านหนองบัว",
      [`q_${q.travel}`]: "o2",
      [`q_${q.visa}`]: "no",
      [`q_${q.crops}`]: "o1",
    });
    expect(res.status).toBe(302);
    const app = myApp()!;
    expect(app.status).toBe("submitted");
    expect(Object.fromEntries(answersOf(app.id).map((a) => [a.questionId, a.value]))).toEqual({
      [q.coop]: "สหกรณ์บ้านหนองบัว",
      [q.travel]: "o2",
      [q.visa]: false,
      [q.crops]: ["o1"],
    });
  });
});

describe("review, versions, removal, export", () => {
  it("the organizer's review page shows the answers in the reader's language", async () => {
    const app = myApp()!;
    const res = await call(reviewRoute.loader, `/admin/applications/${app.id}`, { params: { id: String(app.id) }, cookie: orgCookie });
    const body = await res.json();
    expect(body.answers.map((a: { label: string; answer: string }) => [a.label, a.answer])).toEqual([
      ["Name of your village cooperative", "สหกรณ์บ้านหนองบัว"],
      ["How will you travel?", "Plane"],
      ["Main crops", "Rice"],
      ["Do you need a visa?", "No"],
    ]);
  });

  it("changing a question makes a new version; the answer keeps the wording it was given to", async () => {
    const res = await postQuestion({
      intent: "save",
      questionId: String(q.travel),
      kind: "single_choice",
      label: "How will you come?",
      options: "Bus\nAeroplane\nBoat",
      "tr.options.th": "รถโดยสาร\nเครื่องบิน\nเรือ",
    });
    expect(res.status).toBe(302);
    const cur = formQuestions(editionId).find((x) => x.id === q.travel)!;
    expect(cur.currentVersion).toBe(2);
    // Bus and Boat keep their keys; the renamed choice gets a new one.
    expect(cur.v.options.map((o) => [o.key, o.label.en])).toEqual([
      ["o1", "Bus"],
      ["o4", "Aeroplane"],
      ["o3", "Boat"],
    ]);
    const shown = answersForApplication(myApp()!.id, "en", YES_NO).find((a) => a.questionId === q.travel)!;
    expect(shown).toMatchObject({ label: "How will you travel?", answer: "Plane", changed: true, removed: false });
    // Saving the same again writes no version.
    await postQuestion({
      intent: "save",
      questionId: String(q.travel),
      kind: "single_choice",
      label: "How will you come?",
      options: "Bus\nAeroplane\nBoat",
      "tr.options.th": "รถโดยสาร\nเครื่องบิน\nเรือ",
    });
    expect(formQuestions(editionId).find((x) => x.id === q.travel)!.currentVersion).toBe(2);
    expect(
      db()
        .select()
        .from(t.auditEvents)
        .where(and(eq(t.auditEvents.entityType, "application_question"), eq(t.auditEvents.action, "update")))
        .all(),
    ).toHaveLength(1);
  });

  it("removing hides a question from the form and keeps its answers; putting it back shows it again", async () => {
    const app = myApp()!;
    expect((await postQuestion({ intent: "remove", questionId: String(q.crops) })).status).toBe(302);
    expect(formQuestions(editionId).map((x) => x.id)).not.toContain(q.crops);
    expect(answersOf(app.id).find((a) => a.questionId === q.crops)?.value).toEqual(["o1"]);
    expect(answersForApplication(app.id, "en", YES_NO).find((a) => a.questionId === q.crops)).toMatchObject({ answer: "Rice", removed: true });
    await postQuestion({ intent: "restore", questionId: String(q.crops) });
    expect(formQuestions(editionId).map((x) => x.id)).toContain(q.crops);
    await postQuestion({ intent: "remove", questionId: String(q.crops) });
  });

  it("the focal point of the applicant's country sees the answers; another country's gets 404", async () => {
    const app = myApp()!;
    const th = await createUser({ roles: [{ role: "focal_point", countryCode: "TH" }] });
    const vn = await createUser({ roles: [{ role: "focal_point", countryCode: "VN" }] });
    const ok = await call(focalRoute.loader, `/focal/applications/${app.id}`, { params: { id: String(app.id) }, cookie: await cookieFor(th.id) });
    expect((await ok.json()).answers).toHaveLength(4);
    const no = await call(focalRoute.loader, `/focal/applications/${app.id}`, { params: { id: String(app.id) }, cookie: await cookieFor(vn.id) });
    expect(no.status).toBe(404);
  });

  it("the applications CSV of the edition has a column per question, removed ones too, answers as given", async () => {
    const res = await call(exportLoader, `/admin/exports/applications.csv?edition=${editionId}`, { params: { kind: "applications" }, cookie: orgCookie });
    expect(res.status).toBe(200);
    const rows = parse(await bodyText(res), { columns: true, bom: true }) as Record<string, string>[];
    const row = rows.find((r) => r.given_name === "สมชาย")!;
    expect(row[`q${q.coop}_Name of your village cooperative`]).toBe("สหกรณ์บ้านหนองบัว");
    expect(row[`q${q.travel}_How will you come?`]).toBe("Plane");
    expect(row[`q${q.crops}_Main crops`]).toBe("Rice");
    expect(row[`q${q.visa}_Do you need a visa?`]).toBe("no");
    expect(row[`q${q.households}_Households in your village`]).toBe("");
  });
});

describe("answer parsing (pure)", () => {
  const specs = [
    { id: 1, kind: "number" as const, required: false, options: [] },
    { id: 2, kind: "short_text" as const, required: true, options: [] },
  ];
  it("reads decimal commas, refuses exponents and over-long text", () => {
    const get = (m: Record<string, string[]>) => (name: string) => m[name] ?? [];
    expect(parseAnswers(specs, get({ q_1: ["3,5"], q_2: ["x"] }), true).values.get(1)).toBe(3.5);
    expect(parseAnswers(specs, get({ q_1: ["1e9"] }), false).errors.q_1).toEqual(["secretariat.questions.errors.number"]);
    expect(parseAnswers(specs, get({ q_2: ["x".repeat(301)] }), false).errors.q_2).toEqual(['errors.tooLongMax|{"count":300}']);
    expect(parseAnswers(specs, get({}), false).errors).toEqual({});
    expect(parseAnswers(specs, get({}), true).errors).toEqual({ q_2: ["errors.required"] });
  });
  it("keeps option keys by English label across versions", () => {
    const v1 = assignOptionKeys([], [{ en: "A" }, { en: "B" }]);
    expect(assignOptionKeys(v1, [{ en: "b" }, { en: "C" }, { en: "A" }]).map((o) => o.key)).toEqual(["o2", "o3", "o1"]);
  });
});
