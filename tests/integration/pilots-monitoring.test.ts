/**
 * Pilot monitoring (issue 16 item 3), real SQLite: monitoring visits (future date refused; the
 * local lead writes their own project's, not another's: 404; a focal point reads, cannot write;
 * edit by author or organizer; agreed actions ticked), plan adjustments (a change to an agreed
 * plan without a reason is 400 and writes nothing; with one it is logged with its evidence),
 * ex post measures (12 and 24 months after completion, overdue) and the CSV columns.
 */
import { eq } from "drizzle-orm";
import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { db, t } from "~/db.server";
import { expostSchedule } from "~/domain/pilots/expost";
import type { Actor } from "~/models/actor";
import { FieldErrors, NotFoundError } from "~/models/errors";
import {
  changeProjectStatus,
  createProject,
  createVillage,
  createVisit,
  getProjectView,
  listPilots,
  pilotReportCsv,
  setVisitActionDone,
  updateProject,
  updateVisit,
} from "~/models/pilots.server";
import * as projectPage from "~/routes/pilots.projects.$projectId._index";
import * as newVisit from "~/routes/pilots.projects.$projectId.visits.new";
import * as editVisit from "~/routes/pilots.projects.$projectId.visits.$visitId.edit";
import * as planPage from "~/routes/pilots.projects.$projectId.plan";
import * as editProject from "~/routes/pilots.projects.$projectId.edit";
import { call, cookieFor, createUser } from "../support/factories";
import { LAO_VILLAGE } from "./pilots-fixtures";

const TODAY = new Date("2026-12-05T05:00:00Z"); // 5 December in Vientiane
let organizer: Actor, focalLa: Actor, focalKh: Actor, noi: Actor, dara: Actor;
let orgCookie: string, noiCookie: string, daraCookie: string, focalCookie: string;
let roadId: number, waterId: number, villageId: number;

const visits = () => db().select().from(t.pilotMonitoringVisits).all();
const adjustments = (p: number) => db().select().from(t.pilotPlanAdjustments).where(eq(t.pilotPlanAdjustments.projectId, p)).all();
const visit = (over: Partial<Parameters<typeof createVisit>[2]> = {}) => ({
  visitedOn: "2026-12-01",
  visitors: "Noi (local lead), district engineer",
  findings: "Culverts laid on 2 of 3 crossings.",
  issues: "Rain washed out the third crossing.",
  actions: [{ action: "Order more gravel", owner: "Village committee", dueOn: "2026-12-20" }],
  ...over,
});
const base = {
  title: "Road to the upper hamlet",
  component: "infrastructure" as const,
  objectives: "All-weather access",
  startsOn: "2026-01-01",
  endsOn: "2026-12-31",
};

beforeAll(async () => {
  organizer = await createUser({ roles: [{ role: "organizer" }] });
  focalLa = await createUser({ roles: [{ role: "focal_point", countryCode: "LA" }] });
  focalKh = await createUser({ roles: [{ role: "focal_point", countryCode: "KH" }] });
  noi = await createUser({ name: "Noi" });
  dara = await createUser({ name: "Dara" });
  [orgCookie, noiCookie, daraCookie, focalCookie] = await Promise.all([organizer, noi, dara, focalLa].map((a) => cookieFor(a.id)));
  villageId = createVillage(organizer, LAO_VILLAGE);
  roadId = createProject(organizer, { villageId, ...base, localLeadEmail: noi.email });
  waterId = createProject(organizer, { villageId, ...base, title: "Water supply", localLeadEmail: dara.email });
  changeProjectStatus(organizer, roadId, "approved");
  changeProjectStatus(organizer, roadId, "in_progress");
});

describe("monitoring visits", () => {
  it("a visit dated after the village's today is refused (field error), nothing written", () => {
    try {
      createVisit(noi, roadId, visit({ visitedOn: "2026-12-06" }), TODAY);
      expect.unreachable();
    } catch (e) {
      expect((e as FieldErrors).fields.visitedOn).toEqual(["pilots.errors.future"]);
    }
    expect(visits()).toHaveLength(0);
  });

  it("the local lead records a visit of their own project, audited; listed newest first", () => {
    const a = createVisit(noi, roadId, visit({ visitedOn: "2026-11-02" }), TODAY);
    const b = createVisit(organizer, roadId, visit(), TODAY);
    const v = getProjectView(noi, roadId, TODAY);
    expect(v.visits.map((x) => x.id)).toEqual([b, a]);
    expect(v.visits[1].actions.map((x) => x.action)).toEqual(["Order more gravel"]);
    expect(v.canWriteVisits).toBe(true);
    expect(v.visits.find((x) => x.id === a)!.canEdit).toBe(true);
    expect(v.visits.find((x) => x.id === b)!.canEdit).toBe(false); // the organizer's report
    const trail = db().select().from(t.auditEvents).where(eq(t.auditEvents.entityId, roadId)).all();
    expect(trail.filter((e) => e.entityType === "pilot_project" && e.action === "visit_add")).toHaveLength(2);
  });

  it("the local lead of another project, a focal point and the reader of another country cannot write (404)", () => {
    expect(() => createVisit(dara, roadId, visit(), TODAY)).toThrow(NotFoundError);
    expect(() => createVisit(focalLa, roadId, visit(), TODAY)).toThrow(NotFoundError);
    expect(() => createVisit(focalKh, roadId, visit(), TODAY)).toThrow(NotFoundError);
    expect(getProjectView(focalLa, roadId, TODAY).canWriteVisits).toBe(false);
    expect(() => getProjectView(focalKh, roadId, TODAY)).toThrow(NotFoundError);
    const first = visits()[0];
    expect(() => updateVisit(focalLa, roadId, first.id, visit(), TODAY)).toThrow(NotFoundError);
    // Dara leads the water project: her visits there are fine.
    expect(createVisit(dara, waterId, visit(), TODAY)).toBeGreaterThan(0);
  });

  it("edits: author or organizer; agreed actions ticked done and reopened by the lead, audited", () => {
    const [mine, org] = visits().filter((v) => v.projectId === roadId);
    expect(() => updateVisit(noi, roadId, org.id, visit(), TODAY)).toThrow(NotFoundError);
    const stored = db().select().from(t.pilotVisitActions).where(eq(t.pilotVisitActions.visitId, mine.id)).all();
    updateVisit(
      noi,
      roadId,
      mine.id,
      visit({ findings: "Two crossings done", actions: [{ id: stored[0].id, action: "Order gravel", owner: "Committee", dueOn: "2026-12-22", done: false }] }),
      TODAY,
    );
    updateVisit(organizer, roadId, org.id, visit({ actions: [] }), TODAY); // removes its action
    expect(db().select().from(t.pilotVisitActions).where(eq(t.pilotVisitActions.visitId, org.id)).all()).toHaveLength(0);
    setVisitActionDone(noi, roadId, stored[0].id, true, TODAY);
    expect(db().select().from(t.pilotVisitActions).where(eq(t.pilotVisitActions.id, stored[0].id)).get()!.doneOn).toBe("2026-12-05");
    expect(() => setVisitActionDone(focalLa, roadId, stored[0].id, false, TODAY)).toThrow(NotFoundError);
    expect(() => setVisitActionDone(dara, waterId, stored[0].id, false, TODAY)).toThrow(NotFoundError); // not of her project
    setVisitActionDone(noi, roadId, stored[0].id, false, TODAY);
    const actions = db()
      .select()
      .from(t.auditEvents)
      .where(eq(t.auditEvents.entityId, roadId))
      .all()
      .map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(["visit_edit", "visit_action_done", "visit_action_reopen"]));
  });
});

describe("monitoring visit pages", () => {
  const url = (p: number) => `/pilots/projects/${p}/visits/new`;
  it("a future date and a half-filled action row: 400 with the typed values kept, nothing written", async () => {
    const before = visits().length;
    const r = await call(newVisit.action, url(roadId), {
      cookie: noiCookie,
      params: { projectId: String(roadId) },
      form: { visitedOn: "2099-01-01", visitors: "Noi", findings: "Fine", "actions[0].action": "Fix drain", "actions[0].owner": "" },
    });
    expect(r.status).toBe(400);
    const body = await r.json();
    expect(body.error["actions[0].owner"]).toEqual(["errors.required"]);
    expect(body.initialValue).toMatchObject({ visitors: "Noi", findings: "Fine" });
    expect(visits().length).toBe(before);
  });

  it("the lead posts a visit (blank action rows ignored); another project's lead and a focal point get 404", async () => {
    const before = visits().length;
    const ok = await call(newVisit.action, url(roadId), {
      cookie: noiCookie,
      params: { projectId: String(roadId) },
      form: {
        visitedOn: "2026-11-20",
        visitors: "Noi",
        findings: "Fine",
        "actions[0].action": "",
        "actions[1].action": "Fix drain",
        "actions[1].owner": "Noi",
        "actions[1].dueOn": "2026-12-30",
      },
    });
    expect(ok.status).toBe(302);
    expect(visits().length).toBe(before + 1);
    expect((await call(newVisit.loader, url(roadId), { cookie: daraCookie, params: { projectId: String(roadId) } })).status).toBe(404);
    expect((await call(newVisit.loader, url(roadId), { cookie: focalCookie, params: { projectId: String(roadId) } })).status).toBe(404);
    const post = await call(newVisit.action, url(roadId), {
      cookie: focalCookie,
      params: { projectId: String(roadId) },
      form: { visitedOn: "2026-11-20", visitors: "x", findings: "x" },
    });
    expect(post.status).toBe(404);
    const orgVisit = visits().find((v) => v.projectId === roadId && v.authorUserId === organizer.id)!;
    const edit = await call(editVisit.loader, "/", { cookie: noiCookie, params: { projectId: String(roadId), visitId: String(orgVisit.id) } });
    expect(edit.status).toBe(404);
    // The focal point reads the page, without the write links.
    const page = await (await call(projectPage.loader, `/pilots/projects/${roadId}`, { cookie: focalCookie, params: { projectId: String(roadId) } })).json();
    expect(page.canWriteVisits).toBe(false);
    expect(page.visitsHtml).toContain('id="visit-');
    expect(page.visitsHtml).not.toContain('name="intent" value="actionDone"');
    const tick = await call(projectPage.action, "/", {
      cookie: focalCookie,
      params: { projectId: String(roadId) },
      form: { intent: "actionDone", actionId: "1", done: "true" },
    });
    expect(tick.status).toBe(404);
  });
});

describe("plan adjustments", () => {
  it("a change to an agreed plan without a reason: field error, nothing written; with one it is logged with its evidence", () => {
    const v = visits().find((x) => x.projectId === roadId)!;
    const before = db().select().from(t.pilotProjects).where(eq(t.pilotProjects.id, roadId)).get()!;
    try {
      updateProject(organizer, roadId, { villageId, ...base, objectives: "All-weather access and drains" });
      expect.unreachable();
    } catch (e) {
      expect((e as FieldErrors).fields.why).toEqual(["pilots.errors.whyRequired"]);
    }
    expect(db().select().from(t.pilotProjects).where(eq(t.pilotProjects.id, roadId)).get()!.objectives).toBe(before.objectives);
    expect(adjustments(roadId)).toHaveLength(0);
    updateProject(organizer, roadId, {
      villageId,
      ...base,
      endsOn: "2027-03-31",
      why: "Rains delayed the culverts",
      evidenceVisitId: v.id,
      evidenceNote: "Photos",
    });
    const [a] = adjustments(roadId);
    expect(a.what).toEqual([{ kind: "dates", subject: "", from: "2026-01-01/2026-12-31", to: "2026-01-01/2027-03-31" }]);
    expect(a.evidence).toEqual({ visitIds: [v.id], indicatorValueIds: [], note: "Photos" });
    // A title change alone is not a plan change: no reason needed, no adjustment.
    updateProject(organizer, roadId, { villageId, ...base, endsOn: "2027-03-31", title: "Road to the upper hamlet (2.1 km)" });
    expect(adjustments(roadId)).toHaveLength(1);
    // Evidence from another project is refused.
    const other = visits().find((x) => x.projectId === waterId)!;
    expect(() => updateProject(organizer, roadId, { villageId, ...base, endsOn: "2027-04-30", why: "x", evidenceVisitId: other.id })).toThrow(FieldErrors);
  });

  it("a proposed project's plan is a draft: changes need no reason and are not adjustments", () => {
    updateProject(organizer, waterId, { villageId, ...base, title: "Water supply", objectives: "Six tap stands" });
    expect(adjustments(waterId)).toHaveLength(0);
  });

  it("the plan page moves and removes milestones and changes planned amounts in one adjustment; without a reason 400 and nothing written", async () => {
    const params = { projectId: String(roadId) };
    expect(
      (await call(projectPage.action, "/", { cookie: orgCookie, params, form: { intent: "milestone", title: "Culverts", dueOn: "2026-12-20" } })).status,
    ).toBe(400);
    expect(db().select().from(t.pilotMilestones).all()).toHaveLength(0);
    for (const [title, dueOn] of [
      ["Culverts", "2026-12-20"],
      ["Gravel", "2027-02-01"],
    ])
      expect(
        (await call(projectPage.action, "/", { cookie: orgCookie, params, form: { intent: "milestone", title, dueOn, why: "Design agreed" } })).status,
      ).toBe(302);
    expect(
      (
        await call(projectPage.action, "/", {
          cookie: orgCookie,
          params,
          form: { intent: "budget", period: "2026-12", item: "Gravel", planned: "1,000,000", why: "Quote" },
        })
      ).status,
    ).toBe(302);
    const [m1, m2] = db().select().from(t.pilotMilestones).all();
    const line = db().select().from(t.pilotBudgetLines).get()!;
    const form = {
      "milestones[0].id": String(m1.id),
      "milestones[0].dueOn": "2027-01-15",
      "milestones[1].id": String(m2.id),
      "milestones[1].dueOn": m2.dueOn,
      "milestones[1].remove": "on",
      "lines[0].id": String(line.id),
      "lines[0].planned": "1,250,000",
    };
    const n = adjustments(roadId).length;
    const bad = await call(planPage.action, "/", { cookie: orgCookie, params, form });
    expect(bad.status).toBe(400);
    const body = await bad.json();
    expect(body.error.why).toEqual(["pilots.errors.whyRequired"]);
    expect(body.initialValue["lines[0].planned"] ?? body.initialValue.lines[0].planned).toBe("1,250,000");
    expect(db().select().from(t.pilotMilestones).all()).toHaveLength(2);
    expect(adjustments(roadId)).toHaveLength(n);
    expect((await call(planPage.loader, "/", { cookie: focalCookie, params })).status).toBe(404);
    expect((await call(planPage.action, "/", { cookie: noiCookie, params, form: { ...form, why: "x" } })).status).toBe(404);
    const ok = await call(planPage.action, "/", { cookie: orgCookie, params, form: { ...form, why: "Monitoring visit found the third crossing washed out" } });
    expect(ok.status).toBe(302);
    expect(
      db()
        .select()
        .from(t.pilotMilestones)
        .all()
        .map((m) => m.dueOn),
    ).toEqual(["2027-01-15"]);
    expect(db().select().from(t.pilotBudgetLines).get()!.plannedMinor).toBe(1_250_000);
    const last = adjustments(roadId).at(-1)!;
    expect(last.what.map((c) => c.kind)).toEqual(["milestone_date", "milestone_remove", "budget_planned"]);
    const page = await (await call(projectPage.loader, "/", { cookie: focalCookie, params })).json();
    expect(page.adjustmentsHtml).toContain("Why: Monitoring visit found the third crossing washed out");
    // The edit form's page posts a plan change without a reason: 400, typed values kept.
    const edit = await call(editProject.action, "/", { cookie: orgCookie, params, form: { villageId: String(villageId), ...base, objectives: "Changed" } });
    expect(edit.status).toBe(400);
    expect((await edit.json()).initialValue.objectives).toBe("Changed");
  });
});

describe("ex post evaluation", () => {
  it("12 and 24 months after completion on the village's calendar; a value answers the nearer measure", () => {
    const s = expostSchedule("2025-01-31", [], "2026-02-05", "Asia/Vientiane");
    expect(s.map((m) => [m.months, m.dueOn, m.state])).toEqual([
      [12, "2026-01-31", "overdue"],
      [24, "2027-01-31", "upcoming"],
    ]);
    const done = expostSchedule("2025-01-31", ["2026-02-10"], "2027-01-10", "Asia/Vientiane");
    expect(done.map((m) => m.state)).toEqual(["done", "due"]);
  });

  it("a completed project shows its measures from the audited completion date; the overview and the CSV carry them", () => {
    changeProjectStatus(organizer, roadId, "completed");
    // Completed a year and a few days before "now": the 12-month measure is overdue.
    db().update(t.auditEvents).set({ at: "2025-11-28T20:00:00.000Z" }).where(eq(t.auditEvents.toState, "completed")).run(); // 29 Nov in Vientiane
    const v = getProjectView(organizer, roadId, TODAY);
    expect(v.expost).toMatchObject({
      completedOn: "2025-11-29",
      measures: [
        { months: 12, dueOn: "2026-11-29", state: "overdue" },
        { months: 24, dueOn: "2027-11-29" },
      ],
    });
    const row = listPilots(organizer, { country: null, component: null, status: null }, TODAY)[0].projects.find((p) => p.id === roadId)!;
    expect(row.expost?.measures[0].state).toBe("overdue");
    const csv = parse(pilotReportCsv(organizer, { country: null, component: null, status: null }, "en", TODAY), { columns: true, bom: true }) as Record<
      string,
      string
    >[];
    const r = csv.find((x) => x.project_id === String(roadId))!;
    expect(r).toMatchObject({ expost_12_due_on: "2026-11-29", expost_12_state: "overdue", completed_on: "2025-11-29" });
    expect(Number(r.monitoring_visits)).toBeGreaterThanOrEqual(3);
    expect(r.last_visit_on).toBe("2026-12-01");
    expect(Number(r.open_agreed_actions)).toBeGreaterThanOrEqual(1);
    expect(Number(r.plan_adjustments)).toBe(adjustments(roadId).length);
  });
});
