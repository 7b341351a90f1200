// Organizer: survey templates (their current versions) per stage, and a new template.
import { TranslationsFieldset } from "~/components/i18n/TranslationsFieldset";
import type { Translations } from "~/domain/local-text";
import { getFormProps } from "@conform-to/react";
import { useAppForm } from "~/forms/use-app-form";
import { parseWithZod } from "~/forms/parse";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormErrors, SelectField, TextField } from "~/components/form";
import { stageLabel } from "~/components/evaluation/SurveyHeader";
import { templateSchema } from "~/forms/evaluation";
import { remixI18n } from "~/i18n.server";
import { requireOrganizer } from "~/models/actor";
import { createTemplate, ensureStarterTemplates, listTemplates } from "~/models/evaluation.server";
import { requireActor } from "~/session.server";
import { guard, handleForm, readForm } from "~/utils/http.server";
import { SURVEY_STAGES } from "../../db/schema/evaluation";
import { pickText } from "~/domain/local-text";
import { pageTitle } from "~/utils/page-title";

export const handle = pageTitle("evaluation.templates.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const lng = await remixI18n.getLocale(request);
  return guard(() => {
    requireOrganizer(actor);
    ensureStarterTemplates();
    return json({
      templates: listTemplates().map((x) => ({
        id: x.id,
        title: pickText(x.title, lng),
        stage: x.stage,
        version: x.version,
        questions: x.questions.length,
        responses: x.responses,
        anonymous: x.anonymous,
        followUpMonths: x.followUpMonths,
      })),
    });
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActor(request);
  const form = await readForm(request);
  return guard(() => {
    requireOrganizer(actor);
    return handleForm(form, templateSchema, (v) => redirect(`/admin/evaluation/templates/${createTemplate(actor, v)}`));
  });
}

export default function Templates() {
  const { t, i18n } = useTranslation();
  const { templates } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useAppForm({
    id: "template",
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: templateSchema }),
    shouldRevalidate: "onInput",
  });
  return (
    <>
      <p>
        <Link to="/admin/evaluation">{t("evaluation.admin.title")}</Link>
      </p>
      <h1>{t("evaluation.templates.title")}</h1>
      <p>{t("evaluation.templates.lead")}</p>
      <div className="table-wrap" data-scroll-hint={t("common.scrollHint")} tabIndex={0} role="region" aria-label={t("evaluation.templates.title")}>
        <table>
          <caption className="visually-hidden">{t("evaluation.templates.title")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("evaluation.templates.template")}</th>
              <th scope="col">{t("evaluation.templates.stage")}</th>
              <th scope="col">{t("evaluation.templates.version")}</th>
              <th scope="col">{t("evaluation.templates.questions")}</th>
              <th scope="col">{t("evaluation.admin.answers")}</th>
            </tr>
          </thead>
          <tbody>
            {templates.map((x) => (
              <tr key={x.id}>
                <td>
                  <Link to={`/admin/evaluation/templates/${x.id}`} lang={x.title.lang}>
                    {x.title.text}
                  </Link>
                  {x.anonymous ? <span className="badge"> {t("evaluation.anonymous.badge")}</span> : null}
                </td>
                <td>{stageLabel(t, x.stage, x.followUpMonths, i18n.language)}</td>
                <td>v{x.version}</td>
                <td>{x.questions}</td>
                <td>{x.responses}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <section className="card">
        <h2>{t("evaluation.templates.new")}</h2>
        <FormErrors errors={form.errors} id={form.errorId} />
        <Form method="post" className="stack" {...getFormProps(form)}>
          <SelectField
            field={fields.stage}
            label={t("evaluation.templates.stage")}
            options={SURVEY_STAGES.map((s) => ({ value: s, label: stageLabel(t, s, [], i18n.language) }))}
            required
          />
          <TextField field={fields.titleEn} label={t("evaluation.templates.titleEn")} required />
          <TranslationsFieldset
            field="title"
            label={t("evaluation.templates.titleEn")}
            values={(form.initialValue as { tr?: Translations } | undefined)?.tr?.title}
            errors={form.allErrors}
            formId={form.id}
          />
          <label className="check">
            <input type="checkbox" name="anonymous" defaultChecked={(form.initialValue as { anonymous?: string } | undefined)?.anonymous === "on"} />{" "}
            {t("evaluation.anonymous.createLabel")}
          </label>
          <p className="hint">{t("evaluation.anonymous.createHint")}</p>
          <div className="actions">
            <button type="submit">{t("evaluation.templates.create")}</button>
          </div>
        </Form>
      </section>
    </>
  );
}
