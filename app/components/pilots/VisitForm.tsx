/**
 * The monitoring visit report form (new and edit): date, who visited, findings, issues, and rows
 * of agreed actions (action, owner, due date, done). Without JavaScript rows cannot be added, so
 * the form shows the stored rows and EMPTY_ROWS blank ones; a blank row is ignored and a stored
 * row emptied is removed. Photos: `slots` file fields (multipart, no JavaScript needed), each with
 * a caption (the photo's alt text); types and sizes are checked on the server by content. Checked
 * on the server only (~/forms/server-form): a refused post answers HTTP 400 with the errors next to
 * their fields and every typed value kept (a browser never keeps a chosen file: the form says so).
 */
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { checkboxProps, ErrorList, FormErrors, TextAreaField, TextField, type FieldMetadata } from "~/components/form";
import { serverFormProps, useServerForm } from "~/forms/server-form";
import type { FormReply } from "~/utils/http.server";

export const EMPTY_ROWS = 3;

type Row = { id?: string; action?: string; owner?: string; dueOn?: string; done?: string };

const ACCEPT = ".jpg,.jpeg,.png,.webp,image/jpeg,image/png,image/webp";

function PhotoSlot({ n, file, caption }: { n: number; file: FieldMetadata; caption: FieldMetadata }) {
  const { t } = useTranslation();
  const invalid = file.errors !== undefined;
  return (
    <fieldset className="stack">
      <legend>{t("pilots.visits.photoN", { n })}</legend>
      <div className="field">
        <label htmlFor={file.id}>{t("pilots.visits.photoFile")}</label>
        <input
          id={file.id}
          name={file.name}
          type="file"
          accept={ACCEPT}
          aria-invalid={invalid || undefined}
          aria-describedby={invalid ? file.errorId : undefined}
        />
        <ErrorList id={file.errorId} errors={file.errors} />
      </div>
      <TextField field={caption} label={t("pilots.visits.caption")} hint={t("pilots.visits.captionHint")} />
    </fieldset>
  );
}

export function VisitForm({
  lastResult,
  defaultValue,
  today,
  submitLabel,
  photos,
}: {
  lastResult?: FormReply;
  defaultValue: { visitedOn: string; visitors?: string; findings?: string; issues?: string; actions: Row[] };
  today: string;
  submitLabel: string;
  /** `slots`: file fields to show; `left`: photos the visit may still take; `maxMb`: per photo; `tooLarge`: the server refused the whole body. */
  photos: { slots: number; left: number; maxMb: number; tooLarge: boolean };
}) {
  const { t } = useTranslation();
  const [form, f] = useServerForm({ id: "visit", lastResult, defaultValue });
  // Rows as posted (a refused post keeps them all, blank ones included) or as stored plus blanks.
  const posted = (lastResult?.initialValue as { actions?: unknown[] } | undefined)?.actions;
  const count = Math.max(posted?.length ?? 0, defaultValue.actions.length + EMPTY_ROWS);
  return (
    <Form method="post" encType="multipart/form-data" className="stack" {...serverFormProps(form)}>
      <FormErrors errors={form.errors} id={form.errorId} />
      <TextField field={{ ...f.visitedOn, max: today }} type="date" label={t("pilots.visits.visitedOn")} hint={t("pilots.visits.visitedOnHint")} required />
      <TextField field={f.visitors} label={t("pilots.visits.visitors")} hint={t("pilots.visits.visitorsHint")} required />
      <TextAreaField field={f.findings} label={t("pilots.visits.findings")} rows={5} required />
      <TextAreaField field={f.issues} label={t("pilots.visits.issues")} rows={3} />
      <fieldset className="stack">
        <legend>{t("pilots.visits.actions")}</legend>
        <p className="hint">{t("pilots.visits.actionsHint")}</p>
        {Array.from({ length: count }, (_, i) => {
          const id = f[`actions[${i}].id`].initialValue;
          return (
            <fieldset key={i} className="stack">
              <legend>{t("pilots.visits.actionN", { n: i + 1 })}</legend>
              {id ? <input type="hidden" name={`actions[${i}].id`} value={String(id)} /> : null}
              <TextField field={f[`actions[${i}].action`]} label={t("pilots.visits.action")} />
              <div className="grid grid-2">
                <TextField field={f[`actions[${i}].owner`]} label={t("pilots.visits.owner")} />
                <TextField field={f[`actions[${i}].dueOn`]} type="date" label={t("pilots.visits.actionDueOn")} />
              </div>
              <label className="check">
                <input {...checkboxProps(f[`actions[${i}].done`])} />
                {t("pilots.visits.done")}
              </label>
            </fieldset>
          );
        })}
      </fieldset>
      <fieldset className="stack" aria-describedby="visit-photos-hint">
        <legend>{t("pilots.visits.photos")}</legend>
        <p id="visit-photos-hint" className="hint">
          {photos.left > 0 ? t("pilots.visits.photosHint", { max: photos.maxMb, left: photos.left }) : t("pilots.visits.photosFull")}
          {lastResult ? ` ${t("pilots.visits.photosAgain")}` : ""}
        </p>
        {photos.tooLarge ? (
          <p className="alert alert-error" role="alert">
            {t("pilots.visits.photosTooLarge", { max: photos.maxMb })}
          </p>
        ) : null}
        <ErrorList id={f.photos.errorId} errors={f.photos.errors} />
        {Array.from({ length: Math.min(photos.slots, photos.left) }, (_, i) => (
          <PhotoSlot key={i} n={i + 1} file={f[`photos[${i}].file`]} caption={f[`photos[${i}].caption`]} />
        ))}
      </fieldset>
      <div className="actions">
        <button type="submit">{submitLabel}</button>
      </div>
    </Form>
  );
}
