/**
 * The pilot village form (create and edit), checked on the server only (~/forms/server-form: no
 * zod or conform in the browser, issue 14 script budget); a refused post comes back as HTTP 400
 * with the errors by their fields and the typed values kept, with or without JavaScript.
 */
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import { CheckboxGroup, FormErrors, SelectField, TextField } from "~/components/form";
import type { villageSchema } from "~/forms/pilots";
import { serverFormProps, useServerForm } from "~/forms/server-form";
import type { FormReply } from "~/utils/http.server";
import { villageOptions } from "./options";

export function VillageForm({
  lastResult,
  defaultValue,
  submitLabel,
  timeZones,
}: {
  lastResult?: FormReply;
  defaultValue?: Record<string, unknown>;
  submitLabel: string;
  /** The zones to choose from, labelled by the loader (memberZoneChoices). */
  timeZones: { value: string; label: string }[];
}) {
  const { t, i18n } = useTranslation();
  const o = villageOptions(i18n.language);
  const [form, fields] = useServerForm<z.input<typeof villageSchema>>({ lastResult, defaultValue });
  return (
    <Form method="post" className="stack" {...serverFormProps(form)}>
      <FormErrors errors={form.errors} id={form.errorId} />
      <fieldset>
        <legend>{t("pilots.village.sectionPlace")}</legend>
        <TextField field={fields.name} label={t("pilots.village.name")} hint={t("pilots.village.nameHint")} required />
        <TextField field={fields.nameLatin} label={t("pilots.village.nameLatin")} />
        <SelectField field={fields.countryCode} label={t("common.country")} options={o.countries} placeholder={t("pilots.village.chooseCountry")} required />
        <TextField field={fields.province} label={t("pilots.village.province")} required />
        <TextField field={fields.district} label={t("pilots.village.district")} />
        <div className="grid grid-2">
          <TextField field={fields.latitude} label={t("pilots.village.latitude")} hint={t("pilots.village.coordinatesHint")} />
          <TextField field={fields.longitude} label={t("pilots.village.longitude")} />
        </div>
        <SelectField field={fields.timeZone} label={t("pilots.village.timeZone")} options={timeZones} placeholder={t("pilots.village.timeZoneDefault")} />
      </fieldset>
      <fieldset>
        <legend>{t("pilots.village.sectionPeople")}</legend>
        <div className="grid grid-2">
          <TextField field={fields.households} type="number" inputMode="numeric" label={t("pilots.village.households")} />
          <TextField field={fields.population} type="number" inputMode="numeric" label={t("pilots.village.population")} />
        </div>
        <CheckboxGroup field={fields.languages} label={t("pilots.village.languages")} options={o.languages} required />
        <TextField field={fields.localPartner} label={t("pilots.village.localPartner")} hint={t("pilots.village.localPartnerHint")} />
      </fieldset>
      <div className="actions">
        <button type="submit">{submitLabel}</button>
      </div>
    </Form>
  );
}
