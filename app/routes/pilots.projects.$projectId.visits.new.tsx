// Record a monitoring visit of a pilot project (issue 16 item 3): organizers and the project's
// local lead; anyone else 404. Works without JavaScript.
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { VisitForm } from "~/components/pilots/VisitForm";
import { newVisitAction, newVisitLoader } from "~/models/pilots/visit-routes.server";
import { pageTitle } from "~/utils/page-title";

export const handle = pageTitle("pilots.visits.newTitle");
export const loader = newVisitLoader;
export const action = newVisitAction;

export default function NewVisit() {
  const { project, today, photos } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <section className="card">
      <p>
        <Link to={`/pilots/projects/${project.id}`}>← {project.title}</Link>
      </p>
      <h1>{t("pilots.visits.newTitle")}</h1>
      <VisitForm lastResult={lastResult} defaultValue={{ visitedOn: today, actions: [] }} today={today} submitLabel={t("pilots.visits.save")} photos={photos} />
    </section>
  );
}
