// The organizer's participation dashboard of one edition (issue 6): filters as a GET form.
// Issue 15: a button issues the certificates of everyone who completed the edition at the threshold shown.
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { DashboardView } from "~/components/dashboard/DashboardView";
import { dashboardLinks } from "~/components/dashboard/styles";
import { remixI18n } from "~/i18n.server";
import { FormErrors } from "~/components/form";
import { bulkIssueSchema } from "~/forms/certificates";
import { dashboardViewData, issueCertificatesForEdition, parseTrackingFilters } from "~/models/tracking.server";
import { NotFoundError } from "~/models/errors";
import { requireActor } from "~/session.server";
import { guard, handleForm, idParam, readForm } from "~/utils/http.server";
import { LocalTextIn } from "~/components/i18n/LocalTextIn";
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

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireActor(request);
  const form = await readForm(request);
  return guard(() => {
    const id = idParam(params.id, "edition");
    return handleForm(form, bulkIssueSchema, (v) => {
      const r = issueCertificatesForEdition(actor, id, v.threshold);
      return redirect(`/admin/editions/${id}/dashboard?threshold=${v.threshold ?? ""}&issued=${r.issued}&already=${r.already}#certificates`);
    });
  });
}

export default function EditionDashboard() {
  const data = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [params] = useSearchParams();
  const { t } = useTranslation();
  const issued = params.get("issued");
  return (
    <>
      <p>
        <Link to={`/admin/editions/${data.filters.edition}`}>
          ← <span lang={data.editionLang}>{data.editionName}</span>
        </Link>{" "}
        · <Link to="/admin/dashboard">{t("tracking.dashboard.acrossEditions")}</Link>
      </p>
      <h1>
        <LocalTextIn i18nKey="tracking.dashboard.titleEdition" name="edition" value={{ text: data.editionName, lang: data.editionLang }} />
      </h1>
      <section className="card no-print" id="certificates" aria-labelledby="certs-h">
        <h2 id="certs-h">{t("secretariat.certificates.bulkTitle")}</h2>
        {issued !== null ? (
          <p className="alert alert-ok" role="status">
            {t("secretariat.certificates.bulkDone", { count: Number(issued) || 0, already: Number(params.get("already")) || 0 })}
          </p>
        ) : null}
        <Form method="post" className="stack">
          <FormErrors errors={lastResult && "error" in lastResult ? (lastResult.error?.[""] ?? undefined) : undefined} />
          <p className="muted">{t("secretariat.certificates.bulkHint", { threshold: data.filters.threshold })}</p>
          <input type="hidden" name="threshold" value={data.filters.threshold} />
          <div className="actions">
            <button type="submit" name="intent" value="issue_certificates">
              {t("secretariat.certificates.bulkButton")}
            </button>
          </div>
        </Form>
      </section>
      <DashboardView data={data} />
    </>
  );
}
