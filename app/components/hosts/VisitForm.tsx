/** The exchange visit form (schedule and edit); works with and without JavaScript. */
import { getFormProps, type FieldMetadata } from "@conform-to/react";
import { useAppForm } from "~/forms/use-app-form";
import { parseWithZod } from "~/forms/parse";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { TranslationsFieldset } from "~/components/i18n/TranslationsFieldset";
import type { Translations } from "~/domain/local-text";
import { CheckboxGroup, ErrorList, FormErrors, SelectField, TextAreaField, TextField } from "~/components/form";
import { formatDate } from "~/domain/dates";
import { visitSchema } from "~/forms/visit";
import type { FormReply } from "~/utils/http.server";
import { hostOptions, prefilledLabels, type Option } from "./options";

type Text = FieldMetadata<string | undefined>;
type List = FieldMetadata<string[] | undefined>;
export type EditionChoice = { id: number; name: string; lang?: string; startsOn: string; endsOn: string };

export function VisitForm({
  lastResult,
  defaultValue,
  editions,
  fixedEdition,
  submitLabel,
  prefilled,
}: {
  lastResult?: FormReply;
  defaultValue?: Record<string, unknown>;
  /** Editions to choose from (new visit). */
  editions?: EditionChoice[];
  /** The visit's edition (edit: it does not change). */
  fixedEdition?: EditionChoice;
  submitLabel: string;
  /** New visit: what was pre-ticked from the site profile, said under each group (issue 12 item 8). */
  prefilled?: { themes?: string[]; languages?: string[]; interpreterLanguages?: string[]; homestay?: boolean };
}) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const o = hostOptions(t, lng);
  const [form, fields] = useAppForm({
    lastResult,
    defaultValue: defaultValue as never,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: visitSchema }),
    shouldRevalidate: "onInput",
  });
  // The submitted translations after a refused submit, else the stored ones.
  const tr = (form.initialValue as { tr?: Translations } | undefined)?.tr ?? (defaultValue?.tr as Translations | undefined);
  const note = (values: string[] | undefined, options: Option[]) => {
    const items = prefilledLabels(values, options);
    return items.length ? t("hosts.visit.prefilled", { items: new Intl.ListFormat(lng, { type: "conjunction" }).format(items) }) : undefined;
  };
  const join = (...parts: (string | undefined)[]) => parts.filter(Boolean).join(" ") || undefined;
  const homestayChecked = fields.homestay.initialValue === "on" || fields.homestay.initialValue === "true";
  return (
    <Form method="post" className="stack" {...getFormProps(form)}>
      <FormErrors errors={form.errors} id={form.errorId} />
      {fixedEdition ? (
        <p>
          <input type="hidden" name={fields.editionId.name} value={fixedEdition.id} />
          <strong>{t("common.edition")}:</strong> <span lang={fixedEdition.lang}>{fixedEdition.name}</span> ({formatDate(fixedEdition.startsOn, lng)} –{" "}
          {formatDate(fixedEdition.endsOn, lng)})
        </p>
      ) : (
        <SelectField
          field={fields.editionId as Text}
          label={t("common.edition")}
          hint={t("hosts.visit.editionHint")}
          placeholder={t("hosts.visit.chooseEdition")}
          options={(editions ?? []).map((e) => ({
            value: String(e.id),
            label: `${e.name} (${formatDate(e.startsOn, lng)} – ${formatDate(e.endsOn, lng)})`,
            lang: e.lang,
          }))}
          required
        />
      )}
      <TextField field={fields.title as Text} label={t("hosts.visit.title")} hint={t("hosts.visit.titleHint")} />
      <TranslationsFieldset field="title" label={t("hosts.visit.title")} values={tr?.title} errors={form.allErrors} formId={form.id} />
      <div className="grid grid-2">
        <TextField field={fields.arrivalOn as Text} type="date" label={t("hosts.visit.arrivalOn")} hint={t("hosts.visit.dateHint")} required />
        <TextField field={fields.departureOn as Text} type="date" label={t("hosts.visit.departureOn")} hint={t("hosts.visit.dateHint")} required />
      </div>
      <div className="grid grid-2">
        <TextField
          field={fields.capacity as Text}
          type="number"
          inputMode="numeric"
          label={t("hosts.visit.capacity")}
          hint={t("hosts.visit.capacityHint")}
          required
        />
        <TextField
          field={fields.perCountryCap as Text}
          type="number"
          inputMode="numeric"
          label={t("hosts.visit.perCountryCap")}
          hint={t("hosts.visit.perCountryCapHint")}
          required
        />
      </div>
      <CheckboxGroup field={fields.themes as List} label={t("hosts.visit.themes")} hint={note(prefilled?.themes, o.themes)} options={o.themes} />
      <CheckboxGroup field={fields.languages as List} label={t("hosts.visit.languages")} hint={note(prefilled?.languages, o.languages)} options={o.languages} />
      <CheckboxGroup
        field={fields.interpreterLanguages as List}
        label={t("hosts.visit.interpreterLanguages")}
        hint={join(note(prefilled?.interpreterLanguages, o.languages), t("hosts.visit.interpreterLanguagesHint"))}
        options={o.languages}
      />
      <div className="field">
        <label className="check">
          <input type="checkbox" id={fields.homestay.id} name={fields.homestay.name} defaultChecked={homestayChecked} key={fields.homestay.key} />
          {t("hosts.visit.homestay")}
        </label>
        {prefilled?.homestay ? <p className="hint">{t("hosts.visit.prefilledHomestay")}</p> : null}
        <ErrorList id={fields.homestay.errorId} errors={fields.homestay.errors} />
      </div>
      <TextAreaField field={fields.notes as Text} label={t("hosts.visit.notes")} hint={t("hosts.visit.notesHint")} rows={4} />
      <TranslationsFieldset field="notes" label={t("hosts.visit.notes")} values={tr?.notes} errors={form.allErrors} formId={form.id} multiline />
      <div className="actions">
        <button type="submit">{submitLabel}</button>
      </div>
    </Form>
  );
}
