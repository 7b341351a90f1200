// Programme content in the reader's language on the host coordinator's, focal point's, attendance
// and organizer pages (issue 11 item 8): what organizers wrote in several languages (host site
// description, visit title, edition name, training session title, survey template title, indicator
// name) is picked in the loader for the reader's saved language, else English, with the language
// it is in; the other translations never reach the browser.
import { eq } from "drizzle-orm";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { describe, expect, it } from "vitest";
import { LocalTextIn } from "~/components/i18n/LocalTextIn";
import { db, t } from "~/db.server";
import { createInstance } from "i18next";
import i18nConfig from "~/i18n";
import { getResources, translatorFor } from "~/i18n.server";
import { loader as editionsLoader } from "~/routes/admin.editions._index";
import { loader as editionTrainingsLoader } from "~/routes/admin.editions.$id_.trainings._index";
import { loader as editionVisitsLoader } from "~/routes/admin.editions.$id_.visits";
import { loader as indicatorsLoader } from "~/routes/admin.evaluation.indicators";
import { loader as templatesLoader } from "~/routes/admin.evaluation.templates._index";
import { loader as templateLoader } from "~/routes/admin.evaluation.templates.$templateId";
import { loader as applicationsLoader } from "~/routes/admin.applications._index";
import { loader as announcementsLoader } from "~/routes/admin.announcements";
import { loader as dashboardLoader } from "~/routes/admin.dashboard";
import { loader as importLoader } from "~/routes/admin.import";
import { loader as newTrainingLoader } from "~/routes/admin.editions.$id_.trainings.new";
import { FilterSelect } from "~/components/FilterSelect";
import { loader as trainingAttendanceLoader } from "~/routes/attendance.training.$trainingId";
import { loader as codeLoader } from "~/routes/attendance.code.$trainingId";
import { loader as focalLoader } from "~/routes/focal._index";
import { loader as focalAppLoader } from "~/routes/focal.applications.$id";
import { loader as hostHomeLoader } from "~/routes/host._index";
import { loader as siteLoader } from "~/routes/host.sites.$siteId._index";
import { loader as visitLoader } from "~/routes/host.visits.$visitId._index";
import { loader as visitTrainingsLoader } from "~/routes/host.visits.$visitId.trainings";
import { call, cookieFor, createUser, makeTraining } from "../support/factories";
import { makeEdition, makeParticipant, makeSite, makeVisit } from "./hosts-fixtures";

const KM = {
  edition: "កម្មវិធីផ្លាស់ប្ដូរមេភូមិ ២០៣១",
  visit: "សប្ដាហ៍ស្នាក់នៅផ្ទះអ្នកភូមិ",
  description: "ភូមិកសិកម្មតាមដងទន្លេ មានផ្ទះស្នាក់នៅជាមួយគ្រួសារ។",
  training: "សិក្ខាសាលាស្ដីពីសហករណ៍",
};

/** An edition, a site coordinated by a host coordinator, a visit and a visit training, all with Khmer text. */
async function setUp() {
  const edition = makeEdition({ name: "Exchange 2031", translations: { name: { km: KM.edition } } });
  const host = await createUser({ roles: [{ role: "host_coordinator" }] });
  const site = makeSite({ description: "A farming village on the river, with homestays.", translations: { description: { km: KM.description } } }, [host.id]);
  const visit = makeVisit(edition.id, site.id, { title: "Homestay week", translations: { title: { km: KM.visit } } });
  const training = makeTraining(edition.id, {
    title: "Cooperatives workshop",
    visitId: visit.id,
    audience: "visit",
    status: "scheduled",
    startsAt: "2031-07-06T02:00:00.000Z",
    endsAt: "2031-07-06T04:00:00.000Z",
    translations: { title: { km: KM.training } },
  });
  return { edition, host, site, visit, training };
}

function setLocale(userId: number, locale: string) {
  db().update(t.users).set({ locale }).where(eq(t.users.id, userId)).run();
}

const json = async (r: Response) => {
  expect(r.status).toBe(200);
  return r.json();
};

describe("the host coordinator's pages", () => {
  it("show the site description, visit titles and edition names in Khmer with lang=km to a Khmer reader", async () => {
    const { host, site, visit, training } = await setUp();
    setLocale(host.id, "km");
    const cookie = await cookieFor(host.id);

    const s = await json(await call(siteLoader, `/host/sites/${site.id}`, { cookie, params: { siteId: String(site.id) } }));
    expect(s.site.description).toBe(KM.description);
    expect(s.descriptionLang).toBe("km");
    // Picked on the server: no other language's text is sent along.
    expect(s.site.translations).toBeUndefined();
    expect(JSON.stringify(s)).not.toContain("A farming village");
    const v = s.visits.find((x: { id: number }) => x.id === visit.id);
    expect(v).toMatchObject({ title: KM.visit, titleLang: "km", editionName: KM.edition, editionLang: "km" });

    const home = await json(await call(hostHomeLoader, "/host", { cookie }));
    expect(home.visits.find((x: { id: number }) => x.id === visit.id)).toMatchObject({ title: KM.visit, titleLang: "km", editionLang: "km" });

    const vp = await json(await call(visitLoader, `/host/visits/${visit.id}`, { cookie, params: { visitId: String(visit.id) } }));
    expect(vp.visit.title).toBe(KM.visit);
    expect(vp.shown.title).toEqual({ text: KM.visit, lang: "km" });
    expect(vp.shown.editionName).toEqual({ text: KM.edition, lang: "km" });
    expect(vp.visit.translations).toBeUndefined();

    const tp = await json(await call(visitTrainingsLoader, `/host/visits/${visit.id}/trainings`, { cookie, params: { visitId: String(visit.id) } }));
    expect(tp.visit).toMatchObject({ title: KM.visit, titleLang: "km" });
    expect(tp.grid.items.find((i: { id: number }) => i.id === training.id)).toMatchObject({ title: KM.training, titleLang: "km" });
  });

  it("fall back to English, marked lang=en, for a Lao reader (no Lao given)", async () => {
    const { host, site, visit } = await setUp();
    setLocale(host.id, "lo");
    const cookie = await cookieFor(host.id);
    const s = await json(await call(siteLoader, `/host/sites/${site.id}`, { cookie, params: { siteId: String(site.id) } }));
    expect(s.site.description).toBe("A farming village on the river, with homestays.");
    expect(s.descriptionLang).toBe("en");
    expect(s.visits.find((x: { id: number }) => x.id === visit.id)).toMatchObject({ title: "Homestay week", titleLang: "en", editionLang: "en" });
    const vp = await json(await call(visitLoader, `/host/visits/${visit.id}`, { cookie, params: { visitId: String(visit.id) } }));
    expect(vp.shown.title).toEqual({ text: "Homestay week", lang: "en" });
  });
});

describe("the training attendance pages", () => {
  it("name the session in the reader's language, else English, with its lang", async () => {
    const { host, training } = await setUp();
    setLocale(host.id, "km");
    let cookie = await cookieFor(host.id);
    const params = { trainingId: String(training.id) };
    const sheet = await json(await call(trainingAttendanceLoader, `/attendance/training/${training.id}`, { cookie, params }));
    expect(sheet.training).toMatchObject({ title: KM.training, titleLang: "km" });
    const code = await json(await call(codeLoader, `/attendance/code/${training.id}`, { cookie, params }));
    expect(code).toMatchObject({ title: KM.training, titleLang: "km" });

    setLocale(host.id, "vi");
    cookie = await cookieFor(host.id);
    const vi = await json(await call(trainingAttendanceLoader, `/attendance/training/${training.id}`, { cookie, params }));
    expect(vi.training).toMatchObject({ title: "Cooperatives workshop", titleLang: "en" });
  });
});

describe("the focal point's pages", () => {
  it("name the edition in Khmer with lang=km, and in English with lang=en for a Thai reader", async () => {
    const { edition } = await setUp();
    const { app } = await makeParticipant(edition.id, { nationality: "KH" });
    const focal = await createUser({ roles: [{ role: "focal_point", countryCode: "KH" }], locale: "km" });
    let cookie = await cookieFor(focal.id);
    const home = await json(await call(focalLoader, `/focal?edition=${edition.id}&country=KH`, { cookie }));
    expect(home.editions.find((e: { id: number }) => e.id === edition.id)).toMatchObject({ name: KM.edition, lang: "km" });
    expect(home.summary.edition).toMatchObject({ name: KM.edition, lang: "km" });
    const one = await json(await call(focalAppLoader, `/focal/applications/${app.id}`, { cookie, params: { id: String(app.id) } }));
    expect(one.edition).toMatchObject({ name: KM.edition, lang: "km" });

    setLocale(focal.id, "th");
    cookie = await cookieFor(focal.id);
    const th = await json(await call(focalLoader, `/focal?edition=${edition.id}&country=KH`, { cookie }));
    expect(th.summary.edition).toMatchObject({ name: "Exchange 2031", lang: "en" });
  });
});

describe("the organizer's lists", () => {
  it("show edition names, visit and session titles, template titles and indicator names in the reader's language", async () => {
    const { edition, visit, training } = await setUp();
    db()
      .insert(t.indicators)
      .values({
        code: "KM_TEST_1",
        name: { en: "Households with clean water", km: "គ្រួសារមានទឹកស្អាត" },
        group: "social",
        type: "percentage",
        direction: "higher_better",
      })
      .run();
    db()
      .insert(t.indicators)
      .values({ code: "KM_TEST_2", name: { en: "Roads repaired" }, group: "economic", type: "number", direction: "higher_better" })
      .run();
    const organizer = await createUser({ roles: [{ role: "organizer" }], locale: "km" });
    const cookie = await cookieFor(organizer.id);

    const list = await json(await call(editionsLoader, "/admin/editions", { cookie }));
    expect(list.editions.find((e: { id: number }) => e.id === edition.id)).toMatchObject({ name: KM.edition, lang: "km" });

    const params = { id: String(edition.id) };
    const visits = await json(await call(editionVisitsLoader, `/admin/editions/${edition.id}/visits`, { cookie, params }));
    expect(visits.edition).toMatchObject({ name: KM.edition, lang: "km" });
    expect(visits.visits.find((v: { id: number }) => v.id === visit.id)).toMatchObject({ title: KM.visit, titleLang: "km" });
    expect(visits.visits[0].translations).toBeUndefined();

    const trainings = await json(await call(editionTrainingsLoader, `/admin/editions/${edition.id}/trainings`, { cookie, params }));
    expect(trainings.edition).toMatchObject({ name: KM.edition, lang: "km" });
    expect(trainings.grid.items.find((i: { id: number }) => i.id === training.id)).toMatchObject({ title: KM.training, titleLang: "km" });

    const inds = await json(await call(indicatorsLoader, "/admin/evaluation/indicators", { cookie }));
    const byCode = (c: string) => inds.indicators.find((i: { code: string }) => i.code === c);
    expect(byCode("KM_TEST_1").name).toEqual({ text: "គ្រួសារមានទឹកស្អាត", lang: "km" });
    expect(byCode("KM_TEST_2").name).toEqual({ text: "Roads repaired", lang: "en" });

    // The starter templates carry every language (docs: seed-translations.test.ts).
    const tpls = await json(await call(templatesLoader, "/admin/evaluation/templates", { cookie }));
    expect(tpls.templates.length).toBeGreaterThan(0);
    for (const x of tpls.templates) expect(x.title.lang).toBe("km");
    const one = tpls.templates[0];
    const tpl = await json(await call(templateLoader, `/admin/evaluation/templates/${one.id}`, { cookie, params: { templateId: String(one.id) } }));
    expect(tpl).toMatchObject({ title: one.title.text, titleLang: "km" });
    expect(tpl.questions.length).toBeGreaterThan(0);
    for (const q of tpl.questions) expect(q.promptLang).toBe("km");
  });

  it("show an English edition name, marked lang=en, where the reader's language has none", async () => {
    const { edition } = await setUp();
    await makeParticipant(edition.id, { nationality: "KH" });
    const organizer = await createUser({ roles: [{ role: "organizer" }], locale: "ja" });
    const cookie = await cookieFor(organizer.id);
    const list = await json(await call(editionsLoader, "/admin/editions", { cookie }));
    expect(list.editions.find((e: { id: number }) => e.id === edition.id)).toMatchObject({ name: "Exchange 2031", lang: "en" });
    const apps = await json(await call(applicationsLoader, `/admin/applications?edition=${edition.id}`, { cookie }));
    expect(apps.items.length).toBeGreaterThan(0);
    for (const a of apps.items) expect(a).toMatchObject({ editionName: "Exchange 2031", editionLang: "en" });
  });
});

describe("dropdown options of organizer-written text", () => {
  type Opt = { value?: string; id?: number; label?: string; name?: string; lang?: string };
  it("carry the language of the shown edition name or visit title (lang=km, else lang=en)", async () => {
    const { edition, visit } = await setUp();
    // Another visit without a Khmer title: its option is the English title, marked lang=en.
    const other = makeVisit(edition.id, makeSite({}, []).id, { title: "Rice terraces week", arrivalOn: "2031-07-20", departureOn: "2031-07-25" });
    const organizer = await createUser({ roles: [{ role: "organizer" }], locale: "km" });
    const cookie = await cookieFor(organizer.id);
    const params = { id: String(edition.id) };
    const byId = (list: Opt[], id: number) => list.find((o) => Number(o.value ?? o.id) === id)!;

    const apps = await json(await call(applicationsLoader, "/admin/applications", { cookie }));
    expect(byId(apps.editions, edition.id)).toMatchObject({ name: KM.edition, lang: "km" });

    const ann = await json(await call(announcementsLoader, "/admin/announcements", { cookie }));
    expect(byId(ann.editions, edition.id)).toMatchObject({ name: KM.edition, lang: "km" });
    expect(byId(ann.visits, visit.id).lang).toBe("km");
    expect(byId(ann.visits, other.id).lang).toBe("en");

    const dash = await json(await call(dashboardLoader, "/admin/dashboard", { cookie }));
    expect(byId(dash.options.editions, edition.id)).toMatchObject({ label: KM.edition, lang: "km" });
    expect(byId(dash.options.visits, visit.id)).toMatchObject({ lang: "km" });
    expect(byId(dash.options.visits, visit.id).label).toContain(KM.visit);

    const trainings = await json(await call(editionTrainingsLoader, `/admin/editions/${edition.id}/trainings`, { cookie, params }));
    expect(byId(trainings.visits, visit.id)).toMatchObject({ label: KM.visit, lang: "km" });
    expect(byId(trainings.visits, other.id)).toMatchObject({ label: "Rice terraces week", lang: "en" });

    const form = await json(await call(newTrainingLoader, `/admin/editions/${edition.id}/trainings/new`, { cookie, params }));
    expect(byId(form.choices.visits, visit.id).lang).toBe("km");
    expect(byId(form.choices.visits, visit.id).label).toContain(KM.visit);

    // The import page offers editions whose application window is open.
    db().update(t.editions).set({ applicationsOpenOn: "2020-01-01", applicationsCloseOn: "2099-01-01" }).where(eq(t.editions.id, edition.id)).run();
    const imp = await json(await call(importLoader, "/admin/import", { cookie }));
    expect(byId(imp.editions, edition.id)).toMatchObject({ name: KM.edition, lang: "km" });
  });

  it("render the lang on the <option>, and none where the label is the interface's own", () => {
    const inst = createInstance();
    void inst.init({ ...i18nConfig, lng: "km", resources: getResources(), initImmediate: false });
    const html = renderToStaticMarkup(
      createElement(
        I18nextProvider,
        { i18n: inst },
        createElement(FilterSelect, {
          name: "edition",
          label: "x",
          options: [
            { value: "1", label: KM.edition, lang: "km" },
            { value: "2", label: "Exchange 2032", lang: "en" },
            { value: "3", label: "ពិធីការ" },
          ],
        }),
      ),
    );
    expect(html).toContain(`<option value="1" lang="km">${KM.edition}</option>`);
    expect(html).toContain(`<option value="2" lang="en">Exchange 2032</option>`);
    expect(html).toContain(`<option value="3">ពិធីការ</option>`);
  });
});

describe("organizer text inside a translated sentence", () => {
  it("keeps the sentence in the page language and marks the text with its own", () => {
    const inst = createInstance();
    void inst.init({ ...i18nConfig, lng: "km", resources: getResources(), initImmediate: false });
    const html = renderToStaticMarkup(
      createElement(
        I18nextProvider,
        { i18n: inst },
        createElement(LocalTextIn, { i18nKey: "tracking.code.title", name: "title", value: { text: "Seed saving", lang: "en" } }),
      ),
    );
    const sentence = translatorFor("km")("tracking.code.title", { title: "@@" });
    const [before, after] = sentence.split("@@");
    expect(html).toBe(`${before}<span lang="en">Seed saving</span>${after}`);
    expect(before + after).not.toBe("");
  });
});
