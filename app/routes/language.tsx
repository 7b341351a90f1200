// POST /language: remembers the chosen UI language (cookie, and the account's preference) and
// goes back to the page the switcher was on. Works without JavaScript.
import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { supportedLngs } from "~/i18n";
import { lngCookie } from "~/i18n.server";
import { setUserLocale } from "~/models/accounts.server";
import { getActor } from "~/session.server";
import { readForm, safeRedirect } from "~/utils/http.server";

export async function action({ request }: ActionFunctionArgs) {
  const form = await readForm(request);
  const lng = String(form.get("lng") ?? "");
  if (!(supportedLngs as readonly string[]).includes(lng)) throw new Response("Unknown language", { status: 400 });
  const actor = await getActor(request);
  if (actor) setUserLocale(actor.id, lng);
  return redirect(safeRedirect(form.get("redirectTo")), {
    headers: { "Set-Cookie": await lngCookie.serialize(lng) },
  });
}

export function loader() {
  return redirect("/");
}
