// POST /logout ends the login session (deleted server-side, so the cookie is useless afterwards).
import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { destroyUserSession } from "~/session.server";

export async function action({ request }: ActionFunctionArgs) {
  return redirect("/", { headers: { "Set-Cookie": await destroyUserSession(request) } });
}

export function loader() {
  return redirect("/");
}
