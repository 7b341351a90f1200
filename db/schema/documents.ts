/**
 * Stored files (issue 15 item 2; app/models/documents/). One row per file kept under the data
 * folder's `documents/` directory (outside the web root): the file on disk is named by
 * `storage_key` (random, never the uploaded name); `original_name` is the sanitized uploaded name,
 * display text only. `owner_type` + `owner_id` say whose file it is (`application` for a
 * participant's documents; other areas, such as pilot monitoring photos, may add their own owner
 * types), `kind` what it is (app/domain/document-kinds.ts for participants). `content_type` is the
 * MIME type detected from the bytes, `byte_size` in bytes, `sha256` hex of the content. `caption`
 * is what the uploader says the file shows (a pilot visit photo's alt text), display text, "" when
 * none was given.
 */
import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { users } from "./accounts";

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`;

export const documents = sqliteTable(
  "documents",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    ownerType: text("owner_type").notNull(),
    ownerId: integer("owner_id").notNull(),
    kind: text("kind").notNull(),
    storageKey: text("storage_key").notNull(),
    originalName: text("original_name").notNull().default(""),
    caption: text("caption").notNull().default(""),
    contentType: text("content_type").notNull(),
    byteSize: integer("byte_size").notNull(),
    sha256: text("sha256").notNull(),
    uploadedBy: integer("uploaded_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: text("created_at").notNull().default(now),
    updatedAt: text("updated_at").notNull().default(now),
  },
  (t) => [index("documents_owner").on(t.ownerType, t.ownerId, t.kind), uniqueIndex("documents_storage_key").on(t.storageKey)],
);
