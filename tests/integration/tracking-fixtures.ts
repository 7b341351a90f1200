/**
 * Records for the participation-tracking tests (issue 6): enrolments and attendance records
 * written directly, next to hosts-fixtures' editions, sites, visits, participants and placements
 * and the training sessions of makeTraining (tests/support/factories.ts).
 */
import { db, t } from "~/db.server";

export function enrol(trainingSessionId: number, applicationId: number, status: "enrolled" | "waitlisted" | "cancelled" = "enrolled") {
  db().insert(t.trainingEnrolments).values({ trainingSessionId, applicationId, status }).run();
}

export function attend(trainingSessionId: number, applicationId: number, status: "present" | "late" | "absent" | "excused") {
  db()
    .insert(t.attendanceRecords)
    .values({ subjectKind: "training", trainingSessionId, applicationId, status, method: "list", recordedAt: "2031-07-06T03:00:00.000Z" })
    .run();
}

export function attendDay(visitId: number, date: string, applicationId: number, status: "present" | "late" | "absent" | "excused") {
  db()
    .insert(t.attendanceRecords)
    .values({ subjectKind: "visit_day", visitId, date, applicationId, status, method: "list", recordedAt: `${date}T03:00:00.000Z` })
    .run();
}

/** Reads a streamed response body as text. */
export async function bodyText(res: Response): Promise<string> {
  return new TextDecoder().decode(new Uint8Array(await res.arrayBuffer()));
}
