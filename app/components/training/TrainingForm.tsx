/**
 * The training form (new and edit; organizer and host coordinator pages share it). Works with and
 * without JavaScript: the server re-shows every typed value with errors next to their fields;
 * warnings (public holiday, interpreter cover) come back on the "save anyway" checkbox.
 */
import { getFormProps, type FieldMetadata } from "@conform-to/react";
import { TranslationsFieldset } from "~/components/i18n/TranslationsFieldset";
import type { Translations } from "~/domain/local-text";
import { useAppForm } from "~/forms/use-app-form";
import { parseWithZod } from "~/forms/parse";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { RepeatFields } from "./RepeatFields";
import { CheckboxGroup, ErrorList, FormErrors, SelectField, TextAreaField, TextField } from "~/components/form";
import { languageName, LANGUAGES } from "~/domain/vocabulary";
import { trainingSchema } from "~/forms/training";
import type { FormReply } from "~/utils/http.server";
import { TRAINING_AUDIENCES, TRAINING_TYPES } from "../../../db/schema/training";
import { collator as sharedCollator } from "../../domain/intl";

type Text = FieldMetadata<string | undefined>;
type List = FieldMetadata<string[] | undefined>;

export type TrainingFormChoices = {
  visits: { id: number; label: string; lang?: string }[];
  venues: { id: number; label: string }[];
  trainers: { id: number; label: string }[];
  interpreters: { id: number; label: string }[];
  /** Zones to choose from, labelled in the page's language by the loader (timeZoneChoices). */
  zones: { value: string; label: string }[];
  /** Weekday checkboxes of the repeat choice, Monday first, named by Intl in the page's language. */
  weekdays: { value: string; label: string }[];
  /** MAX_OCCURRENCES in the page language's digits (formatted by the loader, not during hydration). */
  repeatMax: string;
};

export function TrainingForm({
  lastResult,
  defaultValue,
  choices,
  fixedVisit,
  isNew,
  submitLabel,
  action,
}: {
  lastResult?: FormReply;
  defaultValue?: Record<string, unknown>;
  choices: TrainingFormChoices;
  /** Host pages: the visit is fixed. */
  fixedVisit?: { id: number; label: string };
  isNew: boolean;
  submitLabel: string;
  action?: string;
}) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const [form, fields] = useAppForm({
    lastResult,
    defaultValue: defaultValue as never,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: trainingSchema }),
    shouldRevalidate: "onInput",
  });
  // The submitted translations after a refused submit, else the stored ones.
  const tr = (form.initialValue as { tr?: Translations } | undefined)?.tr ?? (defaultValue?.tr as Translations | undefined);
  const collator = sharedCollator(lng);
  const languages = LANGUAGES.map((l) => ({ value: l, label: languageName(l, lng) })).sort((a, b) => collator.compare(a.label, b.label));
  const warnings = fields.confirmWarnings.errors;
  return (
    <Form method="post" className="stack" action={action} {...getFormProps(form)}>
      <input type="hidden" name="intent" value="save" />
      {defaultValue?.version ? <input type="hidden" name={fields.version.name} value={String(defaultValue.version)} /> : null}
      <FormErrors errors={form.errors} id={form.errorId} />
      <TextField field={fields.title as Text} label={t("training.form.title")} required />
      <TranslationsFieldset field="title" label={t("training.form.title")} values={tr?.title} errors={form.allErrors} formId={form.id} />
      {/* align-start: the Type select keeps its own height beside the audience hint (issue 12, item 15). */}
      <div className="grid grid-2 align-start">
        <SelectField
          field={fields.type as Text}
          label={t("training.form.type")}
          options={TRAINING_TYPES.map((x) => ({ value: x, label: t(`training.types.${x}`) }))}
          required
        />
        <SelectField
          field={fields.audience as Text}
          label={t("training.form.audience")}
          hint={t("training.form.audienceHint")}
          options={TRAINING_AUDIENCES.map((x) => ({ value: x, label: t(`training.audiences.${x}`) }))}
          required
        />
      </div>
      {fixedVisit ? (
        <p>
          <input type="hidden" name={fields.visitId.name} value={fixedVisit.id} />
          <strong>{t("training.form.visit")}:</strong> {fixedVisit.label}
        </p>
      ) : (
        <SelectField
          field={fields.visitId as Text}
          label={t("training.form.visit")}
          hint={t("training.form.visitHint")}
          placeholder={t("training.form.noVisit")}
          options={choices.visits.map((v) => ({ value: String(v.id), label: v.label, lang: v.lang }))}
        />
      )}
      {/* Full width: long venue names ("Hall, site, province") are not cut (issue 12, item 15). */}
      <div className="stack">
        <SelectField
          field={fields.venueId as Text}
          label={t("training.form.venue")}
          hint={t("training.form.venueHint")}
          placeholder={t("training.form.noVenue")}
          options={choices.venues.map((v) => ({ value: String(v.id), label: v.label }))}
        />
        <SelectField
          field={fields.timeZone as Text}
          label={t("training.form.timeZone")}
          hint={t("training.form.timeZoneHint")}
          placeholder={t("training.form.zoneFromVenue")}
          options={choices.zones}
        />
      </div>
      <div className="grid grid-2">
        <TextField field={fields.startDate as Text} type="date" label={t("training.form.startDate")} hint={t("training.form.localHint")} required />
        <TextField field={fields.startTime as Text} type="time" label={t("training.form.startTime")} hint={t("training.form.timeHint")} required />
      </div>
      <div className="grid grid-2">
        <TextField field={fields.endDate as Text} type="date" label={t("training.form.endDate")} hint={t("training.form.endDateHint")} />
        <TextField field={fields.endTime as Text} type="time" label={t("training.form.endTime")} hint={t("training.form.timeHint")} required />
      </div>
      {isNew ? (
        <RepeatFields
          fields={{
            repeat: fields.repeat as Text,
            weekdays: fields.weekdays as List,
            repeatEnd: fields.repeatEnd as Text,
            until: fields.until as Text,
            count: fields.count as Text,
          }}
          weekdays={choices.weekdays}
          maxCount={choices.repeatMax}
          occurrenceErrors={(form.allErrors as Record<string, string[]> | undefined)?.occurrences}
        />
      ) : null}
      <TextField field={fields.onlineUrl as Text} type="url" label={t("training.form.onlineUrl")} hint={t("training.form.onlineUrlHint")} />
      <CheckboxGroup
        field={fields.trainerIds as List}
        label={t("training.form.trainers")}
        options={choices.trainers.map((x) => ({ value: String(x.id), label: x.label }))}
      />
      <CheckboxGroup
        field={fields.interpreterIds as List}
        label={t("training.form.interpreters")}
        options={choices.interpreters.map((x) => ({ value: String(x.id), label: x.label }))}
      />
      <div className="grid grid-2">
        <SelectField field={fields.deliveryLanguage as Text} label={t("training.form.deliveryLanguage")} options={languages} required />
        <TextField
          field={fields.capacity as Text}
          type="number"
          inputMode="numeric"
          label={t("training.form.capacity")}
          hint={t("training.form.capacityHint")}
        />
      </div>
      <TextAreaField field={fields.description as Text} label={t("training.form.description")} rows={3} />
      <TranslationsFieldset
        field="description"
        label={t("training.form.description")}
        values={tr?.description}
        errors={form.allErrors}
        formId={form.id}
        multiline
      />
      {isNew ? (
        <SelectField
          field={fields.status as Text}
          label={t("training.form.status")}
          options={[
            { value: "draft", label: t("training.status.draft") },
            { value: "scheduled", label: t("training.status.scheduled") },
          ]}
        />
      ) : null}
      <div className={warnings?.length ? "field warn-box" : "field"}>
        <label className="check">
          <input
            type="checkbox"
            id={fields.confirmWarnings.id}
            name={fields.confirmWarnings.name}
            key={fields.confirmWarnings.key}
            aria-describedby={fields.confirmWarnings.errorId}
          />
          {t("training.form.confirmWarnings")}
        </label>
        <ErrorList id={fields.confirmWarnings.errorId} errors={warnings} />
      </div>
      <div className="actions">
        <button type="submit">{submitLabel}</button>
      </div>
    </Form>
  );
}
