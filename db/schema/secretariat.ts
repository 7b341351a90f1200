/**
 * What secretariats expect of Indico or pretix (issue 15): verifiable certificates and custom
 * application questions per edition.
 *
 * Certificates: one row per issuance. A participant holds at most one valid (not revoked)
 * certificate per application (partial unique index); after a revocation an organizer may issue
 * a new one, with a new number and code. `issued_on` is the date in the edition's zone when it was
 * issued, `YYYY-MM-DD`, never recomputed.
 *
 * Questions: a question belongs to an edition and has versions. Every edit writes a new version
 * (kind, label, options, required); an answer points at the version it was given against, so old
 * answers stay readable after a change. Removing a question sets `removed_at`: it leaves the form,
 * its answers stay in the database and on the review page.
 */
import { sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { QUESTION_KINDS, type QuestionOption } from "../../app/domain/questions";
import { users } from "./accounts";
import { translations } from "./local-text";
import { applications, editions } from "./programme";

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`;

export const certificates = sqliteTable(
  "certificates",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    applicationId: integer("application_id")
      .notNull()
      .references(() => applications.id),
    editionId: integer("edition_id")
      .notNull()
      .references(() => editions.id),
    /** Running number within the edition (1, 2, …); `number` is its printed form. */
    seq: integer("seq").notNull(),
    /** e.g. "VLX-10-0007": the edition's ordinal and the running number. */
    number: text("number").notNull(),
    /** Unguessable verification code (app/domain/certificate-code.ts), the key of /verify/:code. */
    code: text("code").notNull(),
    /** `YYYY-MM-DD` in the edition's zone on the day of issue. */
    issuedOn: text("issued_on").notNull(),
    issuedAt: text("issued_at").notNull().default(now),
    issuedBy: integer("issued_by").references(() => users.id),
    revokedAt: text("revoked_at"),
    revokedBy: integer("revoked_by").references(() => users.id),
    revokeReason: text("revoke_reason"),
  },
  (t) => [
    uniqueIndex("certificates_code").on(t.code),
    uniqueIndex("certificates_number").on(t.number),
    uniqueIndex("certificates_edition_seq").on(t.editionId, t.seq),
    uniqueIndex("certificates_valid_per_application")
      .on(t.applicationId)
      .where(sql`revoked_at is null`),
  ],
);

export { QUESTION_KINDS, type QuestionKind, type QuestionOption } from "../../app/domain/questions";

export const applicationQuestions = sqliteTable(
  "application_questions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    editionId: integer("edition_id")
      .notNull()
      .references(() => editions.id, { onDelete: "cascade" }),
    /** Order on the form, ascending. */
    position: integer("position").notNull(),
    /** The version the form shows now (application_question_versions.version). */
    currentVersion: integer("current_version").notNull().default(1),
    /** Set when an organizer removed it: hidden from the form, answers kept. */
    removedAt: text("removed_at"),
    createdAt: text("created_at").notNull().default(now),
  },
  (t) => [index("application_questions_edition").on(t.editionId, t.position)],
);

export const applicationQuestionVersions = sqliteTable(
  "application_question_versions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    questionId: integer("question_id")
      .notNull()
      .references(() => applicationQuestions.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    kind: text("kind", { enum: QUESTION_KINDS }).notNull(),
    /** English label; other languages in `translations.label`. */
    label: text("label").notNull(),
    translations: translations<"label">(),
    required: integer("required", { mode: "boolean" }).notNull().default(false),
    /** Choices of single_choice / multi_choice: stable keys with their labels per language. */
    options: text("options", { mode: "json" }).$type<QuestionOption[]>().notNull().default([]),
    createdBy: integer("created_by").references(() => users.id),
    createdAt: text("created_at").notNull().default(now),
  },
  (t) => [uniqueIndex("application_question_versions_q_v").on(t.questionId, t.version)],
);

export const applicationAnswers = sqliteTable(
  "application_answers",
  {
    applicationId: integer("application_id")
      .notNull()
      .references(() => applications.id, { onDelete: "cascade" }),
    questionId: integer("question_id")
      .notNull()
      .references(() => applicationQuestions.id, { onDelete: "cascade" }),
    /** The question version the answer was given against (its label and options stay readable). */
    versionId: integer("version_id")
      .notNull()
      .references(() => applicationQuestionVersions.id),
    /** JSON: string (texts, date, single choice key), string[] (several choices), number, boolean. */
    value: text("value", { mode: "json" }).$type<string | string[] | number | boolean>().notNull(),
    updatedAt: text("updated_at").notNull().default(now),
  },
  (t) => [primaryKey({ columns: [t.applicationId, t.questionId] })],
);
