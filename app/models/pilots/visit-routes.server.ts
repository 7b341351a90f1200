/**
 * Loaders and actions of the monitoring visit pages (new, edit) and the plan page of a pilot
 * project, kept in a `.server` module as the project page's (project-route.server.ts, issue 14
 * script budget). Out of scope or not allowed to write: 404. Refused input: HTTP 400 with the
 * errors by field and the typed values (handleForm).
 */
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { planSchema, visitSchema } from "~/forms/pilots.server";
import { remixI18n } from "~/i18n.server";
import { requireOrganizer } from "~/models/actor";
import { requireActor } from "~/session.server";
import { guard, handleForm, idParam, readForm } from "~/utils/http.server";
import { minorToInput } from "../../domain/pilots/money";
import { adjustPlan, planIsAgreed } from "./adjustments.server";
import { evidenceChoices, monthLabel } from "./project-page.server";
import { getProjectView } from "./views.server";
import { createVisit, getVisitForEdit, updateVisit, visitContext } from "./visits.server";

export async function newVisitLoader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  return guard(() => {
    const { project, today } = visitContext(actor, idParam(params.projectId, "pilot project"));
    return json({ project: { id: project.id, title: project.title }, today });
  });
}

export async function newVisitAction({ request, params }: ActionFunctionArgs) {
  const actor = await requireActor(request);
  const id = await guard(() => visitContext(actor, idParam(params.projectId, "pilot project")).project.id);
  const form = await readForm(request);
  return handleForm(form, visitSchema, (v) => {
    const visitId = createVisit(actor, id, v);
    return redirect(`/pilots/projects/${id}?saved=visit#visit-${visitId}`);
  });
}

export async function editVisitLoader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  return guard(() => {
    const d = getVisitForEdit(actor, idParam(params.projectId, "pilot project"), idParam(params.visitId, "monitoring visit"));
    return json({
      project: { id: d.project.id, title: d.project.title },
      today: d.today,
      visitId: d.visit.id,
      defaults: {
        visitedOn: d.visit.visitedOn,
        visitors: d.visit.visitors,
        findings: d.visit.findings,
        issues: d.visit.issues,
        actions: d.actions.map((a) => ({ id: String(a.id), action: a.action, owner: a.owner, dueOn: a.dueOn, done: a.doneOn ? "on" : undefined })),
      },
    });
  });
}

export async function editVisitAction({ request, params }: ActionFunctionArgs) {
  const actor = await requireActor(request);
  const [projectId, visitId] = await guard(() => {
    const d = getVisitForEdit(actor, idParam(params.projectId, "pilot project"), idParam(params.visitId, "monitoring visit"));
    return [d.project.id, d.visit.id] as const;
  });
  const form = await readForm(request);
  return handleForm(form, visitSchema, (v) => {
    updateVisit(actor, projectId, visitId, v);
    return redirect(`/pilots/projects/${projectId}?saved=visit#visit-${visitId}`);
  });
}

/** The plan page: every milestone (planned date, removal) and budget line (planned amount), with the reason fields. */
export async function planLoader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const lng = await remixI18n.getLocale(request);
  return guard(() => {
    requireOrganizer(actor);
    const v = getProjectView(actor, idParam(params.projectId, "pilot project"));
    const cur = v.project.currency;
    return json({
      project: { id: v.project.id, title: v.project.title, currency: cur },
      agreed: planIsAgreed(v.project),
      milestones: v.milestones.map((m) => ({ id: m.id, title: m.title, dueOn: m.dueOn, doneOn: m.doneOn })),
      lines: v.lines.map((l) => ({ id: l.id, item: l.item, month: monthLabel(l.period, lng) })),
      defaults: {
        milestones: v.milestones.map((m) => ({ id: String(m.id), dueOn: m.dueOn })),
        lines: v.lines.map((l) => ({ id: String(l.id), planned: minorToInput(l.plannedMinor, cur) })),
      },
      choices: evidenceChoices(actor, v.project, lng),
    });
  });
}

export async function planAction({ request, params }: ActionFunctionArgs) {
  const actor = await requireActor(request);
  const id = await guard(() => {
    requireOrganizer(actor);
    return getProjectView(actor, idParam(params.projectId, "pilot project")).project.id;
  });
  const form = await readForm(request);
  return handleForm(form, planSchema, (v) => {
    adjustPlan(actor, id, v);
    return redirect(`/pilots/projects/${id}?saved=plan#adj-h`);
  });
}
