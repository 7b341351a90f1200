// The organizer's edition pages: create and edit with quotas; bad input answers 400 with every
// typed value kept and nothing written; the time zone defaults to the first host country's.
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import "~/forms/zod-errors";
import { db, t } from "~/db.server";
import { getQuotas } from "~/models/editions/editions.server";
import { action as editAction, loader as editLoader } from "~/routes/admin.editions.$id";
import { loader as listLoader } from "~/routes/admin.editions._index";
import { action as newAction } from "~/routes/admin.editions.new";
import { call, cookieFor, createUser } from "../support/factories";

const count = (table: typeof t.editions | typeof t.editionQuotas | typeof t.auditEvents) =>
  db()
    .select({ n: sql<number>`count(*)` })
    .from(table)
    .get()!.n;

const valid = (over: Record<string, string | string[]> = {}) => ({
  name: "10th edition, 2027 – 第十届",
  ordinal: "10",
  mode: "in_person",
  hostCountries: ["ID", "TH"],
  startsOn: "2027-07-05",
  endsOn: "2027-07-11",
  applicationsOpenOn: "2027-03-01",
  applicationsCloseOn: "2027-04-30",
  timeZone: "",
  themes: ["rural_tourism", "cooperatives"],
  description: "Homestays in a Yao village.",
  quota_VN: "6",
  quota_TH: "4",
  quota_CN: "",
  ...over,
});

async function organizerCookie() {
  const org = await createUser({ roles: [{ role: "organizer" }] });
  return cookieFor(org.id);
}

describe("editions", () => {
  it("creates an edition with its quotas; an empty time zone becomes the first host country's", async () => {
    const cookie = await organizerCookie();
    const r = await call(newAction, "/admin/editions/new", { cookie, form: valid() });
    expect(r.status).toBe(302);
    const e = db().select().from(t.editions).where(eq(t.editions.ordinal, 10)).get()!;
    expect(e).toMatchObject({ name: "10th edition, 2027 – 第十届", hostCountries: ["ID", "TH"], timeZone: "Asia/Jakarta", startsOn: "2027-07-05" });
    expect(getQuotas(e.id)).toEqual({ VN: 6, TH: 4 });
    const list = await (await call(listLoader, "/admin/editions", { cookie })).json();
    expect(list.editions.map((x: { id: number }) => x.id)).toContain(e.id);
  });

  it("refuses bad input with 400, keeps every typed value and writes nothing", async () => {
    const cookie = await organizerCookie();
    const before = [count(t.editions), count(t.editionQuotas), count(t.auditEvents)];
    const r = await call(newAction, "/admin/editions/new", {
      cookie,
      form: valid({
        name: "  ",
        ordinal: "zero",
        hostCountries: [],
        endsOn: "2027-07-01", // before the start
        applicationsCloseOn: "2027-07-20", // after the start
        startsOn: "2027-07-05",
        timeZone: "Mars/Olympus",
        quota_VN: "-1",
        themes: [],
      }),
    });
    expect(r.status).toBe(400);
    const body = await r.json();
    expect(body.error).toMatchObject({
      name: ["errors.required"],
      ordinal: expect.any(Array),
      hostCountries: ["errors.chooseOne"],
      themes: ["errors.chooseOne"],
      quota_VN: ["errors.tooSmall"],
    });
    expect(body.initialValue).toMatchObject({ ordinal: "zero", timeZone: "Mars/Olympus", quota_VN: "-1", description: "Homestays in a Yao village." });
    expect([count(t.editions), count(t.editionQuotas), count(t.auditEvents)]).toEqual(before);
  });

  it("refuses a window that closes after the start and an unknown time zone", async () => {
    const cookie = await organizerCookie();
    const before = count(t.editions);
    const r = await call(newAction, "/", { cookie, form: valid({ applicationsCloseOn: "2027-07-06", timeZone: "Asia/Nowhere" }) });
    expect(r.status).toBe(400);
    const body = await r.json();
    expect(body.error.applicationsCloseOn).toEqual(["errors.windowAfterStart"]);
    expect(body.error.timeZone).toEqual(["errors.timeZone"]);
    expect(count(t.editions)).toBe(before);
  });

  it("edits an edition and replaces its quotas; bad input changes nothing", async () => {
    const cookie = await organizerCookie();
    await call(newAction, "/", { cookie, form: valid({ ordinal: "11", timeZone: "Asia/Bangkok" }) });
    const e = db().select().from(t.editions).where(eq(t.editions.ordinal, 11)).get()!;
    const params = { id: String(e.id) };

    const page = await (await call(editLoader, "/", { cookie, params })).json();
    expect(page.defaultValue).toMatchObject({ name: e.name, timeZone: "Asia/Bangkok", quota_VN: "6", hostCountries: ["ID", "TH"] });

    const bad = await call(editAction, "/", { cookie, params, form: valid({ ordinal: "11", name: "", quota_VN: "9" }) });
    expect(bad.status).toBe(400);
    expect((await bad.json()).initialValue.quota_VN).toBe("9");
    expect(db().select().from(t.editions).where(eq(t.editions.id, e.id)).get()!.name).toBe(e.name);
    expect(getQuotas(e.id)).toEqual({ VN: 6, TH: 4 });

    const ok = await call(editAction, "/", {
      cookie,
      params,
      form: valid({ ordinal: "11", name: "11th edition", mode: "hybrid", quota_VN: "", quota_KH: "3", timeZone: "Asia/Bangkok" }),
    });
    expect(ok.status).toBe(302);
    expect(db().select().from(t.editions).where(eq(t.editions.id, e.id)).get()).toMatchObject({ name: "11th edition", mode: "hybrid" });
    expect(getQuotas(e.id)).toEqual({ TH: 4, KH: 3 });
  });

  it("refuses dates that would leave its visits or sessions outside, and a quota below the places held", async () => {
    const cookie = await organizerCookie();
    await call(newAction, "/", { cookie, form: valid({ ordinal: "12", timeZone: "Asia/Jakarta" }) });
    const e = db().select().from(t.editions).where(eq(t.editions.ordinal, 12)).get()!;
    const params = { id: String(e.id) };
    const site = db()
      .insert(t.hostSites)
      .values({ name: "Desa Wisata", countryCode: "ID", timeZone: "Asia/Jakarta", vettingStatus: "vetted", beds: 20 })
      .returning()
      .get();
    db()
      .insert(t.exchangeVisits)
      .values({ editionId: e.id, hostSiteId: site.id, title: "Desa visit", arrivalOn: "2027-07-05", departureOn: "2027-07-09", capacity: 10, perCountryCap: 3 })
      .run();
    db()
      .insert(t.trainingSessions)
      .values({
        editionId: e.id,
        title: "Forum on cooperatives",
        type: "forum",
        startsAt: "2027-07-10T02:00:00.000Z",
        endsAt: "2027-07-10T04:00:00.000Z",
        timeZone: "Asia/Jakarta",
        capacity: 50,
        audience: "edition",
        status: "scheduled",
      } as never)
      .run();
    for (let i = 0; i < 3; i++) {
      const u = await createUser();
      db()
        .insert(t.applications)
        .values({ editionId: e.id, userId: u.id, status: "endorsed", nationality: "VN", givenName: `A${i}` })
        .run();
    }
    const before = db().select().from(t.editions).where(eq(t.editions.id, e.id)).get();

    const bad = await call(editAction, "/", {
      cookie,
      params,
      form: valid({ ordinal: "12", startsOn: "2027-07-06", endsOn: "2027-07-09", quota_VN: "2", timeZone: "Asia/Jakarta" }),
    });
    expect(bad.status).toBe(400);
    const body = await bad.json();
    expect(body.error.startsOn[0]).toMatch(/^errors\.editionDatesExcludeVisits\|.*Desa visit/);
    expect(body.error.endsOn[0]).toMatch(/^errors\.editionDatesExcludeTrainings\|.*Forum on cooperatives/);
    expect(body.error.quota_VN[0]).toBe('errors.quotaBelowHeld|{"count":3}');
    expect(db().select().from(t.editions).where(eq(t.editions.id, e.id)).get()).toEqual(before);
    expect(getQuotas(e.id).VN).toBe(6);

    const ok = await call(editAction, "/", { cookie, params, form: valid({ ordinal: "12", endsOn: "2027-07-12", quota_VN: "3", timeZone: "Asia/Jakarta" }) });
    expect(ok.status).toBe(302);
  });

  it("an unknown edition is 404", async () => {
    const cookie = await organizerCookie();
    expect((await call(editLoader, "/", { cookie, params: { id: "424242" } })).status).toBe(404);
    expect((await call(editAction, "/", { cookie, params: { id: "424242" }, form: valid() })).status).toBe(404);
    expect((await call(editLoader, "/", { cookie, params: { id: "abc" } })).status).toBe(404);
  });
});
