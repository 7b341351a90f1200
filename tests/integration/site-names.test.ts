// Host site names in several languages (issue 11): entered side by side in the site form (one
// input per language, like descriptions), stored in the site's `translations`, and shown picked
// for the reader (their language, else the Latin name, else the local-script one) with its `lang`
// on the site, visit, placement and itinerary pages, in lists and in the offer mail.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db, t } from "~/db.server";
import * as adminSites from "~/routes/admin.sites._index";
import * as siteEdit from "~/routes/host.sites.$siteId.edit";
import * as sitePage from "~/routes/host.sites.$siteId._index";
import * as visitPage from "~/routes/host.visits.$visitId._index";
import * as printPage from "~/routes/host.visits.$visitId.print";
import * as hostHome from "~/routes/host._index";
import * as offerPage from "~/routes/me_.placements.$placementId";
import * as itinerary from "~/routes/me_.itinerary";
import { call, cookieFor, createUser } from "../support/factories";
import { getSiteRow, makeEdition, makeParticipant, makeSite, makeVisit, place, siteForm } from "./hosts-fixtures";

const KM = "ភូមិណាតុនចាន់";
const json = async (r: Response) => {
  expect(r.status).toBe(200);
  return r.json();
};

describe("host site names in the reader's language", () => {
  it("are entered per language in the site form, kept after a refused submit, and stored", async () => {
    const host = await createUser({ roles: [{ role: "host_coordinator" }] });
    const cookie = await cookieFor(host.id);
    const site = makeSite({}, [host.id]);
    const params = { siteId: String(site.id) };
    const url = `/host/sites/${site.id}/edit`;
    // A refused submit (no province) keeps the typed translation and writes nothing.
    const bad = await call(siteEdit.action, url, { cookie, params, form: siteForm({ province: "", "tr.name.km": KM }) });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toContain(KM);
    expect(getSiteRow(site.id)!.translations?.name).toBeUndefined();
    // A name longer than a name may be is refused next to its input.
    const long = await call(siteEdit.action, url, { cookie, params, form: siteForm({ "tr.name.km": "ក".repeat(201) }) });
    expect(long.status).toBe(400);
    expect(Object.keys((await long.json()).error)).toContain("tr.name.km");

    const ok = await call(siteEdit.action, url, { cookie, params, form: siteForm({ "tr.name.km": ` ${KM} `, "tr.name.ja": "ナトンチャン村" }) });
    expect(ok.status).toBe(302);
    expect(getSiteRow(site.id)!.translations?.name).toEqual({ km: KM, ja: "ナトンチャン村" });
    // The edit form shows them again.
    const form = await json(await call(siteEdit.loader, url, { cookie, params }));
    expect(form.values.tr.name.km).toBe(KM);
  });

  it("show the Khmer name marked km to a Khmer reader, the Latin name (with the local one) to others", async () => {
    const edition = makeEdition();
    const host = await createUser({ roles: [{ role: "host_coordinator" }], locale: "km" });
    const site = makeSite({ name: "บ้านนาต้นจั่น", nameLatin: "Ban Na Ton Chan", countryCode: "TH", translations: { name: { km: KM } } }, [host.id]);
    // A visit without a title is named by its site.
    const visit = makeVisit(edition.id, site.id, { title: "", arrivalOn: "2099-07-05", departureOn: "2099-07-12" });
    const cookie = await cookieFor(host.id);
    const page = await json(await call(sitePage.loader, `/host/sites/${site.id}`, { cookie, params: { siteId: String(site.id) } }));
    expect(page.names).toEqual({ name: { text: KM, lang: "km" }, local: { text: "บ้านนาต้นจั่น", lang: "th" } });
    expect(JSON.stringify(page)).not.toContain("ナトンチャン");
    expect(page.site.translations).toBeUndefined();

    const v = await json(await call(visitPage.loader, `/host/visits/${visit.id}`, { cookie, params: { visitId: String(visit.id) } }));
    expect(v.site.name).toEqual({ text: KM, lang: "km" });
    const print = await json(await call(printPage.loader, `/host/visits/${visit.id}/print`, { cookie, params: { visitId: String(visit.id) } }));
    expect(print.site.names.name).toEqual({ text: KM, lang: "km" });
    const home = await json(await call(hostHome.loader, "/host", { cookie }));
    expect(home.sites.find((s: { id: number }) => s.id === site.id).names.name.text).toBe(KM);
    expect(home.visits.find((x: { id: number }) => x.id === visit.id).site.name).toEqual({ text: KM, lang: "km" });

    const organizer = await createUser({ roles: [{ role: "organizer" }], locale: "en" });
    const list = await json(await call(adminSites.loader, "/admin/sites", { cookie: await cookieFor(organizer.id) }));
    expect(list.sites.find((s: { id: number }) => s.id === site.id).names).toEqual({
      name: { text: "Ban Na Ton Chan", lang: "en" },
      local: { text: "บ้านนาต้นจั่น", lang: "th" },
    });
    // The organizers' search also finds a site by a translated name (and not the others).
    const other = makeSite({ nameLatin: "Ban Other" });
    const found = await json(await call(adminSites.loader, `/admin/sites?q=${encodeURIComponent(KM)}`, { cookie: await cookieFor(organizer.id) }));
    expect(found.sites.map((s: { id: number }) => s.id)).toContain(site.id);
    expect(found.sites.map((s: { id: number }) => s.id)).not.toContain(other.id);
  });

  it("name the site in a Khmer participant's offer, itinerary and offer mail", async () => {
    const edition = makeEdition();
    const site = makeSite({ name: "บ้านนาต้นจั่น", nameLatin: "Ban Na Ton Chan", countryCode: "TH", translations: { name: { km: KM } } });
    const visit = makeVisit(edition.id, site.id, { title: "" });
    const { user, app } = await makeParticipant(edition.id, { nationality: "KH" });
    db().update(t.users).set({ locale: "km" }).where(eq(t.users.id, user.id)).run();
    const p = place(visit.id, app.id, "accepted").id;
    const cookie = await cookieFor(user.id);
    const offer = await json(await call(offerPage.loader, `/me/placements/${p}`, { cookie, params: { placementId: String(p) } }));
    expect(offer.site.name).toEqual({ text: KM, lang: "km" });
    const it = await json(await call(itinerary.loader, "/me/itinerary", { cookie }));
    const arrival = it.plans[0].days.flatMap((d: { entries: { kind: string }[] }) => d.entries).find((e: { kind: string }) => e.kind === "arrival");
    expect(arrival.title).toEqual({ text: KM, lang: "km" });
    expect(arrival.site.name).toEqual({ text: KM, lang: "km" });
    expect(JSON.stringify(it)).not.toContain("siteTranslations");
    // The offer mail names the site in Khmer, the local-script name after it.
    const { mailParticipant } = await import("~/models/placement/checks.server");
    const row = db()
      .select({ p: t.placements, app: t.applications, visit: t.exchangeVisits, site: t.hostSites })
      .from(t.placements)
      .innerJoin(t.applications, eq(t.applications.id, t.placements.applicationId))
      .innerJoin(t.exchangeVisits, eq(t.exchangeVisits.id, t.placements.visitId))
      .innerJoin(t.hostSites, eq(t.hostSites.id, t.exchangeVisits.hostSiteId))
      .where(eq(t.placements.id, p))
      .get()!;
    await mailParticipant(row, "offer");
    const mail = db().select().from(t.outbox).where(eq(t.outbox.toAddress, user.email)).all().at(-1)!;
    expect(mail.text).toContain(`${KM} (บ้านนาต้นจั่น)`);
    expect(mail.text).not.toContain("Ban Na Ton Chan");
  });
});
