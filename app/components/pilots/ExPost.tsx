/**
 * The ex post evaluation of a completed project: the 12- and 24-month measures with their dates
 * (computed on the server in the village's time zone, app/domain/pilots/expost.ts) and their state
 * in words (done on a date, due, overdue, upcoming).
 */
import { useTranslation } from "react-i18next";
import { formatDate } from "~/domain/dates";
import type { ExpostMeasure } from "~/domain/pilots/expost";

const BADGE: Record<ExpostMeasure["state"], string> = { done: "accepted", due: "waitlisted", overdue: "rejected", upcoming: "draft" };

/** The measure's state as a badge (text, not colour alone). */
export function ExpostBadge({ m }: { m: ExpostMeasure }) {
  const { t } = useTranslation();
  return <span className={`badge badge-${BADGE[m.state]}`}>{t(`pilots.expost.state.${m.state}`)}</span>;
}

export function ExPost({ expost }: { expost: { completedOn: string; measures: ExpostMeasure[] } }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  return (
    <section className="card" aria-labelledby="expost-h">
      <h2 id="expost-h">{t("pilots.expost.title")}</h2>
      <p>{t("pilots.expost.completedOn", { date: formatDate(expost.completedOn, lng) })}</p>
      <ul className="stack">
        {expost.measures.map((m) => (
          <li key={m.months}>
            <strong>{t("pilots.expost.measure", { months: m.months })}</strong>: {t("pilots.expost.dueOn", { date: formatDate(m.dueOn, lng) })}{" "}
            <ExpostBadge m={m} />
            {m.measuredOn ? <> · {t("pilots.expost.measuredOn", { date: formatDate(m.measuredOn, lng) })}</> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
