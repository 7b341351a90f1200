/**
 * Verifiable certificates (issue 15, item 4): an organizer issues a participant's certificate of
 * participation once they completed the edition (tracking-sql `pp.completed` at the chosen
 * threshold); issuing gives it a running number within the edition, an unguessable verification
 * code and the issue date (the edition's zone, stored, never "today" at render time). Anyone can
 * check a code at /verify/:code, which shows holder, edition, issue date and status, nothing
 * more. An organizer can revoke it with a written reason; a new one may be issued afterwards.
 * Issuing and revoking are audit events (entity "certificate").
 */
import QRCode from "qrcode";
import { db, immediate } from "../../db.server";
import { getEnv } from "../../env.server";
import { certificateNumber, normalizeCode } from "../../domain/certificate-code";
import { todayIn } from "../../domain/dates";
import { pickField } from "../../domain/local-text";
import { displayName, latinName } from "../../domain/names";
import type { Translations } from "../../domain/local-text";
import type { Actor } from "../actor";
import { requireOrganizer } from "../actor";
import { recordAudit } from "../audit.server";
import { nextDocumentSerial } from "../document-serial.server";
import { FieldErrors, NotFoundError, RuleError } from "../errors";
import { DEFAULT_THRESHOLD, trackingCtes } from "./sql.server";

export type IssuedCertificate = {
  id: number;
  applicationId: number;
  editionId: number;
  number: string;
  code: string;
  issuedOn: string;
  issuedAt: string;
  revokedAt: string | null;
  revokeReason: string | null;
};

const CERT_SQL = `select id, application_id as applicationId, edition_id as editionId, number, code, issued_on as issuedOn,
  issued_at as issuedAt, revoked_at as revokedAt, revoke_reason as revokeReason from certificates`;

/** The application's valid certificate, else its latest revoked one, else null. Scope is the caller's job. */
export function certificateOfApplication(applicationId: number): IssuedCertificate | null {
  return (
    (db().$client.prepare(`${CERT_SQL} where application_id = ? order by (revoked_at is null) desc, id desc limit 1`).get(applicationId) as
      IssuedCertificate | undefined) ?? null
  );
}

function completedIds(editionId: number, threshold: number, now: Date, applicationId?: number): Set<number> {
  const c = trackingCtes({ edition: editionId, threshold }, now);
  const rows = db()
    .$client.prepare(`${c.sql} select id from pp where completed${applicationId !== undefined ? " and id = @app" : ""}`)
    .all({ ...c.params, ...(applicationId !== undefined ? { app: applicationId } : {}) }) as { id: number }[];
  return new Set(rows.map((r) => r.id));
}

/** Writes one certificate inside the caller's immediate transaction. */
function insertCertificate(actor: Actor, app: { id: number; editionId: number }, edition: { ordinal: number; timeZone: string }, now: Date): IssuedCertificate {
  const raw = db().$client;
  const { seq, number, code } = nextDocumentSerial("certificates", app.editionId, (n) => certificateNumber(edition.ordinal, n));
  const issuedOn = todayIn(edition.timeZone, now);
  const id = Number(
    raw
      .prepare("insert into certificates (application_id, edition_id, seq, number, code, issued_on, issued_at, issued_by) values (?, ?, ?, ?, ?, ?, ?, ?)")
      .run(app.id, app.editionId, seq, number, code, issuedOn, now.toISOString(), actor.id).lastInsertRowid,
  );
  recordAudit(actor, { entityType: "certificate", entityId: id, action: "issue", toState: "valid", details: { applicationId: app.id, number } });
  return certificateOfApplication(app.id)!;
}

type AppRef = { id: number; editionId: number; status: string; ordinal: number; timeZone: string };
const appRef = (applicationId: number) =>
  db()
    .$client.prepare(
      `select a.id, a.edition_id as editionId, a.status, e.ordinal, e.time_zone as timeZone
       from applications a join editions e on e.id = a.edition_id where a.id = ?`,
    )
    .get(applicationId) as AppRef | undefined;

/**
 * Organizer: issues the certificate of an accepted application that completed the edition at
 * `threshold` %. Issuing again while one is valid returns that one (a repeated submit does not
 * make a second). NotFoundError for non-organizers and unknown or non-accepted applications;
 * RuleError "secretariat.certificates.errors.notCompleted" below the threshold.
 */
export function issueCertificate(actor: Actor, applicationId: number, threshold = DEFAULT_THRESHOLD, now = new Date()): IssuedCertificate {
  requireOrganizer(actor);
  const app = Number.isInteger(applicationId) ? appRef(applicationId) : undefined;
  if (!app || app.status !== "accepted") throw new NotFoundError("certificate");
  return immediate(db(), () => {
    const existing = certificateOfApplication(app.id);
    if (existing && !existing.revokedAt) return existing;
    if (!completedIds(app.editionId, threshold, now, app.id).has(app.id)) throw new RuleError("secretariat.certificates.errors.notCompleted", { threshold });
    return insertCertificate(actor, app, app, now);
  });
}

/**
 * Organizer: issues the certificates of every participant of the edition who completed it at
 * `threshold` % and holds no valid one yet, in one transaction. Returns how many were issued and
 * how many already held one.
 */
export function issueCertificatesForEdition(actor: Actor, editionId: number, threshold = DEFAULT_THRESHOLD, now = new Date()) {
  requireOrganizer(actor);
  const edition = Number.isInteger(editionId)
    ? (db().$client.prepare("select id, ordinal, time_zone as timeZone from editions where id = ?").get(editionId) as
        { id: number; ordinal: number; timeZone: string } | undefined)
    : undefined;
  if (!edition) throw new NotFoundError("edition");
  return immediate(db(), () => {
    let issued = 0;
    let already = 0;
    for (const id of [...completedIds(edition.id, threshold, now)].sort((a, b) => a - b)) {
      const existing = certificateOfApplication(id);
      if (existing && !existing.revokedAt) {
        already += 1;
        continue;
      }
      insertCertificate(actor, { id, editionId: edition.id }, edition, now);
      issued += 1;
    }
    return { issued, already };
  });
}

/**
 * Organizer: revokes a valid certificate with a reason (required, up to 500 characters; audited).
 * FieldErrors on a blank reason; RuleError when it is already revoked; NotFoundError otherwise.
 */
export function revokeCertificate(actor: Actor, certificateId: number, reason: string, now = new Date()): IssuedCertificate {
  requireOrganizer(actor);
  const why = reason.normalize("NFC").trim();
  if (!why) throw FieldErrors.one("reason", "secretariat.certificates.errors.reasonRequired");
  return immediate(db(), () => {
    const cert = Number.isInteger(certificateId)
      ? (db().$client.prepare(`${CERT_SQL} where id = ?`).get(certificateId) as IssuedCertificate | undefined)
      : undefined;
    if (!cert) throw new NotFoundError("certificate");
    if (cert.revokedAt) throw new RuleError("secretariat.certificates.errors.alreadyRevoked");
    db()
      .$client.prepare("update certificates set revoked_at = ?, revoked_by = ?, revoke_reason = ? where id = ?")
      .run(now.toISOString(), actor.id, why, cert.id);
    recordAudit(actor, {
      entityType: "certificate",
      entityId: cert.id,
      action: "revoke",
      fromState: "valid",
      toState: "revoked",
      reason: why,
      details: { number: cert.number },
    });
    return { ...cert, revokedAt: now.toISOString(), revokeReason: why };
  });
}

export type Verification = { name: string; latin: string; edition: string; editionLang: string; issuedOn: string; status: "valid" | "revoked" };

/**
 * Public: what a verification code proves (holder, edition in `lng`, issue date, status) and
 * nothing more (no number, no reason, no contact data). NotFoundError for a malformed or unknown code.
 */
export function verifyCertificate(rawCode: string, lng: string): Verification {
  const code = normalizeCode(rawCode);
  const row = code
    ? (db()
        .$client.prepare(
          `select c.issued_on, c.revoked_at, a.given_name, a.family_name, a.given_name_latin, a.family_name_latin, a.name_order,
             e.name as edition_name, e.translations as edition_translations
           from certificates c join applications a on a.id = c.application_id join editions e on e.id = c.edition_id where c.code = ?`,
        )
        .get(code) as
        | {
            issued_on: string;
            revoked_at: string | null;
            given_name: string;
            family_name: string;
            given_name_latin: string;
            family_name_latin: string;
            name_order: "given_first" | "family_first";
            edition_name: string;
            edition_translations: string;
          }
        | undefined)
    : undefined;
  if (!row) throw new NotFoundError("certificate");
  const n = {
    givenName: row.given_name,
    familyName: row.family_name,
    givenNameLatin: row.given_name_latin,
    familyNameLatin: row.family_name_latin,
    nameOrder: row.name_order,
  };
  let tr: Translations<"name"> = {};
  try {
    tr = JSON.parse(row.edition_translations) ?? {};
  } catch {
    tr = {};
  }
  const edition = pickField(row.edition_name, tr, "name", lng);
  return {
    name: displayName(n),
    latin: latinName(n),
    edition: edition.text,
    editionLang: edition.lang,
    issuedOn: row.issued_on,
    status: row.revoked_at ? "revoked" : "valid",
  };
}

/**
 * The public verification address of `code` and a QR code pointing to it, as an SVG data URI
 * (helmet's CSP allows `data:` images) to print on the certificate.
 */
export async function verificationLink(code: string): Promise<{ url: string; qr: string }> {
  const url = `${getEnv().appUrl}/verify/${code}`;
  const svg = await QRCode.toString(url, { type: "svg", errorCorrectionLevel: "M", margin: 1 });
  return { url, qr: `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}` };
}
