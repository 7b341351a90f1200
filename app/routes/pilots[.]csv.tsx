// The pilot report as CSV (/pilots.csv), with the overview's filters and scope (404 for anyone
// without pilots).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { isMemberCountry } from "~/domain/countries";
import { remixI18n } from "~/i18n.server";
import { pilotReportCsv } from "~/models/pilots.server";
import { CSV_HEADERS } from "~/models/tracking.server";
import { requireActor } from "~/session.server";
import { guard } from "~/utils/http.server";
import { PILOT_COMPONENTS, PILOT_STATUSES, type PilotComponent, type PilotStatus } from "~/domain/pilots/vocabulary";

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const lng = await remixI18n.getLocale(request);
  const q = new URL(request.url).searchParams;
  return guard(() => {
    const country = q.get("country");
    const component = q.get("component");
    const status = q.get("status");
    const filters = {
      country: country && isMemberCountry(country) ? country : null,
      component: component && (PILOT_COMPONENTS as readonly string[]).includes(component) ? (component as PilotComponent) : null,
      status: status && (PILOT_STATUSES as readonly string[]).includes(status) ? (status as PilotStatus) : null,
    };
    const body = pilotReportCsv(actor, filters, lng);
    const name = ["vlx-pilots", filters.country ?? "", new Date().toISOString().slice(0, 10)].filter(Boolean).join("-");
    return new Response(body, { headers: CSV_HEADERS(`${name}.csv`) });
  });
}
