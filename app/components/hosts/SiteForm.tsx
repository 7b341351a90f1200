/**
 * The host site profile form (create and edit). Works without JavaScript: interpreter and
 * contact rows are always rendered (the filled ones plus SPARE_ROWS empty ones), and each control
 * is bound by name (`contacts[1].phone`) so its errors show next to it.
 */
import { FormProvider, getFormProps, useField, type FieldMetadata } from "@conform-to/react";
import { useAppForm } from "~/forms/use-app-form";
import { parseWithZod } from "~/forms/parse";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { TranslationsFieldset } from "~/components/i18n/TranslationsFieldset";
import type { Translations } from "~/domain/local-text";
import { CheckboxGroup, FormErrors, SelectField, TextAreaField, TextField } from "~/components/form";
import { hostSiteSchema, SPARE_ROWS } from "~/forms/host-site";
import type { FormReply } from "~/utils/http.server";
import { hostOptions, type Option } from "./options";

type Text = FieldMetadata<string | undefined>;

function BoundText(props: { name: string; label: string; type?: "text" | "tel" | "email"; autoComplete?: string }) {
  const [field] = useField<string>(props.name);
  return <TextField field={field as Text} label={props.label} type={props.type} autoComplete={props.autoComplete} />;
}

function BoundChecks({ name, label, options }: { name: string; label: string; options: Option[] }) {
  const [field] = useField<string[]>(name);
  return <CheckboxGroup field={field as FieldMetadata<string[] | undefined>} label={label} options={options} />;
}

export type SiteDefaults = Record<string, unknown> & { interpreters?: unknown[]; contacts?: unknown[] };

/** `timeZones`: the zones to choose from, labelled by the loader (memberZoneChoices). */
export function SiteForm({
  lastResult,
  defaultValue,
  submitLabel,
  timeZones,
}: {
  lastResult?: FormReply;
  defaultValue?: SiteDefaults;
  submitLabel: string;
  timeZones: Option[];
}) {
  const { t, i18n } = useTranslation();
  const o = hostOptions(t, i18n.language);
  const [form, fields] = useAppForm({
    lastResult,
    defaultValue: defaultValue as never,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: hostSiteSchema }),
    shouldRevalidate: "onInput",
  });
  // The submitted translations after a refused submit, else the stored ones.
  const tr = (form.initialValue as { tr?: Translations } | undefined)?.tr ?? (defaultValue?.tr as Translations | undefined);
  const interpreterRows = (defaultValue?.interpreters?.length ?? 0) + SPARE_ROWS;
  const contactRows = Math.max(1, defaultValue?.contacts?.length ?? 0) + SPARE_ROWS;
  return (
    <FormProvider context={form.context}>
      <Form method="post" className="stack" {...getFormProps(form)}>
        <FormErrors errors={form.errors} id={form.errorId} />
        <fieldset>
          <legend>{t("hosts.site.sectionPlace")}</legend>
          <TextField field={fields.name as Text} label={t("hosts.site.name")} hint={t("hosts.site.nameHint")} required />
          <TextField field={fields.nameLatin as Text} label={t("hosts.site.nameLatin")} hint={t("hosts.site.nameLatinHint")} required />
          {/* The name in each reader's language (issue 11); the Latin name is its English. */}
          <TranslationsFieldset field="name" label={t("hosts.site.nameTranslated")} values={tr?.name} errors={form.allErrors} formId={form.id} />
          <SelectField
            field={fields.countryCode as Text}
            label={t("common.country")}
            options={o.countries}
            placeholder={t("hosts.site.chooseCountry")}
            required
          />
          <TextField field={fields.province as Text} label={t("hosts.site.province")} required />
          <TextField field={fields.district as Text} label={t("hosts.site.district")} />
          <SelectField
            field={fields.timeZone as Text}
            label={t("hosts.site.timeZone")}
            hint={t("hosts.site.timeZoneHint")}
            options={timeZones}
            placeholder={t("hosts.site.timeZoneDefault")}
          />
          <div className="grid grid-2">
            <TextField field={fields.latitude as Text} label={t("hosts.site.latitude")} hint={t("hosts.site.coordinatesHint")} inputMode="text" />
            <TextField field={fields.longitude as Text} label={t("hosts.site.longitude")} inputMode="text" />
          </div>
          <TextAreaField field={fields.description as Text} label={t("hosts.site.description")} rows={5} />
          <TranslationsFieldset
            field="description"
            label={t("hosts.site.description")}
            values={tr?.description}
            errors={form.allErrors}
            formId={form.id}
            multiline
          />
        </fieldset>

        <fieldset>
          <legend>{t("hosts.site.sectionProgramme")}</legend>
          <CheckboxGroup field={fields.themes as FieldMetadata<string[] | undefined>} label={t("hosts.site.themes")} options={o.themes} required />
          <CheckboxGroup field={fields.languages as FieldMetadata<string[] | undefined>} label={t("hosts.site.languages")} options={o.languages} required />
        </fieldset>

        <fieldset>
          <legend>{t("hosts.site.interpreters")}</legend>
          <p className="hint">{t("hosts.site.interpretersHint")}</p>
          {Array.from({ length: interpreterRows }, (_, i) => (
            <div className="row-group" key={i}>
              <h4>{t("hosts.site.interpreterN", { n: i + 1 })}</h4>
              <BoundText name={`interpreters[${i}].name`} label={t("hosts.site.interpreterName", { n: i + 1 })} />
              <BoundChecks name={`interpreters[${i}].languages`} label={t("hosts.site.interpreterLanguages", { n: i + 1 })} options={o.languages} />
            </div>
          ))}
        </fieldset>

        <fieldset>
          <legend>{t("hosts.site.sectionStay")}</legend>
          <CheckboxGroup
            field={fields.accommodation as FieldMetadata<string[] | undefined>}
            label={t("hosts.site.accommodation")}
            options={o.accommodation}
            required
          />
          <TextField field={fields.beds as Text} type="number" inputMode="numeric" label={t("hosts.site.beds")} hint={t("hosts.site.bedsHint")} required />
          <CheckboxGroup field={fields.dietaryAbilities as FieldMetadata<string[] | undefined>} label={t("hosts.site.dietary")} options={o.dietary} />
          <TextField field={fields.dietaryOther as Text} label={t("hosts.site.dietaryOther")} hint={t("hosts.site.dietaryOtherHint")} />
          <TextAreaField field={fields.accessibility as Text} label={t("hosts.site.accessibility")} hint={t("hosts.site.accessibilityHint")} rows={3} />
          <TranslationsFieldset
            field="accessibility"
            label={t("hosts.site.accessibility")}
            values={tr?.accessibility}
            errors={form.allErrors}
            formId={form.id}
            multiline
          />
        </fieldset>

        <fieldset>
          <legend>{t("hosts.site.contacts")}</legend>
          <p className="hint">{t("hosts.site.contactsHint")}</p>
          {Array.from({ length: contactRows }, (_, i) => (
            <div className="row-group" key={i}>
              <h4>{t("hosts.site.contactN", { n: i + 1 })}</h4>
              <BoundText name={`contacts[${i}].name`} label={t("hosts.site.contactName", { n: i + 1 })} autoComplete="off" />
              <BoundText name={`contacts[${i}].role`} label={t("hosts.site.contactRole", { n: i + 1 })} autoComplete="off" />
              <BoundText name={`contacts[${i}].phone`} type="tel" label={t("hosts.site.contactPhone", { n: i + 1 })} autoComplete="off" />
              <BoundText name={`contacts[${i}].email`} type="email" label={t("hosts.site.contactEmail", { n: i + 1 })} autoComplete="off" />
            </div>
          ))}
        </fieldset>
        <div className="actions">
          <button type="submit">{submitLabel}</button>
        </div>
      </Form>
    </FormProvider>
  );
}
