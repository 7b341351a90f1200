/**
 * Sections of the organizer's edition evaluation page (admin.editions.$id_.evaluation.tsx):
 * set-up, response rates, results with charts and tables, pulse monitor, participants, and the
 * plan adjustments log. All work without JavaScript.
 */
import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ChangeChart } from "~/components/charts/ChangeChart";
import { CheckboxGroup, FormErrors, SelectField, TextAreaField, TextField } from "~/components/form";
import { adjustmentSchema, setupSchema } from "~/forms/evaluation";
import type { EvaluationPageData } from "~/routes/admin.editions.$id_.evaluation";

type Props = { data: EvaluationPageData };
const fmt = (x: number | null) => (x === null ? "–" : (Math.round(x * 10) / 10).toLocaleString("en"));

export function SetupSection({ data, lastResult }: Props & { lastResult?: SubmissionResult<string[]> }) {
  const { t } = useTranslation();
  const defaults: Record<string, string> = { followUpMonths: data.followUps.length ? data.followUps.join(", ") : "3, 6, 12" };
  for (const s of data.setup) defaults[s.stage] = s.options.find((o) => o.value.startsWith("starter-"))?.value ?? s.options[0]?.value ?? "";
  const [form, fields] = useForm<Record<string, string>>({
    id: "setup",
    lastResult,
    defaultValue: defaults,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: setupSchema }) as never,
    shouldRevalidate: "onInput",
  });
  const ready = data.surveys.length > 0;
  return (
    <details className="card" open={!ready}>
      <summary>
        <strong>{ready ? t("evaluation.edition.surveysSet", { list: data.surveys.map((s) => s.label).join(", ") }) : t("evaluation.edition.setupTitle")}</strong>
      </summary>
      <p className="hint">{t("evaluation.edition.setupLead")}</p>
      <FormErrors errors={form.errors} id={form.errorId} />
      <Form method="post" className="stack" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="setup" />
        <TextField field={fields.followUpMonths} label={t("evaluation.edition.followUpMonths")} hint={t("evaluation.edition.followUpHint")} required />
        {data.setup.map((s) => (
          <SelectField key={s.stage} field={fields[s.stage]} label={t("evaluation.edition.templateFor", { stage: t(`evaluation.stages.${s.stage}`) })} options={s.options} required />
        ))}
        <div className="actions">
          <button type="submit">{ready ? t("evaluation.edition.addSurveys") : t("evaluation.edition.setup")}</button>
        </div>
      </Form>
    </details>
  );
}

export function RatesSection({ data }: Props) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="rates">
      <h2 id="rates">{t("evaluation.edition.rates")}</h2>
      <div className="table-wrap" tabIndex={0} role="region" aria-label={t("evaluation.edition.rates")}>
        <table>
          <caption className="visually-hidden">{t("evaluation.edition.rates")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("evaluation.edition.stage")}</th>
              <th scope="col">{t("evaluation.edition.asked")}</th>
              <th scope="col">{t("evaluation.edition.answered")}</th>
              <th scope="col">{t("evaluation.edition.drafts")}</th>
              <th scope="col">{t("evaluation.edition.rate")}</th>
            </tr>
          </thead>
          <tbody>
            {data.rates.map((r) => (
              <tr key={r.surveyId}>
                <th scope="row">{r.label}</th>
                <td>{r.asked}</td>
                <td>{r.submitted}</td>
                <td>{r.drafts}</td>
                <td>
                  <span className="rate-bar" style={{ width: `${Math.min(100, r.rate) * 0.6}px` }} aria-hidden="true" /> {r.rate}%
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

export function ResultsSection({ data }: Props) {
  const { t } = useTranslation();
  const stageLabel = data.laterStages.find((s) => s.id === data.stageId)?.label ?? "";
  return (
    <section aria-labelledby="results">
      <h2 id="results">{t("evaluation.edition.results")}</h2>
      <p className="hint">{t("evaluation.edition.resultsLead")}</p>
      <Form method="get" className="filters" aria-label={t("evaluation.edition.view")}>
        <div className="field">
          <label htmlFor="by">{t("evaluation.edition.by")}</label>
          <select id="by" name="by" defaultValue={data.by}>
            {(["overall", "country", "gender", "role", "host_site"] as const).map((d) => (
              <option key={d} value={d}>
                {d === "overall" ? t("evaluation.edition.byStage") : t(`evaluation.dimensions.${d}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="stage">{t("evaluation.edition.comparedStage")}</label>
          <select id="stage" name="stage" defaultValue={String(data.stageId)}>
            {data.laterStages.map((s) => (
              <option key={s.id} value={s.id}>
                {s.label}
              </option>
            ))}
          </select>
        </div>
        <div className="actions">
          <button type="submit" className="btn-secondary">{t("evaluation.edition.show")}</button>
          <a href={`/admin/editions/${data.edition.id}/evaluation.csv`} download>
            {t("evaluation.edition.csv")}
          </a>
        </div>
      </Form>
      {data.charts.length === 0 ? <p>{t("evaluation.edition.noResults")}</p> : null}
      {data.charts.map((c) => (
        <article key={c.id} className="card" aria-labelledby={`ind-${c.id}`}>
          <h3 id={`ind-${c.id}`} style={{ marginTop: 0 }}>
            {c.name}
          </h3>
          <p className="muted">
            {c.group} · <code>{c.code}</code> · {c.direction}
          </p>
          {c.supported && c.rows.length ? (
            <ChangeChart
              title={`${c.name}: ${t("evaluation.results.baseline")} → ${data.by === "overall" ? t("evaluation.results.later") : stageLabel}`}
              description={c.rows.map((r) => t("evaluation.results.describe", { group: r.label, before: fmt(r.before), after: fmt(r.after), unit: c.unit, n: r.n })).join(" ")}
              rows={c.rows}
              max={c.max}
              unit={c.unit === "%" ? "%" : ""}
              beforeLabel={t("evaluation.results.baseline")}
              afterLabel={data.by === "overall" ? t("evaluation.results.later") : stageLabel}
              groupLabel={data.by === "overall" ? t("evaluation.edition.stage") : t(`evaluation.dimensions.${data.by}`)}
              nLabel={t("evaluation.results.n")}
              changeLabel={t("evaluation.results.change")}
            />
          ) : (
            <p className="muted">{t("evaluation.results.notDisaggregated")}</p>
          )}
        </article>
      ))}
      <h3>{t("evaluation.edition.actionPlans")}</h3>
      <p>{t("evaluation.edition.actionSummary", { actions: data.actions.actions, people: data.actions.people, reported: data.actions.reported })}</p>
      <div className="table-wrap" tabIndex={0} role="region" aria-label={t("evaluation.edition.actionPlans")}>
        <table>
          <caption className="visually-hidden">{t("evaluation.edition.actionPlans")}</caption>
          <thead>
            <tr>
              {(["not_started", "in_progress", "done", "dropped"] as const).map((s) => (
                <th scope="col" key={s}>
                  {t(`evaluation.progress.${s}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            <tr>
              {(["not_started", "in_progress", "done", "dropped"] as const).map((s) => (
                <td key={s}>{data.actions.counts[s]}</td>
              ))}
            </tr>
          </tbody>
        </table>
      </div>
      {data.actions.notes.length ? (
        <ul>
          {data.actions.notes.map((n, i) => (
            <li key={i}>
              <strong>{n.action}</strong> ({n.status ? t(`evaluation.progress.${n.status}`) : ""}): {n.note}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

export function PulseSection({ data }: Props) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="pulse">
      <h2 id="pulse">{t("evaluation.edition.pulse")}</h2>
      {data.pulse.days.length === 0 ? (
        <p>{t("evaluation.edition.noPulses")}</p>
      ) : (
        <div className="table-wrap" tabIndex={0} role="region" aria-label={t("evaluation.edition.pulse")}>
          <table>
            <caption className="visually-hidden">{t("evaluation.edition.pulse")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("evaluation.edition.day")}</th>
                <th scope="col">{t("evaluation.edition.answered")}</th>
                <th scope="col">{t("evaluation.edition.meanScale")}</th>
              </tr>
            </thead>
            <tbody>
              {data.pulse.days.map((d) => (
                <tr key={d.day}>
                  <th scope="row">{d.label}</th>
                  <td>{d.answers}</td>
                  <td>{fmt(d.meanScale)} / 5</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {data.pulse.comments.length ? (
        <ul className="timeline" aria-label={t("evaluation.edition.comments")}>
          {data.pulse.comments.map((c) => (
            <li key={`${c.responseId}-${c.text}`}>
              <span className="muted">
                {c.label} · #{c.responseId}
              </span>
              <br />
              {c.text}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

export function ParticipantsSection({ data }: Props) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="participants-title" id="participants">
      <h2 id="participants-title">{t("evaluation.edition.participants")}</h2>
      <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="participants-title">
        <table aria-labelledby="participants-title">
          <thead>
            <tr>
              <th scope="col">{t("common.name")}</th>
              {data.surveys.map((s) => (
                <th scope="col" key={s.id}>
                  {s.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {data.participants.map((p) => (
              <tr key={p.applicationId}>
                <th scope="row">
                  {p.name}
                  <br />
                  <span className="muted">
                    {p.country}
                    {p.hostSite ? ` · ${p.hostSite}` : ""}
                  </span>
                </th>
                {p.surveys.map((c) => (
                  <td key={c.surveyId}>
                    {c.status === "submitted" ? "✓ " + t("evaluation.me.answered") : c.status === "draft" ? t("evaluation.edition.draft") : t(`evaluation.state.${c.state}`)}
                    {c.days ? <span className="muted"> ({t("evaluation.me.pulseDays", { count: c.days })})</span> : null}
                    {c.state === "open" && c.status !== "submitted" ? (
                      <Form method="post">
                        <input type="hidden" name="surveyId" value={c.surveyId} />
                        <input type="hidden" name="applicationId" value={p.applicationId} />
                        <button type="submit" name="intent" value="resend" className="btn-secondary btn-small" aria-label={`${t("evaluation.edition.resend")}: ${p.name}`}>
                          {t("evaluation.edition.resend")}
                        </button>
                      </Form>
                    ) : null}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

export function AdjustmentsSection({ data, lastResult, saved }: Props & { lastResult?: SubmissionResult<string[]>; saved: boolean }) {
  const { t } = useTranslation();
  const [form, fields] = useForm<Record<"intent" | "what" | "why" | "responseIds", string> & { indicatorIds: string[]; pulseDays: string[] }>({
    id: "adjust",
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: adjustmentSchema }) as never,
    shouldRevalidate: "onInput",
  });
  return (
    <section aria-labelledby="adjustments-title" id="adjustments">
      <h2 id="adjustments-title">{t("evaluation.adjustments.title")}</h2>
      <p className="hint">{t("evaluation.adjustments.lead")}</p>
      {saved ? <p className="alert alert-ok" role="status">{t("evaluation.adjustments.saved")}</p> : null}
      {data.adjustments.length === 0 ? <p>{t("common.noneYet")}</p> : null}
      <ul className="timeline">
        {data.adjustments.map((a) => (
          <li key={a.id}>
            <span className={`badge badge-${a.status === "open" ? "submitted" : a.status === "done" ? "accepted" : "withdrawn"}`}>{t(`evaluation.adjustments.status.${a.status}`)}</span>{" "}
            {a.fromEdition ? (
              <span className="badge badge-endorsed">
                {t("evaluation.adjustments.carried", { edition: a.fromEdition })}
              </span>
            ) : null}
            <p style={{ margin: ".3rem 0" }}>
              <strong>{a.what}</strong>
            </p>
            <p style={{ margin: ".3rem 0" }}>
              {t("evaluation.adjustments.why")}: {a.why}
            </p>
            <p className="muted" style={{ margin: ".3rem 0" }}>
              {t("evaluation.adjustments.evidence")}: {[...a.indicators, ...a.pulseDays.map((d) => t("evaluation.adjustments.pulseOf", { day: d })), ...a.responseIds.map((r) => `#${r}`)].join(" · ") || "–"}
              <br />
              {a.at}
              {a.by ? ` · ${a.by}` : ""}
            </p>
            <Form method="post" className="actions" style={{ margin: 0 }}>
              <input type="hidden" name="intent" value="adjustment-status" />
              <input type="hidden" name="adjustmentId" value={a.id} />
              {a.status === "open" ? (
                <>
                  <button type="submit" name="status" value="done" className="btn-small">
                    {t("evaluation.adjustments.markDone")}
                  </button>
                  <button type="submit" name="status" value="dropped" className="btn-secondary btn-small">
                    {t("evaluation.adjustments.drop")}
                  </button>
                </>
              ) : (
                <button type="submit" name="status" value="open" className="btn-secondary btn-small">
                  {t("evaluation.adjustments.reopen")}
                </button>
              )}
            </Form>
            {a.fromEditionId ? <Link to={`/admin/editions/${a.fromEditionId}/evaluation#adjustments`}>{t("evaluation.adjustments.origin")}</Link> : null}
          </li>
        ))}
      </ul>
      <div className="card">
        <h3 style={{ marginTop: 0 }}>{t("evaluation.adjustments.new")}</h3>
        <FormErrors errors={form.errors} id={form.errorId} />
        <Form method="post" className="stack" {...getFormProps(form)}>
          <input type="hidden" name="intent" value="adjust" />
          <TextAreaField field={fields.what} label={t("evaluation.adjustments.what")} rows={2} required />
          <TextAreaField field={fields.why} label={t("evaluation.adjustments.why")} rows={3} required />
          <CheckboxGroup field={fields.indicatorIds} label={t("evaluation.adjustments.indicators")} options={data.indicatorOptions} />
          {data.pulseDayOptions.length ? <CheckboxGroup field={fields.pulseDays} label={t("evaluation.adjustments.pulseDays")} options={data.pulseDayOptions} /> : null}
          <TextField field={fields.responseIds} label={t("evaluation.adjustments.responseIds")} hint={t("evaluation.adjustments.responseIdsHint")} inputMode="numeric" />
          <div className="actions">
            <button type="submit">{t("evaluation.adjustments.record")}</button>
          </div>
        </Form>
      </div>
    </section>
  );
}
