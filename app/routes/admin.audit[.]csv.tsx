// Organizer: the audit log as CSV (issue 15, item 7) with the page's filters; bad filters answer 400.
import type { LoaderFunctionArgs } from "@remix-run/node";
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
    if (!parsed.ok) return new Response("Bad filter", { status: 400 });
    return new Response(exportAuditCsv(actor, parsed.filters, lng), { headers: CSV_HEADERS(auditFileName(parsed.filters)) });
  });
}
