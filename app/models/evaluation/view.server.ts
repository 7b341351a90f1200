/**
 * The survey page's data, shared by /me/surveys/:surveyId and the personal link /s/:token: the
 * questions in the reader's language (English fallback), the saved answers as form values, the
 * action-plan rows and the follow-up progress rows.
 */
import { json, redirect } from "@remix-run/node";
import { answerToRaw } from "../../domain/evaluation/answers";
import { localText } from "../../domain/evaluation/text";
import { pickText } from "../../domain/local-text";
import { formatDate } from "../../domain/dates";
import { listIndicators } from "./indicators.server";
import { MAX_ACTIONS, saveResponse, type SurveyContext } from "./responses.server";
import { messageKey } from "../../utils/http.server";
import { FieldErrors, RuleError } from "../errors";
import type { Db } from "../../db.server";

export type FormValues = Record<string, string | string[]>;

/** Every field of a posted form as name -> value(s). */
export function rawFromForm(form: FormData): FormValues {
  const out: FormValues = {};
  for (const key of new Set(form.keys())) {
    const all = form.getAll(key).map(String);
    out[key] = all.length > 1 || key.endsWith("_indicators") || key.startsWith("q_") ? all : all[0];
  }
  return out;
}

export function surveyView(ctx: SurveyContext, lng: string, posted?: FormValues) {
  const saved: FormValues = {};
  for (const q of ctx.template.questions) saved[`q_${q.key}`] = answerToRaw(ctx.response?.answers[q.key]);
  const planRows = ctx.survey.stage === "end_of_visit" ? ctx.plan : [];
  planRows.forEach((p, i) => {
    saved[`action_${i}_text`] = p.action;
    saved[`action_${i}_target`] = p.targetOn ?? "";
    saved[`action_${i}_indicators`] = p.indicatorIds.map(String);
  });
  for (const p of ctx.progress) {
    saved[`progress_${p.actionId}_status`] = p.status;
    saved[`progress_${p.actionId}_note`] = p.note;
  }
  const values = posted ?? saved;
  const actionRows = ctx.survey.stage === "end_of_visit" && !ctx.anonymous ? Math.min(MAX_ACTIONS, Math.max(3, planRows.length + 1)) : 0;
  return {
    surveyId: ctx.survey.id,
    stage: ctx.survey.stage,
    monthsAfter: ctx.survey.monthsAfter,
    title: localText(ctx.template.title, lng),
    // The language of each organizer-written text as shown (issue 11 item 8), for its lang attribute.
    titleLang: pickText(ctx.template.title, lng).lang,
    version: ctx.template.version,
    state: ctx.state,
    opensOn: formatDate(ctx.window.opensOn, lng),
    closesOn: formatDate(ctx.window.closesOn, lng),
    period: ctx.period,
    periodLabel: ctx.period ? formatDate(ctx.period, lng, "long") : "",
    departureOn: ctx.stay.departureOn,
    status: ctx.answered ? ("submitted" as const) : (ctx.response?.status ?? null),
    /** Anonymous survey: the page says so (and what is kept) before the questions; no draft. */
    anonymous: ctx.anonymous,
    questions: ctx.template.questions.map((q) => ({
      key: q.key,
      type: q.type,
      required: !!q.required,
      prompt: localText(q.prompt, lng),
      promptLang: pickText(q.prompt, lng).lang,
      unit: localText(q.unit, lng),
      unitLang: pickText(q.unit, lng).lang,
      options: (q.options ?? []).map((o) => ({ value: o.value, label: localText(o.label, lng), lang: pickText(o.label, lng).lang })),
    })),
    values,
    actionRows,
    indicators:
      ctx.survey.stage === "end_of_visit"
        ? listIndicators()
            .filter((i) => i.group !== "learning")
            .map((i) => ({ id: i.id, name: localText(i.name, lng), lang: pickText(i.name, lng).lang }))
        : [],
    plan:
      ctx.survey.stage === "follow_up" ? ctx.plan.map((p) => ({ id: p.id, action: p.action, targetOn: p.targetOn ? formatDate(p.targetOn, lng) : "" })) : [],
  };
}
export type SurveyViewData = ReturnType<typeof surveyView>;

/**
 * Handles a posted survey form for a checked participant: 400 with errors and every typed value
 * (nothing written), 409 when the stage is not open, else a redirect to `done(status)`.
 */
export function answerAction(
  form: FormData,
  target: { surveyId: number; applicationId: number; period?: string; language: string; onSubmit?: (tx: Db, id: number, anonymous: boolean) => void },
  done: (status: "draft" | "submitted") => string,
) {
  const raw = rawFromForm(form);
  const intent = raw.intent === "save" ? "save" : "submit";
  try {
    const r = saveResponse(target.surveyId, target.applicationId, raw, intent, { period: target.period, language: target.language, onSubmit: target.onSubmit });
    return redirect(done(r.status));
  } catch (e) {
    if (e instanceof FieldErrors) return json({ errors: e.fields, values: raw, formError: null as string | null }, { status: 400 });
    if (e instanceof RuleError) return json({ errors: {} as Record<string, string[]>, values: raw, formError: messageKey(e.key, e.params) }, { status: 409 });
    throw e;
  }
}
