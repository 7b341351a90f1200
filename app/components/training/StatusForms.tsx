/**
 * Status changes of a training: schedule, mark held, cancel with a reason (works without JS).
 * `started`: whether the session has begun (server's clock); "Mark as held" is offered only then
 * (issue 12: it was offered for future sessions; changeTrainingStatus refuses those too).
 * `following`: for an occurrence of a series, how many draft or scheduled occurrences from this
 * one on; above one, a second button cancels them all (issue 15, item 8).
 */
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorList, FormErrors } from "~/components/form";

export function StatusForms({
  status,
  started,
  errors,
  reasonErrors,
  following,
}: {
  status: string;
  started: boolean;
  errors?: string[];
  reasonErrors?: string[];
  following?: number;
}) {
  const { t } = useTranslation();
  const next = (status === "draft" ? ["scheduled", "cancelled"] : status === "scheduled" ? ["held", "cancelled"] : []).filter((to) => to !== "held" || started);
  if (!next.length) return null;
  return (
    <section className="card" aria-labelledby="status-h">
      <h2 id="status-h">{t("training.statusForm.title")}</h2>
      <FormErrors errors={errors} />
      {next
        .filter((to) => to !== "cancelled")
        .map((to) => (
          <Form method="post" key={to} className="actions">
            <input type="hidden" name="intent" value="status" />
            <input type="hidden" name="to" value={to} />
            <button type="submit">{t(`training.statusForm.to.${to}`)}</button>
          </Form>
        ))}
      {/* noValidate: the translated message comes from the server, not the browser's own bubble. */}
      <Form method="post" className="stack" noValidate>
        <input type="hidden" name="intent" value="status" />
        <input type="hidden" name="to" value="cancelled" />
        <div className="field">
          <label htmlFor="cancel-reason">{t("training.statusForm.reason")}</label>
          <textarea
            id="cancel-reason"
            name="reason"
            rows={2}
            required
            aria-invalid={reasonErrors?.length ? true : undefined}
            aria-describedby={reasonErrors?.length ? "cancel-reason-error" : undefined}
          />
          <ErrorList id="cancel-reason-error" errors={reasonErrors} />
        </div>
        <div className="actions">
          <button type="submit" className="btn-danger" name="scope" value="one">
            {following ? t("training.series.cancelOne") : t("training.statusForm.to.cancelled")}
          </button>
          {following && following > 1 ? (
            <button type="submit" className="btn-danger" name="scope" value="following">
              {t("training.series.cancelFollowing", { count: following })}
            </button>
          ) : null}
        </div>
      </Form>
    </section>
  );
}
