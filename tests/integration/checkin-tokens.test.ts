// QR check-in (issue 14 item 5): the signed token (sign/verify, forged, malformed), revocation
// refusing the old token and short code, short-code lookup, a person not on the day's list, an
// edition that is over, replays writing nothing twice, and scope (another site's host gets 404).
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db, t } from "~/db.server";
import { formatShortCode, newShortCode, normalizeShortCode, signCheckInToken, verifyCheckInToken } from "~/domain/checkin-token";
import type { Actor } from "~/models/actor";
import { NotFoundError, RuleError } from "~/models/errors";
import { checkInByCode, checkInTokenFor, myCheckInPass, revokeCheckInToken } from "~/models/tracking/checkin-tokens.server";
import { action as visitAction } from "~/routes/attendance.visit.$visitId.$date";
import { call, cookieFor, createUser } from "../support/factories";
import { makeEdition, makeParticipant, makeSite, makeVisit, place } from "./hosts-fixtures";

// 09:30 in Bangkok on 2031-07-06, a day of the visit.
const DURING = new Date("2031-07-06T02:30:00.000Z");
const DAY = "2031-07-06";
let organizer: Actor, host: Actor, otherHost: Actor;
let editionId: number, visitId: number;
let anh: { user: Actor; app: { id: number } }, somchai: { user: Actor; app: { id: number } }, outsider: { user: Actor; app: { id: number } };

const subject = () => ({ kind: "visit_day" as const, visitId, date: DAY });
const recordsOf = (appId: number) =>
  db()
    .select()
    .from(t.attendanceRecords)
    .where(and(eq(t.attendanceRecords.visitId, visitId), eq(t.attendanceRecords.applicationId, appId)))
    .all();
const auditCount = () => db().select().from(t.auditEvents).where(eq(t.auditEvents.entityType, "attendance")).all().length;
const refusal = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    if (e instanceof RuleError) return e.key;
    throw e;
  }
  return "accepted";
};

beforeAll(async () => {
  organizer = await createUser({ roles: [{ role: "organizer" }] });
  host = await createUser({ roles: [{ role: "host_coordinator" }] });
  otherHost = await createUser({ roles: [{ role: "host_coordinator" }] });
  editionId = makeEdition().id;
  const site = makeSite({}, [host.id]);
  makeSite({ name: "Other" }, [otherHost.id]);
  visitId = makeVisit(editionId, site.id).id;
  anh = await makeParticipant(editionId);
  somchai = await makeParticipant(editionId, { givenName: "Somchai" });
  outsider = await makeParticipant(editionId, { givenName: "Outsider" });
  place(visitId, anh.app.id, "accepted");
  place(visitId, somchai.app.id, "accepted");
});

describe("check-in token (domain)", () => {
  const key = Buffer.from("k".repeat(32));
  it("signs and verifies; a changed part or another key is refused", () => {
    const token = signCheckInToken(key, 42, 3);
    expect(token).toMatch(/^VLX1\.42\.3\.[A-Za-z0-9_-]{22}$/);
    expect(verifyCheckInToken(key, token)).toEqual({ applicationId: 42, serial: 3 });
    expect(verifyCheckInToken(key, token.replace("VLX1.42.", "VLX1.43."))).toBeNull();
    expect(verifyCheckInToken(Buffer.from("x".repeat(32)), token)).toBeNull();
    expect(verifyCheckInToken(key, "VLX1.42.3")).toBeNull();
    expect(verifyCheckInToken(key, "hello")).toBeNull();
  });
  it("short codes: 8 unambiguous characters, typed in any case with dash or spaces", () => {
    const code = newShortCode();
    expect(code).toMatch(/^[23456789ABCDEFGHJKMNPQRSTVWXYZ]{8}$/);
    expect(normalizeShortCode(` ${formatShortCode(code).toLowerCase()} `)).toBe(code);
    expect(normalizeShortCode("ABCD-EFG0")).toBeNull();
    expect(normalizeShortCode("ABC")).toBeNull();
  });
});

describe("checking in by code", () => {
  it("a participant's pass has a QR SVG and short code; the short code marks them present once", async () => {
    const pass = (await myCheckInPass(anh.user, { applicationId: anh.app.id }, DURING))!;
    expect(pass.svg).toContain("<svg");
    expect(pass.code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    expect(await myCheckInPass(anh.user, { applicationId: somchai.app.id })).toBeNull();
    const r = checkInByCode(host, subject(), { code: pass.code.toLowerCase() }, DURING);
    expect(r).toMatchObject({ applicationId: anh.app.id, already: false });
    expect(recordsOf(anh.app.id)).toMatchObject([{ status: "present", date: DAY }]);
    const audits = auditCount();
    // Replays: the same code again, and a queued scan sent twice, write nothing more.
    expect(checkInByCode(host, subject(), { code: pass.code }, DURING).already).toBe(true);
    expect(recordsOf(anh.app.id)).toHaveLength(1);
    expect(auditCount()).toBe(audits);
  });

  it("the signed token marks present; a queued scan replayed (same client id) writes nothing twice", () => {
    const { token } = checkInTokenFor(somchai.app.id, DURING);
    const clientId = "scan-0000-0001";
    const first = checkInByCode(host, subject(), { code: token, clientId, markedAt: DURING.toISOString() }, DURING);
    expect(first.already).toBe(false);
    const audits = auditCount();
    // The host corrects to absent, then the same queued scan arrives again: it changes nothing.
    db().update(t.attendanceRecords).set({ status: "absent" }).where(eq(t.attendanceRecords.applicationId, somchai.app.id)).run();
    const again = checkInByCode(host, subject(), { code: token, clientId, markedAt: DURING.toISOString() }, DURING);
    expect(again.replay).toBe(true);
    expect(recordsOf(somchai.app.id)).toMatchObject([{ status: "absent" }]);
    expect(auditCount()).toBe(audits);
  });

  it("refuses forged, malformed and unknown codes, and a person not on this day's list", () => {
    const { token } = checkInTokenFor(outsider.app.id, DURING);
    const forged = token.slice(0, -4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");
    const before = auditCount();
    expect(refusal(() => checkInByCode(host, subject(), { code: forged }, DURING))).toBe("tracking.qr.errors.forged");
    expect(refusal(() => checkInByCode(host, subject(), { code: "not a code" }, DURING))).toBe("tracking.qr.errors.malformed");
    expect(refusal(() => checkInByCode(host, subject(), { code: "2345-6789" }, DURING))).toMatch(/tracking\.qr\.errors\.(unknown|notOnList)/);
    expect(refusal(() => checkInByCode(host, subject(), { code: token }, DURING))).toBe("tracking.qr.errors.notOnList");
    expect(refusal(() => checkInByCode(host, subject(), { code: checkInTokenFor(outsider.app.id).code }, DURING))).toBe("tracking.qr.errors.notOnList");
    expect(recordsOf(outsider.app.id)).toHaveLength(0);
    expect(auditCount()).toBe(before);
  });

  it("revoking refuses the old token and short code (audited); the new ones work", async () => {
    const old = checkInTokenFor(anh.app.id, DURING);
    const oldPass = (await myCheckInPass(anh.user, { applicationId: anh.app.id }, DURING))!;
    expect((await myCheckInPass(anh.user, { applicationId: anh.app.id }, DURING))!.svg).toBe(oldPass.svg);
    expect(() => revokeCheckInToken(host, anh.app.id)).toThrow(NotFoundError);
    const fresh = revokeCheckInToken(organizer, anh.app.id, DURING);
    expect(fresh.code).not.toBe(old.code);
    // The pass shows the new token's QR code, never a drawing kept for the revoked one.
    const newPass = (await myCheckInPass(anh.user, { applicationId: anh.app.id }, DURING))!;
    expect(newPass.token).not.toBe(oldPass.token);
    expect(newPass.svg).not.toBe(oldPass.svg);
    const trail = db()
      .select()
      .from(t.auditEvents)
      .where(and(eq(t.auditEvents.entityType, "application"), eq(t.auditEvents.entityId, anh.app.id), eq(t.auditEvents.action, "revoke")))
      .all();
    expect(trail).toHaveLength(1);
    expect(refusal(() => checkInByCode(host, subject(), { code: old.token }, DURING))).toBe("tracking.qr.errors.revoked");
    expect(refusal(() => checkInByCode(host, subject(), { code: old.code }, DURING))).toBe("tracking.qr.errors.revoked");
    const next = { ...subject(), date: "2031-07-07" };
    expect(checkInByCode(host, next, { code: fresh.code }, new Date("2031-07-07T02:30:00.000Z")).already).toBe(false);
    expect(checkInByCode(host, next, { code: checkInTokenFor(anh.app.id).token }, new Date("2031-07-07T02:30:00.000Z")).already).toBe(true);
  });

  it("refuses a token once the edition is over", () => {
    const { code } = checkInTokenFor(somchai.app.id);
    db().update(t.editions).set({ endsOn: "2031-07-06" }).where(eq(t.editions.id, editionId)).run();
    try {
      const after = new Date("2031-07-07T02:30:00.000Z");
      expect(refusal(() => checkInByCode(organizer, { ...subject(), date: "2031-07-07" }, { code }, after))).toBe("tracking.qr.errors.expired");
    } finally {
      db().update(t.editions).set({ endsOn: "2031-08-31" }).where(eq(t.editions.id, editionId)).run();
    }
  });
});

describe("route", () => {
  it("a bad code is 400 with the typed value kept; another site's host gets 404", async () => {
    const params = { visitId: String(visitId), date: DAY };
    const url = `/attendance/visit/${visitId}/${DAY}`;
    const bad = await call(visitAction, url, { cookie: await cookieFor(host.id), params, form: { intent: "checkin-code", code: "zz!" } });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ codeError: "tracking.qr.errors.malformed", code: "zz!" });
    const { code } = checkInTokenFor(somchai.app.id);
    const other = await call(visitAction, url, { cookie: await cookieFor(otherHost.id), params, form: { intent: "checkin-code", code } });
    expect(other.status).toBe(404);
  });
});
