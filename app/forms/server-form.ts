/**
 * Forms validated on the server only (issue 14 script budget): the same field metadata conform's
 * `useForm` gives (ids, names, errors, the values typed before a refused post), read from the
 * action's `submission.reply()` result, without conform's client runtime (~11 kB gzip). A page
 * using this carries neither conform nor zod; the browser posts the form and shows the server's
 * answer, with or without JavaScript. Forms that validate in the browser keep conform.
 */
import { useId } from "react";
import type { SubmissionResult } from "@conform-to/react";
import type { FieldMetadata } from "~/components/form";

export type ServerFormMetadata = {
  id: string;
  errorId: string;
  /** Form-level errors (translation keys): the reply's `formErrors`. */
  errors?: string[];
  /** Every field's errors by field name ("" for the form's own). */
  allErrors: Record<string, string[]>;
};

type Options<T> = {
  /** The action's reply (`submission.reply()`), undefined before the first post. */
  lastResult?: SubmissionResult<string[]> | null;
  /** A stable form id (several forms on one page); else React's useId. */
  id?: string;
  defaultValue?: Partial<Record<keyof T, unknown>>;
};

/** A field's errors: conform stores `null` for a field that passed. */
function errorsOf(result: SubmissionResult<string[]> | null | undefined, name: string): string[] | undefined {
  const e = result?.error?.[name];
  return e && e.length ? e : undefined;
}

/**
 * The value at a conform field name (`languages[2].level`, `themes`) in a nested value such as
 * the reply's `initialValue` or the form's `defaultValue`.
 */
function valueAt(value: unknown, name: string): unknown {
  let v = value;
  for (const part of name.split(/\.|\[(\d+)\]/).filter((p) => p !== undefined && p !== "")) {
    if (v === null || typeof v !== "object") return undefined;
    v = (v as Record<string, unknown>)[part];
  }
  return v;
}

/**
 * `[form, fields]` for a form checked on the server: `fields.<name>` has `id`, `name`, `errorId`,
 * `errors` (translation keys from the reply) and `initialValue` (what was posted, else
 * `defaultValue`). Ids follow `<formId>-<name>`; errors sit at `<id>-error`.
 */
export function useServerForm<T extends Record<string, unknown>>(
  options: Options<T> = {},
): [ServerFormMetadata, Record<keyof T & string, FieldMetadata> & Record<string, FieldMetadata>] {
  const reactId = useId();
  const formId = options.id ?? `f${reactId.replace(/[^a-zA-Z0-9_-]/g, "")}`;
  const result = options.lastResult;
  const allErrors: Record<string, string[]> = {};
  for (const [name, e] of Object.entries(result?.error ?? {})) if (e && e.length) allErrors[name] = e;
  const form: ServerFormMetadata = { id: formId, errorId: `${formId}-form-error`, errors: errorsOf(result, ""), allErrors };
  const fields = new Proxy({} as Record<keyof T & string, FieldMetadata> & Record<string, FieldMetadata>, {
    get(_target, name) {
      if (typeof name !== "string") return undefined;
      const id = `${formId}-${name.replace(/[^a-zA-Z0-9_-]/g, "_")}`;
      const posted = result?.initialValue ? valueAt(result.initialValue, name) : undefined;
      return {
        id,
        name,
        formId,
        errorId: `${id}-error`,
        errors: errorsOf(result, name),
        initialValue: result?.initialValue ? posted : valueAt(options.defaultValue, name),
      } satisfies FieldMetadata;
    },
  });
  return [form, fields];
}

/**
 * The `<Form>` props of a server-validated form: its id, `noValidate` (the server's translated
 * messages, not the browser's, as with conform), and the form errors' id while there are any.
 */
export function serverFormProps(form: ServerFormMetadata) {
  return { id: form.id, noValidate: true, "aria-describedby": form.errors ? form.errorId : undefined };
}
