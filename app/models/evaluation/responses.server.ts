/**
 * Answering a survey: the participant's view of one survey (window, their saved answers, their
 * action plan) and saving a partial or final answer. One response per person, survey, stage and
 * period (unique index); a second submit of a submitted response changes nothing.
 */
import { and, asc, desc, eq, inArray } from "drizzle-orm";
import { db as defaultDb, immediate, t, type Db } from "../../db.server";
import { ACTION_PROGRESS, type ActionProgressStatus, type AnswerValue } from "../../../db/schema/evaluation";
import { readAnswers, type RawAnswers } from "../../domain/evaluation/answers";
import { periodFor } from "../../domain/evaluation/timing";
import { addDays, isIsoDate } from "../../domain/dates";
import { FieldErrors, RuleError } from "../errors";
import { getEditionSurvey, stayOf, surveyTiming, type Stay } from "./surveys.server";
import { currentTemplate, getTemplate } from "./templates.server";
import { hasAnswered, writeAnonymousAnswer } from "./anonymous.server";

export const MAX_ACTIONS = 5;
const ACTION_MAX = 500;
const NOTE_MAX = 1000;

export type PlanItem = { id: number; position: number; action: string; targetOn: string | null; indicatorIds: number[] };

/** Everything the survey page needs for one participant (no scope check: callers pass a checked application). */
export function surveyContext(surveyId: number, applicationId: number, now: Date, opts: { period?: string } = {}, tx: Db = defaultDb()) {
  const survey = getEditionSurvey(surveyId, tx);
  const stay: Stay = stayOf(survey.editionId, applicationId, tx);
  const timing = surveyTiming(survey, stay, now);
  const period = opts.period ?? periodFor(survey.stage, timing.today);
  // A pulse link for another day than today is past (or not yet) its day.
  const state = survey.stage === "pulse" && period !== timing.today ? (period < timing.today ? "closed" : "not_open") : timing.state;
  const current = currentTemplate(survey.templateFamily, tx);
  if (current.anonymous) {
    // Anonymous: no draft, plan or progress is kept for the person; only whether they answered.
    const answered = hasAnswered(tx, surveyId, stay.userId, period);
    return { survey, stay, ...timing, state, period, response: null, template: current, plan: [], progress: [], anonymous: true, answered };
  }
  const response =
    tx
      .select()
      .from(t.surveyResponses)
      .where(
        and(
          eq(t.surveyResponses.surveyId, surveyId),
          eq(t.surveyResponses.userId, stay.userId),
          eq(t.surveyResponses.stage, survey.stage),
          eq(t.surveyResponses.period, period),
        ),
      )
      .get() ?? null;
  const template = response ? getTemplate(response.templateId, tx) : current;
  const plan =
    survey.stage === "end_of_visit" && response
      ? planItems(tx, [response.id])
      : survey.stage === "follow_up"
        ? planOf(tx, survey.editionId, applicationId)
        : [];
  const progress = survey.stage === "follow_up" && response ? tx.select().from(t.actionProgress).where(eq(t.actionProgress.responseId, response.id)).all() : [];
  return { survey, stay, ...timing, state, period, response, template, plan, progress, anonymous: false, answered: response?.status === "submitted" };
}
export type SurveyContext = ReturnType<typeof surveyContext>;

function planItems(tx: Db, responseIds: number[]): PlanItem[] {
  if (!responseIds.length) return [];
  return tx
    .select({
      id: t.actionPlanItems.id,
      position: t.actionPlanItems.position,
      action: t.actionPlanItems.action,
      targetOn: t.actionPlanItems.targetOn,
      indicatorIds: t.actionPlanItems.indicatorIds,
    })
    .from(t.actionPlanItems)
    .where(inArray(t.actionPlanItems.responseId, responseIds))
    .orderBy(asc(t.actionPlanItems.position))
    .all();
}

/** The participant's action plan: the items of their submitted end-of-visit response. */
export function planOf(tx: Db, editionId: number, applicationId: number): PlanItem[] {
  const end = tx
    .select({ id: t.surveyResponses.id })
    .from(t.surveyResponses)
    .innerJoin(t.editionSurveys, eq(t.editionSurveys.id, t.surveyResponses.surveyId))
    .where(
      and(
        eq(t.editionSurveys.editionId, editionId),
        eq(t.surveyResponses.applicationId, applicationId),
        eq(t.surveyResponses.stage, "end_of_visit"),
        eq(t.surveyResponses.status, "submitted"),
      ),
    )
    .orderBy(desc(t.surveyResponses.id))
    .get();
  return end ? planItems(tx, [end.id]) : [];
}

export type RawForm = Record<string, string | string[]>;
type PlanRow = { position: number; action: string; targetOn: string | null; indicatorIds: number[] };

/** Reads the action-plan rows (action_<i>_text/_target/_indicators). */
function readPlan(raw: RawForm, mode: "draft" | "submit", departureOn: string, knownIndicators: Set<number>) {
  const rows: PlanRow[] = [];
  const errors: Record<string, string[]> = {};
  const one = (k: string) => {
    const v = raw[k];
    return (Array.isArray(v) ? (v[0] ?? "") : (v ?? "")).trim();
  };
  for (let i = 0; i < MAX_ACTIONS; i++) {
    const text = one(`action_${i}_text`);
    const target = one(`action_${i}_target`);
    const inds = [raw[`action_${i}_indicators`] ?? []].flat().filter(Boolean);
    if (!text && !target && !inds.length) continue;
    if (!text) errors[`action_${i}_text`] = ["errors.required"];
    else if (text.length > ACTION_MAX) errors[`action_${i}_text`] = [`errors.tooLongMax|${JSON.stringify({ count: ACTION_MAX })}`];
    if (target && !isIsoDate(target)) errors[`action_${i}_target`] = ["errors.date"];
    else if (target && (target < departureOn || target > addDays(departureOn, 3 * 366))) errors[`action_${i}_target`] = ["evaluation.errors.targetRange"];
    const ids = inds.map(Number);
    if (ids.some((n) => !knownIndicators.has(n))) errors[`action_${i}_indicators`] = ["errors.invalid"];
    rows.push({ position: i, action: text, targetOn: target || null, indicatorIds: ids.filter((n) => knownIndicators.has(n)) });
  }
  if (mode === "submit" && !rows.some((r) => r.action)) errors["action_0_text"] ??= ["evaluation.errors.oneAction"];
  return { rows, errors };
}

/** Reads follow-up progress (progress_<actionId>_status/_note) for the plan's actions. */
function readProgress(raw: RawForm, mode: "draft" | "submit", plan: PlanItem[]) {
  const rows: { actionId: number; status: ActionProgressStatus; note: string }[] = [];
  const errors: Record<string, string[]> = {};
  for (const item of plan) {
    const status = String([raw[`progress_${item.id}_status`] ?? ""].flat()[0] ?? "").trim();
    const note = String([raw[`progress_${item.id}_note`] ?? ""].flat()[0] ?? "").trim();
    if (!status) {
      if (mode === "submit") errors[`progress_${item.id}_status`] = ["errors.required"];
    } else if (!(ACTION_PROGRESS as readonly string[]).includes(status)) errors[`progress_${item.id}_status`] = ["errors.invalid"];
    if (note.length > NOTE_MAX) errors[`progress_${item.id}_note`] = [`errors.tooLongMax|${JSON.stringify({ count: NOTE_MAX })}`];
    if (status && (ACTION_PROGRESS as readonly string[]).includes(status)) rows.push({ actionId: item.id, status: status as ActionProgressStatus, note });
  }
  return { rows, errors };
}

export type SaveResult = { status: "draft" | "submitted"; responseId: number; already: boolean };

/**
 * Saves the participant's answer: "save" keeps a partial answer (types and ranges checked),
 * "submit" also asks for required answers and the action plan, then closes the response.
 * Throws FieldErrors (nothing written) for bad answers, RuleError when the stage is not open.
 * A submitted response is never changed again: a repeated submit returns `already`. An anonymous
 * survey is always answered in one go (no draft) into anonymous_responses; `responseId` is then 0.
 */
export function saveResponse(
  surveyId: number,
  applicationId: number,
  raw: RawForm,
  intent: "save" | "submit",
  opts: { now?: Date; period?: string; language?: string; onSubmit?: (tx: Db, responseId: number, anonymous: boolean) => void } = {},
): SaveResult {
  const now = opts.now ?? new Date();
  return immediate(defaultDb(), (tx) => {
    const ctx = surveyContext(surveyId, applicationId, now, { period: opts.period }, tx);
    if (ctx.answered) return { status: "submitted", responseId: ctx.response?.id ?? 0, already: true };
    if (ctx.state !== "open") throw new RuleError(ctx.state === "closed" ? "evaluation.errors.closed" : "evaluation.errors.notOpen");
    // An anonymous survey keeps no draft (a draft would be linked to the person): always a final answer.
    const mode = intent === "submit" || ctx.anonymous ? "submit" : "draft";
    const answerRaw: RawAnswers = {};
    for (const q of ctx.template.questions) if (raw[`q_${q.key}`] !== undefined) answerRaw[q.key] = raw[`q_${q.key}`];
    const read = readAnswers(ctx.template.questions, answerRaw, mode);
    const errors: Record<string, string[]> = Object.fromEntries(Object.entries(read.errors).map(([k, v]) => [`q_${k}`, v]));
    const known = new Set(
      tx
        .select({ id: t.indicators.id })
        .from(t.indicators)
        .all()
        .map((r) => r.id),
    );
    // An action plan is followed up by name, so an anonymous survey asks for none.
    const plan = ctx.survey.stage === "end_of_visit" && !ctx.anonymous ? readPlan(raw, mode, ctx.stay.departureOn, known) : null;
    const progress = ctx.survey.stage === "follow_up" && !ctx.anonymous ? readProgress(raw, mode, ctx.plan) : null;
    Object.assign(errors, plan?.errors, progress?.errors);
    if (Object.keys(errors).length) throw new FieldErrors(errors);

    if (ctx.anonymous) {
      const input = { surveyId, templateId: ctx.template.id, stage: ctx.survey.stage, period: ctx.period, day: ctx.today, stay: ctx.stay };
      if (!writeAnonymousAnswer(tx, input, read.answers as Record<string, AnswerValue>)) return { status: "submitted", responseId: 0, already: true };
      opts.onSubmit?.(tx, 0, true);
      return { status: "submitted", responseId: 0, already: false };
    }
    const stamp = now.toISOString();
    const values = {
      answers: read.answers as Record<string, AnswerValue>,
      status: mode === "submit" ? ("submitted" as const) : ("draft" as const),
      language: opts.language ?? "en",
      updatedAt: stamp,
      submittedAt: mode === "submit" ? stamp : null,
    };
    let responseId: number;
    if (ctx.response) {
      responseId = ctx.response.id;
      tx.update(t.surveyResponses).set(values).where(eq(t.surveyResponses.id, responseId)).run();
    } else {
      responseId = tx
        .insert(t.surveyResponses)
        .values({
          ...values,
          surveyId,
          templateId: ctx.template.id,
          applicationId,
          userId: ctx.stay.userId,
          stage: ctx.survey.stage,
          period: ctx.period,
          createdAt: stamp,
        })
        .returning({ id: t.surveyResponses.id })
        .get().id;
    }
    if (plan) {
      tx.delete(t.actionPlanItems).where(eq(t.actionPlanItems.responseId, responseId)).run();
      for (const r of plan.rows)
        tx.insert(t.actionPlanItems)
          .values({ ...r, responseId, applicationId })
          .run();
    }
    if (progress) {
      tx.delete(t.actionProgress).where(eq(t.actionProgress.responseId, responseId)).run();
      for (const r of progress.rows)
        tx.insert(t.actionProgress)
          .values({ ...r, responseId })
          .run();
    }
    if (mode === "submit") opts.onSubmit?.(tx, responseId, false);
    return { status: values.status, responseId, already: false };
  });
}
