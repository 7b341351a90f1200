// Edit a monitoring visit report (issue 16 item 3): its author (while they may write the
// project's visits) or an organizer; anyone else 404. Works without JavaScript.
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { VisitForm } from "~/components/pilots/VisitForm";
import { editVisitAction, editVisitLoader } from "~/models/pilots/visit-routes.server";
import { pageTitle } from "~/utils/page-title";

export const handle = pageTitle("pilots.visits.editTitle");
export const loader = editVisitLoader;
export const action = editVisitAction;

export default function EditVisit() {
  const { project, today, defaults, photos } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <section className="card">
      <p>
        <Link to={`/pilots/projects/${project.id}`}>← {project.title}</Link>
      </p>
      <h1>{t("pilots.visits.editTitle")}</h1>
      <VisitForm lastResult={lastResult} defaultValue={defaults} today={today} submitLabel={t("common.save")} photos={photos} />
    </section>
  );
}
