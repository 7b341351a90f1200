/**
 * A project's monitoring visits, newest first: date (the village's), who visited, findings,
 * issues, author and the agreed actions (owner, due date, done or open; late when past due and
 * open), with a tick button per action for those who may write the project's visits (organizers
 * and the local lead) and an edit link for the report's author or an organizer. The words are
 * written by the server in the reader's language (project-page.server.ts: the page's script
 * budget, issue 14). Photos are thumbnails linking to the full photo (served in scope by
 * /pilots/projects/:id/photos/:photoId), with the author's caption or "Photo N of the visit on
 * <date>" as alt text, and a remove button for those who may remove them. Plain
 * forms: works without JavaScript. Rendered on the server only (staticMarkup): plain links and forms.
 */
import { useTranslation } from "react-i18next";

type Action = { id: number; action: string; doneOn: string | null; line: string; badge: string; stateText: string; toggle: string };
type Photo = { id: number; href: string; alt: string; canRemove: boolean };
type Visit = { id: number; visitedOn: string; visitedText: string; facts: string[][]; actions: Action[]; canEdit: boolean; photos: Photo[] };

export function Visits({ projectId, visits, canWrite }: { projectId: number; visits: Visit[]; canWrite: boolean }) {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="visits-h">
      <h2 id="visits-h">{t("pilots.visits.title")}</h2>
      {canWrite ? (
        <p>
          <a className="btn" href={`/pilots/projects/${projectId}/visits/new`}>
            {t("pilots.visits.new")}
          </a>
        </p>
      ) : null}
      {visits.length ? (
        <ol className="plain-list stack">
          {visits.map((v) => (
            <li key={v.id} id={`visit-${v.id}`}>
              <h3>
                <time dateTime={v.visitedOn}>{v.visitedText}</time>
              </h3>
              <dl className="facts">
                {v.facts.map(([k, x]) => [
                  <dt key={k}>{k}</dt>,
                  <dd key={`${k}-v`} className="pre-line">
                    {x}
                  </dd>,
                ])}
              </dl>
              {v.photos.length ? (
                <>
                  <h4>{t("pilots.visits.photos")}</h4>
                  <ul className="photo-list">
                    {v.photos.map((p) => (
                      <li key={p.id} className="stack">
                        <a href={p.href}>
                          <img src={p.href} alt={p.alt} width={160} height={120} loading="lazy" />
                        </a>
                        {p.canRemove ? (
                          <form method="post" action={`/pilots/projects/${projectId}?index`}>
                            <input type="hidden" name="intent" value="photoRemove" />
                            <input type="hidden" name="photoId" value={p.id} />
                            <button type="submit" className="btn-small btn-secondary" aria-label={`${t("pilots.visits.removePhoto")}: ${p.alt}`}>
                              {t("pilots.visits.removePhoto")}
                            </button>
                          </form>
                        ) : null}
                      </li>
                    ))}
                  </ul>
                </>
              ) : null}
              <h4>{t("pilots.visits.actions")}</h4>
              <ul className="stack">
                {v.actions.map((a) => (
                  <li key={a.id}>
                    {a.action} · {a.line} <span className={`badge badge-${a.badge}`}>{a.stateText}</span>
                    {canWrite ? (
                      <form method="post" action={`/pilots/projects/${projectId}?index`} className="actions">
                        <input type="hidden" name="intent" value="actionDone" />
                        <input type="hidden" name="actionId" value={a.id} />
                        <input type="hidden" name="done" value={String(!a.doneOn)} />
                        <button type="submit" className="btn-small btn-secondary" aria-label={`${a.toggle}: ${a.action}`}>
                          {a.toggle}
                        </button>
                      </form>
                    ) : null}
                  </li>
                ))}
              </ul>
              {v.canEdit ? (
                <a href={`/pilots/projects/${projectId}/visits/${v.id}/edit`} aria-label={`${t("pilots.visits.edit")}: ${v.visitedText}`}>
                  {t("pilots.visits.edit")}
                </a>
              ) : null}
            </li>
          ))}
        </ol>
      ) : (
        <p className="muted">{t("pilots.visits.none")}</p>
      )}
    </section>
  );
}
