/**
 * Who is expected at an attendance subject (a training, a visit day) and what is recorded for each
 * (issue 6): the rows behind the check-in lists and the writes of ./attendance-write.server.ts.
 * No scope check here: callers have checked the actor's scope first.
 */
import { db, t, type Db } from "../../db.server";
import { displayName, foldForSearch, latinName, sortKey } from "../../domain/names";
import type { AttendanceStatus } from "../../../db/schema/attendance";
import { collator as sharedCollator } from "../../domain/intl";

export type Training = typeof t.trainingSessions.$inferSelect;
export type Subject = { kind: "training"; trainingId: number } | { kind: "visit_day"; visitId: number; date: string };

const raw = (tx: Db = db()) => tx.$client;

type PersonRow = {
  id: number;
  given_name: string;
  family_name: string;
  given_name_latin: string;
  family_name_latin: string;
  name_order: "given_first" | "family_first";
  nationality: string | null;
  gender: string | null;
  status: AttendanceStatus | null;
  note: string | null;
  method: string | null;
  recorded_at: string | null;
  marked_at: string | null;
  recorded_by_name: string | null;
  record_id: number | null;
};

/** Who is expected at a subject: SQL returning application ids (`a` is applications). */
function expectedSql(subject: Subject, training?: Training): { where: string; params: unknown[] } {
  if (subject.kind === "visit_day") {
    return {
      where: "exists (select 1 from placements pl where pl.application_id = a.id and pl.status = 'accepted' and pl.visit_id = ?)",
      params: [subject.visitId],
    };
  }
  if (training!.audience === "edition") return { where: "a.edition_id = ?", params: [training!.editionId] };
  if (training!.audience === "visit") {
    return {
      where: "exists (select 1 from placements pl where pl.application_id = a.id and pl.status = 'accepted' and pl.visit_id = ?)",
      params: [training!.visitId ?? -1],
    };
  }
  return {
    where: "exists (select 1 from training_enrolments e where e.application_id = a.id and e.training_session_id = ? and e.status = 'enrolled')",
    params: [training!.id],
  };
}

function recordJoin(subject: Subject): { on: string; params: unknown[] } {
  return subject.kind === "training"
    ? { on: "r.training_session_id = ? and r.application_id = a.id", params: [subject.trainingId] }
    : { on: "r.visit_id = ? and r.date = ? and r.application_id = a.id", params: [subject.visitId, subject.date] };
}

/** The expected participants of a subject with their attendance, optionally searched by name (or only `onlyId`). */
export function listPeople(tx: Db, subject: Subject, training: Training | undefined, q = "", onlyId?: number) {
  const exp = expectedSql(subject, training);
  const join = recordJoin(subject);
  const words = foldForSearch(q).split(" ").filter(Boolean);
  const like = words.map(() => "a.search_name like ? escape '\\'").join(" and ");
  const rows = raw(tx)
    .prepare(
      `select a.id, a.given_name, a.family_name, a.given_name_latin, a.family_name_latin, a.name_order, a.nationality, a.gender,
         r.id as record_id, r.status, r.note, r.method, r.recorded_at, r.marked_at, u.display_name as recorded_by_name
       from applications a left join attendance_records r on ${join.on} left join users u on u.id = r.recorded_by
       where a.status = 'accepted' and ${exp.where}${like ? ` and ${like}` : ""}${onlyId ? " and a.id = ?" : ""}`,
    )
    .all(...join.params, ...exp.params, ...words.map((w) => `%${w.replace(/[\\%_]/g, (c) => `\\${c}`)}%`), ...(onlyId ? [onlyId] : [])) as PersonRow[];
  const people = rows.map((r) => {
    const n = {
      givenName: r.given_name,
      familyName: r.family_name,
      givenNameLatin: r.given_name_latin,
      familyNameLatin: r.family_name_latin,
      nameOrder: r.name_order,
    };
    return {
      applicationId: r.id,
      name: displayName(n),
      latin: latinName(n),
      sort: sortKey(n),
      country: r.nationality,
      gender: r.gender,
      status: r.status,
      note: r.note ?? "",
      method: r.method,
      recordedAt: r.recorded_at,
      /** Device time of the mark in effect (issue 14); rows older than it fall back to the receive time. */
      markedAt: r.marked_at ?? r.recorded_at,
      recordedBy: r.recorded_by_name,
      recordId: r.record_id,
    };
  });
  const collator = sharedCollator("en");
  return people.sort((a, b) => collator.compare(a.sort, b.sort) || a.applicationId - b.applicationId);
}
