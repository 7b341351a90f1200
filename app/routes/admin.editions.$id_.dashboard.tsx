// The organizer's participation dashboard of one edition (issue 6): filters as a GET form.
import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { DashboardView } from "~/components/dashboard/DashboardView";
import { dashboardLinks } from "~/components/dashboard/styles";
import { remixI18n } from "~/i18n.server";
import { dashboardViewData, parseTrackingFilters } from "~/models/tracking.server";
import { NotFoundError } from "~/models/errors";
import { requireActor } from "~/session.server";
import { guard } from "~/utils/http.server";
import { pageTitle } from "~/utils/page-title";

export const handle = pageTitle((t, d) => t("tracking.dashboard.titleEdition", { edition: d.editionName }));
export const links = dashboardLinks;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const lng = await remixI18n.getLocale(request);
  const url = new URL(request.url);
  return guard(() => {
    const id = Number(params.id);
    if (!Number.isInteger(id) || id <= 0) throw new NotFoundError("edition");
    return json(dashboardViewData(actor, parseTrackingFilters(url.searchParams, id), lng, true));
  });
}

export default function EditionDashboard() {
  const data = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <>
      <p><Link to={`/admin/editions/${data.filters.edition}`}>← {data.editionName}</Link> · <Link to="/admin/dashboard">{t("tracking.dashboard.acrossEditions")}</Link></p>
      <h1>{t("tracking.dashboard.titleEdition", { edition: data.editionName })}</h1>
      <DashboardView data={data} />
    </>
  );
}
