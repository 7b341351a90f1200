// Serves one language's translations to the browser's translator (cached; they change only on deploy),
// merged over English: the browser has no fallback language of its own (app/i18n.client.ts).
import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { supportedLngs } from "~/i18n";
import { getResources } from "~/i18n.server";

export function loader({ params }: LoaderFunctionArgs) {
  const lng = (params.lng ?? "").replace(/\.json$/, "");
  if (!(supportedLngs as readonly string[]).includes(lng)) throw new Response("Not found", { status: 404 });
  return json(withFallback(getResources().en.translation, getResources()[lng].translation), {
    headers: { "Cache-Control": "public, max-age=300, stale-while-revalidate=86400" },
  });
}

type Tree = Record<string, unknown>;

/** `own` deep-merged over `fallback`: a key missing in the language shows its English text, as on the server. */
function withFallback(fallback: Tree, own: Tree): Tree {
  const out: Tree = { ...fallback };
  for (const [k, v] of Object.entries(own)) {
    const f = out[k];
    out[k] = v && typeof v === "object" && f && typeof f === "object" ? withFallback(f as Tree, v as Tree) : v;
  }
  return out;
}
