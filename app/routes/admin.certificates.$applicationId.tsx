// Organizer: any participant's certificate of participation (issue 6), printable A4 landscape.
import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CertificateView } from "~/components/dashboard/CertificateView";
import { dashboardLinks } from "~/components/dashboard/styles";
import { remixI18n } from "~/i18n.server";
import { parseTrackingFilters, certificateViewData, getCertificateForOrganizer } from "~/models/tracking.server";
import { requireActor } from "~/session.server";
import { guard } from "~/utils/http.server";
import { pageTitle } from "~/utils/page-title";

export const handle = pageTitle("tracking.certificate.title");
export const links = dashboardLinks;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const lng = await remixI18n.getLocale(request);
  const threshold = parseTrackingFilters(new URL(request.url).searchParams).threshold;
  return guard(() => {
    const c = getCertificateForOrganizer(actor, Number(params.applicationId), threshold);
    return json({ completed: c.completed, threshold: c.threshold, attended: c.attended, expected: c.expected, editionId: c.edition.id, view: certificateViewData(c, lng) });
  });
}

export default function ParticipantCertificate() {
  const data = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <>
      <p className="no-print"><Link to={`/admin/editions/${data.editionId}/dashboard`}>{t("tracking.certificate.backDashboard")}</Link></p>
      {data.completed ? (
        <>
          <p className="no-print muted">{t("tracking.certificate.printHint")}</p>
          <CertificateView c={data.view} />
        </>
      ) : (
        <section>
          <h1>{t("tracking.certificate.title")}</h1>
          <p className="alert alert-warn">{t("tracking.certificate.notCompleted", { name: data.view.name, attended: data.attended, expected: data.expected, threshold: data.threshold })}</p>
        </section>
      )}
    </>
  );
}
