// Organizer: the edition's anonymous survey results as CSV (UTF-8 with BOM, formula-like cells
// neutralised): one row per survey, question and group; no names or ids exist, and cells about
// fewer than MIN_CELL respondents say "hidden" instead of a figure (issue 15 item 9).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { toCsv } from "~/domain/evaluation/csv";
import { remixI18n } from "~/i18n.server";
import { requireOrganizer } from "~/models/actor";
import { getEdition } from "~/models/editions.server";
import { anonymousCsvTable, anonymousResults } from "~/models/evaluation.server";
import { requireActor } from "~/session.server";
import { guard, idParam } from "~/utils/http.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const lng = await remixI18n.getLocale(request);
  return guard(() => {
    requireOrganizer(actor);
    const edition = getEdition(idParam(params.id, "edition"));
    const { header, body } = anonymousCsvTable(anonymousResults(actor, edition.id, lng), lng);
    return new Response(toCsv(header, body), {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="anonymous-surveys-edition-${edition.id}.csv"`,
        "Cache-Control": "no-store",
      },
    });
  });
}
