// Focal point: import nominees of their own country from CSV, with a preview (issue 6).
import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { ImportView } from "~/components/dashboard/ImportView";
import { memberCountryName as countryName } from "~/domain/country-names";
import { remixI18n } from "~/i18n.server";
import { importAction, importLoaderData, focalCountry } from "~/models/applications.server";
import { requireActor } from "~/session.server";
import { guard } from "~/utils/http.server";
import { pageTitle } from "~/utils/page-title";

export const handle = pageTitle("tracking.import.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const lng = await remixI18n.getLocale(request);
  const country = await guard(() => focalCountry(actor, new URL(request.url).searchParams.get("country")));
  const data = await importLoaderData(request, country, lng).json();
  return json({ ...data, countryName: countryName(country, lng) });
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActor(request);
  const lng = await remixI18n.getLocale(request);
  const country = await guard(() => focalCountry(actor, new URL(request.url).searchParams.get("country")));
  return importAction(actor, request, country, lng, "/focal/import");
}

export default function FocalImport() {
  const data = useLoaderData<typeof loader>() as unknown as Parameters<typeof ImportView>[0];
  const reply = useActionData<typeof action>() as Parameters<typeof ImportView>[0]["reply"];
  return <ImportView {...data} reply={reply} />;
}
