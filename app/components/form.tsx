/**
 * Form building blocks over conform (works with and without JavaScript): a label, the control,
 * a hint, and the field's errors (translation keys) announced to screen readers. Space for the
 * error line is reserved so a message appearing never moves the submit button mid-click.
 */
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { formatDate } from "~/domain/dates";

/**
 * Error params as the reader writes them (issue 12 item 18): every `YYYY-MM-DD` date in a param,
 * alone or inside a text such as "Rice week (2031-07-01 – 2031-07-08)", is formatted for `lng`,
 * and every number with `lng`'s digits and grouping (a survey's range "10,000" in English,
 * "10.000" in Indonesian, not "10000"; issue 11 item 4). `count` stays a number: i18next picks the
 * plural form from it.
 */
export function readableParams(params: Record<string, unknown>, lng: string): Record<string, unknown> {
  const fix = (v: unknown): unknown =>
    typeof v === "string"
      ? v.replace(/\b(\d{4}-\d{2}-\d{2})(?![\dT:])/g, (d) => formatDate(d, lng))
      : typeof v === "number" && Number.isFinite(v)
        ? new Intl.NumberFormat(lng).format(v)
        : Array.isArray(v)
          ? v.map(fix)
          : v;
  return Object.fromEntries(Object.entries(params).map(([k, v]) => [k, k === "count" || k === "zone" ? v : fix(v)]));
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

/**
 * What a field component reads of a field: conform's FieldMetadata (forms validated in the
 * browser) and ~/forms/server-form's fields (forms validated on the server only) both fit, so
 * this module needs no conform code at run time and pages without a browser validator carry none
 * (issue 14 script budget).
 */
export type FieldMetadata<_T = unknown> = {
  id: string;
  name: string;
  errorId: string;
  formId?: string;
  errors?: string[];
  initialValue?: unknown;
  key?: string;
  required?: boolean;
  minLength?: number;
  maxLength?: number;
  min?: string | number;
  max?: string | number;
  step?: string | number;
  pattern?: string;
};

/** Drops undefined props (as conform's helpers do), so they do not reach the DOM. */
function defined<T extends Record<string, unknown>>(props: T): T {
  for (const k of Object.keys(props)) if (props[k] === undefined) delete props[k];
  return props;
}

/**
 * The props conform's getInputProps/getTextareaProps/getSelectProps give (same names, same ARIA
 * rules): id, name, form, required, constraints, default value, aria-invalid and aria-describedby
 * pointing at the error line while there are errors.
 */
function controlProps(field: FieldMetadata, ariaDescribedBy?: string) {
  const invalid = typeof field.errors !== "undefined";
  return defined({
    id: field.id,
    name: field.name,
    form: field.formId,
    required: field.required || undefined,
    "aria-invalid": invalid || undefined,
    "aria-describedby": invalid ? `${field.errorId} ${ariaDescribedBy ?? ""}`.trim() : ariaDescribedBy,
  });
}

/** Props of one checkbox posting `value` under the field's name (conform's getInputProps for a checkbox). */
export function checkboxProps(field: FieldMetadata, value = "on") {
  const v = field.initialValue;
  return { ...controlProps(field), type: "checkbox" as const, value, defaultChecked: Array.isArray(v) ? v.includes(value) : v === value };
}

function initialText(field: FieldMetadata): string | undefined {
  const v = field.initialValue;
  return v === undefined || v === null ? undefined : Array.isArray(v) ? undefined : String(v);
}

function Label({ field, label, required }: { field: FieldMetadata<unknown>; label: ReactNode; required?: boolean }) {
  const { t } = useTranslation();
  return (
    <label htmlFor={field.id}>
      {label}
      {/* Shown to sighted users; assistive technology hears aria-required on the control instead. */}
      {required ? (
        <span className="req" aria-hidden="true">
          {" "}
          ({t("common.required")})
        </span>
      ) : null}
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
  const props = defined({
    ...controlProps(field, base.hint ? `${field.id}-hint` : undefined),
    type,
    minLength: field.minLength,
    maxLength: field.maxLength,
    min: field.min,
    max: field.max,
    step: field.step,
    pattern: field.pattern,
    defaultValue: typeof field.initialValue === "string" ? field.initialValue : undefined,
  });
  return (
    <div className="field">
      <Label field={field as FieldMetadata<unknown>} label={base.label} required={base.required} />
      {base.hint ? (
        <p id={`${field.id}-hint`} className="hint">
          {base.hint}
        </p>
      ) : null}
      <input {...props} key={field.key} autoComplete={autoComplete} inputMode={inputMode} lang={lang} aria-required={base.required || undefined} />
      <ErrorList id={field.errorId} errors={field.errors} />
    </div>
  );
}

export function TextAreaField({ field, rows = 4, ...base }: Base & { field: FieldMetadata<string | undefined | null>; rows?: number }) {
  const props = defined({
    ...controlProps(field, base.hint ? `${field.id}-hint` : undefined),
    minLength: field.minLength,
    maxLength: field.maxLength,
    defaultValue: initialText(field),
  });
  return (
    <div className="field">
      <Label field={field as FieldMetadata<unknown>} label={base.label} required={base.required} />
      {base.hint ? (
        <p id={`${field.id}-hint`} className="hint">
          {base.hint}
        </p>
      ) : null}
      <textarea {...props} key={field.key} rows={rows} aria-required={base.required || undefined} />
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
  /** `lang`: the language of an organizer-written label (issue 11), as LocalText marks it. */
  options: { value: string; label: string; lang?: string }[];
  placeholder?: string;
}) {
  const props = defined({ ...controlProps(field, base.hint ? `${field.id}-hint` : undefined), defaultValue: initialText(field) });
  return (
    <div className="field">
      <Label field={field as FieldMetadata<unknown>} label={base.label} required={base.required} />
      {base.hint ? (
        <p id={`${field.id}-hint`} className="hint">
          {base.hint}
        </p>
      ) : null}
      <select {...props} key={field.key} aria-required={base.required || undefined}>
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value} lang={o.lang}>
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
      <legend>{base.label}</legend>
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
