/**
 * The pilot map and the dashboard's pilot strand (issue 16, items 4 and 5) against fixtures whose
 * expected figures are written out here: scope (a focal point sees their country only), the
 * overview's filters, participants counted per country and province and never located one by
 * one, coordinates checked against the country's outline, and the strand's counts, late
 * milestones, budget conversion with the rate's date, and indicator values due.
 */
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db, t } from "~/db.server";
import type { Actor } from "~/models/actor";
import { ensureStarterIndicators } from "~/models/evaluation/indicators.server";
import {
  addBudgetLine,
  addMilestone,
  changeProjectStatus,
  createProject,
  createVillage,
  listPilots,
  pilotMap,
  pilotStrand,
  recordActual,
  recordIndicatorValue,
  setExchangeRate,
} from "~/models/pilots.server";
import * as overview from "~/routes/pilots._index";
import * as dashboard from "~/routes/admin.dashboard";
import * as newVillage from "~/routes/pilots.villages.new";
import { call, cookieFor, createUser } from "../support/factories";
import { LAO_VILLAGE, pastEdition } from "./pilots-fixtures";

const NOW = new Date("2027-03-15T03:00:00.000Z");
let organizer: Actor, focalKh: Actor, leader: Actor;
let orgCookie: string, focalCookie: string, leaderCookie: string;
let p1: number, p2: number, p3: number;

function site(name: string, countryCode: string, lat: string | null, lon: string | null) {
  db().insert(t.hostSites).values({ name, countryCode, province: "P", timeZone: "Asia/Bangkok", latitude: lat, longitude: lon }).run();
}

function applicant(editionId: number, userId: number, nationality: string, province: string, status: "accepted" | "submitted" = "accepted") {
  db().insert(t.applications).values({ editionId, userId, status, givenName: "Secretname", familyName: "Hiddenfamily", nationality, province }).run();
}

beforeAll(async () => {
  organizer = await createUser({ roles: [{ role: "organizer" }] });
  focalKh = await createUser({ roles: [{ role: "focal_point", countryCode: "KH" }] });
  leader = await createUser({ name: "Leader" });
  [orgCookie, focalCookie, leaderCookie] = await Promise.all([organizer, focalKh, leader].map((a) => cookieFor(a.id)));

  // A: Lao village with coordinates; P1 infrastructure in progress, one milestone late, kip budget with a rate.
  const a = createVillage(organizer, LAO_VILLAGE);
  p1 = createProject(organizer, { villageId: a, title: "Road to the upper hamlet", component: "infrastructure", objectives: "Access", startsOn: "2026-06-01" });
  changeProjectStatus(organizer, p1, "approved");
  changeProjectStatus(organizer, p1, "in_progress");
  addMilestone(organizer, p1, { title: "Survey done", dueOn: "2026-09-01", why: "Plan agreed at the village meeting" });
  addMilestone(organizer, p1, { title: "Road open", dueOn: "2027-06-01", why: "Plan agreed at the village meeting" });
  const line = addBudgetLine(organizer, p1, { period: "2026-07", item: "Gravel", planned: "1,000,000", why: "Plan agreed at the village meeting" });
  recordActual(organizer, p1, line, "800,000");
  setExchangeRate(organizer, p1, { rate: "21000", rateOn: "2027-01-10" });
  const water = ensureStarterIndicators()["ENV-CLEAN-WATER"];
  recordIndicatorValue(organizer, p1, { indicatorId: water, stage: "baseline", measuredOn: "2026-05-20", value: 40 }, NOW);
  recordIndicatorValue(organizer, p1, { indicatorId: water, stage: "periodic", measuredOn: "2026-10-01", value: 55 }, NOW);

  // B: Cambodian village; P2 technology upgrade, approved, no baseline yet, riel budget without a rate.
  const b = createVillage(organizer, {
    ...LAO_VILLAGE,
    name: "ភូមិត្រពាំងស្លា",
    nameLatin: "Phum Trapeang Sla",
    countryCode: "KH",
    province: "Takeo",
    latitude: "11.1902",
    longitude: "104.7745",
    languages: ["km"],
  });
  p2 = createProject(organizer, { villageId: b, title: "Chicken vaccination", component: "technology_upgrade", objectives: "Healthy flocks" });
  changeProjectStatus(organizer, p2, "approved");
  addBudgetLine(organizer, p2, { period: "2027-02", item: "Vaccines", planned: "4000000", why: "Plan agreed at the village meeting" });

  // C: Lao village without coordinates; P3 skills training completed at the end of 2025.
  const c = createVillage(organizer, {
    ...LAO_VILLAGE,
    name: "ບ້ານນາ",
    nameLatin: "Ban Na",
    province: "Luang Prabang",
    latitude: undefined,
    longitude: undefined,
  });
  p3 = createProject(organizer, {
    villageId: c,
    title: "Weaving school",
    component: "skills_training",
    objectives: "Skills",
    startsOn: "2025-01-01",
    endsOn: "2025-12-31",
  });
  for (const s of ["approved", "in_progress", "completed"] as const) changeProjectStatus(organizer, p3, s);
  db().update(t.pilotProjects).set({ localLeadUserId: leader.id }).where(eq(t.pilotProjects.id, p3)).run();

  site("Siem Reap homestay", "KH", "13.3600", "103.8600");
  site("Yunnan tea village", "CN", "22.1900", "100.0300");
  site("Lao site without coordinates", "LA", null, null);

  const ed = pastEdition();
  const people = await Promise.all([1, 2, 3, 4, 5].map((i) => createUser({ name: `Person ${i}` })));
  applicant(ed, people[0].id, "LA", "Xieng Khouang");
  applicant(ed, people[1].id, "LA", "Luang Prabang");
  applicant(ed, people[2].id, "KH", "Takeo");
  applicant(ed, people[3].id, "VN", "Lao Cai");
  applicant(ed, people[4].id, "KH", "Kampot", "submitted");
});

type MapJson = ReturnType<typeof pilotMap>;
/**
 * The overview page as `cookie`'s person sees it: the loader's status and body (the map goes out as
 * server-made HTML), and the map's data from the same use case with the same filters.
 */
async function mapAs(cookie: string, query = ""): Promise<{ status: number; map: MapJson; text: string }> {
  const res = await call(overview.loader, `/pilots${query}`, { cookie });
  const text = res.status === 200 ? await res.text() : "";
  if (!text) return { status: res.status, map: null as never, text };
  const q = new URL(`http://vlx.test/pilots${query}`).searchParams;
  const actor = [organizer, focalKh, leader][[orgCookie, focalCookie, leaderCookie].indexOf(cookie)];
  const map = pilotMap(actor, { country: q.get("country"), component: q.get("component"), status: q.get("status") } as Parameters<typeof pilotMap>[1]);
  // The page draws exactly the placed villages of that data.
  const html = JSON.parse(text).mapHtml as string;
  expect(html.split('data-mark="village"').length - 1).toBe(map.villages.filter((v) => v.x !== null).length);
  return { status: res.status, map, text };
}

describe("pilot map", () => {
  it("organizer: every village (one without coordinates listed, not drawn), sites, participants per country", async () => {
    const { status, map, text } = await mapAs(orgCookie);
    expect(status).toBe(200);
    expect(map.focus).toEqual([]);
    const byName = new Map(map.villages.map((v) => [v.name, v]));
    expect([...byName.keys()].sort()).toEqual(["Ban Na", "Ban Phonsavanh", "Phum Trapeang Sla"]);
    expect(byName.get("Ban Phonsavanh")!.x).not.toBeNull();
    expect(byName.get("Phum Trapeang Sla")!.x).not.toBeNull();
    expect(byName.get("Ban Na")!.x).toBeNull();
    expect(byName.get("Ban Phonsavanh")!.colour).toBe("infrastructure");
    expect(map.sites.map((s) => [s.countryCode, s.x === null])).toEqual([
      ["CN", false],
      ["KH", false],
      ["LA", true],
    ]);
    // Accepted applications only, per country and province; never a person.
    expect(map.participants.map((p) => [p.countryCode, p.count]).sort()).toEqual([
      ["KH", 1],
      ["LA", 2],
      ["VN", 1],
    ]);
    expect(map.participants.find((p) => p.countryCode === "LA")!.provinces).toEqual([
      { province: "Luang Prabang", count: 1 },
      { province: "Xieng Khouang", count: 1 },
    ]);
    expect(text).not.toContain("Secretname");
    expect(text).not.toContain("Hiddenfamily");
    expect(text).not.toContain("Kampot"); // the submitted (not accepted) applicant's province
    // Every drawn mark lies inside the viewBox.
    for (const v of map.villages.filter((x) => x.x !== null)) {
      expect(v.x!).toBeGreaterThan(0);
      expect(v.x!).toBeLessThan(map.width);
      expect(v.y!).toBeGreaterThan(0);
      expect(v.y!).toBeLessThan(map.height);
    }
  });

  it("a focal point sees only their country's villages, sites and participants, framed on it", async () => {
    const { status, map, text } = await mapAs(focalCookie);
    expect(status).toBe(200);
    expect(map.focus).toEqual(["KH"]);
    expect(map.villages.map((v) => v.name)).toEqual(["Phum Trapeang Sla"]);
    expect(map.sites.map((s) => s.countryCode)).toEqual(["KH"]);
    expect(map.participants.map((p) => [p.countryCode, p.count])).toEqual([["KH", 1]]);
    expect(text).not.toContain("Ban Phonsavanh");
    expect(text).not.toContain("Yunnan tea village");
    // Asking for another country gives nothing of it.
    const other = await mapAs(focalCookie, "?country=LA");
    expect(other.map.villages).toEqual([]);
    expect(other.map.sites).toEqual([]);
    expect(other.map.participants).toEqual([]);
  });

  it("a local lead sees their own project's village, and no host sites or participants", async () => {
    const { map } = await mapAs(leaderCookie);
    expect(map.villages.map((v) => v.name)).toEqual(["Ban Na"]);
    expect(map.sites).toEqual([]);
    expect(map.participants).toEqual([]);
  });

  it("the overview's filters apply to the map: component, status and country", async () => {
    expect((await mapAs(orgCookie, "?component=infrastructure")).map.villages.map((v) => v.name)).toEqual(["Ban Phonsavanh"]);
    expect((await mapAs(orgCookie, "?status=approved")).map.villages.map((v) => v.name)).toEqual(["Phum Trapeang Sla"]);
    const la = (await mapAs(orgCookie, "?country=LA")).map;
    expect(la.focus).toEqual(["LA"]);
    expect(la.villages.map((v) => v.name).sort()).toEqual(["Ban Na", "Ban Phonsavanh"]);
    expect(la.participants.map((p) => p.countryCode)).toEqual(["LA"]);
    expect(la.countries.filter((c) => c.focus).map((c) => c.code)).toEqual(["LA"]);
  });

  it("a person with no pilot gets 404", async () => {
    const nobody = await createUser();
    expect((await call(overview.loader, "/pilots", { cookie: await cookieFor(nobody.id) })).status).toBe(404);
  });
});

describe("coordinates inside the country's outline", () => {
  it("a point inside Laos's bounding box but in Thailand (Udon Thani) is refused next to the field; nothing written", async () => {
    const before = db().select().from(t.pilotVillages).all().length;
    const form = { name: "ບ້ານໃໝ່", countryCode: "LA", province: "Vientiane", latitude: "17.4138", longitude: "102.7872", languages: ["lo"] };
    const res = await call(newVillage.action, "/pilots/villages/new", { cookie: orgCookie, form });
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error.latitude).toEqual(["pilots.errors.outsideCountry"]);
    expect(body.initialValue).toMatchObject({ latitude: "17.4138", longitude: "102.7872" });
    expect(db().select().from(t.pilotVillages).all().length).toBe(before);
  });
});

describe("the dashboard's pilot strand", () => {
  it("counts villages and projects by status and component, late milestones, budget and values due", () => {
    const s = pilotStrand(organizer, NOW);
    expect(s.villages).toBe(3);
    expect(s.projects).toBe(3);
    const status = Object.fromEntries(s.byStatus.map((x) => [x.status, [x.villages, x.projects]]));
    expect(status).toEqual({ proposed: [0, 0], approved: [1, 1], in_progress: [1, 1], completed: [1, 1], suspended: [0, 0] });
    expect(s.byComponent.map((c) => [c.component, c.projects])).toEqual([
      ["infrastructure", 1],
      ["skills_training", 1],
      ["technology_upgrade", 1],
    ]);
    expect(s.lateMilestones).toBe(1);
    expect(s.late.map((p) => [p.id, p.late])).toEqual([[p1, 1]]);

    const lak = s.budget.find((b) => b.currency === "LAK")!;
    expect([lak.plannedMinor, lak.actualMinor, lak.used]).toEqual([1_000_000, 800_000, 0.8]);
    expect(lak.rate).toEqual({ rate: "21000", rateOn: "2027-01-10" });
    expect([lak.plannedUsdCents, lak.actualUsdCents]).toEqual([4762, 3810]); // 1,000,000 / 21,000 = 47.62 USD
    const khr = s.budget.find((b) => b.currency === "KHR")!;
    expect(khr.rate).toBeNull();
    expect(khr.plannedUsdCents).toBeNull();
    expect(s.usdTotal).toEqual({ plannedCents: 4762, actualCents: 3810, unconverted: ["KHR"] });

    // P3 was completed today (the audited step): its planned end (31 December 2025) plus 12 months
    // has passed, but the ex post rule counts from the completion date, so nothing ex post is due.
    const due = Object.fromEntries(s.due.map((d) => [d.id, d.stages]));
    expect(due).toEqual({ [p1]: ["periodic"], [p2]: ["baseline"], [p3]: ["final"] });
  });

  it("lists an ex post measure once the overview's ex post schedule (from the completion date) says it is due", () => {
    const completed = and(eq(t.auditEvents.entityType, "pilot_project"), eq(t.auditEvents.entityId, p3), eq(t.auditEvents.toState, "completed"));
    const stageOf = () => pilotStrand(organizer, NOW).due.find((d) => d.id === p3)?.stages;
    const overview = () =>
      listPilots(organizer, { country: null, component: null, status: null }, NOW)
        .flatMap((r) => r.projects)
        .find((p) => p.id === p3)!;
    // Completed on 1 June 2026 (village date): the 12-month measure falls on 1 June 2027, not yet due.
    db().update(t.auditEvents).set({ at: "2026-06-01T03:00:00.000Z" }).where(completed).run();
    expect(stageOf()).toEqual(["final"]);
    expect(overview().expost?.measures[0]).toMatchObject({ dueOn: "2027-06-01", state: "upcoming" });
    // Completed on 1 March 2026: 1 March 2027 has passed; the dashboard and the overview agree.
    db().update(t.auditEvents).set({ at: "2026-03-01T03:00:00.000Z" }).where(completed).run();
    expect(stageOf()).toEqual(["final", "ex_post_12"]);
    expect(overview().expost?.measures[0]).toMatchObject({ dueOn: "2027-03-01", state: "overdue" });
  });

  it("the organizer dashboard carries the strand; others get 404", async () => {
    const res = await call(dashboard.loader, "/admin/dashboard", { cookie: orgCookie });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.pilots.projects).toBe(3);
    expect((await call(dashboard.loader, "/admin/dashboard", { cookie: focalCookie })).status).toBe(404);
  });
});
