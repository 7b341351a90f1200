// Organizer: the audit log as CSV (issue 15, item 7) with the page's filters; bad filters go back
// to the page with the same query, which answers 400 with the message next to each bad field.
import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { parseAuditFilters } from "~/forms/audit";
import { remixI18n } from "~/i18n.server";
import { requireOrganizer } from "~/models/actor";
import { auditFileName, exportAuditCsv } from "~/models/audit/log.server";
import { CSV_HEADERS } from "~/models/tracking.server";
import { requireActor } from "~/session.server";
import { guard } from "~/utils/http.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const lng = await remixI18n.getLocale(request);
  return guard(() => {
    requireOrganizer(actor);
    const parsed = parseAuditFilters(new URL(request.url).searchParams);
    if (!parsed.ok) return redirect(`/admin/audit${new URL(request.url).search}`, 303);
    return new Response(exportAuditCsv(actor, parsed.filters, lng), { headers: CSV_HEADERS(auditFileName(parsed.filters)) });
  });
}
