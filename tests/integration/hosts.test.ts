import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db, t } from "~/db.server";
import type { Actor } from "~/models/actor";
import * as adminSite from "~/routes/admin.sites.$siteId";
import * as adminSites from "~/routes/admin.sites._index";
import * as hostLayout from "~/routes/host";
import * as hostIndex from "~/routes/host._index";
import * as siteEdit from "~/routes/host.sites.$siteId.edit";
import * as sitePage from "~/routes/host.sites.$siteId._index";
import * as siteNew from "~/routes/host.sites.new";
import * as visitNew from "~/routes/host.sites.$siteId.visits.new";
import { call, cookieFor, createUser } from "../support/factories";
import { getSiteRow, makeEdition, makeParticipant, makeSite, makeVisit, place, siteForm, visitForm } from "./hosts-fixtures";

let organizer: Actor, hostA: Actor, hostB: Actor, stranger: Actor;
let cOrg: string, cA: string, cB: string, cStranger: string;

beforeAll(async () => {
  organizer = await createUser({ roles: [{ role: "organizer" }], name: "Org" });
  hostA = await createUser({ roles: [{ role: "host_coordinator" }], name: "Host A", email: "host.a@example.org" });
  hostB = await createUser({ roles: [{ role: "host_coordinator" }], name: "Host B", email: "host.b@example.org" });
  stranger = await createUser({ name: "Applicant" });
  [cOrg, cA, cB, cStranger] = await Promise.all([organizer, hostA, hostB, stranger].map((u) => cookieFor(u.id)));
});

const countSites = () => db().select().from(t.hostSites).all().length;
const audits = (id: number) =>
  db()
    .select()
    .from(t.auditEvents)
    .where(and(eq(t.auditEvents.entityType, "host_site"), eq(t.auditEvents.entityId, id)))
    .all();

describe("host site profile", () => {
  it("a host coordinator creates a site: they coordinate it and it starts pending", async () => {
    const res = await call(siteNew.action, "/host/sites/new", { cookie: cA, form: siteForm() });
    expect(res.status).toBe(302);
    const id = Number(res.headers.get("Location")!.match(/\/host\/sites\/(\d+)/)![1]);
    const site = getSiteRow(id)!;
    expect(site).toMatchObject({
      name: "大寨村",
      nameLatin: "Dazhai Cun",
      countryCode: "VN",
      timeZone: "Asia/Ho_Chi_Minh",
      province: "Lào Cai",
      vettingStatus: "pending",
      beds: 24,
      latitude: "22.3364",
      accommodation: ["homestay", "guesthouse"],
      dietaryAbilities: ["halal", "vegetarian", "no seafood"],
      interpreters: [{ name: "Lê Hoa", languages: ["en", "zh"] }],
      contacts: [{ name: "Nguyễn Văn Nam", role: "Village head", phone: "+84912345678", email: "nam@example.org" }],
    });
    const co = db().select().from(t.hostSiteCoordinators).where(eq(t.hostSiteCoordinators.hostSiteId, id)).all();
    expect(co.map((c) => c.userId)).toEqual([hostA.id]);
    expect(audits(id).map((a) => a.action)).toEqual(["create"]);

    // The profile page shows it back unchanged (Unicode round trip).
    const page = await call(sitePage.loader, `/host/sites/${id}`, { cookie: cA, params: { siteId: String(id) } });
    expect(page.status).toBe(200);
    const body = await page.json();
    expect(body.site.name).toBe("大寨村");
    expect(body.site.vettingNotes).toBe("");

    // Edit page gives the values back as form values.
    const edit = await call(siteEdit.loader, `/host/sites/${id}/edit`, { cookie: cA, params: { siteId: String(id) } });
    expect((await edit.json()).values).toMatchObject({ dietaryAbilities: ["halal", "vegetarian"], dietaryOther: "no seafood", beds: "24" });
  });

  it("bad input: field errors, every typed value kept, nothing written", async () => {
    const before = countSites();
    const form = siteForm({
      name: "",
      latitude: "95.5",
      longitude: "",
      beds: "-3",
      "contacts[0].phone": "12",
      "contacts[0].email": "not-an-email",
      "interpreters[1].languages": ["lo"],
      countryCode: "US",
      themes: [],
    });
    const res = await call(siteNew.action, "/host/sites/new", { cookie: cA, form });
    expect(res.status).toBe(400);
    const reply = await res.json();
    expect(Object.keys(reply.error)).toEqual(expect.arrayContaining(["name", "latitude", "beds", "countryCode", "themes", "contacts[0].email"]));
    expect(reply.initialValue).toMatchObject({
      nameLatin: "Dazhai Cun",
      latitude: "95.5",
      beds: "-3",
      province: "Lào Cai",
      description: "Ruộng bậc thang và du lịch cộng đồng.",
    });
    expect(countSites()).toBe(before);
  });

  it("cross-field profile checks: coordinate pair, interpreter languages, a contact, phone", async () => {
    const res = await call(siteNew.action, "/host/sites/new", {
      cookie: cA,
      form: siteForm({ longitude: "", "interpreters[1].languages": ["lo"], "contacts[0].phone": "12", "contacts[0].name": "" }),
    });
    expect(res.status).toBe(400);
    const { error } = await res.json();
    expect(error.longitude).toEqual(["hosts.errors.coordinatePair"]);
    expect(error["interpreters[1].name"]).toEqual(["errors.required"]);
    expect(error["contacts[0].phone"]).toEqual(["errors.phoneInvalid"]);
    expect(error["contacts[0].name"]).toBeDefined();
  });

  it("a time zone must belong to the country (Indonesia has several)", async () => {
    const bad = await call(siteNew.action, "/host/sites/new", {
      cookie: cA,
      form: siteForm({ countryCode: "ID", timeZone: "Asia/Bangkok", "contacts[0].phone": "" }),
    });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.timeZone).toEqual(["hosts.errors.timeZone"]);
    const ok = await call(siteNew.action, "/host/sites/new", {
      cookie: cA,
      form: siteForm({ countryCode: "ID", timeZone: "Asia/Jayapura", "contacts[0].phone": "" }),
    });
    expect(ok.status).toBe(302);
  });

  it("an organizer creates a site and assigns coordinators by e-mail of a host coordinator", async () => {
    const res = await call(siteNew.action, "/host/sites/new", { cookie: cOrg, form: siteForm({ name: "Bản Lác", nameLatin: "Ban Lac" }) });
    expect(res.status).toBe(302);
    const id = Number(res.headers.get("Location")!.match(/(\d+)/)![1]);
    const params = { siteId: String(id) };
    expect(db().select().from(t.hostSiteCoordinators).where(eq(t.hostSiteCoordinators.hostSiteId, id)).all()).toEqual([]);

    const notHost = await call(adminSite.action, `/admin/sites/${id}`, { cookie: cOrg, params, form: { intent: "addCoordinator", email: stranger.email } });
    expect(notHost.status).toBe(400);
    expect((await notHost.json()).error.email).toEqual(["hosts.errors.notHostCoordinator"]);

    const add = await call(adminSite.action, `/admin/sites/${id}`, {
      cookie: cOrg,
      params,
      form: { intent: "addCoordinator", email: "  HOST.B@example.org " },
    });
    expect(add.status).toBe(302);
    const again = await call(adminSite.action, `/admin/sites/${id}`, { cookie: cOrg, params, form: { intent: "addCoordinator", email: "host.b@example.org" } });
    expect(again.status).toBe(302);
    let co = db().select().from(t.hostSiteCoordinators).where(eq(t.hostSiteCoordinators.hostSiteId, id)).all();
    expect(co.map((c) => c.userId)).toEqual([hostB.id]);
    // Host B now sees it.
    expect((await call(sitePage.loader, `/host/sites/${id}`, { cookie: cB, params })).status).toBe(200);

    const rm = await call(adminSite.action, `/admin/sites/${id}`, { cookie: cOrg, params, form: { intent: "removeCoordinator", userId: String(hostB.id) } });
    expect(rm.status).toBe(302);
    co = db().select().from(t.hostSiteCoordinators).where(eq(t.hostSiteCoordinators.hostSiteId, id)).all();
    expect(co).toEqual([]);
    expect((await call(sitePage.loader, `/host/sites/${id}`, { cookie: cB, params })).status).toBe(404);
    expect(audits(id).map((a) => a.action)).toEqual(["create", "add_coordinator", "remove_coordinator"]);
  });

  it("the calendar marks the country's public holidays; month navigation by ?month", async () => {
    const site = makeSite({ countryCode: "VN", timeZone: "Asia/Ho_Chi_Minh" }, [hostA.id]);
    const params = { siteId: String(site.id) };
    const res = await call(sitePage.loader, `/host/sites/${site.id}?month=2031-09`, { cookie: cA, params });
    const body = await res.json();
    expect(body.month).toBe("2031-09");
    expect(Object.keys(body.holidays)).toContain("2031-09-02");
    const junk = await call(sitePage.loader, `/host/sites/${site.id}?month=2031-13`, { cookie: cA, params });
    expect((await junk.json()).month).toMatch(/^\d{4}-\d{2}$/);
  });
});

describe("vetting", () => {
  it("an organizer vets a site with notes and the check date; audited", async () => {
    const site = makeSite({ vettingStatus: "pending" }, [hostA.id]);
    const params = { siteId: String(site.id) };
    const res = await call(adminSite.action, `/admin/sites/${site.id}`, {
      cookie: cOrg,
      params,
      form: { intent: "vet", vettingStatus: "vetted", vettingNotes: "Visited; homestays clean.", lastCheckedOn: "2031-05-02" },
    });
    expect(res.status).toBe(302);
    expect(getSiteRow(site.id)).toMatchObject({ vettingStatus: "vetted", vettingNotes: "Visited; homestays clean.", lastCheckedOn: "2031-05-02" });
    const [ev] = audits(site.id);
    expect(ev).toMatchObject({ action: "vetting", fromState: "pending", toState: "vetted", actorUserId: organizer.id });

    const bad = await call(adminSite.action, `/admin/sites/${site.id}`, {
      cookie: cOrg,
      params,
      form: { intent: "vet", vettingStatus: "approved", lastCheckedOn: "2031-02-30" },
    });
    expect(bad.status).toBe(400);
    expect(Object.keys((await bad.json()).error).sort()).toEqual(["lastCheckedOn", "vettingStatus"]);
  });

  it("a site without upcoming visits is suspended at once", async () => {
    const site = makeSite({}, [hostA.id]);
    const res = await call(adminSite.action, `/admin/sites/${site.id}`, {
      cookie: cOrg,
      params: { siteId: String(site.id) },
      form: { intent: "vet", vettingStatus: "suspended" },
    });
    expect(res.status).toBe(302);
    expect(getSiteRow(site.id)!.vettingStatus).toBe("suspended");
  });

  it("suspending a site with upcoming visits needs a second step listing the visits and participants", async () => {
    const edition = makeEdition();
    const site = makeSite({}, [hostA.id]);
    const v1 = makeVisit(edition.id, site.id, { title: "July homestay" });
    const v2 = makeVisit(edition.id, site.id, { title: "August farm week", arrivalOn: "2031-08-10", departureOn: "2031-08-15" });
    const past = makeVisit(makeEdition({ startsOn: "2020-01-01", endsOn: "2020-12-31" }).id, site.id, {
      title: "Past visit",
      arrivalOn: "2020-03-01",
      departureOn: "2020-03-05",
    });
    const cancelled = makeVisit(edition.id, site.id, { title: "Cancelled one", status: "cancelled", arrivalOn: "2031-07-20", departureOn: "2031-07-22" });
    const p1 = await makeParticipant(edition.id, {
      givenName: "Sari",
      familyName: "",
      givenNameLatin: "Sari",
      familyNameLatin: "",
      nameOrder: "given_first",
      nationality: "ID",
    });
    const p2 = await makeParticipant(edition.id, { givenName: "芳", familyName: "王", givenNameLatin: "Fang", familyNameLatin: "Wang", nationality: "CN" });
    const p3 = await makeParticipant(edition.id, { givenName: "Declined", familyName: "Person", nationality: "LA" });
    const p4 = await makeParticipant(edition.id, { givenName: "Proposed", familyName: "Person", nationality: "KH" });
    place(v1.id, p1.app.id, "accepted");
    place(v1.id, p2.app.id, "offered");
    place(v1.id, p3.app.id, "declined");
    place(v2.id, p4.app.id, "proposed");
    const params = { siteId: String(site.id) };
    const form = { intent: "vet", vettingStatus: "suspended", vettingNotes: "Flood damage on the access road." };

    const first = await call(adminSite.action, `/admin/sites/${site.id}`, { cookie: cOrg, params, form });
    expect(first.status).toBe(200);
    const step = await first.json();
    expect(step.confirm).toBe(true);
    expect(step.values).toMatchObject({ vettingStatus: "suspended", vettingNotes: "Flood damage on the access road." });
    expect(step.affected.map((v: { title: string }) => v.title)).toEqual(["July homestay", "August farm week"]);
    const names = step.affected.flatMap((v: { participants: { name: string; status: string }[] }) => v.participants.map((p) => `${p.name}:${p.status}`));
    expect(names).toEqual(["Sari:accepted", "王芳:offered", "Person Proposed:proposed"]);
    expect(JSON.stringify(step)).not.toContain("Declined");
    expect(JSON.stringify(step)).not.toContain(past.title);
    expect(JSON.stringify(step)).not.toContain(cancelled.title);
    // Nothing was written yet.
    expect(getSiteRow(site.id)!.vettingStatus).toBe("vetted");
    expect(audits(site.id)).toEqual([]);

    const second = await call(adminSite.action, `/admin/sites/${site.id}`, { cookie: cOrg, params, form: { ...form, confirm: "yes" } });
    expect(second.status).toBe(302);
    expect(getSiteRow(site.id)).toMatchObject({ vettingStatus: "suspended", vettingNotes: "Flood damage on the access road." });
    expect(audits(site.id)).toEqual([
      expect.objectContaining({ action: "vetting", fromState: "vetted", toState: "suspended", reason: "Flood damage on the access road." }),
    ]);
    // The suspended site can no longer get a visit.
    const v = await call(visitNew.action, `/host/sites/${site.id}/visits/new`, { cookie: cA, params, form: visitForm(edition.id) });
    expect(v.status).toBe(409);
  });

  it("the organizer list filters by status, country and name", async () => {
    const s = makeSite(
      { name: "Kampung Wisata Filter", nameLatin: "Kampung Wisata Filter", countryCode: "MY", timeZone: "Asia/Kuala_Lumpur", vettingStatus: "pending" },
      [hostA.id, hostB.id],
    );
    const ed = makeEdition({ hostCountries: ["MY"] });
    makeVisit(ed.id, s.id);
    makeVisit(ed.id, s.id, { status: "cancelled" });
    const res = await call(adminSites.loader, "/admin/sites?status=pending&country=MY&q=wisata", { cookie: cOrg });
    const body = await res.json();
    expect(body.sites.map((s: { nameLatin: string }) => s.nameLatin)).toEqual(["Kampung Wisata Filter"]);
    expect(body.sites[0]).toMatchObject({ visits: 1, coordinators: 2 });
    const all = await (await call(adminSites.loader, "/admin/sites?status=bogus", { cookie: cOrg })).json();
    expect(all.sites.length).toBeGreaterThan(1);
  });
});

describe("scope: a host sees and changes only their own sites", () => {
  it("host B gets 404 from every loader and action of host A's site; nothing changes", async () => {
    const edition = makeEdition();
    const site = makeSite({ name: "A's village" }, [hostA.id]);
    const params = { siteId: String(site.id) };
    const url = `/host/sites/${site.id}`;
    for (const [fn, path] of [
      [sitePage.loader, url],
      [siteEdit.loader, `${url}/edit`],
      [visitNew.loader, `${url}/visits/new`],
    ] as const) {
      const res = await call(fn, path, { cookie: cB, params });
      expect(res.status, path).toBe(404);
      expect(await res.text()).not.toContain("A's village");
    }
    expect((await call(siteEdit.action, `${url}/edit`, { cookie: cB, params, form: siteForm({ name: "Hijacked" }) })).status).toBe(404);
    expect((await call(visitNew.action, `${url}/visits/new`, { cookie: cB, params, form: visitForm(edition.id) })).status).toBe(404);
    expect(getSiteRow(site.id)!.name).toBe("A's village");
    expect(db().select().from(t.exchangeVisits).where(eq(t.exchangeVisits.hostSiteId, site.id)).all()).toEqual([]);

    // Host B's home page lists none of A's sites.
    const home = await (await call(hostIndex.loader, "/host", { cookie: cB })).json();
    expect(home.sites.map((s: { id: number }) => s.id)).not.toContain(site.id);
    // Host A sees it.
    expect((await call(sitePage.loader, url, { cookie: cA, params })).status).toBe(200);
    // Unknown and malformed ids are 404 too.
    expect((await call(sitePage.loader, "/host/sites/999999", { cookie: cA, params: { siteId: "999999" } })).status).toBe(404);
    expect((await call(sitePage.loader, "/host/sites/abc", { cookie: cA, params: { siteId: "abc" } })).status).toBe(404);
  });

  it("someone without a host or organizer role gets 404 on the host pages", async () => {
    expect((await call(hostLayout.loader, "/host", { cookie: cStranger })).status).toBe(404);
    expect((await call(hostIndex.loader, "/host", { cookie: cStranger })).status).toBe(404);
    expect((await call(siteNew.action, "/host/sites/new", { cookie: cStranger, form: siteForm() })).status).toBe(404);
    const anon = await call(hostIndex.loader, "/host");
    expect(anon.status).toBe(302);
    expect(anon.headers.get("Location")).toContain("/login");
  });

  it("host coordinators get 404 from the organizer's site pages", async () => {
    const site = makeSite({}, [hostA.id]);
    const params = { siteId: String(site.id) };
    expect((await call(adminSites.loader, "/admin/sites", { cookie: cA })).status).toBe(404);
    expect((await call(adminSite.loader, `/admin/sites/${site.id}`, { cookie: cA, params })).status).toBe(404);
    const vet = await call(adminSite.action, `/admin/sites/${site.id}`, {
      cookie: cA,
      params,
      form: { intent: "vet", vettingStatus: "suspended", confirm: "yes" },
    });
    expect(vet.status).toBe(404);
    const add = await call(adminSite.action, `/admin/sites/${site.id}`, {
      cookie: cA,
      params,
      form: { intent: "addCoordinator", email: "host.b@example.org" },
    });
    expect(add.status).toBe(404);
    expect(getSiteRow(site.id)!.vettingStatus).toBe("vetted");
  });

  it("organizers see every site", async () => {
    const site = makeSite({}, [hostB.id]);
    expect((await call(sitePage.loader, `/host/sites/${site.id}`, { cookie: cOrg, params: { siteId: String(site.id) } })).status).toBe(200);
    const home = await (await call(hostIndex.loader, "/host", { cookie: cOrg })).json();
    expect(home.sites.map((s: { id: number }) => s.id)).toContain(site.id);
  });
});
