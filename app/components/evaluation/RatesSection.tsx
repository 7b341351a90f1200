/** The organizer's edition evaluation page (admin.editions.$id_.evaluation.tsx): response rates per survey. */
import { useTranslation } from "react-i18next";
import { formatPercent } from "~/domain/format";
import type { SectionProps as Props } from "./sections";

export function RatesSection({ data }: Props) {
  const { t, i18n } = useTranslation();
  return (
    <section aria-labelledby="rates">
      <h2 id="rates">{t("evaluation.edition.rates")}</h2>
      <div className="table-wrap" data-scroll-hint={t("common.scrollHint")} tabIndex={0} role="region" aria-label={t("evaluation.edition.rates")}>
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
                  <span className="rate-bar" style={{ width: `${Math.min(100, r.rate) * 0.6}px` }} aria-hidden="true" /> {formatPercent(r.rate, i18n.language)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
