import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { SiteForm } from "~/components/hosts/SiteForm";
import { memberZoneChoices } from "~/domain/member-zones";
import { remixI18n } from "~/i18n.server";
import { hostSiteSchema } from "~/forms/host-site.server";
import { getSite, siteFormValues, siteInScope, updateSite } from "~/models/hosts.server";
import { requireActor } from "~/session.server";
import { guard, handleForm, readForm } from "~/utils/http.server";
import { pageTitle } from "~/utils/page-title";

export const handle = pageTitle((t, d) => t("hosts.site.editTitle", { name: d.name }));

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const lng = await remixI18n.getLocale(request);
  return guard(() => {
    const { site } = getSite(actor, Number(params.siteId));
    return json({ id: site.id, name: site.name, values: siteFormValues(site), timeZones: memberZoneChoices(lng) });
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireActor(request);
  const siteId = Number(params.siteId);
  await guard(() => siteInScope(actor, siteId));
  const form = await readForm(request);
  return handleForm(form, hostSiteSchema, (v) => {
    updateSite(actor, siteId, v);
    return redirect(`/host/sites/${siteId}?saved=1`);
  });
}

export default function EditSite() {
  const { id, name, values, timeZones } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <section className="card">
      <p className="no-print">
        <Link to={`/host/sites/${id}`}>← {name}</Link>
      </p>
      <h1>{t("hosts.site.editTitle", { name })}</h1>
      <SiteForm lastResult={lastResult} defaultValue={values} submitLabel={t("common.save")} timeZones={timeZones} />
    </section>
  );
}
