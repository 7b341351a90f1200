// /host/visits/:visitId/trainings: a host coordinator's training schedule for their own visit
// (grid of days × venues), with the same training form as the organizers, limited to this visit
// (?edit=<id> edits one of its trainings), status changes, and the visit's calendar feed URL.
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { LocalTextIn } from "~/components/i18n/LocalTextIn";
import { ScheduleGrid } from "~/components/training/ScheduleGrid";
import { trainingLinks } from "~/components/training/styles";
import { TrainingForm } from "~/components/training/TrainingForm";
import { formChoices, formValues, gridFor, seriesText, valuesFromQuery } from "~/components/training/views.server";
import { formatDate } from "~/domain/dates";
import { pickField, siteNameShown, visitTitleShown } from "~/domain/local-text";
import { trainingSchema, trainingStatusSchema } from "~/forms/training";
import { remixI18n, translatorFor } from "~/i18n.server";
import { FeedCard } from "~/components/training/FeedCard";
import {
  feedUrl,
  rotateVisitFeed,
  visitFeedState,
  getTrainingForEdit,
  listTrainingRows,
  saveTraining,
  changeTrainingStatus,
  createTrainingSeries,
  cancelFollowingOccurrences,
  seriesOfTraining,
} from "~/models/training.server";
import { visitInScope } from "~/models/hosts.server";
import { db } from "~/db.server";
import { NotFoundError } from "~/models/errors";
import { requireActor } from "~/session.server";
import { guard, handleForm, readForm } from "~/utils/http.server";
import { StatusForms } from "~/components/training/StatusForms";
import { pageTitle } from "~/utils/page-title";

export const links = trainingLinks;
export const handle = pageTitle((t, d) => t("training.host.title", { visit: d.visit.title }));

function editTarget(actor: Parameters<typeof getTrainingForEdit>[0], visitId: number, raw: string | null) {
  if (!raw) return null;
  const e = getTrainingForEdit(actor, Number(raw));
  if (e.training.visitId !== visitId) throw new NotFoundError("training");
  return e;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const lng = await remixI18n.getLocale(request);
  const t = translatorFor(lng);
  const url = new URL(request.url);
  return guard(() => {
    const visitId = Number(params.visitId);
    const { visit, site } = visitInScope(actor, visitId);
    const rows = listTrainingRows(db(), { visitId });
    const edit = editTarget(actor, visitId, url.searchParams.get("edit"));
    const series = edit ? seriesOfTraining(actor, edit.training.id) : null;
    const title = visitTitleShown(visit.title, visit.translations, siteNameShown(site, lng), lng);
    return json({
      visit: {
        id: visit.id,
        title: title.text,
        titleLang: title.lang,
        dates: `${formatDate(visit.arrivalOn, lng)} – ${formatDate(visit.departureOn, lng)}`,
        status: visit.status,
      },
      grid: gridFor(rows, visit.arrivalOn, visit.departureOn, lng, t, (id) => `/host/visits/${visitId}/trainings?edit=${id}#training-form`),
      choices: formChoices(actor, visit.editionId, lng),
      edit: edit
        ? {
            id: edit.training.id,
            title: pickField(edit.training.title, edit.training.translations, "title", lng).text,
            status: edit.training.status,
            started: Date.parse(edit.training.startsAt) <= Date.now(),
            values: formValues(edit.training, edit.trainerIds, edit.interpreterIds),
            series: series ? { total: series.summary.total, following: series.following, text: seriesText(series.summary, lng, t) } : null,
          }
        : null,
      newValues: valuesFromQuery(url, { startDate: visit.arrivalOn, endDate: visit.arrivalOn, audience: "visit", timeZone: site.timeZone }),
      feed:
        visit.status === "planned"
          ? (({ active, since }) => ({ active, since: since ? formatDate(since.slice(0, 10), lng) : null }))(visitFeedState(actor, visitId))
          : null,
    });
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireActor(request);
  const lng = await remixI18n.getLocale(request);
  const visitId = Number(params.visitId);
  const url = new URL(request.url);
  const { edit, editionId } = await guard(() => {
    const { visit } = visitInScope(actor, visitId);
    return { edit: editTarget(actor, visitId, url.searchParams.get("edit")), editionId: visit.editionId };
  });
  const form = await readForm(request);
  const back = `/host/visits/${visitId}/trainings`;
  const intent = form.get("intent");
  if (intent === "rotateFeed") {
    const token = await guard(() => rotateVisitFeed(actor, visitId));
    // Answered, not redirected: this answer is the only place the new URL is ever shown.
    return json({ newFeed: feedUrl(token) }, { headers: { "Cache-Control": "no-store" } });
  }
  if (intent === "status") {
    if (!edit) throw new Response("Not found", { status: 404 });
    return handleForm(form, trainingStatusSchema, (v) => {
      if (v.to === "cancelled" && v.scope === "following") cancelFollowingOccurrences(actor, edit.training.id, v.reason);
      else changeTrainingStatus(actor, edit.training.id, v.to, v.reason);
      return redirect(`${back}?saved=1`);
    });
  }
  return handleForm(form, trainingSchema, (v) => {
    if (!edit && v.repeat !== "none") {
      createTrainingSeries(actor, { editionId, fixedVisitId: visitId }, v, { locale: lng });
      return redirect(`${back}?saved=1`);
    }
    saveTraining(actor, edit ? { trainingId: edit.training.id, fixedVisitId: visitId } : { editionId, fixedVisitId: visitId }, v, { locale: lng });
    return redirect(`${back}?saved=1`);
  });
}

export default function HostVisitTrainings() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const { t } = useTranslation();
  const freshFeed = actionData && "newFeed" in actionData ? actionData.newFeed : null;
  const intent = (actionData as { initialValue?: Record<string, unknown> } | undefined)?.initialValue?.intent;
  const saveResult = intent === "status" || !actionData || "newFeed" in actionData ? undefined : actionData;
  const statusErrors = intent === "status" ? ((actionData as { error?: Record<string, string[]> })?.error?.[""] ?? ["errors.invalid"]) : undefined;
  const fixedVisit = { id: d.visit.id, label: `${d.visit.title} (${d.visit.dates})` };
  return (
    <>
      <p className="no-print">
        <Link to={`/host/visits/${d.visit.id}`}>
          ← <span lang={d.visit.titleLang}>{d.visit.title}</span>
        </Link>
      </p>
      <h1>
        <LocalTextIn i18nKey="training.host.title" name="visit" value={{ text: d.visit.title, lang: d.visit.titleLang }} />
      </h1>
      <p className="muted">{d.visit.dates}</p>
      {params.get("saved") ? (
        <p className="alert alert-ok" role="status">
          {t("training.saved")}
        </p>
      ) : null}
      <ScheduleGrid data={d.grid} caption={t("training.grid.caption", { name: d.visit.title })} />
      {d.feed ? (
        <FeedCard headingId="feed-h" title={t("training.feed.visitTitle")} lead={t("training.feed.visitLead")} state={d.feed} fresh={freshFeed} />
      ) : null}
      {d.visit.status === "planned" ? (
        <section className="card no-print" id="training-form" aria-labelledby="form-h">
          <h2 id="form-h">{d.edit ? t("training.host.editing", { title: d.edit.title }) : t("training.form.newTitle")}</h2>
          {d.edit ? (
            <>
              <p>
                <Link to={`/host/visits/${d.visit.id}/trainings`}>{t("training.host.newInstead")}</Link>
              </p>
              {d.edit.series ? (
                <p className="muted">
                  {t("training.series.partOf", { count: d.edit.series.total })} · {d.edit.series.text}
                </p>
              ) : null}
              <StatusForms status={d.edit.status} started={d.edit.started} errors={statusErrors} following={d.edit.series?.following} />
            </>
          ) : null}
          {!d.edit || d.edit.status === "draft" || d.edit.status === "scheduled" ? (
            <TrainingForm
              key={d.edit?.id ?? "new"}
              lastResult={saveResult}
              defaultValue={d.edit ? d.edit.values : d.newValues}
              choices={d.choices}
              fixedVisit={fixedVisit}
              isNew={!d.edit}
              submitLabel={d.edit ? t("common.save") : t("training.form.create")}
            />
          ) : null}
        </section>
      ) : null}
    </>
  );
}
