/**
 * Evaluation (docs/design.md "evaluation"): the indicator library, versioned survey templates, the
 * surveys an edition runs per stage (baseline, pulse, end of visit, follow-ups), the participants'
 * responses and action plans, personal survey links, plan adjustments and the reminder log.
 * Date-only values are `YYYY-MM-DD` text; instants are UTC ISO-8601 text.
 */
import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { users } from "./accounts";
import { applications, editions } from "./programme";

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`;

/** Per-language text: { en: "...", vi: "..." }; shown in the reader's language, English as fallback. */
export type LocalText = Record<string, string>;

export const INDICATOR_GROUPS = ["economic", "social", "environment", "learning"] as const;
export type IndicatorGroup = (typeof INDICATOR_GROUPS)[number];
export const INDICATOR_TYPES = ["number", "percentage", "yes_no", "scale", "single_choice", "multiple_choice"] as const;
export type IndicatorType = (typeof INDICATOR_TYPES)[number];
export const DIRECTIONS = ["higher_better", "lower_better"] as const;
export const DISAGGREGATIONS = ["country", "gender", "role", "host_site"] as const;
export type Disaggregation = (typeof DISAGGREGATIONS)[number];

/** A choice of a single/multiple choice question; `score` makes a single choice comparable. */
export type ChoiceOption = { value: string; label: LocalText; score?: number };

export const indicators = sqliteTable(
  "indicators",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    /** Stable code, e.g. "ECO-INCOME-SOURCES". */
    code: text("code").notNull(),
    name: text("name", { mode: "json" }).$type<LocalText>().notNull(),
    group: text("group", { enum: INDICATOR_GROUPS }).notNull(),
    type: text("type", { enum: INDICATOR_TYPES }).notNull(),
    unit: text("unit", { mode: "json" }).$type<LocalText>().notNull().default({}),
    options: text("options", { mode: "json" }).$type<ChoiceOption[]>().notNull().default([]),
    direction: text("direction", { enum: DIRECTIONS }).notNull().default("higher_better"),
    disaggregations: text("disaggregations", { mode: "json" }).$type<Disaggregation[]>().notNull().default([]),
    /** Shipped with the app (ensureStarterIndicators). */
    starter: integer("starter", { mode: "boolean" }).notNull().default(false),
    archivedAt: text("archived_at"),
    createdAt: text("created_at").notNull().default(now),
  },
  (t) => [uniqueIndex("indicators_code_unique").on(t.code)],
);

export const SURVEY_STAGES = ["baseline", "pulse", "end_of_visit", "follow_up"] as const;
export type SurveyStage = (typeof SURVEY_STAGES)[number];
export const QUESTION_TYPES = [...INDICATOR_TYPES, "text"] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

/** One question of a template version; `key` names the answer in responses. */
export type SurveyQuestion = {
  key: string;
  prompt: LocalText;
  type: QuestionType;
  indicatorId?: number | null;
  required?: boolean;
  unit?: LocalText;
  options?: ChoiceOption[];
  min?: number;
  max?: number;
};

/**
 * A survey template version. Versions of one template share `family`; a version that responses
 * use is never changed: editing it writes version n+1 and marks n superseded.
 */
export const surveyTemplates = sqliteTable(
  "survey_templates",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    family: text("family").notNull(),
    version: integer("version").notNull(),
    stage: text("stage", { enum: SURVEY_STAGES }).notNull(),
    title: text("title", { mode: "json" }).$type<LocalText>().notNull(),
    questions: text("questions", { mode: "json" }).$type<SurveyQuestion[]>().notNull().default([]),
    /**
     * Anonymous (issue 15 item 9): answers go to anonymous_responses, never linked to a person.
     * Shared by every version of the family; fixed once the family has answers.
     */
    anonymous: integer("anonymous", { mode: "boolean" }).notNull().default(false),
    createdBy: integer("created_by").references(() => users.id),
    createdAt: text("created_at").notNull().default(now),
    supersededAt: text("superseded_at"),
  },
  (t) => [uniqueIndex("survey_templates_family_version").on(t.family, t.version)],
);

/** A survey an edition runs: one per stage (and per follow-up month), answered with the template family's current version. */
export const editionSurveys = sqliteTable(
  "edition_surveys",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    editionId: integer("edition_id")
      .notNull()
      .references(() => editions.id, { onDelete: "cascade" }),
    stage: text("stage", { enum: SURVEY_STAGES }).notNull(),
    /** Months after departure for a follow-up; 0 otherwise. */
    monthsAfter: integer("months_after").notNull().default(0),
    templateFamily: text("template_family").notNull(),
    createdAt: text("created_at").notNull().default(now),
  },
  (t) => [uniqueIndex("edition_surveys_stage").on(t.editionId, t.stage, t.monthsAfter)],
);

export const RESPONSE_STATUSES = ["draft", "submitted"] as const;

export type AnswerValue = string | number | boolean | string[] | null;

/** One person's answer to one survey (for pulses: one per day, `period` = the day; '' otherwise). */
export const surveyResponses = sqliteTable(
  "survey_responses",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    surveyId: integer("survey_id")
      .notNull()
      .references(() => editionSurveys.id, { onDelete: "cascade" }),
    /** The template version answered; kept when the template changes later. */
    templateId: integer("template_id")
      .notNull()
      .references(() => surveyTemplates.id),
    applicationId: integer("application_id")
      .notNull()
      .references(() => applications.id),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    stage: text("stage", { enum: SURVEY_STAGES }).notNull(),
    period: text("period").notNull().default(""),
    status: text("status", { enum: RESPONSE_STATUSES }).notNull().default("draft"),
    answers: text("answers", { mode: "json" }).$type<Record<string, AnswerValue>>().notNull().default({}),
    language: text("language").notNull().default("en"),
    createdAt: text("created_at").notNull().default(now),
    updatedAt: text("updated_at").notNull().default(now),
    submittedAt: text("submitted_at"),
  },
  (t) => [uniqueIndex("survey_responses_once").on(t.surveyId, t.userId, t.stage, t.period), index("survey_responses_application").on(t.applicationId)],
);

/**
 * An answer to an anonymous survey (issue 15 item 9). No person, application, link or response
 * reference, and no instant: only the day it was given and the disaggregation attributes
 * (edition, country, gender, role). The id is random (not a sequence), so the row order cannot
 * be matched against the order of survey_answered rows.
 */
export const anonymousResponses = sqliteTable(
  "anonymous_responses",
  {
    id: integer("id").primaryKey(),
    surveyId: integer("survey_id")
      .notNull()
      .references(() => editionSurveys.id, { onDelete: "cascade" }),
    editionId: integer("edition_id")
      .notNull()
      .references(() => editions.id, { onDelete: "cascade" }),
    templateId: integer("template_id")
      .notNull()
      .references(() => surveyTemplates.id),
    stage: text("stage", { enum: SURVEY_STAGES }).notNull(),
    /** The local day for pulses, '' otherwise (as survey_responses.period). */
    period: text("period").notNull().default(""),
    /** ISO 3166-1 alpha-2 nationality of the respondent, '' when unknown. */
    country: text("country").notNull().default(""),
    gender: text("gender").notNull().default("undisclosed"),
    role: text("role").notNull().default("other"),
    answers: text("answers", { mode: "json" }).$type<Record<string, AnswerValue>>().notNull().default({}),
    /** Date-only (the respondent's local day), never an instant. */
    submittedOn: text("submitted_on").notNull(),
  },
  (t) => [index("anonymous_responses_survey").on(t.surveyId)],
);

/**
 * That a person has answered an anonymous survey (per period): so each answers once and reminders
 * and tracking know who has answered. Deliberately carries no time and no reference to the answer;
 * its id is random like anonymous_responses'.
 */
export const surveyAnswered = sqliteTable(
  "survey_answered",
  {
    id: integer("id").primaryKey(),
    surveyId: integer("survey_id")
      .notNull()
      .references(() => editionSurveys.id, { onDelete: "cascade" }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    period: text("period").notNull().default(""),
  },
  (t) => [uniqueIndex("survey_answered_once").on(t.surveyId, t.userId, t.period)],
);

/** An action a participant plans to apply at home (written in the end-of-visit survey). */
export const actionPlanItems = sqliteTable(
  "action_plan_items",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    responseId: integer("response_id")
      .notNull()
      .references(() => surveyResponses.id, { onDelete: "cascade" }),
    applicationId: integer("application_id")
      .notNull()
      .references(() => applications.id),
    position: integer("position").notNull(),
    action: text("action").notNull(),
    /** Date-only. */
    targetOn: text("target_on"),
    indicatorIds: text("indicator_ids", { mode: "json" }).$type<number[]>().notNull().default([]),
  },
  (t) => [uniqueIndex("action_plan_items_position").on(t.responseId, t.position)],
);

export const ACTION_PROGRESS = ["not_started", "in_progress", "done", "dropped"] as const;
export type ActionProgressStatus = (typeof ACTION_PROGRESS)[number];

/** Progress of one action as reported in one follow-up response. */
export const actionProgress = sqliteTable(
  "action_progress",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    actionId: integer("action_id")
      .notNull()
      .references(() => actionPlanItems.id, { onDelete: "cascade" }),
    responseId: integer("response_id")
      .notNull()
      .references(() => surveyResponses.id, { onDelete: "cascade" }),
    status: text("status", { enum: ACTION_PROGRESS }).notNull(),
    note: text("note").notNull().default(""),
  },
  (t) => [uniqueIndex("action_progress_once").on(t.actionId, t.responseId)],
);

/** A personal survey link (per person, survey and period); only a SHA-256 of the token is kept. */
export const surveyLinks = sqliteTable(
  "survey_links",
  {
    tokenHash: text("token_hash").primaryKey(),
    surveyId: integer("survey_id")
      .notNull()
      .references(() => editionSurveys.id, { onDelete: "cascade" }),
    applicationId: integer("application_id")
      .notNull()
      .references(() => applications.id),
    period: text("period").notNull().default(""),
    createdAt: text("created_at").notNull().default(now),
    expiresAt: text("expires_at").notNull(),
    /** Set when the response was submitted through the link: it works once. */
    usedAt: text("used_at"),
    /** Set when a newer link was sent for the same person and survey. */
    revokedAt: text("revoked_at"),
  },
  (t) => [index("survey_links_person").on(t.surveyId, t.applicationId)],
);

export const ADJUSTMENT_STATUSES = ["open", "done", "dropped"] as const;

/** Evidence a plan adjustment rests on. */
export type AdjustmentEvidence = { indicatorIds: number[]; responseIds: number[]; pulseDays: string[] };

/** A change to the plan made because of the evaluation's evidence, logged per edition. */
export const planAdjustments = sqliteTable(
  "plan_adjustments",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    editionId: integer("edition_id")
      .notNull()
      .references(() => editions.id, { onDelete: "cascade" }),
    what: text("what").notNull(),
    why: text("why").notNull(),
    evidence: text("evidence", { mode: "json" }).$type<AdjustmentEvidence>().notNull().default({ indicatorIds: [], responseIds: [], pulseDays: [] }),
    status: text("status", { enum: ADJUSTMENT_STATUSES }).notNull().default("open"),
    /** The open adjustment of an earlier edition this checklist item carries over. */
    carriedFromId: integer("carried_from_id"),
    createdBy: integer("created_by").references(() => users.id),
    createdAt: text("created_at").notNull().default(now),
    closedAt: text("closed_at"),
  },
  (t) => [index("plan_adjustments_edition").on(t.editionId), uniqueIndex("plan_adjustments_carry_once").on(t.editionId, t.carriedFromId)],
);

export const REMINDER_KINDS = ["opened", "closing"] as const;

/** Reminders already sent: the unique key makes the job send each one once, across restarts. */
export const remindersSent = sqliteTable(
  "reminders_sent",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    surveyId: integer("survey_id")
      .notNull()
      .references(() => editionSurveys.id, { onDelete: "cascade" }),
    stage: text("stage", { enum: SURVEY_STAGES }).notNull(),
    kind: text("kind", { enum: REMINDER_KINDS }).notNull(),
    outboxId: integer("outbox_id"),
    sentAt: text("sent_at").notNull().default(now),
  },
  (t) => [uniqueIndex("reminders_sent_once").on(t.userId, t.surveyId, t.stage, t.kind)],
);
