// The organizer's home: where to go next, with a few counts.
import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { trainingCounts } from "~/components/training/counts";
import { requireOrganizer } from "~/models/actor";
import { listEditions } from "~/models/editions.server";
import { listInvitations } from "~/models/accounts.server";
import { trainingSummary } from "~/models/training.server";
import { requireActor } from "~/session.server";
import { guard } from "~/utils/http.server";
import { pageTitle } from "~/utils/page-title";

export const handle = pageTitle("admin.home.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  return guard(() => {
    requireOrganizer(actor);
    return json({
      editions: listEditions().length,
      pendingInvitations: listInvitations(actor).filter((i) => i.state === "pending").length,
      trainingEditions: trainingSummary(),
    });
  });
}

export default function AdminHome() {
  const { t } = useTranslation();
  const data = useLoaderData<typeof loader>();
  const cards = [
    { to: "/admin/editions", title: t("admin.home.editions"), text: t("admin.home.editionsText", { count: data.editions }) },
    { to: "/admin/applications", title: t("admin.home.applications"), text: t("admin.home.applicationsText") },
    { to: "/admin/sites", title: t("admin.home.sites"), text: t("admin.home.sitesText") },
    { to: "/admin/dashboard", title: t("admin.home.dashboard"), text: t("admin.home.dashboardText") },
    { to: "/admin/evaluation", title: t("admin.home.evaluation"), text: t("admin.home.evaluationText") },
    { to: "/admin/invitations", title: t("admin.home.invitations"), text: t("admin.home.invitationsText", { count: data.pendingInvitations }) },
    { to: "/admin/outbox", title: t("admin.home.outbox"), text: t("admin.home.outboxText") },
    { to: "/admin/import", title: t("tracking.home.import"), text: t("tracking.home.importText") },
    ...data.trainingEditions.map((e) => ({
      to: `/admin/editions/${e.id}/trainings`,
      title: t("training.list.title", { edition: e.name }),
      text: trainingCounts(t, e.counts),
    })),
  ];
  return (
    <>
      <h1>{t("admin.home.title")}</h1>
      <div className="grid grid-2">
        {cards.map((c) => (
          <article key={c.to} className="card">
            <h2>
              <Link to={c.to}>{c.title}</Link>
            </h2>
            <p className="muted">{c.text}</p>
          </article>
        ))}
      </div>
    </>
  );
}
