/**
 * Photos of pilot monitoring visits (issue 16 item 3: "photos as documents"), kept in the documents
 * store (app/models/documents/store.server.ts) with owner type `pilot_monitoring_visit` (owner id:
 * the visit) and kind `photo`: JPEG, PNG or WebP by content, at most the badge photo's 2 MB, at most
 * VISIT_PHOTOS_MAX per visit (app/domain/document-kinds.ts). The uploaded name is display text only;
 * the file lives under a random key outside the web root.
 *
 * Who: a photo is added with its visit's report (createVisit, updateVisit: whoever writes or edits
 * the report); it is seen by anyone who sees the project (scope.server.ts: organizers, the local
 * lead, the proposer, the focal point of the village's country), anyone else gets 404; it is removed
 * by an organizer, or by the visit's author or the photo's uploader while they may write the
 * project's visits. Audited on the project: `visit_photo_add`, `visit_photo_remove` (with the visit,
 * the document id, type and size; never the file name).
 *
 * Ordering with the database: every photo is checked (type by content, size) before anything is
 * written; the files are written before the transaction and removed again if it fails, so a refused
 * report leaves neither a row nor a file.
 */
import { and, eq } from "drizzle-orm";
import { db as defaultDb, type Db, t } from "../../db.server";
import { PILOT_VISIT_OWNER, sanitizeDisplayName, VISIT_PHOTO_KIND, VISIT_PHOTO_RULE, VISIT_PHOTO_SLOTS, VISIT_PHOTOS_MAX } from "../../domain/document-kinds";
import type { Actor } from "../actor";
import { recordAudit } from "../audit.server";
import { FieldErrors, messageKey, NotFoundError } from "../errors";
import {
  checkDocumentBytes,
  deleteDocuments,
  getDocument,
  insertDocumentRow,
  listDocuments,
  removeDocumentFiles,
  writeDocumentFile,
  type StoredDocument,
} from "../documents/store.server";
import { projectInScope } from "./scope.server";
import { canWriteVisits } from "./visits.server";

/**
 * One file field of the visit form as read from the request: `slot` is its position (field
 * `photos[<slot>].file`), `bytes` null when the file was larger than the limit (the reader stopped
 * keeping it), `caption` the alt text typed next to it.
 */
export type PhotoUpload = { slot: number; fileName: string; bytes: Uint8Array | null; caption: string };
/** A photo that passed `checkVisitPhotos`: its type as detected from the content. */
export type CheckedPhoto = { slot: number; fileName: string; bytes: Uint8Array; caption: string; contentType: string };

const fileField = (slot: number) => `photos[${slot}].file`;
const MB = 1024 * 1024;

/**
 * Checks every uploaded photo (all of them, so each field gets its message). Throws FieldErrors on
 * `photos[<slot>].file`: `documents.errors.tooLarge` ({max} MB), `documents.errors.empty`,
 * `pilots.errors.photoType` (content not JPEG, PNG or WebP); on `photos`: `pilots.errors.tooManyPhotos`
 * ({max}) for more files than the form has slots.
 */
export async function checkVisitPhotos(uploads: PhotoUpload[]): Promise<CheckedPhoto[]> {
  if (uploads.length > VISIT_PHOTO_SLOTS || uploads.some((u) => u.slot >= VISIT_PHOTO_SLOTS)) {
    throw FieldErrors.one("photos", messageKey("pilots.errors.tooManyPhotos", { max: VISIT_PHOTOS_MAX }));
  }
  const errors: Record<string, string[]> = {};
  const out: CheckedPhoto[] = [];
  for (const u of uploads) {
    const field = fileField(u.slot);
    if (u.bytes === null) {
      errors[field] = [messageKey("documents.errors.tooLarge", { max: VISIT_PHOTO_RULE.maxBytes / MB })];
      continue;
    }
    try {
      const contentType = await checkDocumentBytes(u.bytes, VISIT_PHOTO_RULE, field);
      out.push({ slot: u.slot, fileName: u.fileName, bytes: u.bytes, caption: u.caption, contentType });
    } catch (e) {
      if (!(e instanceof FieldErrors)) throw e;
      errors[field] = (e.fields[field] ?? []).map((k) => (k === "documents.errors.type" ? "pilots.errors.photoType" : k));
    }
  }
  if (Object.keys(errors).length) throw new FieldErrors(errors);
  return out;
}

/**
 * Writes the files of `photos` (already checked), then runs `fn` with `attach`, which the caller
 * calls inside its transaction once the visit exists: it checks the visit's photo count
 * (FieldErrors `photos`: `pilots.errors.tooManyPhotos`), inserts the rows and writes the audit
 * events. If `fn` throws, the files are removed again.
 */
export function withPhotoFiles<T>(photos: CheckedPhoto[], fn: (attach: (tx: Db, actor: Actor, projectId: number, visitId: number) => void) => T): T {
  const keys = photos.map((p) => writeDocumentFile(p.bytes));
  try {
    return fn((tx, actor, projectId, visitId) => {
      if (!photos.length) return;
      const owner = { type: PILOT_VISIT_OWNER, id: visitId };
      const have = listDocuments(PILOT_VISIT_OWNER, [visitId], tx).length;
      if (have + photos.length > VISIT_PHOTOS_MAX) throw FieldErrors.one("photos", messageKey("pilots.errors.tooManyPhotos", { max: VISIT_PHOTOS_MAX }));
      photos.forEach((p, i) => {
        const doc = insertDocumentRow(tx, keys[i], {
          owner,
          kind: VISIT_PHOTO_KIND,
          bytes: p.bytes,
          contentType: p.contentType,
          originalName: sanitizeDisplayName(p.fileName),
          caption: p.caption.trim(),
          uploadedBy: actor.id,
        });
        auditPhoto(actor, tx, "visit_photo_add", projectId, doc);
      });
    });
  } catch (e) {
    removeDocumentFiles(keys);
    throw e;
  }
}

function auditPhoto(actor: Actor, tx: Db, action: "visit_photo_add" | "visit_photo_remove", projectId: number, d: StoredDocument) {
  recordAudit(
    actor,
    {
      entityType: "pilot_project",
      entityId: projectId,
      action,
      details: { visitId: d.ownerId, documentId: d.id, contentType: d.contentType, byteSize: d.byteSize },
    },
    tx,
  );
}

/** A photo as pages show it: never the storage key, hash or uploaded name. */
export type VisitPhoto = { id: number; visitId: number; caption: string; contentType: string; uploadedBy: number | null };

/** The photos of some visits, oldest first, by visit id. No scope check (the caller's). */
export function photosOfVisits(visitIds: number[], tx: Db = defaultDb()): Map<number, VisitPhoto[]> {
  const out = new Map<number, VisitPhoto[]>(visitIds.map((id) => [id, []]));
  for (const d of listDocuments(PILOT_VISIT_OWNER, visitIds, tx)) {
    if (d.kind !== VISIT_PHOTO_KIND) continue;
    out.get(d.ownerId)?.push({ id: d.id, visitId: d.ownerId, caption: d.caption, contentType: d.contentType, uploadedBy: d.uploadedBy });
  }
  return out;
}

/** The photo and its visit when it belongs to a visit of `projectId`; NotFoundError otherwise. */
function photoOf(tx: Db, projectId: number, photoId: number) {
  const doc = getDocument(photoId, tx);
  if (!doc || doc.ownerType !== PILOT_VISIT_OWNER || doc.kind !== VISIT_PHOTO_KIND) throw new NotFoundError("photo");
  const visit = tx
    .select()
    .from(t.pilotMonitoringVisits)
    .where(and(eq(t.pilotMonitoringVisits.id, doc.ownerId), eq(t.pilotMonitoringVisits.projectId, projectId)))
    .get();
  if (!visit) throw new NotFoundError("photo");
  return { doc, visit };
}

/** The photo's row if `actor` may see the project it belongs to (the visit's scope); NotFoundError otherwise. */
export function photoForViewer(actor: Actor, projectId: number, photoId: number): StoredDocument {
  projectInScope(actor, projectId);
  return photoOf(defaultDb(), projectId, photoId).doc;
}

/** True when `actor` may remove a photo of `visit` uploaded by `uploadedBy` (module comment), given they may write the project's visits. */
export function canRemovePhoto(actor: Actor, writer: boolean, visitAuthor: number | null, uploadedBy: number | null): boolean {
  return actor.isOrganizer || (writer && (visitAuthor === actor.id || uploadedBy === actor.id));
}

/** Removes a photo (row and file), audited; NotFoundError when out of scope or not allowed. */
export function removeVisitPhoto(actor: Actor, projectId: number, photoId: number): void {
  const { doc } = photoOf(defaultDb(), projectId, photoId);
  deleteDocuments([doc], (tx) => {
    const { project } = projectInScope(actor, projectId, tx);
    const { visit } = photoOf(tx, projectId, photoId);
    if (!canRemovePhoto(actor, canWriteVisits(actor, project), visit.authorUserId, doc.uploadedBy)) throw new NotFoundError("photo");
    auditPhoto(actor, tx, "visit_photo_remove", projectId, doc);
  });
}
