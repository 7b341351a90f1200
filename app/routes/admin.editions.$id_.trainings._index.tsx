// /admin/editions/:id/trainings: the organizer's schedule of an edition's training sessions, as a
// grid of days × venues (a list per day on phones), optionally for one visit (?visit=<id>).
// (`$id_` so the page is not nested inside the edition edit page, which has no Outlet.)
import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { trainingCounts } from "~/components/training/counts";
import { ScheduleGrid } from "~/components/training/ScheduleGrid";
import { trainingLinks } from "~/components/training/styles";
import { gridFor } from "~/components/training/views.server";
import { formatDate } from "~/domain/dates";
import { remixI18n, translatorFor } from "~/i18n.server";
import { listEditionTrainings, trainingFormOptions } from "~/models/training.server";
import { requireActor } from "~/session.server";
import { guard } from "~/utils/http.server";
import { LocalTextIn } from "~/components/i18n/LocalTextIn";
import { shownName, siteNameShown, visitTitleShown } from "~/domain/local-text";
import { pageTitle } from "~/utils/page-title";

export const links = trainingLinks;
export const handle = pageTitle((t, d) => t("training.list.title", { edition: d.edition.name }));

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const lng = await remixI18n.getLocale(request);
  const t = translatorFor(lng);
  const url = new URL(request.url);
  return guard(() => {
    const { edition, trainings } = listEditionTrainings(actor, Number(params.id));
    const visits = trainingFormOptions(actor, edition.id).visits;
    const visitId = Number(url.searchParams.get("visit")) || null;
    const visit = visits.find((v) => v.id === visitId) ?? null;
    const rows = visit ? trainings.filter((r) => r.visitId === visit.id) : trainings;
    const from = visit?.arrivalOn ?? edition.startsOn;
    const to = visit?.departureOn ?? edition.endsOn;
    return json({
      edition: { id: edition.id, ...shownName(edition, lng), dates: `${formatDate(edition.startsOn, lng)} – ${formatDate(edition.endsOn, lng)}` },
      visits: visits.map((v) => {
        const shown = visitTitleShown(v.title, v.translations, siteNameShown(v.site, lng), lng);
        return { id: v.id, label: shown.text, lang: shown.lang };
      }),
      visitId: visit?.id ?? null,
      grid: gridFor(rows, from, to, lng, t, (id) => `/admin/trainings/${id}`),
      counts: { total: rows.length, draft: rows.filter((r) => r.status === "draft").length, cancelled: rows.filter((r) => r.status === "cancelled").length },
    });
  });
}

export default function EditionTrainings() {
  const d = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const base = `/admin/editions/${d.edition.id}`;
  return (
    <>
      <p className="no-print">
        <Link to={base}>
          ← <span lang={d.edition.lang}>{d.edition.name}</span>
        </Link>
      </p>
      <h1>
        <LocalTextIn i18nKey="training.list.title" name="edition" value={{ text: d.edition.name, lang: d.edition.lang }} />
      </h1>
      <p className="muted">
        {d.edition.dates} · {trainingCounts(t, d.counts)}
      </p>
      <div className="actions no-print">
        <Link className="btn" to={`${base}/trainings/new${d.visitId ? `?visitId=${d.visitId}` : ""}`}>
          {t("training.list.new")}
        </Link>
        <Link className="btn btn-secondary" to={`${base}/trainings/free-slot${d.visitId ? `?visitId=${d.visitId}` : ""}`}>
          {t("training.list.freeSlot")}
        </Link>
        <Link className="btn btn-secondary" to={`${base}/venues`}>
          {t("training.list.resources")}
        </Link>
      </div>
      <Form method="get" className="filters no-print">
        <div className="field">
          <label htmlFor="visit-filter">{t("training.list.visitFilter")}</label>
          <select id="visit-filter" name="visit" defaultValue={d.visitId ?? ""}>
            <option value="">{t("training.list.allVisits")}</option>
            {d.visits.map((v) => (
              <option key={v.id} value={v.id} lang={v.lang}>
                {v.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <button type="submit" className="btn-secondary btn">
            {t("training.list.show")}
          </button>
        </div>
      </Form>
      <ScheduleGrid data={d.grid} caption={t("training.grid.caption", { name: d.edition.name })} />
    </>
  );
}
