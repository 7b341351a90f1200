// The organizer's nominee import template (CSV with a country column): a resource route, because
// the import page itself cannot answer a browser's document request with a file.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireOrganizer } from "~/models/actor";
import { importTemplateResponse } from "~/models/applications.server";
import { requireActor } from "~/session.server";
import { guard } from "~/utils/http.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  return guard(() => {
    requireOrganizer(actor);
    return importTemplateResponse(null);
  });
}
