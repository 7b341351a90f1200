// Organizer (issue 15, item 1): the edition's own application questions: add, change (a new
// version; answers keep theirs), order, remove (hidden from the form, answers kept) and restore.
// Every form works without JavaScript; ?edit=<id> opens a question's form in place.
import { getFormProps, getInputProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormErrors, SelectField, TextAreaField, TextField } from "~/components/form";
import { TranslationsFieldset } from "~/components/i18n/TranslationsFieldset";
import { pickField, pickText, type Translations } from "~/domain/local-text";
import { isChoice, QUESTION_KINDS } from "~/domain/question-kinds";
import { questionListActionSchema, questionSchema } from "~/forms/questions";
import { useAppForm } from "~/forms/use-app-form";
import { remixI18n } from "~/i18n.server";
import { addQuestion, listQuestions, moveQuestion, removeQuestion, restoreQuestion, updateQuestion } from "~/models/applications/questions.server";
import { getEdition } from "~/models/editions.server";
import { requireActor } from "~/session.server";
import { guard, handleForm, idParam, readForm } from "~/utils/http.server";
import { LocalTextIn } from "~/components/i18n/LocalTextIn";
import { pageTitle } from "~/utils/page-title";

export const handle = pageTitle((t, d) => t("secretariat.questions.title", { edition: d?.editionName ?? "" }));

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const lng = await remixI18n.getLocale(request);
  return guard(() => {
    const id = idParam(params.id, "edition");
    const questions = listQuestions(actor, id);
    const edition = getEdition(id);
    return json({
      editionId: id,
      editionName: pickField(edition.name, edition.translations, "name", lng).text,
      editionLang: pickField(edition.name, edition.translations, "name", lng).lang,
      questions: questions.map((q) => ({
        id: q.id,
        kind: q.v.kind,
        label: pickField(q.v.label, q.v.translations, "label", lng),
        required: q.v.required,
        version: q.currentVersion,
        removed: !!q.removedAt,
        answers: q.answers,
        options: q.v.options.map((o) => pickText(o.label, lng).text),
        // The edit form's values: English in the plain inputs, other languages under tr.
        form: {
          questionId: String(q.id),
          kind: q.v.kind,
          label: q.v.label,
          required: q.v.required ? "on" : "",
          options: q.v.options.map((o) => o.label.en ?? "").join("\n"),
          tr: {
            label: q.v.translations.label ?? {},
            options: Object.fromEntries(
              [...new Set(q.v.options.flatMap((o) => Object.keys(o.label)))]
                .filter((l) => l !== "en")
                .map((l) => [l, q.v.options.map((o) => o.label[l] ?? "").join("\n")]),
            ),
          },
        },
      })),
    });
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireActor(request);
  const form = await readForm(request);
  return guard(async () => {
    const id = idParam(params.id, "edition");
    const questions = listQuestions(actor, id); // scope first: 404 for anyone but organizers
    const back = `/admin/editions/${id}/questions`;
    if (form.get("intent") !== "save") {
      return handleForm(form, questionListActionSchema, (v) => {
        if (!questions.some((q) => q.id === v.questionId)) throw new Response("Not found", { status: 404 });
        if (v.intent === "up" || v.intent === "down") moveQuestion(actor, v.questionId, v.intent);
        else if (v.intent === "remove") removeQuestion(actor, v.questionId);
        else restoreQuestion(actor, v.questionId);
        return redirect(`${back}?done=${v.intent}#q-${v.questionId}`);
      });
    }
    return handleForm(form, questionSchema, (v) => {
      if (v.questionId !== undefined) {
        // Another edition's question is out of scope here.
        if (!questions.some((q) => q.id === v.questionId)) throw new Response("Not found", { status: 404 });
        updateQuestion(actor, v.questionId, v.input);
        return redirect(`${back}?done=updated#q-${v.questionId}`);
      }
      const qid = addQuestion(actor, id, v.input);
      return redirect(`${back}?done=added#q-${qid}`);
    });
  });
}

type Data = ReturnType<typeof useLoaderData<typeof loader>>;

function QuestionForm({ data, editing }: { data: Data; editing: Data["questions"][number] | undefined }) {
  const { t } = useTranslation();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useAppForm<{ questionId?: string; kind?: string; label?: string; required?: string; options?: string; tr?: unknown }>({
    id: editing ? `question-${editing.id}` : "question-new",
    lastResult: lastResult && "status" in lastResult ? lastResult : undefined,
    defaultValue: (editing?.form ?? { kind: "short_text" }) as never,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: questionSchema }) as never,
    shouldRevalidate: "onInput",
  });
  const tr = (form.initialValue as { tr?: Translations } | undefined)?.tr;
  return (
    <section className="card" aria-labelledby="qform-h">
      <h2 id="qform-h">{editing ? t("secretariat.questions.editTitle", { label: editing.label.text }) : t("secretariat.questions.addTitle")}</h2>
      {editing && editing.answers ? <p className="muted">{t("secretariat.questions.versionNote", { count: editing.answers })}</p> : null}
      <FormErrors errors={form.errors} id={form.errorId} />
      <Form method="post" className="stack" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="save" />
        {editing ? <input type="hidden" name="questionId" value={editing.id} /> : null}
        <SelectField
          field={fields.kind}
          label={t("secretariat.questions.kind")}
          options={QUESTION_KINDS.map((k) => ({ value: k, label: t(`secretariat.questions.kinds.${k}`) }))}
          required
        />
        <TextField field={fields.label} label={t("secretariat.questions.labelEn")} required />
        <TranslationsFieldset field="label" label={t("secretariat.questions.label")} values={tr?.label} errors={form.allErrors} formId={form.id} />
        <div className="field">
          <label className="check">
            <input {...getInputProps(fields.required, { type: "checkbox" })} key={fields.required.key} /> {t("secretariat.questions.required")}
          </label>
        </div>
        <TextAreaField field={fields.options} label={t("secretariat.questions.options")} hint={t("secretariat.questions.optionsHint")} rows={4} />
        <TranslationsFieldset
          field="options"
          label={t("secretariat.questions.options")}
          values={tr?.options}
          errors={form.allErrors}
          formId={form.id}
          multiline
        />
        <div className="actions">
          <button type="submit">{editing ? t("secretariat.questions.saveChange") : t("secretariat.questions.add")}</button>
          {editing ? <Link to={`/admin/editions/${data.editionId}/questions`}>{t("secretariat.questions.cancel")}</Link> : null}
        </div>
      </Form>
    </section>
  );
}

export default function EditionQuestions() {
  const data = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const { t } = useTranslation();
  const editing = data.questions.find((q) => String(q.id) === params.get("edit"));
  const done = params.get("done");
  return (
    <>
      <p>
        <Link to={`/admin/editions/${data.editionId}`}>
          ← <span lang={data.editionLang}>{data.editionName}</span>
        </Link>
      </p>
      <h1>
        <LocalTextIn i18nKey="secretariat.questions.title" name="edition" value={{ text: data.editionName, lang: data.editionLang }} />
      </h1>
      <p className="muted">{t("secretariat.questions.lead")}</p>
      {done ? (
        <p className="alert alert-ok" role="status">
          {t(`secretariat.questions.done.${done}`, { defaultValue: t("common.saved") })}
        </p>
      ) : null}
      {data.questions.length === 0 ? (
        <p>{t("secretariat.questions.none")}</p>
      ) : (
        <ol className="stack question-list">
          {data.questions.map((q, i) => (
            <li key={q.id} id={`q-${q.id}`} className="card">
              <p>
                <strong lang={q.label.lang}>{q.label.text}</strong>{" "}
                {q.required ? <span className="badge">{t("secretariat.questions.requiredBadge")}</span> : null}{" "}
                {q.removed ? <span className="badge badge-draft">{t("secretariat.questions.removedBadge")}</span> : null}
              </p>
              <p className="muted">
                {t(`secretariat.questions.kinds.${q.kind}`)} · {t("secretariat.questions.version", { version: q.version })} ·{" "}
                {t("secretariat.questions.answers", { count: q.answers })}
                {isChoice(q.kind) ? <> · {q.options.join(" / ")}</> : null}
              </p>
              <Form method="post" className="actions">
                <input type="hidden" name="questionId" value={q.id} />
                <Link to={`?edit=${q.id}#qform-h`} aria-label={`${t("secretariat.questions.edit")}: ${q.label.text}`}>
                  {t("secretariat.questions.edit")}
                </Link>
                {i > 0 ? (
                  <button
                    type="submit"
                    name="intent"
                    value="up"
                    className="btn-secondary btn-small"
                    aria-label={`${t("secretariat.questions.up")}: ${q.label.text}`}
                  >
                    {t("secretariat.questions.up")}
                  </button>
                ) : null}
                {i < data.questions.length - 1 ? (
                  <button
                    type="submit"
                    name="intent"
                    value="down"
                    className="btn-secondary btn-small"
                    aria-label={`${t("secretariat.questions.down")}: ${q.label.text}`}
                  >
                    {t("secretariat.questions.down")}
                  </button>
                ) : null}
                <button
                  type="submit"
                  name="intent"
                  value={q.removed ? "restore" : "remove"}
                  className={q.removed ? "btn-secondary btn-small" : "btn-danger btn-small"}
                  aria-label={`${t(q.removed ? "secretariat.questions.restore" : "secretariat.questions.remove")}: ${q.label.text}`}
                >
                  {t(q.removed ? "secretariat.questions.restore" : "secretariat.questions.remove")}
                </button>
              </Form>
            </li>
          ))}
        </ol>
      )}
      <QuestionForm key={editing?.id ?? "new"} data={data} editing={editing} />
    </>
  );
}
