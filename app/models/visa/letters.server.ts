/**
 * Visa invitation letters (issue 15, item 3): issuing, bulk generation, revocation and reissue.
 *
 * A letter is for an accepted application and one host country: the country of the sites of the
 * participant's accepted placements (a multi-country stay gets one letter per country). Issuing
 * needs the participant's passport details (app/models/visa/passports.server.ts) and at least one
 * accepted placement in that country; it gives a running number within the edition
 * ("VLX-10-V0007"), an unguessable verification code, the issue date in the edition's zone, and
 * fixes the visit dates and places as they stand (stored; a change means revoking and reissuing).
 * The issuing organizer signs it. Only organizers see letters; anyone else gets NotFoundError (404).
 * Issuing and revoking are audit events (entity "visa_letter").
 */
import type { VisaLetterPlace } from "../../../db/schema/visa";
import { db, immediate } from "../../db.server";
import { todayIn } from "../../domain/dates";
import { displayName, latinName } from "../../domain/names";
import { visaLetterNumber } from "../../domain/visa-letter";
import type { Actor } from "../actor";
import { requireOrganizer } from "../actor";
import { recordAudit } from "../audit.server";
import { nextDocumentSerial } from "../document-serial.server";
import { FieldErrors, NotFoundError, RuleError } from "../errors";
import { passportOf } from "./passports.server";

export type VisaLetter = {
  id: number;
  applicationId: number;
  editionId: number;
  hostCountry: string;
  number: string;
  code: string;
  issuedOn: string;
  issuedAt: string;
  issuedBy: number | null;
  arrivalOn: string;
  departureOn: string;
  places: VisaLetterPlace[];
  revokedAt: string | null;
  revokeReason: string | null;
};

const LETTER_SQL = `select id, application_id as applicationId, edition_id as editionId, host_country as hostCountry, number, code,
  issued_on as issuedOn, issued_at as issuedAt, issued_by as issuedBy, arrival_on as arrivalOn, departure_on as departureOn, places,
  revoked_at as revokedAt, revoke_reason as revokeReason from visa_letters`;

type LetterRow = Omit<VisaLetter, "places"> & { places: string };
const parse = (r: LetterRow | undefined): VisaLetter | null => (r ? { ...r, places: JSON.parse(r.places) as VisaLetterPlace[] } : null);

/** A letter by id, or null. Scope is the caller's job. */
export function letterById(id: number): VisaLetter | null {
  return Number.isInteger(id) ? parse(db().$client.prepare(`${LETTER_SQL} where id = ?`).get(id) as LetterRow | undefined) : null;
}

/** The valid letter of an application for a host country, else null. Scope is the caller's job. */
export function validLetterOf(applicationId: number, hostCountry: string): VisaLetter | null {
  return parse(
    db().$client.prepare(`${LETTER_SQL} where application_id = ? and host_country = ? and revoked_at is null`).get(applicationId, hostCountry) as
      LetterRow | undefined,
  );
}

/** The accepted placements of an application, as letter places per host country, by arrival. */
export function placesByCountry(applicationId: number): Map<string, VisaLetterPlace[]> {
  const rows = db()
    .$client.prepare(
      `select v.id as visitId, hs.name as siteName, hs.name_latin as siteNameLatin, hs.province, hs.district, hs.country_code as country,
              v.arrival_on as arrivalOn, v.departure_on as departureOn
       from placements pl join exchange_visits v on v.id = pl.visit_id join host_sites hs on hs.id = v.host_site_id
       where pl.application_id = ? and pl.status = 'accepted' order by v.arrival_on, v.id`,
    )
    .all(applicationId) as (VisaLetterPlace & { country: string })[];
  const out = new Map<string, VisaLetterPlace[]>();
  for (const { country, ...p } of rows) out.set(country, [...(out.get(country) ?? []), p]);
  return out;
}

type AppRef = { id: number; editionId: number; status: string; ordinal: number; timeZone: string };
const appRef = (applicationId: number) =>
  Number.isInteger(applicationId)
    ? (db()
        .$client.prepare(
          `select a.id, a.edition_id as editionId, a.status, e.ordinal, e.time_zone as timeZone
           from applications a join editions e on e.id = a.edition_id where a.id = ?`,
        )
        .get(applicationId) as AppRef | undefined)
    : undefined;

/** Why a letter cannot be issued: the refusal keys of bulk rows and RuleErrors (visa.refusals.*). */
export type Refusal = "noPassport" | "noPlacement";

/** Writes one letter inside the caller's immediate transaction, or says why it cannot. */
function insertLetter(actor: Actor, app: AppRef, hostCountry: string, now: Date): VisaLetter | Refusal {
  if (!passportOf(app.id)) return "noPassport";
  const places = placesByCountry(app.id).get(hostCountry);
  if (!places?.length) return "noPlacement";
  const raw = db().$client;
  const { seq, number, code } = nextDocumentSerial("visa_letters", app.editionId, (n) => visaLetterNumber(app.ordinal, n));
  const arrivalOn = places.map((p) => p.arrivalOn).sort()[0];
  const departureOn = places
    .map((p) => p.departureOn)
    .sort()
    .at(-1)!;
  const id = Number(
    raw
      .prepare(
        `insert into visa_letters (application_id, edition_id, host_country, seq, number, code, issued_on, issued_at, issued_by, arrival_on, departure_on, places)
         values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        app.id,
        app.editionId,
        hostCountry,
        seq,
        number,
        code,
        todayIn(app.timeZone, now),
        now.toISOString(),
        actor.id,
        arrivalOn,
        departureOn,
        JSON.stringify(places),
      ).lastInsertRowid,
  );
  recordAudit(actor, { entityType: "visa_letter", entityId: id, action: "issue", toState: "valid", details: { applicationId: app.id, number, hostCountry } });
  return letterById(id)!;
}

/**
 * Organizer: issues the letter of an accepted application for `hostCountry`. Issuing again while
 * one is valid returns that one (a repeated submit makes no second). NotFoundError for
 * non-organizers and unknown or non-accepted applications; RuleError `visa.refusals.noPassport`
 * or `visa.refusals.noPlacement` when it cannot be issued.
 */
export function issueLetter(actor: Actor, applicationId: number, hostCountry: string, now = new Date()): VisaLetter {
  requireOrganizer(actor);
  const app = appRef(applicationId);
  if (!app || app.status !== "accepted") throw new NotFoundError("visa letter");
  return immediate(db(), () => {
    const existing = validLetterOf(app.id, hostCountry);
    if (existing) return existing;
    const out = insertLetter(actor, app, hostCountry, now);
    if (typeof out === "string") throw new RuleError(`visa.refusals.${out}`);
    return out;
  });
}

export type BulkRow = {
  applicationId: number;
  name: string;
  latin: string;
  hostCountry: string | null;
  outcome: "issued" | "already" | Refusal;
  number: string | null;
  letterId: number | null;
};

type EditionRef = { id: number; ordinal: number; timeZone: string; name: string };
export function editionRef(editionId: number): EditionRef {
  const e = Number.isInteger(editionId)
    ? (db().$client.prepare("select id, ordinal, time_zone as timeZone, name from editions where id = ?").get(editionId) as EditionRef | undefined)
    : undefined;
  if (!e) throw new NotFoundError("edition");
  return e;
}

export type Person = {
  id: number;
  given_name: string;
  family_name: string;
  given_name_latin: string;
  family_name_latin: string;
  name_order: "given_first" | "family_first";
  nationality: string | null;
};
export const nameOf = (p: Person) => {
  const n = {
    givenName: p.given_name,
    familyName: p.family_name,
    givenNameLatin: p.given_name_latin,
    familyNameLatin: p.family_name_latin,
    nameOrder: p.name_order,
  };
  return { name: displayName(n), latin: latinName(n) };
};
export function acceptedOf(editionId: number): Person[] {
  return db()
    .$client.prepare(
      `select id, given_name, family_name, given_name_latin, family_name_latin, name_order, nationality from applications
       where edition_id = ? and status = 'accepted' order by coalesce(nullif(family_name_latin, ''), family_name), given_name_latin, given_name, id`,
    )
    .all(editionId) as Person[];
}

/**
 * Organizer: issues every missing letter of an edition in one transaction: for each accepted
 * participant and each country of their accepted placements, unless a valid letter exists.
 * Returns one row per participant and country saying what happened (issued, already held) or why
 * it was refused (no passport data). Participants without an accepted placement are no
 * candidates for a letter and get no row (a repeated submit would otherwise bury its result).
 */
export function issueMissingLetters(actor: Actor, editionId: number, now = new Date()): BulkRow[] {
  requireOrganizer(actor);
  const edition = editionRef(editionId);
  return immediate(db(), () => {
    const rows: BulkRow[] = [];
    for (const p of acceptedOf(edition.id)) {
      const who = { applicationId: p.id, ...nameOf(p) };
      const countries = [...placesByCountry(p.id).keys()];
      for (const c of countries) {
        const existing = validLetterOf(p.id, c);
        if (existing) {
          rows.push({ ...who, hostCountry: c, outcome: "already", number: existing.number, letterId: existing.id });
          continue;
        }
        const out = insertLetter(actor, { id: p.id, editionId: edition.id, status: "accepted", ordinal: edition.ordinal, timeZone: edition.timeZone }, c, now);
        rows.push(
          typeof out === "string"
            ? { ...who, hostCountry: c, outcome: out, number: null, letterId: null }
            : { ...who, hostCountry: c, outcome: "issued", number: out.number, letterId: out.id },
        );
      }
    }
    return rows;
  });
}

/** The counts of a bulk result: letters issued now, letters already held, letters refused. */
export function bulkSummary(rows: BulkRow[]): { issued: number; already: number; refused: number } {
  const n = (f: (r: BulkRow) => boolean) => rows.filter(f).length;
  return {
    issued: n((r) => r.outcome === "issued"),
    already: n((r) => r.outcome === "already"),
    refused: n((r) => r.outcome !== "issued" && r.outcome !== "already"),
  };
}

/** Organizer: a letter by id; NotFoundError for anyone else or an unknown id. */
export function getLetter(actor: Actor, letterId: number): VisaLetter {
  requireOrganizer(actor);
  const l = letterById(letterId);
  if (!l) throw new NotFoundError("visa letter");
  return l;
}

/**
 * Organizer: revokes a valid letter with a reason (required, up to 500 characters; audited).
 * FieldErrors on a blank reason; RuleError when already revoked; NotFoundError otherwise.
 */
export function revokeLetter(actor: Actor, letterId: number, reason: string, now = new Date()): VisaLetter {
  requireOrganizer(actor);
  const why = reason.normalize("NFC").trim();
  if (!why) throw FieldErrors.one("reason", "visa.errors.reasonRequired");
  return immediate(db(), () => {
    const l = letterById(letterId);
    if (!l) throw new NotFoundError("visa letter");
    if (l.revokedAt) throw new RuleError("visa.errors.alreadyRevoked");
    db().$client.prepare("update visa_letters set revoked_at = ?, revoked_by = ?, revoke_reason = ? where id = ?").run(now.toISOString(), actor.id, why, l.id);
    recordAudit(actor, {
      entityType: "visa_letter",
      entityId: l.id,
      action: "revoke",
      fromState: "valid",
      toState: "revoked",
      reason: why,
      details: { number: l.number },
    });
    return letterById(l.id)!;
  });
}

/**
 * Organizer: issues a new letter in place of a revoked one (same participant and country, new
 * number, code, issue date and the places as they stand now). A revoked letter whose
 * replacement exists already returns that replacement. RuleError `visa.errors.notRevoked` for a
 * valid letter; the refusals of issueLetter otherwise.
 */
export function reissueLetter(actor: Actor, letterId: number, now = new Date()): VisaLetter {
  const old = getLetter(actor, letterId);
  if (!old.revokedAt) throw new RuleError("visa.errors.notRevoked");
  return issueLetter(actor, old.applicationId, old.hostCountry, now);
}
