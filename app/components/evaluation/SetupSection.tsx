/** The organizer's edition evaluation page (admin.editions.$id_.evaluation.tsx): the edition's survey set-up: templates and when each survey opens. */
import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "~/forms/parse";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormErrors, SelectField, TextField } from "~/components/form";
import { setupSchema } from "~/forms/evaluation";
import type { SectionProps as Props } from "./sections";

export function SetupSection({ data, lastResult }: Props & { lastResult?: SubmissionResult<string[]> }) {
  const { t } = useTranslation();
  const defaults: Record<string, string> = { followUpMonths: data.followUps.length ? data.followUps.join(", ") : "3, 6, 12" };
  for (const s of data.setup) defaults[s.stage] = s.options.find((o) => o.value.startsWith("starter-"))?.value ?? s.options[0]?.value ?? "";
  const [form, fields] = useForm<Record<string, string>>({
    id: "setup",
    lastResult,
    defaultValue: defaults,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: setupSchema }) as never,
    shouldRevalidate: "onInput",
  });
  const ready = data.surveys.length > 0;
  return (
    <details className="card" open={!ready}>
      <summary>
        <strong>
          {ready ? t("evaluation.edition.surveysSet", { list: data.surveys.map((s) => s.label).join(", ") }) : t("evaluation.edition.setupTitle")}
        </strong>
      </summary>
      <p className="hint">{t("evaluation.edition.setupLead")}</p>
      <FormErrors errors={form.errors} id={form.errorId} />
      <Form method="post" className="stack" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="setup" />
        <TextField field={fields.followUpMonths} label={t("evaluation.edition.followUpMonths")} hint={t("evaluation.edition.followUpHint")} required />
        {data.setup.map((s) => (
          <SelectField
            key={s.stage}
            field={fields[s.stage]}
            label={t("evaluation.edition.templateFor", { stage: t(`evaluation.stages.${s.stage}`) })}
            options={s.options}
            required
          />
        ))}
        <div className="actions">
          <button type="submit">{ready ? t("evaluation.edition.addSurveys") : t("evaluation.edition.setup")}</button>
        </div>
      </Form>
    </details>
  );
}
