// Organizer: adjust a pilot project's plan (issue 16 item 3): move or remove milestones and
// change planned amounts in one plan adjustment, with its reason and evidence (required once the
// plan is agreed). Works without JavaScript; a refused post keeps every typed value.
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AdjustmentFields } from "~/components/pilots/AdjustmentFields";
import { checkboxProps, FormErrors, TextField } from "~/components/form";
import { formatDate } from "~/domain/dates";
import { serverFormProps, useServerForm } from "~/forms/server-form";
import { planAction, planLoader } from "~/models/pilots/visit-routes.server";
import { pageTitle } from "~/utils/page-title";

export const handle = pageTitle("pilots.adjustments.adjust");
export const loader = planLoader;
export const action = planAction;

export default function AdjustPlan() {
  const { project, agreed, milestones, lines, defaults, choices } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { t, i18n } = useTranslation();
  const [form, f] = useServerForm({ id: "plan", lastResult, defaultValue: defaults });
  return (
    <section className="card">
      <p>
        <Link to={`/pilots/projects/${project.id}`}>← {project.title}</Link>
      </p>
      <h1>{t("pilots.adjustments.adjust")}</h1>
      <p>{t("pilots.adjustments.planLead")}</p>
      <Form method="post" className="stack" {...serverFormProps(form)}>
        <FormErrors errors={form.errors} id={form.errorId} />
        <fieldset className="stack">
          <legend>{t("pilots.milestones.title")}</legend>
          {milestones.length ? null : <p className="muted">{t("pilots.milestones.none")}</p>}
          {milestones.map((m, i) => (
            <div key={m.id} className="stack">
              <input type="hidden" name={`milestones[${i}].id`} value={m.id} />
              <TextField
                field={f[`milestones[${i}].dueOn`]}
                type="date"
                label={`${m.title} · ${t("pilots.milestones.dueOn")}`}
                hint={m.doneOn ? `${t("pilots.milestones.doneOn")}: ${formatDate(m.doneOn, i18n.language)}` : undefined}
                required
              />
              <label className="check">
                <input {...checkboxProps(f[`milestones[${i}].remove`])} />
                {t("pilots.adjustments.removeMilestone", { title: m.title })}
              </label>
            </div>
          ))}
        </fieldset>
        <fieldset className="stack">
          <legend>{t("pilots.budget.title", { currency: project.currency })}</legend>
          {lines.length ? null : <p className="muted">{t("pilots.adjustments.noLines")}</p>}
          {lines.map((l, i) => (
            <div key={l.id}>
              <input type="hidden" name={`lines[${i}].id`} value={l.id} />
              <TextField field={f[`lines[${i}].planned`]} inputMode="text" label={`${l.month} · ${l.item} · ${t("pilots.budget.planned")}`} required />
            </div>
          ))}
        </fieldset>
        <AdjustmentFields fields={f} choices={choices} agreed={agreed} />
        <div className="actions">
          <button type="submit">{t("pilots.adjustments.record")}</button>
        </div>
      </Form>
    </section>
  );
}
