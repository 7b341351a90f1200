/**
 * Pilot programmes (issue 16), against a real SQLite file: villages and projects with their
 * audit, the status life cycle (only its steps, reason for a suspension, a repeated step changes
 * nothing), milestones and budget lines in the country's currency (minor units, digits checked),
 * conversion with a kept rate, proposals from action plans (both ways linked, once per item),
 * and scope: organizers edit, a focal point sees their country, a participant sees only their own
 * proposal, a host coordinator neither sees nor edits.
 */
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db, t } from "~/db.server";
import type { Actor } from "~/models/actor";
import { FieldErrors, NotFoundError, RuleError } from "~/models/errors";
import {
  addBudgetLine,
  addMilestone,
  changeProjectStatus,
  completeMilestone,
  createProject,
  createVillage,
  getProjectView,
  listMyActionItems,
  listPilots,
  listProposableItems,
  proposeFromAction,
  projectPage,
  recordActual,
  recordIndicatorValue,
  setExchangeRate,
  updateProject,
  updateVillage,
} from "~/models/pilots.server";
import { createUser } from "../support/factories";
import { actionPlan, LAO_VILLAGE, pastEdition } from "./pilots-fixtures";

const TODAY = new Date("2026-12-05T05:00:00Z"); // 5 December in Vientiane and Phnom Penh
const NO_FILTER = { country: null, component: null, status: null };
let organizer: Actor, focalLa: Actor, focalKh: Actor, host: Actor, noi: Actor, dara: Actor;
let villageId: number;
let projectId: number;
let noiItems: number[];
let daraItems: number[];

const audit = (entityType: string, entityId: number) =>
  db()
    .select()
    .from(t.auditEvents)
    .all()
    .filter((e) => e.entityType === entityType && e.entityId === entityId);
const project = (id: number) => db().select().from(t.pilotProjects).where(eq(t.pilotProjects.id, id)).get()!;

beforeAll(async () => {
  organizer = await createUser({ roles: [{ role: "organizer" }] });
  focalLa = await createUser({ roles: [{ role: "focal_point", countryCode: "LA" }] });
  focalKh = await createUser({ roles: [{ role: "focal_point", countryCode: "KH" }] });
  host = await createUser({ roles: [{ role: "host_coordinator" }] });
  noi = await createUser({ name: "Noi Phommachanh" });
  dara = await createUser({ name: "Dara Sok" });
  const ed = pastEdition();
  noiItems = actionPlan(ed, noi, "LA", ["Gravity-fed water supply for the upper hamlet", "Village savings group"]);
  daraItems = actionPlan(ed, dara, "KH", ["Chicken vaccination round with the commune vet"]);
  actionPlan(ed, await createUser(), "MM", ["A draft idea"], "draft");
});

describe("pilot villages", () => {
  it("an organizer creates and edits a village, audited; others get 404", () => {
    villageId = createVillage(organizer, LAO_VILLAGE);
    const v = db().select().from(t.pilotVillages).where(eq(t.pilotVillages.id, villageId)).get()!;
    expect(v).toMatchObject({ name: "ບ້ານໂພນສະຫວ່າງ", countryCode: "LA", timeZone: "Asia/Vientiane", households: 142, latitude: "19.4514" });
    updateVillage(organizer, villageId, { ...LAO_VILLAGE, households: 150 });
    expect(audit("pilot_village", villageId).map((e) => e.action)).toEqual(["create", "update"]);
    for (const who of [host, focalLa, noi]) {
      expect(() => createVillage(who, LAO_VILLAGE)).toThrow(NotFoundError);
      expect(() => updateVillage(who, villageId, LAO_VILLAGE)).toThrow(NotFoundError);
    }
  });
});

describe("pilot projects and their life cycle", () => {
  it("a project is created proposed, in the country's currency, audited", () => {
    projectId = createProject(organizer, {
      villageId,
      title: "Road to the upper hamlet",
      component: "infrastructure",
      objectives: "All-weather access for 60 households",
      startsOn: "2026-10-01",
      endsOn: "2027-06-30",
    });
    expect(project(projectId)).toMatchObject({ status: "proposed", currency: "LAK", organizerUserId: organizer.id });
    expect(audit("pilot_project", projectId)[0]).toMatchObject({ action: "create", toState: "proposed", actorUserId: organizer.id });
  });

  it("only the life cycle's steps exist; each is audited with from and to", () => {
    expect(() => changeProjectStatus(organizer, projectId, "completed")).toThrow(RuleError);
    changeProjectStatus(organizer, projectId, "approved");
    changeProjectStatus(organizer, projectId, "approved"); // repeated submit: nothing new
    changeProjectStatus(organizer, projectId, "in_progress");
    expect(() => changeProjectStatus(organizer, projectId, "suspended")).toThrow(FieldErrors);
    expect(project(projectId).status).toBe("in_progress");
    changeProjectStatus(organizer, projectId, "suspended", "Rainy season: the contractor stopped work");
    changeProjectStatus(organizer, projectId, "in_progress");
    const steps = audit("pilot_project", projectId)
      .filter((e) => e.action === "status")
      .map((e) => [e.fromState, e.toState, e.reason]);
    expect(steps).toEqual([
      ["proposed", "approved", null],
      ["approved", "in_progress", null],
      ["in_progress", "suspended", "Rainy season: the contractor stopped work"],
      ["suspended", "in_progress", null],
    ]);
  });

  it("a host coordinator, a focal point and a participant cannot edit a pilot (404)", () => {
    for (const who of [host, focalLa, noi]) {
      expect(() => changeProjectStatus(who, projectId, "completed")).toThrow(NotFoundError);
      expect(() => updateProject(who, projectId, { villageId, title: "x", component: "infrastructure", objectives: "x" })).toThrow(NotFoundError);
      expect(() => addMilestone(who, projectId, { title: "x", dueOn: "2026-12-01" })).toThrow(NotFoundError);
      expect(() => addBudgetLine(who, projectId, { period: "2026-11", item: "x", planned: "1" })).toThrow(NotFoundError);
    }
  });
});

/** The project is in progress here: its plan is agreed, so each change says why (plan adjustments). */
const WHY = "Survey after the rains showed a longer route";

describe("milestones and budget", () => {
  it("milestones: before the start refused, reached on a date not in the future, late counted", () => {
    expect(() => addMilestone(organizer, projectId, { title: "Survey", dueOn: "2026-09-01", why: WHY })).toThrow(FieldErrors);
    const survey = addMilestone(organizer, projectId, { title: "Route survey done", dueOn: "2026-10-15", why: WHY });
    addMilestone(organizer, projectId, { title: "Culverts laid", dueOn: "2026-11-30", why: WHY });
    addMilestone(organizer, projectId, { title: "Gravel surface", dueOn: "2027-03-31", why: WHY });
    expect(() => completeMilestone(organizer, projectId, survey, "2026-12-06", TODAY)).toThrow(FieldErrors);
    completeMilestone(organizer, projectId, survey, "2026-10-20", TODAY);
    expect(getProjectView(organizer, projectId, TODAY).progress).toEqual({ total: 3, done: 1, late: 1 });
  });

  it("amounts are kept in minor units with the currency's digits; bad amounts are field errors", () => {
    const line = addBudgetLine(organizer, projectId, { period: "2026-10", item: "Gravel and culverts", planned: "85,000,000", why: WHY });
    addBudgetLine(organizer, projectId, { period: "2026-11", item: "Labour", planned: "12000000", why: WHY });
    expect(() => addBudgetLine(organizer, projectId, { period: "2026-10", item: "Gravel and culverts", planned: "1", why: WHY })).toThrow(FieldErrors);
    // LAK has no minor digits: a fraction is refused, saying kip are whole.
    try {
      addBudgetLine(organizer, projectId, { period: "2026-12", item: "Tools", planned: "100.50", why: WHY });
      expect.unreachable();
    } catch (e) {
      expect((e as FieldErrors).fields.planned[0]).toMatch(/^pilots\.errors\.amountWhole\|/);
    }
    expect(() => recordActual(organizer, projectId, line, "-5")).toThrow(FieldErrors);
    recordActual(organizer, projectId, line, "83500000");
    const v = getProjectView(organizer, projectId, TODAY);
    expect(v.totals).toMatchObject({ plannedMinor: 97_000_000, actualMinor: 83_500_000 });
    expect(audit("pilot_project", projectId).find((e) => e.action === "budget_actual")).toMatchObject({ fromState: null, toState: "83500000" });
  });

  it("a Cambodian project takes whole riel (stored in sen) and refuses riel decimals; the USD rate is kept with its date", () => {
    const kh = createVillage(organizer, {
      ...LAO_VILLAGE,
      name: "ភូមិត្រពាំងស្វាយ",
      nameLatin: "Trapeang Svay",
      countryCode: "KH",
      province: "Takeo",
      latitude: "10.98",
      longitude: "104.78",
      languages: ["km"],
    });
    const p = createProject(organizer, { villageId: kh, title: "Chicken vaccination", component: "technology_upgrade", objectives: "Lower chick mortality" });
    expect(project(p).currency).toBe("KHR");
    // Riel are written without decimals in practice (app/domain/pilots/money.ts): a fraction is
    // refused as such, a whole amount is stored in sen (ISO 4217's 2 digits).
    try {
      addBudgetLine(organizer, p, { period: "2026-11", item: "Vaccines", planned: "4100000.50" });
      expect.unreachable();
    } catch (e) {
      expect((e as FieldErrors).fields.planned[0]).toBe('pilots.errors.amountWhole|{"digits":0,"currency":"KHR"}');
    }
    const line = addBudgetLine(organizer, p, { period: "2026-11", item: "Vaccines", planned: "4,100,000" });
    expect(db().select().from(t.pilotBudgetLines).where(eq(t.pilotBudgetLines.id, line)).get()!.plannedMinor).toBe(410_000_000);
    setExchangeRate(organizer, p, { rate: "4100", rateOn: "2026-11-01", source: "National Bank of Cambodia" });
    expect(getProjectView(organizer, p, TODAY).rate).toMatchObject({ currency: "KHR", rate: "4100", rateOn: "2026-11-01" });
    recordActual(organizer, p, line, "3,075,000");
    // The page writes riel whole (no ".00"), the share used as a percentage, dollars with cents.
    const budget = projectPage(organizer, p, "en", TODAY).budget;
    expect(budget).toMatchObject({ currency: "KHR", digits: 0, used: "75%", lines: [{ month: "November 2026", actualInput: "3075000" }] });
    expect(budget.planned).toMatch(/^KHR\s4,100,000$/);
    expect(budget.lines[0].actual).toMatch(/^KHR\s3,075,000$/);
    expect(budget.rate).toMatchObject({ planned: "$1,000.00", actual: "$750.00" });
    for (const lng of ["km", "lo", "my", "th"]) expect(projectPage(organizer, p, lng, TODAY).budget.planned, lng).not.toMatch(/[.,]\d\d(?!\d)/);
    // Moving it to a village in another currency is refused.
    expect(() => updateProject(organizer, p, { villageId, title: "Chicken vaccination", component: "technology_upgrade", objectives: "x" })).toThrow(
      FieldErrors,
    );
  });
});

describe("from action plan to pilot", () => {
  it("a participant sees their own submitted items only and proposes one; linked both ways", () => {
    expect(listMyActionItems(noi).map((i) => i.action)).toEqual(["Gravity-fed water supply for the upper hamlet", "Village savings group"]);
    const id = proposeFromAction(noi, noiItems[0], {
      title: "Water for the upper hamlet",
      component: "infrastructure",
      objectives: "Tap stands for 40 households",
      villageName: "Ban Phonsavanh",
      province: "xieng khouang",
    });
    // The known pilot village is reused (same country, province and name, any case).
    expect(project(id)).toMatchObject({ villageId, status: "proposed", localLeadUserId: noi.id, proposedByUserId: noi.id, actionPlanItemId: noiItems[0] });
    expect(listMyActionItems(noi)[0]).toMatchObject({ projectId: id, projectStatus: "proposed" });
    expect(getProjectView(noi, id, TODAY).origin).toMatchObject({ action: "Gravity-fed water supply for the upper hamlet", authorName: "Noi Phommachanh" });
    expect(() =>
      proposeFromAction(noi, noiItems[0], {
        title: "Again",
        component: "infrastructure",
        objectives: "x",
        villageName: "Ban Phonsavanh",
        province: "Xieng Khouang",
      }),
    ).toThrow(RuleError);
    expect(listProposableItems(organizer).map((i) => i.id)).not.toContain(noiItems[0]);
  });

  it("a participant cannot propose another's item nor see another's proposal", () => {
    expect(() =>
      proposeFromAction(noi, daraItems[0], { title: "x", component: "other", componentOther: "x", objectives: "x", villageName: "x", province: "x" }),
    ).toThrow(NotFoundError);
    const daras = proposeFromAction(dara, daraItems[0], {
      title: "Village vet round",
      component: "technology_upgrade",
      objectives: "Vaccinate 2,000 chickens",
      villageName: "Trapeang Svay",
      province: "Takeo",
    });
    expect(() => getProjectView(noi, daras, TODAY)).toThrow(NotFoundError);
    expect(listPilots(noi, NO_FILTER, TODAY).flatMap((r) => r.projects.map((p) => p.id))).not.toContain(daras);
    expect(project(daras).currency).toBe("KHR");
  });

  it("an organizer proposes from an item: its author becomes local lead, once only", () => {
    expect(listProposableItems(organizer).map((i) => i.action)).toEqual(["Village savings group"]);
    expect(() => listProposableItems(host)).toThrow(NotFoundError);
    const id = createProject(organizer, {
      villageId,
      title: "Savings group",
      component: "public_service",
      objectives: "A savings group of 25 members",
      actionPlanItemId: noiItems[1],
    });
    expect(project(id)).toMatchObject({ localLeadUserId: noi.id, actionPlanItemId: noiItems[1] });
    expect(() => createProject(organizer, { villageId, title: "Again", component: "public_service", objectives: "x", actionPlanItemId: noiItems[1] })).toThrow(
      RuleError,
    );
  });
});

describe("who sees which pilot", () => {
  it("organizer all, focal point their country, a host nothing (404)", () => {
    const all = listPilots(organizer, NO_FILTER, TODAY);
    expect(all.map((r) => r.village.countryCode).sort()).toEqual(["KH", "LA"]); // Dara's proposal reused Trapeang Svay (same Latin name)
    expect(listPilots(focalLa, NO_FILTER, TODAY).map((r) => r.village.countryCode)).toEqual(["LA"]);
    expect(listPilots(focalKh, NO_FILTER, TODAY).every((r) => r.village.countryCode === "KH")).toBe(true);
    expect(() => listPilots(host, NO_FILTER, TODAY)).toThrow(NotFoundError);
    expect(() => getProjectView(host, projectId, TODAY)).toThrow(NotFoundError);
    expect(() => getProjectView(focalKh, projectId, TODAY)).toThrow(NotFoundError);
    expect(getProjectView(focalLa, projectId, TODAY)).toMatchObject({ canEdit: false, nextSteps: [], trail: [] });
  });

  it("filters by country, component and status", () => {
    const inProgress = listPilots(organizer, { country: "LA", component: null, status: "in_progress" }, TODAY);
    expect(inProgress.flatMap((r) => r.projects.map((p) => p.title))).toEqual(["Road to the upper hamlet"]);
    const skills = listPilots(organizer, { country: null, component: "skills_training", status: null }, TODAY);
    expect(skills).toEqual([]);
  });
});

describe("monitoring with the indicator library", () => {
  const ind = (code: string) =>
    db()
      .select()
      .from(t.indicators)
      .all()
      .find((i) => i.code === code)!.id;

  it("baseline before the start, periodic values, change from baseline; bad values are field errors; audited", () => {
    const water = ind("ENV-CLEAN-WATER"); // percentage, higher is better
    expect(() => recordIndicatorValue(organizer, projectId, { indicatorId: water, stage: "baseline", measuredOn: "2026-10-05", value: 40 }, TODAY)).toThrow(
      FieldErrors,
    ); // after the start (2026-10-01)
    expect(() => recordIndicatorValue(organizer, projectId, { indicatorId: water, stage: "periodic", measuredOn: "2026-11-01", value: 140 }, TODAY)).toThrow(
      FieldErrors,
    );
    expect(() => recordIndicatorValue(organizer, projectId, { indicatorId: water, stage: "periodic", measuredOn: "2026-12-06", value: 50 }, TODAY)).toThrow(
      FieldErrors,
    ); // future
    expect(() => recordIndicatorValue(organizer, projectId, { indicatorId: water, stage: "ex_post", measuredOn: "2026-11-01", value: 50 }, TODAY)).toThrow(
      FieldErrors,
    ); // not completed
    expect(() =>
      recordIndicatorValue(organizer, projectId, { indicatorId: ind("ECO-INCOME-SOURCES"), stage: "periodic", measuredOn: "2026-11-01", value: 1 }, TODAY),
    ).toThrow(FieldErrors); // multiple choice
    expect(() => recordIndicatorValue(host, projectId, { indicatorId: water, stage: "periodic", measuredOn: "2026-11-01", value: 50 }, TODAY)).toThrow(
      NotFoundError,
    );
    recordIndicatorValue(organizer, projectId, { indicatorId: water, stage: "baseline", measuredOn: "2026-09-20", value: 38 }, TODAY);
    recordIndicatorValue(organizer, projectId, { indicatorId: water, stage: "periodic", measuredOn: "2026-11-01", value: 45 }, TODAY);
    recordIndicatorValue(organizer, projectId, { indicatorId: water, stage: "periodic", measuredOn: "2026-12-01", value: 52 }, TODAY);
    recordIndicatorValue(organizer, projectId, { indicatorId: water, stage: "periodic", measuredOn: "2026-12-01", value: 55, note: "Corrected count" }, TODAY);
    const row = getProjectView(organizer, projectId, TODAY).monitoring.find((r) => r.indicator.id === water)!;
    expect(row).toMatchObject({ baseline: { value: 38, on: "2026-09-20" }, periodic: { value: 55, on: "2026-12-01" }, final: null, change: 17 });
    const corrected = audit("pilot_project", projectId)
      .filter((e) => e.action === "indicator_value")
      .map((e) => [e.fromState, e.toState]);
    expect(corrected).toEqual([
      [null, "38"],
      [null, "45"],
      [null, "52"],
      ["52", "55"],
    ]);
    // A focal point of the country sees the values, without the form's choices.
    expect(getProjectView(focalLa, projectId, TODAY)).toMatchObject({ indicatorChoices: [] });
    expect(getProjectView(focalLa, projectId, TODAY).monitoring).toHaveLength(1);
  });
});
