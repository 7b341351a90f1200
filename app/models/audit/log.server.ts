/**
 * The programme's audit log for organizers (issue 15, item 7): every audit event
 * (docs/design.md "audit event", written by app/models/audit.server.ts recordAudit) across every
 * area, newest first (by time, then id), filtered by person, record, action and UTC date range, AUDIT_PAGE_SIZE a
 * page (offset paging over the primary key), and the same rows as a CSV file.
 *
 * The "subject" of an event is the person the record is about: the applicant of an application,
 * and of the application behind a placement, attendance record, certificate, passport or visa
 * letter, or named by
 * `details.applicationId` (training enrolments). Events about no one person (an edition, a host
 * site) have no subject.
 */
import { db } from "../../db.server";
import { changedFields, changePart, type ChangePart } from "../../domain/audit-change";
import { addDays, formatDate } from "../../domain/dates";
import { foldForSearch } from "../../domain/names";
import { AUDIT_ACTIONS, AUDIT_RECORD_TYPES } from "../../domain/audit-vocabulary";
import type { AuditFilters } from "../../forms/audit";
import { translatorFor } from "../../i18n.server";
import { requireOrganizer, type Actor } from "../actor";
import { csvStream } from "../tracking/exports.server";
import type { SqlParams } from "../tracking/sql.server";

/** Events per page on the audit log page. */
export const AUDIT_PAGE_SIZE = 50;

/** The application an event's record belongs to, if any (see the file comment). */
const SUBJECT_APPLICATION = `CASE e.entity_type
  WHEN 'application' THEN e.entity_id
  WHEN 'placement' THEN (SELECT application_id FROM placements WHERE id = e.entity_id)
  WHEN 'attendance' THEN (SELECT application_id FROM attendance_records WHERE id = e.entity_id)
  WHEN 'certificate' THEN (SELECT application_id FROM certificates WHERE id = e.entity_id)
  WHEN 'passport' THEN e.entity_id
  WHEN 'visa_letter' THEN (SELECT application_id FROM visa_letters WHERE id = e.entity_id)
  ELSE CASE WHEN json_valid(e.details) THEN json_extract(e.details, '$.applicationId') END
END`;

const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * Ids of the people a "person" filter names: folded for search (foldForSearch: case, diacritics and
 * spaces, so "nguyen thi anh" finds "Nguyễn Thị Ánh") against the folded display names
 * (users.search_name) and the native and Latin names of their applications
 * (applications.search_name), or a part of their e-mail address (stored lower-cased). Only the
 * typed text is folded here, in JavaScript (SQLite's LIKE folds ASCII case only); the names were
 * folded when written, so the match is one SQL query over the columns.
 */
function peopleMatching(text: string): number[] {
  const like = `%${likeEscape(foldForSearch(text))}%`;
  const rows = db()
    .$client.prepare(
      `SELECT id FROM users WHERE search_name LIKE @like ESCAPE '\\' OR instr(email, @email) > 0
       UNION SELECT user_id FROM applications WHERE search_name LIKE @like ESCAPE '\\'`,
    )
    .all({ like, email: text.trim().toLowerCase() }) as { id: number }[];
  return rows.map((r) => r.id);
}

/**
 * FROM … WHERE … over audit_events `e` with the actor `au` and subject `su` joined, for `f`;
 * with `people` false, over audit_events alone (only for filters without a person).
 */
function fromWhere(f: AuditFilters, people = true): { sql: string; params: SqlParams } {
  const where: string[] = [];
  const params: SqlParams = {};
  if (f.type) {
    where.push("e.entity_type = @type");
    params.type = f.type;
  }
  if (f.record !== undefined) {
    where.push("e.entity_id = @record");
    params.record = f.record;
  }
  if (f.action) {
    where.push("e.action = @action");
    params.action = f.action;
  }
  // `at` is ISO 8601 UTC text ("2026-12-05T12:03:04.567Z"), so days compare as text.
  if (f.from) {
    where.push("e.at >= @fromAt");
    params.fromAt = `${f.from}T00:00:00.000Z`;
  }
  if (f.to) {
    where.push("e.at < @toAt");
    params.toAt = `${addDays(f.to, 1)}T00:00:00.000Z`;
  }
  if (f.person) {
    params.personIds = JSON.stringify(peopleMatching(f.person));
    const match = (u: string) => `${u}.id IN (SELECT value FROM json_each(@personIds))`;
    where.push(f.as === "actor" ? match("au") : f.as === "subject" ? match("su") : `(${match("au")} OR ${match("su")})`);
  }
  if (!people) return { sql: `FROM audit_events e ${where.length ? `WHERE ${where.join(" AND ")}` : ""}`, params };
  const sql = `FROM (SELECT e.*, (SELECT user_id FROM applications WHERE id = ${SUBJECT_APPLICATION}) AS subject_user_id FROM audit_events e) e
    LEFT JOIN users au ON au.id = e.actor_user_id
    LEFT JOIN users su ON su.id = e.subject_user_id
    ${where.length ? `WHERE ${where.join(" AND ")}` : ""}`;
  return { sql, params };
}

const COLUMNS = `e.id, e.at, e.entity_type AS type, e.entity_id AS record, e.action, e.from_state AS fromState,
  e.to_state AS toState, e.reason, e.details, au.display_name AS actorName, au.email AS actorEmail,
  su.display_name AS subjectName, su.email AS subjectEmail`;

type EventRow = {
  id: number;
  at: string;
  type: string;
  record: number;
  action: string;
  fromState: string | null;
  toState: string | null;
  reason: string | null;
  details: string | null;
  actorName: string | null;
  actorEmail: string | null;
  subjectName: string | null;
  subjectEmail: string | null;
};

/** An organizer page for the record of an event, where there is one. */
function recordHref(type: string, id: number): string | null {
  const pages: Record<string, string> = {
    application: "/admin/applications/",
    edition: "/admin/editions/",
    host_site: "/admin/sites/",
    placement: "/admin/placements/",
    training_session: "/admin/trainings/",
  };
  return pages[type] ? `${pages[type]}${id}` : null;
}

/** Newest first: by the event's time, then by id (events written in the same millisecond). */
const NEWEST_FIRST = "ORDER BY e.at DESC, e.id DESC";

/**
 * An event's change in words in `lng` (app/domain/audit-change.ts): `from` and `to` (the states,
 * or null) and `fields` (the fields an update changed, joined as a list in `lng`, or null).
 */
function describeChange(r: EventRow, lng: string) {
  const tr = translatorFor(lng);
  let details: unknown = null;
  try {
    details = r.details ? JSON.parse(r.details) : null;
  } catch {
    details = null;
  }
  const e = { type: r.type, action: r.action, details };
  const fmt = {
    date: (iso: string) => formatDate(iso, lng),
    number: (n: number) => new Intl.NumberFormat(lng).format(n),
    money: (minor: number, currency: string) => {
      try {
        const f = new Intl.NumberFormat(lng, { style: "currency", currency });
        return f.format(minor / 10 ** (f.resolvedOptions().maximumFractionDigits ?? 2));
      } catch {
        return `${minor} ${currency}`;
      }
    },
  };
  const say = (p: ChangePart) => ("text" in p ? p.text : tr(p.key, { ...p.params, defaultValue: p.code }));
  const fields = changedFields(e).map(say);
  return {
    from: r.fromState === null ? null : say(changePart(e, r.fromState, fmt)),
    to: r.toState === null ? null : say(changePart(e, r.toState, fmt)),
    fields: fields.length ? new Intl.ListFormat(lng, { type: "conjunction" }).format(fields) : null,
  };
}

/**
 * Organizer: one page of audit events matching `filters`, newest first (by time, then id), with
 * the total count and the page (clamped to the last page). `at` is shown as `YYYY-MM-DD HH:MM` in
 * UTC; `change` is the event's change in words in `lng` (describeChange), the raw codes stay in
 * `fromState` / `toState`. Throws NotFoundError for anyone but an organizer.
 */
export function listAuditEvents(actor: Actor, filters: AuditFilters, lng = "en") {
  requireOrganizer(actor);
  const client = db().$client;
  const fw = fromWhere(filters);
  // Without a person filter the count needs no join (nor the subject of every event).
  const counted = filters.person ? fw : fromWhere(filters, false);
  const total = (client.prepare(`SELECT count(*) AS n ${counted.sql}`).get(counted.params) as { n: number }).n;
  const pageCount = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
  const page = Math.min(filters.page, pageCount);
  const rows = client
    .prepare(`SELECT ${COLUMNS} ${fw.sql} ${NEWEST_FIRST} LIMIT ${AUDIT_PAGE_SIZE} OFFSET ${(page - 1) * AUDIT_PAGE_SIZE}`)
    .all(fw.params) as EventRow[];
  return {
    items: rows.map((r) => ({
      id: r.id,
      at: `${r.at.slice(0, 10)} ${r.at.slice(11, 16)}`,
      type: r.type,
      record: r.record,
      recordHref: recordHref(r.type, r.record),
      action: r.action,
      fromState: r.fromState,
      toState: r.toState,
      change: describeChange(r, lng),
      reason: r.reason,
      actor: r.actorName ?? null,
      actorEmail: r.actorEmail ?? null,
      subject: r.subjectName ?? null,
    })),
    total,
    page,
    pageCount,
    pageSize: AUDIT_PAGE_SIZE,
  };
}

/**
 * Organizer: the record types and actions to offer in the filters: the known vocabulary
 * (app/domain/audit-vocabulary.ts) plus any code present in the log, sorted by code.
 */
export function auditFilterOptions(actor: Actor) {
  requireOrganizer(actor);
  const client = db().$client;
  const present = (col: string) => (client.prepare(`SELECT DISTINCT ${col} AS v FROM audit_events`).all() as { v: string }[]).map((r) => r.v);
  const merge = (known: readonly string[], found: string[]) => [...new Set([...known, ...found])].sort();
  return { types: merge(AUDIT_RECORD_TYPES, present("entity_type")), actions: merge(AUDIT_ACTIONS, present("action")) };
}

/**
 * Organizer: every audit event matching `filters` (the page is ignored) as a CSV body, UTF-8 with
 * a BOM, newest first (by time, then id), streamed in batches (tracking/exports.server.ts csvStream). Headers are
 * stable snake_case keys as in the other exports; `action_name` and `record_type_name` are the
 * action and record type in `lng`. Throws NotFoundError for anyone but an organizer.
 */
export function exportAuditCsv(actor: Actor, filters: AuditFilters, lng = "en"): ReadableStream<Uint8Array> {
  requireOrganizer(actor);
  const tr = translatorFor(lng);
  const fw = fromWhere(filters);
  const str = (k: keyof EventRow) => (r: Record<string, unknown>) => (r[k] === null || r[k] === undefined ? "" : String(r[k]));
  return csvStream({
    sql: `SELECT ${COLUMNS} ${fw.sql} ${NEWEST_FIRST}`,
    params: fw.params,
    columns: [
      ["event_id", str("id")],
      ["at_utc", str("at")],
      ["actor_name", str("actorName")],
      ["actor_email", str("actorEmail")],
      ["subject_name", str("subjectName")],
      ["subject_email", str("subjectEmail")],
      ["record_type", str("type")],
      ["record_type_name", (r) => tr(`audit.types.${r.type}`, { defaultValue: String(r.type) })],
      ["record_id", str("record")],
      ["action", str("action")],
      ["action_name", (r) => tr(`audit.actions.${r.action}`, { defaultValue: String(r.action) })],
      ["from_state", str("fromState")],
      ["to_state", str("toState")],
      ["reason", str("reason")],
      ["details", str("details")],
    ],
  });
}

/** The CSV file name for `filters`, e.g. "vlx-audit-2026-12-01-2026-12-05.csv". */
export function auditFileName(filters: AuditFilters, now = new Date()): string {
  const parts = [
    "vlx",
    "audit",
    filters.type ?? "",
    filters.action ?? "",
    filters.from ?? "",
    filters.to ?? "",
    filters.from || filters.to ? "" : now.toISOString().slice(0, 10),
  ];
  return `${parts.filter(Boolean).join("-")}.csv`;
}
