/**
 * Nominating and reviewing (DESIGN.md "The people"): the national focal point sees, endorses or
 * returns the applications of their own country within the country's quota, and nominates
 * leaders who have no account; the organizer lists, filters and searches every application and
 * accepts, waitlists or rejects endorsed ones.
 *
 * Every function takes the acting user and checks role and scope itself: a record outside the
 * caller's scope is a NotFoundError (404), so its existence does not leak. Every transition
 * writes an audit event in the same BEGIN IMMEDIATE transaction as the status change.
 */
import { supportedLngs } from "../i18n";
import { and, asc, count, eq, inArray, sql, type SQL } from "drizzle-orm";
import { db, immediate, t, type Db } from "../db.server";
import { countryName, countryTimeZones, MEMBER_COUNTRY_CODES, countryLanguages } from "../domain/countries";
import { allowedActions, nextStatus, QUOTA_STATUSES } from "../domain/application-lifecycle";
import { formatDate } from "../domain/dates";
import { displayName, foldForSearch, latinName, sortKey } from "../domain/names";
import { languageName } from "../domain/vocabulary";
import type { ApplicationInput } from "../forms/application";
import type { ReviewFilters } from "../forms/review";
import { getEnv } from "../env.server";
import { translatorFor } from "../i18n.server";
import { sendMail } from "../mail.server";
import { log } from "../log.server";
import { APPLICATION_STATUSES, type ApplicationStatus } from "../../db/schema/programme";
import type { Actor } from "./actor";
import { requireFocalPoint, requireOrganizer } from "./actor";
import { issueClaimToken, normalizeEmail } from "./accounts.server";
import { applicationValues, notifyStatusChange, transitionApplication } from "./applications.server";
import { auditTrail, recordAudit } from "./audit.server";
import { getEdition, getQuotas, windowState } from "./editions.server";
import { FieldErrors, NotFoundError, RuleError } from "./errors";

export type ApplicationRow = typeof t.applications.$inferSelect;

/** Applications per page on the organizer's list. */
export const REVIEW_PAGE_SIZE = 50;

function nameOf(a: Pick<ApplicationRow, "givenName" | "familyName" | "givenNameLatin" | "familyNameLatin" | "nameOrder">) {
  return { name: displayName(a), latin: latinName(a) };
}

function loadApplication(tx: Db, id: number): ApplicationRow | undefined {
  return tx.select().from(t.applications).where(eq(t.applications.id, id)).get();
}

/** Mails the applicant the new status after the transaction committed; a mail failure never undoes the change. */
async function mailStatusChange(applicationId: number) {
  try {
    await notifyStatusChange(applicationId);
  } catch (e) {
    log.error({ applicationId, error: e instanceof Error ? e.message : String(e) }, "status mail failed");
  }
}

// ---------------------------------------------------------------------------------------------
// Focal point
// ---------------------------------------------------------------------------------------------

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
      .where(
        and(
          eq(t.applications.editionId, editionId),
          eq(t.applications.nationality, country),
          inArray(t.applications.status, QUOTA_STATUSES),
        ),
      )
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
  const collator = new Intl.Collator(locale);
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
    edition: { id: edition.id, name: edition.name },
    country,
    quota: quotaOf(db(), editionId, country),
    used: quotaUsed(db(), editionId, country),
    counts,
    applications,
  };
}

/**
 * Focal point: one application of their country, with the quota and the actions they may take.
 * Dietary and accessibility needs (health data) are left out: the focal point does not need them.
 */
export function getCountryApplication(actor: Actor, id: number) {
  requireFocalPoint(actor);
  const app = loadApplication(db(), id);
  if (!app || !app.nationality || !actor.focalPointCountries.includes(app.nationality)) throw new NotFoundError("application");
  const edition = getEdition(app.editionId);
  const user = db().select({ email: t.users.email }).from(t.users).where(eq(t.users.id, app.userId)).get();
  const { dietaryNeeds: _d, accessibilityNeeds: _a, sensitiveConsentAt: _s, ...shown } = app;
  return {
    application: { ...shown, ...nameOf(app), email: user?.email ?? "" },
    edition: { id: edition.id, name: edition.name },
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

// ---------------------------------------------------------------------------------------------
// Organizer
// ---------------------------------------------------------------------------------------------

/** IANA zones of the 13 member countries (plus `extra`, e.g. an edition's stored zone), for a select. */
export function memberTimeZones(extra?: string | null): string[] {
  const zones = new Set(MEMBER_COUNTRY_CODES.flatMap((c) => countryTimeZones(c)));
  if (extra) zones.add(extra);
  return [...zones].sort();
}

/** Escapes LIKE wildcards; used with ESCAPE '\'. */
function likeEscape(s: string) {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * Organizer: applications matching the filters, sorted by name with Intl.Collator in `locale`,
 * REVIEW_PAGE_SIZE a page. The name search folds case and diacritics ("nguyen thi anh" finds
 * "Nguyễn Thị Ánh"); every word of the query must appear in the folded search column.
 */
export function listApplicationsForReview(actor: Actor, filters: ReviewFilters, locale = "en") {
  requireOrganizer(actor);
  const where: SQL[] = [];
  if (filters.edition) where.push(eq(t.applications.editionId, filters.edition));
  if (filters.country) where.push(eq(t.applications.nationality, filters.country));
  if (filters.status) where.push(eq(t.applications.status, filters.status));
  if (filters.gender) where.push(eq(t.applications.gender, filters.gender));
  if (filters.theme)
    where.push(sql`exists (select 1 from json_each(${t.applications.themes}) where json_each.value = ${filters.theme})`);
  for (const word of foldForSearch(filters.q ?? "").split(" ").filter(Boolean)) {
    where.push(sql`${t.applications.searchName} like ${`%${likeEscape(word)}%`} escape '\\'`);
  }
  const rows = db()
    .select({
      id: t.applications.id,
      status: t.applications.status,
      givenName: t.applications.givenName,
      familyName: t.applications.familyName,
      givenNameLatin: t.applications.givenNameLatin,
      familyNameLatin: t.applications.familyNameLatin,
      nameOrder: t.applications.nameOrder,
      nationality: t.applications.nationality,
      gender: t.applications.gender,
      themes: t.applications.themes,
      editionId: t.applications.editionId,
      editionName: t.editions.name,
      submittedAt: t.applications.submittedAt,
    })
    .from(t.applications)
    .innerJoin(t.editions, eq(t.editions.id, t.applications.editionId))
    .where(where.length ? and(...where) : undefined)
    .orderBy(asc(t.applications.id))
    .all();
  const collator = new Intl.Collator(locale);
  const sorted = rows
    .map((r) => ({ ...r, ...nameOf(r), sort: sortKey(r) }))
    .sort((a, b) => collator.compare(a.sort, b.sort) || a.id - b.id);
  const total = sorted.length;
  const pageCount = Math.max(1, Math.ceil(total / REVIEW_PAGE_SIZE));
  const page = Math.min(filters.page, pageCount);
  const items = sorted.slice((page - 1) * REVIEW_PAGE_SIZE, page * REVIEW_PAGE_SIZE).map((r) => ({
    id: r.id,
    name: r.name,
    latin: r.latin,
    status: r.status,
    nationality: r.nationality,
    countryName: r.nationality ? countryName(r.nationality, locale) : "",
    gender: r.gender,
    themes: r.themes,
    editionName: r.editionName,
    submittedAt: r.submittedAt,
  }));
  return { items, total, page, pageCount, pageSize: REVIEW_PAGE_SIZE };
}

/** Organizer: every field of one application, its edition, who nominated it, and its audit trail. */
export function getApplicationForReview(actor: Actor, id: number) {
  requireOrganizer(actor);
  const app = loadApplication(db(), id);
  if (!app) throw new NotFoundError("application");
  const edition = getEdition(app.editionId);
  const user = db().select({ email: t.users.email }).from(t.users).where(eq(t.users.id, app.userId)).get();
  const nominator = app.nominatedBy
    ? db().select({ displayName: t.users.displayName, email: t.users.email }).from(t.users).where(eq(t.users.id, app.nominatedBy)).get()
    : undefined;
  return {
    application: { ...app, ...nameOf(app), email: user?.email ?? "" },
    edition: { id: edition.id, name: edition.name },
    nominatedBy: nominator ?? null,
    quota: app.nationality ? getQuotas(app.editionId)[app.nationality] ?? null : null,
    actions: allowedActions(app.status, "organizer").filter((a): a is "accept" | "waitlist" | "reject" =>
      ["accept", "waitlist", "reject"].includes(a),
    ),
    trail: auditTrail("application", app.id),
  };
}

/** Organizer: accepts, waitlists or rejects (reason required) an application, per the life cycle. */
export async function decide(actor: Actor, id: number, action: "accept" | "waitlist" | "reject", reason?: string | null) {
  requireOrganizer(actor);
  immediate(db(), (tx) => {
    const app = loadApplication(tx, id);
    if (!app) throw new NotFoundError("application");
    transitionApplication(tx, actor, app, action, "organizer", reason);
  });
  await mailStatusChange(id);
}

/**
 * An application's fields ready for display in `locale` (country and language names, dates).
 * Health data (dietary, accessibility) only when `withSensitive` (organizers; not focal points).
 */
export function describeApplication(
  app: Omit<ApplicationRow, "dietaryNeeds" | "accessibilityNeeds" | "sensitiveConsentAt"> &
    Partial<Pick<ApplicationRow, "dietaryNeeds" | "accessibilityNeeds" | "sensitiveConsentAt">> & { email: string },
  locale: string,
  withSensitive: boolean,
) {
  const date = (d: string | null | undefined) => (d ? formatDate(d, locale) : "");
  return {
    id: app.id,
    status: app.status,
    statusReason: app.statusReason,
    name: displayName(app),
    latin: latinName(app),
    nameOrder: app.nameOrder,
    email: app.email,
    gender: app.gender,
    birthDate: date(app.birthDate),
    nationality: app.nationality ? countryName(app.nationality, locale) : "",
    place: [app.village, app.district, app.province].filter(Boolean).join(", "),
    position: app.position,
    positionKind: app.positionKind,
    yearsInPosition: app.yearsInPosition,
    languages: app.languages.map((l) => ({ name: languageName(l.code, locale), level: l.level })),
    themes: app.themes,
    preferredHostCountries: app.preferredHostCountries.map((c) => countryName(c, locale)),
    available: app.availableFrom || app.availableTo ? { from: date(app.availableFrom), to: date(app.availableTo) } : null,
    phone: app.phone,
    emergencyContact: [app.emergencyContactName, app.emergencyContactRelation, app.emergencyContactPhone].filter(Boolean).join(" · "),
    motivation: app.motivation,
    submittedAt: app.submittedAt,
    nominated: app.nominatedBy !== null,
    sensitive: withSensitive
      ? {
          dietaryNeeds: app.dietaryNeeds ?? "",
          accessibilityNeeds: app.accessibilityNeeds ?? "",
          consentAt: app.sensitiveConsentAt ?? null,
        }
      : null,
  };
}
export type DescribedApplication = ReturnType<typeof describeApplication>;

// ---------------------------------------------------------------------------------------------
// Nominating
// ---------------------------------------------------------------------------------------------

/** How long a nominee's claim link works (accounts.server.ts issueClaimToken). */
const CLAIM_DAYS = 14;

/**
 * Focal point: nominates a leader of their country who has no account yet. In one BEGIN
 * IMMEDIATE transaction it creates the leader's account (that e-mail, no password) and a draft
 * application (nationality fixed to `country`, nominatedBy = the focal point, audited), then mails
 * a claim link in `locale`; the leader sets a password, checks and submits.
 *
 * - FieldErrors email "focal.errors.emailHasAccount" when the address already has an account
 *   (the leader applies themself);
 * - a repeated submit of the same nomination (double click, back and resubmit) returns the first
 *   one with `already: true` and sends nothing again;
 * - RuleError when the edition's window is not open; NotFound when not the focal point of `country`.
 */
export async function nominate(
  actor: Actor,
  editionId: number,
  country: string,
  input: ApplicationInput & { email: string },
  locale = "en",
): Promise<{ id: number; already: boolean }> {
  requireFocalPoint(actor, country);
  // The nominee reads the account and mail in their country's language where the UI has it.
  locale = countryLanguages(country).find((l) => (supportedLngs as readonly string[]).includes(l)) ?? locale;
  const edition = getEdition(editionId);
  const state = windowState(edition);
  if (state !== "open") {
    throw new RuleError(state === "closed" ? "errors.windowClosed" : "errors.windowNotOpen", {
      date: formatDate(edition.applicationsOpenOn, locale),
    });
  }
  if (input.themes.some((th) => !edition.themes.includes(th))) throw FieldErrors.one("themes", "errors.invalid");
  const email = normalizeEmail(input.email);
  const values = applicationValues({ ...input, nationality: country as ApplicationInput["nationality"] });
  const name = displayName(values) || latinName(values) || email;

  const result = immediate(db(), (tx) => {
    const existing = tx.select().from(t.users).where(eq(t.users.email, email)).get();
    if (existing) {
      const same = tx
        .select({ id: t.applications.id })
        .from(t.applications)
        .where(and(eq(t.applications.editionId, editionId), eq(t.applications.userId, existing.id), eq(t.applications.nominatedBy, actor.id)))
        .get();
      if (same && existing.passwordHash === null) return { id: same.id, userId: existing.id, already: true };
      throw FieldErrors.one("email", "focal.errors.emailHasAccount");
    }
    const userId = tx
      .insert(t.users)
      .values({ email, passwordHash: null, displayName: name, locale })
      .returning({ id: t.users.id })
      .get().id;
    const id = tx
      .insert(t.applications)
      .values({ ...values, editionId, userId, nominatedBy: actor.id, status: "draft" })
      .returning({ id: t.applications.id })
      .get().id;
    recordAudit(actor, { entityType: "application", entityId: id, action: "nominate", toState: "draft", details: { nomineeUserId: userId } }, tx);
    return { id, userId, already: false };
  });
  if (result.already) return { id: result.id, already: true };

  const token = issueClaimToken(result.userId);
  const tr = translatorFor(locale);
  await sendMail({
    to: email,
    subject: tr("mail.claim.subject", { edition: edition.name }),
    text: tr("mail.claim.body", { name, edition: edition.name, days: CLAIM_DAYS, link: `${getEnv().appUrl}/claim/${token}` }),
  });
  return { id: result.id, already: false };
}
