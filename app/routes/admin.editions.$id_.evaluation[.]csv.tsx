// Organizer: the edition's evaluation results as CSV (UTF-8 with BOM, formula-like cells
// neutralised): one row per indicator, later stage and group (overall and each disaggregation).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { toCsv } from "~/domain/evaluation/csv";
import { remixI18n } from "~/i18n.server";
import { requireOrganizer } from "~/models/actor";
import { getEdition } from "~/models/editions.server";
import { NotFoundError } from "~/models/errors";
import { csvTable, resultRows } from "~/models/evaluation.server";
import { requireActor } from "~/session.server";
import { guard } from "~/utils/http.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const lng = await remixI18n.getLocale(request);
  return guard(() => {
    requireOrganizer(actor);
    const id = Number(params.id);
    if (!Number.isInteger(id) || id <= 0) throw new NotFoundError("edition");
    const edition = getEdition(id);
    const { rows, tr } = resultRows(actor, id, lng);
    const { header, body } = csvTable(rows, tr);
    return new Response(toCsv(header, body), {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="evaluation-edition-${edition.id}.csv"`,
        "Cache-Control": "no-store",
      },
    });
  });
}
