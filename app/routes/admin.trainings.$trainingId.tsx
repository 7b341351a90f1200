// /admin/trainings/:trainingId: edit a training session (conflict-checked), move it through its
// life cycle (draft → scheduled → held | cancelled, audited) and see who is enrolled or waiting.
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AuditTrail } from "~/components/review/AuditTrail";
import { StatusForms } from "~/components/training/StatusForms";
import { TrainingForm } from "~/components/training/TrainingForm";
import { formChoices, formValues, seriesText } from "~/components/training/views.server";
import { formatDate } from "~/domain/dates";
import { formatForViewer } from "~/domain/training";
import { trainingSchema, trainingStatusSchema } from "~/forms/training";
import { remixI18n, translatorFor } from "~/i18n.server";
import { requireOrganizer } from "~/models/actor";
import { auditTrail } from "~/models/audit.server";
import {
  listEnrolments,
  getTrainingForEdit,
  saveTraining,
  changeTrainingStatus,
  trainingInScope,
  seriesOfTraining,
  cancelFollowingOccurrences,
} from "~/models/training.server";
import { requireActor } from "~/session.server";
import { guard, handleForm, readForm } from "~/utils/http.server";
import { LocalTextIn } from "~/components/i18n/LocalTextIn";
import { pickField, shownName } from "~/domain/local-text";
import { pageTitle } from "~/utils/page-title";

export const handle = pageTitle((_t, d) => d.training.title);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const lng = await remixI18n.getLocale(request);
  return guard(() => {
    requireOrganizer(actor);
    const { training, edition, trainerIds, interpreterIds } = getTrainingForEdit(actor, Number(params.trainingId));
    const series = seriesOfTraining(actor, training.id);
    return json({
      training: {
        id: training.id,
        // Named in the reader's language on the page; the form below edits English and translations.
        ...(({ text, lang }) => ({ title: text, titleLang: lang }))(pickField(training.title, training.translations, "title", lng)),
        status: training.status,
        // Only a session that has begun can be marked held (the use case refuses earlier ones).
        started: Date.parse(training.startsAt) <= Date.now(),
        cancelReason: training.cancelReason,
        audience: training.audience,
        capacity: training.capacity,
        when: formatForViewer(training.startsAt, training.endsAt, training.timeZone, actor.timeZone, { locale: lng }),
      },
      edition: { id: edition.id, ...shownName(edition, lng) },
      choices: formChoices(actor, edition.id, lng, { venueId: training.venueId, trainerIds, interpreterIds }),
      values: formValues(training, trainerIds, interpreterIds),
      enrolments: listEnrolments(actor, training.id),
      series: series
        ? {
            total: series.summary.total,
            following: series.following,
            text: seriesText(series.summary, lng, translatorFor(lng)),
            occurrences: series.occurrences.map((o) => ({ ...o, label: formatDate(o.date, lng) })),
          }
        : null,
      audit: auditTrail("training_session", training.id),
    });
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireActor(request);
  const lng = await remixI18n.getLocale(request);
  const id = Number(params.trainingId);
  await guard(() => {
    requireOrganizer(actor);
    return trainingInScope(actor, id);
  });
  const form = await readForm(request);
  if (form.get("intent") === "status") {
    return handleForm(form, trainingStatusSchema, (v) => {
      if (v.to === "cancelled" && v.scope === "following") cancelFollowingOccurrences(actor, id, v.reason);
      else changeTrainingStatus(actor, id, v.to, v.reason);
      return redirect(`/admin/trainings/${id}?saved=1`);
    });
  }
  return handleForm(form, trainingSchema, (v) => {
    saveTraining(actor, { trainingId: id }, v, { locale: lng });
    return redirect(`/admin/trainings/${id}?saved=1`);
  });
}

export default function EditTraining() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const { t, i18n } = useTranslation();
  const intent = (actionData as { initialValue?: Record<string, unknown> } | undefined)?.initialValue?.intent;
  const saveResult = intent === "status" ? undefined : actionData;
  const statusError = intent === "status" ? ((actionData as { error?: Record<string, string[]> })?.error ?? {}) : undefined;
  const reasonErrors = statusError?.reason;
  const statusErrors = statusError ? (statusError[""] ?? (reasonErrors ? undefined : ["errors.invalid"])) : undefined;
  const editable = d.training.status === "draft" || d.training.status === "scheduled";
  return (
    <>
      <p>
        <Link to={`/admin/editions/${d.edition.id}/trainings`}>
          ← <LocalTextIn i18nKey="training.list.title" name="edition" value={{ text: d.edition.name, lang: d.edition.lang }} />
        </Link>
      </p>
      <h1 lang={d.training.titleLang}>{d.training.title}</h1>
      <p>
        <span className={`badge badge-${d.training.status}`}>{t(`training.status.${d.training.status}`)}</span> {d.training.when.venue}
        {d.training.when.viewer ? (
          <span className="muted">
            {" "}
            ({t("training.itinerary.yourTime")}: {d.training.when.viewer})
          </span>
        ) : null}
      </p>
      {params.get("saved") ? (
        <p className="alert alert-ok" role="status">
          {t("training.saved")}
        </p>
      ) : null}
      {d.training.cancelReason ? <p className="alert alert-warn">{t("training.cancelledBecause", { reason: d.training.cancelReason })}</p> : null}
      {d.series ? (
        <section className="card" aria-labelledby="series-h">
          <h2 id="series-h">{t("training.series.partOf", { count: d.series.total })}</h2>
          <p>{d.series.text}</p>
          <ol className="pill-list series-days">
            {d.series.occurrences.map((o) => (
              <li key={o.id}>
                {o.current ? <strong aria-current="page">{o.label}</strong> : <Link to={`/admin/trainings/${o.id}`}>{o.label}</Link>}
                {o.status !== "scheduled" ? (
                  <>
                    {" "}
                    <span className={`badge badge-${o.status}`}>{t(`training.status.${o.status}`)}</span>
                  </>
                ) : null}
              </li>
            ))}
          </ol>
        </section>
      ) : null}
      <StatusForms status={d.training.status} started={d.training.started} errors={statusErrors} reasonErrors={reasonErrors} following={d.series?.following} />
      {editable ? (
        <section className="card">
          <h2>{t("training.form.editTitle")}</h2>
          <TrainingForm lastResult={saveResult} defaultValue={d.values} choices={d.choices} isNew={false} submitLabel={t("common.save")} />
        </section>
      ) : null}
      {d.training.audience === "enrol" ? (
        <section className="card" aria-labelledby="enrol-h">
          <h2 id="enrol-h">{t("training.enrolments.title")}</h2>
          <p className="muted">
            {t("training.enrolments.summary", {
              enrolled: d.enrolments.filter((e) => e.status === "enrolled").length,
              capacity: d.training.capacity ?? "∞",
              waiting: d.enrolments.filter((e) => e.status === "waitlisted").length,
            })}
          </p>
          {d.enrolments.length ? (
            <ol>
              {d.enrolments.map((e) => (
                <li key={e.id}>
                  {e.name} {e.country ? `(${e.country})` : ""} <span className={`badge badge-${e.status}`}>{t(`training.enrolment.${e.status}`)}</span>
                  {e.position ? ` #${e.position}` : ""}
                </li>
              ))}
            </ol>
          ) : null}
        </section>
      ) : null}
      <section className="card">
        <h2>{t("training.history")}</h2>
        <AuditTrail events={d.audit} locale={i18n.language} />
      </section>
    </>
  );
}
