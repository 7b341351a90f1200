// Applying (village leader): draft, submit, strict validation, window, double submit, withdraw,
// and scope (someone else's application is 404 everywhere).
import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import "~/forms/zod-errors";
import { db, immediate, t } from "~/db.server";
import { addDays, todayIn } from "~/domain/dates";
import type { Actor } from "~/models/actor";
import {
  getOwnApplication,
  notifyStatusChange,
  saveDraft,
  startApplication,
  submitApplication,
  transitionApplication,
  withdrawApplication,
} from "~/models/applications/applications.server";
import { auditTrail } from "~/models/audit.server";
import { FieldErrors, NotFoundError, RuleError } from "~/models/errors";
import { draftSchema } from "~/forms/application";
import * as applyRoute from "~/routes/apply.$editionId";
import * as statusRoute from "~/routes/me.applications.$id";
import * as meRoute from "~/routes/me";
import { call, cookieFor, createUser } from "../support/factories";

const ZONE = "Asia/Bangkok";
const today = todayIn(ZONE);

function insertEdition(name: string, open: string, close: string, starts = addDays(today, 60)) {
  return db()
    .insert(t.editions)
    .values({
      name,
      ordinal: 10,
      mode: "in_person",
      hostCountries: ["TH"],
      startsOn: starts,
      endsOn: addDays(starts, 7),
      applicationsOpenOn: open,
      applicationsCloseOn: close,
      timeZone: ZONE,
      themes: ["rural_tourism", "cooperatives", "eco_agriculture"],
    })
    .returning({ id: t.editions.id })
    .get().id;
}

/** A complete, valid answer set (Thai leader). */
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
  "languages[1].code": "en",
  "languages[1].level": "basic",
  "languages[2].code": "",
  "languages[2].level": "",
  themes: ["rural_tourism", "cooperatives"],
  "preferredHostCountries[0]": "VN",
  "preferredHostCountries[1]": "CN",
  "preferredHostCountries[2]": "",
  availableFrom: addDays(today, 50),
  availableTo: addDays(today, 90),
  dietaryNeeds: "ไม่ทานเนื้อวัว",
  accessibilityNeeds: "",
  sensitiveConsent: "on",
  emergencyContactName: "สมหญิง ใจดี",
  emergencyContactRelation: "ภรรยา",
  emergencyContactPhone: "081 234 5678",
  phone: "0812345679",
  motivation: "อยากเรียนรู้เรื่องการท่องเที่ยวชุมชนและสหกรณ์",
};

function appRow(id: number) {
  return db().select().from(t.applications).where(eq(t.applications.id, id)).get()!;
}
function countFor(userId: number, editionId: number) {
  return (
    db()
      .select({ n: sql<number>`count(*)` })
      .from(t.applications)
      .where(and(eq(t.applications.userId, userId), eq(t.applications.editionId, editionId)))
      .get()?.n ?? 0
  );
}

let openId: number;
let closedId: number;
let leader: Actor;
let other: Actor;
let leaderCookie: string;
let otherCookie: string;

beforeAll(async () => {
  openId = insertEdition("10th edition", addDays(today, -10), addDays(today, 10));
  closedId = insertEdition("9th edition", addDays(today, -60), addDays(today, -1), addDays(today, 5));
  leader = await createUser({ name: "Somchai" });
  other = await createUser({ name: "Other leader" });
  leaderCookie = await cookieFor(leader.id);
  otherCookie = await cookieFor(other.id);
});

describe("applying", () => {
  it("sends anonymous visitors to the login page", async () => {
    const res = await call(applyRoute.loader, `/apply/${openId}`, { params: { editionId: String(openId) } });
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe(`/login?redirectTo=${encodeURIComponent(`/apply/${openId}`)}`);
  });

  it("GET writes nothing (issue 12 item 3); the first save creates one draft per person and edition", async () => {
    const args = { params: { editionId: String(openId) }, cookie: leaderCookie };
    const first = await call(applyRoute.loader, `/apply/${openId}`, args);
    expect(first.status).toBe(200);
    const body = await first.json();
    expect(body.application).toBeNull();
    expect(body.canSubmit).toBe(true);
    expect(body.defaultValue.languages).toHaveLength(5);
    expect(body.defaultValue.preferredHostCountries).toHaveLength(3);
    expect(countFor(leader.id, openId)).toBe(0);
    await call(applyRoute.loader, `/apply/${openId}`, args);
    expect(countFor(leader.id, openId)).toBe(0);
    const saved = await call(applyRoute.action, `/apply/${openId}`, { ...args, form: { intent: "save", givenName: "Somchai" } });
    expect(saved.status).toBe(302);
    expect(countFor(leader.id, openId)).toBe(1);
    const again = await (await call(applyRoute.loader, `/apply/${openId}`, args)).json();
    expect(again.application.status).toBe("draft");
    expect(startApplication(leader, openId).id).toBe(again.application.id);
    expect(countFor(leader.id, openId)).toBe(1);
  });

  it("saves a draft with only some answers, keeping Unicode and date-only text", async () => {
    const res = await call(applyRoute.action, `/apply/${openId}`, {
      params: { editionId: String(openId) },
      cookie: leaderCookie,
      form: { intent: "save", givenName: "Nguyễn Thị Ánh", nationality: "VN", birthDate: "1968-01-01", phone: "0912 345 678" },
    });
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe(`/apply/${openId}?saved=1`);
    const app = startApplication(leader, openId);
    expect(app.givenName).toBe("Nguyễn Thị Ánh");
    expect(app.birthDate).toBe("1968-01-01");
    expect(app.phone).toBe("+84912345678");
    expect(app.nameOrder).toBe("family_first");
    expect(app.searchName).toContain("nguyen thi anh");
    expect(app.status).toBe("draft");
    const page = await (await call(applyRoute.loader, `/apply/${openId}`, { params: { editionId: String(openId) }, cookie: leaderCookie })).json();
    expect(page.defaultValue.birthDate).toBe("1968-01-01");
    expect(page.defaultValue.givenName).toBe("Nguyễn Thị Ánh");
  });

  it("a draft still checks formats (bad date, bad phone, duplicate country, needs without consent)", async () => {
    const before = startApplication(leader, openId);
    const res = await call(applyRoute.action, `/apply/${openId}`, {
      params: { editionId: String(openId) },
      cookie: leaderCookie,
      form: {
        intent: "save",
        givenName: "ทดสอบ",
        birthDate: "1968-02-30",
        phone: "12",
        "preferredHostCountries[0]": "CN",
        "preferredHostCountries[1]": "CN",
        dietaryNeeds: "halal",
      },
    });
    expect(res.status).toBe(400);
    const reply = await res.json();
    expect(reply.error.birthDate).toEqual(["errors.date"]);
    expect(reply.error.phone).toEqual(["errors.phoneInvalid"]);
    expect(reply.error["preferredHostCountries[1]"]).toEqual(["errors.duplicate"]);
    expect(reply.error.sensitiveConsent).toEqual(["errors.consentRequired"]);
    expect(appRow(before.id)).toEqual(before);
  });

  it("refuses birth dates before 1920 or in the future", () => {
    for (const birthDate of ["1919-12-31", addDays(today, 3)]) {
      const r = draftSchema.safeParse({ birthDate });
      expect(r.success).toBe(false);
      expect(r.error?.issues[0].message).toBe("errors.birthDateRange");
    }
    expect(draftSchema.safeParse({ birthDate: "1920-01-01" }).success).toBe(true);
  });

  it("a failed submit answers 400 with every typed value kept and errors on fields, and saves what was typed as the draft (issue 12 item 2)", async () => {
    const before = startApplication(leader, openId);
    const typed = { ...complete, givenNameLatin: "", village: "", "languages[1].level": "", motivation: "" };
    const res = await call(applyRoute.action, `/apply/${openId}`, {
      params: { editionId: String(openId) },
      cookie: leaderCookie,
      form: { ...typed, intent: "submit" },
    });
    expect(res.status).toBe(400);
    const reply = await res.json();
    expect(reply.error).toMatchObject({
      givenNameLatin: ["errors.required"],
      village: ["errors.required"],
      "languages[1].level": ["errors.required"],
      motivation: ["errors.required"],
    });
    const kept = reply.initialValue;
    expect(kept.givenName).toBe("สมชาย");
    expect(kept.province).toBe("ขอนแก่น");
    expect(kept.dietaryNeeds).toBe("ไม่ทานเนื้อวัว");
    expect(kept.birthDate).toBe("1968-01-01");
    expect(kept.themes).toEqual(["rural_tourism", "cooperatives"]);
    expect(kept.languages[1].code).toBe("en");
    expect(kept.preferredHostCountries.slice(0, 2)).toEqual(["VN", "CN"]);
    expect(kept.emergencyContactPhone).toBe("081 234 5678");
    expect(reply.draftSaved).toBe(true);
    // Reloading the page (no JavaScript) shows the typed answers: they are the draft now.
    const row = appRow(before.id);
    expect(row.status).toBe("draft");
    expect(row.givenName).toBe("สมชาย");
    expect(row.motivation).toBe("");
    expect(row.preferredHostCountries).toEqual(["VN", "CN"]);
    const page = await (await call(applyRoute.loader, `/apply/${openId}`, { params: { editionId: String(openId) }, cookie: leaderCookie })).json();
    expect(page.defaultValue.province).toBe("ขอนแก่น");
    expect(page.defaultValue.dietaryNeeds).toBe("ไม่ทานเนื้อวัว");
  });

  it('"No preference" for every country to visit is a valid answer to submit (issue 12 item 1)', async () => {
    const u = await createUser({ name: "No preference" });
    const form = { ...complete, "preferredHostCountries[0]": "", "preferredHostCountries[1]": "", "preferredHostCountries[2]": "", intent: "submit" };
    const res = await call(applyRoute.action, `/apply/${openId}`, { params: { editionId: String(openId) }, cookie: await cookieFor(u.id), form });
    expect(res.status).toBe(302);
    const app = db()
      .select()
      .from(t.applications)
      .where(and(eq(t.applications.userId, u.id), eq(t.applications.editionId, openId)))
      .get()!;
    expect(app.status).toBe("submitted");
    expect(app.preferredHostCountries).toEqual([]);
  });

  it("refuses themes the edition does not offer", async () => {
    const res = await call(applyRoute.action, `/apply/${openId}`, {
      params: { editionId: String(openId) },
      cookie: leaderCookie,
      form: { ...complete, themes: ["health"], intent: "submit" },
    });
    expect(res.status).toBe(400);
    expect((await res.json()).error.themes).toEqual(["errors.invalid"]);
    expect(startApplication(leader, openId).status).toBe("draft");
  });

  it("submits, audits, and a repeated submit keeps one record and lands on the status page", async () => {
    const args = { params: { editionId: String(openId) }, cookie: leaderCookie, form: { ...complete, intent: "submit" } };
    const res = await call(applyRoute.action, `/apply/${openId}`, args);
    expect(res.status).toBe(302);
    const app = startApplication(leader, openId);
    expect(res.headers.get("Location")).toBe(`/me/applications/${app.id}?submitted=1`);
    expect(app.status).toBe("submitted");
    expect(app.submittedAt).not.toBeNull();
    expect(app.phone).toBe("+66812345679");
    expect(app.emergencyContactPhone).toBe("+66812345678");
    expect(app.languages).toEqual([
      { code: "th", level: "native" },
      { code: "en", level: "basic" },
    ]);
    expect(app.preferredHostCountries).toEqual(["VN", "CN"]);
    expect(app.sensitiveConsentAt).not.toBeNull();
    expect(app.searchName).toContain("somchai");

    const again = await call(applyRoute.action, `/apply/${openId}`, args);
    expect(again.status).toBe(302);
    expect(again.headers.get("Location")).toBe(`/me/applications/${app.id}`);
    expect(countFor(leader.id, openId)).toBe(1);
    expect(submitApplication(leader, app.id, draftSchema.parse({})).already).toBe(true);
    expect(auditTrail("application", app.id).filter((e) => e.action === "submit")).toHaveLength(1);

    // The form page now sends to the status page; the draft cannot be changed any more.
    const page = await call(applyRoute.loader, `/apply/${openId}`, { params: { editionId: String(openId) }, cookie: leaderCookie });
    expect(page.status).toBe(302);
    expect(() => saveDraft(leader, app.id, draftSchema.parse({}))).toThrow(RuleError);
  });

  it("shows the status page with badge data, explanation keys and the audit trail", async () => {
    const app = startApplication(leader, openId);
    const res = await call(statusRoute.loader, `/me/applications/${app.id}`, { params: { id: String(app.id) }, cookie: leaderCookie });
    expect(res.status).toBe(200);
    const data = await res.json();
    expect(data.application.status).toBe("submitted");
    expect(data.application.birthDate).toBe("1968-01-01");
    expect(data.application.birthDateText).toBe("January 1, 1968");
    expect(data.trail.map((e: { action: string }) => e.action)).toEqual(["create", "submit"]);
    expect(data.canWithdraw).toBe(true);
    expect(data.canEdit).toBe(false);
    const list = await (await call(meRoute.loader, "/me", { cookie: leaderCookie })).json();
    expect(list.applications).toEqual([expect.objectContaining({ id: app.id, status: "submitted", editable: false })]);
  });

  it("/me offers Check-in and Certificate only where they can work: not for a future edition (issue 12 item 5)", async () => {
    const u = await createUser({ name: "Accepted twice" });
    const future = insertEdition("11th edition", addDays(today, -30), addDays(today, -5), addDays(today, 60));
    const running = insertEdition("Running edition", addDays(today, -90), addDays(today, -60), addDays(today, -2));
    for (const editionId of [future, running]) db().insert(t.applications).values({ editionId, userId: u.id, status: "accepted" }).run();
    const list = await (await call(meRoute.loader, "/me", { cookie: await cookieFor(u.id) })).json();
    const of = (editionId: number) => list.applications.find((a: { editionId: number }) => a.editionId === editionId);
    expect(of(future)).toMatchObject({ canCheckIn: false, hasCertificate: false });
    expect(of(running)).toMatchObject({ canCheckIn: true, hasCertificate: true });
  });

  it("refuses to submit when the window is closed, writing nothing", async () => {
    const draftId = db().insert(t.applications).values({ editionId: closedId, userId: leader.id, givenName: "ก่อน" }).returning().get().id;
    const before = appRow(draftId);
    const res = await call(applyRoute.action, `/apply/${closedId}`, {
      params: { editionId: String(closedId) },
      cookie: leaderCookie,
      form: { ...complete, intent: "submit" },
    });
    expect(res.status).toBe(409);
    expect((await res.json()).error[""]).toEqual(["errors.windowClosed"]);
    expect(appRow(draftId)).toEqual(before);
    // No new draft can be started there either.
    expect(() => startApplication(other, closedId)).toThrow(RuleError);
    const page = await (await call(applyRoute.loader, `/apply/${closedId}`, { params: { editionId: String(closedId) }, cookie: otherCookie })).json();
    expect(page.defaultValue).toBeNull();
    expect(countFor(other.id, closedId)).toBe(0);
  });

  it("another applicant gets 404 for the page and for each action", async () => {
    const app = startApplication(leader, openId);
    const before = appRow(app.id);
    const params = { id: String(app.id) };
    expect((await call(statusRoute.loader, `/me/applications/${app.id}`, { params, cookie: otherCookie })).status).toBe(404);
    const w = await call(statusRoute.action, `/me/applications/${app.id}`, { params, cookie: otherCookie, form: { intent: "withdraw", confirm: "yes" } });
    expect(w.status).toBe(404);
    expect(() => getOwnApplication(other, app.id)).toThrow(NotFoundError);
    expect(() => saveDraft(other, app.id, draftSchema.parse({ givenName: "x" }))).toThrow(NotFoundError);
    expect(() => submitApplication(other, app.id, draftSchema.parse({}))).toThrow(NotFoundError);
    expect(() => withdrawApplication(other, app.id)).toThrow(NotFoundError);
    // Posting to the apply page only ever touches the poster's own application.
    const own = await call(applyRoute.action, `/apply/${openId}`, {
      params: { editionId: String(openId) },
      cookie: otherCookie,
      form: { intent: "save", givenName: "Other" },
    });
    expect(own.status).toBe(302);
    expect(appRow(app.id)).toEqual(before);
    expect(startApplication(other, openId).givenName).toBe("Other");
    expect((await call(statusRoute.loader, "/me/applications/999999", { params: { id: "999999" }, cookie: leaderCookie })).status).toBe(404);
  });

  it("withdraws only with confirmation, then shows withdrawn", async () => {
    const app = startApplication(leader, openId);
    const params = { id: String(app.id) };
    const unconfirmed = await call(statusRoute.action, `/me/applications/${app.id}`, { params, cookie: leaderCookie, form: { intent: "withdraw" } });
    expect(unconfirmed.status).toBe(400);
    expect((await unconfirmed.json()).error.confirm).toEqual(["apply.errors.confirmWithdraw"]);
    expect(appRow(app.id).status).toBe("submitted");
    const res = await call(statusRoute.action, `/me/applications/${app.id}`, { params, cookie: leaderCookie, form: { intent: "withdraw", confirm: "yes" } });
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe(`/me/applications/${app.id}?withdrawn=1`);
    expect(appRow(app.id).status).toBe("withdrawn");
    const again = await call(statusRoute.action, `/me/applications/${app.id}`, { params, cookie: leaderCookie, form: { intent: "withdraw", confirm: "yes" } });
    expect(again.status).toBe(409);
    const data = await (await call(statusRoute.loader, `/me/applications/${app.id}`, { params, cookie: leaderCookie })).json();
    expect(data.trail.at(-1)).toMatchObject({ action: "withdraw", fromState: "submitted", toState: "withdrawn" });
    expect(data.canWithdraw).toBe(false);
  });
});

describe("transitionApplication and notifyStatusChange", () => {
  it("checks the life cycle, requires reasons, audits, and mails in the applicant's language", async () => {
    const vi = await createUser({ name: "Trần Văn Bình", locale: "vi" });
    const fp = await createUser({ name: "FP Viet Nam", roles: [{ role: "focal_point", countryCode: "VN" }] });
    const app = startApplication(vi, openId);
    submitApplication(vi, app.id, submitInput());
    const loaded = () => appRow(app.id);
    expect(() => immediate(db(), (tx) => transitionApplication(tx, fp, loaded(), "accept", "focal_point"))).toThrow(RuleError);
    expect(() => immediate(db(), (tx) => transitionApplication(tx, fp, loaded(), "return", "focal_point", " "))).toThrow(FieldErrors);
    expect(immediate(db(), (tx) => transitionApplication(tx, fp, loaded(), "return", "focal_point", "Thiếu chữ ký"))).toBe("draft");
    expect(loaded().statusReason).toBe("Thiếu chữ ký");
    expect(auditTrail("application", app.id).at(-1)).toMatchObject({ action: "return", fromState: "submitted", toState: "draft", reason: "Thiếu chữ ký" });
    // A stale copy (status changed meanwhile) is refused instead of overwriting.
    expect(() => immediate(db(), (tx) => transitionApplication(tx, fp, { id: app.id, status: "submitted" }, "endorse", "focal_point"))).toThrow(RuleError);

    await notifyStatusChange(app.id);
    const mail = db().select().from(t.outbox).where(eq(t.outbox.toAddress, vi.email)).all().at(-1)!;
    expect(mail.subject).toContain("Bản nháp");
    expect(mail.text).toContain("Thiếu chữ ký");
    expect(mail.text).toContain(`/me/applications/${app.id}`);
  });
});

/** A complete input for a Vietnamese leader, shaped as the schema receives it after conform's parsing. */
function submitInput() {
  return draftSchema.parse({
    ...Object.fromEntries(Object.entries(complete).filter(([k]) => !k.includes("["))),
    yearsInPosition: 6,
    sensitiveConsent: true,
    nameOrder: undefined,
    languages: [{ code: "vi", level: "native" }],
    preferredHostCountries: ["TH"],
    nationality: "VN",
    phone: "0912345670",
    emergencyContactPhone: "0912345671",
  });
}
