// Organizer: one survey template version: its questions (with their indicators), its versions,
// and changes: add or remove a question. A version that responses use is never changed: the
// change writes the next version, and this page moves to it.
import { TranslationsFieldset } from "~/components/i18n/TranslationsFieldset";
import type { Translations } from "~/domain/local-text";
import { getFormProps } from "@conform-to/react";
import { useAppForm } from "~/forms/use-app-form";
import { parseWithZod } from "~/forms/parse";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormErrors, SelectField, TextField } from "~/components/form";
import { stageLabel } from "~/components/evaluation/SurveyHeader";
import { formatDate } from "~/domain/dates";
import { localText } from "~/domain/evaluation/text";
import { questionSchema } from "~/forms/evaluation";
import { remixI18n } from "~/i18n.server";
import { requireOrganizer } from "~/models/actor";
import {
  indicatorsById,
  listIndicators,
  editTemplate,
  familyAnswerCount,
  getTemplate,
  setTemplateAnonymous,
  templateVersions,
} from "~/models/evaluation.server";
import { RuleError } from "~/models/errors";
import { requireActor } from "~/session.server";
import { guard, handleForm, idParam, messageKey, readForm } from "~/utils/http.server";
import { pickText } from "~/domain/local-text";
import { pageTitle } from "~/utils/page-title";

export const handle = pageTitle((_t, d) => d.title);

const FREE_TYPES = ["text", "number", "percentage", "yes_no", "scale"] as const;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const lng = await remixI18n.getLocale(request);
  return guard(() => {
    requireOrganizer(actor);
    const tpl = getTemplate(idParam(params.templateId, "template"));
    const inds = indicatorsById();
    return json({
      id: tpl.id,
      title: localText(tpl.title, lng),
      // The language each shown text is in (issue 11 item 8), for its lang attribute.
      titleLang: pickText(tpl.title, lng).lang,
      stage: tpl.stage,
      version: tpl.version,
      superseded: !!tpl.supersededAt,
      anonymous: tpl.anonymous,
      // Anonymity is fixed once the family has answers (they were collected under the current rule).
      anonymityLocked: familyAnswerCount(tpl.family) > 0,
      questions: tpl.questions.map((q) => ({
        key: q.key,
        prompt: localText(q.prompt, lng),
        promptLang: pickText(q.prompt, lng).lang,
        type: q.type,
        required: !!q.required,
        indicator: q.indicatorId ? `${inds.get(q.indicatorId)?.code ?? ""} · ${localText(inds.get(q.indicatorId)?.name, lng)}` : "",
        indicatorLang: q.indicatorId ? pickText(inds.get(q.indicatorId)?.name, lng).lang : undefined,
      })),
      versions: templateVersions(tpl.family).map((v) => ({ ...v, createdAt: formatDate(v.createdAt.slice(0, 10), lng) })),
      indicators: listIndicators().map((i) => ({ value: String(i.id), label: `${localText(i.name, lng)} (${i.code})` })),
    });
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireActor(request);
  const form = await readForm(request);
  if (form.get("intent") === "anonymous") {
    return guard(() => {
      const id = idParam(params.templateId, "template");
      try {
        setTemplateAnonymous(actor, id, form.get("anonymous") === "true");
      } catch (e) {
        if (e instanceof RuleError) return json({ anonymityError: messageKey(e.key, e.params) }, { status: 409 });
        throw e;
      }
      return redirect(`/admin/evaluation/templates/${id}?anonymity=1`);
    });
  }
  return guard(() => {
    requireOrganizer(actor);
    const id = idParam(params.templateId, "template");
    if (form.get("intent") === "remove") {
      const next = editTemplate(actor, id, { kind: "remove", key: String(form.get("key") ?? "") });
      return redirect(`/admin/evaluation/templates/${next}?changed=1`);
    }
    return handleForm(form, questionSchema, (v) => {
      const next = editTemplate(actor, id, {
        kind: "add",
        question: { promptEn: v.promptEn, promptVi: v.promptVi, tr: v.tr, indicatorId: v.indicatorId, type: v.type, required: v.required },
      });
      return redirect(`/admin/evaluation/templates/${next}?changed=1`);
    });
  });
}

export default function TemplatePage() {
  const { t, i18n } = useTranslation();
  const data = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [params] = useSearchParams();
  const [form, fields] = useAppForm<Record<"intent" | "promptEn" | "promptVi" | "indicatorId" | "type" | "required", string>>({
    id: `question-${data.id}`,
    lastResult: lastResult && "anonymityError" in lastResult ? undefined : lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: questionSchema }) as never,
    shouldRevalidate: "onInput",
  });
  return (
    <>
      <p>
        <Link to="/admin/evaluation/templates">{t("evaluation.templates.title")}</Link>
      </p>
      <h1>
        <span lang={data.titleLang}>{data.title}</span> <span className="muted">v{data.version}</span>
      </h1>
      <p className="muted">{stageLabel(t, data.stage, 0, i18n.language)}</p>
      {params.get("changed") ? (
        <p className="alert alert-ok" role="status">
          {t("evaluation.templates.changed")}
        </p>
      ) : null}
      {data.superseded ? <p className="alert alert-warn">{t("evaluation.templates.supersededNote")}</p> : null}
      <AnonymitySection
        data={data}
        error={lastResult && "anonymityError" in lastResult ? String(lastResult.anonymityError) : undefined}
        saved={!!params.get("anonymity")}
      />
      <h2>{t("evaluation.templates.questions")}</h2>
      {data.questions.length === 0 ? <p>{t("common.noneYet")}</p> : null}
      <ol className="stack">
        {data.questions.map((q) => (
          <li key={q.key}>
            <span lang={q.promptLang}>{q.prompt}</span>
            <br />
            <span className="muted">
              {t(`evaluation.types.${q.type}`)}
              {q.required ? ` · ${t("common.required")}` : ""}
              {q.indicator ? (
                <>
                  {" "}
                  · <span lang={q.indicatorLang}>{q.indicator}</span>
                </>
              ) : null}
            </span>
            {!data.superseded ? (
              <Form method="post" style={{ display: "inline" }}>
                <input type="hidden" name="key" value={q.key} />{" "}
                <button
                  type="submit"
                  name="intent"
                  value="remove"
                  className="btn-secondary btn-small"
                  aria-label={`${t("evaluation.templates.remove")}: ${q.prompt}`}
                >
                  {t("evaluation.templates.remove")}
                </button>
              </Form>
            ) : null}
          </li>
        ))}
      </ol>
      {!data.superseded ? (
        <section className="card">
          <h2>{t("evaluation.templates.addQuestion")}</h2>
          <p className="hint">{t("evaluation.templates.versionHint")}</p>
          <FormErrors errors={form.errors} id={form.errorId} />
          <Form method="post" className="stack" {...getFormProps(form)}>
            <input type="hidden" name="intent" value="add" />
            <TextField field={fields.promptEn} label={t("evaluation.templates.promptEn")} required />
            <TranslationsFieldset
              field="prompt"
              label={t("evaluation.templates.promptEn")}
              values={(form.initialValue as { tr?: Translations } | undefined)?.tr?.prompt}
              errors={form.allErrors}
              formId={form.id}
            />
            <SelectField
              field={fields.indicatorId}
              label={t("evaluation.templates.indicator")}
              placeholder={t("evaluation.templates.noIndicator")}
              options={data.indicators}
            />
            <SelectField
              field={fields.type}
              label={t("evaluation.templates.freeType")}
              hint={t("evaluation.templates.freeTypeHint")}
              placeholder="–"
              options={FREE_TYPES.map((x) => ({ value: x, label: t(`evaluation.types.${x}`) }))}
            />
            <label className="check">
              <input type="checkbox" name="required" defaultChecked /> {t("evaluation.templates.requiredQ")}
            </label>
            <div className="actions">
              <button type="submit">{t("evaluation.templates.add")}</button>
            </div>
          </Form>
        </section>
      ) : null}
      <h2>{t("evaluation.templates.versions")}</h2>
      <ul>
        {data.versions.map((v) => (
          <li key={v.id}>
            {v.id === data.id ? <strong>v{v.version}</strong> : <Link to={`/admin/evaluation/templates/${v.id}`}>v{v.version}</Link>} · {v.createdAt} ·{" "}
            {t("evaluation.templates.usedBy", { count: v.responses })}
            {v.supersededAt ? ` · ${t("evaluation.templates.superseded")}` : ""}
          </li>
        ))}
      </ul>
    </>
  );
}

/** The template's anonymity: what it means, and the switch (refused, with the reason, once answered). */
function AnonymitySection({
  data,
  error,
  saved,
}: {
  data: { anonymous: boolean; anonymityLocked: boolean; superseded: boolean };
  error?: string;
  saved: boolean;
}) {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="anonymity-title">
      <h2 id="anonymity-title">{t("evaluation.anonymous.templateHeading")}</h2>
      {saved ? (
        <p className="alert alert-ok" role="status">
          {t("evaluation.anonymous.switched")}
        </p>
      ) : null}
      {error ? (
        <p className="alert alert-error" role="alert">
          {t(error.split("|")[0])}
        </p>
      ) : null}
      <p>
        {data.anonymous ? <span className="badge">{t("evaluation.anonymous.badge")}</span> : null}{" "}
        {t(data.anonymous ? "evaluation.anonymous.isAnonymous" : "evaluation.anonymous.isNamed")}
      </p>
      {data.anonymityLocked ? (
        <p className="hint">{t("evaluation.anonymous.lockedNote")}</p>
      ) : !data.superseded ? (
        <Form method="post">
          <input type="hidden" name="intent" value="anonymous" />
          <input type="hidden" name="anonymous" value={data.anonymous ? "false" : "true"} />
          <button type="submit" className="btn-secondary">
            {t(data.anonymous ? "evaluation.anonymous.makeNamed" : "evaluation.anonymous.makeAnonymous")}
          </button>
        </Form>
      ) : null}
    </section>
  );
}
