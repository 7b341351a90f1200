import { formatDate } from "~/domain/dates";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db, immediate, t } from "~/db.server";
import type { Actor } from "~/models/actor";
import { visitDateMoveBlockers } from "~/models/hosts/visits.server";
import * as overview from "~/routes/admin.editions.$id_.visits";
import * as visitNew from "~/routes/host.sites.$siteId.visits.new";
import * as visitCancel from "~/routes/host.visits.$visitId.cancel";
import * as visitEdit from "~/routes/host.visits.$visitId.edit";
import * as visitPage from "~/routes/host.visits.$visitId._index";
import * as visitPrint from "~/routes/host.visits.$visitId.print";
import * as hostIndex from "~/routes/host._index";
import * as sitePage from "~/routes/host.sites.$siteId._index";
import { call, cookieFor, createUser } from "../support/factories";
import { getVisitRow, makeEdition, makeParticipant, makeSite, makeVisit, place, SECRET, visitForm } from "./hosts-fixtures";

let organizer: Actor, hostA: Actor, hostB: Actor;
let cOrg: string, cA: string, cB: string;
let edition: ReturnType<typeof makeEdition>;

beforeAll(async () => {
  organizer = await createUser({ roles: [{ role: "organizer" }], name: "Org" });
  hostA = await createUser({ roles: [{ role: "host_coordinator" }], name: "Host A" });
  hostB = await createUser({ roles: [{ role: "host_coordinator" }], name: "Host B" });
  [cOrg, cA, cB] = await Promise.all([organizer, hostA, hostB].map((u) => cookieFor(u.id)));
  edition = makeEdition();
});

const visitsAt = (siteId: number) => db().select().from(t.exchangeVisits).where(eq(t.exchangeVisits.hostSiteId, siteId)).all();
const newVisit = (siteId: number, form: Record<string, string | string[]>, cookie = cA) =>
  call(visitNew.action, `/host/sites/${siteId}/visits/new`, { cookie, params: { siteId: String(siteId) }, form });
const editVisit = (visitId: number, form: Record<string, string | string[]>, cookie = cA) =>
  call(visitEdit.action, `/host/visits/${visitId}/edit`, { cookie, params: { visitId: String(visitId) }, form });
const formOf = (v: ReturnType<typeof makeVisit>, over: Record<string, string | string[]> = {}) =>
  visitForm(v.editionId, {
    title: v.title,
    arrivalOn: v.arrivalOn,
    departureOn: v.departureOn,
    capacity: String(v.capacity),
    perCountryCap: String(v.perCountryCap),
    ...over,
  });

describe("scheduling a visit", () => {
  it("a host coordinator schedules a visit at their vetted site; audited", async () => {
    const site = makeSite({}, [hostA.id]);
    const res = await newVisit(site.id, visitForm(edition.id));
    expect(res.status).toBe(302);
    const id = Number(res.headers.get("Location")!.match(/\/host\/visits\/(\d+)/)![1]);
    expect(getVisitRow(id)).toMatchObject({
      hostSiteId: site.id,
      editionId: edition.id,
      title: "Tuần homestay",
      arrivalOn: "2031-07-10",
      departureOn: "2031-07-17",
      capacity: 8,
      perCountryCap: 2,
      interpreterLanguages: ["en", "vi"],
      homestay: true,
      notes: "Mang áo mưa.",
      status: "planned",
    });
    const ev = db()
      .select()
      .from(t.auditEvents)
      .where(and(eq(t.auditEvents.entityType, "exchange_visit"), eq(t.auditEvents.entityId, id)))
      .all();
    expect(ev.map((e) => e.action)).toEqual(["create"]);
    const home = await (await call(hostIndex.loader, "/host", { cookie: cA })).json();
    expect(home.visits.map((v: { id: number }) => v.id)).toContain(id);
    // A visit that has not started: its attendance link names the next visit day, never "today" (issue 12 item 9).
    const shown = home.visits.find((v: { id: number }) => v.id === id);
    expect(shown.attendanceKind).toBe("next");
    expect(shown.attendanceDay).toBe(shown.arrivalOn);
    expect(shown.attendanceDate).not.toMatch(/^\d{4}-\d{2}-\d{2}$/);
    // The site calendar opens on the month of that next visit, not today's empty month.
    const cal = await (await call(sitePage.loader, `/host/sites/${site.id}`, { cookie: cA, params: { siteId: String(site.id) } })).json();
    expect(cal.month).toBe(shown.arrivalOn.slice(0, 7));
  });

  it("the new-visit form never pre-ticks the visit's own language as interpreted (issue 12 item 8)", async () => {
    const site = makeSite({ languages: ["zh"], interpreters: [{ name: "Li", languages: ["zh", "en", "vi"] }] }, [hostA.id]);
    const page = await (await call(visitNew.loader, `/host/sites/${site.id}/visits/new`, { cookie: cA, params: { siteId: String(site.id) } })).json();
    expect(page.site.interpreterLanguages).toEqual(["en", "vi"]);
  });

  it("vetting gate: a pending or suspended site cannot get a visit", async () => {
    for (const vettingStatus of ["pending", "suspended"] as const) {
      const site = makeSite({ vettingStatus }, [hostA.id]);
      const res = await newVisit(site.id, visitForm(edition.id));
      expect(res.status, vettingStatus).toBe(409);
      expect((await res.json()).error[""]).toEqual(["hosts.errors.siteNotVetted"]);
      expect(visitsAt(site.id)).toEqual([]);
      // Organizers are held to it too.
      expect((await newVisit(site.id, visitForm(edition.id), cOrg)).status).toBe(409);
    }
  });

  it("bad input: clear field errors, typed values kept, nothing written", async () => {
    const site = makeSite({}, [hostA.id]);
    const cases: [Record<string, string>, string, string][] = [
      [{ arrivalOn: "2031-07-10", departureOn: "2031-07-09" }, "departureOn", "hosts.errors.departureBeforeArrival"],
      [{ capacity: "0" }, "capacity", "hosts.errors.capacityPositive"],
      [{ capacity: "-4" }, "capacity", "hosts.errors.capacityPositive"],
      [{ capacity: "5", perCountryCap: "6" }, "perCountryCap", "hosts.errors.capAboveCapacity"],
      [{ arrivalOn: "2031-06-28" }, "arrivalOn", 'hosts.errors.outsideEdition|{"from":"2031-07-01","to":"2031-08-31"}'],
      [{ departureOn: "2031-09-02" }, "departureOn", 'hosts.errors.outsideEdition|{"from":"2031-07-01","to":"2031-08-31"}'],
      [{ arrivalOn: "2031-02-30" }, "arrivalOn", "errors.date"],
    ];
    for (const [over, field, key] of cases) {
      const res = await newVisit(site.id, visitForm(edition.id, over));
      expect(res.status, JSON.stringify(over)).toBe(400);
      const reply = await res.json();
      expect(reply.error[field], JSON.stringify(over)).toEqual([key]);
      expect(reply.initialValue).toMatchObject({ title: "Tuần homestay", notes: "Mang áo mưa.", ...over });
    }
    // Several errors at once are all reported on the first submit.
    const many = await newVisit(
      site.id,
      visitForm(edition.id, { arrivalOn: "2031-07-10", departureOn: "2031-07-01", capacity: "2", perCountryCap: "3", themes: [] }),
    );
    expect(Object.keys((await many.json()).error).sort()).toEqual(["departureOn", "perCountryCap", "themes"]);
    expect(visitsAt(site.id)).toEqual([]);
  });

  it("refuses an online edition and an edition not hosted in the site's country", async () => {
    const site = makeSite({}, [hostA.id]);
    const online = makeEdition({ mode: "online" });
    const elsewhere = makeEdition({ hostCountries: ["JP"] });
    expect((await (await newVisit(site.id, visitForm(online.id))).json()).error.editionId).toEqual(["hosts.errors.editionOnline"]);
    expect((await (await newVisit(site.id, visitForm(elsewhere.id))).json()).error.editionId).toEqual(["hosts.errors.editionNotHere"]);
    expect(visitsAt(site.id)).toEqual([]);
    const loader = await (await call(visitNew.loader, `/host/sites/${site.id}/visits/new`, { cookie: cA, params: { siteId: String(site.id) } })).json();
    expect(loader.editions.map((e: { id: number }) => e.id)).not.toContain(online.id);
    expect(loader.editions.map((e: { id: number }) => e.id)).not.toContain(elsewhere.id);
  });
});

describe("beds: overlapping visits at one site", () => {
  it("refuses a visit that with overlapping ones needs more beds than the site has, naming them", async () => {
    const site = makeSite({ beds: 20 }, [hostA.id]);
    const a = makeVisit(edition.id, site.id, { title: "Rice week", arrivalOn: "2031-07-01", departureOn: "2031-07-08", capacity: 12 });
    makeVisit(edition.id, site.id, { title: "Cancelled big one", arrivalOn: "2031-07-01", departureOn: "2031-07-20", capacity: 20, status: "cancelled" });
    const res = await newVisit(site.id, visitForm(edition.id, { arrivalOn: "2031-07-05", departureOn: "2031-07-10", capacity: "10" }));
    expect(res.status).toBe(409);
    const [msg] = (await res.json()).error[""];
    expect(msg).toMatch(/^hosts\.errors\.bedsOverlap\|/);
    const params = JSON.parse(msg.split("|")[1]);
    expect(params).toMatchObject({ beds: 20, need: 22, night: "2031-07-05" });
    expect(params.visits).toContain("Rice week (2031-07-01 – 2031-07-08)");
    expect(params.visits).not.toContain("Cancelled");
    // Fits: 8 more; and a visit that arrives on A's departure day does not overlap it.
    expect(
      (await newVisit(site.id, visitForm(edition.id, { arrivalOn: "2031-07-05", departureOn: "2031-07-10", capacity: "8", perCountryCap: "2" }))).status,
    ).toBe(302);
    expect(
      (await newVisit(site.id, visitForm(edition.id, { arrivalOn: "2031-07-10", departureOn: "2031-07-14", capacity: "20", perCountryCap: "2" }))).status,
    ).toBe(302);
    // Editing A to take more seats now collides.
    const grow = await editVisit(a.id, formOf(a, { capacity: "13" }));
    expect(grow.status).toBe(409);
    expect((await grow.json()).error[""][0]).toMatch(/^hosts\.errors\.bedsOverlap/);
    expect(getVisitRow(a.id)!.capacity).toBe(12);
  });

  it("a single visit above the site's beds is refused", async () => {
    const site = makeSite({ beds: 6 }, [hostA.id]);
    const res = await newVisit(site.id, visitForm(edition.id, { capacity: "7", perCountryCap: "2" }));
    expect(res.status).toBe(409);
    expect((await res.json()).error[""][0]).toMatch(/^hosts\.errors\.bedsExceeded/);
  });
});

describe("editing a visit", () => {
  it("capacity cannot drop below the placements offered or accepted", async () => {
    const site = makeSite({}, [hostA.id]);
    const v = makeVisit(edition.id, site.id, { capacity: 10, perCountryCap: 5 });
    for (const status of ["offered", "offered", "accepted", "proposed", "declined"] as const) {
      const p = await makeParticipant(edition.id, { nationality: "VN", availableFrom: null, availableTo: null });
      place(v.id, p.app.id, status);
    }
    const low = await editVisit(v.id, formOf(v, { capacity: "2", perCountryCap: "2" }));
    expect(low.status).toBe(400);
    const reply = await low.json();
    expect(reply.error.capacity).toEqual(['hosts.errors.capacityFloor|{"count":3}']);
    // Three offered/accepted from VN: the per-country cap cannot go below 3 either.
    expect(reply.error.perCountryCap).toEqual(['hosts.errors.capFloor|{"count":3}']);
    expect(getVisitRow(v.id)!.capacity).toBe(10);
    const ok = await editVisit(v.id, formOf(v, { capacity: "3", perCountryCap: "3", title: "Renamed" }));
    expect(ok.status).toBe(302);
    expect(getVisitRow(v.id)).toMatchObject({ capacity: 3, perCountryCap: 3, title: "Renamed" });
    const ev = db()
      .select()
      .from(t.auditEvents)
      .where(and(eq(t.auditEvents.entityType, "exchange_visit"), eq(t.auditEvents.entityId, v.id)))
      .all();
    expect(ev.map((e) => e.action)).toEqual(["update"]);
  });

  it("moving dates outside an accepted participant's availability is refused, naming them", async () => {
    const site = makeSite({}, [hostA.id]);
    const v = makeVisit(edition.id, site.id, { arrivalOn: "2031-07-05", departureOn: "2031-07-12" });
    const acc = await makeParticipant(edition.id, { givenName: "Ánh", familyName: "Trần", availableFrom: "2031-07-01", availableTo: "2031-07-15" });
    const offered = await makeParticipant(edition.id, { givenName: "Offered", familyName: "Only", availableFrom: "2031-07-05", availableTo: "2031-07-12" });
    place(v.id, acc.app.id, "accepted");
    place(v.id, offered.app.id, "offered");

    const res = await editVisit(v.id, formOf(v, { arrivalOn: "2031-07-10", departureOn: "2031-07-18" }));
    expect(res.status).toBe(409);
    const [msg] = (await res.json()).error[""];
    expect(msg.startsWith("hosts.errors.moveBlocked|")).toBe(true);
    const params = JSON.parse(msg.split("|")[1]);
    expect(params.count).toBe(1);
    // Dates as the reader writes them, never ISO strings (issue 12, item 18).
    expect(params.names).toContain(`Trần Ánh (${formatDate("2031-07-01", "en")} – ${formatDate("2031-07-15", "en")})`);
    expect(params.names).not.toContain("2031-07-01");
    expect(params.names).not.toContain("Offered");
    expect(getVisitRow(v.id)!.departureOn).toBe("2031-07-12");

    // Inside their availability (the offered participant does not block): allowed.
    const ok = await editVisit(v.id, formOf(v, { arrivalOn: "2031-07-02", departureOn: "2031-07-09" }));
    expect(ok.status).toBe(302);
    expect(getVisitRow(v.id)).toMatchObject({ arrivalOn: "2031-07-02", departureOn: "2031-07-09" });

    // The hook itself, as other areas (training sessions) will extend it.
    const blockers = immediate(db(), (tx) => visitDateMoveBlockers(tx, v.id, "2031-06-30", "2031-07-09"));
    expect(blockers).toEqual([expect.objectContaining({ kind: "participant", applicationId: acc.app.id })]);
  });

  it("edits keep the edition and the edition's dates", async () => {
    const site = makeSite({}, [hostA.id]);
    const v = makeVisit(edition.id, site.id);
    const other = makeEdition({ startsOn: "2032-01-01", endsOn: "2032-12-31" });
    const res = await editVisit(v.id, { ...formOf(v), editionId: String(other.id), arrivalOn: "2031-08-30", departureOn: "2031-09-03" });
    expect(res.status).toBe(400);
    expect((await res.json()).error.departureOn[0]).toMatch(/outsideEdition/);
    expect(getVisitRow(v.id)!.editionId).toBe(edition.id);
  });
});

describe("cancelling a visit", () => {
  it("needs a reason; a host cannot cancel once participants are offered or accepted; an organizer can", async () => {
    const site = makeSite({}, [hostA.id]);
    const v = makeVisit(edition.id, site.id);
    const p = await makeParticipant(edition.id);
    const q = await makeParticipant(edition.id);
    const pl = place(v.id, p.app.id, "offered");
    const pq = place(v.id, q.app.id, "declined");
    const params = { visitId: String(v.id) };
    const url = `/host/visits/${v.id}/cancel`;

    expect((await call(visitCancel.action, url, { cookie: cA, params, form: { reason: "" } })).status).toBe(400);
    const host = await call(visitCancel.action, url, { cookie: cA, params, form: { reason: "Flood" } });
    expect(host.status).toBe(409);
    expect((await host.json()).error[""]).toEqual(["hosts.errors.cancelHasParticipants"]);
    expect(getVisitRow(v.id)!.status).toBe("planned");

    const page = await (await call(visitCancel.loader, url, { cookie: cOrg, params })).json();
    expect(page.participants).toHaveLength(1);
    expect(page.mayCancel).toBe(true);

    const org = await call(visitCancel.action, url, { cookie: cOrg, params, form: { reason: "Flood on the access road" } });
    expect(org.status).toBe(302);
    expect(getVisitRow(v.id)).toMatchObject({ status: "cancelled", cancelReason: "Flood on the access road" });
    const rows = db().select().from(t.placements).where(eq(t.placements.visitId, v.id)).all();
    expect(rows.find((r) => r.id === pl.id)!.status).toBe("cancelled");
    expect(rows.find((r) => r.id === pq.id)!.status).toBe("declined");
    // A cancelled visit is neither edited nor cancelled again.
    expect((await editVisit(v.id, formOf(v), cOrg)).status).toBe(409);
    expect((await call(visitCancel.action, url, { cookie: cOrg, params, form: { reason: "again" } })).status).toBe(409);
  });

  it("a host cancels a visit with no offered or accepted participants", async () => {
    const site = makeSite({}, [hostA.id]);
    const v = makeVisit(edition.id, site.id);
    const p = await makeParticipant(edition.id);
    place(v.id, p.app.id, "proposed");
    const res = await call(visitCancel.action, `/host/visits/${v.id}/cancel`, {
      cookie: cA,
      params: { visitId: String(v.id) },
      form: { reason: "Harvest moved" },
    });
    expect(res.status).toBe(302);
    expect(getVisitRow(v.id)!.status).toBe("cancelled");
  });
});

describe("who is coming", () => {
  const ALLOWED = [
    "placementId",
    "status",
    "name",
    "nameLatin",
    "country",
    "gender",
    "languages",
    "dietaryNeeds",
    "accessibilityNeeds",
    "arrivalOn",
    "departureOn",
  ].sort();

  it("lists offered and accepted participants with only what a host needs", async () => {
    const site = makeSite({}, [hostA.id]);
    const v = makeVisit(edition.id, site.id, { capacity: 10 });
    const consented = await makeParticipant(edition.id, { email: undefined } as never);
    const noConsent = await makeParticipant(edition.id, {
      givenName: "Somchai",
      familyName: "Jaidee",
      givenNameLatin: "Somchai",
      familyNameLatin: "Jaidee",
      nameOrder: "given_first",
      nationality: "TH",
      sensitiveConsentAt: null,
      dietaryNeeds: "diabetic-diet-secret",
      accessibilityNeeds: "wheelchair-secret",
    });
    const declined = await makeParticipant(edition.id, { givenName: "Declined", familyName: "Person" });
    const proposed = await makeParticipant(edition.id, { givenName: "Proposed", familyName: "Person" });
    place(v.id, consented.app.id, "accepted");
    place(v.id, noConsent.app.id, "offered");
    place(v.id, declined.app.id, "declined");
    place(v.id, proposed.app.id, "proposed");
    const params = { visitId: String(v.id) };

    for (const [fn, url] of [
      [visitPage.loader, `/host/visits/${v.id}`],
      [visitPrint.loader, `/host/visits/${v.id}/print`],
    ] as const) {
      const res = await call(fn, url, { cookie: cA, params });
      expect(res.status).toBe(200);
      const text = await res.text();
      const body = JSON.parse(text);
      expect(body.participants).toHaveLength(2);
      for (const p of body.participants) expect(Object.keys(p).sort()).toEqual(ALLOWED);
      // None of the values a host must not see appears anywhere in the answer.
      for (const secret of [...Object.values(SECRET), consented.user.email, noConsent.user.email, "diabetic-diet-secret", "wheelchair-secret"]) {
        expect(text, secret).not.toContain(secret);
      }
      expect(text).not.toMatch(/birthDate|passport|emergency|phone|email|motivation/i);
      expect(text).not.toContain("Declined");
      expect(text).not.toContain("Proposed");

      const a = body.participants.find((p: { status: string }) => p.status === "accepted");
      expect(a).toEqual({
        placementId: expect.any(Number),
        status: "accepted",
        name: "Nguyễn Thị Ánh",
        nameLatin: "Nguyen Thi Anh",
        country: "VN",
        gender: "female",
        languages: [
          { code: "vi", level: "native" },
          { code: "en", level: "working" },
        ],
        dietaryNeeds: "no pork",
        accessibilityNeeds: "ground floor room",
        arrivalOn: v.arrivalOn,
        departureOn: v.departureOn,
      });
      const o = body.participants.find((p: { status: string }) => p.status === "offered");
      expect(o).toMatchObject({ name: "Somchai Jaidee", dietaryNeeds: null, accessibilityNeeds: null });
    }
  });
});

describe("scope of visits", () => {
  it("host B gets 404 from every loader and action of host A's visit; nothing changes", async () => {
    const site = makeSite({ name: "A's site" }, [hostA.id]);
    const v = makeVisit(edition.id, site.id, { title: "A's secret visit" });
    const p = await makeParticipant(edition.id, { givenName: "Hidden", familyName: "Guest" });
    place(v.id, p.app.id, "accepted");
    const params = { visitId: String(v.id) };
    for (const [fn, url] of [
      [visitPage.loader, `/host/visits/${v.id}`],
      [visitEdit.loader, `/host/visits/${v.id}/edit`],
      [visitCancel.loader, `/host/visits/${v.id}/cancel`],
      [visitPrint.loader, `/host/visits/${v.id}/print`],
    ] as const) {
      const res = await call(fn, url, { cookie: cB, params });
      expect(res.status, url).toBe(404);
      const text = await res.text();
      expect(text).not.toContain("Hidden");
      expect(text).not.toContain("A's secret visit");
    }
    expect((await editVisit(v.id, formOf(v, { capacity: "9" }), cB)).status).toBe(404);
    expect((await call(visitCancel.action, `/host/visits/${v.id}/cancel`, { cookie: cB, params, form: { reason: "x" } })).status).toBe(404);
    expect(getVisitRow(v.id)).toMatchObject({ capacity: 10, status: "planned" });
    const home = await (await call(hostIndex.loader, "/host", { cookie: cB })).json();
    expect(home.visits.map((x: { id: number }) => x.id)).not.toContain(v.id);
    // Host A and organizers see it.
    expect((await call(visitPage.loader, `/host/visits/${v.id}`, { cookie: cA, params })).status).toBe(200);
    expect((await call(visitPage.loader, `/host/visits/${v.id}`, { cookie: cOrg, params })).status).toBe(200);
    expect((await call(visitPage.loader, `/host/visits/99999`, { cookie: cA, params: { visitId: "99999" } })).status).toBe(404);
  });
});

describe("edition overview (organizer)", () => {
  it("lists every visit with seats taken, totals per host and sending country, and language cover", async () => {
    const ed = makeEdition({ name: "Overview edition", hostCountries: ["TH", "VN"] });
    const th = makeSite({ countryCode: "TH", beds: 50 }, [hostA.id]);
    const vn = makeSite({ name: "Làng Việt", countryCode: "VN", timeZone: "Asia/Ho_Chi_Minh", beds: 50 }, [hostB.id]);
    const v1 = makeVisit(ed.id, th.id, { capacity: 4, perCountryCap: 2, languages: ["th"], interpreterLanguages: ["en"] });
    makeVisit(ed.id, vn.id, { capacity: 3, perCountryCap: 1, languages: ["vi"], interpreterLanguages: [] });
    makeVisit(ed.id, vn.id, { capacity: 9, status: "cancelled", languages: ["lo"] });
    const a = await makeParticipant(ed.id, { nationality: "VN", languages: [{ code: "vi", level: "native" }] });
    const b = await makeParticipant(ed.id, {
      nationality: "LA",
      givenName: "Bounmy",
      familyName: "",
      nameOrder: "given_first",
      languages: [{ code: "lo", level: "native" }],
    });
    await makeParticipant(ed.id, { nationality: "LA", status: "endorsed" }); // not accepted: not counted
    place(v1.id, a.app.id, "accepted");
    void b;

    const res = await call(overview.loader, `/admin/editions/${ed.id}/visits`, { cookie: cOrg, params: { id: String(ed.id) } });
    expect(res.status).toBe(200);
    const d = await res.json();
    expect(d.visits).toHaveLength(3);
    expect(d.visits.find((x: { id: number }) => x.id === v1.id)).toMatchObject({ seatsTaken: 1, capacity: 4, countryCode: "TH" });
    // Marked past only once the departure day is behind us (issue 12, item 20): these are in 2031.
    expect(d.visits.every((x: { past: boolean }) => x.past === false)).toBe(true);
    const old = makeVisit(ed.id, th.id, { capacity: 2, arrivalOn: "2020-01-05", departureOn: "2020-01-08", languages: ["th"] });
    const d2 = await (await call(overview.loader, `/admin/editions/${ed.id}/visits`, { cookie: cOrg, params: { id: String(ed.id) } })).json();
    expect(d2.visits.find((x: { id: number }) => x.id === old.id).past).toBe(true);
    expect(d.totals).toEqual({ visits: 2, seats: 7, taken: 1, accepted: 2, placed: 1 });
    expect(d.byHost).toEqual([
      { countryCode: "TH", visits: 1, seats: 4, taken: 1 },
      { countryCode: "VN", visits: 1, seats: 3, taken: 0 },
    ]);
    expect(d.bySending).toEqual([
      { countryCode: "LA", accepted: 1, placed: 0, seatsOpenToThem: 3 },
      { countryCode: "VN", accepted: 1, placed: 1, seatsOpenToThem: 2 },
    ]);
    // Lao is only offered by the cancelled visit: uncovered.
    expect(d.cover.uncoveredLanguages.map((u: { language: string }) => u.language)).toEqual(["lo"]);
    expect(d.cover.uncoveredParticipants.map((p: { name: string }) => p.name)).toEqual(["Bounmy"]);

    expect((await call(overview.loader, `/admin/editions/${ed.id}/visits`, { cookie: cA, params: { id: String(ed.id) } })).status).toBe(404);
    expect((await call(overview.loader, `/admin/editions/999999/visits`, { cookie: cOrg, params: { id: "999999" } })).status).toBe(404);
  });
});
