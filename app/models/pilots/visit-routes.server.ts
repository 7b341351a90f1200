/**
 * Loaders and actions of the monitoring visit pages (new, edit) and the plan page of a pilot
 * project, kept in a `.server` module as the project page's (project-route.server.ts, issue 14
 * script budget). Out of scope or not allowed to write: 404. Refused input: HTTP 400 with the
 * errors by field and the typed values (handleForm).
 *
 * The visit form is multipart (its photos, without JavaScript): `readVisitForm` keeps the text
 * fields and, for each file field, at most the photo limit's bytes; a larger file is read to its
 * end and dropped (so the other fields are still there for the 400 answer). The server's body
 * limit for these two pages is VISIT_FORM_MAX_BYTES (server.ts).
 */
import {
  json,
  redirect,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
} from "@remix-run/node";
import { planSchema, visitSchema, type VisitFormInput } from "~/forms/pilots.server";
import { remixI18n } from "~/i18n.server";
import { requireOrganizer } from "~/models/actor";
import { requireActor } from "~/session.server";
import { badRequest, guard, handleForm, idParam, readForm } from "~/utils/http.server";
import { normalizeForm } from "~/utils/text-input.server";
import { VISIT_PHOTO_RULE, VISIT_PHOTO_SLOTS, VISIT_PHOTOS_MAX } from "../../domain/document-kinds";
import { minorToInput } from "../../domain/pilots/money";
import { adjustPlan, planIsAgreed } from "./adjustments.server";
import { evidenceChoices, monthLabel } from "./project-page.server";
import { getProjectView } from "./views.server";
import { checkVisitPhotos, type PhotoUpload } from "./visit-photos.server";
import { createVisit, getVisitForEdit, updateVisit, visitContext, type VisitInput } from "./visits.server";

const FILE_FIELD = /^photos\[(\d+)\]\.file$/;

/**
 * The visit form's fields and its photo files (see the module comment). A file field outside the
 * form's slots counts as one slot too many (refused by checkVisitPhotos). A body that is not a
 * form, or a text field over 64 kB: 400.
 */
export async function readVisitForm(request: Request): Promise<{ form: FormData; files: Omit<PhotoUpload, "caption">[] }> {
  if (!(request.headers.get("Content-Type") ?? "").startsWith("multipart/form-data")) return { form: await readForm(request), files: [] };
  const files: Omit<PhotoUpload, "caption">[] = [];
  const text = unstable_createMemoryUploadHandler({ maxPartSize: 64 * 1024 });
  let form: FormData;
  try {
    form = await unstable_parseMultipartFormData(request, async (part) => {
      if (part.filename === undefined) return text(part);
      const chunks: Uint8Array[] = [];
      let size = 0;
      for await (const chunk of part.data) {
        size += chunk.byteLength;
        if (size <= VISIT_PHOTO_RULE.maxBytes) chunks.push(chunk);
      }
      if (size === 0 && !part.filename) return undefined; // a slot left empty
      const m = FILE_FIELD.exec(part.name);
      const slot = m ? Number(m[1]) : VISIT_PHOTO_SLOTS;
      files.push({ slot, fileName: part.filename, bytes: size > VISIT_PHOTO_RULE.maxBytes ? null : Buffer.concat(chunks) });
      return undefined;
    });
  } catch {
    badRequest("Expected a form submission");
  }
  return { form: normalizeForm(form), files };
}

/** What the form's photo part needs: `?tooLarge=1` is where the server's body limit sends a browser back (server.ts). */
function photoSlots(request: Request, left: number) {
  return {
    slots: VISIT_PHOTO_SLOTS,
    left: Math.max(0, left),
    maxMb: VISIT_PHOTO_RULE.maxBytes / (1024 * 1024),
    tooLarge: new URL(request.url).searchParams.has("tooLarge"),
  };
}

/** Checks the posted photos with the captions typed next to them (FieldErrors: 400 by handleForm). */
async function withPhotos(v: VisitFormInput, files: Omit<PhotoUpload, "caption">[]): Promise<VisitInput> {
  const photos = await checkVisitPhotos(files.map((f) => ({ ...f, caption: v.photos[f.slot]?.caption ?? "" })));
  return { ...v, photos };
}

export async function newVisitLoader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  return guard(() => {
    const { project, today } = visitContext(actor, idParam(params.projectId, "pilot project"));
    return json({ project: { id: project.id, title: project.title }, today, photos: photoSlots(request, VISIT_PHOTOS_MAX) });
  });
}

export async function newVisitAction({ request, params }: ActionFunctionArgs) {
  const actor = await requireActor(request);
  const id = await guard(() => visitContext(actor, idParam(params.projectId, "pilot project")).project.id);
  const { form, files } = await readVisitForm(request);
  return handleForm(form, visitSchema, async (v) => {
    const visitId = createVisit(actor, id, await withPhotos(v, files));
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
      photos: photoSlots(request, VISIT_PHOTOS_MAX - d.photoCount),
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
  const { form, files } = await readVisitForm(request);
  return handleForm(form, visitSchema, async (v) => {
    updateVisit(actor, projectId, visitId, await withPhotos(v, files));
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
