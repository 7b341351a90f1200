// The focal point's nominee import template (CSV without a country column: their country is
// fixed): a resource route, because the import page cannot answer a document request with a file.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { focalCountry, importTemplateResponse } from "~/models/applications.server";
import { requireActor } from "~/session.server";
import { guard } from "~/utils/http.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const country = await guard(() => focalCountry(actor, new URL(request.url).searchParams.get("country")));
  return importTemplateResponse(country);
}
