/**
 * Results of an edition's evaluation (organizer): response rates per stage, baseline against
 * each later stage per indicator (paired: only people who answered both), disaggregated by
 * country, gender, role and host site, action-plan progress, and the pulse monitor.
 */
import { eq, inArray } from "drizzle-orm";
import { db, t } from "../../db.server";
import { ACTION_PROGRESS, type SurveyQuestion } from "../../../db/schema/evaluation";
import { numericValue } from "../../domain/evaluation/answers";
import { disaggregate, pairedChange, rate, tally, type Change, type Dimension, type GroupChange } from "../../domain/evaluation/change";
import { addDays } from "../../domain/dates";
import type { Actor } from "../actor";
import { requireOrganizer } from "../actor";
import { indicatorsById, type Indicator } from "./indicators.server";
import { editionStays, listEditionSurveys, surveyTiming, type EditionSurvey, type Stay } from "./surveys.server";

type Response = typeof t.surveyResponses.$inferSelect;
/** That a person answered an anonymous survey (survey_answered): who, never what. */
type Answered = { surveyId: number; userId: number; period: string };

export type StageRate = {
  surveyId: number;
  stage: EditionSurvey["stage"];
  monthsAfter: number;
  asked: number;
  submitted: number;
  drafts: number;
  rate: number;
};
export type Comparison = {
  surveyId: number;
  stage: EditionSurvey["stage"];
  monthsAfter: number;
  overall: Change;
  groups: Partial<Record<Dimension, GroupChange[]>>;
};
export type IndicatorResult = { indicator: Indicator; factor: number; comparisons: Comparison[] };

/** Person (application) -> numeric value of `indicatorId` in the submitted responses of a survey. */
function valuesFor(responses: Response[], templates: Map<number, SurveyQuestion[]>, indicatorId: number): Map<number, number> {
  const out = new Map<number, number>();
  for (const r of responses) {
    if (r.status !== "submitted") continue;
    const q = templates.get(r.templateId)?.find((x) => x.indicatorId === indicatorId);
    if (!q) continue;
    const v = numericValue(q, r.answers[q.key]);
    if (v !== null) out.set(r.applicationId, v);
  }
  return out;
}

/** Response rates: people asked so far (their window opened; pulses: person-days so far) and answers. */
function rates(surveys: EditionSurvey[], stays: Stay[], responses: Response[], answered: Answered[], now: Date): StageRate[] {
  return surveys.map((s) => {
    let asked = 0;
    for (const stay of stays) {
      const { window, state, today } = surveyTiming(s, stay, now);
      if (state === "not_open") continue;
      if (s.stage === "pulse") {
        const last = today < window.closesOn ? today : window.closesOn;
        for (let d = window.opensOn; d <= last; d = addDays(d, 1)) asked++;
      } else asked++;
    }
    const mine = responses.filter((r) => r.surveyId === s.id);
    const named = mine.filter((r) => r.status === "submitted").length;
    // Anonymous surveys: answers counted from the "has answered" marks; they keep no drafts.
    const submitted = named + answered.filter((a) => a.surveyId === s.id).length;
    return { surveyId: s.id, stage: s.stage, monthsAfter: s.monthsAfter, asked, submitted, drafts: mine.length - named, rate: rate(submitted, asked) };
  });
}

export function editionResults(actor: Actor, editionId: number, now = new Date()) {
  requireOrganizer(actor);
  const surveys = listEditionSurveys(editionId);
  const stays = editionStays(editionId);
  const responses = surveys.length
    ? db()
        .select()
        .from(t.surveyResponses)
        .where(
          inArray(
            t.surveyResponses.surveyId,
            surveys.map((s) => s.id),
          ),
        )
        .all()
    : [];
  const answered: Answered[] = surveys.length
    ? db()
        .select({ surveyId: t.surveyAnswered.surveyId, userId: t.surveyAnswered.userId, period: t.surveyAnswered.period })
        .from(t.surveyAnswered)
        .where(
          inArray(
            t.surveyAnswered.surveyId,
            surveys.map((s) => s.id),
          ),
        )
        .all()
    : [];
  const templateIds = [...new Set(responses.map((r) => r.templateId))];
  const templates = new Map(
    (templateIds.length ? db().select().from(t.surveyTemplates).where(inArray(t.surveyTemplates.id, templateIds)).all() : []).map((x) => [x.id, x.questions]),
  );
  const indicators = indicatorsById();
  const respondents = stays.map((s) => ({ personId: s.applicationId, country: s.country, gender: s.gender, role: s.role, hostSite: s.hostSite }));

  const baseline = surveys.find((s) => s.stage === "baseline");
  const later = surveys.filter((s) => s.stage === "end_of_visit" || s.stage === "follow_up");
  const byIndicator: IndicatorResult[] = [];
  if (baseline) {
    const baseResponses = responses.filter((r) => r.surveyId === baseline.id);
    const asked = new Set<number>();
    for (const r of baseResponses) for (const q of templates.get(r.templateId) ?? []) if (q.indicatorId) asked.add(q.indicatorId);
    for (const id of asked) {
      const indicator = indicators.get(id);
      if (!indicator) continue;
      const factor = indicator.type === "yes_no" ? 100 : 1;
      const base = valuesFor(baseResponses, templates, id);
      const comparisons: Comparison[] = [];
      for (const s of later) {
        const after = valuesFor(
          responses.filter((r) => r.surveyId === s.id),
          templates,
          id,
        );
        if (!after.size) continue;
        const opts = { factor, direction: indicator.direction };
        const groups: Comparison["groups"] = {};
        for (const dim of indicator.disaggregations) groups[dim] = disaggregate(respondents, dim, base, after, opts);
        comparisons.push({ surveyId: s.id, stage: s.stage, monthsAfter: s.monthsAfter, overall: pairedChange(base, after, opts), groups });
      }
      if (comparisons.length) byIndicator.push({ indicator, factor, comparisons });
    }
    const order = { economic: 0, social: 1, environment: 2, learning: 3 } as const;
    byIndicator.sort((a, b) => order[a.indicator.group] - order[b.indicator.group] || a.indicator.code.localeCompare(b.indicator.code));
  }
  return {
    surveys,
    stays,
    rates: rates(surveys, stays, responses, answered, now),
    indicators: byIndicator,
    actions: actionProgress(surveys, responses),
    cells: cells(surveys, stays, responses, answered, now),
  };
}

/** Action plans: each action's latest reported status (from the latest follow-up that reported it). */
function actionProgress(surveys: EditionSurvey[], responses: Response[]) {
  const endIds = responses.filter((r) => r.stage === "end_of_visit" && r.status === "submitted").map((r) => r.id);
  const items = endIds.length ? db().select().from(t.actionPlanItems).where(inArray(t.actionPlanItems.responseId, endIds)).all() : [];
  const followUps = new Map(surveys.filter((s) => s.stage === "follow_up").map((s) => [s.id, s.monthsAfter]));
  const fuResponses = new Map(responses.filter((r) => followUps.has(r.surveyId) && r.status === "submitted").map((r) => [r.id, followUps.get(r.surveyId)!]));
  const progress = fuResponses.size
    ? db()
        .select()
        .from(t.actionProgress)
        .where(inArray(t.actionProgress.responseId, [...fuResponses.keys()]))
        .all()
    : [];
  const latest = new Map<number, { months: number; status: (typeof ACTION_PROGRESS)[number]; note: string }>();
  for (const p of progress) {
    const months = fuResponses.get(p.responseId)!;
    const cur = latest.get(p.actionId);
    if (!cur || months > cur.months) latest.set(p.actionId, { months, status: p.status, note: p.note });
  }
  const statuses = items.map((i) => latest.get(i.id)?.status).filter((s): s is (typeof ACTION_PROGRESS)[number] => !!s);
  return {
    people: new Set(items.map((i) => i.applicationId)).size,
    actions: items.length,
    reported: statuses.length,
    counts: tally(statuses, ACTION_PROGRESS),
    notes: items
      .map((i) => ({ action: i.action, targetOn: i.targetOn, ...latest.get(i.id) }))
      .filter((n) => n.note)
      .slice(0, 8),
  };
}

/** Each participant's state per survey (pulses: days answered), for the participants table. */
function cells(surveys: EditionSurvey[], stays: Stay[], responses: Response[], answered: Answered[], now: Date) {
  return stays.map((stay) => ({
    applicationId: stay.applicationId,
    name: stay.name,
    country: stay.country,
    hostSite: stay.hostSite,
    surveys: surveys.map((s) => {
      const { state, today } = surveyTiming(s, stay, now);
      const mine: { period: string; status: "draft" | "submitted" }[] = responses.filter((r) => r.surveyId === s.id && r.applicationId === stay.applicationId);
      for (const a of answered) if (a.surveyId === s.id && a.userId === stay.userId) mine.push({ period: a.period, status: "submitted" });
      const current = mine.find((r) => r.period === (s.stage === "pulse" ? today : ""));
      return {
        surveyId: s.id,
        state,
        status: s.stage === "pulse" ? (current?.status ?? null) : (mine[0]?.status ?? null),
        days: s.stage === "pulse" ? mine.filter((r) => r.status === "submitted").length : 0,
      };
    }),
  }));
}

/** Pulses per day: answers, mean of each scale question, and the latest comments. */
export function pulseMonitor(actor: Actor, editionId: number) {
  requireOrganizer(actor);
  const pulse = listEditionSurveys(editionId).find((s) => s.stage === "pulse");
  if (!pulse) return { days: [], comments: [] };
  const rows = db()
    .select()
    .from(t.surveyResponses)
    .where(eq(t.surveyResponses.surveyId, pulse.id))
    .all()
    .filter((r) => r.status === "submitted");
  const tplIds = [...new Set(rows.map((r) => r.templateId))];
  const tpls = new Map(
    (tplIds.length ? db().select().from(t.surveyTemplates).where(inArray(t.surveyTemplates.id, tplIds)).all() : []).map((x) => [x.id, x.questions]),
  );
  const days = new Map<string, { n: number; sum: number; count: number }>();
  const comments: { day: string; responseId: number; text: string }[] = [];
  for (const r of rows) {
    const d = days.get(r.period) ?? { n: 0, sum: 0, count: 0 };
    d.n++;
    for (const q of tpls.get(r.templateId) ?? []) {
      const v = q.type === "scale" ? numericValue(q, r.answers[q.key]) : null;
      if (v !== null) {
        d.sum += v;
        d.count++;
      }
      if (q.type === "text" && typeof r.answers[q.key] === "string" && r.answers[q.key])
        comments.push({ day: r.period, responseId: r.id, text: String(r.answers[q.key]) });
    }
    days.set(r.period, d);
  }
  return {
    days: [...days.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([day, d]) => ({ day, answers: d.n, meanScale: d.count ? d.sum / d.count : null })),
    comments: comments.sort((a, b) => b.day.localeCompare(a.day) || b.responseId - a.responseId).slice(0, 12),
  };
}
