// A host's CSV export of one of their visits (issue 6): ?kind=participants|attendance (default),
// only the fields a host may see. Visits outside the host's sites answer 404.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { remixI18n } from "~/i18n.server";
import { CSV_HEADERS, exportFileName, exportVisitCsv } from "~/models/tracking.server";
import { NotFoundError } from "~/models/errors";
import { requireActor } from "~/session.server";
import { guard } from "~/utils/http.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const lng = await remixI18n.getLocale(request);
  const url = new URL(request.url);
  return guard(() => {
    const visitId = Number(params.visitId);
    if (!Number.isInteger(visitId) || visitId <= 0) throw new NotFoundError("visit");
    const kind = url.searchParams.get("kind") ?? "attendance";
    const body = exportVisitCsv(actor, visitId, kind, lng);
    return new Response(body, { headers: CSV_HEADERS(exportFileName(`visit-${kind}`, { visit: visitId })) });
  });
}
