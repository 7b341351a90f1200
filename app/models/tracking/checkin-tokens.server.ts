/**
 * Personal check-in tokens (issue 14 item 5): each accepted participant has a signed, revocable
 * QR token and a short code (domain/checkin-token.ts); the host's check-in list takes either and
 * marks the person present for that day or session. Tokens are created on first use (the
 * participant's itinerary or certificate page); an organizer revokes one (audited), which bumps
 * its serial and draws a new short code, so old QR codes and codes are refused.
 *
 * Refusals are RuleError with keys under `tracking.qr.errors.*` (400 at the route): malformed,
 * forged (bad signature), unknown (no such short code in the list's edition), revoked (an older
 * serial), expired (the edition is over), notOnList (not expected at this day or session).
 */
import crypto from "node:crypto";
import { sql } from "drizzle-orm";
import QRCode from "qrcode";
import { db, immediate, t, type Db } from "../../db.server";
import { formatShortCode, looksLikeToken, newShortCode, normalizeShortCode, signCheckInToken, verifyCheckInToken } from "../../domain/checkin-token";
import { todayIn } from "../../domain/dates";
import { getEnv } from "../../env.server";
import type { Actor } from "../actor";
import { recordAudit } from "../audit.server";
import { NotFoundError, RuleError } from "../errors";
import { listPeople, type Subject } from "./attendance-people.server";
import { recordAttendance, trainingForAttendance, visitForAttendance } from "./attendance.server";

let tokenKey: Buffer | undefined;
/** The token key, derived from the server secret (never the secret itself). */
function checkInTokenKey(): Buffer {
  return (tokenKey ??= crypto.createHmac("sha256", getEnv().sessionSecret).update("vlx/checkin-token/v1").digest());
}

type TokenRow = typeof t.checkInTokens.$inferSelect;

function tokenRow(tx: Db, applicationId: number): TokenRow | undefined {
  return tx
    .select()
    .from(t.checkInTokens)
    .where(sql`${t.checkInTokens.applicationId} = ${applicationId}`)
    .get();
}

/** Draws a short code not yet used in the edition (retrying the rare collision). */
function freshCode(tx: Db, editionId: number): string {
  for (;;) {
    const code = newShortCode();
    const taken = tx
      .select({ one: sql`1` })
      .from(t.checkInTokens)
      .where(sql`${t.checkInTokens.editionId} = ${editionId} and ${t.checkInTokens.code} = ${code}`)
      .get();
    if (!taken) return code;
  }
}

/** The token row of an application, created (serial 1) when it has none yet. */
function ensureRow(tx: Db, application: { id: number; editionId: number }, now: Date): TokenRow {
  const found = tokenRow(tx, application.id);
  if (found) return found;
  return tx
    .insert(t.checkInTokens)
    .values({
      applicationId: application.id,
      editionId: application.editionId,
      serial: 1,
      code: freshCode(tx, application.editionId),
      issuedAt: now.toISOString(),
    })
    .returning()
    .get();
}

/**
 * The check-in pass of one of the actor's own accepted applications (by application id, or the
 * one in `editionId`), or null when there is none:
 * `{ token, code (as shown, "ABCD-EFGH"), svg (the QR code of the token, an SVG string) }`.
 */
export async function myCheckInPass(actor: Pick<Actor, "id">, which: { applicationId: number } | { editionId: number }, now = new Date()) {
  const app = db()
    .select({ id: t.applications.id, editionId: t.applications.editionId })
    .from(t.applications)
    .where(
      "applicationId" in which
        ? sql`${t.applications.userId} = ${actor.id} and ${t.applications.id} = ${which.applicationId} and ${t.applications.status} = 'accepted'`
        : sql`${t.applications.userId} = ${actor.id} and ${t.applications.editionId} = ${which.editionId} and ${t.applications.status} = 'accepted'`,
    )
    .get();
  if (!app) return null;
  const row = tokenRow(db(), app.id) ?? immediate(db(), (tx) => ensureRow(tx, app, now));
  const token = signCheckInToken(checkInTokenKey(), row.applicationId, row.serial);
  return { token, code: formatShortCode(row.code), svg: await qrSvg(token) };
}

// A token's QR drawing depends on the token alone, and drawing it was a third of the itinerary
// page's server time (issue 13): kept per token, at most QR_CACHE_MAX (cleared when full, like
// app/domain/intl.ts). A revoked token is never asked again: its successor has a new serial.
const QR_CACHE_MAX = 1000;
const qrDrawings = new Map<string, Promise<string>>();

/** The QR code of `token` as an SVG string (error correction M, 2-module margin), drawn once per token. */
function qrSvg(token: string): Promise<string> {
  let svg = qrDrawings.get(token);
  if (!svg) {
    if (qrDrawings.size >= QR_CACHE_MAX) qrDrawings.clear();
    svg = QRCode.toString(token, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
    // A failed drawing is not kept, so the next view tries again.
    svg.catch(() => qrDrawings.delete(token));
    qrDrawings.set(token, svg);
  }
  return svg;
}

/** The short code of an application's current token (as shown), or null when none was issued yet; no scope check. */
export function participantCheckInCode(applicationId: number): string | null {
  const row = tokenRow(db(), applicationId);
  return row ? formatShortCode(row.code) : null;
}

/** The application's id and edition, inside `tx`; NotFoundError when there is none. */
function applicationOf(tx: Db, applicationId: number) {
  const app = tx
    .select({ id: t.applications.id, editionId: t.applications.editionId })
    .from(t.applications)
    .where(sql`${t.applications.id} = ${applicationId}`)
    .get();
  if (!app) throw new NotFoundError("application");
  return app;
}

/** The current signed token of an application (tests, and the admin page), creating it if needed. */
export function checkInTokenFor(applicationId: number, now = new Date()) {
  return immediate(db(), (tx) => {
    const app = applicationOf(tx, applicationId);
    const row = ensureRow(tx, app, now);
    return { token: signCheckInToken(checkInTokenKey(), row.applicationId, row.serial), code: formatShortCode(row.code), serial: row.serial };
  });
}

/**
 * Revokes an application's check-in token and issues a new one (organizers only, else
 * NotFoundError): the serial goes up by one and a new short code is drawn; audited as
 * `revoke` on the application (details.checkInToken).
 */
export function revokeCheckInToken(actor: Actor, applicationId: number, now = new Date()) {
  if (!actor.isOrganizer) throw new NotFoundError("application");
  return immediate(db(), (tx) => {
    const app = applicationOf(tx, applicationId);
    const row = ensureRow(tx, app, now);
    const code = freshCode(tx, app.editionId);
    tx.update(t.checkInTokens)
      .set({ serial: row.serial + 1, code, previousCode: row.code, issuedAt: now.toISOString() })
      .where(sql`${t.checkInTokens.applicationId} = ${app.id}`)
      .run();
    recordAudit(actor, { entityType: "application", entityId: app.id, action: "revoke", details: { checkInToken: true, serial: row.serial + 1 } }, tx);
    return { serial: row.serial + 1, code: formatShortCode(code) };
  });
}

/** The edition of a subject and the local day of the subject's zone (for "edition over"). */
function subjectEdition(actor: Actor, subject: Subject, now: Date) {
  if (subject.kind === "training") {
    const { training } = trainingForAttendance(actor, subject.trainingId);
    return { editionId: training.editionId, today: todayIn(training.timeZone, now) };
  }
  const { visit, site } = visitForAttendance(actor, subject.visitId);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(subject.date) || subject.date < visit.arrivalOn || subject.date > visit.departureOn) throw new NotFoundError("visit day");
  return { editionId: visit.editionId, today: todayIn(site.timeZone, now) };
}

/**
 * Which participant a scanned token or typed short code names, for a check-in list the actor
 * keeps (NotFoundError out of scope, checked first). Returns the application id; RuleError
 * `tracking.qr.errors.*` otherwise (see the file header).
 */
export function resolveCheckIn(actor: Actor, subject: Subject, input: string, now = new Date()): number {
  const { editionId, today } = subjectEdition(actor, subject, now);
  const tx = db();
  let row: TokenRow | undefined;
  if (looksLikeToken(input)) {
    const v = verifyCheckInToken(checkInTokenKey(), input);
    if (!v) throw new RuleError("tracking.qr.errors.forged");
    row = tokenRow(tx, v.applicationId);
    if (!row || row.editionId !== editionId) throw new RuleError("tracking.qr.errors.notOnList");
    if (row.serial !== v.serial) throw new RuleError("tracking.qr.errors.revoked");
  } else {
    const code = normalizeShortCode(input);
    if (!code) throw new RuleError("tracking.qr.errors.malformed");
    row = tx
      .select()
      .from(t.checkInTokens)
      .where(sql`${t.checkInTokens.editionId} = ${editionId} and ${t.checkInTokens.code} = ${code}`)
      .get();
    if (!row) {
      const old = tx
        .select({ one: sql`1` })
        .from(t.checkInTokens)
        .where(sql`${t.checkInTokens.editionId} = ${editionId} and ${t.checkInTokens.previousCode} = ${code}`)
        .get();
      throw new RuleError(old ? "tracking.qr.errors.revoked" : "tracking.qr.errors.unknown");
    }
  }
  const edition = tx
    .select({ endsOn: t.editions.endsOn })
    .from(t.editions)
    .where(sql`${t.editions.id} = ${editionId}`)
    .get();
  if (edition && today > edition.endsOn) throw new RuleError("tracking.qr.errors.expired");
  const training = subject.kind === "training" ? trainingForAttendance(actor, subject.trainingId).training : undefined;
  if (!listPeople(tx, subject, training, "", row.applicationId).length) throw new RuleError("tracking.qr.errors.notOnList");
  return row.applicationId;
}

/**
 * Marks the participant named by a token or short code present at the subject. A person already
 * marked present or late keeps that mark (nothing written); a queued scan sent twice (same
 * `clientId`) writes nothing the second time. Errors as resolveCheckIn and recordAttendance.
 * Returns `{ applicationId, name, already, replay }`.
 */
export function checkInByCode(actor: Actor, subject: Subject, input: { code: string; clientId?: string; markedAt?: string }, now = new Date()) {
  const applicationId = resolveCheckIn(actor, subject, input.code, now);
  const training = subject.kind === "training" ? trainingForAttendance(actor, subject.trainingId).training : undefined;
  const person = listPeople(db(), subject, training, "", applicationId)[0]!;
  if (person.status === "present" || person.status === "late") return { applicationId, name: person.name, already: true, replay: false };
  const r = recordAttendance(actor, subject, { applicationId, status: "present", clientId: input.clientId, markedAt: input.markedAt }, now);
  return { applicationId, name: person.name, already: false, replay: "replay" in r && !!r.replay };
}
