/**
 * The survey form, for phones and without JavaScript: one block per question (radios for scales,
 * yes/no and choices, a text box for numbers), the action plan at the end of a visit, the
 * actions' progress in a follow-up; errors next to each question, every typed value kept.
 * Two buttons: submit, or save and finish later (an anonymous survey: a notice first, submit only).
 */
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorList, FormErrors } from "~/components/form";
import { MIN_CELL } from "~/domain/evaluation/small-cells";
import { formatNumber } from "~/domain/format";
import type { SurveyViewData } from "~/models/evaluation/view.server";

type Values = Record<string, string | string[]>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? (v[0] ?? "") : (v ?? ""));
const many = (v: string | string[] | undefined) => (Array.isArray(v) ? v : v ? [v] : []);

function Question({ q, values, errors }: { q: SurveyViewData["questions"][number]; values: Values; errors: Record<string, string[]> }) {
  const { t, i18n } = useTranslation();
  const name = `q_${q.key}`;
  const id = `f-${q.key}`;
  const err = errors[name];
  const errId = `${id}-error`;
  const invalid = err?.length ? true : undefined;
  const described = err?.length ? errId : undefined;
  const req = q.required ? <span className="muted"> ({t("common.required")})</span> : null;
  const v = values[name];
  if (q.type === "number" || q.type === "percentage" || q.type === "text") {
    return (
      <div className="survey-q">
        <label htmlFor={id}>
          <span lang={q.promptLang}>{q.prompt}</span>
          {req}
        </label>
        {q.type === "text" ? (
          <textarea id={id} name={name} rows={3} defaultValue={one(v)} aria-invalid={invalid} aria-describedby={described} />
        ) : (
          <span>
            <input
              id={id}
              name={name}
              type="text"
              inputMode="decimal"
              className="num"
              defaultValue={one(v)}
              aria-invalid={invalid}
              aria-describedby={described}
            />{" "}
            {q.type === "percentage" ? "%" : <span lang={q.unitLang}>{q.unit}</span>}
          </span>
        )}
        <ErrorList id={errId} errors={err} />
      </div>
    );
  }
  const options =
    q.type === "scale"
      ? [1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: formatNumber(n, i18n.language) }))
      : q.type === "yes_no"
        ? [
            { value: "yes", label: t("common.yes") },
            { value: "no", label: t("common.no") },
          ]
        : q.options;
  const multi = q.type === "multiple_choice";
  const chosen = new Set(many(v));
  return (
    <fieldset className="survey-q" aria-invalid={invalid} aria-describedby={described}>
      <legend>
        <span lang={q.promptLang}>{q.prompt}</span>
        {req}
      </legend>
      {multi ? <p className="hint">{t("evaluation.survey.chooseAll")}</p> : null}
      <div className={q.type === "scale" || q.type === "yes_no" ? "scale" : "choices"}>
        {options.map((o) => (
          <label key={o.value}>
            <input type={multi ? "checkbox" : "radio"} name={name} value={o.value} defaultChecked={chosen.has(o.value)} />
            <span lang={"lang" in o ? (o.lang as string) : undefined}>{o.label}</span>
          </label>
        ))}
      </div>
      <ErrorList id={errId} errors={err} />
    </fieldset>
  );
}

/** Before the questions of an anonymous survey: what is kept and what is not (issue 15 item 9). */
export function AnonymousNotice() {
  const { t } = useTranslation();
  return (
    <section className="alert alert-ok" aria-labelledby="anonymous-notice">
      <h2 id="anonymous-notice" style={{ marginTop: 0, fontSize: "1.1rem" }}>
        {t("evaluation.anonymous.noticeTitle")}
      </h2>
      <p>{t("evaluation.anonymous.noticeBody", { min: MIN_CELL })}</p>
      <p style={{ marginBottom: 0 }}>{t("evaluation.anonymous.noDraft")}</p>
    </section>
  );
}

function PlanRows({ view, values, errors }: { view: SurveyViewData; values: Values; errors: Record<string, string[]> }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="plan-title">
      <h2 id="plan-title">{t("evaluation.survey.planTitle")}</h2>
      <p className="hint">{t("evaluation.survey.planLead")}</p>
      {Array.from({ length: view.actionRows }, (_, i) => {
        const chosen = new Set(many(values[`action_${i}_indicators`]));
        const e = (k: string) => errors[`action_${i}_${k}`];
        return (
          <fieldset key={i} className="plan-row">
            <legend>{t("evaluation.survey.actionN", { n: i + 1 })}</legend>
            <div className="survey-q">
              <label htmlFor={`action_${i}_text`}>{t("evaluation.survey.action")}</label>
              <textarea
                id={`action_${i}_text`}
                name={`action_${i}_text`}
                rows={2}
                defaultValue={one(values[`action_${i}_text`])}
                aria-invalid={e("text") ? true : undefined}
                aria-describedby={e("text") ? `action_${i}_text-error` : undefined}
              />
              <ErrorList id={`action_${i}_text-error`} errors={e("text")} />
            </div>
            <div className="survey-q">
              <label htmlFor={`action_${i}_target`}>{t("evaluation.survey.targetOn")}</label>
              <input
                id={`action_${i}_target`}
                name={`action_${i}_target`}
                type="date"
                min={view.departureOn}
                defaultValue={one(values[`action_${i}_target`])}
                aria-invalid={e("target") ? true : undefined}
                aria-describedby={e("target") ? `action_${i}_target-error` : undefined}
              />
              <ErrorList id={`action_${i}_target-error`} errors={e("target")} />
            </div>
            <fieldset className="survey-q">
              <legend>{t("evaluation.survey.expectedIndicators")}</legend>
              <div className="choices">
                {view.indicators.map((ind) => (
                  <label key={ind.id}>
                    <input type="checkbox" name={`action_${i}_indicators`} value={String(ind.id)} defaultChecked={chosen.has(String(ind.id))} />
                    <span lang={ind.lang}>{ind.name}</span>
                  </label>
                ))}
              </div>
              <ErrorList id={`action_${i}_indicators-error`} errors={e("indicators")} />
            </fieldset>
          </fieldset>
        );
      })}
    </section>
  );
}

function ProgressRows({ view, values, errors }: { view: SurveyViewData; values: Values; errors: Record<string, string[]> }) {
  const { t } = useTranslation();
  if (!view.plan.length) return null;
  return (
    <section aria-labelledby="progress-title">
      <h2 id="progress-title">{t("evaluation.survey.progressTitle")}</h2>
      {view.plan.map((p) => {
        const s = `progress_${p.id}_status`;
        const n = `progress_${p.id}_note`;
        return (
          <fieldset key={p.id} className="plan-row" aria-describedby={errors[s] ? `${s}-error` : undefined}>
            <legend>{p.action}</legend>
            {p.targetOn ? <p className="hint">{t("evaluation.survey.targetWas", { date: p.targetOn })}</p> : null}
            <div className="choices">
              {(["not_started", "in_progress", "done", "dropped"] as const).map((st) => (
                <label key={st}>
                  <input type="radio" name={s} value={st} defaultChecked={one(values[s]) === st} />
                  {t(`evaluation.progress.${st}`)}
                </label>
              ))}
            </div>
            <ErrorList id={`${s}-error`} errors={errors[s]} />
            <div className="survey-q">
              <label htmlFor={n}>{t("evaluation.survey.note")}</label>
              <textarea id={n} name={n} rows={2} defaultValue={one(values[n])} />
              <ErrorList id={`${n}-error`} errors={errors[n]} />
            </div>
          </fieldset>
        );
      })}
    </section>
  );
}

export function SurveyForm({ view, errors = {}, formError }: { view: SurveyViewData; errors?: Record<string, string[]>; formError?: string }) {
  const { t } = useTranslation();
  const count = Object.keys(errors).length;
  return (
    <Form method="post" noValidate>
      {count ? (
        <div className="alert alert-error" role="alert">
          <p>{t("evaluation.survey.fixErrors", { count })}</p>
        </div>
      ) : null}
      <FormErrors errors={formError ? [formError] : undefined} />
      {view.anonymous ? <AnonymousNotice /> : null}
      {view.questions.map((q) => (
        <Question key={q.key} q={q} values={view.values} errors={errors} />
      ))}
      {view.stage === "end_of_visit" && !view.anonymous ? <PlanRows view={view} values={view.values} errors={errors} /> : null}
      {view.stage === "follow_up" && !view.anonymous ? <ProgressRows view={view} values={view.values} errors={errors} /> : null}
      <div className="actions">
        <button type="submit" name="intent" value="submit">
          {t("evaluation.survey.submit")}
        </button>
        {view.anonymous ? null : (
          <button type="submit" name="intent" value="save" className="btn-secondary">
            {t("evaluation.survey.saveLater")}
          </button>
        )}
      </div>
    </Form>
  );
}
