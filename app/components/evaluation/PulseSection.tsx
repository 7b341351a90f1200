/** The organizer's edition evaluation page (admin.editions.$id_.evaluation.tsx): the pulse monitor. */
import { useTranslation } from "react-i18next";
import { fmt, type SectionProps as Props } from "./sections";

export function PulseSection({ data }: Props) {
  const { t, i18n } = useTranslation();
  return (
    <section aria-labelledby="pulse">
      <h2 id="pulse">{t("evaluation.edition.pulse")}</h2>
      {data.pulse.days.length === 0 ? (
        <p>{t("evaluation.edition.noPulses")}</p>
      ) : (
        <div className="table-wrap" data-scroll-hint={t("common.scrollHint")} tabIndex={0} role="region" aria-label={t("evaluation.edition.pulse")}>
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
                  <td>
                    {fmt(d.meanScale, i18n.language)} / {fmt(5, i18n.language)}
                  </td>
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
