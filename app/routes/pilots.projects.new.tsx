// Organizer: a new pilot project, in a village (?village=) or from a participant's action plan
// item (?fromAction=), whose text and author then prefill the form.
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ProjectForm } from "~/components/pilots/ProjectForm";
import { countryName } from "~/domain/country-names";
import { projectSchema } from "~/forms/pilots.server";
import { remixI18n } from "~/i18n.server";
import { requireOrganizer } from "~/models/actor";
import { createProject, getProposableItem, listVillageChoices } from "~/models/pilots.server";
import { requireActor } from "~/session.server";
import { guard, handleForm, idParam, readForm } from "~/utils/http.server";
import { pickField } from "~/domain/local-text";
import { pageTitle } from "~/utils/page-title";

export const handle = pageTitle("pilots.project.newTitle");

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const lng = await remixI18n.getLocale(request);
  const url = new URL(request.url);
  return guard(() => {
    requireOrganizer(actor);
    const villages = listVillageChoices(actor).map((v) => ({
      value: String(v.id),
      label: `${v.nameLatin || v.name}, ${v.province}, ${countryName(v.countryCode, lng)}`,
    }));
    const fromAction = url.searchParams.get("fromAction");
    const item = fromAction ? getProposableItem(actor, idParam(fromAction, "action plan item")) : null;
    const village = url.searchParams.get("village");
    return json({
      villages,
      item: item
        ? {
            id: item.id,
            action: item.action,
            authorName: item.authorName,
            editionName: pickField(item.editionName, item.editionTranslations, "name", lng).text,
          }
        : null,
      defaults: {
        villageId: village && villages.some((v) => v.value === village) ? village : "",
        title: item?.action.slice(0, 200) ?? "",
        objectives: item?.action ?? "",
        actionPlanItemId: item?.id ?? "",
      },
    });
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActor(request);
  await guard(() => requireOrganizer(actor));
  const form = await readForm(request);
  return handleForm(form, projectSchema, (v) => {
    const id = createProject(actor, v);
    return redirect(`/pilots/projects/${id}?saved=created`);
  });
}

export default function NewProject() {
  const { villages, item, defaults } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const lastResult = useActionData<typeof action>();
  return (
    <section className="card">
      <p>
        <Link to="/pilots">← {t("pilots.overview.title")}</Link>
      </p>
      <h1>{t("pilots.project.newTitle")}</h1>
      {item ? (
        <p className="alert alert-ok">
          {t("pilots.project.fromAction", { name: item.authorName, edition: item.editionName })}: <q>{item.action}</q>
        </p>
      ) : null}
      {villages.length ? (
        <ProjectForm mode="organizer" lastResult={lastResult} defaultValue={defaults} villages={villages} submitLabel={t("pilots.project.create")} />
      ) : (
        <p>
          {t("pilots.project.noVillages")} <Link to="/pilots/villages/new">{t("pilots.village.newTitle")}</Link>
        </p>
      )}
    </section>
  );
}
