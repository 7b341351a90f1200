// Issue 15, item 7: the organizer's audit log: every audited event across the programme, filtered
// by person (who did it, whom it concerns), record, action and UTC dates, 50 a page, as CSV;
// bad filters answer 400 with the typed values kept; anyone but an organizer gets 404.
import { parse } from "csv-parse/sync";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db, t } from "~/db.server";
import { userNameColumns } from "~/domain/names";
import { recordAudit } from "~/models/audit.server";
import { listAuditEvents } from "~/models/audit/log.server";
import { NotFoundError } from "~/models/errors";
import { loader as auditLoader } from "~/routes/admin.audit";
import { loader as csvLoader } from "~/routes/admin.audit[.]csv";
import { call, cookieFor, createUser } from "../support/factories";

async function makeApplication(applicantName: string) {
  const user = await createUser({ name: applicantName });
  const editionId = db()
    .insert(t.editions)
    .values({
      name: `Audit edition ${applicantName}`,
      ordinal: Math.floor(Math.random() * 1e6) + 1000,
      mode: "in_person",
      hostCountries: ["TH"],
      startsOn: "2031-07-01",
      endsOn: "2031-07-08",
      applicationsOpenOn: "2031-01-01",
      applicationsCloseOn: "2031-05-01",
      timeZone: "Asia/Bangkok",
      themes: ["rural_tourism"],
    })
    .returning({ id: t.editions.id })
    .get().id;
  return db()
    .insert(t.applications)
    .values({ editionId, userId: user.id, status: "endorsed", givenName: applicantName, searchName: applicantName.toLowerCase(), nationality: "ID" })
    .returning({ id: t.applications.id })
    .get().id;
}

/** An event written as recordAudit writes it, at a chosen instant. */
function eventAt(at: string, actorId: number | null, e: { entityType: string; entityId: number; action: string; reason?: string }) {
  db()
    .insert(t.auditEvents)
    .values({ at, actorUserId: actorId, entityType: e.entityType, entityId: e.entityId, action: e.action, reason: e.reason ?? null })
    .run();
}

describe("audit log", () => {
  it("is for organizers only: the page, the CSV and the use case answer 404 to anyone else", async () => {
    const applicant = await createUser();
    const focal = await createUser({ roles: [{ role: "focal_point", countryCode: "VN" }] });
    const host = await createUser({ roles: [{ role: "host_coordinator" }] });
    for (const who of [applicant, focal, host]) {
      const cookie = await cookieFor(who.id);
      expect((await call(auditLoader, "/admin/audit", { cookie })).status).toBe(404);
      expect((await call(csvLoader, "/admin/audit.csv", { cookie })).status).toBe(404);
      expect(() => listAuditEvents(who, { as: "any", page: 1 })).toThrow(NotFoundError);
    }
  });

  it("filters by record, action, person (actor or subject) and UTC date range", async () => {
    const org = await createUser({ name: "Organizer Ratana", roles: [{ role: "organizer" }] });
    const other = await createUser({ name: "Organizer Bounmy", email: "bounmy.audit@example.org", roles: [{ role: "organizer" }] });
    const appId = await makeApplication("Wulandari Audit");
    eventAt("2031-03-01T23:59:59.999Z", org.id, { entityType: "application", entityId: appId, action: "accept" });
    eventAt("2031-03-02T00:00:00.000Z", other.id, { entityType: "application", entityId: appId, action: "waitlist" });
    eventAt("2031-03-05T10:00:00.000Z", other.id, { entityType: "edition", entityId: 77, action: "update" });
    recordAudit(null, { entityType: "host_site", entityId: 5, action: "vetting" });

    const cookie = await cookieFor(org.id);
    const get = async (q: string) => {
      const r = await call(auditLoader, `/admin/audit${q}`, { cookie });
      expect(r.status).toBe(200);
      return (await r.json()) as {
        total: number;
        items: { action: string; type: string; record: number; actor: string | null; subject: string | null; at: string }[];
      };
    };

    const byRecord = await get(`?type=application&record=${appId}`);
    expect(byRecord.items.map((e) => e.action)).toEqual(["waitlist", "accept"]); // newest first
    expect(byRecord.items.map((e) => e.subject)).toEqual(["Wulandari Audit", "Wulandari Audit"]); // the applicant's account

    expect((await get(`?type=application&record=${appId}&action=accept`)).items.map((e) => e.actor)).toEqual(["Organizer Ratana"]);

    // Person: by name part as actor, by e-mail part, and as subject (the applicant's own account).
    const asActor = await get(`?person=bounmy&as=actor&from=2031-03-01&to=2031-03-31`);
    expect(asActor.items.map((e) => e.action).sort()).toEqual(["update", "waitlist"]);
    expect((await get(`?person=BOUNMY.AUDIT%40example&as=actor&from=2031-03-01&to=2031-03-31`)).total).toBe(2);
    expect((await get(`?person=bounmy&as=subject&from=2031-03-01&to=2031-03-31`)).total).toBe(0);
    // Several words, without diacritics or in another case (a new user's "nguyen thi anh" found nothing).
    const viet = await createUser({ name: "Nguyễn Thị Ánh Audit", email: "anh.audit@example.org", roles: [{ role: "organizer" }] });
    eventAt("2031-04-03T08:00:00.000Z", viet.id, { entityType: "edition", entityId: 78, action: "update" });
    for (const q of ["nguyen thi anh", "NGUYỄN  thị", "Nguyễn Thị Ánh"]) {
      expect(
        (await get(`?person=${encodeURIComponent(q)}&as=actor&from=2031-04-01&to=2031-04-30`)).items.map((e) => e.actor),
        q,
      ).toEqual(["Nguyễn Thị Ánh Audit"]);
    }
    expect((await get(`?person=${encodeURIComponent("nguyen van")}&as=actor&from=2031-04-01&to=2031-04-30`)).total).toBe(0);

    // Inclusive UTC days: 23:59:59.999 belongs to the 1st, midnight to the 2nd.
    expect((await get(`?from=2031-03-01&to=2031-03-01`)).items.map((e) => e.action)).toEqual(["accept"]);
    expect((await get(`?from=2031-03-02&to=2031-03-05`)).items.map((e) => e.action)).toEqual(["update", "waitlist"]);

    // An event written by the system (no actor) is listed too.
    const vetting = await get(`?type=host_site&record=5`);
    expect(vetting.items).toHaveLength(1);
    expect(vetting.items[0].actor).toBeNull();
  });

  it("matches people on users.search_name, the folded name written with every name change", async () => {
    const org = await createUser({ roles: [{ role: "organizer" }] });
    const cookie = await cookieFor(org.id);
    const get = async (person: string) => {
      const r = await call(auditLoader, `/admin/audit?person=${encodeURIComponent(person)}&as=actor&from=2031-05-01&to=2031-05-31`, { cookie });
      return ((await r.json()) as { items: { actor: string | null }[] }).items.map((e) => e.actor);
    };
    const who = await createUser({ name: "Trần Văn Bình Rename", email: "binh.rename@example.org" });
    eventAt("2031-05-03T08:00:00.000Z", who.id, { entityType: "edition", entityId: 79, action: "update" });
    expect(await get("tran van binh")).toEqual(["Trần Văn Bình Rename"]);

    // A name change writes both columns (userNameColumns): the new name is found, the old one no longer.
    db().update(t.users).set(userNameColumns("Lê Thị Hoa Rename")).where(eq(t.users.id, who.id)).run();
    expect(await get("le thi hoa")).toEqual(["Lê Thị Hoa Rename"]);
    expect(await get("tran van binh")).toEqual([]);

    // The filter reads the column, not the display name: a stale column would hide the person.
    db().update(t.users).set({ searchName: "zz stale column" }).where(eq(t.users.id, who.id)).run();
    expect(await get("le thi hoa")).toEqual([]);
    expect(await get("zz stale")).toEqual(["Lê Thị Hoa Rename"]);
  });

  it("finds events by the person they concern: placements and certificates of an application count", async () => {
    const org = await createUser({ roles: [{ role: "organizer" }] });
    const appId = await makeApplication("Soukanya Subject");
    const applicant = db()
      .select()
      .from(t.applications)
      .all()
      .find((a) => a.id === appId)!;
    const person = db()
      .select()
      .from(t.users)
      .all()
      .find((u) => u.id === applicant.userId)!;
    recordAudit(org, { entityType: "application", entityId: appId, action: "accept" });
    recordAudit(org, { entityType: "training_enrolment", entityId: 999, action: "enrol", details: { applicationId: appId } });
    const cookie = await cookieFor(org.id);
    const r = await call(auditLoader, `/admin/audit?person=${encodeURIComponent(person.email)}&as=subject`, { cookie });
    const data = (await r.json()) as { items: { action: string }[] };
    expect(data.items.map((e) => e.action)).toEqual(["enrol", "accept"]);
  });

  it("pages 50 at a time, newest first, without gaps or repeats; a page past the end shows the last", async () => {
    const org = await createUser({ roles: [{ role: "organizer" }] });
    for (let i = 1; i <= 120; i++) recordAudit(org, { entityType: "pilot_village", entityId: i, action: "milestone_add" });
    const cookie = await cookieFor(org.id);
    const page = async (n: number) =>
      (await (await call(auditLoader, `/admin/audit?action=milestone_add&page=${n}`, { cookie })).json()) as {
        items: { record: number }[];
        total: number;
        page: number;
        pageCount: number;
        pageLinks: { prev: string | null; next: string | null };
      };
    const [p1, p2, p3] = [await page(1), await page(2), await page(3)];
    expect([p1.total, p1.pageCount]).toEqual([120, 3]);
    expect([p1.items.length, p2.items.length, p3.items.length]).toEqual([50, 50, 20]);
    const ids = [...p1.items, ...p2.items, ...p3.items].map((e) => e.record);
    expect(ids).toEqual(Array.from({ length: 120 }, (_, i) => 120 - i));
    expect(p2.pageLinks).toEqual({ prev: "?action=milestone_add&page=1", next: "?action=milestone_add&page=3" });
    expect((await page(99)).page).toBe(3);
  });

  it("refuses bad filters with 400, a field error and the typed values kept", async () => {
    const org = await createUser({ roles: [{ role: "organizer" }] });
    const cookie = await cookieFor(org.id);
    const bad = async (q: string) => {
      const r = await call(auditLoader, `/admin/audit${q}`, { cookie });
      expect(r.status).toBe(400);
      return (await r.json()) as { errors: Record<string, string[]>; values: Record<string, string>; items: unknown[] };
    };
    const d1 = await bad("?from=2031-02-30&person=Ratana");
    expect(d1.errors.from).toEqual(["errors.date"]);
    expect(d1.values).toMatchObject({ from: "2031-02-30", person: "Ratana" });
    expect(d1.items).toEqual([]);
    const d2 = await bad("?from=2031-03-10&to=2031-03-01");
    expect(d2.errors.to).toEqual(["errors.dateOrder"]);
    expect(d2.values).toMatchObject({ from: "2031-03-10", to: "2031-03-01" });
    expect((await bad("?record=12abc")).errors.record).toEqual(["errors.invalid"]);
    expect((await bad("?to=yesterday")).errors.to).toEqual(["errors.date"]);
    // The CSV link with a bad filter goes back to the page, where the message is next to the field.
    const csv = await call(csvLoader, "/admin/audit.csv?from=2026-13-45&person=Ratana", { cookie });
    expect(csv.status).toBe(303);
    expect(csv.headers.get("Location")).toBe("/admin/audit?from=2026-13-45&person=Ratana");
    const d3 = await bad("?from=2026-13-45&person=Ratana");
    expect(d3.errors.from).toEqual(["errors.date"]);
    expect(d3.values).toMatchObject({ from: "2026-13-45", person: "Ratana" });
  });

  it("lists newest first by the time of the event, not by the order the rows were written", async () => {
    const org = await createUser({ roles: [{ role: "organizer" }] });
    // Written in this order (ids ascending), but the second happened first.
    eventAt("2031-06-03T10:00:00.000Z", org.id, { entityType: "venue", entityId: 901, action: "update" });
    eventAt("2031-06-01T10:00:00.000Z", org.id, { entityType: "venue", entityId: 902, action: "update" });
    eventAt("2031-06-05T10:00:00.000Z", org.id, { entityType: "venue", entityId: 903, action: "update" });
    // Same instant: the later-written one first.
    eventAt("2031-06-05T10:00:00.000Z", org.id, { entityType: "venue", entityId: 904, action: "update" });
    const cookie = await cookieFor(org.id);
    const r = await call(auditLoader, "/admin/audit?type=venue&from=2031-06-01&to=2031-06-30", { cookie });
    const items = ((await r.json()) as { items: { record: number }[] }).items;
    expect(items.map((e) => e.record)).toEqual([904, 903, 901, 902]);
    const csv = await call(csvLoader, "/admin/audit.csv?type=venue&from=2031-06-01&to=2031-06-30", { cookie });
    const rows = parse(new TextDecoder().decode(new Uint8Array(await csv.arrayBuffer())), { columns: true, bom: true }) as Record<string, string>[];
    expect(rows.map((x) => x.record_id)).toEqual(["904", "903", "901", "902"]);
  });

  it("shows the change in words in the reader's language: statuses, versions, dates, amounts, changed fields", async () => {
    const org = await createUser({ roles: [{ role: "organizer" }] });
    const write = (e: Parameters<typeof recordAudit>[1]) => recordAudit(org, e);
    write({ entityType: "application", entityId: 7001, action: "accept", fromState: "endorsed", toState: "accepted" });
    write({ entityType: "training_session", entityId: 7002, action: "status", fromState: "scheduled", toState: "cancelled" });
    write({ entityType: "placement", entityId: 7003, action: "offer", fromState: "proposed", toState: "offered" });
    write({ entityType: "survey_template", entityId: 7004, action: "new_version", fromState: "v1", toState: "v2" });
    write({ entityType: "pilot_project", entityId: 7005, action: "milestone_done", fromState: null, toState: "2031-02-03" });
    write({ entityType: "pilot_project", entityId: 7006, action: "budget_actual", fromState: null, toState: "150000", details: { currency: "THB" } });
    write({ entityType: "pilot_village", entityId: 7007, action: "update", details: { changed: ["name", "population"] } });
    write({ entityType: "certificate", entityId: 7008, action: "revoke", fromState: "valid", toState: "revoked" });
    write({ entityType: "invitation", entityId: 7009, action: "accept", fromState: "invited", toState: "focal_point" });
    type Change = { from: string | null; to: string | null; fields: string | null };
    // The page, in the organizer's language (English here).
    const cookie = await cookieFor(org.id);
    const r = await call(auditLoader, `/admin/audit?person=${encodeURIComponent(org.email)}&as=actor`, { cookie });
    const items = ((await r.json()) as { items: { record: number; change: Change }[] }).items;
    const en: Record<number, Change> = Object.fromEntries(items.map((e) => [e.record, e.change]));
    expect(en[7001]).toEqual({ from: "Endorsed", to: "Accepted", fields: null });
    expect(en[7002]).toMatchObject({ from: "Scheduled", to: "Cancelled" });
    expect(en[7003]).toMatchObject({ from: "Proposed", to: "Offered, awaiting reply" });
    expect(en[7004]).toMatchObject({ from: "version 1", to: "version 2" });
    expect(en[7005]).toMatchObject({ from: null, to: "Feb 3, 2031" });
    expect(en[7006].to).toBe(new Intl.NumberFormat("en", { style: "currency", currency: "THB" }).format(1500)); // stored in minor units
    expect(en[7007]).toEqual({ from: null, to: null, fields: "Village name and Population" });
    expect(en[7008]).toMatchObject({ from: "Valid", to: "Revoked" });
    expect(en[7009]).toMatchObject({ from: "Invited", to: "Focal point" });
    const vi: Record<number, Change> = Object.fromEntries(
      listAuditEvents(org, { person: org.email, as: "actor", page: 1 }, "vi").items.map((e) => [e.record, e.change]),
    );
    expect(vi[7001]).toMatchObject({ from: "Đã chấp thuận", to: "Được chọn" });
    expect(vi[7004].to).toBe("phiên bản 2");
    // No raw code in any language.
    for (const c of [...Object.values(en), ...Object.values(vi)]) expect(JSON.stringify(c)).not.toMatch(/endorsed|accepted|_point|"v2"|population/);
  });

  it("exports the filtered events as CSV with a BOM, translated names and formula cells neutralised", async () => {
    const org = await createUser({ name: "Organizer CSV", roles: [{ role: "organizer" }] });
    eventAt("2031-04-01T08:00:00.000Z", org.id, { entityType: "placement", entityId: 41, action: "move", reason: '=HYPERLINK("x")' });
    eventAt("2031-04-02T08:00:00.000Z", org.id, { entityType: "placement", entityId: 42, action: "lock" });
    eventAt("2031-05-02T08:00:00.000Z", org.id, { entityType: "placement", entityId: 43, action: "lock" });
    const cookie = await cookieFor(org.id);
    const r = await call(csvLoader, "/admin/audit.csv?type=placement&from=2031-04-01&to=2031-04-30", { cookie });
    expect(r.status).toBe(200);
    expect(r.headers.get("Content-Type")).toMatch(/text\/csv/);
    expect(r.headers.get("Content-Disposition")).toContain("vlx-audit-placement-2031-04-01-2031-04-30.csv");
    const bytes = new Uint8Array(await r.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parse(new TextDecoder().decode(bytes), { columns: true }) as Record<string, string>[];
    expect(rows.map((x) => [x.record_id, x.action, x.action_name, x.actor_name])).toEqual([
      ["42", "lock", "Locked", "Organizer CSV"],
      ["41", "move", "Moved", "Organizer CSV"],
    ]);
    expect(rows[1].reason).toBe('\'=HYPERLINK("x")');
  });
});
