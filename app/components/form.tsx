/**
 * Form building blocks over conform (works with and without JavaScript): a label, the control,
 * a hint, and the field's errors (translation keys) announced to screen readers. Space for the
 * error line is reserved so a message appearing never moves the submit button mid-click.
 */
import { getInputProps, getSelectProps, getTextareaProps, type FieldMetadata } from "@conform-to/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { formatDate } from "~/domain/dates";

/**
 * Error params as the reader writes them (issue 12 item 18): every `YYYY-MM-DD` date in a param,
 * alone or inside a text such as "Rice week (2031-07-01 – 2031-07-08)", is formatted for `lng`.
 */
export function readableParams(params: Record<string, unknown>, lng: string): Record<string, unknown> {
  const fix = (v: unknown): unknown =>
    typeof v === "string"
      ? v.replace(/\b(\d{4}-\d{2}-\d{2})(?![\dT:])/g, (d) => formatDate(d, lng))
      : Array.isArray(v)
        ? v.map(fix)
        : v;
  return Object.fromEntries(Object.entries(params).map(([k, v]) => [k, fix(v)]));
}

/** Translates an error key, which may carry params as "key|{json}". */
export function useErrorText() {
  const { t, i18n } = useTranslation();
  return (key: string) => {
    const [k, p] = key.split("|");
    let params: Record<string, unknown> = {};
    try {
      params = p ? JSON.parse(p) : {};
    } catch {
      params = {};
    }
    return t(k, readableParams(params, i18n.language)) as string;
  };
}

export function ErrorList({ id, errors }: { id?: string; errors?: string[] }) {
  const tr = useErrorText();
  return (
    <div id={id} className="field-errors" aria-live="polite">
      {errors?.length ? errors.map((e) => <p key={e}>{tr(e)}</p>) : null}
    </div>
  );
}

/** Form-level messages (a rule refused the action, bad credentials, rate limited). */
export function FormErrors({ errors, id }: { errors?: string[]; id?: string }) {
  const tr = useErrorText();
  if (!errors?.length) return null;
  return (
    <div className="alert alert-error" role="alert" id={id}>
      {errors.map((e) => (
        <p key={e}>{tr(e)}</p>
      ))}
    </div>
  );
}

type Base = { label: ReactNode; hint?: ReactNode; required?: boolean };

function Label({ field, label, required }: { field: FieldMetadata<unknown>; label: ReactNode; required?: boolean }) {
  const { t } = useTranslation();
  return (
    <label htmlFor={field.id}>
      {label}
      {/* Shown to sighted users; assistive technology hears aria-required on the control instead. */}
      {required ? <span className="req" aria-hidden="true"> ({t("common.required")})</span> : null}
    </label>
  );
}

export function TextField({
  field,
  type = "text",
  autoComplete,
  inputMode,
  lang,
  ...base
}: Base & {
  field: FieldMetadata<string | number | undefined | null>;
  type?: "text" | "email" | "password" | "date" | "number" | "tel" | "url" | "time" | "datetime-local" | "search";
  autoComplete?: string;
  inputMode?: "text" | "numeric" | "tel" | "email" | "url";
  lang?: string;
}) {
  const props = getInputProps(field as FieldMetadata<string>, { type, ariaDescribedBy: base.hint ? `${field.id}-hint` : undefined });
  return (
    <div className="field">
      <Label field={field as FieldMetadata<unknown>} label={base.label} required={base.required} />
      {base.hint ? <p id={`${field.id}-hint`} className="hint">{base.hint}</p> : null}
      <input {...props} key={props.key} autoComplete={autoComplete} inputMode={inputMode} lang={lang} aria-required={base.required || undefined} />
      <ErrorList id={field.errorId} errors={field.errors} />
    </div>
  );
}

export function TextAreaField({ field, rows = 4, ...base }: Base & { field: FieldMetadata<string | undefined | null>; rows?: number }) {
  const props = getTextareaProps(field as FieldMetadata<string>, { ariaDescribedBy: base.hint ? `${field.id}-hint` : undefined });
  return (
    <div className="field">
      <Label field={field as FieldMetadata<unknown>} label={base.label} required={base.required} />
      {base.hint ? <p id={`${field.id}-hint`} className="hint">{base.hint}</p> : null}
      <textarea {...props} key={props.key} rows={rows} aria-required={base.required || undefined} />
      <ErrorList id={field.errorId} errors={field.errors} />
    </div>
  );
}

export function SelectField({
  field,
  options,
  placeholder,
  ...base
}: Base & {
  field: FieldMetadata<string | undefined | null>;
  options: { value: string; label: string }[];
  placeholder?: string;
}) {
  const props = getSelectProps(field as FieldMetadata<string>, { ariaDescribedBy: base.hint ? `${field.id}-hint` : undefined });
  return (
    <div className="field">
      <Label field={field as FieldMetadata<unknown>} label={base.label} required={base.required} />
      {base.hint ? <p id={`${field.id}-hint`} className="hint">{base.hint}</p> : null}
      <select {...props} key={props.key} aria-required={base.required || undefined}>
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <ErrorList id={field.errorId} errors={field.errors} />
    </div>
  );
}

/** A group of checkboxes posting the same name (an array value). */
export function CheckboxGroup({
  field,
  options,
  ...base
}: Base & { field: FieldMetadata<string[] | undefined | null>; options: { value: string; label: string }[] }) {
  const initial = field.initialValue;
  const selected = new Set(Array.isArray(initial) ? initial.map(String) : initial ? [String(initial)] : []);
  return (
    <fieldset className="field checkbox-group" aria-describedby={field.errors ? field.errorId : undefined}>
      <legend>
        {base.label}
      </legend>
      {base.hint ? <p className="hint">{base.hint}</p> : null}
      <div className="checks">
        {options.map((o) => (
          <label key={o.value} className="check">
            <input type="checkbox" name={field.name} value={o.value} defaultChecked={selected.has(o.value)} key={`${field.key}-${o.value}`} />
            {o.label}
          </label>
        ))}
      </div>
      <ErrorList id={field.errorId} errors={field.errors} />
    </fieldset>
  );
}
