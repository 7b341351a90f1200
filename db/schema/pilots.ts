/**
 * Pilot programmes (DESIGN.md "pilot village / pilot project", issue 16): member villages where
 * the programme puts what was learned to work. A pilot village has pilot projects; a project has a
 * component, objectives, a status life cycle (app/domain/pilots/lifecycle.ts), dated milestones,
 * budget lines with planned and actual spending per month in the country's currency, and may come
 * from a participant's action plan item (the link is kept on the project; the plan item finds its
 * project through the unique index).
 *
 * Amounts are integers in the currency's minor units (Intl's digits for the ISO 4217 code, so
 * 1 LAK = 1, 1 THB = 100, 1 KHR = 100 although riel are shown and typed whole: see
 * app/domain/pilots/money.ts). Conversion happens only for reports, with a stored exchange rate and
 * the date it was quoted. Date-only values are `YYYY-MM-DD` text, months `YYYY-MM`; instants are
 * UTC ISO-8601 text.
 */
import { sql } from "drizzle-orm";
import { index, integer, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { users } from "./accounts";
import { actionPlanItems, indicators } from "./evaluation";
import { PILOT_COMPONENTS, PILOT_STAGES, PILOT_STATUSES } from "../../app/domain/pilots/vocabulary";

// The word lists live in app/domain/pilots/vocabulary.ts (pages import them from there, without
// drizzle); re-exported for the modules that already read them here.
export { PILOT_COMPONENTS, PILOT_STAGES, PILOT_STATUSES, type PilotComponent, type PilotStage, type PilotStatus } from "../../app/domain/pilots/vocabulary";

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`;

export const pilotVillages = sqliteTable(
  "pilot_villages",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    /** The village's name as written locally (any script). */
    name: text("name").notNull(),
    nameLatin: text("name_latin").notNull().default(""),
    countryCode: text("country_code").notNull(),
    province: text("province").notNull(),
    district: text("district").notNull().default(""),
    /** Decimal degrees as typed (text keeps the digits); both set or both null. */
    latitude: text("latitude"),
    longitude: text("longitude"),
    households: integer("households"),
    population: integer("population"),
    /** Language codes spoken in the village (app/domain/vocabulary LANGUAGES). */
    languages: text("languages", { mode: "json" }).$type<string[]>().notNull().default([]),
    /** IANA zone of the village (defaults from the country). */
    timeZone: text("time_zone").notNull(),
    localPartner: text("local_partner").notNull().default(""),
    createdAt: text("created_at").notNull().default(now),
    updatedAt: text("updated_at").notNull().default(now),
  },
  (t) => [index("pilot_villages_country").on(t.countryCode)],
);

export const pilotProjects = sqliteTable(
  "pilot_projects",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    villageId: integer("village_id")
      .notNull()
      .references(() => pilotVillages.id),
    title: text("title").notNull(),
    component: text("component", { enum: PILOT_COMPONENTS }).notNull(),
    /** What "other" means for this project (empty for the named components). */
    componentOther: text("component_other").notNull().default(""),
    objectives: text("objectives").notNull().default(""),
    status: text("status", { enum: PILOT_STATUSES }).notNull().default("proposed"),
    /** ISO 4217 code of the village's country at creation; every amount of the project is in it. */
    currency: text("currency").notNull(),
    /** Date-only plan of the whole project (optional while proposed). */
    startsOn: text("starts_on"),
    endsOn: text("ends_on"),
    /** The local lead: an account (often an exchange alumnus) and/or a name. */
    localLeadUserId: integer("local_lead_user_id").references(() => users.id, { onDelete: "set null" }),
    localLeadName: text("local_lead_name").notNull().default(""),
    /** The organizer responsible. */
    organizerUserId: integer("organizer_user_id").references(() => users.id, { onDelete: "set null" }),
    /** The action plan item this project was proposed from (one project per item). */
    actionPlanItemId: integer("action_plan_item_id").references(() => actionPlanItems.id, { onDelete: "set null" }),
    proposedByUserId: integer("proposed_by_user_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: text("created_at").notNull().default(now),
    updatedAt: text("updated_at").notNull().default(now),
  },
  (t) => [
    index("pilot_projects_village").on(t.villageId),
    uniqueIndex("pilot_projects_action_item").on(t.actionPlanItemId),
    index("pilot_projects_lead").on(t.localLeadUserId),
  ],
);

export const pilotMilestones = sqliteTable(
  "pilot_milestones",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    projectId: integer("project_id")
      .notNull()
      .references(() => pilotProjects.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    /** Date-only: when it is planned to be reached. */
    dueOn: text("due_on").notNull(),
    /** Date-only: when it was reached (null while open). */
    doneOn: text("done_on"),
    createdAt: text("created_at").notNull().default(now),
  },
  (t) => [index("pilot_milestones_project").on(t.projectId, t.dueOn)],
);

/** One budget line of one month: planned and actual spending in the project's currency (minor units). */
export const pilotBudgetLines = sqliteTable(
  "pilot_budget_lines",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    projectId: integer("project_id")
      .notNull()
      .references(() => pilotProjects.id, { onDelete: "cascade" }),
    /** `YYYY-MM`. */
    period: text("period").notNull(),
    item: text("item").notNull(),
    plannedMinor: integer("planned_minor").notNull(),
    /** Null until spending is reported for the period. */
    actualMinor: integer("actual_minor"),
    createdAt: text("created_at").notNull().default(now),
  },
  (t) => [uniqueIndex("pilot_budget_lines_once").on(t.projectId, t.period, t.item)],
);

/**
 * Exchange rates for reports only: `rate` units of `currency` per 1 US dollar (decimal text, as
 * quoted), valid from `rateOn`; a report shows the rate and its date next to every converted sum.
 */
export const pilotExchangeRates = sqliteTable(
  "pilot_exchange_rates",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    currency: text("currency").notNull(),
    rate: text("rate").notNull(),
    rateOn: text("rate_on").notNull(),
    source: text("source").notNull().default(""),
    createdBy: integer("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: text("created_at").notNull().default(now),
  },
  (t) => [uniqueIndex("pilot_exchange_rates_once").on(t.currency, t.rateOn)],
);

/** One measured value of an indicator of the shared library for a project, at a stage and a date. */
export const pilotIndicatorValues = sqliteTable(
  "pilot_indicator_values",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    projectId: integer("project_id")
      .notNull()
      .references(() => pilotProjects.id, { onDelete: "cascade" }),
    indicatorId: integer("indicator_id")
      .notNull()
      .references(() => indicators.id),
    stage: text("stage", { enum: PILOT_STAGES }).notNull(),
    /** Date-only: when it was measured. */
    measuredOn: text("measured_on").notNull(),
    /** The value in the indicator's unit (yes/no as 1/0). */
    value: real("value").notNull(),
    note: text("note").notNull().default(""),
    recordedBy: integer("recorded_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: text("created_at").notNull().default(now),
  },
  (t) => [uniqueIndex("pilot_indicator_values_once").on(t.projectId, t.indicatorId, t.stage, t.measuredOn)],
);

/**
 * A monitoring visit to a pilot project (issue 16 item 3): the dated report of who went to the
 * village, what they found, the issues and the actions agreed there (pilotVisitActions). Written
 * by an organizer or the project's local lead; editable by its author or an organizer.
 * Photos and other files are documents attached by the documents module to the entity
 * ("pilot_monitoring_visit", id): no file column here on purpose.
 */
export const pilotMonitoringVisits = sqliteTable(
  "pilot_monitoring_visits",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    projectId: integer("project_id")
      .notNull()
      .references(() => pilotProjects.id, { onDelete: "cascade" }),
    /** Date-only, in the village's time zone; never after the village's today when written. */
    visitedOn: text("visited_on").notNull(),
    /** Who visited (names and roles, as written). */
    visitors: text("visitors").notNull(),
    findings: text("findings").notNull(),
    issues: text("issues").notNull().default(""),
    authorUserId: integer("author_user_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: text("created_at").notNull().default(now),
    updatedAt: text("updated_at").notNull().default(now),
  },
  (t) => [index("pilot_monitoring_visits_project").on(t.projectId, t.visitedOn)],
);

/** An action agreed at a monitoring visit: what, who owns it, by when; ticked done later. */
export const pilotVisitActions = sqliteTable(
  "pilot_visit_actions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    visitId: integer("visit_id")
      .notNull()
      .references(() => pilotMonitoringVisits.id, { onDelete: "cascade" }),
    position: integer("position").notNull().default(0),
    action: text("action").notNull(),
    owner: text("owner").notNull(),
    /** Date-only. */
    dueOn: text("due_on").notNull(),
    /** Date-only, village time: when it was ticked done (null while open). */
    doneOn: text("done_on"),
    createdAt: text("created_at").notNull().default(now),
  },
  (t) => [index("pilot_visit_actions_visit").on(t.visitId, t.position)],
);

/** One change of a project's plan inside a plan adjustment (what it was, what it became). */
export type PilotPlanChange = {
  kind: "objectives" | "dates" | "milestone_add" | "milestone_date" | "milestone_remove" | "budget_add" | "budget_planned";
  /** The milestone's or budget line's title/item; empty for objectives and dates. */
  subject: string;
  from: string | null;
  to: string | null;
};

/** Evidence a pilot plan adjustment rests on (the evaluation's AdjustmentEvidence, for a project). */
export type PilotAdjustmentEvidence = { visitIds: number[]; indicatorValueIds: number[]; note: string };

/**
 * A plan adjustment of a pilot project (the evaluation's "plan adjustment", for a project): the
 * changes to its agreed plan (milestones, planned budget, objectives, dates) made in one step,
 * why, and the evidence. Written in the same transaction as the change, once the plan is agreed
 * (from "approved" on); changes while a project is only proposed are drafting, not adjustments.
 */
export const pilotPlanAdjustments = sqliteTable(
  "pilot_plan_adjustments",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    projectId: integer("project_id")
      .notNull()
      .references(() => pilotProjects.id, { onDelete: "cascade" }),
    what: text("what", { mode: "json" }).$type<PilotPlanChange[]>().notNull(),
    why: text("why").notNull(),
    evidence: text("evidence", { mode: "json" }).$type<PilotAdjustmentEvidence>().notNull().default({ visitIds: [], indicatorValueIds: [], note: "" }),
    createdBy: integer("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: text("created_at").notNull().default(now),
  },
  (t) => [index("pilot_plan_adjustments_project").on(t.projectId, t.createdAt)],
);
