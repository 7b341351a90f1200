/** The pilot village form (create and edit); works without JavaScript. */
import { getFormProps, type FieldMetadata } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CheckboxGroup, FormErrors, SelectField, TextField } from "~/components/form";
import { villageSchema } from "~/forms/pilots";
import { useAppForm } from "~/forms/use-app-form";
import type { FormReply } from "~/utils/http.server";
import { pilotOptions } from "./bits";

type Text = FieldMetadata<string | undefined>;

export function VillageForm({
  lastResult,
  defaultValue,
  submitLabel,
}: {
  lastResult?: FormReply;
  defaultValue?: Record<string, unknown>;
  submitLabel: string;
}) {
  const { t, i18n } = useTranslation();
  const o = pilotOptions(t, i18n.language);
  const [form, fields] = useAppForm({
    lastResult,
    defaultValue: defaultValue as never,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: villageSchema }),
    shouldRevalidate: "onInput",
  });
  return (
    <Form method="post" className="stack" {...getFormProps(form)}>
      <FormErrors errors={form.errors} id={form.errorId} />
      <fieldset>
        <legend>{t("pilots.village.sectionPlace")}</legend>
        <TextField field={fields.name as Text} label={t("pilots.village.name")} hint={t("pilots.village.nameHint")} required />
        <TextField field={fields.nameLatin as Text} label={t("pilots.village.nameLatin")} />
        <SelectField
          field={fields.countryCode as Text}
          label={t("common.country")}
          options={o.countries}
          placeholder={t("pilots.village.chooseCountry")}
          required
        />
        <TextField field={fields.province as Text} label={t("pilots.village.province")} required />
        <TextField field={fields.district as Text} label={t("pilots.village.district")} />
        <div className="grid grid-2">
          <TextField field={fields.latitude as Text} label={t("pilots.village.latitude")} hint={t("pilots.village.coordinatesHint")} />
          <TextField field={fields.longitude as Text} label={t("pilots.village.longitude")} />
        </div>
        <SelectField
          field={fields.timeZone as Text}
          label={t("pilots.village.timeZone")}
          options={o.timeZones}
          placeholder={t("pilots.village.timeZoneDefault")}
        />
      </fieldset>
      <fieldset>
        <legend>{t("pilots.village.sectionPeople")}</legend>
        <div className="grid grid-2">
          <TextField field={fields.households as Text} type="number" inputMode="numeric" label={t("pilots.village.households")} />
          <TextField field={fields.population as Text} type="number" inputMode="numeric" label={t("pilots.village.population")} />
        </div>
        <CheckboxGroup field={fields.languages as FieldMetadata<string[] | undefined>} label={t("pilots.village.languages")} options={o.languages} required />
        <TextField field={fields.localPartner as Text} label={t("pilots.village.localPartner")} hint={t("pilots.village.localPartnerHint")} />
      </fieldset>
      <div className="actions">
        <button type="submit">{submitLabel}</button>
      </div>
    </Form>
  );
}
