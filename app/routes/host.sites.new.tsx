import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { SiteForm } from "~/components/hosts/SiteForm";
import { memberZoneChoices } from "~/domain/member-zones";
import { remixI18n } from "~/i18n.server";
import { hostSiteSchema } from "~/forms/host-site.server";
import { createSite, requireHostArea } from "~/models/hosts.server";
import { requireActor } from "~/session.server";
import { guard, handleForm, readForm } from "~/utils/http.server";
import { pageTitle } from "~/utils/page-title";

export const handle = pageTitle("hosts.site.newTitle");

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const lng = await remixI18n.getLocale(request);
  return guard(() => {
    requireHostArea(actor);
    return json({ timeZones: memberZoneChoices(lng) });
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActor(request);
  await guard(() => requireHostArea(actor));
  const form = await readForm(request);
  return handleForm(form, hostSiteSchema, (v) => {
    const id = createSite(actor, v);
    return redirect(`/host/sites/${id}?created=1`);
  });
}

export default function NewSite() {
  const { t } = useTranslation();
  const lastResult = useActionData<typeof action>();
  const { timeZones } = useLoaderData<typeof loader>();
  return (
    <section className="card">
      <h1>{t("hosts.site.newTitle")}</h1>
      <p>{t("hosts.site.newLead")}</p>
      <SiteForm lastResult={lastResult} submitLabel={t("hosts.site.create")} timeZones={timeZones} />
    </section>
  );
}
