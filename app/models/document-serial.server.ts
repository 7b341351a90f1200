/**
 * The printed number and the verification code of an issued document: certificates
 * (app/models/tracking/certificate-issue.server.ts) and visa letters (app/models/visa/letters.server.ts).
 * Both number their documents with a running number per edition (the `seq` column, one more than
 * the edition's highest, revoked ones included, so a number is never given twice) and give each an
 * unguessable code (app/domain/certificate-code.ts) that /verify/:code looks up.
 */
import { randomBytes } from "node:crypto";
import { db } from "../db.server";
import { certificateCode, CODE_LENGTH } from "../domain/certificate-code";

/** The tables of issued documents: each has `edition_id`, `seq`, `number` and `code` columns. */
export type DocumentTable = "certificates" | "visa_letters";

/**
 * The next running number `seq` of `table` within edition `editionId`, its printed form
 * (`format(seq)`, e.g. certificateNumber or visaLetterNumber bound to the edition's ordinal) and a
 * fresh verification code from node:crypto. Call it inside the immediate transaction that inserts
 * the document, so two issues at once cannot take the same number.
 */
export function nextDocumentSerial(table: DocumentTable, editionId: number, format: (seq: number) => string): { seq: number; number: string; code: string } {
  const max = db().$client.prepare(`select max(seq) as m from ${table} where edition_id = ?`).get(editionId) as { m: number | null };
  const seq = (max.m ?? 0) + 1;
  return { seq, number: format(seq), code: certificateCode(randomBytes(CODE_LENGTH)) };
}
