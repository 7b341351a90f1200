/**
 * A participant's documents (issue 15 item 2): the passport scan, badge photo and signed consent
 * form the programme asks for (app/domain/document-kinds.ts), stored per application (owner type
 * `application`) through store.server.ts.
 *
 * Who may do what (docs/design.md "Scope", "Sensitive data"):
 * - upload, replace: the applicant, on an application that is not withdrawn or rejected, of an
 *   edition that is not over; delete: the applicant, any time;
 * - open: the applicant; organizers; the focal point of the application's country; a host
 *   coordinator of a site where the participant is placed (offered or accepted) only for a kind
 *   whose `hostsMaySee` is set (the badge photo, never the passport). Anyone else: 404.
 * Every upload, replacement and deletion writes an audit event (record type `document`, actions
 * `upload`, `replace`, `delete`) with the application id, kind, type and size, never the file name.
 */
import { and, asc, eq, inArray, ne } from "drizzle-orm";
import { db, t, type Db } from "../../db.server";
import { APPLICATION_OWNER, DOCUMENT_KINDS, isDocumentKind, requiredDocumentKinds, sanitizeDisplayName, type DocumentKind } from "../../domain/document-kinds";
import { todayIn } from "../../domain/dates";
import { shownName } from "../../domain/local-text";
import { displayName } from "../../domain/names";
import type { Actor } from "../actor";
import { requireOrganizer } from "../actor";
import { recordAudit } from "../audit.server";
import { FieldErrors, NotFoundError, RuleError } from "../errors";
import { WHO_IS_COMING_STATUSES } from "../hosts/visit-participants.server";
import { checkDocumentBytes, deleteDocuments, getDocument, listDocuments, storeDocument, type StoredDocument } from "./store.server";

const CLOSED = ["withdrawn", "rejected"] as const;

/** What a page may show of a document: never the storage key or the hash. */
export type DocumentSummary = {
  id: number;
  applicationId: number;
  kind: DocumentKind;
  name: string;
  contentType: string;
  byteSize: number;
  createdAt: string;
};

function summary(d: StoredDocument): DocumentSummary {
  return {
    id: d.id,
    applicationId: d.ownerId,
    kind: d.kind as DocumentKind,
    name: d.originalName,
    contentType: d.contentType,
    byteSize: d.byteSize,
    createdAt: d.createdAt,
  };
}

function auditDocument(actor: Pick<Actor, "id"> | null, tx: Db, action: "upload" | "replace" | "delete", d: StoredDocument) {
  recordAudit(
    actor,
    {
      entityType: "document",
      entityId: d.id,
      action,
      details: { applicationId: d.ownerId, kind: d.kind, contentType: d.contentType, byteSize: d.byteSize },
    },
    tx,
  );
}

/** An edition is over after its last day in its own zone: its documents are only kept until retention. */
const isOver = (e: { endsOn: string; timeZone: string }) => e.endsOn < todayIn(e.timeZone);

/**
 * The actor's own application, open for document changes. NotFoundError (not theirs), RuleError
 * `documents.errors.closed` (withdrawn or rejected) or `documents.errors.ended` (edition over) when
 * `forUpload`; a deletion is allowed after the edition's end (the person may remove their files).
 */
function ownApplication(tx: Db, actor: Actor, applicationId: number, forUpload = true) {
  const app = tx
    .select({ id: t.applications.id, status: t.applications.status, endsOn: t.editions.endsOn, timeZone: t.editions.timeZone })
    .from(t.applications)
    .innerJoin(t.editions, eq(t.editions.id, t.applications.editionId))
    .where(and(eq(t.applications.id, applicationId), eq(t.applications.userId, actor.id)))
    .get();
  if (!app) throw new NotFoundError("application");
  if (!forUpload) return app;
  if ((CLOSED as readonly string[]).includes(app.status)) throw new RuleError("documents.errors.closed");
  if (isOver(app)) throw new RuleError("documents.errors.ended");
  return app;
}

/**
 * The acting user's applications (not withdrawn or rejected), newest edition first, each with its
 * documents, the kinds its edition requires, and `open` (edition not over: uploads allowed).
 * Applications of editions that are over are listed only while they still have documents.
 */
export function myDocuments(actor: Actor) {
  const apps = db()
    .select({
      id: t.applications.id,
      status: t.applications.status,
      editionName: t.editions.name,
      editionTranslations: t.editions.translations,
      mode: t.editions.mode,
      endsOn: t.editions.endsOn,
      timeZone: t.editions.timeZone,
    })
    .from(t.applications)
    .innerJoin(t.editions, eq(t.editions.id, t.applications.editionId))
    .where(and(eq(t.applications.userId, actor.id), ne(t.applications.status, "withdrawn"), ne(t.applications.status, "rejected")))
    .orderBy(asc(t.editions.startsOn))
    .all()
    .reverse();
  const docs = listDocuments(
    APPLICATION_OWNER,
    apps.map((a) => a.id),
  );
  return apps
    .map((a) => ({
      id: a.id,
      status: a.status,
      editionName: a.editionName,
      editionTranslations: a.editionTranslations,
      open: !isOver(a),
      required: requiredDocumentKinds(a.mode),
      documents: docs.filter((d) => d.ownerId === a.id).map(summary),
    }))
    .filter((a) => a.open || a.documents.length > 0);
}

export type UploadInput = { applicationId: number; kind: string; bytes: Uint8Array; fileName: string };

/**
 * Stores the applicant's file of `kind` for their application, replacing the one they had.
 * Throws NotFoundError (not their application), RuleError `documents.errors.closed` (withdrawn or
 * rejected) or `documents.errors.ended` (edition over), FieldErrors on `kind` (unknown) or `file` (empty, too large, type not allowed by
 * content). Nothing is stored on any error. Returns the new document and whether it replaced one.
 */
export async function uploadDocument(actor: Actor, input: UploadInput): Promise<{ document: DocumentSummary; replaced: boolean }> {
  ownApplication(db(), actor, input.applicationId);
  if (!isDocumentKind(input.kind)) throw FieldErrors.one("kind", "documents.errors.kind");
  const contentType = await checkDocumentBytes(input.bytes, DOCUMENT_KINDS[input.kind]);
  const { document, replaced } = storeDocument({
    owner: { type: APPLICATION_OWNER, id: input.applicationId },
    kind: input.kind,
    bytes: input.bytes,
    contentType,
    originalName: sanitizeDisplayName(input.fileName),
    uploadedBy: actor.id,
    replace: true,
    // The status may have changed while the file was checked: re-read it in the transaction.
    before: (tx) => void ownApplication(tx, actor, input.applicationId),
    after: (tx, doc, old) => {
      for (const o of old) auditDocument(actor, tx, "delete", o);
      auditDocument(actor, tx, old.length ? "replace" : "upload", doc);
    },
  });
  return { document: summary(document), replaced: replaced.length > 0 };
}

/** The applicant deletes one of their documents (NotFoundError if not theirs). */
export function deleteOwnDocument(actor: Actor, documentId: number): void {
  const doc = getDocument(documentId);
  if (!doc || doc.ownerType !== APPLICATION_OWNER) throw new NotFoundError("document");
  deleteDocuments([doc], (tx) => {
    ownApplication(tx, actor, doc.ownerId, false);
    auditDocument(actor, tx, "delete", doc);
  });
}

/** True when a host coordinator coordinates a site where the application is placed (offered or accepted). */
function hostOfPlacement(actor: Actor, applicationId: number): boolean {
  if (!actor.isHostCoordinator) return false;
  const row = db()
    .select({ id: t.placements.id })
    .from(t.placements)
    .innerJoin(t.exchangeVisits, eq(t.exchangeVisits.id, t.placements.visitId))
    .innerJoin(t.hostSiteCoordinators, eq(t.hostSiteCoordinators.hostSiteId, t.exchangeVisits.hostSiteId))
    .where(
      and(
        eq(t.placements.applicationId, applicationId),
        inArray(t.placements.status, [...WHO_IS_COMING_STATUSES]),
        eq(t.hostSiteCoordinators.userId, actor.id),
      ),
    )
    .get();
  return row !== undefined;
}

/**
 * The document if the actor may open it (see the module comment); NotFoundError otherwise, the
 * same answer as for a document that does not exist.
 */
export function documentForViewer(actor: Actor, documentId: number): StoredDocument {
  const doc = getDocument(documentId);
  if (!doc || doc.ownerType !== APPLICATION_OWNER || !isDocumentKind(doc.kind)) throw new NotFoundError("document");
  const app = db()
    .select({ userId: t.applications.userId, nationality: t.applications.nationality })
    .from(t.applications)
    .where(eq(t.applications.id, doc.ownerId))
    .get();
  if (!app) throw new NotFoundError("document");
  if (app.userId === actor.id || actor.isOrganizer) return doc;
  if (app.nationality && actor.focalPointCountries.includes(app.nationality)) return doc;
  if (DOCUMENT_KINDS[doc.kind].hostsMaySee && hostOfPlacement(actor, doc.ownerId)) return doc;
  throw new NotFoundError("document");
}

/** Organizer or the country's focal point: the documents of one application (NotFoundError outside scope). */
export function applicationDocuments(actor: Actor, applicationId: number): DocumentSummary[] {
  const app = db().select({ nationality: t.applications.nationality }).from(t.applications).where(eq(t.applications.id, applicationId)).get();
  const inScope = app && (actor.isOrganizer || (app.nationality !== null && actor.focalPointCountries.includes(app.nationality)));
  if (!inScope) throw new NotFoundError("application");
  return listDocuments(APPLICATION_OWNER, [applicationId]).map(summary);
}

/**
 * Organizer: the accepted participants of an edition with the required kinds they have not
 * uploaded (app/domain/document-kinds.ts requiredDocumentKinds), sorted by country then name;
 * participants with everything are left out. `total` counts all accepted participants.
 */
export function editionDocumentGaps(actor: Actor, editionId: number, lng = "en") {
  requireOrganizer(actor);
  const edition = db()
    .select({ id: t.editions.id, name: t.editions.name, translations: t.editions.translations, mode: t.editions.mode })
    .from(t.editions)
    .where(eq(t.editions.id, editionId))
    .get();
  if (!edition) throw new NotFoundError("edition");
  const required = requiredDocumentKinds(edition.mode);
  const apps = db()
    .select()
    .from(t.applications)
    .where(and(eq(t.applications.editionId, editionId), eq(t.applications.status, "accepted")))
    .all();
  const docs = listDocuments(
    APPLICATION_OWNER,
    apps.map((a) => a.id),
  );
  const missing = apps
    .map((a) => {
      const have = new Set(docs.filter((d) => d.ownerId === a.id).map((d) => d.kind));
      return { applicationId: a.id, name: displayName(a), country: a.nationality, missing: required.filter((k) => !have.has(k)) };
    })
    .filter((r) => r.missing.length > 0)
    .sort((x, y) => (x.country ?? "").localeCompare(y.country ?? "") || x.name.localeCompare(y.name));
  // The edition's name for a reader of `lng` (`lang`: the language it is in; issue 11 item 8).
  return { edition: { id: edition.id, ...shownName(edition, lng) }, required, total: apps.length, missing };
}
