/** The organizer's edition evaluation page (admin.editions.$id_.evaluation.tsx): the plan adjustments log. */
import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "~/forms/parse";
import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CheckboxGroup, FormErrors, TextAreaField, TextField } from "~/components/form";
import { adjustmentSchema } from "~/forms/evaluation";
import type { SectionProps as Props } from "./sections";

export function AdjustmentsSection({ data, lastResult, saved }: Props & { lastResult?: SubmissionResult<string[]>; saved: boolean }) {
  const { t } = useTranslation();
  const [form, fields] = useForm<Record<"intent" | "what" | "why" | "responseIds", string> & { indicatorIds: string[]; pulseDays: string[] }>({
    id: "adjust",
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: adjustmentSchema }) as never,
    shouldRevalidate: "onInput",
  });
  return (
    <section aria-labelledby="adjustments-title" id="adjustments">
      <h2 id="adjustments-title">{t("evaluation.adjustments.title")}</h2>
      <p className="hint">{t("evaluation.adjustments.lead")}</p>
      {saved ? (
        <p className="alert alert-ok" role="status">
          {t("evaluation.adjustments.saved")}
        </p>
      ) : null}
      {data.adjustments.length === 0 ? <p>{t("common.noneYet")}</p> : null}
      <ul className="timeline">
        {data.adjustments.map((a) => (
          <li key={a.id}>
            <span className={`badge badge-${a.status === "open" ? "submitted" : a.status === "done" ? "accepted" : "withdrawn"}`}>
              {t(`evaluation.adjustments.status.${a.status}`)}
            </span>{" "}
            {a.fromEdition ? <span className="badge badge-endorsed">{t("evaluation.adjustments.carried", { edition: a.fromEdition })}</span> : null}
            <p style={{ margin: ".3rem 0" }}>
              <strong>{a.what}</strong>
            </p>
            <p style={{ margin: ".3rem 0" }}>
              {t("evaluation.adjustments.why")}: {a.why}
            </p>
            <p className="muted" style={{ margin: ".3rem 0" }}>
              {t("evaluation.adjustments.evidence")}:{" "}
              {[...a.indicators, ...a.pulseDays.map((d) => t("evaluation.adjustments.pulseOf", { day: d })), ...a.responseIds.map((r) => `#${r}`)].join(
                " · ",
              ) || "–"}
              <br />
              {a.at}
              {a.by ? ` · ${a.by}` : ""}
            </p>
            <Form method="post" className="actions" style={{ margin: 0 }}>
              <input type="hidden" name="intent" value="adjustment-status" />
              <input type="hidden" name="adjustmentId" value={a.id} />
              {a.status === "open" ? (
                <>
                  <button type="submit" name="status" value="done" className="btn-small">
                    {t("evaluation.adjustments.markDone")}
                  </button>
                  <button type="submit" name="status" value="dropped" className="btn-secondary btn-small">
                    {t("evaluation.adjustments.drop")}
                  </button>
                </>
              ) : (
                <button type="submit" name="status" value="open" className="btn-secondary btn-small">
                  {t("evaluation.adjustments.reopen")}
                </button>
              )}
            </Form>
            {a.fromEditionId ? <Link to={`/admin/editions/${a.fromEditionId}/evaluation#adjustments`}>{t("evaluation.adjustments.origin")}</Link> : null}
          </li>
        ))}
      </ul>
      <div className="card">
        <h3 style={{ marginTop: 0 }}>{t("evaluation.adjustments.new")}</h3>
        <FormErrors errors={form.errors} id={form.errorId} />
        <Form method="post" className="stack" {...getFormProps(form)}>
          <input type="hidden" name="intent" value="adjust" />
          <TextAreaField field={fields.what} label={t("evaluation.adjustments.what")} rows={2} required />
          <TextAreaField field={fields.why} label={t("evaluation.adjustments.why")} rows={3} required />
          <CheckboxGroup field={fields.indicatorIds} label={t("evaluation.adjustments.indicators")} options={data.indicatorOptions} />
          {data.pulseDayOptions.length ? (
            <CheckboxGroup field={fields.pulseDays} label={t("evaluation.adjustments.pulseDays")} options={data.pulseDayOptions} />
          ) : null}
          <TextField
            field={fields.responseIds}
            label={t("evaluation.adjustments.responseIds")}
            hint={t("evaluation.adjustments.responseIdsHint")}
            inputMode="numeric"
          />
          <div className="actions">
            <button type="submit">{t("evaluation.adjustments.record")}</button>
          </div>
        </Form>
      </div>
    </section>
  );
}
