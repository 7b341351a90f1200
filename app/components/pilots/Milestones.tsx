/**
 * A project's milestones: planned date, reached date or "late" (past due on the village's today),
 * and for organizers a form to add one and, per open milestone, to record the day it was reached.
 * Row forms keep the typed date and show their error under the row after a refused submit. Row
 * controls are named with aria-label, not visually hidden text: an absolutely positioned hidden
 * span inside a scrolling table escapes it and widens the page at 360 px.
 * Checked on the server only (~/forms/server-form: no zod or conform in the browser, issue 14
 * script budget): a refused post answers HTTP 400 with the errors next to their fields and the
 * typed values kept, with or without JavaScript.
 */
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorList, FormErrors, TextAreaField, TextField } from "~/components/form";
import { formatDate } from "~/domain/dates";
import { isLate } from "~/domain/pilots/progress";
import { serverFormProps, useServerForm } from "~/forms/server-form";
import { replyFor } from "./reply";

type Milestone = { id: number; title: string; dueOn: string; doneOn: string | null };

/** `adjust`: once the plan is agreed, adding a milestone is a plan adjustment and asks why (its evidence is given on the plan page). */
export function Milestones({
  milestones,
  today,
  canEdit,
  data,
  planAgreed,
}: {
  milestones: Milestone[];
  today: string;
  canEdit: boolean;
  data: unknown;
  planAgreed: boolean;
}) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const [form, fields] = useServerForm({ id: "milestone", lastResult: replyFor(data, "milestone") });
  return (
    <section className="card" aria-labelledby="ms-h">
      <h2 id="ms-h">{t("pilots.milestones.title")}</h2>
      {milestones.length ? (
        <div className="table-wrap" data-scroll-hint={t("common.scrollHint")} tabIndex={0} role="region" aria-label={t("pilots.milestones.title")}>
          <table>
            <caption className="visually-hidden">{t("pilots.milestones.title")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("pilots.milestones.what")}</th>
                <th scope="col">{t("pilots.milestones.dueOn")}</th>
                <th scope="col">{t("pilots.milestones.doneOn")}</th>
              </tr>
            </thead>
            <tbody>
              {milestones.map((m) => {
                const reply = replyFor(data, "milestoneDone", { key: "milestoneId", id: m.id });
                const typed = (reply?.initialValue as { doneOn?: string } | undefined)?.doneOn;
                const errId = `ms-${m.id}-error`;
                return (
                  <tr key={m.id}>
                    <td>{m.title}</td>
                    <td>
                      {formatDate(m.dueOn, lng)}
                      {isLate(m, today) ? (
                        <>
                          {" "}
                          <span className="badge badge-rejected">{t("pilots.milestones.late")}</span>
                        </>
                      ) : null}
                    </td>
                    <td>
                      {m.doneOn ? (
                        formatDate(m.doneOn, lng)
                      ) : canEdit ? (
                        <Form method="post" className="actions" noValidate>
                          <input type="hidden" name="intent" value="milestoneDone" />
                          <input type="hidden" name="milestoneId" value={m.id} />
                          <input
                            id={`ms-${m.id}-done`}
                            aria-label={t("pilots.milestones.doneOnFor", { title: m.title })}
                            type="date"
                            name="doneOn"
                            defaultValue={typed ?? today}
                            max={today}
                            required
                            aria-invalid={reply?.error ? true : undefined}
                            aria-describedby={reply?.error ? errId : undefined}
                          />
                          <button type="submit" className="btn-small" aria-label={`${t("pilots.milestones.markDone")}: ${m.title}`}>
                            {t("pilots.milestones.markDone")}
                          </button>
                          <ErrorList id={errId} errors={reply?.error?.doneOn ?? undefined} />
                        </Form>
                      ) : (
                        <span className="muted">{t("pilots.milestones.open")}</span>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="muted">{t("pilots.milestones.none")}</p>
      )}
      {canEdit ? (
        <Form method="post" className="stack" {...serverFormProps(form)}>
          <h3>{t("pilots.milestones.add")}</h3>
          <FormErrors errors={form.errors} id={form.errorId} />
          <input type="hidden" name="intent" value="milestone" />
          <TextField field={fields.title} label={t("pilots.milestones.what")} required />
          <TextField field={fields.dueOn} type="date" label={t("pilots.milestones.dueOn")} required />
          {planAgreed ? <TextAreaField field={fields.why} label={t("pilots.adjustments.why")} rows={2} required /> : null}
          <div className="actions">
            <button type="submit">{t("pilots.milestones.add")}</button>
          </div>
        </Form>
      ) : null}
    </section>
  );
}
