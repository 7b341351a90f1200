// The applicant's status page: where their application stands, what happens next, the history
// (audit trail) and any reason given; withdraw with confirmation. Anyone else's id answers 404.
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { StatusView } from "~/components/application/StatusView";
import { withdrawSchema } from "~/forms/application.server";
import { remixI18n } from "~/i18n.server";
import { applicationStatusView, getOwnApplication, withdrawApplication } from "~/models/applications.server";
import { requireActor } from "~/session.server";
import { guard, handleForm, readForm } from "~/utils/http.server";
import { pageTitle } from "~/utils/page-title";

export const handle = pageTitle((t, d) => t("apply.status.title", { edition: d.edition.name }));

function appId(params: LoaderFunctionArgs["params"]) {
  const id = Number(params.id);
  if (!Number.isInteger(id) || id <= 0) throw new Response("Not found", { status: 404 });
  return id;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const id = appId(params);
  const lng = await remixI18n.getLocale(request);
  return guard(() => json(applicationStatusView(actor, id, lng)));
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireActor(request);
  const id = appId(params);
  const form = await readForm(request);
  // Scope first: someone else's application is 404 whatever the form says.
  await guard(() => getOwnApplication(actor, id));
  return handleForm(form, withdrawSchema, () => {
    withdrawApplication(actor, id);
    return redirect(`/me/applications/${id}?withdrawn=1`);
  });
}

const NOTICES = ["submitted", "withdrawn"];

export default function MyApplication() {
  const data = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [params] = useSearchParams();
  const notice = NOTICES.find((n) => params.get(n)) ?? null;
  return <StatusView data={data} notice={lastResult ? null : notice} lastResult={lastResult && "status" in lastResult ? lastResult : undefined} />;
}
