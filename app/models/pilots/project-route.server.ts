/**
 * The pilot project page's loader and action (app/routes/pilots.projects.$projectId._index.tsx),
 * kept in a `.server` module so the page's script carries none of the modules they use (issue 14
 * script budget: every module a route imports for its loader stays in the browser bundle, as code
 * or as an empty stub). GET: the page for a reader in scope (404 otherwise); POST (organizers
 * only): the forms by `intent` (status, milestone, milestoneDone, budget, actual, indicator, rate),
 * each answering a redirect with `?saved=` or HTTP 400 with the errors by field and the typed values.
 */
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { actualSchema, budgetLineSchema, indicatorValueSchema, milestoneDoneSchema, milestoneSchema, rateSchema, statusSchema } from "~/forms/pilots.server";
import { remixI18n } from "~/i18n.server";
import { requireOrganizer } from "~/models/actor";
import { requireActor } from "~/session.server";
import { badRequest, guard, handleForm, idParam, readForm } from "~/utils/http.server";
import { addBudgetLine, addMilestone, completeMilestone, recordActual, setExchangeRate } from "./plan.server";
import { recordIndicatorValue } from "./monitoring.server";
import { changeProjectStatus } from "./projects.server";
import { projectPage } from "./project-page.server";
import { projectInScope } from "./scope.server";

export async function projectLoader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const lng = await remixI18n.getLocale(request);
  return guard(() => {
    return json(projectPage(actor, idParam(params.projectId, "pilot project"), lng));
  });
}

export async function projectAction({ request, params }: ActionFunctionArgs) {
  const actor = await requireActor(request);
  const id = await guard(() => {
    requireOrganizer(actor);
    return projectInScope(actor, idParam(params.projectId, "pilot project")).project.id;
  });
  const form = await readForm(request);
  const back = (what: string) => redirect(`/pilots/projects/${id}?saved=${what}`);
  switch (form.get("intent")) {
    case "status":
      return handleForm(form, statusSchema, (v) => (changeProjectStatus(actor, id, v.to, v.reason), back("status")));
    case "milestone":
      return handleForm(form, milestoneSchema, (v) => (addMilestone(actor, id, v), back("milestone")));
    case "milestoneDone":
      return handleForm(form, milestoneDoneSchema, (v) => (completeMilestone(actor, id, v.milestoneId, v.doneOn), back("milestone")));
    case "budget":
      return handleForm(form, budgetLineSchema, (v) => (addBudgetLine(actor, id, v), back("budget")));
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
