/**
 * The national focal point's side of nominating and reviewing (docs/design.md "The people"): sees,
 * endorses or returns the applications of their own country within the country's quota.
 *
 * Every function takes the acting user and checks role and scope itself: a record outside the
 * caller's scope is a NotFoundError (404), so its existence does not leak. Every transition
 * writes an audit event in the same BEGIN IMMEDIATE transaction as the status change.
 */
import { and, count, eq, inArray } from "drizzle-orm";
import { db, immediate, t, type Db } from "../../db.server";
import { allowedActions, nextStatus, QUOTA_STATUSES } from "../../domain/application-lifecycle";
import { pickField } from "../../domain/local-text";
import { sortKey } from "../../domain/names";
import { APPLICATION_STATUSES, type ApplicationStatus } from "../../../db/schema/programme";
import type { Actor } from "../actor";
import { requireFocalPoint } from "../actor";
import { transitionApplication } from "./core.server";
import { auditTrail } from "../audit.server";
import { getEdition } from "../editions/editions.server";
import { FieldErrors, NotFoundError, RuleError } from "../errors";
import { loadApplication, mailStatusChange, nameOf, type ApplicationRow } from "./review.server";
import { collator as sharedCollator } from "../../domain/intl";

/** The country a focal point works on: the asked one if theirs, else their first. NotFound for non-focal points. */
export function focalCountry(actor: Actor, asked?: string | null): string {
  requireFocalPoint(actor);
  if (asked) {
    requireFocalPoint(actor, asked);
    return asked;
  }
  return [...actor.focalPointCountries].sort()[0];
}

/** Places of the country's quota taken: applications of the edition and country in QUOTA_STATUSES. */
function quotaUsed(tx: Db, editionId: number, country: string): number {
  return (
    tx
      .select({ n: count() })
      .from(t.applications)
      .where(and(eq(t.applications.editionId, editionId), eq(t.applications.nationality, country), inArray(t.applications.status, QUOTA_STATUSES)))
      .get()?.n ?? 0
  );
}

/** The country's quota for an edition; null when the organizers set none (no limit). */
function quotaOf(tx: Db, editionId: number, country: string): number | null {
  const row = tx
    .select({ quota: t.editionQuotas.quota })
    .from(t.editionQuotas)
    .where(and(eq(t.editionQuotas.editionId, editionId), eq(t.editionQuotas.countryCode, country)))
    .get();
  return row ? row.quota : null;
}

/**
 * Focal point: the applications of their country for an edition, with counts per status and the
 * quota ("4 of 6 endorsed"). NotFound when the actor is not the focal point of `country` or the
 * edition does not exist.
 */
export function listCountryApplications(actor: Actor, editionId: number, country: string, locale = "en") {
  requireFocalPoint(actor, country);
  const edition = getEdition(editionId);
  const rows = db()
    .select()
    .from(t.applications)
    .where(and(eq(t.applications.editionId, editionId), eq(t.applications.nationality, country)))
    .all();
  const counts = Object.fromEntries(APPLICATION_STATUSES.map((s) => [s, 0])) as Record<ApplicationStatus, number>;
  for (const r of rows) counts[r.status] += 1;
  const collator = sharedCollator(locale);
  const applications = rows
    .map((r) => ({
      id: r.id,
      ...nameOf(r),
      sort: sortKey(r),
      status: r.status,
      nominated: r.nominatedBy !== null,
      submittedAt: r.submittedAt,
      updatedAt: r.updatedAt,
    }))
    .sort((a, b) => collator.compare(a.sort, b.sort) || a.id - b.id);
  return {
    edition: editionShown(edition, locale),
    country,
    quota: quotaOf(db(), editionId, country),
    used: quotaUsed(db(), editionId, country),
    counts,
    applications,
  };
}

/** An edition's id and name for a reader of `locale` (`lang`: the language the name is in; issue 11 item 8). */
function editionShown(edition: ReturnType<typeof getEdition>, locale: string) {
  const name = pickField(edition.name, edition.translations, "name", locale);
  return { id: edition.id, name: name.text, lang: name.lang };
}

/**
 * Focal point: one application of their country, with the quota and the actions they may take.
 * Dietary and accessibility needs (health data) are left out: the focal point does not need them.
 */
export function getCountryApplication(actor: Actor, id: number, locale = "en") {
  requireFocalPoint(actor);
  const app = loadApplication(db(), id);
  if (!app || !app.nationality || !actor.focalPointCountries.includes(app.nationality)) throw new NotFoundError("application");
  const edition = getEdition(app.editionId);
  const user = db().select({ email: t.users.email }).from(t.users).where(eq(t.users.id, app.userId)).get();
  const { dietaryNeeds: _d, accessibilityNeeds: _a, sensitiveConsentAt: _s, ...shown } = app;
  return {
    application: { ...shown, ...nameOf(app), email: user?.email ?? "" },
    edition: editionShown(edition, locale),
    quota: quotaOf(db(), app.editionId, app.nationality),
    used: quotaUsed(db(), app.editionId, app.nationality),
    actions: allowedActions(app.status, "focal_point").filter((a) => a === "endorse" || a === "return"),
    trail: auditTrail("application", app.id),
  };
}

/** Loads an application in the focal point's scope inside a transaction, or NotFound. */
function loadInCountry(tx: Db, actor: Actor, id: number): ApplicationRow & { nationality: string } {
  requireFocalPoint(actor);
  const app = loadApplication(tx, id);
  if (!app || !app.nationality || !actor.focalPointCountries.includes(app.nationality)) throw new NotFoundError("application");
  return app as ApplicationRow & { nationality: string };
}

/**
 * Focal point: endorses a submitted application of their country. The quota check and the write
 * happen in one BEGIN IMMEDIATE transaction, so no two endorsements can both take the last place:
 * RuleError "focal.errors.quotaFull" when the country's places (QUOTA_STATUSES) are all taken.
 */
export async function endorse(actor: Actor, id: number) {
  immediate(db(), (tx) => {
    const app = loadInCountry(tx, actor, id);
    if (!nextStatus(app.status, "endorse", "focal_point")) throw new RuleError("errors.transition", { status: app.status });
    const quota = quotaOf(tx, app.editionId, app.nationality);
    if (quota !== null) {
      const used = quotaUsed(tx, app.editionId, app.nationality);
      if (used >= quota) throw new RuleError("focal.errors.quotaFull", { quota, used });
    }
    transitionApplication(tx, actor, app, "endorse", "focal_point");
  });
  await mailStatusChange(id);
}

/** Focal point: returns a submitted application of their country to the leader, with a reason (required). */
export async function returnToDraft(actor: Actor, id: number, reason: string | null | undefined) {
  if (!reason?.trim()) {
    // Check scope first so an out-of-scope id answers 404, not a field error.
    loadInCountry(db(), actor, id);
    throw FieldErrors.one("reason", "errors.required");
  }
  immediate(db(), (tx) => {
    const app = loadInCountry(tx, actor, id);
    transitionApplication(tx, actor, app, "return", "focal_point", reason);
  });
  await mailStatusChange(id);
}
