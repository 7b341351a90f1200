/**
 * File storage for any area (issue 15 item 2): store bytes for an owner and a kind, list, read,
 * delete. No scope checks here: the area's use cases (participants.server.ts for a participant's
 * documents; later, e.g., pilot monitoring photos with owner type `pilot_project`) check who may
 * act and write their audit events through the `inTx` hooks, in the same transaction as the row.
 *
 * Where: `<folder of the database>/documents/` (data/documents/ by default, outside the web root;
 * DOCUMENTS_DIR overrides it). Each file is named by a random 32-hex `storage_key`, never by the
 * uploaded name, written with mode 0600 under a temporary name and renamed into place (a crash
 * never leaves half a file under a real key).
 *
 * Type by content: `checkDocumentBytes` asks `file-type` what the bytes are (magic numbers), never
 * the name or the browser's Content-Type. Sizes are bytes.
 *
 * Ordering with the database: a new file is written before its row is inserted and removed again
 * if the transaction fails; a deleted or replaced row's file is removed after the commit (a failed
 * transaction never loses a file that a row still names).
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { and, asc, eq, inArray } from "drizzle-orm";
import { fileTypeFromBuffer } from "file-type";
import { db, immediate, t, type Db } from "../../db.server";
import { getEnv } from "../../env.server";
import { log } from "../../log.server";
import { FieldErrors, messageKey } from "../errors";

export type StoredDocument = typeof t.documents.$inferSelect;
export type DocumentOwner = { type: string; id: number };
export type DocumentRule = { types: readonly string[]; maxBytes: number };

const KEY = /^[0-9a-f]{32}$/;

/** The folder holding the files (created on first write). */
export function documentsDir(): string {
  if (process.env.DOCUMENTS_DIR) return path.resolve(process.env.DOCUMENTS_DIR);
  const dbPath = process.env.DATABASE_PATH || getEnv().databasePath;
  return path.join(path.dirname(path.resolve(dbPath)), "documents");
}

function fileOf(storageKey: string): string {
  // Keys come from our own rows; checked anyway so no value can ever name a path outside the folder.
  if (!KEY.test(storageKey)) throw new Error("invalid storage key");
  return path.join(documentsDir(), storageKey);
}

/**
 * Checks uploaded bytes against a rule and returns the MIME type detected from the content.
 * Throws FieldErrors on `field`: `documents.errors.empty` (no bytes), `documents.errors.tooLarge`
 * ({max} in MB) or `documents.errors.type` (content not one of `rule.types`, e.g. a Windows
 * program renamed `.pdf`).
 */
export async function checkDocumentBytes(bytes: Uint8Array, rule: DocumentRule, field = "file"): Promise<string> {
  if (bytes.byteLength === 0) throw FieldErrors.one(field, "documents.errors.empty");
  if (bytes.byteLength > rule.maxBytes) {
    throw FieldErrors.one(field, messageKey("documents.errors.tooLarge", { max: rule.maxBytes / (1024 * 1024) }));
  }
  const detected = await fileTypeFromBuffer(bytes);
  if (!detected || !rule.types.includes(detected.mime)) throw FieldErrors.one(field, "documents.errors.type");
  return detected.mime;
}

export type StoreInput = {
  owner: DocumentOwner;
  kind: string;
  bytes: Uint8Array;
  /** Detected by `checkDocumentBytes`, never taken from the request. */
  contentType: string;
  /** Display text only (sanitize first: app/domain/document-kinds.ts sanitizeDisplayName). */
  originalName: string;
  /** What the file shows, as the uploader says (display text; a photo's alt text); "" by default. */
  caption?: string;
  uploadedBy: number | null;
  /** Replace the owner's existing files of this kind (one file per kind). */
  replace?: boolean;
  /**
   * Runs inside the transaction before the insert: re-check scope and state, throw to abort
   * (nothing is stored, the new file is removed).
   */
  before?: (tx: Db) => void;
  /** Runs inside the transaction after the insert: write the audit event. */
  after?: (tx: Db, doc: StoredDocument, replaced: StoredDocument[]) => void;
};

/**
 * Writes bytes to a new file under a random storage key and returns the key; the caller inserts
 * its row (`insertDocumentRow`) and removes the file if that fails. `storeDocument` does both.
 */
export function writeDocumentFile(bytes: Uint8Array): string {
  const storageKey = crypto.randomBytes(16).toString("hex");
  fs.mkdirSync(documentsDir(), { recursive: true, mode: 0o700 });
  const target = fileOf(storageKey);
  const temp = `${target}.part`;
  fs.writeFileSync(temp, bytes, { mode: 0o600 });
  fs.renameSync(temp, target);
  return storageKey;
}

export type DocumentRowInput = Pick<StoreInput, "owner" | "kind" | "bytes" | "contentType" | "originalName" | "caption" | "uploadedBy">;

/** Inserts the row of a file written by `writeDocumentFile`, inside the caller's transaction. */
export function insertDocumentRow(tx: Db, storageKey: string, input: DocumentRowInput): StoredDocument {
  return tx
    .insert(t.documents)
    .values({
      ownerType: input.owner.type,
      ownerId: input.owner.id,
      kind: input.kind,
      storageKey,
      originalName: input.originalName,
      caption: input.caption ?? "",
      contentType: input.contentType,
      byteSize: input.bytes.byteLength,
      sha256: crypto.createHash("sha256").update(input.bytes).digest("hex"),
      uploadedBy: input.uploadedBy,
    })
    .returning()
    .get();
}

/** Stores a file and its row; returns the new row and the rows it replaced (their files removed). */
export function storeDocument(input: StoreInput): { document: StoredDocument; replaced: StoredDocument[] } {
  const storageKey = writeDocumentFile(input.bytes);
  let result: { document: StoredDocument; replaced: StoredDocument[] };
  try {
    result = immediate(db(), (tx) => {
      input.before?.(tx);
      const replaced = input.replace ? rowsOf(tx, input.owner, input.kind) : [];
      if (replaced.length) dropDocumentRows(tx, replaced);
      const document = insertDocumentRow(tx, storageKey, input);
      input.after?.(tx, document, replaced);
      return { document, replaced };
    });
  } catch (e) {
    removeDocumentFiles([storageKey]);
    throw e;
  }
  removeDocumentFiles(result.replaced.map((d) => d.storageKey));
  return result;
}

function rowsOf(tx: Db, owner: DocumentOwner, kind?: string): StoredDocument[] {
  const where = and(eq(t.documents.ownerType, owner.type), eq(t.documents.ownerId, owner.id), kind ? eq(t.documents.kind, kind) : undefined);
  return tx.select().from(t.documents).where(where).orderBy(asc(t.documents.id)).all();
}

/** The rows of some owners of one type (all kinds), oldest first. */
export function listDocuments(ownerType: string, ownerIds: number[], tx: Db = db()): StoredDocument[] {
  if (ownerIds.length === 0) return [];
  return tx
    .select()
    .from(t.documents)
    .where(and(eq(t.documents.ownerType, ownerType), inArray(t.documents.ownerId, ownerIds)))
    .orderBy(asc(t.documents.id))
    .all();
}

/** One row by id, or undefined. */
export function getDocument(id: number, tx: Db = db()): StoredDocument | undefined {
  return tx.select().from(t.documents).where(eq(t.documents.id, id)).get();
}

/** The file's bytes; null when the file is missing on disk (restored database without its folder). */
export function readDocumentBytes(doc: StoredDocument): Buffer | null {
  try {
    return fs.readFileSync(fileOf(doc.storageKey));
  } catch {
    return null;
  }
}

/** The file as a web stream for a Response body; null when the file is missing on disk. */
export function openDocumentStream(doc: StoredDocument): ReadableStream<Uint8Array> | null {
  const file = fileOf(doc.storageKey);
  if (!fs.existsSync(file)) return null;
  return Readable.toWeb(fs.createReadStream(file)) as ReadableStream<Uint8Array>;
}

/**
 * Deletes rows inside the caller's transaction and returns their storage keys; the caller removes
 * the files with `removeDocumentFiles` after the commit.
 */
export function dropDocumentRows(tx: Db, docs: StoredDocument[]): string[] {
  if (docs.length === 0) return [];
  tx.delete(t.documents)
    .where(
      inArray(
        t.documents.id,
        docs.map((d) => d.id),
      ),
    )
    .run();
  return docs.map((d) => d.storageKey);
}

/** Removes files by storage key; a file already gone is fine, any other failure is logged. */
export function removeDocumentFiles(keys: string[]): void {
  for (const key of keys) {
    try {
      fs.rmSync(fileOf(key), { force: true });
    } catch (e) {
      log.error({ error: e instanceof Error ? e.message : String(e) }, "document file not removed");
    }
  }
}

/**
 * Deletes rows and their files in one transaction of its own; `inTx` runs first inside it (re-check
 * scope, write audit events).
 */
export function deleteDocuments(docs: StoredDocument[], inTx?: (tx: Db) => void): void {
  const keys = immediate(db(), (tx) => {
    inTx?.(tx);
    return dropDocumentRows(tx, docs);
  });
  removeDocumentFiles(keys);
}
