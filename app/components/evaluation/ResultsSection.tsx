/** The organizer's edition evaluation page (admin.editions.$id_.evaluation.tsx): results with charts and tables. */
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ChangeChart } from "~/components/charts/ChangeChart";
import { fmt, type SectionProps as Props } from "./sections";

export function ResultsSection({ data }: Props) {
  const { t, i18n } = useTranslation();
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
          <button type="submit" className="btn-secondary">
            {t("evaluation.edition.show")}
          </button>
          <a href={`/admin/editions/${data.edition.id}/evaluation.csv`} download>
            {t("evaluation.edition.csv")}
          </a>
        </div>
      </Form>
      {data.charts.length === 0 ? <p>{t("evaluation.edition.noResults")}</p> : null}
      {data.charts.map((c) => (
        <article key={c.id} className="card" aria-labelledby={`ind-${c.id}`}>
          <h3 id={`ind-${c.id}`} style={{ marginTop: 0 }} lang={c.nameLang}>
            {c.name}
          </h3>
          <p className="muted">
            {c.group} · <code>{c.code}</code> · {c.direction}
          </p>
          {c.supported && c.rows.length ? (
            <ChangeChart
              title={`${c.name}: ${t("evaluation.results.baseline")} → ${data.by === "overall" ? t("evaluation.results.later") : stageLabel}`}
              description={c.rows
                .map((r) =>
                  t("evaluation.results.describe", {
                    group: r.label,
                    before: fmt(r.before, i18n.language),
                    after: fmt(r.after, i18n.language),
                    unit: c.unit,
                    n: r.n,
                  }),
                )
                .join(" ")}
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
      <div className="table-wrap" data-scroll-hint={t("common.scrollHint")} tabIndex={0} role="region" aria-label={t("evaluation.edition.actionPlans")}>
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
