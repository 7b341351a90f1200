/**
 * The edition's own questions on the application form (issue 15, item 1), after the standard
 * sections. Plain native controls named `q_<id>` inside the server-checked form (~/forms/server-form),
 * so they work without JavaScript, keep typed values after a refused submit (the reply's
 * initialValue) and show server errors under each question.
 */
import { useTranslation } from "react-i18next";
import { ErrorList } from "~/components/form";
import type { Fields } from "./sections";
import { MAX_LONG, MAX_SHORT } from "~/domain/question-kinds";
import type { FormQuestion } from "~/models/applications/questions.server";

function Question({ q, fields }: { q: FormQuestion; fields: Fields }) {
  const { t } = useTranslation();
  const field = fields[q.name];
  const initial = field.initialValue;
  const values = new Set(Array.isArray(initial) ? initial.map(String) : initial ? [String(initial)] : []);
  const first = Array.isArray(initial) ? String(initial[0] ?? "") : String(initial ?? "");
  const invalid = field.errors?.length ? true : undefined;
  const described = field.errors?.length ? field.errorId : undefined;
  const req = q.required ? (
    <span className="req" aria-hidden="true">
      {" "}
      ({t("common.required")})
    </span>
  ) : null;
  const key = field.key ?? "k";
  if (q.kind === "single_choice" || q.kind === "multi_choice" || q.kind === "yes_no") {
    const options =
      q.kind === "yes_no"
        ? [
            { key: "yes", text: t("common.yes"), lang: undefined },
            { key: "no", text: t("common.no"), lang: undefined },
          ]
        : q.options.map((o) => ({ key: o.key, text: o.text, lang: o.lang }));
    const type = q.kind === "multi_choice" ? "checkbox" : "radio";
    return (
      <fieldset className="field checkbox-group" aria-describedby={described}>
        {/* A fieldset cannot carry aria-required: the legend says it, to everyone. */}
        <legend lang={q.lang}>
          {q.label}
          {q.required ? <span className="req"> ({t("common.required")})</span> : null}
        </legend>
        <div className="checks">
          {options.map((o) => (
            <label key={o.key} className="check">
              <input type={type} name={q.name} value={o.key} defaultChecked={values.has(o.key)} key={`${key}-${o.key}`} aria-invalid={invalid} />
              <span lang={o.lang}>{o.text}</span>
            </label>
          ))}
        </div>
        <ErrorList id={field.errorId} errors={field.errors} />
      </fieldset>
    );
  }
  const common = {
    id: field.id,
    name: q.name,
    defaultValue: first,
    "aria-invalid": invalid,
    "aria-describedby": described,
    "aria-required": q.required || undefined,
  };
  return (
    <div className="field">
      <label htmlFor={field.id} lang={q.lang}>
        {q.label}
        {req}
      </label>
      {q.kind === "long_text" ? (
        <textarea {...common} key={key} rows={4} maxLength={MAX_LONG} />
      ) : q.kind === "date" ? (
        <input {...common} key={key} type="date" />
      ) : q.kind === "number" ? (
        <input {...common} key={key} type="text" inputMode="decimal" autoComplete="off" />
      ) : (
        <input {...common} key={key} type="text" maxLength={MAX_SHORT} />
      )}
      <ErrorList id={field.errorId} errors={field.errors} />
    </div>
  );
}

export function CustomQuestions({ questions, fields }: { questions: FormQuestion[]; fields: Fields }) {
  const { t } = useTranslation();
  if (!questions.length) return null;
  return (
    <fieldset>
      <legend>{t("secretariat.questions.formSection")}</legend>
      {questions.map((q) => (
        <Question key={q.id} q={q} fields={fields} />
      ))}
    </fieldset>
  );
}
