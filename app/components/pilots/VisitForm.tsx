/**
 * The monitoring visit report form (new and edit): date, who visited, findings, issues, and rows
 * of agreed actions (action, owner, due date, done). Without JavaScript rows cannot be added, so
 * the form shows the stored rows and EMPTY_ROWS blank ones; a blank row is ignored and a stored
 * row emptied is removed. Checked on the server only (~/forms/server-form): a refused post answers
 * HTTP 400 with the errors next to their fields and every typed value kept.
 */
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { checkboxProps, FormErrors, TextAreaField, TextField } from "~/components/form";
import { serverFormProps, useServerForm } from "~/forms/server-form";
import type { FormReply } from "~/utils/http.server";

export const EMPTY_ROWS = 3;

type Row = { id?: string; action?: string; owner?: string; dueOn?: string; done?: string };

export function VisitForm({
  lastResult,
  defaultValue,
  today,
  submitLabel,
}: {
  lastResult?: FormReply;
  defaultValue: { visitedOn: string; visitors?: string; findings?: string; issues?: string; actions: Row[] };
  today: string;
  submitLabel: string;
}) {
  const { t } = useTranslation();
  const [form, f] = useServerForm({ id: "visit", lastResult, defaultValue });
  // Rows as posted (a refused post keeps them all, blank ones included) or as stored plus blanks.
  const posted = (lastResult?.initialValue as { actions?: unknown[] } | undefined)?.actions;
  const count = Math.max(posted?.length ?? 0, defaultValue.actions.length + EMPTY_ROWS);
  return (
    <Form method="post" className="stack" {...serverFormProps(form)}>
      <FormErrors errors={form.errors} id={form.errorId} />
      <TextField field={{ ...f.visitedOn, max: today }} type="date" label={t("pilots.visits.visitedOn")} hint={t("pilots.visits.visitedOnHint")} required />
      <TextField field={f.visitors} label={t("pilots.visits.visitors")} hint={t("pilots.visits.visitorsHint")} required />
      <TextAreaField field={f.findings} label={t("pilots.visits.findings")} rows={5} required />
      <TextAreaField field={f.issues} label={t("pilots.visits.issues")} rows={3} />
      <fieldset className="stack">
        <legend>{t("pilots.visits.actions")}</legend>
        <p className="hint">{t("pilots.visits.actionsHint")}</p>
        {Array.from({ length: count }, (_, i) => {
          const id = f[`actions[${i}].id`].initialValue;
          return (
            <fieldset key={i} className="stack">
              <legend>{t("pilots.visits.actionN", { n: i + 1 })}</legend>
              {id ? <input type="hidden" name={`actions[${i}].id`} value={String(id)} /> : null}
              <TextField field={f[`actions[${i}].action`]} label={t("pilots.visits.action")} />
              <div className="grid grid-2">
                <TextField field={f[`actions[${i}].owner`]} label={t("pilots.visits.owner")} />
                <TextField field={f[`actions[${i}].dueOn`]} type="date" label={t("pilots.visits.actionDueOn")} />
              </div>
              <label className="check">
                <input {...checkboxProps(f[`actions[${i}].done`])} />
                {t("pilots.visits.done")}
              </label>
            </fieldset>
          );
        })}
      </fieldset>
      <p className="hint">{t("pilots.visits.photosLater")}</p>
      <div className="actions">
        <button type="submit">{submitLabel}</button>
      </div>
    </Form>
  );
}
