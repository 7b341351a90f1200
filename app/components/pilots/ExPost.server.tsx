/**
 * The ex post evaluation of a completed project: the 12- and 24-month measures with their dates
 * (computed on the server in the village's time zone, app/domain/pilots/expost.ts) and their state
 * in words, all written by the server in the reader's language (project-page.server.ts).
 */
import { useTranslation } from "react-i18next";

type Expost = { completed: string; measures: { months: number; line: string; badge: string; stateText: string }[] };

export function ExPost({ expost }: { expost: Expost }) {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="expost-h">
      <h2 id="expost-h">{t("pilots.expost.title")}</h2>
      <p>{expost.completed}</p>
      <ul>
        {expost.measures.map((m) => (
          <li key={m.months}>
            {m.line} <span className={`badge badge-${m.badge}`}>{m.stateText}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
