/**
 * The reason and evidence of a plan adjustment, inside any form that changes an agreed plan
 * (project edit, milestone, budget line, plan page). Shown only once the plan is agreed (the
 * server requires `why` then, app/models/pilots/adjustments.server.ts); `compact` leaves out the
 * indicator values (the forms on the project page stay short).
 */
import { useTranslation } from "react-i18next";
import { CheckboxGroup, SelectField, TextAreaField, type FieldMetadata } from "~/components/form";

export type EvidenceChoices = { visits: { value: string; label: string }[]; values: { value: string; label: string }[] };

export function AdjustmentFields({
  fields,
  choices,
  agreed,
  compact = false,
}: {
  fields: Record<string, FieldMetadata>;
  choices: EvidenceChoices;
  agreed: boolean;
  compact?: boolean;
}) {
  const { t } = useTranslation();
  if (!agreed) return null;
  return (
    <fieldset>
      <legend>{t("pilots.adjustments.fieldset")}</legend>
      <p className="hint">{t("pilots.adjustments.fieldsetHint")}</p>
      <TextAreaField field={fields.why} label={t("pilots.adjustments.why")} rows={3} required />
      {choices.visits.length ? (
        <SelectField
          field={fields.evidenceVisitId}
          label={t("pilots.adjustments.evidenceVisit")}
          options={choices.visits}
          placeholder={t("pilots.adjustments.noVisit")}
        />
      ) : null}
      {!compact && choices.values.length ? (
        <CheckboxGroup field={fields.evidenceValueIds} label={t("pilots.adjustments.evidenceValues")} options={choices.values} />
      ) : null}
      <TextAreaField field={fields.evidenceNote} label={t("pilots.adjustments.evidenceNote")} rows={2} />
    </fieldset>
  );
}
