/**
 * The organizer's status step form on a project page: the next steps of the life cycle, with a reason.
 * Checked on the server only (~/forms/server-form: no zod or conform in the browser, issue 14
 * script budget): a refused post answers HTTP 400 with the errors next to their fields and the
 * typed values kept, with or without JavaScript.
 */
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormErrors, SelectField, TextAreaField } from "~/components/form";
import { serverFormProps, useServerForm } from "~/forms/server-form";
import type { FormReply } from "~/utils/http.server";

export function StatusSection({ nextSteps, lastResult }: { nextSteps: string[]; lastResult?: FormReply }) {
  const { t } = useTranslation();
  const [form, fields] = useServerForm({ id: "status", lastResult, defaultValue: { to: nextSteps[0] ?? "" } });
  return (
    <section className="card" aria-labelledby="status-h">
      <h2 id="status-h">{t("pilots.statusForm.title")}</h2>
      {nextSteps.length ? (
        <Form method="post" className="stack" {...serverFormProps(form)}>
          <FormErrors errors={form.errors} id={form.errorId} />
          <input type="hidden" name="intent" value="status" />
          <SelectField
            field={fields.to}
            label={t("pilots.statusForm.to")}
            options={nextSteps.map((s) => ({ value: s, label: t(`pilots.status.${s}`) }))}
            required
          />
          <TextAreaField field={fields.reason} label={t("common.reason")} hint={t("pilots.statusForm.reasonHint")} rows={3} />
          <div className="actions">
            <button type="submit">{t("pilots.statusForm.submit")}</button>
          </div>
        </Form>
      ) : (
        <p className="muted">{t("pilots.statusForm.final")}</p>
      )}
    </section>
  );
}
