// Recurring training sessions (issue 15, item 8) through the route actions: a series writes one
// session per day in one go (audited); one conflicting day writes nothing and is reported with
// its reason; bad repeat input is a 400 next to the field with every value kept; scope (404);
// an occurrence changed or cancelled alone; "this and all following" cancelled together.
import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db, t } from "~/db.server";
import type { Actor } from "~/models/actor";
import { FieldErrors } from "~/models/errors";
import * as newRoute from "~/routes/admin.editions.$id_.trainings.new";
import * as listRoute from "~/routes/admin.editions.$id_.trainings._index";
import * as editRoute from "~/routes/admin.trainings.$trainingId";
import * as hostRoute from "~/routes/host.visits.$visitId.trainings";
import { call, cookieFor, createUser } from "../support/factories";
import { makeEdition, makeSite, makeVisit } from "./hosts-fixtures";

let organizer: Actor, hostA: Actor, hostB: Actor;
let cOrg: string, cA: string, cB: string;
let edition: ReturnType<typeof makeEdition>;
let visit: ReturnType<typeof makeVisit>;
let hall: number;

const sessions = () =>
  db()
    .select({ n: sql<number>`count(*)` })
    .from(t.trainingSessions)
    .get()!.n;
const seriesCount = () =>
  db()
    .select({ n: sql<number>`count(*)` })
    .from(t.trainingSeries)
    .get()!.n;
const inSeries = (seriesId: number) =>
  db().select().from(t.trainingSessions).where(eq(t.trainingSessions.seriesId, seriesId)).orderBy(t.trainingSessions.startsAt).all();
const row = (id: number) => db().select().from(t.trainingSessions).where(eq(t.trainingSessions.id, id)).get()!;

beforeAll(async () => {
  organizer = await createUser({ roles: [{ role: "organizer" }], name: "Org" });
  hostA = await createUser({ roles: [{ role: "host_coordinator" }], name: "Host A" });
  hostB = await createUser({ roles: [{ role: "host_coordinator" }], name: "Host B" });
  [cOrg, cA, cB] = await Promise.all([organizer, hostA, hostB].map((u) => cookieFor(u.id)));
  // Edition 2031-07-01 … 2031-08-31 (Thailand); visit 2031-07-05 (Sat) … 07-12 (Sat).
  edition = makeEdition();
  visit = makeVisit(edition.id, makeSite({}, [hostA.id]).id);
  makeSite({ nameLatin: "Other site" }, [hostB.id]);
  const ins = (v: typeof t.venues.$inferInsert) => db().insert(t.venues).values(v).returning().get().id;
  hall = ins({ name: "Village hall", countryCode: "TH", timeZone: "Asia/Bangkok" });
});

function form(over: Record<string, string | string[]> = {}): Record<string, string | string[]> {
  return {
    intent: "save",
    title: "Morning briefing",
    type: "lecture",
    visitId: String(visit.id),
    venueId: String(hall),
    startDate: "2031-07-07",
    startTime: "08:00",
    endTime: "08:30",
    deliveryLanguage: "th",
    audience: "visit",
    status: "scheduled",
    repeat: "weekly",
    weekdays: ["MO", "WE", "FR"],
    repeatEnd: "until",
    until: "2031-07-11",
    ...over,
  };
}
const create = (f: Record<string, string | string[]>, cookie = cOrg, editionId = edition.id) =>
  call(newRoute.action, `/admin/editions/${editionId}/trainings/new`, { cookie, params: { id: String(editionId) }, form: f });
const edit = (id: number, f: Record<string, string | string[]>, cookie = cOrg) =>
  call(editRoute.action, `/admin/trainings/${id}`, { cookie, params: { trainingId: String(id) }, form: f });
const hostPost = (visitId: number, f: Record<string, string | string[]>, cookie = cA, query = "") =>
  call(hostRoute.action, `/host/visits/${visitId}/trainings${query}`, { cookie, params: { visitId: String(visitId) }, form: f });
const idFrom = (res: Response) => Number(/\/admin\/trainings\/(\d+)/.exec(res.headers.get("Location") ?? "")![1]);

type Reply = { status: string; error?: Record<string, string[] | null>; initialValue?: Record<string, unknown> };
async function refused(res: Response): Promise<Reply> {
  expect(res.status).toBe(400);
  return (await res.json()) as Reply;
}

let weekly: { seriesId: number; ids: number[] };

describe("creating a series", () => {
  it("writes one session per chosen weekday, each at the same local time, and audits the series", async () => {
    const before = sessions();
    const res = await create(form());
    expect(res.status).toBe(302);
    const first = row(idFrom(res));
    expect(first.seriesId).not.toBeNull();
    const all = inSeries(first.seriesId!);
    expect(all.map((r) => r.startsAt)).toEqual(["2031-07-07T01:00:00.000Z", "2031-07-09T01:00:00.000Z", "2031-07-11T01:00:00.000Z"]);
    expect(all.every((r) => r.title === "Morning briefing" && r.status === "scheduled" && r.visitId === visit.id)).toBe(true);
    expect(all[0]!.id).toBe(first.id);
    expect(sessions()).toBe(before + 3);
    weekly = { seriesId: first.seriesId!, ids: all.map((r) => r.id) };
    const audit = db()
      .select()
      .from(t.auditEvents)
      .where(and(eq(t.auditEvents.entityType, "training_series"), eq(t.auditEvents.entityId, first.seriesId!)))
      .all();
    expect(audit.map((a) => a.action)).toEqual(["create"]);
    expect((audit[0]!.details as { dates: string[] }).dates).toEqual(["2031-07-07", "2031-07-09", "2031-07-11"]);
    expect(db().select().from(t.trainingSeries).where(eq(t.trainingSeries.id, first.seriesId!)).get()!.rule).toContain("BYDAY=MO,WE,FR");
  });

  it("a repeated identical submit creates nothing more", async () => {
    const [n, s] = [sessions(), seriesCount()];
    const res = await create(form());
    expect(res.status).toBe(302);
    expect(idFrom(res)).toBe(weekly.ids[0]);
    expect([sessions(), seriesCount()]).toEqual([n, s]);
  });

  it("daily for a number of sessions; the schedule and the edit page say it repeats", async () => {
    const res = await create(
      form({ title: "Evening review", repeat: "daily", weekdays: [], repeatEnd: "count", until: "", count: "3", startTime: "18:00", endTime: "19:00" }),
    );
    expect(res.status).toBe(302);
    const all = inSeries(row(idFrom(res)).seriesId!);
    expect(all.map((r) => r.startsAt.slice(0, 10))).toEqual(["2031-07-07", "2031-07-08", "2031-07-09"]);

    const list = await call(listRoute.loader, `/admin/editions/${edition.id}/trainings`, { cookie: cOrg, params: { id: String(edition.id) } });
    const items = (await list.json()).grid.items as { title: string; series: string | null }[];
    expect(items.find((i) => i.title === "Morning briefing")!.series).toBe("Repeats: Mon, Wed, Fri until Jul 11, 2031");
    expect(items.find((i) => i.title === "Evening review")!.series).toBe("Repeats daily until Jul 9, 2031");

    const page = await call(editRoute.loader, `/admin/trainings/${all[1]!.id}`, { cookie: cOrg, params: { trainingId: String(all[1]!.id) } });
    const d = await page.json();
    expect(d.series.total).toBe(3);
    expect(d.series.occurrences.map((o: { current: boolean }) => o.current)).toEqual([false, true, false]);
    expect(d.series.following).toBe(2);
  });

  it("a conflicting day writes nothing and reports that date with the reason", async () => {
    // A one-off session in the hall on Tuesday 2031-07-08, inside the visit.
    expect((await create(form({ title: "Tuesday clinic", repeat: "none", startDate: "2031-07-08", startTime: "09:30", endTime: "10:30" }))).status).toBe(302);
    const [n, s] = [sessions(), seriesCount()];
    const r = await refused(
      await create(
        form({
          title: "Field notes — บันทึก",
          repeat: "daily",
          weekdays: [],
          startDate: "2031-07-06",
          until: "2031-07-10",
          startTime: "09:00",
          endTime: "11:00",
        }),
      ),
    );
    expect(r.error![""]![0]).toContain("training.series.errors.conflicts");
    expect(r.error![""]![0]).toContain('"count":1,"total":5');
    const days = r.error!.occurrences!;
    expect(days).toHaveLength(1);
    expect(days[0]).toContain('"date":"2031-07-08"');
    expect(days[0]).toContain("training.errors.doubleBooked.venue");
    expect(days[0]).toContain("Tuesday clinic");
    expect(r.initialValue!.title).toBe("Field notes — บันทึก");
    expect(r.initialValue!.repeat).toBe("daily");
    expect(r.initialValue!.until).toBe("2031-07-10");
    expect([sessions(), seriesCount()]).toEqual([n, s]);
  });

  it("warnings of all days are confirmed once ('save anyway')", async () => {
    // 2031-07-28 is a public holiday in Thailand; programme-wide sessions 07-27 … 07-29.
    const f = form({ title: "Holiday week", visitId: "", audience: "edition", repeat: "daily", weekdays: [], startDate: "2031-07-27", until: "2031-07-29" });
    const n = sessions();
    const r = await refused(await create(f));
    expect(r.error![""]).toEqual(["training.warnings.confirmNeeded"]);
    expect(r.error!.confirmWarnings!.join(" ")).toContain("training.warnings.holiday");
    expect(sessions()).toBe(n);
    expect((await create({ ...f, confirmWarnings: "on" })).status).toBe(302);
    expect(sessions()).toBe(n + 3);
  });
});

describe("bad repeat input: 400 next to the field, values kept, nothing written", () => {
  const cases: [string, Record<string, string | string[]>, string, string][] = [
    ["no weekday chosen", { weekdays: [] }, "weekdays", "training.series.errors.noWeekday"],
    ["until before the start", { until: "2031-07-06" }, "until", "training.series.errors.untilBeforeStart"],
    ["no last day", { until: "" }, "until", "training.series.errors.untilNeeded"],
    ["until beyond the visit", { until: "2031-07-14" }, "until", "training.series.errors.untilOutside"],
    ["no count", { repeatEnd: "count", until: "" }, "count", "training.series.errors.countNeeded"],
    ["count above the cap", { repeatEnd: "count", count: "63" }, "count", "training.series.errors.countRange"],
    ["count running past the visit", { repeatEnd: "count", count: "4" }, "count", "training.series.errors.countOutside"],
    // A tester's report: a weekly series starting on a day not chosen started silently on the
    // first chosen day after it. The start date is the first session (2031-07-07 is a Monday).
    ["a start date whose weekday is not chosen", { weekdays: ["TU", "TH"] }, "weekdays", "training.series.errors.startNotChosen"],
    ["weekdays that never fall in the range", { weekdays: ["SU"], until: "2031-07-11" }, "weekdays", "training.series.errors.startNotChosen"],
  ];
  for (const [name, over, field, key] of cases)
    it(name, async () => {
      const [n, s] = [sessions(), seriesCount()];
      const r = await refused(await create(form({ title: `Bad: ${name}`, ...over })));
      expect(r.error![field]![0]).toContain(key);
      expect(r.initialValue!.title).toBe(`Bad: ${name}`);
      expect([sessions(), seriesCount()]).toEqual([n, s]);
    });

  it("a start date whose weekday is not chosen keeps every typed value, also on the host's page", async () => {
    const [n, s] = [sessions(), seriesCount()];
    const typed = form({ title: "Tue/Thu clinic", weekdays: ["TU", "TH"], startTime: "20:00", endTime: "21:00" });
    const r = await refused(await create(typed));
    expect(r.error!.weekdays).toEqual(["training.series.errors.startNotChosen"]);
    expect(r.initialValue).toMatchObject({ title: "Tue/Thu clinic", weekdays: ["TU", "TH"], startDate: "2031-07-07", until: "2031-07-11", startTime: "20:00" });
    const host = await refused(await hostPost(visit.id, typed));
    expect(host.error!.weekdays).toEqual(["training.series.errors.startNotChosen"]);
    expect([sessions(), seriesCount()]).toEqual([n, s]);
  });

  it("the form's schema says so too (the browser's check, before any request)", async () => {
    const { trainingSchema } = await import("~/forms/training");
    const { weekdayOf } = await import("~/domain/training/repeat");
    expect(["2031-07-07", "2031-07-08", "2031-07-13", "2024-02-29"].map(weekdayOf)).toEqual(["MO", "TU", "SU", "TH"]);
    const bad = trainingSchema.safeParse(form({ weekdays: ["TU", "TH"] }));
    expect(bad.success).toBe(false);
    expect(bad.error!.issues.map((i) => [i.path.join("."), i.message])).toEqual([["weekdays", "training.series.errors.startNotChosen"]]);
    expect(trainingSchema.safeParse(form({ weekdays: ["TU", "MO"] })).success).toBe(true);
    expect(trainingSchema.safeParse(form({ repeat: "daily", weekdays: ["TU"] })).success).toBe(true);
  });

  it("the use case refuses it too, for a caller that skips the form's schema", async () => {
    const { createTrainingSeries } = await import("~/models/training/series.server");
    const { trainingSchema } = await import("~/forms/training");
    const input = trainingSchema.parse(form({ title: "Direct", weekdays: ["MO", "WE"] }));
    const [n, s] = [sessions(), seriesCount()];
    let error: unknown;
    try {
      createTrainingSeries(organizer, { editionId: edition.id }, { ...input, weekdays: ["TU", "TH"] });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(FieldErrors);
    expect((error as FieldErrors).fields).toEqual({ weekdays: ["training.series.errors.startNotChosen"] });
    expect([sessions(), seriesCount()]).toEqual([n, s]);
  });

  it("more days than the cap (a programme-wide series over a long edition)", async () => {
    const long = makeEdition({ name: "Long edition", ordinal: 98, startsOn: "2032-01-01", endsOn: "2032-06-30" });
    const r = await refused(
      await create(form({ visitId: "", audience: "edition", repeat: "daily", startDate: "2032-01-05", until: "2032-03-31" }), cOrg, long.id),
    );
    expect(r.error!.until![0]).toContain("training.series.errors.tooMany");
    expect(r.error!.until![0]).toContain('"max":62');
  });
});

describe("scope", () => {
  it("a host coordinator makes a series for their own visit only; others get 404", async () => {
    const ok = await hostPost(
      visit.id,
      form({ title: "Host's daily walk", repeat: "daily", weekdays: [], startDate: "2031-07-05", until: "2031-07-06", startTime: "16:00", endTime: "17:00" }),
    );
    expect(ok.status).toBe(302);
    const mine = db().select().from(t.trainingSessions).where(eq(t.trainingSessions.title, "Host's daily walk")).all();
    expect(mine.map((r) => r.visitId)).toEqual([visit.id, visit.id]);
    const n = sessions();
    expect((await hostPost(visit.id, form({ title: "Intruder" }), cB)).status).toBe(404);
    expect((await create(form({ title: "Not an organizer" }), cA)).status).toBe(404);
    // Cancelling "this and all following" of someone else's visit: 404, nothing cancelled.
    expect((await hostPost(visit.id, { intent: "status", to: "cancelled", reason: "x", scope: "following" }, cB, `?edit=${weekly.ids[0]}`)).status).toBe(404);
    expect((await edit(weekly.ids[0]!, { intent: "status", to: "cancelled", reason: "x", scope: "following" }, cB)).status).toBe(404);
    expect(sessions()).toBe(n);
    expect(inSeries(weekly.seriesId).every((r) => r.status === "scheduled")).toBe(true);
  });
});

describe("one occurrence alone, or this and all following", () => {
  it("changing one occurrence leaves the others as they were", async () => {
    const [a, b, c] = weekly.ids as [number, number, number];
    const before = [row(a), row(c)];
    const res = await edit(
      b,
      form({ repeat: "none", title: "Briefing (moved)", startDate: "2031-07-09", startTime: "10:00", endTime: "10:30", version: row(b).updatedAt }),
    );
    expect(res.status).toBe(302);
    expect(row(b).title).toBe("Briefing (moved)");
    expect(row(b).startsAt).toBe("2031-07-09T03:00:00.000Z");
    expect(row(b).seriesId).toBe(weekly.seriesId);
    expect([row(a), row(c)]).toEqual(before);
    expect(inSeries(weekly.seriesId)).toHaveLength(3);
  });

  it("cancels one occurrence alone, then this and all following; audited; the room is free again", async () => {
    const [a, b, c] = weekly.ids as [number, number, number];
    expect((await edit(a, { intent: "status", to: "cancelled", reason: "Bus late", scope: "one" })).status).toBe(302);
    expect([row(a).status, row(b).status, row(c).status]).toEqual(["cancelled", "scheduled", "scheduled"]);
    // A reason is required for the series too.
    expect((await refused(await edit(b, { intent: "status", to: "cancelled", reason: "", scope: "following" }))).error!.reason).toEqual(["errors.required"]);
    expect((await edit(b, { intent: "status", to: "cancelled", reason: "Rainy season", scope: "following" })).status).toBe(302);
    expect([row(a).status, row(b).status, row(c).status]).toEqual(["cancelled", "cancelled", "cancelled"]);
    expect([row(b).cancelReason, row(c).cancelReason, row(a).cancelReason]).toEqual(["Rainy season", "Rainy season", "Bus late"]);
    const events = db()
      .select()
      .from(t.auditEvents)
      .where(and(eq(t.auditEvents.action, "cancel"), eq(t.auditEvents.reason, "Rainy season")))
      .all();
    expect(events.map((e) => `${e.entityType}:${e.entityId}`).sort()).toEqual(
      [`training_session:${b}`, `training_session:${c}`, `training_series:${weekly.seriesId}`].sort(),
    );
    // The cancelled Friday no longer blocks the hall.
    expect((await create(form({ title: "Friday instead", repeat: "none", startDate: "2031-07-11" }))).status).toBe(302);
    // The list still shows them, as cancelled.
    const list = await call(listRoute.loader, `/admin/editions/${edition.id}/trainings`, { cookie: cOrg, params: { id: String(edition.id) } });
    const items = (await list.json()).grid.items as { id: number; status: string }[];
    expect(items.filter((i) => weekly.ids.includes(i.id)).map((i) => i.status)).toEqual(["cancelled", "cancelled", "cancelled"]);
  });

  it("cancelling the last occurrence alone leaves the series' own last day in its text", async () => {
    // Tue and Thu, 8–10 Jul: two sessions; the Thursday is cancelled alone.
    const res = await create(
      form({ title: "Evening clinic", weekdays: ["TU", "TH"], startDate: "2031-07-08", until: "2031-07-10", startTime: "20:00", endTime: "21:00" }),
    );
    expect(res.status).toBe(302);
    const [tue, thu] = inSeries(row(idFrom(res)).seriesId!).map((r) => r.id) as [number, number];
    expect((await edit(thu, { intent: "status", to: "cancelled", reason: "Storm", scope: "one" })).status).toBe(302);
    expect([row(tue).status, row(thu).status]).toEqual(["scheduled", "cancelled"]);
    const page = await call(editRoute.loader, `/admin/trainings/${tue}`, { cookie: cOrg, params: { trainingId: String(tue) } });
    const d = await page.json();
    expect(d.series.text).toBe("Repeats: Tue, Thu until Jul 10, 2031");
    expect(d.series.total).toBe(2);
    const list = await call(listRoute.loader, `/admin/editions/${edition.id}/trainings`, { cookie: cOrg, params: { id: String(edition.id) } });
    const items = (await list.json()).grid.items as { id: number; series: string | null }[];
    expect(items.find((i) => i.id === tue)!.series).toBe("Repeats: Tue, Thu until Jul 10, 2031");
  });

  it("a one-off session offers no 'this and all following'", async () => {
    const id = db().select().from(t.trainingSessions).where(eq(t.trainingSessions.title, "Tuesday clinic")).get()!.id;
    const res = await edit(id, { intent: "status", to: "cancelled", reason: "x", scope: "following" });
    expect(res.status).toBe(409);
    expect(row(id).status).toBe("scheduled");
  });
});
