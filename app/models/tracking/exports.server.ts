/**
 * CSV exports (issue 6): applications, participants, placements, sessions and attendance, with
 * the dashboard's filters and over the dashboard's own row sets (tracking-sql.server.ts), so a
 * count on the dashboard is a count of rows here. Files open correctly in Excel in every script:
 * UTF-8 with a BOM, RFC 4180 quoting (csv-stringify), formula-looking cells neutralised
 * (app/domain/csv.ts).
 *
 * Large exports stream: rows are iterated from a read-only connection of their own (better-sqlite3
 * `.iterate()`, one consistent snapshot, the app's handle stays free for other requests) and piped
 * through csv-stringify into the response, so memory stays flat whatever the row count.
 * A host's export holds only their visit and only what a host may see (no birth date, phone,
 * e-mail, emergency contact or passport; health needs only with consent).
 */
import { Readable } from "node:stream";
import Database from "better-sqlite3";
import { stringify } from "csv-stringify/sync";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { db } from "../../db.server";
import { countryName } from "../../domain/countries";
import { neutraliseCell } from "../../domain/csv";
import { displayName, latinName } from "../../domain/names";
import { requireOrganizer, type Actor } from "../actor";
import { sessionStats } from "./dashboard.server";
import { NotFoundError } from "../errors";
import { applicationWhere, placementWhere, rate, trackingCtes, type SqlParams, type TrackingFilters } from "./sql.server";
import { visitInScope } from "../hosts/visits.server";
import { answersForExport } from "../applications/questions.server";
import type { AnswerValue } from "../../domain/questions";

export const EXPORT_KINDS = ["applications", "participants", "placements", "sessions", "attendance"] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];
type Row = Record<string, unknown>;
type Column = [header: string, value: (r: Row) => string | number | null | undefined];

const zoneFormatters = new Map<string, Intl.DateTimeFormat>();
/** The local calendar date of a UTC instant in an IANA zone (formatters cached per zone). */
function localDate(iso: unknown, zone: unknown): string {
  if (typeof iso !== "string" || typeof zone !== "string") return "";
  let f = zoneFormatters.get(zone);
  if (!f) zoneFormatters.set(zone, (f = new Intl.DateTimeFormat("en-CA", { timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit" })));
  return f.format(new Date(iso));
}

const NAME_COLS = "a.given_name, a.family_name, a.given_name_latin, a.family_name_latin, a.name_order";
const nameOf = (r: Row) => ({
  givenName: r.given_name as string,
  familyName: r.family_name as string,
  givenNameLatin: r.given_name_latin as string,
  familyNameLatin: r.family_name_latin as string,
  nameOrder: r.name_order as "given_first" | "family_first",
});
const nameColumns: Column[] = [
  ["name", (r) => displayName(nameOf(r))],
  ["name_latin", (r) => latinName(nameOf(r))],
  ["given_name", (r) => r.given_name as string],
  ["family_name", (r) => r.family_name as string],
  ["given_name_latin", (r) => r.given_name_latin as string],
  ["family_name_latin", (r) => r.family_name_latin as string],
];
const str = (k: string): Column => [k, (r) => r[k] as string | number | null];
const country = (lng: string): Column[] => [str("country"), ["country_name", (r) => (r.country ? countryName(r.country as string, lng) : "")]];
const place = [str("village"), str("district"), str("province"), str("position"), str("position_kind")];
const languages: Column = [
  "languages",
  (r) => (JSON.parse((r.languages as string) || "[]") as { code: string; level: string }[]).map((l) => `${l.code}:${l.level}`).join("; "),
];

type Spec = { sql: string; params: SqlParams; columns: Column[] } | { rows: Row[]; columns: Column[] };

function applicationsSpec(f: TrackingFilters, lng: string): Spec {
  const w = applicationWhere(f);
  // Issue 15: with an edition chosen, one column per question of its own (removed ones too), the
  // answer read with the question version it was given against (English labels).
  const custom = f.edition !== undefined ? answersForExport(f.edition) : { questions: [], format: () => "" };
  const qSql = custom.questions
    .map(
      (q) =>
        `, (select json_object('v', x.version_id, 'x', json(x.value)) from application_answers x where x.application_id = a.id and x.question_id = ${Number(q.id)}) as q_${Number(q.id)}`,
    )
    .join("");
  const qCols: Column[] = custom.questions.map((q) => [
    q.header,
    (r) => {
      const cell = r[`q_${q.id}`];
      if (typeof cell !== "string") return "";
      const { v, x } = JSON.parse(cell) as { v: number; x: AnswerValue };
      return custom.format(v, x);
    },
  ]);
  return {
    sql: `select a.id as application_id, e.name as edition, a.status, ${NAME_COLS}, a.nationality as country, a.gender, a.birth_date,
            u.email, a.phone, a.village, a.district, a.province, a.position, a.position_kind, a.years_in_position, a.languages,
            (select group_concat(value, '; ') from json_each(a.themes)) as themes, (a.nominated_by is not null) as nominated, a.submitted_at${qSql}
          from applications a join editions e on e.id = a.edition_id join users u on u.id = a.user_id where ${w.sql} order by a.edition_id, a.id`,
    params: w.params,
    columns: [
      str("application_id"),
      str("edition"),
      str("status"),
      ...nameColumns,
      ...country(lng),
      str("gender"),
      str("birth_date"),
      str("email"),
      str("phone"),
      ...place,
      str("years_in_position"),
      languages,
      str("themes"),
      ["nominated", (r) => (r.nominated ? "yes" : "no")],
      str("submitted_at"),
      ...qCols,
    ],
  };
}

function participantsSpec(f: TrackingFilters, lng: string, host: boolean): Spec {
  const c = trackingCtes(f);
  const consented = "a.sensitive_consent_at is not null";
  return {
    sql: `${c.sql} select pp.id as application_id, e.name as edition, ${NAME_COLS}, pp.nationality as country, pp.gender, a.position, pp.position_kind,
            a.village, a.district, a.province, a.languages, u.email, a.phone,
            case when ${consented} then a.dietary_needs else '' end as dietary_needs, case when ${consented} then a.accessibility_needs else '' end as accessibility_needs,
            v.id as visit_id, v.title as visit, hs.name as host_site, v.arrival_on, v.departure_on, pp.expected, pp.attended, pp.completed
          from pp join applications a on a.id = pp.id join editions e on e.id = pp.edition_id join users u on u.id = a.user_id
            left join exchange_visits v on v.id = pp.visit_id left join host_sites hs on hs.id = v.host_site_id
          order by pp.edition_id, pp.nationality, pp.id`,
    params: c.params,
    columns: host
      ? [
          str("application_id"),
          ...nameColumns,
          ...country(lng),
          str("gender"),
          ...place,
          languages,
          str("dietary_needs"),
          str("accessibility_needs"),
          str("arrival_on"),
          str("departure_on"),
        ]
      : [
          str("application_id"),
          str("edition"),
          ...nameColumns,
          ...country(lng),
          str("gender"),
          ...place,
          languages,
          str("email"),
          str("phone"),
          str("visit_id"),
          str("visit"),
          str("host_site"),
          ["sessions_expected", (r) => r.expected as number],
          ["sessions_attended", (r) => r.attended as number],
          ["attendance_rate", (r) => rate(r.attended as number, r.expected as number)],
          ["completed", (r) => (r.completed ? "yes" : "no")],
        ],
  };
}

function placementsSpec(f: TrackingFilters, lng: string): Spec {
  const w = placementWhere(f);
  return {
    sql: `select pl.id as placement_id, pl.status, e.name as edition, v.id as visit_id, v.title as visit, hs.name as host_site, hs.country_code as host_country,
            v.arrival_on, v.departure_on, a.id as application_id, ${NAME_COLS}, a.nationality as country, a.gender, pl.reply_by, pl.offered_at,
            pl.responded_at, pl.override_reason
          from placements pl join applications a on a.id = pl.application_id join exchange_visits v on v.id = pl.visit_id
            join host_sites hs on hs.id = v.host_site_id join editions e on e.id = v.edition_id
          where ${w.sql} order by v.arrival_on, v.id, pl.id`,
    params: w.params,
    columns: [
      str("placement_id"),
      str("status"),
      str("edition"),
      str("visit_id"),
      str("visit"),
      str("host_site"),
      str("host_country"),
      str("arrival_on"),
      str("departure_on"),
      str("application_id"),
      ...nameColumns,
      ...country(lng),
      str("gender"),
      str("reply_by"),
      str("offered_at"),
      str("responded_at"),
      str("override_reason"),
    ],
  };
}

function attendanceSpec(f: TrackingFilters, lng: string): Spec {
  const c = trackingCtes(f);
  return {
    sql: `${c.sql} select 'training' as subject, ts.id as session_id, ts.title as session, ts.starts_at, ts.time_zone, ts.visit_id, null as date,
            a.id as application_id, ${NAME_COLS}, a.nationality as country, a.gender, xa.status, xa.method, xa.note, u.display_name as recorded_by, xa.recorded_at
          from xa join training_sessions ts on ts.id = xa.sid join applications a on a.id = xa.aid left join users u on u.id = xa.recorded_by
          union all
          select 'visit_day', null, null, null, hs.time_zone, vd.visit_id, vd.date, a.id, ${NAME_COLS}, a.nationality, a.gender, vd.status, vd.method, vd.note,
            u.display_name, vd.recorded_at
          from vd join applications a on a.id = vd.application_id join exchange_visits v on v.id = vd.visit_id join host_sites hs on hs.id = v.host_site_id
            left join users u on u.id = vd.recorded_by
          order by 1, 4, 2, 6, 7, 8`,
    params: c.params,
    columns: [
      str("subject"),
      str("session_id"),
      str("session"),
      ["starts_at", (r) => r.starts_at as string],
      str("time_zone"),
      str("visit_id"),
      ["date", (r) => (r.date as string) ?? localDate(r.starts_at, r.time_zone)],
      str("application_id"),
      ...nameColumns,
      ...country(lng),
      str("gender"),
      ["status", (r) => (r.status as string) ?? "not_recorded"],
      str("method"),
      str("note"),
      str("recorded_by"),
      str("recorded_at"),
    ],
  };
}

function sessionsSpec(f: TrackingFilters): Spec {
  return {
    rows: sessionStats(f) as unknown as Row[],
    columns: [
      ["session_id", (r) => r.id as number],
      str("edition_id"),
      str("title"),
      str("type"),
      str("status"),
      str("starts_at"),
      str("ends_at"),
      str("time_zone"),
      ["date", (r) => localDate(r.starts_at, r.time_zone)],
      str("visit_id"),
      str("expected"),
      str("present"),
      str("late"),
      str("absent"),
      str("excused"),
      ["not_recorded", (r) => r.unrecorded as number],
      ["attendance_rate", (r) => rate((r.present as number) + (r.late as number), r.expected as number)],
    ],
  };
}

/** Streams `spec` as a CSV file body (UTF-8 with BOM), reading rows in batches as the client takes them. */
export function csvStream(spec: Spec): ReadableStream<Uint8Array> {
  const file = db().$client.name;
  let reader: Database.Database | undefined;
  let rows: Iterator<Row> | undefined;
  const close = () => {
    rows?.return?.();
    rows = undefined;
    reader?.close();
    reader = undefined;
  };
  // csv-stringify's per-record stream costs more than the query; stringifying batches of rows
  // with its synchronous API keeps the same quoting rules at a fraction of the time.
  const options = { cast: { string: neutraliseCell }, record_delimiter: "windows" as const };
  let first = true;
  const source = new Readable({
    highWaterMark: 1 << 16,
    read() {
      try {
        if (!rows) {
          if ("rows" in spec) rows = spec.rows[Symbol.iterator]();
          else {
            reader = new Database(file, { readonly: true, fileMustExist: true });
            reader.pragma("busy_timeout = 5000");
            rows = (reader.prepare(spec.sql).iterate(spec.params) as IterableIterator<Row>)[Symbol.iterator]();
          }
        }
        const batch: unknown[][] = [];
        let done = false;
        while (batch.length < 1000) {
          const next = rows.next();
          if (next.done) {
            done = true;
            break;
          }
          batch.push(spec.columns.map(([, value]) => value(next.value) ?? ""));
        }
        const text = first ? stringify(batch, { ...options, bom: true, header: true, columns: spec.columns.map(([h]) => h) }) : stringify(batch, options);
        first = false;
        if (text) this.push(text);
        if (done) {
          close();
          this.push(null);
        }
      } catch (e) {
        close();
        this.destroy(e as Error);
      }
    },
    destroy(err, cb) {
      close();
      cb(err);
    },
  });
  return createReadableStreamFromReadable(source);
}

/** Organizer export of `kind` with the dashboard's filters. */
export function exportCsv(actor: Actor, kind: string, filters: TrackingFilters, lng = "en"): ReadableStream<Uint8Array> {
  requireOrganizer(actor);
  if (!(EXPORT_KINDS as readonly string[]).includes(kind)) throw new NotFoundError("export");
  const spec: Record<ExportKind, () => Spec> = {
    applications: () => applicationsSpec(filters, lng),
    participants: () => participantsSpec(filters, lng, false),
    placements: () => placementsSpec(filters, lng),
    sessions: () => sessionsSpec(filters),
    attendance: () => attendanceSpec(filters, lng),
  };
  return csvStream(spec[kind as ExportKind]());
}

/** A host's export of their visit: "participants" (host fields only) or "attendance" (the visit's days and trainings). */
export function exportVisitCsv(actor: Actor, visitId: number, kind: string, lng = "en"): ReadableStream<Uint8Array> {
  visitInScope(actor, visitId);
  const filters: TrackingFilters = { visit: visitId, visitSessionsOnly: true };
  if (kind === "participants") return csvStream(participantsSpec(filters, lng, true));
  if (kind === "attendance") return csvStream(attendanceSpec(filters, lng));
  throw new NotFoundError("export");
}

/** `vlx-<kind>[-edition-<id>]-<date>.csv`. */
export function exportFileName(kind: string, filters: TrackingFilters, now = new Date()): string {
  const parts = [
    "vlx",
    kind,
    filters.edition ? `edition-${filters.edition}` : "",
    filters.visit ? `visit-${filters.visit}` : "",
    filters.country ?? "",
    now.toISOString().slice(0, 10),
  ];
  return `${parts.filter(Boolean).join("-")}.csv`;
}

export const CSV_HEADERS = (fileName: string) => ({
  "Content-Type": "text/csv; charset=utf-8",
  "Content-Disposition": `attachment; filename="${fileName}"`,
  "Cache-Control": "no-store",
  "X-Content-Type-Options": "nosniff",
});
