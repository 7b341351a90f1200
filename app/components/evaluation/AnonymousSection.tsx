/**
 * The organizer's edition evaluation page: results of its anonymous surveys (issue 15 item 9).
 * No names or ids exist to show; figures about fewer than MIN_CELL respondents (and any that would
 * reveal them) are hidden, and the page says so. One table per question: everyone, then each
 * country, gender and role. Works without JavaScript; tables in `.table-wrap`.
 */
import { useTranslation } from "react-i18next";
import { MIN_CELL } from "~/domain/evaluation/small-cells";
import { formatNumber } from "~/domain/format";
import { fmt, type SectionProps as Props } from "./sections";

type Cell = { n: number | null; value: number | null; suppressed: boolean };

function Figures({ c, unit }: { c: Cell; unit: string }) {
  const { t, i18n } = useTranslation();
  if (c.suppressed)
    return (
      <>
        <td>{t("evaluation.anonymous.hiddenCell", { min: MIN_CELL })}</td>
        <td>–</td>
      </>
    );
  return (
    <>
      <td>{formatNumber(c.n, i18n.language, 0)}</td>
      <td>
        {fmt(c.value, i18n.language)}
        {c.value !== null && unit ? ` ${unit}` : ""}
      </td>
    </>
  );
}

export function AnonymousSection({ data, editionId }: Props & { editionId: number }) {
  const { t } = useTranslation();
  if (!data.anonymous.length) return null;
  return (
    <section aria-labelledby="anonymous">
      <h2 id="anonymous">{t("evaluation.anonymous.resultsTitle")}</h2>
      <p className="alert alert-warn">{t("evaluation.anonymous.resultsLead", { min: MIN_CELL })}</p>
      <p>
        <a href={`/admin/editions/${editionId}/evaluation-anonymous.csv`} download>
          {t("evaluation.anonymous.csv")}
        </a>
      </p>
      {data.anonymous.map((s) => (
        <section key={s.surveyId} aria-labelledby={`anon-${s.surveyId}`}>
          <h3 id={`anon-${s.surveyId}`}>
            {s.title} <span className="muted">· {s.stage}</span>
          </h3>
          <p>{t("evaluation.anonymous.respondentsN", { n: s.respondents })}</p>
          {s.respondents === 0
            ? null
            : s.questions.map((q) => {
                const caption = `${s.title}: ${q.prompt}`;
                if (q.type === "text")
                  return (
                    <div key={q.key}>
                      <h4>{q.prompt}</h4>
                      {q.texts.length ? (
                        <ul>
                          {q.texts.map((x, i) => (
                            <li key={i}>{x}</li>
                          ))}
                        </ul>
                      ) : (
                        <p className="muted">{t("evaluation.anonymous.textsHidden", { min: MIN_CELL })}</p>
                      )}
                    </div>
                  );
                return (
                  <div key={q.key} className="table-wrap" tabIndex={0} role="region" aria-label={caption}>
                    <table>
                      <caption>{q.prompt}</caption>
                      <thead>
                        <tr>
                          <th scope="col">{t("evaluation.csv.subgroup")}</th>
                          <th scope="col">{t("evaluation.anonymous.respondents")}</th>
                          <th scope="col">{q.type === "yes_no" ? t("evaluation.anonymous.shareYes") : t("evaluation.anonymous.result")}</th>
                        </tr>
                      </thead>
                      <tbody>
                        <tr>
                          <th scope="row">{t("evaluation.results.everyone")}</th>
                          <Figures c={q.overall} unit={q.unit} />
                        </tr>
                        {q.groups.flatMap((g) =>
                          g.cells.map((c) => (
                            <tr key={`${g.dimension}-${c.group}`}>
                              <th scope="row">
                                <span className="muted">{t(`evaluation.dimensions.${g.dimension}`)}:</span> {c.label}
                              </th>
                              <Figures c={c} unit={q.unit} />
                            </tr>
                          )),
                        )}
                      </tbody>
                    </table>
                  </div>
                );
              })}
        </section>
      ))}
    </section>
  );
}
