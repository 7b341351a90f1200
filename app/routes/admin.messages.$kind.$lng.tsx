// Organizer: one kind of e-mail in one language: its subject and body (the organizers' version
// or the shipped default), the variables it may use, a preview with sample values, and "reset to
// default". Unknown variables or broken syntax are refused next to the field, nothing saved.
import { getFormProps } from "@conform-to/react";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { Fragment } from "react";
import { useTranslation } from "react-i18next";
import { FormErrors, TextAreaField, TextField } from "~/components/form";
import { nativeLanguageName } from "~/components/i18n/TranslationsFieldset";
import { supportedLngs } from "~/i18n";
import { templateSchema } from "~/forms/messages";
import { parseWithZod } from "~/forms/parse";
import { useAppForm } from "~/forms/use-app-form";
import { getTemplate, previewTemplate, resetTemplate, saveTemplate } from "~/models/messages.server";
import { requireActor } from "~/session.server";
import { guard, handleForm, readForm } from "~/utils/http.server";
import { pageTitle } from "~/utils/page-title";

export const handle = pageTitle((t, data) => (data?.kind ? t("messages.edit.title", { kind: t(`messages.kinds.${data.kind}`) }) : null));

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  return guard(() => {
    const tpl = getTemplate(actor, params.kind ?? "", params.lng ?? "");
    return json({ kind: tpl.kind, lng: tpl.lng, vars: tpl.vars, current: tpl.current, fallback: tpl.fallback });
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireActor(request);
  const form = await readForm(request);
  const kind = params.kind ?? "";
  const lng = params.lng ?? "";
  return guard(() => {
    getTemplate(actor, kind, lng); // 404 for a non-organizer, an unknown kind or language
    return handleForm(form, templateSchema, (v) => {
      const back = `/admin/messages/${kind}/${lng}`;
      if (v.intent === "reset") {
        resetTemplate(actor, kind, lng);
        return redirect(`${back}?done=reset`);
      }
      if (v.intent === "preview") {
        const preview = previewTemplate(actor, kind, lng, { subject: v.subject, body: v.body });
        return json({ preview: { subject: preview.subject, text: preview.text }, values: { subject: v.subject, body: v.body } });
      }
      saveTemplate(actor, kind, lng, { subject: v.subject, body: v.body });
      return redirect(`${back}?done=saved`);
    });
  });
}

// The hint shows mustache section syntax: handed to i18next as values so it shows as written (left
// unresolved, the browser's i18next blanks it while the server's keeps it).
const SECTION_SYNTAX = { "#reason": "{{#reason}}", "/reason": "{{/reason}}" };

export default function EditTemplate() {
  const { t } = useTranslation();
  const { kind, lng, vars, current, fallback } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const [params] = useSearchParams();
  const previewed = data && "preview" in data ? data : null;
  const lastResult = data && !("preview" in data) ? data : undefined;
  const values = previewed?.values ?? current;
  const [form, fields] = useAppForm({
    id: `template-${kind}-${lng}`,
    lastResult,
    defaultValue: values,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: templateSchema }),
    shouldRevalidate: "onInput",
  });
  const done = params.get("done");
  return (
    <>
      <p>
        <Link to="/admin/messages">← {t("messages.templates.title")}</Link>
      </p>
      <h1>{t("messages.edit.title", { kind: t(`messages.kinds.${kind}`) })}</h1>
      <nav aria-label={t("messages.edit.languages")}>
        <ul className="pill-list">
          {supportedLngs.map((l) => (
            <li key={l}>
              <Link to={`/admin/messages/${kind}/${l}`} lang={l} aria-current={l === lng ? "page" : undefined}>
                {nativeLanguageName(l)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {done === "saved" ? (
        <p className="alert alert-ok" role="status">
          {t("messages.edit.saved")}
        </p>
      ) : null}
      {done === "reset" ? (
        <p className="alert alert-ok" role="status">
          {t("messages.edit.wasReset")}
        </p>
      ) : null}
      <p className="muted">
        {current.overridden
          ? t("messages.edit.overridden", { language: nativeLanguageName(lng) })
          : t("messages.edit.isDefault", { language: nativeLanguageName(lng) })}
      </p>
      <div className="grid grid-2">
        <section className="card" aria-labelledby="template-form">
          <h2 id="template-form">{t("messages.edit.text")}</h2>
          <FormErrors errors={form.errors} id={form.errorId} />
          <Form method="post" className="stack" {...getFormProps(form)}>
            <TextField field={fields.subject} label={t("messages.edit.subject")} lang={lng} required />
            <TextAreaField field={fields.body} label={t("messages.edit.body")} rows={14} required />
            <div className="actions">
              <button type="submit" name="intent" value="save">
                {t("messages.edit.save")}
              </button>
              <button type="submit" name="intent" value="preview" className="btn-secondary">
                {t("messages.edit.preview")}
              </button>
            </div>
          </Form>
          {current.overridden ? (
            <Form method="post" className="actions">
              <button type="submit" name="intent" value="reset" className="btn-secondary btn-danger">
                {t("messages.edit.reset")}
              </button>
            </Form>
          ) : null}
        </section>
        <aside className="card" aria-labelledby="template-vars">
          <h2 id="template-vars">{t("messages.edit.variables")}</h2>
          <p className="hint">{t("messages.edit.variablesHint")}</p>
          <dl className="facts">
            {vars.map((v) => (
              <Fragment key={v}>
                <dt>
                  <code>{`{{${v}}}`}</code>
                </dt>
                <dd>{t(`messages.vars.${v}`)}</dd>
              </Fragment>
            ))}
          </dl>
          <p className="hint">{t("messages.edit.sectionsHint", SECTION_SYNTAX)}</p>
        </aside>
      </div>
      {previewed ? (
        <section className="card" aria-labelledby="template-preview">
          <h2 id="template-preview">{t("messages.edit.previewTitle")}</h2>
          <p className="muted">{t("messages.edit.previewHint")}</p>
          <p lang={lng}>
            <strong>{previewed.preview.subject}</strong>
          </p>
          <pre className="mail-preview" lang={lng}>
            {previewed.preview.text}
          </pre>
        </section>
      ) : null}
      {current.overridden ? (
        <details className="card">
          <summary>{t("messages.edit.defaultText")}</summary>
          <p lang={lng}>
            <strong>{fallback.subject}</strong>
          </p>
          <pre className="mail-preview" lang={lng}>
            {fallback.body}
          </pre>
        </details>
      ) : null}
    </>
  );
}
