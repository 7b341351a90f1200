// The signed-in person's data as a JSON file (docs/design.md: sensitive data exportable per person).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { exportPersonalData } from "~/models/accounts.server";
import { requireActor } from "~/session.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  return new Response(JSON.stringify(exportPersonalData(actor), null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": 'attachment; filename="vlx-my-data.json"',
      "Cache-Control": "no-store",
    },
  });
}
