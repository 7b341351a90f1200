/**
 * A project's monitoring visits, newest first: date (the village's), who visited, findings,
 * issues and the agreed actions (owner, due date, done or open; late when past due and open),
 * with a tick button per action for those who may write the project's visits (organizers and
 * the local lead) and an edit link for the report's author or an organizer. Photos will be listed
 * from the documents module (`attachments`). Plain forms: works without JavaScript.
 */
import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { formatDate } from "~/domain/dates";

type Action = { id: number; action: string; owner: string; dueOn: string; doneOn: string | null };
type Visit = {
  id: number;
  visitedOn: string;
  visitedText: string;
  visitors: string;
  findings: string;
  issues: string;
  by: string | null;
  actions: Action[];
  canEdit: boolean;
  attachments: { id: number; name: string }[];
};

export function Visits({ projectId, visits, canWrite, today }: { projectId: number; visits: Visit[]; canWrite: boolean; today: string }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  return (
    <section className="card" aria-labelledby="visits-h">
      <h2 id="visits-h">{t("pilots.visits.title")}</h2>
      {canWrite ? (
        <p>
          <Link className="btn" to={`/pilots/projects/${projectId}/visits/new`}>
            {t("pilots.visits.new")}
          </Link>
        </p>
      ) : null}
      {visits.length ? (
        <ol className="stack" style={{ listStyle: "none", padding: 0 }}>
          {visits.map((v) => (
            <li key={v.id} id={`visit-${v.id}`}>
              <article aria-labelledby={`visit-${v.id}-h`}>
                <h3 id={`visit-${v.id}-h`}>
                  <time dateTime={v.visitedOn}>{v.visitedText}</time>
                </h3>
                <dl className="facts">
                  <dt>{t("pilots.visits.visitors")}</dt>
                  <dd>{v.visitors}</dd>
                  <dt>{t("pilots.visits.findings")}</dt>
                  <dd style={{ whiteSpace: "pre-line" }}>{v.findings}</dd>
                  <dt>{t("pilots.visits.issues")}</dt>
                  <dd style={{ whiteSpace: "pre-line" }}>{v.issues || "–"}</dd>
                  <dt>{t("pilots.visits.author")}</dt>
                  <dd>{v.by ?? "–"}</dd>
                </dl>
                <h4>{t("pilots.visits.actions")}</h4>
                {v.actions.length ? (
                  <ul className="stack">
                    {v.actions.map((a) => (
                      <li key={a.id}>
                        <p>
                          {a.doneOn ? <s>{a.action}</s> : a.action} · {a.owner} · {t("pilots.visits.dueOn", { date: formatDate(a.dueOn, lng) })}{" "}
                          {a.doneOn ? (
                            <span className="badge badge-accepted">{t("pilots.visits.doneOn", { date: formatDate(a.doneOn, lng) })}</span>
                          ) : a.dueOn < today ? (
                            <span className="badge badge-rejected">{t("pilots.milestones.late")}</span>
                          ) : (
                            <span className="badge badge-submitted">{t("pilots.visits.open")}</span>
                          )}
                        </p>
                        {canWrite ? (
                          <Form method="post" className="actions">
                            <input type="hidden" name="intent" value="actionDone" />
                            <input type="hidden" name="actionId" value={a.id} />
                            <input type="hidden" name="done" value={a.doneOn ? "false" : "true"} />
                            <button
                              type="submit"
                              className="btn-small btn-secondary"
                              aria-label={`${t(a.doneOn ? "pilots.visits.reopen" : "pilots.visits.markDone")}: ${a.action}`}
                            >
                              {t(a.doneOn ? "pilots.visits.reopen" : "pilots.visits.markDone")}
                            </button>
                          </Form>
                        ) : null}
                      </li>
                    ))}
                  </ul>
                ) : (
                  <p className="muted">{t("pilots.visits.noActions")}</p>
                )}
                {v.canEdit ? (
                  <p>
                    <Link to={`/pilots/projects/${projectId}/visits/${v.id}/edit`}>
                      {t("pilots.visits.edit")}
                      <span className="visually-hidden">: {v.visitedText}</span>
                    </Link>
                  </p>
                ) : null}
              </article>
            </li>
          ))}
        </ol>
      ) : (
        <p className="muted">{t("pilots.visits.none")}</p>
      )}
    </section>
  );
}
