/**
 * The pilot project page's loader and action (app/routes/pilots.projects.$projectId._index.tsx),
 * kept in a `.server` module so the page's script carries none of the modules they use (issue 14
 * script budget: every module a route imports for its loader stays in the browser bundle, as code
 * or as an empty stub). GET: the page for a reader in scope (404 otherwise); POST: the forms by
 * `intent` (organizers: status, milestone, milestoneDone, budget, actual, indicator, rate; whoever
 * may write the project's monitoring visits, i.e. also its local lead: actionDone; the visit's
 * author, the photo's uploader or an organizer, checked by the use case: photoRemove), each answering
 * a redirect with `?saved=` or HTTP 400 with the errors by field and the typed values.
 */
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import {
  actionDoneSchema,
  actualSchema,
  budgetLineAdjustSchema,
  indicatorValueSchema,
  milestoneAdjustSchema,
  milestoneDoneSchema,
  photoRemoveSchema,
  rateSchema,
  statusSchema,
} from "~/forms/pilots.server";
import { remixI18n } from "~/i18n.server";
import { requireOrganizer } from "~/models/actor";
import { requireActor } from "~/session.server";
import { badRequest, guard, handleForm, idParam, readForm } from "~/utils/http.server";
import { addBudgetLine, addMilestone, completeMilestone, recordActual, setExchangeRate } from "./plan.server";
import { recordIndicatorValue } from "./monitoring.server";
import { changeProjectStatus } from "./projects.server";
import { projectPage } from "./project-page.server";
import { renderProjectRecords } from "~/components/pilots/project-records.server";
import { projectInScope } from "./scope.server";
import { removeVisitPhoto } from "./visit-photos.server";
import { canWriteVisits, setVisitActionDone } from "./visits.server";

export async function projectLoader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const lng = await remixI18n.getLocale(request);
  return guard(() => {
    // The read-only records go out as server-made HTML (project-records.server.tsx: script budget).
    const full = projectPage(actor, idParam(params.projectId, "pilot project"), lng);
    const { visits: _v, adjustments: _a, expost: _e, trail: _t, ...page } = full;
    return json({ ...page, ...renderProjectRecords(full, lng) });
  });
}

export async function projectAction({ request, params }: ActionFunctionArgs) {
  const actor = await requireActor(request);
  const form = await readForm(request);
  const intent = form.get("intent");
  const id = await guard(() => {
    const { project } = projectInScope(actor, idParam(params.projectId, "pilot project"));
    if (intent === "photoRemove") return project.id; // removeVisitPhoto checks who may (404 otherwise)
    if (intent === "actionDone" ? !canWriteVisits(actor, project) : !actor.isOrganizer) requireOrganizer(actor);
    return project.id;
  });
  const back = (what: string) => redirect(`/pilots/projects/${id}?saved=${what}`);
  switch (intent) {
    case "actionDone":
      return handleForm(
        form,
        actionDoneSchema,
        (v) => (setVisitActionDone(actor, id, v.actionId, v.done), redirect(`/pilots/projects/${id}?saved=visit#visits-h`)),
      );
    case "photoRemove":
      return handleForm(
        form,
        photoRemoveSchema,
        (v) => (removeVisitPhoto(actor, id, v.photoId), redirect(`/pilots/projects/${id}?saved=photoRemoved#visits-h`)),
      );
    case "status":
      return handleForm(form, statusSchema, (v) => (changeProjectStatus(actor, id, v.to, v.reason), back("status")));
    case "milestone":
      return handleForm(form, milestoneAdjustSchema, (v) => (addMilestone(actor, id, v), back("milestone")));
    case "milestoneDone":
      return handleForm(form, milestoneDoneSchema, (v) => (completeMilestone(actor, id, v.milestoneId, v.doneOn), back("milestone")));
    case "budget":
      return handleForm(form, budgetLineAdjustSchema, (v) => (addBudgetLine(actor, id, v), back("budget")));
    case "actual":
      return handleForm(form, actualSchema, (v) => (recordActual(actor, id, v.lineId, v.actual), back("budget")));
    case "indicator":
      return handleForm(form, indicatorValueSchema, (v) => (recordIndicatorValue(actor, id, v), back("indicator")));
    case "rate":
      return handleForm(form, rateSchema, (v) => (setExchangeRate(actor, id, v), back("budget")));
    default:
      badRequest();
  }
}
