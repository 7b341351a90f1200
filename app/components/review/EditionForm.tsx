/**
 * The organizer's edition form (create and edit): name, ordinal, mode, host countries, dates,
 * application window, time zone (empty = the first host country's zone), themes, description,
 * and a quota per member country. Works without JavaScript; every typed value survives a
 * failed submit.
 */
import { getFormProps, getInputProps, type FieldMetadata, type SubmissionResult } from "@conform-to/react";
import { useAppForm } from "~/forms/use-app-form";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { TranslationsFieldset } from "~/components/i18n/TranslationsFieldset";
import type { Translations } from "~/domain/local-text";
import { CheckboxGroup, ErrorList, FormErrors, SelectField, TextAreaField, TextField } from "~/components/form";
import { THEMES } from "~/domain/vocabulary";
import { parseEditionForm } from "~/forms/review";
import { EDITION_MODES } from "../../../db/schema/programme";

type EditionFields = {
  name: string;
  ordinal: string;
  mode: string;
  hostCountries: string[];
  startsOn: string;
  endsOn: string;
  applicationsOpenOn: string;
  applicationsCloseOn: string;
  timeZone: string;
  themes: string[];
  description: string;
} & Record<`quota_${string}`, string>;

export type EditionDefaults = Record<string, string | string[] | number | undefined | null | Translations>;

export function EditionForm({
  lastResult,
  defaultValue,
  countries,
  timeZones,
  submitLabel,
}: {
  lastResult?: SubmissionResult<string[]> | null;
  defaultValue?: EditionDefaults;
  countries: { code: string; name: string }[];
  /** Zones to choose from, labelled in the page's language by the loader (timeZoneChoices). */
  timeZones: { value: string; label: string }[];
  submitLabel: string;
}) {
  const { t } = useTranslation();
  const [form, fields] = useAppForm<EditionFields>({
    id: "edition",
    lastResult: lastResult ?? undefined,
    defaultValue: defaultValue as never,
    onValidate: ({ formData }) => parseEditionForm(formData) as never,
    shouldRevalidate: "onInput",
  });
  const countryOptions = countries.map((c) => ({ value: c.code, label: c.name }));
  const f = fields as unknown as Record<string, FieldMetadata<string>>;
  // The submitted translations after a refused submit, else the stored ones.
  const tr = (form.initialValue as { tr?: Translations } | undefined)?.tr ?? (defaultValue?.tr as Translations | undefined);
  return (
    <Form method="post" className="stack" {...getFormProps(form)}>
      <FormErrors errors={form.errors} id={form.errorId} />
      <div className="grid grid-2">
        <TextField field={fields.name} label={t("admin.editions.name")} hint={t("admin.editions.nameHint")} required />
        <TextField field={fields.ordinal} type="number" inputMode="numeric" label={t("admin.editions.ordinal")} required />
      </div>
      <SelectField field={fields.mode} label={t("admin.editions.mode")} options={EDITION_MODES.map((m) => ({ value: m, label: t(`modes.${m}`) }))} required />
      <CheckboxGroup
        field={fields.hostCountries}
        label={t("admin.editions.hostCountries")}
        hint={t("admin.editions.hostCountriesHint")}
        options={countryOptions}
      />
      <div className="grid grid-2">
        <TextField field={fields.startsOn} type="date" label={t("admin.editions.startsOn")} required />
        <TextField field={fields.endsOn} type="date" label={t("admin.editions.endsOn")} required />
        <TextField field={fields.applicationsOpenOn} type="date" label={t("admin.editions.applicationsOpenOn")} required />
        <TextField field={fields.applicationsCloseOn} type="date" label={t("admin.editions.applicationsCloseOn")} required />
      </div>
      <SelectField
        field={fields.timeZone}
        label={t("admin.editions.timeZone")}
        hint={t("admin.editions.timeZoneHint")}
        placeholder={t("admin.editions.timeZoneDefault")}
        options={timeZones}
      />
      <CheckboxGroup field={fields.themes} label={t("admin.editions.themes")} options={THEMES.map((th) => ({ value: th, label: t(`themes.${th}`) }))} />
      <TranslationsFieldset field="name" label={t("admin.editions.name")} values={tr?.name} errors={form.allErrors} formId={form.id} />
      <TextAreaField field={fields.description} label={t("admin.editions.description")} rows={4} />
      <TranslationsFieldset
        field="description"
        label={t("admin.editions.description")}
        values={tr?.description}
        errors={form.allErrors}
        formId={form.id}
        multiline
      />
      <fieldset className="field">
        <legend>{t("admin.editions.quotas")}</legend>
        <p className="hint">{t("admin.editions.quotasHint")}</p>
        <div className="quota-grid grid grid-2">
          {countries.map((c) => {
            const field = f[`quota_${c.code}`];
            const props = getInputProps(field, { type: "number" });
            return (
              <div className="field" key={c.code}>
                <label htmlFor={field.id}>{c.name}</label>
                <input {...props} key={props.key} min={0} max={500} inputMode="numeric" />
                <ErrorList id={field.errorId} errors={field.errors} />
              </div>
            );
          })}
        </div>
      </fieldset>
      <div className="actions">
        <button type="submit">{submitLabel}</button>
      </div>
    </Form>
  );
}
