// Organizer: any participant's certificate of participation (issue 6), printable A4 landscape.
// Issue 15: it is issued (number, issue date, verification code and QR) and can be revoked with
// a reason; both are audited.
import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { attendancePartsOrNone } from "~/components/dashboard/attendance-parts";
import { CertificateView } from "~/components/dashboard/CertificateView";
import { dashboardLinks } from "~/components/dashboard/styles";
import { FormErrors, TextAreaField } from "~/components/form";
import { formatDate } from "~/domain/dates";
import { certificateActionSchema } from "~/forms/certificates";
import { useAppForm } from "~/forms/use-app-form";
import { remixI18n } from "~/i18n.server";
import {
  certificateOfApplication,
  certificateViewData,
  getCertificateForOrganizer,
  issueCertificate,
  parseTrackingFilters,
  revokeCertificate,
  verificationLink,
} from "~/models/tracking.server";
import { requireActor } from "~/session.server";
import { guard, handleForm, idParam, readForm } from "~/utils/http.server";
import { pageTitle } from "~/utils/page-title";

export const handle = pageTitle("tracking.certificate.title");
export const links = dashboardLinks;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const lng = await remixI18n.getLocale(request);
  const threshold = parseTrackingFilters(new URL(request.url).searchParams).threshold;
  return guard(async () => {
    const c = getCertificateForOrganizer(actor, idParam(params.applicationId, "certificate"), threshold);
    const issued = certificateOfApplication(c.applicationId);
    const valid = issued && !issued.revokedAt ? issued : null;
    const view = valid ? certificateViewData(c, lng, { ...valid, ...(await verificationLink(valid.code)) }) : null;
    return json({
      name: c.name,
      completed: c.completed,
      threshold: c.threshold,
      attended: c.attended,
      expected: c.expected,
      // Training sessions and exchange-visit days both count (issue 12 item 5).
      sessionsAttended: c.sessionsAttended,
      sessionsExpected: c.sessionsExpected,
      daysAttended: c.daysAttended,
      daysExpected: c.daysExpected,
      editionId: c.edition.id,
      view,
      revoked: issued?.revokedAt
        ? { number: issued.number, on: formatDate(issued.revokedAt.slice(0, 10), lng, "long"), reason: issued.revokeReason ?? "" }
        : null,
    });
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireActor(request);
  const form = await readForm(request);
  return guard(async () => {
    const id = idParam(params.applicationId, "certificate");
    getCertificateForOrganizer(actor, id); // scope first: 404 for anyone else, whatever they posted
    return handleForm(form, certificateActionSchema, (v) => {
      if (v.intent === "issue") issueCertificate(actor, id, v.threshold);
      else {
        const cert = certificateOfApplication(id);
        revokeCertificate(actor, cert ? cert.id : NaN, v.reason ?? ""); // already revoked: 409, not 404
      }
      return redirect(`/admin/certificates/${id}?done=${v.intent}`);
    });
  });
}

export default function ParticipantCertificate() {
  const data = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [params] = useSearchParams();
  const { t } = useTranslation();
  const [form, fields] = useAppForm({
    id: "certificate",
    lastResult: lastResult && "status" in lastResult ? lastResult : undefined,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: certificateActionSchema }),
    shouldRevalidate: "onInput",
  });
  const done = params.get("done");
  return (
    <>
      <p className="no-print">
        <Link to={`/admin/editions/${data.editionId}/dashboard`}>{t("tracking.certificate.backDashboard")}</Link>
      </p>
      {done === "issue" || done === "revoke" ? (
        <p className="alert alert-ok no-print" role="status">
          {t(`secretariat.certificates.done.${done}`)}
        </p>
      ) : null}
      {data.view ? (
        <>
          <p className="no-print muted">{t("tracking.certificate.printHint")}</p>
          <CertificateView c={data.view} />
          <section className="card cert-admin" aria-labelledby="revoke-h">
            <h2 id="revoke-h">{t("secretariat.certificates.revokeTitle")}</h2>
            <Form method="post" className="stack" {...getFormProps(form)}>
              <FormErrors errors={form.errors} id={form.errorId} />
              <TextAreaField field={fields.reason} label={t("secretariat.certificates.reason")} hint={t("secretariat.certificates.reasonHint")} rows={2} />
              <div className="actions">
                <button type="submit" name="intent" value="revoke" className="btn-danger">
                  {t("secretariat.certificates.revoke")}
                </button>
              </div>
            </Form>
          </section>
        </>
      ) : (
        <section>
          <h1>{t("tracking.certificate.title")}</h1>
          {data.revoked ? <p className="alert alert-warn">{t("secretariat.certificates.revokedNotice", data.revoked)}</p> : null}
          {data.completed ? (
            <Form method="post" className="stack" {...getFormProps(form)}>
              <FormErrors errors={form.errors} id={form.errorId} />
              <p>{t("secretariat.certificates.notIssued", { name: data.name })}</p>
              <input type="hidden" name="threshold" value={data.threshold} />
              <div className="actions">
                <button type="submit" name="intent" value="issue">
                  {t(data.revoked ? "secretariat.certificates.issueNew" : "secretariat.certificates.issue")}
                </button>
              </div>
            </Form>
          ) : (
            <p className="alert alert-warn">
              {t("tracking.certificate.notCompleted", { name: data.name, threshold: data.threshold, parts: attendancePartsOrNone(t, data) })}
            </p>
          )}
        </section>
      )}
    </>
  );
}
