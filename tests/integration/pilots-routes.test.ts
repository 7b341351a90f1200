/**
 * Pilot pages through their loaders and actions (real SQLite): bad input answers 400 with the
 * typed values kept and nothing written; out-of-scope pages and actions answer 404; good input
 * redirects and is stored.
 */
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db, t } from "~/db.server";
import type { Actor } from "~/models/actor";
import { createProject, createVillage } from "~/models/pilots.server";
import * as overview from "~/routes/pilots._index";
import * as newVillage from "~/routes/pilots.villages.new";
import * as projectPage from "~/routes/pilots.projects.$projectId._index";
import * as myPilots from "~/routes/me_.pilots._index";
import * as propose from "~/routes/me_.pilots.propose.$itemId";
import * as csvRoute from "~/routes/pilots[.]csv";
import { parse } from "csv-parse/sync";
import { call, cookieFor, createUser } from "../support/factories";
import { actionPlan, LAO_VILLAGE, pastEdition } from "./pilots-fixtures";

let organizer: Actor, host: Actor, noi: Actor, dara: Actor;
let orgCookie: string, hostCookie: string, noiCookie: string, daraCookie: string;
let projectId: number;
let noiItem: number, daraItem: number;

const villageForm = (over: Record<string, string | string[]> = {}) => ({
  name: "ບ້ານນາໄຊ",
  nameLatin: "Ban Naxay",
  countryCode: "LA",
  province: "Luang Prabang",
  latitude: "19.88",
  longitude: "102.13",
  households: "96",
  population: "510",
  languages: ["lo"],
  ...over,
});
const villages = () => db().select().from(t.pilotVillages).all().length;

beforeAll(async () => {
  organizer = await createUser({ roles: [{ role: "organizer" }] });
  host = await createUser({ roles: [{ role: "host_coordinator" }] });
  noi = await createUser({ name: "Noi" });
  dara = await createUser({ name: "Dara" });
  [orgCookie, hostCookie, noiCookie, daraCookie] = await Promise.all([organizer, host, noi, dara].map((a) => cookieFor(a.id)));
  const v = createVillage(organizer, LAO_VILLAGE);
  projectId = createProject(organizer, {
    villageId: v,
    title: "Road to the upper hamlet",
    component: "infrastructure",
    objectives: "All-weather access",
    startsOn: "2026-01-01",
  });
  const ed = pastEdition();
  [noiItem] = actionPlan(ed, noi, "LA", ["Water supply"]);
  [daraItem] = actionPlan(ed, dara, "KH", ["Chicken vaccination"]);
});

describe("pilot village form", () => {
  it("coordinates outside the country: 400, values kept, nothing written", async () => {
    const before = villages();
    const res = await call(newVillage.action, "/pilots/villages/new", { cookie: orgCookie, form: villageForm({ latitude: "102.13", longitude: "19.88" }) });
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error.latitude).toBeDefined();
    expect(body.initialValue).toMatchObject({ name: "ບ້ານນາໄຊ", latitude: "102.13" });
    expect(villages()).toBe(before);
  });

  it("a good village redirects and is stored; a host gets 404", async () => {
    const res = await call(newVillage.action, "/pilots/villages/new", { cookie: orgCookie, form: villageForm() });
    expect(res.status).toBe(302);
    expect(
      db()
        .select()
        .from(t.pilotVillages)
        .all()
        .some((v) => v.nameLatin === "Ban Naxay"),
    ).toBe(true);
    expect((await call(newVillage.loader, "/pilots/villages/new", { cookie: hostCookie })).status).toBe(404);
    expect((await call(newVillage.action, "/pilots/villages/new", { cookie: hostCookie, form: villageForm() })).status).toBe(404);
  });
});

describe("project page", () => {
  const url = () => `/pilots/projects/${projectId}`;
  const params = () => ({ projectId: String(projectId) });

  it("a host coordinator and an unrelated participant get 404 for the page and its actions", async () => {
    for (const cookie of [hostCookie, noiCookie]) {
      expect((await call(projectPage.loader, url(), { cookie, params: params() })).status).toBe(404);
      expect((await call(projectPage.action, url(), { cookie, params: params(), form: { intent: "status", to: "approved" } })).status).toBe(404);
    }
    expect((await call(overview.loader, "/pilots", { cookie: hostCookie })).status).toBe(404);
    expect((await call(projectPage.loader, "/pilots/projects/abc", { cookie: orgCookie, params: { projectId: "abc" } })).status).toBe(404);
  });

  it("status steps: a step that does not exist is 409, suspending without reason 400, a good step redirects", async () => {
    expect((await call(projectPage.action, url(), { cookie: orgCookie, params: params(), form: { intent: "status", to: "completed" } })).status).toBe(409);
    expect((await call(projectPage.action, url(), { cookie: orgCookie, params: params(), form: { intent: "status", to: "approved" } })).status).toBe(302);
    const r = await call(projectPage.action, url(), { cookie: orgCookie, params: params(), form: { intent: "status", to: "suspended", reason: "" } });
    expect(r.status).toBe(400);
    expect((await r.json()).error.reason).toEqual(["pilots.errors.reasonRequired"]);
    expect(db().select().from(t.pilotProjects).where(eq(t.pilotProjects.id, projectId)).get()!.status).toBe("approved");
  });

  it("budget: a bad amount is 400 with the typed value kept; a good line is stored in minor units", async () => {
    const bad = await call(projectPage.action, url(), {
      cookie: orgCookie,
      params: params(),
      form: { intent: "budget", period: "2026-13", item: "Gravel", planned: "12,5x" },
    });
    expect(bad.status).toBe(400);
    const body = await bad.json();
    expect(Object.keys(body.error).sort()).toEqual(["period", "planned"]);
    expect(body.initialValue).toMatchObject({ item: "Gravel", planned: "12,5x" });
    const ok = await call(projectPage.action, url(), {
      cookie: orgCookie,
      params: params(),
      form: { intent: "budget", period: "2026-03", item: "Gravel", planned: "12,500,000", why: "Quote from the district" },
    });
    expect(ok.status).toBe(302);
    expect(
      db()
        .select()
        .from(t.pilotBudgetLines)
        .all()
        .map((l) => l.plannedMinor),
    ).toEqual([12_500_000]);
    const page = await (await call(projectPage.loader, url(), { cookie: orgCookie, params: params() })).json();
    expect(page.totals.plannedMinor).toBe(12_500_000);
  });

  it("indicator values: an out-of-range percentage is 400 with the typed value kept, nothing written", async () => {
    const water = db()
      .select()
      .from(t.indicators)
      .all()
      .find((i) => i.code === "ENV-CLEAN-WATER")!.id;
    const form = { intent: "indicator", indicatorId: String(water), stage: "periodic", measuredOn: "2026-02-01", value: "120", note: "Tap count" };
    const r = await call(projectPage.action, url(), { cookie: orgCookie, params: params(), form });
    expect(r.status).toBe(400);
    const body = await r.json();
    expect(body.error.value).toEqual(["pilots.errors.value_percentage"]);
    expect(body.initialValue).toMatchObject({ value: "120", note: "Tap count" });
    expect(db().select().from(t.pilotIndicatorValues).all()).toHaveLength(0);
    expect((await call(projectPage.action, url(), { cookie: orgCookie, params: params(), form: { ...form, value: "62.5" } })).status).toBe(302);
    expect(
      db()
        .select()
        .from(t.pilotIndicatorValues)
        .all()
        .map((v) => v.value),
    ).toEqual([62.5]);
  });

  it("milestones: a date before the start is 400", async () => {
    const r = await call(projectPage.action, url(), {
      cookie: orgCookie,
      params: params(),
      form: { intent: "milestone", title: "Survey", dueOn: "2025-12-01" },
    });
    expect(r.status).toBe(400);
    expect((await r.json()).error.dueOn).toEqual(["pilots.errors.beforeStart"]);
  });
});

describe("participant proposals", () => {
  it("lists only one's own items; proposing another's item is 404", async () => {
    const mine = await (await call(myPilots.loader, "/me/pilots", { cookie: noiCookie })).json();
    expect(mine.items.map((i: { action: string }) => i.action)).toEqual(["Water supply"]);
    expect((await call(propose.loader, `/me/pilots/propose/${daraItem}`, { cookie: noiCookie, params: { itemId: String(daraItem) } })).status).toBe(404);
    expect(
      (
        await call(propose.action, `/me/pilots/propose/${daraItem}`, {
          cookie: noiCookie,
          params: { itemId: String(daraItem) },
          form: { title: "x", component: "infrastructure", objectives: "x", villageName: "x", province: "x" },
        })
      ).status,
    ).toBe(404);
  });

  it("a proposal with a missing field is 400; a good one redirects and the proposer sees it, the other participant does not", async () => {
    const p = { itemId: String(noiItem) };
    const bad = await call(propose.action, `/me/pilots/propose/${noiItem}`, {
      cookie: noiCookie,
      params: p,
      form: { title: "Water for the upper hamlet", component: "infrastructure", objectives: "", villageName: "Ban Phonsavanh", province: "Xieng Khouang" },
    });
    expect(bad.status).toBe(400);
    expect((await bad.json()).initialValue.title).toBe("Water for the upper hamlet");
    const ok = await call(propose.action, `/me/pilots/propose/${noiItem}`, {
      cookie: noiCookie,
      params: p,
      form: {
        title: "Water for the upper hamlet",
        component: "infrastructure",
        objectives: "Tap stands",
        villageName: "Ban Phonsavanh",
        province: "Xieng Khouang",
      },
    });
    expect(ok.status).toBe(302);
    const id = db().select().from(t.pilotProjects).where(eq(t.pilotProjects.actionPlanItemId, noiItem)).get()!.id;
    expect((await call(projectPage.loader, `/pilots/projects/${id}`, { cookie: noiCookie, params: { projectId: String(id) } })).status).toBe(200);
    expect((await call(projectPage.loader, `/pilots/projects/${id}`, { cookie: daraCookie, params: { projectId: String(id) } })).status).toBe(404);
    const list = await (await call(overview.loader, "/pilots", { cookie: noiCookie })).json();
    expect(list.rows.flatMap((r: { projects: { id: number }[] }) => r.projects.map((x) => x.id))).toEqual([id]);
  });
});

describe("pilot report CSV", () => {
  it("organizer: BOM, one row per project with amounts, rate and USD; formulas neutralised; scope and filters apply", async () => {
    const fv = createVillage(organizer, { ...LAO_VILLAGE, name: "Formula village" });
    createProject(organizer, { villageId: fv, title: "=HYPERLINK(1)", component: "other", componentOther: "+SUM(A1)", objectives: "x" });
    const res = await call(csvRoute.loader, "/pilots.csv?country=LA", { cookie: orgCookie });
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toContain("text/csv");
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // UTF-8 BOM for Excel
    const text = new TextDecoder().decode(bytes); // drops the BOM
    const rows = parse(text, { columns: true }) as Record<string, string>[];
    const road = rows.find((r) => r.project === "Road to the upper hamlet")!;
    expect(road).toMatchObject({ country: "LA", currency: "LAK", planned: "12500000", status: "approved", usd_rate: "" });
    expect(rows.every((r) => r.country === "LA")).toBe(true);
    expect(rows.find((r) => r.project === "'=HYPERLINK(1)")).toMatchObject({ component_other: "'+SUM(A1)" });
    expect((await call(csvRoute.loader, "/pilots.csv", { cookie: hostCookie })).status).toBe(404);
    // The proposer sees only their own project.
    const mine = parse(await (await call(csvRoute.loader, "/pilots.csv", { cookie: noiCookie })).text(), { columns: true }) as Record<string, string>[];
    expect(mine.map((r) => r.project)).toEqual(["Water for the upper hamlet"]);
  });
});
