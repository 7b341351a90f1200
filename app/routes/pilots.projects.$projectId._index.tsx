// One pilot project (issue 16): facts, people, the action plan it came from, status, milestones,
// budget, indicator monitoring, ex post measures, monitoring visits, plan adjustments and its
// history. Readers in scope (organizers, the country's focal point, the local lead, the proposer)
// see it; only organizers get the plan forms (status step, milestones, budget, exchange rate,
// indicator values, plan page); organizers and the local lead record monitoring visits and tick
// their agreed actions. Everyone else: 404.
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Budget } from "~/components/pilots/Budget";
import { componentLabel, PilotStatusBadge } from "~/components/pilots/bits";
import { Milestones } from "~/components/pilots/Milestones";
import { Monitoring } from "~/components/pilots/Monitoring";
import { replyFor } from "~/components/pilots/reply";
import { StatusSection } from "~/components/pilots/StatusSection";
import { projectAction, projectLoader } from "~/models/pilots/project-route.server";
import { pageTitle } from "~/utils/page-title";

export const handle = pageTitle((_t, d) => d.project.title);

// The loader and action live in a .server module: the page's script then carries nothing of them.
export const loader = projectLoader;
export const action = projectAction;

export default function PilotProject() {
  const d = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const { project: p, village: v } = d;
  return (
    <>
      <p>
        <Link to="/pilots">← {t("pilots.overview.title")}</Link>
      </p>
      <h1>{p.title}</h1>
      <p>
        <PilotStatusBadge status={p.status} /> · {componentLabel(t, p.component, p.componentOther)} · {v.nameLatin || v.name}, {v.province}, {d.country}
        {d.canEdit ? (
          <>
            {" "}
            · <Link to={`/pilots/projects/${p.id}/edit`}>{t("common.edit")}</Link>
          </>
        ) : null}
      </p>
      {params.get("saved") ? (
        <p className="alert alert-ok" role="status">
          {t("common.saved")}
        </p>
      ) : null}
      <section className="card" aria-labelledby="facts-h">
        <h2 id="facts-h">{t("pilots.project.facts")}</h2>
        <dl className="facts">
          {d.facts.map(([k, x]) => [
            <dt key={k}>{k}</dt>,
            <dd key={`${k}-v`} className="pre-line">
              {x}
            </dd>,
          ])}
          {d.origin ? (
            <>
              <dt>{t("pilots.project.origin")}</dt>
              <dd>
                {t("pilots.project.originText", { name: d.origin.authorName, edition: d.origin.editionName })}: <q>{d.origin.action}</q>
              </dd>
            </>
          ) : null}
        </dl>
      </section>
      {d.canEdit ? <StatusSection nextSteps={d.nextSteps} lastResult={replyFor(data, "status")} /> : null}
      <Milestones milestones={d.milestones} today={d.today} canEdit={d.canEdit} data={data} planAgreed={d.planAgreed} />
      <Monitoring rows={d.monitoring} choices={d.indicatorChoices} canEdit={d.canEdit} data={data} />
      {/* Ex post and monitoring visits, then plan adjustments and history: server-made HTML, no script. */}
      <div dangerouslySetInnerHTML={{ __html: d.visitsHtml }} />
      <Budget budget={d.budget} canEdit={d.canEdit} data={data} planAgreed={d.planAgreed} />
      <div dangerouslySetInnerHTML={{ __html: d.adjustmentsHtml }} />
    </>
  );
}
