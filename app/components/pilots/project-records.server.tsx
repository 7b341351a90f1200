/**
 * The read-only records of a pilot project's page as server-made HTML (utils/static-markup.server):
 * the ex post measures with the monitoring visits, and the plan adjustments with the history. Their
 * code stays off the page's script (issue 14: the project page is a village leader's page, 100 kB).
 */
import type { projectPage } from "~/models/pilots/project-page.server";
import { staticMarkup } from "~/utils/static-markup.server";
import { ExPost } from "./ExPost.server";
import { PlanAdjustments } from "./PlanAdjustments.server";
import { ProjectTrail } from "./ProjectTrail.server";
import { Visits } from "./Visits.server";

type Page = ReturnType<typeof projectPage>;

/** `{ visitsHtml, adjustmentsHtml }` for the page in language `lng`. */
export function renderProjectRecords(d: Page, lng: string) {
  return {
    visitsHtml: staticMarkup(
      <>
        {d.expost ? <ExPost expost={d.expost} /> : null}
        <Visits projectId={d.project.id} visits={d.visits} canWrite={d.canWriteVisits} />
      </>,
      lng,
    ),
    adjustmentsHtml: staticMarkup(
      <>
        <PlanAdjustments projectId={d.project.id} adjustments={d.adjustments} canEdit={d.canEdit} />
        {d.canEdit ? <ProjectTrail trail={d.trail} /> : null}
      </>,
      lng,
    ),
  };
}
