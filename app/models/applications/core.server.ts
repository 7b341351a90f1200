/**
 * The application core every role builds on (docs/design.md "application", "Life cycles"):
 * `applicationValues(input)` (the columns an ApplicationInput writes),
 * `transitionApplication(tx, actor, app, action, role, reason?)` (the only way a status changes)
 * and `notifyStatusChange(applicationId)` (mails the applicant). The applicant's own use cases are
 * app/models/applications/applications.server.ts (which re-exports these).
 */
import { releaseSeats } from "./release.server";
import { and, eq } from "drizzle-orm";
import { defaultNameOrder } from "../../domain/countries";
import { searchText } from "../../domain/names";
import { shownName } from "../../domain/local-text";
import { db, t, type Db } from "../../db.server";
import { nextStatus, TRANSITIONS, type ActingRole, type ApplicationAction } from "../../domain/application-lifecycle";
import { getEnv } from "../../env.server";
import type { ApplicationInput } from "../../forms/application";
import { translatorFor } from "../../i18n.server";
import { sendMail } from "../../mail.server";
import { composeMail } from "../messages/templates.server";
import type { Actor } from "../actor";
import { recordAudit } from "../audit.server";
import { FieldErrors, NotFoundError, RuleError } from "../errors";

export type Application = typeof t.applications.$inferSelect;

/** Audit events of applications use this entity type (auditTrail("application", id)). */
export const APPLICATION_ENTITY = "application";

/**
 * The columns an ApplicationInput writes (for insert or update), with the folded `searchName`
 * (app/domain/names.ts searchText over native and Latin names) and the name order defaulting to
 * the nationality's usual order (defaultNameOrder) when none was chosen.
 * `sensitiveConsentAt` is set when needs are given with consent (`consentAt` keeps an earlier
 * consent's time) and cleared when there are no needs.
 */
export function applicationValues(input: ApplicationInput, consentAt: string | null = null) {
  const nameOrder = input.nameOrder ?? defaultNameOrder(input.nationality);
  const hasNeeds = !!(input.dietaryNeeds || input.accessibilityNeeds);
  return {
    givenName: input.givenName,
    familyName: input.familyName,
    givenNameLatin: input.givenNameLatin,
    familyNameLatin: input.familyNameLatin,
    nameOrder,
    searchName: searchText({ ...input, nameOrder }),
    gender: input.gender,
    birthDate: input.birthDate,
    nationality: input.nationality,
    village: input.village,
    district: input.district,
    province: input.province,
    position: input.position,
    positionKind: input.positionKind,
    yearsInPosition: input.yearsInPosition,
    languages: input.languages,
    themes: input.themes,
    preferredHostCountries: input.preferredHostCountries,
    availableFrom: input.availableFrom,
    availableTo: input.availableTo,
    // Health data only with recorded consent (the form schema refuses needs without it).
    dietaryNeeds: input.sensitiveConsent ? input.dietaryNeeds : "",
    accessibilityNeeds: input.sensitiveConsent ? input.accessibilityNeeds : "",
    sensitiveConsentAt: hasNeeds && input.sensitiveConsent ? (consentAt ?? new Date().toISOString()) : null,
    emergencyContactName: input.emergencyContactName,
    emergencyContactRelation: input.emergencyContactRelation,
    emergencyContactPhone: input.emergencyContactPhone,
    phone: input.phone,
    motivation: input.motivation,
    updatedAt: new Date().toISOString(),
  };
}

/**
 * Changes an application's status: the one place every role's status change goes through.
 *
 * Call inside the caller's write transaction (`immediate(db(), (tx) => ...)`) after loading `app`
 * in that same transaction and checking the caller's scope (a focal point's country, an
 * organizer). It checks that `role` may take `action` from `app.status`
 * (app/domain/application-lifecycle.ts nextStatus) and throws RuleError("errors.transition")
 * otherwise (also when the row changed under it), and FieldErrors({ reason:
 * ["apply.errors.reasonRequired"] }) when the transition needs a reason (return, reject) and none
 * is given, so a form shows it next to its `reason` field. It then writes the new status, `statusReason` (the reason,
 * or null), `submittedAt` on submit, and one audit event (entity "application", action, from, to,
 * reason); a withdrawal, or a rejection of an accepted application, also releases every visit and
 * training seat and promotes from the training waiting lists (release.server.ts). Mailing the applicant is left to the caller, after the transaction commits:
 * `await notifyStatusChange(app.id)`. Returns the new status.
 */
export function transitionApplication(
  tx: Db,
  actor: Pick<Actor, "id">,
  app: Pick<Application, "id" | "status">,
  action: ApplicationAction,
  role: ActingRole,
  reason?: string | null,
) {
  const to = nextStatus(app.status, action, role);
  if (!to) throw new RuleError("errors.transition", { action, status: app.status });
  const why = reason?.trim() || null;
  if (TRANSITIONS[action].reasonRequired && !why) throw FieldErrors.one("reason", "apply.errors.reasonRequired");
  const now = new Date().toISOString();
  const done = tx
    .update(t.applications)
    .set({ status: to, statusReason: why, updatedAt: now, ...(action === "submit" ? { submittedAt: now } : {}) })
    .where(and(eq(t.applications.id, app.id), eq(t.applications.status, app.status)))
    .run();
  if (done.changes !== 1) throw new RuleError("errors.transition", { action, status: app.status });
  recordAudit(actor, { entityType: APPLICATION_ENTITY, entityId: app.id, action, fromState: app.status, toState: to, reason: why }, tx);
  // Withdrawal, or rejection after acceptance, frees her visit and training seats in this same transaction.
  if (to === "withdrawn" || (to === "rejected" && app.status === "accepted")) releaseSeats(tx, actor, app.id, action);
  return to;
}

/**
 * Mails the applicant the application's current status (mail.status, in the applicant's own
 * locale) with the reason, if any, and a link to the status page. Call after the transaction
 * that changed the status has committed. Never throws for a delivery failure (sendMail).
 */
export async function notifyStatusChange(applicationId: number): Promise<void> {
  const row = db()
    .select({ app: t.applications, user: t.users, editionName: t.editions.name, editionTranslations: t.editions.translations })
    .from(t.applications)
    .innerJoin(t.users, eq(t.users.id, t.applications.userId))
    .innerJoin(t.editions, eq(t.editions.id, t.applications.editionId))
    .where(eq(t.applications.id, applicationId))
    .get();
  if (!row) throw new NotFoundError("application");
  const tr = translatorFor(row.user.locale);
  const status = tr(`statuses.${row.app.status}`);
  await sendMail(
    composeMail("status", row.user.email, row.user.locale, {
      name: row.user.displayName,
      // The organizers' name of the edition in the applicant's language (issue 11), else English.
      edition: shownName({ name: row.editionName, translations: row.editionTranslations }, row.user.locale).name,
      status,
      reason: row.app.statusReason ? `${tr("common.reason")}: ${row.app.statusReason}\n` : "",
      link: `${getEnv().appUrl}/me/applications/${row.app.id}`,
    }),
  );
}
