/**
 * A project's history for those who may edit it: each audited change with its label, time and
 * person, and the reason given, written by the server in the reader's language
 * (project-page.server.ts). Rendered on the server only (staticMarkup).
 */
import { useTranslation } from "react-i18next";

type TrailEntry = { id: number; label: string; at: string; atText: string; actorName: string | null; reasonText: string | null };

export function ProjectTrail({ trail }: { trail: TrailEntry[] }) {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="trail-h">
      <h2 id="trail-h">{t("pilots.trail.title")}</h2>
      {trail.length ? (
        <ol className="timeline">
          {trail.map((e) => (
            <li key={e.id}>
              <p>
                <strong>{e.label}</strong>
              </p>
              <p className="muted">
                <time dateTime={e.at}>{e.atText}</time> · {e.actorName ?? "–"}
              </p>
              {e.reasonText ? <p>{e.reasonText}</p> : null}
            </li>
          ))}
        </ol>
      ) : (
        <p className="muted">{t("common.noneYet")}</p>
      )}
    </section>
  );
}
