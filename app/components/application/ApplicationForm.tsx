/**
 * The whole application form (docs/design.md "application"): used by the applicant's page
 * (app/routes/apply.$editionId.tsx, mode "applicant") and by a focal point's nomination page
 * (mode "nominate": adds the nominee's e-mail at the top and fixes the nationality to the focal
 * point's country via `fixedNationality`).
 *
 * It posts `intent=save` (lenient: draftSchema) or `intent=submit` (strict: submitSchema) to
 * `action` (the current route by default), plus any `hiddenFields`. It works without JavaScript
 * (fixed empty rows, native controls) and is checked on the server only, with or without JavaScript
 * (no zod or phone metadata in the browser, issue 14 script budget). Server replies (`lastResult`)
 * re-show every typed value with errors next to fields.
 */
import type { SubmissionResult } from "@conform-to/react";
import { serverFormProps, useServerForm } from "~/forms/server-form";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormErrors, TextField } from "~/components/form";
import type { ApplicationFormValues } from "~/forms/application-fields";
import type { FormQuestion } from "~/models/applications/questions.server";
import { CustomQuestions } from "./CustomQuestions";
import { levelOptions, type Option } from "./options";
import { HostChoices, LanguageRows } from "./RepeatedRows";
import { ContactSection, ExchangeSection, MotivationSection, NeedsSection, NomineeNeedsNote, PersonSection, VillageSection } from "./sections";

export type ApplicationFormProps = {
  edition: { id: number; name: string; themes: readonly string[] };
  lastResult?: SubmissionResult<string[]> | null;
  defaultValue?: ApplicationFormValues;
  mode?: "applicant" | "nominate";
  /** Nominate mode: the focal point's country, shown read-only and posted as `nationality`. */
  fixedNationality?: string;
  /** Extra hidden inputs posted with the form (e.g. an application id). */
  hiddenFields?: Record<string, string>;
  /** Where to post (defaults to the current route). */
  action?: string;
  /** False hides the submit button (window not open); saving a draft stays possible. */
  canSubmit?: boolean;
  /** Overrides the submit button's label (e.g. "Submit nomination"). */
  submitLabel?: string;
  /** The edition's own questions (issue 15), posted as `q_<id>`. */
  questions?: FormQuestion[];
  /** Member countries and languages in the reader's language, from the server (./options.server.ts). */
  options: { countries: Option[]; languages: Option[] };
};

export function ApplicationForm({
  edition,
  lastResult,
  defaultValue,
  mode = "applicant",
  fixedNationality,
  hiddenFields = {},
  action,
  canSubmit = true,
  submitLabel,
  questions = [],
  options,
}: ApplicationFormProps) {
  const { t } = useTranslation();
  // Validated on the server only (applicationSchemaFor): zod and the phone metadata would add
  // ~60 kB gzip to the participants' pages (issue 14 budget). The inputs carry native limits.
  const [form, fields] = useServerForm<ApplicationFormValues>({
    id: `application-${edition.id}`,
    lastResult: lastResult ?? undefined,
    defaultValue,
  });
  // A summary on top of a long form (phones): how many answers need attention.
  const errorCount = Object.keys(form.allErrors).filter((k) => k !== "").length;
  const { countries, languages } = options;
  return (
    <>
      <FormErrors errors={form.errors} id={form.errorId} />
      {errorCount ? (
        <p className="alert alert-error" role="alert">
          {t("apply.form.errorSummary", { count: errorCount })}
        </p>
      ) : null}
      <Form method="post" action={action} className="stack application-form" {...serverFormProps(form)}>
        {Object.entries(hiddenFields).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        {mode === "nominate" ? (
          <TextField
            field={fields.email}
            type="email"
            label={t("apply.form.nomineeEmail")}
            hint={t("apply.form.nomineeEmailHint")}
            autoComplete="off"
            required
          />
        ) : null}
        <PersonSection fields={fields} countries={countries} fixedNationality={mode === "nominate" ? fixedNationality : undefined} />
        <VillageSection fields={fields} />
        <LanguageRows fields={fields} languages={languages} levels={levelOptions(t)} />
        <ExchangeSection fields={fields} themes={edition.themes} />
        <HostChoices fields={fields} countries={countries} />
        {/* Health data only with the person's own consent: a nominee gives their needs and consent
            themselves after claiming the nomination (issue 12 item 6), never the focal point. */}
        {mode === "nominate" ? <NomineeNeedsNote /> : <NeedsSection fields={fields} />}
        <ContactSection fields={fields} />
        <MotivationSection fields={fields} nominee={mode === "nominate"} />
        <CustomQuestions questions={questions} fields={fields} />
        <p className="hint">{t("apply.form.saveHint")}</p>
        <div className="actions">
          <button type="submit" name="intent" value="save" className="btn-secondary" formNoValidate>
            {t("apply.form.save")}
          </button>
          {canSubmit ? (
            <button type="submit" name="intent" value="submit">
              {submitLabel ?? t("apply.form.submit")}
            </button>
          ) : null}
        </div>
      </Form>
    </>
  );
}
