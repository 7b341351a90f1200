// A participant's own certificate of participation for an edition (issue 6), printable A4 landscape.
// Issue 15: shown once the secretariat has issued it (number, issue date, verification QR); a
// revoked one is not shown, only the notice.
import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { attendancePartsOrNone } from "~/components/dashboard/attendance-parts";
import { CertificateView } from "~/components/dashboard/CertificateView";
import { dashboardLinks } from "~/components/dashboard/styles";
import { remixI18n } from "~/i18n.server";
import { CheckInPass } from "~/components/dashboard/CheckInPass";
import { certificateOfApplication, certificateViewData, getOwnCertificate, myCheckInPass, verificationLink } from "~/models/tracking.server";
import { requireActor } from "~/session.server";
import { guard } from "~/utils/http.server";
import { pageTitle } from "~/utils/page-title";

export const handle = pageTitle("tracking.certificate.title");
export const links = dashboardLinks;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const lng = await remixI18n.getLocale(request);
  return guard(async () => {
    const c = getOwnCertificate(actor, Number(params.editionId));
    const issued = certificateOfApplication(c.applicationId);
    const valid = issued && !issued.revokedAt ? issued : null;
    return json({
      completed: c.completed,
      threshold: c.threshold,
      attended: c.attended,
      expected: c.expected,
      // Training sessions and exchange-visit days both count (issue 12 item 5).
      sessionsAttended: c.sessionsAttended,
      sessionsExpected: c.sessionsExpected,
      daysAttended: c.daysAttended,
      daysExpected: c.daysExpected,
      revoked: !!issued?.revokedAt,
      // The personal check-in pass (issue 14 item 5) of an accepted participant.
      pass: await myCheckInPass(actor, { applicationId: c.applicationId }),
      view: valid ? certificateViewData(c, lng, { ...valid, ...(await verificationLink(valid.code)) }) : null,
    });
  });
}

export default function MyCertificate() {
  const data = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <>
      <p className="no-print">
        <Link to="/me">{t("tracking.certificate.back")}</Link>
      </p>
      {data.view ? (
        <>
          <p className="no-print muted">{t("tracking.certificate.printHint")}</p>
          <CertificateView c={data.view} />
        </>
      ) : (
        <section>
          <h1>{t("tracking.certificate.title")}</h1>
          <p className="alert alert-warn">
            {data.revoked
              ? t("secretariat.certificates.mineRevoked")
              : data.completed
                ? t("secretariat.certificates.mineNotIssued")
                : t("tracking.certificate.notYet", { threshold: data.threshold, parts: attendancePartsOrNone(t, data) })}
          </p>
        </section>
      )}
      {data.pass ? (
        // Printing this page prints the certificate; the pass is printed from the itinerary.
        <div className={data.view ? "no-print" : undefined}>
          <CheckInPass pass={data.pass} id="checkin-pass" />
        </div>
      ) : null}
    </>
  );
}
