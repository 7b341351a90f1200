/**
 * Attendance (issue 6): one record per person and subject, where the subject is a training
 * session (`subject_kind` 'training', `training_session_id` set) or one day of an exchange visit
 * (`subject_kind` 'visit_day', `visit_id` + `date` set). Recording the same person twice updates
 * the one row (unique per subject and person; check-in is an upsert). `recorded_by` and
 * `recorded_at` keep who recorded the current status and when; status changes are audited.
 *
 * SQLite unique indexes treat NULLs as distinct, so the two unique indexes never collide: a
 * training row has no visit/date, a visit-day row no training (the CHECK holds that shape).
 */
import { sql } from "drizzle-orm";
import { check, index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { users } from "./accounts";
import { applications } from "./programme";
import { exchangeVisits } from "./hosts";
import { trainingSessions } from "./training";

export const ATTENDANCE_SUBJECTS = ["training", "visit_day"] as const;
export type AttendanceSubject = (typeof ATTENDANCE_SUBJECTS)[number];
export const ATTENDANCE_STATUSES = ["present", "late", "absent", "excused"] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];
/** Statuses that count as having attended (completion, attendance rates). */
export const ATTENDED_STATUSES: AttendanceStatus[] = ["present", "late"];
export const ATTENDANCE_METHODS = ["list", "self"] as const;

export const attendanceRecords = sqliteTable(
  "attendance_records",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    subjectKind: text("subject_kind", { enum: ATTENDANCE_SUBJECTS }).notNull(),
    trainingSessionId: integer("training_session_id").references(() => trainingSessions.id, { onDelete: "cascade" }),
    visitId: integer("visit_id").references(() => exchangeVisits.id),
    /** `YYYY-MM-DD`, the visit day in the host site's zone. */
    date: text("date"),
    applicationId: integer("application_id")
      .notNull()
      .references(() => applications.id),
    status: text("status", { enum: ATTENDANCE_STATUSES }).notNull(),
    note: text("note").notNull().default(""),
    method: text("method", { enum: ATTENDANCE_METHODS }).notNull(),
    recordedBy: integer("recorded_by").references(() => users.id),
    /** UTC ISO instant of the last change of status or note. */
    recordedAt: text("recorded_at").notNull(),
    /**
     * UTC ISO instant of the mark in effect by the device's clock (issue 14): when two devices
     * disagree, the later device time wins (domain/attendance-marks.ts), so an older mark that
     * arrives late changes nothing. Null only on rows written before it existed (read as recorded_at).
     */
    markedAt: text("marked_at"),
  },
  (t) => [
    uniqueIndex("attendance_training_person").on(t.trainingSessionId, t.applicationId),
    uniqueIndex("attendance_visit_day_person").on(t.visitId, t.date, t.applicationId),
    index("attendance_application").on(t.applicationId, t.subjectKind),
    index("attendance_training_status").on(t.trainingSessionId, t.status),
    check(
      "attendance_subject_shape",
      sql`(${t.subjectKind} = 'training' and ${t.trainingSessionId} is not null and ${t.visitId} is null and ${t.date} is null)
        or (${t.subjectKind} = 'visit_day' and ${t.trainingSessionId} is null and ${t.visitId} is not null and ${t.date} is not null)`,
    ),
  ],
);

/**
 * Nominee CSV imports waiting for confirmation: the previewed file's bytes keyed by their SHA-256,
 * so "Confirm import" writes exactly what was previewed. Rows are removed once confirmed.
 */
export const importUploads = sqliteTable("import_uploads", {
  hash: text("hash").primaryKey(),
  userId: integer("user_id")
    .notNull()
    .references(() => users.id, { onDelete: "cascade" }),
  editionId: integer("edition_id").notNull(),
  countryCode: text("country_code"),
  content: text("content").notNull(),
  createdAt: text("created_at")
    .notNull()
    .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
});

/**
 * Personal check-in tokens (issue 14 item 5): one row per participant (application). The QR code
 * carries `application_id` and `serial` signed with a key derived from the server secret
 * (domain/checkin-token.ts); `code` is the short human-typeable form (8 characters, unique per
 * edition). Revoking bumps `serial` and draws a new `code`, so an old QR code or code is refused.
 */
export const checkInTokens = sqliteTable(
  "checkin_tokens",
  {
    applicationId: integer("application_id")
      .primaryKey()
      .references(() => applications.id, { onDelete: "cascade" }),
    editionId: integer("edition_id").notNull(),
    serial: integer("serial").notNull().default(1),
    code: text("code").notNull(),
    /** The short code before the last revocation, so typing it says "revoked" rather than "unknown". */
    previousCode: text("previous_code"),
    /** UTC ISO instant the current token was issued. */
    issuedAt: text("issued_at").notNull(),
  },
  (t) => [uniqueIndex("checkin_tokens_edition_code").on(t.editionId, t.code)],
);
