/**
 * A project's plan adjustments as a timeline, newest first: when and by whom, what changed (from
 * → to), why, and the evidence (monitoring visits linked on the page, indicator values, a note),
 * written by the server in the reader's language (project-page.server.ts). Organizers get a link
 * to the plan page.
 */
import { useTranslation } from "react-i18next";

type Adjustment = {
  id: number;
  at: string;
  atText: string;
  by: string | null;
  why: string;
  changes: string[];
  evidence: { href: string | null; text: string }[];
};

export function PlanAdjustments({ projectId, adjustments, canEdit }: { projectId: number; adjustments: Adjustment[]; canEdit: boolean }) {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="adj-h">
      <h2 id="adj-h">{t("pilots.adjustments.title")}</h2>
      <p className="muted">{t("pilots.adjustments.lead")}</p>
      {canEdit ? (
        <p>
          <a className="btn btn-secondary" href={`/pilots/projects/${projectId}/plan`}>
            {t("pilots.adjustments.adjust")}
          </a>
        </p>
      ) : null}
      {adjustments.length ? (
        <ol className="timeline">
          {adjustments.map((a) => (
            <li key={a.id}>
              <p className="muted">
                <time dateTime={a.at}>{a.atText}</time> · {a.by ?? "–"}
              </p>
              <ul>
                {a.changes.map((c) => (
                  <li key={c}>{c}</li>
                ))}
              </ul>
              <p>{a.why}</p>
              <p>
                {a.evidence.map((e, i) => (
                  <span key={i}>
                    {i > 1 ? " · " : i ? " " : null}
                    {e.href ? <a href={e.href}>{e.text}</a> : e.text}
                  </span>
                ))}
              </p>
            </li>
          ))}
        </ol>
      ) : (
        <p className="muted">{t("pilots.adjustments.none")}</p>
      )}
    </section>
  );
}
