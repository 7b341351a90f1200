/** The organizer's status step form on a project page: the next steps of the life cycle, with a reason. */
import { getFormProps, type FieldMetadata } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormErrors, SelectField, TextAreaField } from "~/components/form";
import { statusSchema } from "~/forms/pilots";
import { useAppForm } from "~/forms/use-app-form";
import type { FormReply } from "~/utils/http.server";

export function StatusSection({ nextSteps, lastResult }: { nextSteps: string[]; lastResult?: FormReply }) {
  const { t } = useTranslation();
  const [form, fields] = useAppForm({
    id: "status",
    lastResult,
    defaultValue: { to: nextSteps[0] ?? "" },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: statusSchema }),
    shouldRevalidate: "onInput",
  });
  return (
    <section className="card" aria-labelledby="status-h">
      <h2 id="status-h">{t("pilots.statusForm.title")}</h2>
      {nextSteps.length ? (
        <Form method="post" className="stack" {...getFormProps(form)}>
          <FormErrors errors={form.errors} id={form.errorId} />
          <input type="hidden" name="intent" value="status" />
          <SelectField
            field={fields.to as FieldMetadata<string | undefined>}
            label={t("pilots.statusForm.to")}
            options={nextSteps.map((s) => ({ value: s, label: t(`pilots.status.${s}`) }))}
            required
          />
          <TextAreaField
            field={fields.reason as FieldMetadata<string | undefined>}
            label={t("common.reason")}
            hint={t("pilots.statusForm.reasonHint")}
            rows={3}
          />
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
