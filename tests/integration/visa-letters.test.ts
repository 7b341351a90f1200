// Visa invitation letters (issue 15, item 3): passport details only with consent and only for
// organizers; a letter per accepted participant and host country with a stored issue date and
// the places fixed at issue; bulk generation with per-row refusals; revocation and reissue;
// public verification that shows nothing of anyone for a forged code. Each guard is shown
// refusing the bad outcome it prevents.
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db, t } from "~/db.server";
import type { Actor } from "~/models/actor";
import { exportPersonalData, eraseSensitiveDataFor } from "~/models/accounts.server";
import { issueLetter, revokeLetter, saveOwnPassport } from "~/models/visa.server";
import { loader as adminAppLoader } from "~/routes/admin.applications.$id";
import { loader as focalAppLoader } from "~/routes/focal.applications.$id";
import { loader as hostVisitLoader } from "~/routes/host.visits.$visitId._index";
import { action as bulkAction, loader as bulkLoader } from "~/routes/admin.editions.$id_.visa-letters";
import { loader as printLoader } from "~/routes/admin.editions.$id_.visa-letters_.print";
import { action as letterAction, loader as letterLoader } from "~/routes/admin.visa-letters.$letterId";
import { action as passportAction, loader as passportLoader } from "~/routes/me_.passport.$applicationId";
import { loader as verifyLoader } from "~/routes/verify.$code";
import { call, cookieFor, createUser } from "../support/factories";
import { makeEdition, makeParticipant, makeSite, makeVisit, place } from "./hosts-fixtures";

let organizer: Actor;
let orgCookie: string;
let editionId: number;
let visitId: number;
let hostCookie: string;
let focalCookie: string;
// Cambodian participant placed in Thailand, passport given.
let sokha: { app: { id: number }; user: Actor };
// Placed, no passport. Not placed, passport given.
let noPassport: { app: { id: number }; user: Actor };
let notPlaced: { app: { id: number }; user: Actor };

const PASSPORT = {
  intent: "save" as const,
  passportName: "CHAN SOKHA",
  passportNumber: "N01234567",
  expiresOn: "2035-01-31",
  issuingCountry: "KH" as const,
  consent: true,
};
const audits = (type: string, action: string) =>
  db()
    .select()
    .from(t.auditEvents)
    .where(and(eq(t.auditEvents.entityType, type), eq(t.auditEvents.action, action)))
    .all();

beforeAll(async () => {
  organizer = await createUser({ roles: [{ role: "organizer" }] });
  orgCookie = await cookieFor(organizer.id);
  const edition = makeEdition({ ordinal: 77, name: "77th edition", hostCountries: ["TH"] });
  editionId = edition.id;
  const host = await createUser({ roles: [{ role: "host_coordinator" }] });
  hostCookie = await cookieFor(host.id);
  const focal = await createUser({ roles: [{ role: "focal_point", countryCode: "KH" }] });
  focalCookie = await cookieFor(focal.id);
  const site = makeSite({ name: "บ้านนาต้นจั่น", nameLatin: "Ban Na Ton Chan", province: "Sukhothai", district: "Si Satchanalai" }, [host.id]);
  visitId = makeVisit(editionId, site.id, { arrivalOn: "2031-07-05", departureOn: "2031-07-12" }).id;
  sokha = await makeParticipant(editionId, { givenName: "សុខា", familyName: "ចាន់", givenNameLatin: "Sokha", familyNameLatin: "Chan", nationality: "KH" });
  noPassport = await makeParticipant(editionId, { nationality: "KH", givenNameLatin: "Dara", familyNameLatin: "Keo" });
  notPlaced = await makeParticipant(editionId, { nationality: "KH", givenNameLatin: "Vanna", familyNameLatin: "Sok" });
  place(visitId, sokha.app.id, "accepted");
  place(visitId, noPassport.app.id, "accepted");
  saveOwnPassport(notPlaced.user, notPlaced.app.id, PASSPORT);
});

describe("passport details", () => {
  it("are refused without the consent box (400, typed values kept, nothing stored)", async () => {
    const cookie = await cookieFor(sokha.user.id);
    const res = await call(passportAction, `/me/passport/${sokha.app.id}`, {
      params: { applicationId: String(sokha.app.id) },
      cookie,
      form: { intent: "save", passportName: "CHAN SOKHA", passportNumber: "N01234567" },
    });
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error.consent).toEqual(["visa.errors.consentRequired"]);
    expect(body.initialValue.passportNumber).toBe("N01234567");
    expect(db().select().from(t.applicationPassports).where(eq(t.applicationPassports.applicationId, sokha.app.id)).get()).toBeUndefined();
  });

  it("check the passport number loosely (6–12 letters and digits) with a translated message", async () => {
    const cookie = await cookieFor(sokha.user.id);
    for (const bad of ["12345", "N0123456789012", "N°123456"]) {
      const res = await call(passportAction, `/me/passport/${sokha.app.id}`, {
        params: { applicationId: String(sokha.app.id) },
        cookie,
        form: { intent: "save", passportName: "CHAN SOKHA", passportNumber: bad, consent: "on" },
      });
      expect(res.status).toBe(400);
      expect((await res.json()).error.passportNumber).toEqual(["visa.errors.passportNumber"]);
    }
  });

  it("are stored with the consent time, the number upper-cased without spaces, and audited without values", async () => {
    const cookie = await cookieFor(sokha.user.id);
    const res = await call(passportAction, `/me/passport/${sokha.app.id}`, {
      params: { applicationId: String(sokha.app.id) },
      cookie,
      form: { intent: "save", passportName: "CHAN SOKHA", passportNumber: "n0 1234-567", expiresOn: "2035-01-31", issuingCountry: "KH", consent: "on" },
    });
    expect(res.status).toBe(302);
    const row = db().select().from(t.applicationPassports).where(eq(t.applicationPassports.applicationId, sokha.app.id)).get()!;
    expect(row.passportNumber).toBe("N01234567");
    expect(row.consentAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    const ev = audits("passport", "update").find((e) => e.entityId === sokha.app.id)!;
    expect(JSON.stringify(ev)).not.toContain("N01234567");
    // Organizers see them on the application's review page.
    const admin = await (await call(adminAppLoader, `/admin/applications/${sokha.app.id}`, { params: { id: String(sokha.app.id) }, cookie: orgCookie })).json();
    expect(admin.passport).toMatchObject({
      passportName: "CHAN SOKHA",
      passportNumber: "N01234567",
      issuingCountry: "Cambodia",
      expiresOn: "January 31, 2035",
    });
  });

  it("are not shown to another participant, the focal point of the country or the host (404 or absent)", async () => {
    const other = await cookieFor(noPassport.user.id);
    expect((await call(passportLoader, `/me/passport/${sokha.app.id}`, { params: { applicationId: String(sokha.app.id) }, cookie: other })).status).toBe(404);
    expect((await call(passportLoader, `/me/passport/${sokha.app.id}`, { params: { applicationId: String(sokha.app.id) }, cookie: focalCookie })).status).toBe(
      404,
    );
    expect((await call(passportLoader, `/me/passport/${sokha.app.id}`, { params: { applicationId: String(sokha.app.id) }, cookie: hostCookie })).status).toBe(
      404,
    );
    // Another participant cannot write them either.
    const w = await call(passportAction, `/me/passport/${sokha.app.id}`, {
      params: { applicationId: String(sokha.app.id) },
      cookie: other,
      form: { ...PASSPORT, consent: "on" },
    });
    expect(w.status).toBe(404);
    // The focal point's review page and the host's "who is coming" hold the person, never the passport.
    const focal = await call(focalAppLoader, `/focal/applications/${sokha.app.id}`, { params: { id: String(sokha.app.id) }, cookie: focalCookie });
    expect(focal.status).toBe(200);
    const focalText = await focal.text();
    expect(focalText).toContain("Sokha");
    expect(focalText).not.toContain("N01234567");
    const host = await call(hostVisitLoader, `/host/visits/${visitId}`, { params: { visitId: String(visitId) }, cookie: hostCookie });
    expect(host.status).toBe(200);
    const hostText = await host.text();
    expect(hostText).toContain("Sokha");
    expect(hostText).not.toContain("N01234567");
  });
});

describe("letters", () => {
  let letterId: number;
  let code: string;

  it("are organizer-only: participant, focal point and host get 404 on every letter page", async () => {
    const l = issueLetter(organizer, sokha.app.id, "TH", new Date("2031-06-01T18:00:00.000Z"));
    letterId = l.id;
    code = l.code;
    for (const cookie of [await cookieFor(sokha.user.id), focalCookie, hostCookie]) {
      expect((await call(letterLoader, `/admin/visa-letters/${l.id}`, { params: { letterId: String(l.id) }, cookie })).status).toBe(404);
      expect((await call(bulkLoader, `/admin/editions/${editionId}/visa-letters`, { params: { id: String(editionId) }, cookie })).status).toBe(404);
      expect((await call(printLoader, `/admin/editions/${editionId}/visa-letters/print`, { params: { id: String(editionId) }, cookie })).status).toBe(404);
      const revoke = await call(letterAction, `/admin/visa-letters/${l.id}`, {
        params: { letterId: String(l.id) },
        cookie,
        form: { intent: "revoke", reason: "x" },
      });
      expect(revoke.status).toBe(404);
    }
    expect(db().select().from(t.visaLetters).where(eq(t.visaLetters.id, l.id)).get()!.revokedAt).toBeNull();
  });

  it("carry a number, the issue date of the edition's zone fixed at issue, both languages, passport and places", async () => {
    const l = db().select().from(t.visaLetters).where(eq(t.visaLetters.id, letterId)).get()!;
    expect(l.number).toBe("VLX-77-V0001");
    // 18:00 UTC on 1 June is already 2 June in Bangkok; rendered later it still says 2 June.
    expect(l.issuedOn).toBe("2031-06-02");
    expect(audits("visa_letter", "issue").some((e) => e.entityId === letterId && e.actorUserId === organizer.id)).toBe(true);
    const res = await call(letterLoader, `/admin/visa-letters/${letterId}`, { params: { letterId: String(letterId) }, cookie: orgCookie });
    expect(res.status).toBe(200);
    const { letter } = await res.json();
    expect(letter.blocks.map((b: { lang: string }) => b.lang)).toEqual(["en", "th"]);
    const facts = Object.fromEntries(letter.facts.map((f: { labels: { text: string }[]; value: string }) => [f.labels[0].text, f.value]));
    expect(facts["Date of issue"]).toBe("June 2, 2031");
    expect(facts["Passport no."]).toBe("N01234567");
    expect(facts["Name (as in passport)"]).toBe("CHAN SOKHA");
    expect(facts["Nationality"]).toBe("Cambodia");
    expect(letter.blocks[0].places[0]).toContain("Ban Na Ton Chan");
    // The Thai block names the site in its own script and the dates in Thai.
    expect(letter.blocks[1].places[0]).toContain("บ้านนาต้นจั่น");
    expect(letter.blocks[1].invite).toContain("CHAN SOKHA");
    expect(letter.blocks[1].title).toBe("หนังสือเชิญ");
    expect(letter.signer).toBe(organizer.displayName);
    // A changed visit after issue does not change the letter: the places are fixed.
    db().update(t.exchangeVisits).set({ departureOn: "2031-07-20" }).where(eq(t.exchangeVisits.id, visitId)).run();
    const again = await (await call(letterLoader, `/admin/visa-letters/${letterId}`, { params: { letterId: String(letterId) }, cookie: orgCookie })).json();
    expect(again.letter.facts.find((f: { labels: { text: string }[] }) => f.labels[0].text === "Dates of visit").value).toBe("July 5, 2031 – July 12, 2031");
    db().update(t.exchangeVisits).set({ departureOn: "2031-07-12" }).where(eq(t.exchangeVisits.id, visitId)).run();
  });

  it("are not issued twice by a repeated submit", () => {
    expect(issueLetter(organizer, sokha.app.id, "TH").id).toBe(letterId);
    expect(db().select().from(t.visaLetters).where(eq(t.visaLetters.applicationId, sokha.app.id)).all()).toHaveLength(1);
  });

  it("verify publicly: holder, edition, host country, dates and status; nothing of the passport", async () => {
    const res = await call(verifyLoader, `/verify/${code}`, { params: { code: code.toLowerCase() } });
    expect(res.status).toBe(200);
    const text = await res.text();
    const body = JSON.parse(text);
    expect(body.v.status).toBe("valid");
    expect(body.v.latin).toBe("Chan Sokha");
    expect(body.v.edition).toBe("77th edition");
    expect(body.letter.hostCountry).toBe("Thailand");
    expect(body.letter.dates).toBe("July 5, 2031 – July 12, 2031");
    expect(text).not.toContain("N01234567");
  });

  it("a forged code is not found and shows no one's details", async () => {
    // Same shape, one symbol changed.
    const forged = code.slice(0, -1) + (code.endsWith("0") ? "1" : "0");
    const res = await call(verifyLoader, `/verify/${forged}`, { params: { code: forged } });
    expect(res.status).toBe(404);
    const text = await res.text();
    expect(JSON.parse(text).v).toBeNull();
    expect(text).not.toContain("Sokha");
  });

  it("revocation needs a reason (400, nothing changed), then says revoked publicly; a new one can be issued", async () => {
    const blank = await call(letterAction, `/admin/visa-letters/${letterId}`, {
      params: { letterId: String(letterId) },
      cookie: orgCookie,
      form: { intent: "revoke", reason: "  " },
    });
    expect(blank.status).toBe(400);
    expect(db().select().from(t.visaLetters).where(eq(t.visaLetters.id, letterId)).get()!.revokedAt).toBeNull();
    const ok = await call(letterAction, `/admin/visa-letters/${letterId}`, {
      params: { letterId: String(letterId) },
      cookie: orgCookie,
      form: { intent: "revoke", reason: "Wrong dates" },
    });
    expect(ok.status).toBe(302);
    const ev = audits("visa_letter", "revoke").find((e) => e.entityId === letterId)!;
    expect(ev.reason).toBe("Wrong dates");
    expect(ev.actorUserId).toBe(organizer.id);
    const v = await (await call(verifyLoader, `/verify/${code}`, { params: { code } })).json();
    expect(v.v.status).toBe("revoked");
    expect(() => revokeLetter(organizer, letterId, "again")).toThrow(/alreadyRevoked|RuleError/);
    const re = await call(letterAction, `/admin/visa-letters/${letterId}`, {
      params: { letterId: String(letterId) },
      cookie: orgCookie,
      form: { intent: "reissue" },
    });
    expect(re.status).toBe(302);
    const rows = db().select().from(t.visaLetters).where(eq(t.visaLetters.applicationId, sokha.app.id)).all();
    expect(rows).toHaveLength(2);
    const fresh = rows.find((r) => !r.revokedAt)!;
    expect(fresh.number).toBe("VLX-77-V0002");
    expect(fresh.code).not.toBe(code);
    expect(re.headers.get("Location")).toBe(`/admin/visa-letters/${fresh.id}?done=reissue`);
  });
});

describe("bulk generation", () => {
  it("issues every missing letter and reports each refusal per row", async () => {
    // A second placed participant with a passport, to be issued in bulk.
    const extra = await makeParticipant(editionId, { nationality: "VN", givenNameLatin: "Lan", familyNameLatin: "Tran" });
    place(visitId, extra.app.id, "accepted");
    saveOwnPassport(extra.user, extra.app.id, { ...PASSPORT, passportName: "TRAN LAN", passportNumber: "C7654321", issuingCountry: "VN" });
    const overview = async () =>
      (await call(bulkLoader, `/admin/editions/${editionId}/visa-letters`, { params: { id: String(editionId) }, cookie: orgCookie })).json();
    // The button counts only the letter that can be issued now (Lan); Dara waits for passport
    // details; Vanna (not placed) and Sokha (holds one) are not counted.
    expect((await overview()).counts).toEqual({ issuable: 1, waitingPassport: 1 });
    const res = await call(bulkAction, `/admin/editions/${editionId}/visa-letters`, {
      params: { id: String(editionId) },
      cookie: orgCookie,
      form: { intent: "generate_all" },
    });
    expect(res.status).toBe(200);
    const { report, summary } = await res.json();
    const by = (id: number) => report.filter((r: { applicationId: number }) => r.applicationId === id).map((r: { outcome: string }) => r.outcome);
    expect(by(extra.app.id)).toEqual(["issued"]);
    expect(by(sokha.app.id)).toEqual(["already"]);
    expect(by(noPassport.app.id)).toEqual(["noPassport"]);
    // Without an accepted placement one is no candidate: not listed, not refused.
    expect(by(notPlaced.app.id)).toEqual([]);
    expect(report).toHaveLength(3);
    expect(summary).toEqual({ issued: 1, already: 1, refused: 1 });
    expect(db().select().from(t.visaLetters).where(eq(t.visaLetters.applicationId, noPassport.app.id)).all()).toHaveLength(0);
    expect(db().select().from(t.visaLetters).where(eq(t.visaLetters.applicationId, notPlaced.app.id)).all()).toHaveLength(0);
    // The overview then shows who still misses what.
    const o = await overview();
    expect(o.counts).toEqual({ issuable: 0, waitingPassport: 1 });
    const row = o.rows.find((r: { applicationId: number }) => r.applicationId === noPassport.app.id);
    expect(row).toMatchObject({ hasPassport: false, hostCountry: "TH", letter: null });
    expect(o.rows.find((r: { applicationId: number }) => r.applicationId === notPlaced.app.id)).toMatchObject({ hasPassport: true, hostCountry: null });
    // The print page holds every valid letter.
    const p = await (
      await call(printLoader, `/admin/editions/${editionId}/visa-letters/print`, { params: { id: String(editionId) }, cookie: orgCookie })
    ).json();
    expect(p.letters.map((l: { facts: { value: string }[] }) => l.facts[2].value).sort()).toEqual(["CHAN SOKHA", "TRAN LAN"]);
  });

  it("a second submit issues nothing and reports the letters held as already issued, not refused", async () => {
    const res = await call(bulkAction, `/admin/editions/${editionId}/visa-letters`, {
      params: { id: String(editionId) },
      cookie: orgCookie,
      form: { intent: "generate_all" },
    });
    const { report, summary } = await res.json();
    expect(summary).toEqual({ issued: 0, already: 2, refused: 1 });
    expect(report.map((r: { outcome: string }) => r.outcome).sort()).toEqual(["already", "already", "noPassport"]);
  });

  it("a single issue for a participant of another edition is not found", async () => {
    const other = makeEdition({ ordinal: 78, name: "78th" });
    const stranger = await makeParticipant(other.id);
    const res = await call(bulkAction, `/admin/editions/${editionId}/visa-letters`, {
      params: { id: String(editionId) },
      cookie: orgCookie,
      form: { intent: "issue_one", applicationId: String(stranger.app.id), hostCountry: "TH" },
    });
    expect(res.status).toBe(404);
  });
});

describe("privacy", () => {
  it("the export holds the passport and letters; erasure removes the passport and revokes the letters", async () => {
    const data = exportPersonalData(sokha.user);
    expect(data.passports[0].passportNumber).toBe("N01234567");
    expect(data.visaLetters.length).toBe(2);
    eraseSensitiveDataFor(organizer, sokha.app.id);
    expect(db().select().from(t.applicationPassports).where(eq(t.applicationPassports.applicationId, sokha.app.id)).get()).toBeUndefined();
    const letters = db().select().from(t.visaLetters).where(eq(t.visaLetters.applicationId, sokha.app.id)).all();
    expect(letters.every((l) => l.revokedAt)).toBe(true);
    expect(audits("passport", "delete").some((e) => e.entityId === sokha.app.id)).toBe(true);
  });
});
