// Organizer: edit a pilot project's description, plan dates, village (same currency) and local lead.
// Once the plan is agreed, a change of objectives or dates is a plan adjustment and asks why.
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ProjectForm } from "~/components/pilots/ProjectForm";
import { countryName } from "~/domain/country-names";
import { projectEditSchema } from "~/forms/pilots.server";
import { remixI18n } from "~/i18n.server";
import { requireOrganizer } from "~/models/actor";
import { evidenceChoices, getProjectView, listVillageChoices, planIsAgreed, updateProject } from "~/models/pilots.server";
import { requireActor } from "~/session.server";
import { guard, handleForm, idParam, readForm } from "~/utils/http.server";
import { pageTitle } from "~/utils/page-title";

export const handle = pageTitle("pilots.project.editTitle");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const lng = await remixI18n.getLocale(request);
  return guard(() => {
    requireOrganizer(actor);
    const v = getProjectView(actor, idParam(params.projectId, "pilot project"));
    const p = v.project;
    return json({
      id: p.id,
      adjust: { agreed: planIsAgreed(p), choices: evidenceChoices(actor, p, lng) },
      villages: listVillageChoices(actor).map((x) => ({
        value: String(x.id),
        label: `${x.nameLatin || x.name}, ${x.province}, ${countryName(x.countryCode, lng)}`,
      })),
      defaults: {
        villageId: String(p.villageId),
        title: p.title,
        component: p.component,
        componentOther: p.componentOther,
        objectives: p.objectives,
        startsOn: p.startsOn ?? "",
        endsOn: p.endsOn ?? "",
        localLeadName: p.localLeadName,
        localLeadEmail: v.people.leadEmail ?? "",
      },
    });
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireActor(request);
  const id = await guard(() => {
    requireOrganizer(actor);
    return getProjectView(actor, idParam(params.projectId, "pilot project")).project.id;
  });
  const form = await readForm(request);
  return handleForm(form, projectEditSchema, (v) => {
    updateProject(actor, id, v);
    return redirect(`/pilots/projects/${id}?saved=project`);
  });
}

export default function EditProject() {
  const { id, villages, defaults, adjust } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const lastResult = useActionData<typeof action>();
  return (
    <section className="card">
      <p>
        <Link to={`/pilots/projects/${id}`}>← {defaults.title}</Link>
      </p>
      <h1>{t("pilots.project.editTitle")}</h1>
      <ProjectForm mode="organizer" lastResult={lastResult} defaultValue={defaults} villages={villages} submitLabel={t("common.save")} adjust={adjust} />
    </section>
  );
}
