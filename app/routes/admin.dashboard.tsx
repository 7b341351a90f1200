// The organizer's participation dashboard across editions (issue 6): filters as a GET form; below
// it the pilot strand (issue 16, item 5), which the participation filters do not narrow.
import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { DashboardView } from "~/components/dashboard/DashboardView";
import { dashboardLinks } from "~/components/dashboard/styles";
import { remixI18n } from "~/i18n.server";
import { PilotStrand } from "~/components/pilots/PilotStrand";
import { pilotStrand } from "~/models/pilots.server";
import { dashboardViewData, parseTrackingFilters } from "~/models/tracking.server";
import { requireActor } from "~/session.server";
import { guard } from "~/utils/http.server";
import { LocalTextIn } from "~/components/i18n/LocalTextIn";
import { pageTitle } from "~/utils/page-title";

export const handle = pageTitle((t, d) => (d.editionName ? t("tracking.dashboard.titleEdition", { edition: d.editionName }) : t("tracking.dashboard.title")));
export const links = dashboardLinks;

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const lng = await remixI18n.getLocale(request);
  const url = new URL(request.url);
  return guard(() => json({ ...dashboardViewData(actor, parseTrackingFilters(url.searchParams), lng, false), pilots: pilotStrand(actor) }));
}

export default function Dashboard() {
  const data = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <>
      <h1>
        {data.editionName ? (
          <LocalTextIn i18nKey="tracking.dashboard.titleEdition" name="edition" value={{ text: data.editionName, lang: data.editionLang }} />
        ) : (
          t("tracking.dashboard.title")
        )}
      </h1>
      <DashboardView data={data} />
      <PilotStrand data={data.pilots} />
    </>
  );
}
