// Organizer: import nominees of any member country from CSV, with a preview (issue 6).
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { ImportView } from "~/components/dashboard/ImportView";
import { remixI18n } from "~/i18n.server";
import { requireOrganizer } from "~/models/actor";
import { importAction, importLoaderData } from "~/models/applications.server";
import { requireActor } from "~/session.server";
import { guard } from "~/utils/http.server";
import { pageTitle } from "~/utils/page-title";

export const handle = pageTitle("tracking.import.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const lng = await remixI18n.getLocale(request);
  return guard(() => {
    requireOrganizer(actor);
    return importLoaderData(request, null, lng);
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActor(request);
  const lng = await remixI18n.getLocale(request);
  await guard(() => requireOrganizer(actor));
  return importAction(actor, request, null, lng, "/admin/import");
}

export default function AdminImport() {
  const data = useLoaderData<typeof loader>() as unknown as Parameters<typeof ImportView>[0];
  const reply = useActionData<typeof action>() as Parameters<typeof ImportView>[0]["reply"];
  return <ImportView {...data} reply={reply} />;
}
