// Programme content in the participant's language (issue 11, item 8): what organizers wrote in
// several languages (edition name, visit title, training title and description) reaches the
// participant's own pages (My applications, the offer page, the itinerary, a training page, the
// status page, My surveys) in their saved language, else English, with the shown language's lang.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db, t } from "~/db.server";
import { loader as meLoader } from "~/routes/me";
import { loader as statusLoader } from "~/routes/me.applications.$id";
import { loader as itineraryLoader } from "~/routes/me_.itinerary";
import { loader as placementLoader } from "~/routes/me_.placements.$placementId";
import { loader as trainingLoader } from "~/routes/me_.trainings.$trainingId";
import { call, cookieFor, makeTraining } from "../support/factories";
import { makeEdition, makeParticipant, makeSite, makeVisit, place } from "./hosts-fixtures";

const KM = { edition: "កម្មវិធីផ្លាស់ប្ដូរ ២០៣១", visit: "សប្ដាហ៍ស្នាក់នៅផ្ទះ", training: "សិក្ខាសាលាសហករណ៍", description: "អំពីសហករណ៍កសិកម្ម" };

async function setUp(locale: string) {
  const edition = makeEdition({ translations: { name: { km: KM.edition } } });
  const site = makeSite();
  const visit = makeVisit(edition.id, site.id, { translations: { title: { km: KM.visit } } });
  const { user, app } = await makeParticipant(edition.id, { nationality: "KH" });
  db().update(t.users).set({ locale }).where(eq(t.users.id, user.id)).run();
  const placement = place(visit.id, app.id, "accepted");
  const training = makeTraining(edition.id, {
    title: "Cooperatives workshop",
    description: "On farm cooperatives",
    status: "scheduled",
    translations: { title: { km: KM.training }, description: { km: KM.description } },
  });
  return { cookie: await cookieFor(user.id), app, placement, training };
}

describe("a Khmer reader's own pages", () => {
  it("show the edition, visit and training in Khmer with lang=km", async () => {
    const { cookie, app, placement, training } = await setUp("km");
    const me = await (await call(meLoader, "/me", { cookie })).json();
    expect(me.applications[0].editionName).toEqual({ text: KM.edition, lang: "km" });
    expect(me.placements[0].visit).toEqual({ text: KM.visit, lang: "km" });

    const offer = await (await call(placementLoader, `/me/placements/${placement.id}`, { cookie, params: { placementId: String(placement.id) } })).json();
    expect(offer.title).toEqual({ text: KM.visit, lang: "km" });
    expect(offer.editionName).toBe(KM.edition);
    // Dates and language names come written from the server (a browser may lack Khmer Intl data).
    expect(offer.shown.dates).toMatch(/[\u1780-\u17FF]/);
    expect(offer.shown.languages).toMatch(/[\u1780-\u17FF]/);

    const it = await (await call(itineraryLoader, "/me/itinerary", { cookie })).json();
    const plan = it.plans[0];
    expect(plan.editionName).toEqual({ text: KM.edition, lang: "km" });
    const entries = plan.days.flatMap((d: { entries: { kind: string; title: unknown }[] }) => d.entries);
    expect(entries.find((e: { kind: string }) => e.kind === "arrival").title).toEqual({ text: KM.visit, lang: "km" });
    expect(entries.find((e: { kind: string }) => e.kind === "training").title).toEqual({ text: KM.training, lang: "km" });

    const tr = await (await call(trainingLoader, `/me/trainings/${training.id}`, { cookie, params: { trainingId: String(training.id) } })).json();
    expect(tr.training.title).toBe(KM.training);
    expect(tr.training.titleLang).toBe("km");
    expect(tr.training.description).toEqual({ text: KM.description, lang: "km" });

    const status = await (await call(statusLoader, `/me/applications/${app.id}`, { cookie, params: { id: String(app.id) } })).json();
    expect(status.edition.name).toBe(KM.edition);
  });

  it("a Lao reader of the same content gets English (no Lao given), marked lang=en", async () => {
    const { cookie, placement } = await setUp("lo");
    const me = await (await call(meLoader, "/me", { cookie })).json();
    expect(me.applications[0].editionName).toEqual({ text: "Test edition 2031", lang: "en" });
    const offer = await (await call(placementLoader, `/me/placements/${placement.id}`, { cookie, params: { placementId: String(placement.id) } })).json();
    expect(offer.title).toEqual({ text: "Homestay week", lang: "en" });
  });
});
