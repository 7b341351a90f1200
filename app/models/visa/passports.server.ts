/**
 * Passport details for visa letters (issue 15, item 3; docs/design.md "Sensitive data"). Only the
 * participant enters them, on their own application, after ticking the consent box (the time of
 * consent is recorded, kept across later edits); only the participant and organizers read them
 * (never focal points, never hosts: their queries do not touch application_passports). Saving and
 * erasing are audited without the values. Erasure also revokes the person's valid letters, which
 * would otherwise state a passport the programme no longer holds.
 */
import { db, immediate } from "../../db.server";
import { countryName } from "../../domain/countries";
import { formatDate } from "../../domain/dates";
import type { PassportInput } from "../../forms/passport";
import type { Actor } from "../actor";
import { requireOrganizer } from "../actor";
import { recordAudit } from "../audit.server";
import { NotFoundError } from "../errors";

export type Passport = {
  applicationId: number;
  passportName: string;
  passportNumber: string;
  expiresOn: string | null;
  issuingCountry: string | null;
  consentAt: string;
  updatedAt: string;
};

const PASSPORT_SQL = `select application_id as applicationId, passport_name as passportName, passport_number as passportNumber,
  expires_on as expiresOn, issuing_country as issuingCountry, consent_at as consentAt, updated_at as updatedAt from application_passports`;

/** The stored passport of an application, or null. Scope is the caller's job. */
export function passportOf(applicationId: number): Passport | null {
  return (db().$client.prepare(`${PASSPORT_SQL} where application_id = ?`).get(applicationId) as Passport | undefined) ?? null;
}

/** Statuses in which a participant may still give passport data (not after withdrawal or rejection). */
const OPEN = ["draft", "submitted", "endorsed", "accepted", "waitlisted"];

type OwnApp = { id: number; editionId: number; status: string; editionName: string };

/** The actor's own application; NotFoundError for anyone else's, an unknown id, or a closed one. */
function ownApplication(actor: Actor, applicationId: number): OwnApp {
  const app = Number.isInteger(applicationId)
    ? (db()
        .$client.prepare(
          `select a.id, a.edition_id as editionId, a.status, e.name as editionName
           from applications a join editions e on e.id = a.edition_id where a.id = ? and a.user_id = ?`,
        )
        .get(applicationId, actor.id) as OwnApp | undefined)
    : undefined;
  if (!app || !OPEN.includes(app.status)) throw new NotFoundError("application");
  return app;
}

/** The participant's passport page: their application and the passport held, if any. */
export function getOwnPassport(actor: Actor, applicationId: number): { application: OwnApp; passport: Passport | null } {
  const application = ownApplication(actor, applicationId);
  return { application, passport: passportOf(application.id) };
}

/**
 * The participant saves their passport details (validated by app/forms/passport.ts, which refuses
 * them without consent). The consent time is the first one given; later edits keep it.
 * NotFoundError outside the actor's own open applications.
 */
export function saveOwnPassport(actor: Actor, applicationId: number, input: PassportInput, now = new Date()): Passport {
  const app = ownApplication(actor, applicationId);
  return immediate(db(), () => {
    const existing = passportOf(app.id);
    const at = now.toISOString();
    db()
      .$client.prepare(
        `insert into application_passports (application_id, passport_name, passport_number, expires_on, issuing_country, consent_at, updated_at)
         values (@id, @name, @number, @expires, @country, @consent, @at)
         on conflict (application_id) do update set passport_name = excluded.passport_name, passport_number = excluded.passport_number,
           expires_on = excluded.expires_on, issuing_country = excluded.issuing_country, updated_at = excluded.updated_at`,
      )
      .run({
        id: app.id,
        name: input.passportName.normalize("NFC"),
        number: input.passportNumber,
        expires: input.expiresOn || null,
        country: input.issuingCountry ?? null,
        consent: existing?.consentAt ?? at,
        at,
      });
    // Its own record type (keyed by the application id), so the application's history, which
    // focal points read, does not even say that passport data exists.
    recordAudit(actor, { entityType: "passport", entityId: app.id, action: "update", details: { consentAt: existing?.consentAt ?? at } });
    return passportOf(app.id)!;
  });
}

/**
 * Deletes the passport rows of `applicationIds` and revokes their valid visa letters, inside the
 * caller's transaction; one audit event per application that held a passport. Used by the
 * participant's own erasure and by privacy erasure (app/models/accounts/privacy.server.ts).
 */
export function erasePassports(actor: Actor, applicationIds: number[], now = new Date()): number {
  const raw = db().$client;
  let erased = 0;
  for (const id of applicationIds) {
    const had = raw.prepare("delete from application_passports where application_id = ?").run(id).changes > 0;
    const letters = raw.prepare("select id, number from visa_letters where application_id = ? and revoked_at is null").all(id) as {
      id: number;
      number: string;
    }[];
    for (const l of letters) {
      raw
        .prepare("update visa_letters set revoked_at = ?, revoked_by = ?, revoke_reason = ? where id = ?")
        .run(now.toISOString(), actor.id, "passport data erased", l.id);
      recordAudit(actor, {
        entityType: "visa_letter",
        entityId: l.id,
        action: "revoke",
        fromState: "valid",
        toState: "revoked",
        reason: "passport data erased",
        details: { number: l.number },
      });
    }
    if (had) {
      erased += 1;
      recordAudit(actor, { entityType: "passport", entityId: id, action: "delete", details: { lettersRevoked: letters.length } });
    }
  }
  return erased;
}

/** The participant erases the passport details of one of their applications (and its letters go invalid). */
export function eraseOwnPassport(actor: Actor, applicationId: number, now = new Date()): void {
  const app = ownApplication(actor, applicationId);
  immediate(db(), () => erasePassports(actor, [app.id], now));
}

/** Organizer: the passport of any application (null when none was given); NotFoundError for anyone else. */
export function passportForOrganizer(actor: Actor, applicationId: number): Passport | null {
  requireOrganizer(actor);
  return passportOf(applicationId);
}

/** A passport as an organizer's page shows it, dates and country in `lng`; null stays null. */
export function passportView(p: Passport | null, lng: string) {
  if (!p) return null;
  return {
    passportName: p.passportName,
    passportNumber: p.passportNumber,
    issuingCountry: p.issuingCountry ? countryName(p.issuingCountry, lng) : "",
    expiresOn: p.expiresOn ? formatDate(p.expiresOn, lng, "long") : "",
    consentOn: formatDate(p.consentAt.slice(0, 10), lng, "long"),
  };
}
