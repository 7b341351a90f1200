// POST /language: remembers the chosen UI language (cookie, and the account's preference) and
// goes back to the page the switcher was on (without its `?lng=`, which would otherwise override
// the new cookie). Works without JavaScript.
import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { matchLanguage } from "~/domain/languages";
import { lngCookie } from "~/i18n.server";
import { setUserLocale } from "~/models/accounts.server";
import { getActor } from "~/session.server";
import { readForm, safeRedirect } from "~/utils/http.server";

export async function action({ request }: ActionFunctionArgs) {
  const form = await readForm(request);
  const lng = matchLanguage(String(form.get("lng") ?? ""));
  // A form post with a language we do not offer is bad input (a `?lng=` in a URL is ignored instead).
  if (!lng) throw new Response("Unknown language", { status: 400 });
  const back = withoutLng(safeRedirect(form.get("redirectTo")));
  const actor = await getActor(request);
  if (actor) setUserLocale(actor.id, lng);
  return redirect(back, {
    headers: { "Set-Cookie": await lngCookie.serialize(lng) },
  });
}

export function loader() {
  return redirect("/");
}

/** `to` (a same-site path) without its `lng` query parameter. */
function withoutLng(to: string): string {
  const url = new URL(to, "http://x");
  url.searchParams.delete("lng");
  return url.pathname + url.search + url.hash;
}
