// Verifiable certificates (issue 15, item 4): issuing gives a number, a code and a stored issue
// date; /verify/:code shows holder, edition, issue date and status and nothing more; revocation
// needs a reason and is audited. Each guard is shown refusing the bad outcome it prevents.
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db, t } from "~/db.server";
import type { Actor } from "~/models/actor";
import { issueCertificate, issueCertificatesForEdition, revokeCertificate } from "~/models/tracking.server";
import { action as certAction, loader as certLoader } from "~/routes/admin.certificates.$applicationId";
import { action as dashboardAction } from "~/routes/admin.editions.$id_.dashboard";
import { loader as myCertLoader } from "~/routes/me_.certificates.$editionId";
import { loader as verifyLoader } from "~/routes/verify.$code";
import { loader as verifyIndexLoader } from "~/routes/verify._index";
import { call, cookieFor, createUser, makeTraining } from "../support/factories";
import { makeEdition, makeParticipant } from "./hosts-fixtures";
import { attend } from "./tracking-fixtures";

let organizer: Actor;
let orgCookie: string;
let editionId: number;
let done: { app: { id: number }; user: Actor }; // completed
let notDone: { app: { id: number }; user: Actor }; // absent from the only session
let other: { app: { id: number }; user: Actor }; // completed, used for revocation

const certsOf = (applicationId: number) => db().select().from(t.certificates).where(eq(t.certificates.applicationId, applicationId)).all();
const audits = (action: string) =>
  db()
    .select()
    .from(t.auditEvents)
    .where(and(eq(t.auditEvents.entityType, "certificate"), eq(t.auditEvents.action, action)))
    .all();

beforeAll(async () => {
  organizer = await createUser({ roles: [{ role: "organizer" }] });
  orgCookie = await cookieFor(organizer.id);
  const edition = makeEdition({ ordinal: 42, name: "42nd edition", translations: { name: { km: "លើកទី៤២" } } });
  editionId = edition.id;
  done = await makeParticipant(editionId, { givenName: "សុខា", familyName: "ចាន់", givenNameLatin: "Sokha", familyNameLatin: "Chan", nationality: "KH" });
  notDone = await makeParticipant(editionId);
  other = await makeParticipant(editionId, { givenName: "Aye", familyName: "", givenNameLatin: "Aye", familyNameLatin: "", nationality: "MM" });
  const s = makeTraining(editionId, { endsAt: "2031-07-06T04:00:00.000Z" });
  attend(s.id, done.app.id, "present");
  attend(s.id, notDone.app.id, "absent");
  attend(s.id, other.app.id, "late");
});

describe("issuing", () => {
  it("gives a number, a code and the issue date of the edition's zone, kept as it was issued", async () => {
    // 20:00 UTC on 10 July is already 11 July in Bangkok (the edition's zone).
    const c = issueCertificate(organizer, done.app.id, 80, new Date("2031-07-10T20:00:00.000Z"));
    expect(c.number).toBe("VLX-42-0001");
    expect(c.issuedOn).toBe("2031-07-11");
    expect(c.code).toMatch(/^[0-9A-Z]{5}-[0-9A-Z]{5}-[0-9A-Z]{5}$/);
    expect(audits("issue").some((e) => e.entityId === c.id && e.actorUserId === organizer.id)).toBe(true);
    // Rendered months later it still says 11 July 2031, not "today".
    const res = await call(certLoader, `/admin/certificates/${done.app.id}`, { params: { applicationId: String(done.app.id) }, cookie: orgCookie });
    const body = await res.json();
    expect(body.view.issuedOn).toBe("July 11, 2031");
    expect(body.view.number).toBe("VLX-42-0001");
    expect(body.view.verifyUrl).toMatch(new RegExp(`/verify/${c.code}$`));
    expect(body.view.qr).toMatch(/^data:image\/svg\+xml;base64,/);
  });

  it("a repeated issue (double click, back and resubmit) keeps the one certificate", async () => {
    const form = { intent: "issue", threshold: "80" };
    const r1 = await call(certAction, `/admin/certificates/${done.app.id}`, { params: { applicationId: String(done.app.id) }, cookie: orgCookie, form });
    const r2 = await call(certAction, `/admin/certificates/${done.app.id}`, { params: { applicationId: String(done.app.id) }, cookie: orgCookie, form });
    expect([r1.status, r2.status]).toEqual([302, 302]);
    expect(certsOf(done.app.id)).toHaveLength(1);
  });

  it("guard: nobody who has not completed gets one (409, nothing written)", async () => {
    const res = await call(certAction, `/admin/certificates/${notDone.app.id}`, {
      params: { applicationId: String(notDone.app.id) },
      cookie: orgCookie,
      form: { intent: "issue", threshold: "80" },
    });
    expect(res.status).toBe(409);
    expect(JSON.stringify(await res.json())).toContain("secretariat.certificates.errors.notCompleted");
    expect(certsOf(notDone.app.id)).toHaveLength(0);
  });

  it("guard: a participant cannot issue or revoke (404, nothing written) nor open the organizer's page", async () => {
    const cookie = await cookieFor(other.user.id);
    const post = await call(certAction, `/admin/certificates/${other.app.id}`, {
      params: { applicationId: String(other.app.id) },
      cookie,
      form: { intent: "issue" },
    });
    expect(post.status).toBe(404);
    expect(certsOf(other.app.id)).toHaveLength(0);
    const get = await call(certLoader, `/admin/certificates/${done.app.id}`, { params: { applicationId: String(done.app.id) }, cookie });
    expect(get.status).toBe(404);
    const bulk = await call(dashboardAction, `/admin/editions/${editionId}/dashboard`, {
      params: { id: String(editionId) },
      cookie,
      form: { intent: "issue_certificates" },
    });
    expect(bulk.status).toBe(404);
    expect(() => issueCertificatesForEdition(other.user, editionId)).toThrow(/not found/);
    expect(certsOf(other.app.id)).toHaveLength(0);
  });

  it("the participant sees their own certificate only once issued", async () => {
    const cookie = await cookieFor(other.user.id);
    const before = await (await call(myCertLoader, `/me/certificates/${editionId}`, { params: { editionId: String(editionId) }, cookie })).json();
    expect(before).toMatchObject({ completed: true, view: null, revoked: false });
    const mine = await (
      await call(myCertLoader, `/me/certificates/${editionId}`, { params: { editionId: String(editionId) }, cookie: await cookieFor(done.user.id) })
    ).json();
    expect(mine.view.number).toBe("VLX-42-0001");
  });

  it("bulk issuing covers everyone who completed and has none, and reports who already had one", async () => {
    const res = await call(dashboardAction, `/admin/editions/${editionId}/dashboard`, {
      params: { id: String(editionId) },
      cookie: orgCookie,
      form: { intent: "issue_certificates", threshold: "80" },
    });
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toContain("issued=1&already=1");
    expect(certsOf(other.app.id).map((c) => c.number)).toEqual(["VLX-42-0002"]);
    expect(certsOf(notDone.app.id)).toHaveLength(0);
    // Again: nothing new.
    expect(issueCertificatesForEdition(organizer, editionId)).toEqual({ issued: 0, already: 2 });
  });
});

describe("verification", () => {
  it("shows holder, edition (in the reader's language), issue date and status, nothing more", async () => {
    const code = certsOf(done.app.id)[0].code;
    const res = await call(verifyLoader, `/verify/${code}`, { params: { code } });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.v).toEqual({ name: "ចាន់ សុខា", latin: "Chan Sokha", edition: "42nd edition", editionLang: "en", issuedOn: "July 11, 2031", status: "valid" });
    const text = JSON.stringify(body);
    for (const secret of ["VLX-42", "+84901234567", "1971-03-14", "no pork", "@example.org"]) expect(text).not.toContain(secret);
  });

  it("reads a code typed in lower case without hyphens, from the GET form", async () => {
    const code = certsOf(done.app.id)[0].code;
    const typed = code.toLowerCase().replace(/-/g, " ");
    const res = await call(verifyIndexLoader, `/verify?code=${encodeURIComponent(typed)}`);
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe(`/verify/${code}`);
  });

  it("guard: a forged or malformed code says not found (404) and shows nobody", async () => {
    for (const code of ["7K2QD-9XMEA-4RT0B", "nothing", "' or 1=1 --"]) {
      const res = await call(verifyLoader, `/verify/${code}`, { params: { code } });
      expect(res.status).toBe(404);
      expect(await res.json()).toEqual({ found: false, v: null });
    }
    const bad = await call(verifyIndexLoader, "/verify?code=abc");
    expect(bad.status).toBe(400);
  });
});

describe("revocation", () => {
  it("guard: needs a reason (400, still valid)", async () => {
    const res = await call(certAction, `/admin/certificates/${other.app.id}`, {
      params: { applicationId: String(other.app.id) },
      cookie: orgCookie,
      form: { intent: "revoke", reason: "  " },
    });
    expect(res.status).toBe(400);
    expect(certsOf(other.app.id)[0].revokedAt).toBeNull();
    expect(() => revokeCertificate(organizer, certsOf(other.app.id)[0].id, " ")).toThrow(/invalid fields/);
  });

  it("revokes with the reason audited; verification then says revoked; the participant no longer sees it", async () => {
    const cert = certsOf(other.app.id)[0];
    const res = await call(certAction, `/admin/certificates/${other.app.id}`, {
      params: { applicationId: String(other.app.id) },
      cookie: orgCookie,
      form: { intent: "revoke", reason: "Attendance records were falsified" },
    });
    expect(res.status).toBe(302);
    const after = certsOf(other.app.id)[0];
    expect(after.revokedAt).not.toBeNull();
    expect(audits("revoke").find((e) => e.entityId === cert.id)).toMatchObject({
      actorUserId: organizer.id,
      reason: "Attendance records were falsified",
      fromState: "valid",
      toState: "revoked",
    });
    const v = await (await call(verifyLoader, `/verify/${cert.code}`, { params: { code: cert.code } })).json();
    expect(v.v.status).toBe("revoked");
    expect(JSON.stringify(v)).not.toContain("falsified");
    const mine = await (
      await call(myCertLoader, `/me/certificates/${editionId}`, { params: { editionId: String(editionId) }, cookie: await cookieFor(other.user.id) })
    ).json();
    expect(mine).toMatchObject({ view: null, revoked: true });
  });

  it("guard: revoking twice is refused (409), the first reason stays", async () => {
    const res = await call(certAction, `/admin/certificates/${other.app.id}`, {
      params: { applicationId: String(other.app.id) },
      cookie: orgCookie,
      form: { intent: "revoke", reason: "again" },
    });
    expect(res.status).toBe(409);
    expect(certsOf(other.app.id)[0].revokeReason).toBe("Attendance records were falsified");
  });

  it("a new certificate after a revocation has a new number and code; the old code stays revoked", async () => {
    const old = certsOf(other.app.id)[0];
    const fresh = issueCertificate(organizer, other.app.id);
    expect(fresh.number).toBe("VLX-42-0003");
    expect(fresh.code).not.toBe(old.code);
    const v = await (await call(verifyLoader, `/verify/${old.code}`, { params: { code: old.code } })).json();
    expect(v.v.status).toBe("revoked");
  });

  it("the holder's personal data export lists their certificates, revoked ones too", async () => {
    const { exportPersonalData } = await import("~/models/accounts/privacy.server");
    const mine = exportPersonalData(other.user).certificates;
    expect(mine.map((c) => [c.number, !!c.revokedAt])).toEqual([
      ["VLX-42-0002", true],
      ["VLX-42-0003", false],
    ]);
  });

  it("guard: the database itself refuses two valid certificates for one application", () => {
    const c = certsOf(done.app.id)[0];
    expect(() =>
      db()
        .insert(t.certificates)
        .values({ applicationId: done.app.id, editionId, seq: 99, number: "VLX-42-0099", code: "AAAAA-AAAAA-AAAAA", issuedOn: c.issuedOn })
        .run(),
    ).toThrow(/UNIQUE/);
  });
});

describe("programme texts in the reader's language (issue 11 item 8)", () => {
  it("the participant's certificate shows the edition name and session titles in zh and fil, else English, each marked with its language", async () => {
    db()
      .update(t.editions)
      .set({ translations: { name: { zh: "第42届交流", fil: "Ika-42 na edisyon", km: "លើកទី៤២" } } })
      .where(eq(t.editions.id, editionId))
      .run();
    db()
      .update(t.trainingSessions)
      .set({ title: "Rice terraces", translations: { title: { zh: "梯田工作坊", fil: "Palayan sa hagdan-hagdan" } } })
      .where(eq(t.trainingSessions.editionId, editionId))
      .run();
    const cookie = await cookieFor(done.user.id);
    const read = async (lng: string) => {
      db().update(t.users).set({ locale: lng }).where(eq(t.users.id, done.user.id)).run();
      return (await (await call(myCertLoader, `/me/certificates/${editionId}`, { params: { editionId: String(editionId) }, cookie })).json()).view;
    };
    const zh = await read("zh");
    expect(zh).toMatchObject({ editionName: "第42届交流", editionLang: "zh", sessions: [{ title: "梯田工作坊", lang: "zh" }] });
    const fil = await read("fil");
    expect(fil).toMatchObject({ editionName: "Ika-42 na edisyon", editionLang: "fil", sessions: [{ title: "Palayan sa hagdan-hagdan", lang: "fil" }] });
    // No Korean text given: English, marked as English.
    const ko = await read("ko");
    expect(ko).toMatchObject({ editionName: "42nd edition", editionLang: "en", sessions: [{ title: "Rice terraces", lang: "en" }] });
    // The organizer's copy follows the organizer's language too.
    db().update(t.users).set({ locale: "zh" }).where(eq(t.users.id, organizer.id)).run();
    const org = await (
      await call(certLoader, `/admin/certificates/${done.app.id}`, { params: { applicationId: String(done.app.id) }, cookie: orgCookie })
    ).json();
    expect(org.view.editionName).toBe("第42届交流");
    db().update(t.users).set({ locale: "en" }).where(eq(t.users.id, organizer.id)).run();
  });
});
