// The applicant's form for one edition: GET starts (or loads) the signed-in person's draft;
// POST intent=save keeps a draft (lenient), intent=submit submits (strict, window checked on the
// server). Once submitted, the page sends the applicant to the status page.
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ApplicationForm } from "~/components/application/ApplicationForm";
import { applicationSchemaFor } from "~/forms/application.server";
import { formatDate } from "~/domain/dates";
import { toFormValues } from "~/components/application/values";
import { remixI18n } from "~/i18n.server";
import { canEdit, findOwnApplicationForEdition, saveDraft, startApplication, submitApplication } from "~/models/applications.server";
import { getEdition, windowState } from "~/models/editions.server";
import { RuleError } from "~/models/errors";
import { requireActor } from "~/session.server";
import { badRequest, guard, handleForm, readForm } from "~/utils/http.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.edition.name ?? "Apply"} · VLX` }];

function editionId(params: LoaderFunctionArgs["params"]) {
  const id = Number(params.editionId);
  if (!Number.isInteger(id) || id <= 0) throw new Response("Not found", { status: 404 });
  return id;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const id = editionId(params);
  const lng = await remixI18n.getLocale(request);
  return guard(() => {
    const edition = getEdition(id);
    const state = windowState(edition);
    const info = {
      id: edition.id,
      name: edition.name,
      themes: edition.themes,
      window: { from: formatDate(edition.applicationsOpenOn, lng), to: formatDate(edition.applicationsCloseOn, lng) },
      state,
    };
    let app = findOwnApplicationForEdition(actor, id);
    if (!app) {
      if (state !== "open") return json({ edition: info, application: null, defaultValue: null, canSubmit: false });
      app = startApplication(actor, id);
    }
    if (app.status !== "draft") throw redirect(`/me/applications/${app.id}`);
    return json({ edition: info, application: { id: app.id, status: app.status }, defaultValue: toFormValues(app), canSubmit: canEdit(app, edition) });
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireActor(request);
  const id = editionId(params);
  const form = await readForm(request);
  const intent = form.get("intent");
  if (intent !== "save" && intent !== "submit") badRequest("Unknown intent");
  const existing = await guard(() => findOwnApplicationForEdition(actor, id) ?? startApplication(actor, id));
  // A repeated submit (double click, back and resubmit) just shows where the application stands.
  if (existing.status !== "draft") return redirect(`/me/applications/${existing.id}`);
  return handleForm(form, applicationSchemaFor(intent), (v) => {
    if (intent === "save") {
      saveDraft(actor, existing.id, v);
      return redirect(`/apply/${id}?saved=1`);
    }
    try {
      submitApplication(actor, existing.id, v);
    } catch (e) {
      // Raced with another submit of the same draft: it is submitted, show it.
      if (e instanceof RuleError && e.key === "errors.transition") return redirect(`/me/applications/${existing.id}`);
      throw e;
    }
    return redirect(`/me/applications/${existing.id}?submitted=1`);
  });
}

export default function Apply() {
  const { t } = useTranslation();
  const data = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [params] = useSearchParams();
  const { edition } = data;
  const windowNote = edition.state === "closed" ? t("errors.windowClosed") : t("errors.windowNotOpen", { date: edition.window.from });
  return (
    <section>
      <p><Link to="/me">{t("apply.backToList")}</Link></p>
      <h1>{t("apply.title", { edition: edition.name })}</h1>
      <p className="muted">{t("apply.window", edition.window)}</p>
      {params.get("saved") && !lastResult ? <p className="alert alert-ok" role="status">{t("apply.saved")}</p> : null}
      {!data.defaultValue ? (
        <p className="alert alert-warn">{windowNote}</p>
      ) : (
        <>
          {!data.canSubmit ? <p className="alert alert-warn">{windowNote}</p> : null}
          <p>{t("apply.lead")}</p>
          <ApplicationForm
            edition={edition}
            lastResult={lastResult && "status" in lastResult ? lastResult : undefined}
            defaultValue={data.defaultValue}
            canSubmit={data.canSubmit}
          />
        </>
      )}
    </section>
  );
}

