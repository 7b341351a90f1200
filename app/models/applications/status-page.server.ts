/**
 * The applicant's status page (/me/applications/:id): its loader and action, kept in a .server
 * module so the page's script carries none of their imports (issue 14's 100 kB budget).
 *
 * - `statusLoader`: the signed-in person's own application as `applicationStatusView` shapes it,
 *   in the page's language; another person's id, or one that is not a positive whole number, is 404.
 * - `statusAction`: withdraws the application (a confirmation is part of `withdrawSchema`); scope is
 *   checked first, so someone else's application is 404 whatever the form says; a bad form is 400
 *   with the form's errors; success redirects to the page with `?withdrawn=1`.
 */
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { withdrawSchema } from "~/forms/application.server";
import { remixI18n } from "~/i18n.server";
import { applicationStatusView, getOwnApplication, withdrawApplication } from "~/models/applications.server";
import { requireActor } from "~/session.server";
import { guard, handleForm, readForm } from "~/utils/http.server";

function appId(params: LoaderFunctionArgs["params"]) {
  const id = Number(params.id);
  if (!Number.isInteger(id) || id <= 0) throw new Response("Not found", { status: 404 });
  return id;
}

export async function statusLoader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const id = appId(params);
  const lng = await remixI18n.getLocale(request);
  return guard(() => json(applicationStatusView(actor, id, lng)));
}

export async function statusAction({ request, params }: ActionFunctionArgs) {
  const actor = await requireActor(request);
  const id = appId(params);
  const form = await readForm(request);
  await guard(() => getOwnApplication(actor, id));
  return handleForm(form, withdrawSchema, () => {
    withdrawApplication(actor, id);
    return redirect(`/me/applications/${id}?withdrawn=1`);
  });
}
