// Organizer CSV exports (issue 6): /admin/exports/<kind>.csv with the dashboard's filters, streamed.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { remixI18n } from "~/i18n.server";
import { parseTrackingFilters, CSV_HEADERS, exportCsv, exportFileName } from "~/models/tracking.server";
import { requireActor } from "~/session.server";
import { guard } from "~/utils/http.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const lng = await remixI18n.getLocale(request);
  const url = new URL(request.url);
  return guard(() => {
    const kind = params.kind ?? "";
    const filters = parseTrackingFilters(url.searchParams);
    const body = exportCsv(actor, kind, filters, lng);
    return new Response(body, { headers: CSV_HEADERS(exportFileName(kind, filters)) });
  });
}
