/**
 * A project's plan adjustments as a timeline, newest first: when and by whom, what changed (from
 * → to, written by the server in the reader's language), why, and the evidence (monitoring visits,
 * indicator values, a note). Organizers get a link to the plan page.
 */
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { formatDate } from "~/domain/dates";

type Adjustment = {
  id: number;
  at: string;
  atText: string;
  by: string | null;
  why: string;
  changes: { kind: string; subject: string; from: string | null; to: string | null }[];
  evidence: { visits: { id: number; on: string | null }[]; values: string[]; note: string };
};

export function PlanAdjustments({ projectId, adjustments, canEdit }: { projectId: number; adjustments: Adjustment[]; canEdit: boolean }) {
  const { t, i18n } = useTranslation();
  return (
    <section className="card" aria-labelledby="adj-h">
      <h2 id="adj-h">{t("pilots.adjustments.title")}</h2>
      <p className="muted">{t("pilots.adjustments.lead")}</p>
      {canEdit ? (
        <p>
          <Link className="btn btn-secondary" to={`/pilots/projects/${projectId}/plan`}>
            {t("pilots.adjustments.adjust")}
          </Link>
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
                {a.changes.map((c, i) => (
                  <li key={i}>
                    <strong>{t(`pilots.adjustments.kind.${c.kind}`)}</strong>
                    {c.subject ? <>: {c.subject}</> : null}
                    {c.kind === "objectives" ? null : (
                      <>
                        {" "}
                        ({c.from ?? "–"} → {c.to ?? "–"})
                      </>
                    )}
                  </li>
                ))}
              </ul>
              <p>
                <strong>{t("pilots.adjustments.why")}:</strong> {a.why}
              </p>
              {a.evidence.visits.length || a.evidence.values.length || a.evidence.note ? (
                <div>
                  <strong>{t("pilots.adjustments.evidence")}:</strong>
                  <ul>
                    {a.evidence.visits.map((v) => (
                      <li key={v.id}>
                        <a href={`#visit-${v.id}`}>{t("pilots.adjustments.visitOf", { date: v.on ? formatDate(v.on, i18n.language) : `#${v.id}` })}</a>
                      </li>
                    ))}
                    {a.evidence.values.map((v) => (
                      <li key={v}>{v}</li>
                    ))}
                    {a.evidence.note ? <li style={{ whiteSpace: "pre-line" }}>{a.evidence.note}</li> : null}
                  </ul>
                </div>
              ) : null}
            </li>
          ))}
        </ol>
      ) : (
        <p className="muted">{t("pilots.adjustments.none")}</p>
      )}
    </section>
  );
}
