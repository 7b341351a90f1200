// Attendance (issue 6): idempotent check-in (one row, unchanged time on a repeat, an audit event
// per status change), the day rule in the venue's zone, scope (404) for hosts and trainers, the
// rotating self check-in code (current and previous minute), and the route glue.
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db, t } from "~/db.server";
import { checkInCode, verifyCheckInCode, windowAt } from "~/domain/checkin-code";
import { todayIn } from "~/domain/dates";
import type { Actor } from "~/models/actor";
import { currentCheckInCode, recordAttendance, selfCheckIn, trainingSheet, visitDaySheet } from "~/models/tracking/attendance.server";
import { NotFoundError, RateLimitError, RuleError } from "~/models/errors";
import { action as trainingAction, loader as trainingLoader } from "~/routes/attendance.training.$trainingId";
import { loader as codeLoader } from "~/routes/attendance.code.$trainingId";
import { action as selfAction } from "~/routes/me_.check-in";
import { call, cookieFor, createUser, makeTraining } from "../support/factories";
import { makeEdition, makeParticipant, makeSite, makeVisit, place } from "./hosts-fixtures";

// 09:00-11:00 in Bangkok on 2031-07-06.
const DURING = new Date("2031-07-06T02:30:00.000Z");
let organizer: Actor, host: Actor, otherHost: Actor, trainer: Actor;
let editionId: number, visitId: number, trainingId: number, otherTrainingId: number;
let anh: { user: Actor; app: { id: number } }, somchai: { user: Actor; app: { id: number } }, outsider: { user: Actor; app: { id: number } };

const records = (appId: number) =>
  db()
    .select()
    .from(t.attendanceRecords)
    .where(and(eq(t.attendanceRecords.trainingSessionId, trainingId), eq(t.attendanceRecords.applicationId, appId)))
    .all();
const audits = (recordId: number) =>
  db()
    .select()
    .from(t.auditEvents)
    .where(and(eq(t.auditEvents.entityType, "attendance"), eq(t.auditEvents.entityId, recordId)))
    .all();

beforeAll(async () => {
  organizer = await createUser({ roles: [{ role: "organizer" }] });
  host = await createUser({ roles: [{ role: "host_coordinator" }] });
  otherHost = await createUser({ roles: [{ role: "host_coordinator" }] });
  trainer = await createUser({ email: "Trainer.Attendance@example.org" });
  editionId = makeEdition().id;
  const site = makeSite({}, [host.id]);
  const other = makeSite({ name: "Other" }, [otherHost.id]);
  visitId = makeVisit(editionId, site.id).id;
  const otherVisit = makeVisit(editionId, other.id).id;
  anh = await makeParticipant(editionId);
  somchai = await makeParticipant(editionId, {
    givenName: "สมชาย",
    familyName: "ใจดี",
    givenNameLatin: "Somchai",
    familyNameLatin: "Jaidee",
    nationality: "TH",
    searchName: "สมชาย ใจดี somchai jaidee",
  });
  outsider = await makeParticipant(editionId, { givenName: "Outsider" });
  db().update(t.applications).set({ searchName: "nguyen thi anh nguyen thi anh" }).where(eq(t.applications.id, anh.app.id)).run();
  place(visitId, anh.app.id, "accepted");
  place(visitId, somchai.app.id, "accepted");
  place(otherVisit, outsider.app.id, "accepted");
  trainingId = makeTraining(editionId, {
    visitId,
    audience: "visit",
    status: "scheduled",
    startsAt: "2031-07-06T02:00:00.000Z",
    endsAt: "2031-07-06T04:00:00.000Z",
  }).id;
  otherTrainingId = makeTraining(editionId, { visitId: otherVisit, audience: "visit", status: "scheduled" }).id;
  const tr = db().insert(t.trainers).values({ name: "Dr. Trainer", email: "trainer.attendance@example.org" }).returning().get();
  db().insert(t.trainingSessionTrainers).values({ trainingSessionId: trainingId, trainerId: tr.id }).run();
});

describe("check-in lists", () => {
  it("is idempotent: the same status twice keeps one row and its first time; changes are audited", () => {
    const subject = { kind: "training" as const, trainingId };
    expect(recordAttendance(host, subject, { applicationId: anh.app.id, status: "present" }, DURING).changed).toBe(true);
    const first = records(anh.app.id);
    expect(first).toHaveLength(1);
    expect(first[0]).toMatchObject({ status: "present", recordedBy: host.id, method: "list", recordedAt: DURING.toISOString() });
    const later = new Date(DURING.getTime() + 600_000);
    expect(recordAttendance(host, subject, { applicationId: anh.app.id, status: "present" }, later).changed).toBe(false);
    expect(recordAttendance(organizer, subject, { applicationId: anh.app.id, status: "present" }, later).changed).toBe(false);
    // The row keeps its recorded time and author; only the mark time moves on (issue 14: the latest
    // mark by device time is the one in effect).
    expect(records(anh.app.id)).toEqual([{ ...first[0], markedAt: later.toISOString() }]);
    expect(audits(first[0].id)).toHaveLength(1);
    recordAttendance(host, subject, { applicationId: anh.app.id, status: "late", note: "bus from Jinghong" }, later);
    const changed = records(anh.app.id);
    expect(changed).toHaveLength(1);
    expect(changed[0]).toMatchObject({ id: first[0].id, status: "late", note: "bus from Jinghong", recordedAt: later.toISOString() });
    expect(audits(first[0].id).map((a) => [a.fromState, a.toState])).toEqual([
      [null, "present"],
      ["present", "late"],
    ]);
  });

  it("refuses check-in outside the session's day in the venue's zone, and unknown people; nothing written", () => {
    const subject = { kind: "training" as const, trainingId };
    // 2031-07-05T18:00Z is already 07-06 01:00 in Bangkok: allowed. 16:00Z is 23:00 on 07-05: refused.
    expect(() => recordAttendance(host, subject, { applicationId: somchai.app.id, status: "present" }, new Date("2031-07-05T16:00:00Z"))).toThrow(RuleError);
    expect(() => recordAttendance(host, subject, { applicationId: somchai.app.id, status: "present" }, new Date("2031-07-06T17:30:00Z"))).toThrow(RuleError);
    expect(records(somchai.app.id)).toHaveLength(0);
    expect(recordAttendance(host, subject, { applicationId: somchai.app.id, status: "absent" }, new Date("2031-07-05T18:00:00Z")).changed).toBe(true);
    expect(() => recordAttendance(host, subject, { applicationId: outsider.app.id, status: "present" }, DURING)).toThrow(/notExpected/);
    expect(() => recordAttendance(host, subject, { applicationId: 987654, status: "present" }, DURING)).toThrow(/notExpected/);
    expect(records(outsider.app.id)).toHaveLength(0);
    // Organizers may correct a past day; nobody records before it.
    expect(recordAttendance(organizer, subject, { applicationId: somchai.app.id, status: "excused" }, new Date("2031-07-09T00:00:00Z")).changed).toBe(true);
  });

  it("scope: another site's host, a participant, an unknown session → NotFound; the session's trainer may", () => {
    expect(() => trainingSheet(otherHost, trainingId, "", DURING)).toThrow(NotFoundError);
    expect(() => trainingSheet(anh.user, trainingId, "", DURING)).toThrow(NotFoundError);
    expect(() => trainingSheet(host, otherTrainingId, "", DURING)).toThrow(NotFoundError);
    expect(() => trainingSheet(organizer, 424242, "", DURING)).toThrow(NotFoundError);
    expect(() => visitDaySheet(otherHost, visitId, "2031-07-06", "", DURING)).toThrow(NotFoundError);
    expect(() => visitDaySheet(host, visitId, "2031-08-06", "", DURING)).toThrow(NotFoundError);
    expect(trainingSheet(trainer, trainingId, "", DURING).people).toHaveLength(2);
  });

  it("searches names ignoring case and diacritics", () => {
    expect(trainingSheet(host, trainingId, "NGUYEN thi", DURING).people.map((p) => p.applicationId)).toEqual([anh.app.id]);
    expect(trainingSheet(host, trainingId, "Nguyễn Thị Ánh", DURING).people.map((p) => p.applicationId)).toEqual([anh.app.id]);
    expect(trainingSheet(host, trainingId, "ใจดี", DURING).people.map((p) => p.applicationId)).toEqual([somchai.app.id]);
    expect(trainingSheet(host, trainingId, "%", DURING).people).toEqual([]);
  });

  it("visit days: one row per person and day, refused on other days", () => {
    const subject = { kind: "visit_day" as const, visitId, date: "2031-07-06" };
    recordAttendance(host, subject, { applicationId: somchai.app.id, status: "present" }, DURING);
    recordAttendance(host, subject, { applicationId: somchai.app.id, status: "present" }, DURING);
    expect(db().select().from(t.attendanceRecords).where(eq(t.attendanceRecords.visitId, visitId)).all()).toHaveLength(1);
    expect(() => recordAttendance(host, { ...subject, date: "2031-07-07" }, { applicationId: somchai.app.id, status: "present" }, DURING)).toThrow(RuleError);
    expect(() => recordAttendance(otherHost, subject, { applicationId: somchai.app.id, status: "present" }, DURING)).toThrow(NotFoundError);
  });
});

describe("host corrections of past visit days (issue 12 item 7)", () => {
  it("a host coordinator corrects a past day of their own visit with a reason, audited; not without one, not another site's host", async () => {
    const subject = { kind: "visit_day" as const, visitId, date: "2031-07-05" };
    const later = new Date("2031-07-09T03:00:00Z");
    const sheet = visitDaySheet(host, visitId, "2031-07-05", "", later);
    expect([sheet.open, sheet.correction]).toEqual([true, true]);
    expect(() => recordAttendance(host, subject, { applicationId: anh.app.id, status: "excused" }, later)).toThrow(/reasonRequired/);
    expect(
      recordAttendance(host, subject, { applicationId: anh.app.id, status: "excused", reason: "Was at the district hospital, we forgot to mark it" }, later)
        .changed,
    ).toBe(true);
    const row = db()
      .select()
      .from(t.attendanceRecords)
      .where(and(eq(t.attendanceRecords.visitId, visitId), eq(t.attendanceRecords.date, "2031-07-05"), eq(t.attendanceRecords.applicationId, anh.app.id)))
      .get()!;
    expect(row.status).toBe("excused");
    expect(audits(row.id).at(-1)).toMatchObject({
      action: "correct",
      toState: "excused",
      reason: "Was at the district hospital, we forgot to mark it",
      actorUserId: host.id,
    });
    expect(() => recordAttendance(otherHost, subject, { applicationId: anh.app.id, status: "present", reason: "x" }, later)).toThrow(NotFoundError);
    // Organizers correct without a reason, as before.
    expect(recordAttendance(organizer, subject, { applicationId: anh.app.id, status: "present" }, later).changed).toBe(true);
  });
});

describe("self check-in codes", () => {
  const key = "k".repeat(32);
  it("are 6 digits, change with the minute, accept the current and the previous window only", () => {
    const w = windowAt(DURING);
    const code = checkInCode(key, 7, w);
    expect(code).toMatch(/^\d{6}$/);
    expect(verifyCheckInCode(key, 7, code, w)).toBe(true);
    expect(verifyCheckInCode(key, 7, code, w + 1)).toBe(true);
    expect(verifyCheckInCode(key, 7, code, w + 2)).toBe(false);
    expect(verifyCheckInCode(key, 7, code, w - 1)).toBe(false);
    expect(verifyCheckInCode(key, 8, code, w)).toBe(checkInCode(key, 8, w) === code);
    expect(verifyCheckInCode("other-key", 7, code, w)).toBe(checkInCode("other-key", 7, w) === code);
    const distinct = new Set(Array.from({ length: 200 }, (_, i) => checkInCode(key, 7, w + i)));
    expect(distinct.size).toBeGreaterThan(190);
  });

  it("records a participant present once, late after 15 minutes, and refuses wrong codes and other days", () => {
    db().delete(t.attendanceRecords).where(eq(t.attendanceRecords.trainingSessionId, trainingId)).run();
    const { code } = currentCheckInCode(host, trainingId, DURING);
    expect(() => selfCheckIn(anh.user, code === "000000" ? "111111" : "000000", DURING)).toThrow(/badCode/);
    const r = selfCheckIn(anh.user, code, new Date(DURING.getTime() + 20_000));
    expect(r).toMatchObject({ status: "late", changed: true }); // 02:30Z is 30 min after the 02:00Z start
    expect(selfCheckIn(anh.user, code, new Date(DURING.getTime() + 30_000)).changed).toBe(false);
    expect(records(anh.app.id)).toHaveLength(1);
    expect(records(anh.app.id)[0].method).toBe("self");
    // Outsider is not in the session's audience: their code match finds no session of theirs.
    expect(() => selfCheckIn(outsider.user, code, DURING)).toThrow(RuleError);
    // Two minutes later the code has expired.
    expect(() => selfCheckIn(somchai.user, code, new Date(DURING.getTime() + 150_000))).toThrow(/badCode/);
    const early = new Date("2031-07-06T02:05:00Z");
    expect(selfCheckIn(somchai.user, currentCheckInCode(host, trainingId, early).code, early).status).toBe("present");
  });
});

describe("wrong-code limit (issue 12, item 20)", () => {
  it("is kept in the database: 10 wrong codes in 10 minutes lock the person out, seen by any process", () => {
    const at = new Date("2031-07-06T02:40:00Z");
    for (let i = 0; i < 10; i++) {
      expect(() => selfCheckIn(outsider.user, "999999", new Date(at.getTime() + i * 1000))).toThrow(RuleError);
    }
    const rows = db().select().from(t.checkInFailures).where(eq(t.checkInFailures.userId, outsider.user.id)).all();
    expect(rows.length).toBeGreaterThanOrEqual(10);
    expect(() => selfCheckIn(outsider.user, "999999", new Date(at.getTime() + 20_000))).toThrow(RateLimitError);
    // Another server (or this one after a restart) reads the same rows: simulated by a fresh count.
    db().delete(t.checkInFailures).where(eq(t.checkInFailures.userId, outsider.user.id)).run();
    expect(() => selfCheckIn(outsider.user, "999999", new Date(at.getTime() + 30_000))).toThrow(RuleError);
    expect(() => selfCheckIn(outsider.user, "999999", new Date(at.getTime() + 31_000))).not.toThrow(RateLimitError);
  });
});

describe("routes", () => {
  it("list, record and show the code for a session today; 404 out of scope; code refused on a wrong day", async () => {
    const now = new Date();
    const today = makeTraining(editionId, {
      visitId,
      audience: "visit",
      status: "scheduled",
      timeZone: "UTC",
      startsAt: new Date(now.getTime() - 3600_000).toISOString(),
      endsAt: new Date(now.getTime() + 60_000).toISOString(),
    });
    if (todayIn("UTC", new Date(now.getTime() - 3600_000)) !== todayIn("UTC", now)) return; // just after midnight UTC: skip
    const cookie = await cookieFor(host.id);
    const params = { trainingId: String(today.id) };
    const list = await call(trainingLoader, `/attendance/training/${today.id}`, { cookie, params });
    expect(list.status).toBe(200);
    expect((await list.json()).people).toHaveLength(2);
    const post = await call(trainingAction, `/attendance/training/${today.id}`, {
      cookie,
      params,
      form: { applicationId: String(anh.app.id), status: "present", q: "anh" },
    });
    expect(post.status).toBe(302);
    expect(post.headers.get("Location")).toBe(`/attendance/training/${today.id}?q=anh`);
    const bad = await call(trainingAction, `/attendance/training/${today.id}`, {
      cookie,
      params,
      form: { applicationId: String(outsider.app.id), status: "present" },
    });
    expect(bad.status).toBe(409);
    const other = await cookieFor(otherHost.id);
    expect((await call(trainingLoader, `/attendance/training/${today.id}`, { cookie: other, params })).status).toBe(404);
    expect(
      (await call(trainingAction, `/attendance/training/${today.id}`, { cookie: other, params, form: { applicationId: String(anh.app.id), status: "absent" } }))
        .status,
    ).toBe(404);
    expect((await call(codeLoader, `/attendance/code/${today.id}`, { cookie: other, params })).status).toBe(404);
    const shown = await (await call(codeLoader, `/attendance/code/${today.id}`, { cookie, params })).json();
    const self = await call(selfAction, "/me/check-in", { cookie: await cookieFor(somchai.user.id), form: { code: shown.code } });
    expect(self.status).toBe(302);
    const wrong = await call(selfAction, "/me/check-in", { cookie: await cookieFor(somchai.user.id), form: { code: "12345" } });
    expect(wrong.status).toBe(400);
  });
});

describe("marks queued on a device (issue 14)", () => {
  it("a replayed client id writes nothing, even after a later mark; the audit keeps the device time", async () => {
    const p = await makeParticipant(editionId, { givenName: "Queued" });
    place(visitId, p.app.id, "accepted");
    const subject = { kind: "training" as const, trainingId };
    const input = { applicationId: p.app.id, status: "present" as const, clientId: "device-mark-0001", markedAt: "2031-07-06T02:20:00.000Z" };
    expect(recordAttendance(host, subject, input, DURING)).toMatchObject({ changed: true });
    const [row] = records(p.app.id);
    expect(audits(row.id).map((a) => a.details)).toEqual([expect.objectContaining({ clientId: "device-mark-0001", markedAt: "2031-07-06T02:20:00.000Z" })]);
    const later = new Date(DURING.getTime() + 600_000);
    recordAttendance(host, subject, { applicationId: p.app.id, status: "late" }, later);
    // The first mark arrives again (its answer was lost): ignored, the later "late" stays.
    expect(recordAttendance(host, subject, { ...input, status: "absent" }, later)).toMatchObject({ changed: false, replay: true });
    expect(records(p.app.id)).toEqual([expect.objectContaining({ id: row.id, status: "late" })]);
    expect(audits(row.id)).toHaveLength(2);
    // A new device mark that changes nothing is still audited, so its id is known if it comes again.
    expect(recordAttendance(host, subject, { applicationId: p.app.id, status: "late", clientId: "device-mark-0002" }, later).changed).toBe(false);
    expect(audits(row.id)).toHaveLength(3);
    expect(recordAttendance(host, subject, { applicationId: p.app.id, status: "absent", clientId: "device-mark-0002" }, later)).toMatchObject({ replay: true });
    expect(records(p.app.id)[0].status).toBe("late");
  });

  it("two devices disagree: the later mark by device time wins whatever the arrival order; both are audited", async () => {
    const p = await makeParticipant(editionId, { givenName: "Twice" });
    place(visitId, p.app.id, "accepted");
    const subject = { kind: "training" as const, trainingId };
    // Device A (offline in the village) marks absent at 02:10; device B marks present at 02:25 and
    // is online, so B's mark arrives first; A's older mark arrives last.
    const newer = { applicationId: p.app.id, status: "present" as const, clientId: "device-b-mark-0001", markedAt: "2031-07-06T02:25:00.000Z" };
    const older = { applicationId: p.app.id, status: "absent" as const, clientId: "device-a-mark-0001", markedAt: "2031-07-06T02:10:00.000Z" };
    expect(recordAttendance(host, subject, newer, new Date("2031-07-06T02:26:00.000Z"))).toMatchObject({ changed: true });
    expect(recordAttendance(organizer, subject, older, new Date("2031-07-06T02:40:00.000Z"))).toMatchObject({ changed: false, superseded: true });
    const [row] = records(p.app.id);
    expect(row).toMatchObject({ status: "present", recordedBy: host.id, recordedAt: "2031-07-06T02:26:00.000Z", markedAt: newer.markedAt });
    const trail = audits(row.id);
    expect(trail.map((a) => [a.action, a.toState, (a.details as { clientId: string }).clientId])).toEqual([
      ["record", "present", newer.clientId],
      ["record_superseded", "absent", older.clientId],
    ]);
    expect(trail[0].details).toMatchObject({ markedAt: newer.markedAt, receivedAt: "2031-07-06T02:26:00.000Z" });
    expect(trail[1].details).toMatchObject({ markedAt: older.markedAt, receivedAt: "2031-07-06T02:40:00.000Z", kept: { status: "present" } });
    // Sent again, the older mark is a replay: nothing more is written.
    expect(recordAttendance(organizer, subject, older, new Date("2031-07-06T02:41:00.000Z"))).toMatchObject({ replay: true });
    expect(audits(row.id)).toHaveLength(2);
    // A mark later by device time than the one in effect still wins when it arrives last.
    const latest = { applicationId: p.app.id, status: "late" as const, clientId: "device-a-mark-0002", markedAt: "2031-07-06T02:30:00.000Z" };
    expect(recordAttendance(host, subject, latest, new Date("2031-07-06T02:45:00.000Z"))).toMatchObject({ changed: true });
    expect(records(p.app.id)[0]).toMatchObject({ status: "late", markedAt: latest.markedAt });
  });

  it("the same status again moves the mark time on, so an older mark arriving later still loses", async () => {
    const p = await makeParticipant(editionId, { givenName: "Again" });
    place(visitId, p.app.id, "accepted");
    const subject = { kind: "training" as const, trainingId };
    recordAttendance(host, subject, { applicationId: p.app.id, status: "present", clientId: "device-c-0001", markedAt: "2031-07-06T02:05:00.000Z" }, DURING);
    recordAttendance(host, subject, { applicationId: p.app.id, status: "present", clientId: "device-d-0001", markedAt: "2031-07-06T02:28:00.000Z" }, DURING);
    const r = recordAttendance(
      host,
      subject,
      { applicationId: p.app.id, status: "absent", clientId: "device-e-0001", markedAt: "2031-07-06T02:15:00.000Z" },
      DURING,
    );
    expect(r).toMatchObject({ superseded: true });
    expect(records(p.app.id)[0]).toMatchObject({ status: "present", recordedAt: DURING.toISOString(), markedAt: "2031-07-06T02:28:00.000Z" });
  });

  it("a device clock running ahead cannot win against later real marks: its time counts no later than its arrival", async () => {
    const p = await makeParticipant(editionId, { givenName: "Ahead" });
    place(visitId, p.app.id, "accepted");
    const subject = { kind: "training" as const, trainingId };
    recordAttendance(host, subject, { applicationId: p.app.id, status: "absent", clientId: "device-f-0001", markedAt: "2031-07-07T09:00:00.000Z" }, DURING);
    expect(records(p.app.id)[0].markedAt).toBe(DURING.toISOString());
    // A live mark (no device time) five minutes later wins.
    const later = new Date(DURING.getTime() + 300_000);
    expect(recordAttendance(host, subject, { applicationId: p.app.id, status: "present" }, later)).toMatchObject({ changed: true });
    expect(records(p.app.id)[0]).toMatchObject({ status: "present", markedAt: later.toISOString() });
  });

  it("a mark taken offline on the day and sent the next day counts on the day it was taken; without a device time it is refused", async () => {
    const p = await makeParticipant(editionId, { givenName: "Nextday" });
    place(visitId, p.app.id, "accepted");
    // Taken at 09:20 Bangkok time on the training's day, received the next morning.
    const nextMorning = new Date("2031-07-07T01:00:00.000Z");
    const offline = { applicationId: p.app.id, status: "present" as const, clientId: "device-g-0001", markedAt: "2031-07-06T02:20:00.000Z" };
    expect(() => recordAttendance(trainer, { kind: "training", trainingId }, { applicationId: p.app.id, status: "present" }, nextMorning)).toThrow(/dayOver/);
    expect(recordAttendance(trainer, { kind: "training", trainingId }, offline, nextMorning)).toMatchObject({ changed: true });
    // A visit day: the site's host coordinator needs no correction reason for a mark taken on the day.
    const day = { kind: "visit_day" as const, visitId, date: "2031-07-06" };
    expect(() => recordAttendance(host, day, { applicationId: p.app.id, status: "late" }, nextMorning)).toThrow(/reasonRequired/);
    expect(recordAttendance(host, day, { ...offline, status: "late", clientId: "device-g-0002" }, nextMorning)).toMatchObject({ changed: true });
  });
});
