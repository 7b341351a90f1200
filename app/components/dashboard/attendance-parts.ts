/**
 * The attendance a certificate counts, in words (issue 12, new user's item 1): "3 of 4 training
 * sessions and 5 of 5 exchange-visit days", each part with the language's plural form for its
 * total, and a part whose total is zero left out (no "0 of 0 training sessions" for an edition
 * without sessions for that person). Sessions and visit days are those the certificate rule counts
 * (models/tracking: sessionsExpected, daysExpected).
 */
import type { TFunction } from "i18next";

export type AttendanceCounts = { sessionsAttended: number; sessionsExpected: number; daysAttended: number; daysExpected: number };

/** The parts with a non-zero total, joined; null when nothing was expected of the person. */
export function attendanceParts(t: TFunction, c: AttendanceCounts): string | null {
  const sessions = c.sessionsExpected > 0 ? t("tracking.certificate.sessionsPart", { attended: c.sessionsAttended, count: c.sessionsExpected }) : null;
  const days = c.daysExpected > 0 ? t("tracking.certificate.daysPart", { attended: c.daysAttended, count: c.daysExpected }) : null;
  if (sessions && days) return t("tracking.certificate.partsBoth", { sessions, days });
  return sessions ?? days;
}

/** As attendanceParts, with "0 (nothing planned)" in place of null, for the not-yet notices. */
export function attendancePartsOrNone(t: TFunction, c: AttendanceCounts): string {
  return attendanceParts(t, c) ?? t("tracking.certificate.partsNone");
}
