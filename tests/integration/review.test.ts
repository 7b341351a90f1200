// Nominating and reviewing: the focal point's quota (checked and written in one BEGIN IMMEDIATE
// transaction), returns with a reason, nominations, the organizer's decisions with audit events,
// filters and the diacritic-insensitive name search, and scope (404, never 403).
import path from "node:path";
import { Worker } from "node:worker_threads";
import { and, eq, inArray, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import "~/forms/zod-errors";
import { db, t } from "~/db.server";
import { QUOTA_STATUSES } from "~/domain/application-lifecycle";
import { addDays, todayIn } from "~/domain/dates";
import { searchText } from "~/domain/names";
import { endorse } from "~/models/applications/focal-review.server";
import { listApplicationsForReview } from "~/models/applications/review.server";
import { RuleError } from "~/models/errors";
import { loader as adminLayoutLoader } from "~/routes/admin";
import { loader as adminHomeLoader } from "~/routes/admin._index";
import { action as decideAction, loader as reviewLoader } from "~/routes/admin.applications.$id";
import { loader as reviewListLoader } from "~/routes/admin.applications._index";
import { action as editEditionAction, loader as editEditionLoader } from "~/routes/admin.editions.$id";
import { loader as editionsLoader } from "~/routes/admin.editions._index";
import { action as newEditionAction, loader as newEditionLoader } from "~/routes/admin.editions.new";
import { action as inviteAction, loader as invitationsLoader } from "~/routes/admin.invitations";
import { loader as outboxLoader } from "~/routes/admin.outbox";
import { loader as focalLayoutLoader } from "~/routes/focal";
import { loader as focalHomeLoader } from "~/routes/focal._index";
import { action as focalAction, loader as focalAppLoader } from "~/routes/focal.applications.$id";
import { action as nominateAction, loader as nominateLoader } from "~/routes/focal.nominate";
import { action as claimAction } from "~/routes/claim.$token";
import type { ApplicationStatus } from "../../db/schema/programme";
import { call, cookieFor, createUser } from "../support/factories";

// ---------------------------------------------------------------------------------------------
// set-up helpers
// ---------------------------------------------------------------------------------------------

let seq = 0;

/** An edition whose application window is open today, with the given quotas. */
function makeEdition(quotas: Record<string, number> = {}) {
  seq += 1;
  const today = todayIn("Asia/Bangkok");
  const id = db()
    .insert(t.editions)
    .values({
      name: `Edition ${seq}`,
      ordinal: seq,
      mode: "in_person",
      hostCountries: ["TH"],
      startsOn: addDays(today, 40),
      endsOn: addDays(today, 47),
      applicationsOpenOn: addDays(today, -10),
      applicationsCloseOn: addDays(today, 20),
      timeZone: "Asia/Bangkok",
      themes: ["rural_tourism", "cooperatives", "eco_agriculture"],
    })
    .returning({ id: t.editions.id })
    .get().id;
  const rows = Object.entries(quotas).map(([countryCode, quota]) => ({ editionId: id, countryCode, quota }));
  if (rows.length) db().insert(t.editionQuotas).values(rows).run();
  return id;
}

type AppOpts = {
  editionId: number;
  nationality: string;
  status?: ApplicationStatus;
  givenName?: string;
  familyName?: string;
  givenNameLatin?: string;
  familyNameLatin?: string;
  nameOrder?: "given_first" | "family_first";
  gender?: "female" | "male" | "other" | "undisclosed";
  themes?: string[];
};

/** An application by a fresh applicant; returns its id. */
async function makeApp(o: AppOpts): Promise<number> {
  const user = await createUser({ name: o.givenName ?? "Applicant" });
  const name = {
    givenName: o.givenName ?? "Somchai",
    familyName: o.familyName ?? "",
    givenNameLatin: o.givenNameLatin ?? "",
    familyNameLatin: o.familyNameLatin ?? "",
    nameOrder: o.nameOrder ?? "given_first",
  } as const;
  return db()
    .insert(t.applications)
    .values({
      editionId: o.editionId,
      userId: user.id,
      status: o.status ?? "submitted",
      ...name,
      searchName: searchText(name),
      gender: o.gender ?? "female",
      nationality: o.nationality,
      themes: o.themes ?? ["rural_tourism"],
      village: "Ban Na",
      province: "Province",
      position: "Head",
      dietaryNeeds: "Halal",
      submittedAt: new Date().toISOString(),
    })
    .returning({ id: t.applications.id })
    .get().id;
}

const app = (id: number) => db().select().from(t.applications).where(eq(t.applications.id, id)).get()!;
const eventsOf = (id: number) =>
  db()
    .select()
    .from(t.auditEvents)
    .where(and(eq(t.auditEvents.entityType, "application"), eq(t.auditEvents.entityId, id)))
    .all();
const placesTaken = (editionId: number, country: string) =>
  db()
    .select({ n: sql<number>`count(*)` })
    .from(t.applications)
    .where(and(eq(t.applications.editionId, editionId), eq(t.applications.nationality, country), inArray(t.applications.status, QUOTA_STATUSES)))
    .get()!.n;

async function focalPoint(country: string) {
  const actor = await createUser({ roles: [{ role: "focal_point", countryCode: country }] });
  return { actor, cookie: await cookieFor(actor.id) };
}
async function organizer() {
  const actor = await createUser({ roles: [{ role: "organizer" }] });
  return { actor, cookie: await cookieFor(actor.id) };
}

// ---------------------------------------------------------------------------------------------
// the quota
// ---------------------------------------------------------------------------------------------

describe("focal point: endorsing within the country's quota", () => {
  it("endorses while a place is free, then refuses past the quota and writes nothing", async () => {
    const ed = makeEdition({ VN: 2 });
    const { cookie } = await focalPoint("VN");
    await makeApp({ editionId: ed, nationality: "VN", status: "waitlisted" }); // takes a place
    await makeApp({ editionId: ed, nationality: "VN", status: "rejected" }); // frees its place
    const a = await makeApp({ editionId: ed, nationality: "VN" });
    const b = await makeApp({ editionId: ed, nationality: "VN" });

    const ok = await call(focalAction, `/focal/applications/${a}`, { cookie, params: { id: String(a) }, form: { intent: "endorse" } });
    expect(ok.status).toBe(302);
    expect(app(a).status).toBe("endorsed");
    expect(eventsOf(a).map((e) => [e.action, e.fromState, e.toState])).toEqual([["endorse", "submitted", "endorsed"]]);
    expect(placesTaken(ed, "VN")).toBe(2);

    // The bad outcome the guard prevents: a third place taken with a quota of 2.
    const before = eventsOf(b).length;
    const refused = await call(focalAction, `/focal/applications/${b}`, { cookie, params: { id: String(b) }, form: { intent: "endorse" } });
    expect(refused.status).toBe(409);
    const body = await refused.json();
    expect(body.error[""][0]).toMatch(/^focal\.errors\.quotaFull\|/);
    expect(JSON.parse(body.error[""][0].split("|")[1])).toEqual({ quota: 2, used: 2 });
    expect(app(b).status).toBe("submitted");
    expect(eventsOf(b).length).toBe(before);
    expect(placesTaken(ed, "VN")).toBe(2);

    // The page shows the quota as "2 of 2".
    const page = await call(focalHomeLoader, `/focal?edition=${ed}`, { cookie });
    const data = await page.json();
    expect(data.summary.quota).toBe(2);
    expect(data.summary.used).toBe(2);
    expect(data.summary.counts).toMatchObject({ submitted: 1, endorsed: 1, waitlisted: 1, rejected: 1 });
  });

  it("another country's endorsements do not use this country's quota", async () => {
    const ed = makeEdition({ VN: 1, TH: 1 });
    await makeApp({ editionId: ed, nationality: "TH", status: "endorsed" });
    const { actor } = await focalPoint("VN");
    const a = await makeApp({ editionId: ed, nationality: "VN" });
    await endorse(actor, a);
    expect(app(a).status).toBe("endorsed");
  });

  it("many endorsements at the same instant never take more places than the quota", async () => {
    const ed = makeEdition({ KH: 3 });
    const { cookie } = await focalPoint("KH");
    const ids = await Promise.all(Array.from({ length: 8 }, () => makeApp({ editionId: ed, nationality: "KH" })));
    const results = await Promise.all(
      ids.map((id) => call(focalAction, `/focal/applications/${id}`, { cookie, params: { id: String(id) }, form: { intent: "endorse" } })),
    );
    expect(results.map((r) => r.status).sort()).toEqual([302, 302, 302, 409, 409, 409, 409, 409]);
    expect(placesTaken(ed, "KH")).toBe(3);
  });

  it("a second connection writing at the same time (another server process) cannot push past the quota", async () => {
    const ed = makeEdition({ LA: 1 });
    const { actor } = await focalPoint("LA");
    const first = await makeApp({ editionId: ed, nationality: "LA" });
    const second = await makeApp({ editionId: ed, nationality: "LA" });
    // Another connection takes the last place inside its own write transaction and commits a
    // moment later; our endorse must wait for it (BEGIN IMMEDIATE + busy_timeout) and then see it.
    const worker = new Worker(
      `const { parentPort, workerData } = require("node:worker_threads");
       const Database = require(workerData.module);
       const conn = new Database(workerData.file);
       conn.pragma("busy_timeout = 5000");
       conn.exec("BEGIN IMMEDIATE");
       conn.prepare("UPDATE applications SET status = 'endorsed' WHERE id = ?").run(workerData.id);
       parentPort.postMessage("locked");
       Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 400);
       conn.exec("COMMIT");
       conn.close();
       parentPort.postMessage("done");`,
      { eval: true, workerData: { file: process.env.DATABASE_PATH, id: first, module: path.resolve("node_modules/better-sqlite3") } },
    );
    await new Promise<void>((resolve) => worker.on("message", (m) => m === "locked" && resolve()));
    await expect(endorse(actor, second)).rejects.toBeInstanceOf(RuleError);
    await new Promise((r) => worker.on("exit", r));
    expect(app(first).status).toBe("endorsed");
    expect(app(second).status).toBe("submitted");
    expect(placesTaken(ed, "LA")).toBe(1);
  });

  it("a rejection frees the place for the next endorsement", async () => {
    const ed = makeEdition({ MM: 1 });
    const { cookie } = await focalPoint("MM");
    const org = await organizer();
    const a = await makeApp({ editionId: ed, nationality: "MM", status: "endorsed" });
    const b = await makeApp({ editionId: ed, nationality: "MM" });
    expect((await call(focalAction, "/", { cookie, params: { id: String(b) }, form: { intent: "endorse" } })).status).toBe(409);
    const r = await call(decideAction, "/", { cookie: org.cookie, params: { id: String(a) }, form: { intent: "reject", reason: "Not eligible this year" } });
    expect(r.status).toBe(302);
    expect((await call(focalAction, "/", { cookie, params: { id: String(b) }, form: { intent: "endorse" } })).status).toBe(302);
    expect(placesTaken(ed, "MM")).toBe(1);
  });
});

describe("focal point: returning an application", () => {
  it("needs a reason; with one the application is a draft again, the reason kept and audited", async () => {
    const ed = makeEdition({ VN: 5 });
    const { cookie, actor } = await focalPoint("VN");
    const a = await makeApp({ editionId: ed, nationality: "VN" });

    const noReason = await call(focalAction, "/", { cookie, params: { id: String(a) }, form: { intent: "return", reason: "  " } });
    expect(noReason.status).toBe(400);
    expect((await noReason.json()).error.reason).toEqual(["errors.required"]);
    expect(app(a).status).toBe("submitted");
    expect(eventsOf(a)).toEqual([]);

    const reason = "Thêm số năm giữ chức vụ, please.";
    const r = await call(focalAction, "/", { cookie, params: { id: String(a) }, form: { intent: "return", reason } });
    expect(r.status).toBe(302);
    expect(app(a)).toMatchObject({ status: "draft", statusReason: reason });
    expect(eventsOf(a)).toMatchObject([{ action: "return", fromState: "submitted", toState: "draft", reason, actorUserId: actor.id }]);
    // The applicant is told by mail.
    const mail = db().select().from(t.outbox).all().at(-1)!;
    expect(mail.text).toContain(reason);
  });

  it("cannot endorse or return a draft (the life cycle refuses with 409)", async () => {
    const ed = makeEdition({ VN: 5 });
    const { cookie } = await focalPoint("VN");
    const a = await makeApp({ editionId: ed, nationality: "VN", status: "draft" });
    const r = await call(focalAction, "/", { cookie, params: { id: String(a) }, form: { intent: "endorse" } });
    expect(r.status).toBe(409);
    expect(app(a).status).toBe("draft");
  });

  it("the focal point's page leaves out health data", async () => {
    const ed = makeEdition();
    const { cookie } = await focalPoint("VN");
    const a = await makeApp({ editionId: ed, nationality: "VN" });
    const data = await (await call(focalAppLoader, "/", { cookie, params: { id: String(a) } })).json();
    expect(data.app.sensitive).toBeNull();
    expect(JSON.stringify(data)).not.toContain("Halal");
  });
});

// ---------------------------------------------------------------------------------------------
// nominating
// ---------------------------------------------------------------------------------------------

const nomination = (email: string) => ({
  intent: "submit",
  email,
  givenName: "Thị Ánh",
  familyName: "Nguyễn",
  givenNameLatin: "Thi Anh",
  familyNameLatin: "Nguyen",
  nameOrder: "family_first",
  gender: "female",
  birthDate: "1980-05-01",
  nationality: "TH", // ignored: the focal point's country wins
  village: "Thôn Đông",
  province: "Lào Cai",
  position: "Trưởng thôn",
  positionKind: "village_head",
  yearsInPosition: "6",
  "languages[0].code": "vi",
  "languages[0].level": "native",
  themes: "rural_tourism",
  "preferredHostCountries[0]": "TH",
  availableFrom: addDays(todayIn("Asia/Bangkok"), 40),
  availableTo: addDays(todayIn("Asia/Bangkok"), 47),
  emergencyContactName: "Nguyễn Văn B",
  emergencyContactRelation: "Chồng",
  emergencyContactPhone: "0912345678",
  phone: "0987654321",
  motivation: "Học hỏi về du lịch cộng đồng.",
});

describe("focal point: nominating a leader with no account", () => {
  it("creates the account (no password), a draft nominated by the focal point, and mails a claim link", async () => {
    const ed = makeEdition({ VN: 3 });
    const { cookie, actor } = await focalPoint("VN");
    const r = await call(nominateAction, `/focal/nominate?edition=${ed}`, { cookie, form: nomination("  Anh.Nguyen@Example.VN ") });
    expect(r.status).toBe(302);
    const user = db().select().from(t.users).where(eq(t.users.email, "anh.nguyen@example.vn")).get()!;
    expect(user.passwordHash).toBeNull();
    const a = db().select().from(t.applications).where(eq(t.applications.userId, user.id)).get()!;
    expect(a).toMatchObject({ status: "draft", nationality: "VN", nominatedBy: actor.id, editionId: ed, familyName: "Nguyễn" });
    expect(a.searchName).toContain("nguyen thi anh");
    expect(r.headers.get("Location")).toBe(`/focal/applications/${a.id}?done=nominated`);
    expect(eventsOf(a.id)).toMatchObject([{ action: "nominate", toState: "draft", actorUserId: actor.id }]);
    const mail = db().select().from(t.outbox).where(eq(t.outbox.toAddress, "anh.nguyen@example.vn")).get()!;
    expect(mail.text).toMatch(/\/claim\/[\w-]+/);
    // A Vietnamese nominee gets the mail in Vietnamese, whatever the focal point's UI language.
    expect(mail.subject).toMatch(/^Bạn đã được đề cử/);

    // Back and resubmit: the same nomination, no second mail.
    const again = await call(nominateAction, `/focal/nominate?edition=${ed}`, { cookie, form: nomination("anh.nguyen@example.vn") });
    expect(again.headers.get("Location")).toBe(`/focal/applications/${a.id}?done=nominatedAlready`);
    expect(db().select().from(t.outbox).where(eq(t.outbox.toAddress, "anh.nguyen@example.vn")).all()).toHaveLength(1);
  });

  it("keeps no health data from the focal point; the nominee gives needs and consent after claiming (issue 12 item 6)", async () => {
    const ed = makeEdition({ VN: 3 });
    const { cookie } = await focalPoint("VN");
    const form = { ...nomination("consent.nominee@example.vn"), dietaryNeeds: "Không ăn thịt bò", accessibilityNeeds: "Xe lăn", sensitiveConsent: "on" };
    const r = await call(nominateAction, `/focal/nominate?edition=${ed}`, { cookie, form });
    expect(r.status).toBe(302);
    const user = db().select().from(t.users).where(eq(t.users.email, "consent.nominee@example.vn")).get()!;
    const a = db().select().from(t.applications).where(eq(t.applications.userId, user.id)).get()!;
    expect([a.dietaryNeeds, a.accessibilityNeeds, a.sensitiveConsentAt]).toEqual(["", "", null]);
    // Claiming leads straight to the draft, where the nominee gives needs and consent themselves.
    const mail = db().select().from(t.outbox).where(eq(t.outbox.toAddress, "consent.nominee@example.vn")).get()!;
    const token = /\/claim\/([\w-]+)/.exec(mail.text)![1]!;
    const claim = await call(claimAction, `/claim/${token}`, {
      params: { token },
      form: { password: "a-long-pass-phrase-42", passwordConfirm: "a-long-pass-phrase-42" },
    });
    expect(claim.status).toBe(302);
    expect(claim.headers.get("Location")).toBe(`/apply/${ed}?claimed=1`);
  });

  it('accepts "No preference" for the countries to visit (issue 12 item 1)', async () => {
    const ed = makeEdition({ VN: 3 });
    const { cookie } = await focalPoint("VN");
    const form = { ...nomination("no.pref@example.vn"), "preferredHostCountries[0]": "", "preferredHostCountries[1]": "", "preferredHostCountries[2]": "" };
    const r = await call(nominateAction, `/focal/nominate?edition=${ed}`, { cookie, form });
    expect(r.status).toBe(302);
    const user = db().select().from(t.users).where(eq(t.users.email, "no.pref@example.vn")).get()!;
    const a = db().select().from(t.applications).where(eq(t.applications.userId, user.id)).get()!;
    expect(a.preferredHostCountries).toEqual([]);
  });

  it("refuses an address that already has an account, keeping every answer and writing nothing", async () => {
    const ed = makeEdition();
    const { cookie } = await focalPoint("VN");
    await createUser({ email: "has.account@example.vn" });
    const apps = db().select().from(t.applications).all().length;
    const r = await call(nominateAction, `/focal/nominate?edition=${ed}`, { cookie, form: nomination("HAS.account@example.vn") });
    expect(r.status).toBe(400);
    const body = await r.json();
    expect(body.error.email).toEqual(["focal.errors.emailHasAccount"]);
    expect(body.initialValue.givenName).toBe("Thị Ánh");
    expect(db().select().from(t.applications).all().length).toBe(apps);
  });

  it("is only for the focal point's own country, and only for focal points", async () => {
    const ed = makeEdition();
    const { cookie } = await focalPoint("VN");
    expect((await call(nominateLoader, `/focal/nominate?edition=${ed}&country=TH`, { cookie })).status).toBe(404);
    expect((await call(nominateAction, `/focal/nominate?edition=${ed}&country=TH`, { cookie, form: nomination("x1@example.th") })).status).toBe(404);
    const plain = await createUser();
    const c = await cookieFor(plain.id);
    expect((await call(nominateLoader, `/focal/nominate?edition=${ed}`, { cookie: c })).status).toBe(404);
    expect((await call(nominateAction, `/focal/nominate?edition=${ed}`, { cookie: c, form: nomination("x2@example.th") })).status).toBe(404);
    expect(
      db()
        .select()
        .from(t.users)
        .where(inArray(t.users.email, ["x1@example.th", "x2@example.th"]))
        .all(),
    ).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// organizer decisions
// ---------------------------------------------------------------------------------------------

describe("organizer: decisions", () => {
  it("accepts, waitlists and rejects (reason required) with an audit event each, shown in the trail", async () => {
    const ed = makeEdition();
    const { cookie, actor } = await organizer();
    const a = await makeApp({ editionId: ed, nationality: "TH", status: "endorsed" });
    const go = (form: Record<string, string>) => call(decideAction, `/admin/applications/${a}`, { cookie, params: { id: String(a) }, form });

    expect((await go({ intent: "accept" })).status).toBe(302);
    expect(app(a).status).toBe("accepted");
    expect((await go({ intent: "waitlist" })).status).toBe(302);
    expect(app(a).status).toBe("waitlisted");

    const noReason = await go({ intent: "reject" });
    expect(noReason.status).toBe(400);
    expect((await noReason.json()).error.reason).toEqual(["errors.required"]);
    expect(app(a).status).toBe("waitlisted");

    expect((await go({ intent: "reject", reason: "Quota of host sites reached" })).status).toBe(302);
    expect(app(a)).toMatchObject({ status: "rejected", statusReason: "Quota of host sites reached" });

    const data = await (await call(reviewLoader, "/", { cookie, params: { id: String(a) } })).json();
    expect(
      data.trail.map((e: { action: string; fromState: string; toState: string; actorName: string }) => [e.action, e.fromState, e.toState, e.actorName]),
    ).toEqual([
      ["accept", "endorsed", "accepted", actor.displayName],
      ["waitlist", "accepted", "waitlisted", actor.displayName],
      ["reject", "waitlisted", "rejected", actor.displayName],
    ]);
    expect(data.trail[2].reason).toBe("Quota of host sites reached");
    expect(data.app.sensitive.dietaryNeeds).toBe("Halal");
  });

  it("refuses a decision the life cycle does not allow (a submitted application is not endorsed yet)", async () => {
    const ed = makeEdition();
    const { cookie } = await organizer();
    const a = await makeApp({ editionId: ed, nationality: "TH", status: "submitted" });
    const r = await call(decideAction, "/", { cookie, params: { id: String(a) }, form: { intent: "accept" } });
    expect(r.status).toBe(409);
    expect(app(a).status).toBe("submitted");
    expect(eventsOf(a)).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// filters and search
// ---------------------------------------------------------------------------------------------

describe("organizer: filters and name search", () => {
  it("finds names ignoring case and diacritics, filters, sorts by name and pages by 50", async () => {
    const ed = makeEdition();
    const other = makeEdition();
    const { cookie, actor } = await organizer();
    const anh = await makeApp({
      editionId: ed,
      nationality: "VN",
      givenName: "Thị Ánh",
      familyName: "Nguyễn",
      nameOrder: "family_first",
      themes: ["cooperatives"],
    });
    const dung = await makeApp({
      editionId: ed,
      nationality: "VN",
      givenName: "Văn Dũng",
      familyName: "Trần",
      nameOrder: "family_first",
      gender: "male",
      status: "endorsed",
    });
    const som = await makeApp({
      editionId: ed,
      nationality: "TH",
      givenName: "สมชาย",
      givenNameLatin: "Somchai",
      familyName: "ใจดี",
      familyNameLatin: "Jaidee",
      gender: "male",
    });
    const sari = await makeApp({ editionId: other, nationality: "ID", givenName: "Sari", themes: ["eco_agriculture"] });

    const list = async (qs: string) =>
      (await (await call(reviewListLoader, `/admin/applications?${qs}`, { cookie })).json()) as {
        items: { id: number; name: string }[];
        total: number;
        page: number;
        pageCount: number;
      };
    expect((await list(`edition=${ed}&q=nguyen+thi+anh`)).items.map((i) => i.id)).toEqual([anh]);
    expect((await list(`edition=${ed}&q=NGUYỄN`)).items.map((i) => i.id)).toEqual([anh]);
    expect((await list(`edition=${ed}&q=anh+nguyen`)).items.map((i) => i.id)).toEqual([anh]);
    expect((await list(`edition=${ed}&q=dung`)).items.map((i) => i.id)).toEqual([dung]);
    expect((await list(`edition=${ed}&q=jaidee`)).items.map((i) => i.id)).toEqual([som]);
    expect((await list(`edition=${ed}&q=สมชาย`)).items.map((i) => i.id)).toEqual([som]);
    expect((await list(`edition=${ed}&q=%25`)).items).toEqual([]); // a LIKE wildcard is matched literally

    expect((await list(`edition=${ed}&country=VN`)).items.map((i) => i.id).sort()).toEqual([anh, dung].sort());
    expect((await list(`edition=${ed}&status=endorsed`)).items.map((i) => i.id)).toEqual([dung]);
    expect((await list(`edition=${ed}&gender=male`)).items.map((i) => i.id).sort()).toEqual([dung, som].sort());
    expect((await list("theme=eco_agriculture")).items.map((i) => i.id)).toEqual([sari]);
    expect((await list(`edition=${ed}&theme=cooperatives`)).items.map((i) => i.id)).toEqual([anh]);
    // Junk in a filter is ignored, not an error.
    expect((await list(`edition=${ed}&country=XX&status=nope`)).total).toBe(3);

    // Sorted with Intl.Collator by the name as shown, in the person's order (Latin form when there
    // is one): Nguyễn Thị Ánh, Somchai Jaidee, Trần Văn Dũng.
    expect((await list(`edition=${ed}`)).items.map((i) => i.id)).toEqual([anh, som, dung]);

    // 50 a page.
    const big = makeEdition();
    for (let i = 0; i < 55; i++) await makeApp({ editionId: big, nationality: "PH", givenName: `Maria ${String(i).padStart(2, "0")}` });
    const p1 = await list(`edition=${big}`);
    expect(p1).toMatchObject({ total: 55, page: 1, pageCount: 2 });
    expect(p1.items).toHaveLength(50);
    const p2 = await list(`edition=${big}&page=2`);
    expect(p2.items.map((i) => i.name)).toEqual(["Maria 50", "Maria 51", "Maria 52", "Maria 53", "Maria 54"]);
    expect(listApplicationsForReview(actor, { edition: big, page: 99 }).page).toBe(2);
  });
});

// ---------------------------------------------------------------------------------------------
// scope
// ---------------------------------------------------------------------------------------------

describe("scope: 404, never 403", () => {
  it("a focal point of VN gets 404 for a TH application, on load and on each action, and nothing changes", async () => {
    const ed = makeEdition({ TH: 5 });
    const { cookie } = await focalPoint("VN");
    const th = await makeApp({ editionId: ed, nationality: "TH" });
    const params = { id: String(th) };
    expect((await call(focalAppLoader, "/", { cookie, params })).status).toBe(404);
    expect((await call(focalAction, "/", { cookie, params, form: { intent: "endorse" } })).status).toBe(404);
    expect((await call(focalAction, "/", { cookie, params, form: { intent: "return", reason: "x" } })).status).toBe(404);
    expect((await call(focalAction, "/", { cookie, params, form: { intent: "return" } })).status).toBe(404);
    expect((await call(focalAction, "/", { cookie, params, form: { intent: "bogus" } })).status).toBe(404);
    expect((await call(focalHomeLoader, `/focal?edition=${ed}&country=TH`, { cookie })).status).toBe(404);
    // The same answer as for an id that does not exist.
    expect((await call(focalAppLoader, "/", { cookie, params: { id: "999999" } })).status).toBe(404);
    expect(app(th).status).toBe("submitted");
    expect(eventsOf(th)).toEqual([]);
  });

  it("someone who is not a focal point gets 404 on the focal pages", async () => {
    const ed = makeEdition();
    const a = await makeApp({ editionId: ed, nationality: "VN" });
    const org = await organizer(); // an organizer is not a focal point either
    for (const cookie of [await cookieFor((await createUser()).id), org.cookie]) {
      expect((await call(focalLayoutLoader, "/focal", { cookie })).status).toBe(404);
      expect((await call(focalHomeLoader, "/focal", { cookie })).status).toBe(404);
      expect((await call(focalAppLoader, "/", { cookie, params: { id: String(a) } })).status).toBe(404);
      expect((await call(focalAction, "/", { cookie, params: { id: String(a) }, form: { intent: "endorse" } })).status).toBe(404);
    }
    expect(app(a).status).toBe("submitted");
  });

  it("non-organizers get 404 on every admin page and action; anonymous visitors are sent to log in", async () => {
    const ed = makeEdition();
    const a = await makeApp({ editionId: ed, nationality: "VN", status: "endorsed" });
    const focal = await focalPoint("VN");
    const plain = await cookieFor((await createUser()).id);
    const id = { id: String(a) };
    const edId = { id: String(ed) };
    for (const cookie of [plain, focal.cookie]) {
      const loads = [
        await call(adminLayoutLoader, "/admin", { cookie }),
        await call(adminHomeLoader, "/admin", { cookie }),
        await call(editionsLoader, "/admin/editions", { cookie }),
        await call(newEditionLoader, "/admin/editions/new", { cookie }),
        await call(editEditionLoader, "/", { cookie, params: edId }),
        await call(reviewListLoader, "/admin/applications?q=a", { cookie }),
        await call(reviewLoader, "/", { cookie, params: id }),
        await call(invitationsLoader, "/admin/invitations", { cookie }),
        await call(outboxLoader, "/admin/outbox", { cookie }),
        await call(decideAction, "/", { cookie, params: id, form: { intent: "accept" } }),
        await call(newEditionAction, "/", { cookie, form: { name: "x" } }),
        await call(editEditionAction, "/", { cookie, params: edId, form: { name: "x" } }),
        await call(inviteAction, "/", { cookie, form: { email: "a@b.org", role: "organizer" } }),
      ];
      expect(loads.map((r) => r.status)).toEqual(loads.map(() => 404));
    }
    expect(app(a).status).toBe("endorsed");
    expect(db().select().from(t.invitations).all()).toEqual([]);
    const anon = await call(adminHomeLoader, "/admin");
    expect(anon.status).toBe(302);
    expect(anon.headers.get("Location")).toMatch(/^\/login\?redirectTo=/);
  });
});
