// Training sessions through the route actions: each conflict kind refused (400) naming the other
// session and its time in the venue's zone, every typed value kept and nothing written; the
// public-holiday warning needs "save anyway"; a session crossing midnight; host scope (404);
// capacity below those enrolled; bad times and zones; the visit date-move hook.
import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db, t } from "~/db.server";
import type { Actor } from "~/models/actor";
import { updateVisit } from "~/models/hosts/visits.server";
import * as newRoute from "~/routes/admin.editions.$id_.trainings.new";
import * as listRoute from "~/routes/admin.editions.$id_.trainings._index";
import * as editRoute from "~/routes/admin.trainings.$trainingId";
import * as hostRoute from "~/routes/host.visits.$visitId.trainings";
import * as slotRoute from "~/routes/admin.editions.$id_.trainings.free-slot";
import { call, cookieFor, createUser } from "../support/factories";
import { makeEdition, makeParticipant, makeSite, makeVisit, place } from "./hosts-fixtures";

let organizer: Actor, hostA: Actor, hostB: Actor;
let cOrg: string, cA: string, cB: string;
let edition: ReturnType<typeof makeEdition>;
let visit: ReturnType<typeof makeVisit>;
let otherVisit: ReturnType<typeof makeVisit>;
let hall: number, yangon: number, jayapura: number;
let trainer: number, interpEn: number, interpVi: number;

const count = () =>
  db()
    .select({ n: sql<number>`count(*)` })
    .from(t.trainingSessions)
    .get()!.n;

beforeAll(async () => {
  organizer = await createUser({ roles: [{ role: "organizer" }], name: "Org" });
  hostA = await createUser({ roles: [{ role: "host_coordinator" }], name: "Host A" });
  hostB = await createUser({ roles: [{ role: "host_coordinator" }], name: "Host B" });
  [cOrg, cA, cB] = await Promise.all([organizer, hostA, hostB].map((u) => cookieFor(u.id)));
  // 2031-07-01 … 2031-08-31, Thailand; visit 2031-07-05 … 07-12.
  edition = makeEdition();
  const site = makeSite({}, [hostA.id]);
  const siteB = makeSite({ nameLatin: "Other site" }, [hostB.id]);
  visit = makeVisit(edition.id, site.id);
  otherVisit = makeVisit(edition.id, siteB.id, { title: "Other visit", arrivalOn: "2031-07-20", departureOn: "2031-07-25" });
  const ins = (v: typeof t.venues.$inferInsert) => db().insert(t.venues).values(v).returning().get().id;
  hall = ins({ name: "Village hall", countryCode: "TH", timeZone: "Asia/Bangkok" });
  yangon = ins({ name: "Yangon room", countryCode: "MM", timeZone: "Asia/Yangon" });
  jayapura = ins({ name: "Jayapura room", countryCode: "ID", timeZone: "Asia/Jayapura" });
  trainer = db()
    .insert(t.trainers)
    .values({ name: "Dr Somchai", languages: ["th", "en"] })
    .returning()
    .get().id;
  // A second trainer, so pickers and checks choose among several.
  db()
    .insert(t.trainers)
    .values({ name: "Dr Lan", languages: ["vi"] })
    .run();
  interpEn = db()
    .insert(t.interpreters)
    .values({ name: "Ploy", languagePairs: [{ from: "th", to: "en" }] })
    .returning()
    .get().id;
  interpVi = db()
    .insert(t.interpreters)
    .values({ name: "Minh", languagePairs: [{ from: "th", to: "vi" }] })
    .returning()
    .get().id;
});

function form(over: Record<string, string | string[]> = {}): Record<string, string | string[]> {
  return {
    intent: "save",
    title: "Homestay pricing",
    type: "workshop",
    visitId: String(visit.id),
    venueId: String(hall),
    startDate: "2031-07-07",
    startTime: "09:00",
    endTime: "11:00",
    deliveryLanguage: "th",
    audience: "visit",
    status: "scheduled",
    ...over,
  };
}
const create = (f: Record<string, string | string[]>, cookie = cOrg) =>
  call(newRoute.action, `/admin/editions/${edition.id}/trainings/new`, { cookie, params: { id: String(edition.id) }, form: f });
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
const text = (r: Reply) => JSON.stringify(r.error);

describe("saving a training", () => {
  let first: number;
  it("creates a training and stores UTC instants with the venue zone", async () => {
    const res = await create(form({ trainerIds: [String(trainer)], interpreterIds: [String(interpEn)] }));
    expect(res.status).toBe(302);
    first = idFrom(res);
    const row = db().select().from(t.trainingSessions).where(eq(t.trainingSessions.id, first)).get()!;
    expect(row.startsAt).toBe("2031-07-07T02:00:00.000Z");
    expect(row.timeZone).toBe("Asia/Bangkok");
    expect(row.status).toBe("scheduled");
  });

  it("a session from 21:00 to 00:30 ends the next day without the end date changed by hand (issue 12, item 15)", async () => {
    for (const endDate of ["", "2031-07-09"]) {
      const res = await create(form({ title: `Night forum ${endDate || "none"}`, startDate: "2031-07-09", endDate, startTime: "21:00", endTime: "00:30" }));
      expect(res.status).toBe(302);
      const row = db()
        .select()
        .from(t.trainingSessions)
        .where(eq(t.trainingSessions.id, idFrom(res)))
        .get()!;
      expect(row.startsAt).toBe("2031-07-09T14:00:00.000Z");
      expect(row.endsAt).toBe("2031-07-09T17:30:00.000Z");
      db().delete(t.trainingSessions).where(eq(t.trainingSessions.id, row.id)).run();
    }
    const load = await call(newRoute.loader, `/admin/editions/${edition.id}/trainings/new`, { cookie: cOrg, params: { id: String(edition.id) } });
    expect((await load.json()).values.endDate).toBeUndefined();
  });

  it("a repeated identical submit does not create a second training", async () => {
    const before = count();
    const res = await create(form({ trainerIds: [String(trainer)], interpreterIds: [String(interpEn)] }));
    expect(res.status).toBe(302);
    expect(idFrom(res)).toBe(first);
    expect(count()).toBe(before);
  });

  it("refuses the venue booked twice, naming the other session and its local time; keeps every value", async () => {
    const before = count();
    const r = await refused(await create(form({ title: "Second — ภาษาไทย", startTime: "10:00", endTime: "12:00" })));
    expect(r.error!.venueId![0]).toContain("training.errors.doubleBooked.venue");
    expect(text(r)).toContain("Homestay pricing");
    expect(text(r)).toContain("09:00–11:00");
    expect(r.initialValue!.title).toBe("Second — ภาษาไทย");
    expect(r.initialValue!.startTime).toBe("10:00");
    expect(count()).toBe(before);
  });

  it("refuses a trainer in two sessions at once (other venue)", async () => {
    const r = await refused(await create(form({ title: "T2", venueId: String(yangon), startTime: "09:30", endTime: "10:30", trainerIds: [String(trainer)] })));
    expect(r.error!.trainerIds![0]).toContain("training.errors.doubleBooked.trainer");
    expect(text(r)).toContain("Dr Somchai");
    expect(text(r)).toContain("Homestay pricing");
  });

  it("refuses an interpreter in two sessions at once, time shown in the candidate venue's zone", async () => {
    // Yangon is 30 minutes behind Bangkok: 09:00–11:00 Bangkok reads 08:30–10:30 there.
    const r = await refused(
      await create(form({ title: "T3", venueId: String(yangon), startTime: "08:00", endTime: "09:00", interpreterIds: [String(interpEn)] })),
    );
    expect(r.error!.interpreterIds![0]).toContain("training.errors.doubleBooked.interpreter");
    expect(text(r)).toContain("08:30–10:30");
  });

  it("refuses a participant in two sessions at once", async () => {
    const { app } = await makeParticipant(edition.id, { languages: [{ code: "th", level: "fluent" }] });
    place(visit.id, app.id, "accepted");
    // Edition-wide session at another venue, same time: the placed participant attends both.
    const r = await refused(
      await create(
        form({
          title: "All hands",
          visitId: "",
          audience: "edition",
          venueId: String(jayapura),
          startDate: "2031-07-07",
          startTime: "11:30",
          endTime: "12:30",
        }),
      ),
    );
    expect(r.error!.audience![0]).toContain("training.errors.doubleBooked.participant");
    expect(r.error![""]).toEqual(["training.errors.conflicts"]);
    expect(text(r)).toContain("Nguyễn Thị Ánh");
    expect(text(r)).toContain("Homestay pricing");
  });

  it("refuses a session outside the visit's days and an end not after the start", async () => {
    let r = await refused(await create(form({ title: "Late", startDate: "2031-07-13" })));
    expect(r.error!.startDate![0]).toContain("training.errors.outsideVisit");
    // Not introduced as a clash: nothing clashes, the date is just impossible.
    expect(r.error![""]).toEqual(["training.errors.notSaved"]);
    r = await refused(await create(form({ title: "Backwards", startDate: "2031-07-08", startTime: "11:00", endTime: "10:00" })));
    expect(r.error!.endTime![0]).toContain("training.errors.endNotAfterStart");
  });

  it("bad input: a time that does not parse, an unknown zone, a time that does not exist", async () => {
    let r = await refused(await create(form({ title: "Bad", startTime: "25:61" })));
    expect(r.error!.startTime).toEqual(["training.errors.time"]);
    r = await refused(
      await create(form({ title: "Bad zone", venueId: "", type: "online", onlineUrl: "https://meet.example.org/x", timeZone: "Mars/Olympus" })),
    );
    expect(r.error!.timeZone).toEqual(["training.errors.zone"]);
    // 2031-03-09 02:30 does not exist in New York (clocks jump 02:00 → 03:00).
    const online = makeEdition({ name: "DST", startsOn: "2031-03-01", endsOn: "2031-03-31" });
    const res = await call(newRoute.action, `/admin/editions/${online.id}/trainings/new`, {
      cookie: cOrg,
      params: { id: String(online.id) },
      form: form({
        title: "Gap",
        visitId: "",
        audience: "edition",
        venueId: "",
        type: "online",
        onlineUrl: "https://meet.example.org/gap",
        timeZone: "America/New_York",
        startDate: "2031-03-09",
        startTime: "02:30",
        endTime: "03:30",
      }),
    });
    r = await refused(res);
    expect(r.error!.startTime![0]).toContain("training.errors.nonexistentTime");
    // The zone is named in the reader's language, not by its IANA ID.
    expect(r.error!.startTime![0]).toContain("Eastern Time");
    expect(r.error!.startTime![0]).not.toContain("America/New_York");
    const khmer = await createUser({ roles: [{ role: "organizer" }], name: "Org km", locale: "km" });
    const km = await refused(
      await call(newRoute.action, `/admin/editions/${online.id}/trainings/new`, {
        cookie: await cookieFor(khmer.id),
        params: { id: String(online.id) },
        form: form({
          title: "Gap km",
          visitId: "",
          audience: "edition",
          venueId: "",
          type: "online",
          onlineUrl: "https://meet.example.org/gap-km",
          timeZone: "America/New_York",
          startDate: "2031-03-09",
          startTime: "02:30",
          endTime: "03:30",
        }),
      }),
    );
    const zone = JSON.parse(km.error!.startTime![0].split("|")[1]).zone as string;
    expect(zone).toBe(
      new Intl.DateTimeFormat("km", { timeZone: "America/New_York", timeZoneName: "longGeneric" })
        .formatToParts(Date.UTC(2031, 2, 9, 12))
        .find((p) => p.type === "timeZoneName")!.value,
    );
    expect(zone).toMatch(/[\u1780-\u17FF]/);
  });

  it("a public holiday is a warning the organizer confirms with 'save anyway'", async () => {
    // 2031-07-28 is King Vajiralongkorn's birthday in Thailand; an edition-wide session then.
    const f = form({ title: "Holiday lecture", visitId: "", audience: "edition", startDate: "2031-07-28", startTime: "09:00", endTime: "10:00" });
    const r = await refused(await create(f));
    expect(r.error![""]).toEqual(["training.warnings.confirmNeeded"]);
    expect(r.error!.confirmWarnings![0]).toContain("training.warnings.holiday");
    const ok = await create({ ...f, confirmWarnings: "on" });
    expect(ok.status).toBe(302);
  });

  it("warns about interpreter cover, naming the participants", async () => {
    const { app } = await makeParticipant(edition.id, {
      languages: [{ code: "km", level: "native" }],
      givenName: "Sokha",
      familyName: "Chan",
      nameOrder: "family_first",
    });
    const p = place(visit.id, app.id, "accepted");
    const r = await refused(await create(form({ title: "Cover", startDate: "2031-07-09", interpreterIds: [String(interpVi)] })));
    expect(r.error!.confirmWarnings!.join(" ")).toContain("training.warnings.interpreterCover");
    expect(text(r)).toContain("Chan Sokha");
    db().update(t.placements).set({ status: "cancelled" }).where(eq(t.placements.id, p.id)).run();
  });

  it("a session may cross midnight; the grid shows it on its start day with the end day", async () => {
    const res = await create(
      form({
        title: "Night market walk",
        type: "field_visit",
        startDate: "2031-07-10",
        startTime: "22:00",
        endDate: "2031-07-11",
        endTime: "01:00",
        venueId: String(yangon),
      }),
    );
    expect(res.status).toBe(302);
    const row = db()
      .select()
      .from(t.trainingSessions)
      .where(eq(t.trainingSessions.id, idFrom(res)))
      .get()!;
    expect(row.startsAt).toBe("2031-07-10T15:30:00.000Z");
    expect(row.endsAt).toBe("2031-07-10T18:30:00.000Z");
    const page = await call(listRoute.loader, `/admin/editions/${edition.id}/trainings`, { cookie: cOrg, params: { id: String(edition.id) } });
    const data = await page.json();
    const item = data.grid.items.find((i: { title: string }) => i.title === "Night market walk");
    expect(item).toMatchObject({ day: "2031-07-10", start: "22:00", end: "01:00", endDay: "2031-07-11" });
  });
});

describe("free slots", () => {
  it("proposes the earliest conflict-free slots inside the visit, each linking to a filled-in new form", async () => {
    const q = `durationMinutes=120&visitId=${visit.id}&venueId=${hall}&trainerIds=${trainer}&workStart=09:00&workEnd=12:00`;
    const res = await call(slotRoute.loader, `/admin/editions/${edition.id}/trainings/free-slot?${q}`, { cookie: cOrg, params: { id: String(edition.id) } });
    const data = await res.json();
    // The zone by its name in the reader's language, not its IANA ID (issue 11).
    expect(data.result.zone).toBe("Indochina Time");
    const hrefs: string[] = data.result.slots.map((s: { href: string }) => s.href);
    // 07-05 and 07-06 are free mornings; 07-07 09:00–11:00 is taken by "Homestay pricing".
    expect(hrefs[0]).toContain("startDate=2031-07-05&startTime=09%3A00");
    expect(hrefs.some((h) => h.includes("startDate=2031-07-07&startTime=09"))).toBe(false);
    const form = await call(newRoute.loader, hrefs[0], { cookie: cOrg, params: { id: String(edition.id) } });
    const values = (await form.json()).values;
    expect(values).toMatchObject({
      startDate: "2031-07-05",
      startTime: "09:00",
      endTime: "11:00",
      venueId: String(hall),
      trainerIds: [String(trainer)],
      audience: "visit",
    });
    const bad = await call(slotRoute.loader, `/admin/editions/${edition.id}/trainings/free-slot?durationMinutes=0`, {
      cookie: cOrg,
      params: { id: String(edition.id) },
    });
    expect((await bad.json()).errors.durationMinutes).toBeTruthy();
  });
});

describe("capacity and status", () => {
  it("refuses a capacity below the people already enrolled (nothing written)", async () => {
    const res = await create(
      form({ title: "Optional workshop", audience: "enrol", capacity: "5", startDate: "2031-07-11", startTime: "14:00", endTime: "15:00" }),
    );
    const id = idFrom(res);
    for (let i = 0; i < 3; i++) {
      const { app } = await makeParticipant(edition.id);
      db().insert(t.trainingEnrolments).values({ trainingSessionId: id, applicationId: app.id, status: "enrolled" }).run();
    }
    const row = db().select().from(t.trainingSessions).where(eq(t.trainingSessions.id, id)).get()!;
    const r = await refused(
      await edit(
        id,
        form({
          title: "Optional workshop",
          audience: "enrol",
          capacity: "2",
          startDate: "2031-07-11",
          startTime: "14:00",
          endTime: "15:00",
          version: row.updatedAt,
        }),
      ),
    );
    expect(r.error!.capacity![0]).toContain("training.errors.capacityBelowEnrolled");
    expect(r.initialValue!.capacity).toBe("2");
    expect(db().select().from(t.trainingSessions).where(eq(t.trainingSessions.id, id)).get()!.capacity).toBe(5);
  });

  it("cancelling is audited and frees the slot", async () => {
    const res = await create(form({ title: "To cancel", startDate: "2031-07-12", startTime: "09:00", endTime: "10:00" }));
    const id = idFrom(res);
    expect((await edit(id, { intent: "status", to: "cancelled", reason: "Rain" })).status).toBe(302);
    const audit = db()
      .select()
      .from(t.auditEvents)
      .where(and(eq(t.auditEvents.entityType, "training_session"), eq(t.auditEvents.entityId, id)))
      .all();
    expect(audit.map((a) => a.action)).toEqual(["create", "cancel"]);
    expect((await create(form({ title: "Instead", startDate: "2031-07-12", startTime: "09:00", endTime: "10:00" }))).status).toBe(302);
  });
});

describe("host scope", () => {
  it("a host coordinator schedules for their own visit only", async () => {
    const ok = await hostPost(visit.id, form({ title: "Host's own", startDate: "2031-07-06", startTime: "15:00", endTime: "16:00" }));
    expect(ok.status).toBe(302);
    // Another host's visit, and another visit smuggled in the form: 404 / still their own visit.
    expect((await hostPost(otherVisit.id, form({ title: "Intruder", visitId: String(otherVisit.id) }))).status).toBe(404);
    const smuggled = await hostPost(
      visit.id,
      form({ title: "Smuggled", visitId: String(otherVisit.id), startDate: "2031-07-06", startTime: "17:00", endTime: "18:00" }),
    );
    expect(smuggled.status).toBe(302);
    const row = db().select().from(t.trainingSessions).where(eq(t.trainingSessions.title, "Smuggled")).get()!;
    expect(row.visitId).toBe(visit.id);
  });

  it("a host coordinator cannot edit another visit's training, nor open the organizer pages", async () => {
    const res = await create(form({ title: "B's session", visitId: String(otherVisit.id), startDate: "2031-07-21", startTime: "09:00", endTime: "10:00" }));
    const id = idFrom(res);
    expect((await hostPost(visit.id, form({ title: "Hijack" }), cA, `?edit=${id}`)).status).toBe(404);
    expect((await hostPost(otherVisit.id, form({ title: "Hijack" }), cA, `?edit=${id}`)).status).toBe(404);
    expect((await edit(id, form({ title: "Hijack" }), cA)).status).toBe(404);
    const load = await call(hostRoute.loader, `/host/visits/${otherVisit.id}/trainings`, { cookie: cA, params: { visitId: String(otherVisit.id) } });
    expect(load.status).toBe(404);
    expect((await call(hostRoute.loader, `/host/visits/${otherVisit.id}/trainings`, { cookie: cB, params: { visitId: String(otherVisit.id) } })).status).toBe(
      200,
    );
  });
});

describe("visit date moves", () => {
  it("are refused when training sessions would fall outside the visit", () => {
    const v = visit;
    const input = {
      editionId: v.editionId,
      title: v.title,
      arrivalOn: "2031-07-08",
      departureOn: "2031-07-12",
      capacity: v.capacity,
      perCountryCap: v.perCountryCap,
      themes: v.themes as never,
      languages: v.languages as never,
      interpreterLanguages: v.interpreterLanguages as never,
      homestay: v.homestay,
      notes: "",
    };
    expect(() => updateVisit(organizer, v.id, input)).toThrowError(/moveBlocked/);
  });

  it("name the blocking session in its venue's local time, never a raw UTC instant (issue 12, item 14)", () => {
    const v = visit;
    const input = {
      editionId: v.editionId,
      title: v.title,
      arrivalOn: "2031-07-08",
      departureOn: "2031-07-12",
      capacity: v.capacity,
      perCountryCap: v.perCountryCap,
      themes: v.themes as never,
      languages: v.languages as never,
      interpreterLanguages: v.interpreterLanguages as never,
      homestay: v.homestay,
      notes: "",
    };
    let err: unknown;
    try {
      updateVisit(organizer, v.id, input);
    } catch (e) {
      err = e;
    }
    const names = String((err as { params: { names: string } }).params.names);
    expect(names).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
    expect(names).not.toContain(".000Z");
    expect(names).toMatch(/GMT[+-]\d/);
  });
});
