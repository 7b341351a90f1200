/**
 * The pilot project form: the organizer's (village, people, optional action plan origin) and the
 * participant's proposal (their village by name). Checked on the server only (~/forms/server-form:
 * no zod or conform in the browser, issue 14 script budget); a refused post comes back as HTTP 400
 * with the errors by their fields and the typed values kept, with or without JavaScript.
 */
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormErrors, SelectField, TextAreaField, TextField } from "~/components/form";
import { serverFormProps, useServerForm } from "~/forms/server-form";
import type { FormReply } from "~/utils/http.server";
import { AdjustmentFields, type EvidenceChoices } from "./AdjustmentFields";
import { pilotOptions } from "./options";

export function ProjectForm({
  lastResult,
  defaultValue,
  submitLabel,
  mode,
  villages = [],
  adjust,
}: {
  /** On the edit form of an agreed plan: the reason and evidence of a change of objectives or dates. */
  adjust?: { agreed: boolean; choices: EvidenceChoices };
  lastResult?: FormReply;
  defaultValue?: Record<string, unknown>;
  submitLabel: string;
  mode: "organizer" | "proposal";
  villages?: { value: string; label: string }[];
}) {
  const { t } = useTranslation();
  const o = pilotOptions(t);
  const [form, f] = useServerForm({ lastResult, defaultValue });
  return (
    <Form method="post" className="stack" {...serverFormProps(form)}>
      <FormErrors errors={form.errors} id={form.errorId} />
      <fieldset>
        <legend>{t("pilots.project.sectionWhat")}</legend>
        <TextField field={f.title} label={t("pilots.project.title")} required />
        <SelectField
          field={f.component}
          label={t("pilots.project.component")}
          options={o.components}
          placeholder={t("pilots.project.chooseComponent")}
          required
        />
        <TextField field={f.componentOther} label={t("pilots.project.componentOther")} hint={t("pilots.project.componentOtherHint")} />
        <TextAreaField field={f.objectives} label={t("pilots.project.objectives")} hint={t("pilots.project.objectivesHint")} rows={5} required />
        <div className="grid grid-2">
          <TextField field={f.startsOn} type="date" label={t("pilots.project.startsOn")} />
          <TextField field={f.endsOn} type="date" label={t("pilots.project.endsOn")} />
        </div>
      </fieldset>
      {adjust ? <AdjustmentFields fields={f} choices={adjust.choices} agreed={adjust.agreed} /> : null}
      {mode === "organizer" ? (
        <fieldset>
          <legend>{t("pilots.project.sectionWhere")}</legend>
          <SelectField field={f.villageId} label={t("pilots.project.village")} options={villages} placeholder={t("pilots.project.chooseVillage")} required />
          <TextField field={f.localLeadName} label={t("pilots.project.localLeadName")} />
          <TextField
            field={f.localLeadEmail}
            type="email"
            label={t("pilots.project.localLeadEmail")}
            hint={t("pilots.project.localLeadEmailHint")}
            autoComplete="off"
          />
          {defaultValue?.actionPlanItemId ? <input type="hidden" name="actionPlanItemId" value={String(defaultValue.actionPlanItemId)} /> : null}
        </fieldset>
      ) : (
        <fieldset>
          <legend>{t("pilots.proposal.sectionVillage")}</legend>
          <TextField field={f.villageName} label={t("pilots.proposal.villageName")} required />
          <TextField field={f.province} label={t("pilots.village.province")} required />
          <TextField field={f.district} label={t("pilots.village.district")} />
        </fieldset>
      )}
      <div className="actions">
        <button type="submit">{submitLabel}</button>
      </div>
    </Form>
  );
}
