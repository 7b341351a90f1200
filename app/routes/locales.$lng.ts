// Serves one language's translations to the browser's i18next (cached; they change only on deploy).
import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { supportedLngs } from "~/i18n";
import { getResources } from "~/i18n.server";

export function loader({ params }: LoaderFunctionArgs) {
  const lng = (params.lng ?? "").replace(/\.json$/, "");
  if (!(supportedLngs as readonly string[]).includes(lng)) throw new Response("Not found", { status: 404 });
  return json(getResources()[lng].translation, {
    headers: { "Cache-Control": "public, max-age=300, stale-while-revalidate=86400" },
  });
}
