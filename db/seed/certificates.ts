/**
 * Demo certificates (issue 15, item 4) of the past online edition: issued a week after it ended
 * to every participant who completed it (attended ≥ 80 % of their sessions), numbered in order.
 * The first one was revoked (name misspelt) and issued again, so the verification page has a
 * revoked code to show. Codes are random, as real ones are: read them on the certificate pages.
 * The two participants below the line (seed/attendance.ts) get none.
 */
import { randomBytes } from "node:crypto";
import { certificateCode, certificateNumber } from "../../app/domain/certificate-code";
import { addDays } from "../../app/domain/dates";
import { trackingCtes } from "../../app/models/tracking/sql.server";
import type { Db } from "../client";
import type { SeededEdition } from "./editions";

export function seedCertificates(tx: Db, online: SeededEdition, organizerId: number, now: Date) {
  const raw = tx.$client;
  const ordinal = (raw.prepare("select ordinal from editions where id = ?").get(online.id) as { ordinal: number }).ordinal;
  const c = trackingCtes({ edition: online.id, threshold: 80 }, now);
  const done = (raw.prepare(`${c.sql} select id from pp where completed order by id`).all(c.params) as { id: number }[]).map((r) => r.id);
  const issuedOn = addDays(online.endsOn, 7);
  const insert = raw.prepare(
    "insert into certificates (application_id, edition_id, seq, number, code, issued_on, issued_at, issued_by) values (?, ?, ?, ?, ?, ?, ?, ?)",
  );
  const audit = raw.prepare(
    "insert into audit_events (at, actor_user_id, entity_type, entity_id, action, from_state, to_state, reason, details) values (?, ?, 'certificate', ?, ?, ?, ?, ?, ?)",
  );
  let seq = 0;
  const issue = (applicationId: number, day: string) => {
    seq += 1;
    const number = certificateNumber(ordinal, seq);
    const at = `${day}T02:00:00.000Z`;
    const id = Number(insert.run(applicationId, online.id, seq, number, certificateCode(randomBytes(16)), day, at, organizerId).lastInsertRowid);
    audit.run(at, organizerId, id, "issue", null, "valid", null, JSON.stringify({ applicationId, number }));
    return id;
  };
  for (const id of done) issue(id, issuedOn);
  if (done.length) {
    const first = raw.prepare("select id, number from certificates where application_id = ?").get(done[0]) as { id: number; number: string };
    const reason = "Name misspelt on the certificate; a corrected one was issued.";
    const at = `${addDays(issuedOn, 2)}T03:00:00.000Z`;
    raw.prepare("update certificates set revoked_at = ?, revoked_by = ?, revoke_reason = ? where id = ?").run(at, organizerId, reason, first.id);
    audit.run(at, organizerId, first.id, "revoke", "valid", "revoked", reason, JSON.stringify({ number: first.number }));
    issue(done[0], addDays(issuedOn, 2));
  }
  return { issued: seq };
}
