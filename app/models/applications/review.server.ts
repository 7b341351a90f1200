/**
 * Reviewing (docs/design.md "The people"): the organizer lists, filters and searches every application
 * and accepts, waitlists or rejects endorsed ones; plus what the focal point's and the
 * organizer's pages share (names, loading, the status mail, describing an application for
 * display). The focal point's side is app/models/applications/focal-review.server.ts; nominating leaders who
 * have no account is app/models/applications/nominations.server.ts.
 *
 * Every function takes the acting user and checks role and scope itself: a record outside the
 * caller's scope is a NotFoundError (404), so its existence does not leak. Every transition
 * writes an audit event in the same BEGIN IMMEDIATE transaction as the status change.
 */
import { and, asc, eq, sql, type SQL } from "drizzle-orm";
import { db, immediate, t, type Db } from "../../db.server";
import { countryName, countryTimeZones, MEMBER_COUNTRY_CODES } from "../../domain/countries";
import { allowedActions } from "../../domain/application-lifecycle";
import { APPLICATION_STATUSES, type ApplicationStatus } from "../../../db/schema/programme";
import { formatDate, todayIn } from "../../domain/dates";
import { pickField, shownName } from "../../domain/local-text";
import { displayName, displaySortKey, foldForSearch, latinName } from "../../domain/names";
import { languageName } from "../../domain/vocabulary";
import type { ReviewFilters, ReviewSort } from "../../forms/review";
import { log } from "../../log.server";
import type { Actor } from "../actor";
import { requireOrganizer } from "../actor";
import { notifyStatusChange, transitionApplication } from "./core.server";
import { auditTrail } from "../audit.server";
import { getEdition, getQuotas } from "../editions/editions.server";
import { NotFoundError, RuleError } from "../errors";
import { collator as sharedCollator } from "../../domain/intl";

export type ApplicationRow = typeof t.applications.$inferSelect;

/** Applications per page on the organizer's list. */
export const REVIEW_PAGE_SIZE = 50;

export function nameOf(a: Pick<ApplicationRow, "givenName" | "familyName" | "givenNameLatin" | "familyNameLatin" | "nameOrder">) {
  return { name: displayName(a), latin: latinName(a) };
}

export function loadApplication(tx: Db, id: number): ApplicationRow | undefined {
  return tx.select().from(t.applications).where(eq(t.applications.id, id)).get();
}

/** Mails the applicant the new status after the transaction committed; a mail failure never undoes the change. */
export async function mailStatusChange(applicationId: number) {
  try {
    await notifyStatusChange(applicationId);
  } catch (e) {
    log.error({ applicationId, error: e instanceof Error ? e.message : String(e) }, "status mail failed");
  }
}

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
 * Organizer: applications matching the filters, sorted by `filters.sort` (name as displayed, see
 * displaySortKey; country name, edition name, status in life-cycle order, submission time) in
 * `filters.dir`, texts with Intl.Collator in `locale`, ties by name then id; rows without a
 * submission time (drafts) last in both directions; REVIEW_PAGE_SIZE a page. The name search folds case and diacritics ("nguyen thi anh" finds
 * "Nguyễn Thị Ánh"); every word of the query must appear in the folded search column.
 */
export function listApplicationsForReview(
  actor: Actor,
  filters: Omit<ReviewFilters, "sort" | "dir"> & Partial<Pick<ReviewFilters, "sort" | "dir">>,
  locale = "en",
) {
  requireOrganizer(actor);
  const where: SQL[] = [];
  if (filters.edition) where.push(eq(t.applications.editionId, filters.edition));
  if (filters.country) where.push(eq(t.applications.nationality, filters.country));
  if (filters.status) where.push(eq(t.applications.status, filters.status));
  if (filters.gender) where.push(eq(t.applications.gender, filters.gender));
  if (filters.theme) where.push(sql`exists (select 1 from json_each(${t.applications.themes}) where json_each.value = ${filters.theme})`);
  for (const word of foldForSearch(filters.q ?? "")
    .split(" ")
    .filter(Boolean)) {
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
      submittedAt: t.applications.submittedAt,
    })
    .from(t.applications)
    .where(where.length ? and(...where) : undefined)
    .orderBy(asc(t.applications.id))
    .all();
  const collator = sharedCollator(locale);
  // Edition names as the reader sees them (issue 11 item 8): in `locale`, else English, else the
  // first given. Picked once per edition: an edition's translations are kilobytes of JSON, and
  // joining them onto every application row made reading them most of the page's query time.
  const editionNames = new Map(
    db()
      .select({ id: t.editions.id, name: t.editions.name, translations: t.editions.translations })
      .from(t.editions)
      .all()
      .map((e) => [e.id, pickField(e.name, e.translations, "name", locale)] as const),
  );
  const named = rows.map((r) => ({
    ...r,
    ...(({ text, lang }) => ({ editionName: text, editionLang: lang }))(editionNames.get(r.editionId)!),
    ...nameOf(r),
    sort: displaySortKey(r),
    countryName: r.nationality ? countryName(r.nationality, locale) : "",
  }));
  // Any column, either way; ties always fall back to the name, then the id, so pages are stable.
  const byName = (a: (typeof named)[number], b: (typeof named)[number]) => collator.compare(a.sort, b.sort) || a.id - b.id;
  const column: Record<ReviewSort, (a: (typeof named)[number], b: (typeof named)[number]) => number> = {
    name: () => 0,
    country: (a, b) => collator.compare(a.countryName, b.countryName),
    edition: (a, b) => collator.compare(a.editionName, b.editionName),
    status: (a, b) => APPLICATION_STATUSES.indexOf(a.status) - APPLICATION_STATUSES.indexOf(b.status),
    submitted: (a, b) => (a.submittedAt ?? "").localeCompare(b.submittedAt ?? ""),
  };
  const sign = filters.dir === "desc" ? -1 : 1;
  // A missing value (a draft has no submission time) says nothing about order: last either way.
  const missing = (r: (typeof named)[number]) => filters.sort === "submitted" && !r.submittedAt;
  const sorted = named.sort((a, b) => Number(missing(a)) - Number(missing(b)) || sign * (column[filters.sort ?? "name"](a, b) || byName(a, b)));
  const total = sorted.length;
  const pageCount = Math.max(1, Math.ceil(total / REVIEW_PAGE_SIZE));
  const page = Math.min(filters.page, pageCount);
  const items = sorted.slice((page - 1) * REVIEW_PAGE_SIZE, page * REVIEW_PAGE_SIZE).map((r) => ({
    id: r.id,
    name: r.name,
    latin: r.latin,
    status: r.status,
    nationality: r.nationality,
    countryName: r.countryName,
    gender: r.gender,
    themes: r.themes,
    editionName: r.editionName,
    editionLang: r.editionLang,
    submittedAt: r.submittedAt,
  }));
  return { items, total, page, pageCount, pageSize: REVIEW_PAGE_SIZE };
}

/** Organizer: every field of one application, its edition (name for a reader of `locale`), who nominated it, and its audit trail. */
export function getApplicationForReview(actor: Actor, id: number, locale = "en") {
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
    edition: { id: edition.id, ...shownName(edition, locale) },
    nominatedBy: nominator ?? null,
    quota: app.nationality ? (getQuotas(app.editionId)[app.nationality] ?? null) : null,
    actions: organizerDecisions(app.status, editionEnded(edition)),
    editionEnded: editionEnded(edition),
    trail: auditTrail("application", app.id),
  };
}

/** The edition's last day is behind us in the edition's own zone. */
function editionEnded(edition: { endsOn: string; timeZone: string }, now = new Date()): boolean {
  return todayIn(edition.timeZone, now) > edition.endsOn;
}

/**
 * The decisions an organizer may take on an application in `status`. Once the edition has ended an
 * accepted participant took part (or the seat was released when they withdrew): waitlisting or
 * rejecting them then would rewrite history, so no decision is offered (issue 12, item 11).
 */
export function organizerDecisions(status: ApplicationStatus, ended: boolean): ("accept" | "waitlist" | "reject")[] {
  if (ended && status === "accepted") return [];
  return allowedActions(status, "organizer").filter((a): a is "accept" | "waitlist" | "reject" => ["accept", "waitlist", "reject"].includes(a));
}

/**
 * Why an organizer's decision is not possible on an application in `status` (a message key), so a
 * refusal names the reason: "errors.awaitsEndorsement" (submitted: the focal point has not
 * endorsed it yet), "errors.notSubmitted" (a draft), "errors.withdrawnDecision" (withdrawn by the
 * applicant), else "errors.alreadyDecided" (the decision it already has, e.g. accept an accepted one).
 */
export function decisionRefusal(status: ApplicationStatus): string {
  if (status === "submitted") return "errors.awaitsEndorsement";
  if (status === "draft") return "errors.notSubmitted";
  if (status === "withdrawn") return "errors.withdrawnDecision";
  return "errors.alreadyDecided";
}

/**
 * Organizer: accepts, waitlists or rejects (reason required) an application, per the life cycle.
 * Throws NotFoundError (no such application), RuleError "errors.editionEndedDecision" (an accepted
 * participant of an ended edition), RuleError with decisionRefusal's key (not possible from its status),
 * FieldErrors on `reason` (reject without one). Mails the applicant after the change commits.
 */
export async function decide(actor: Actor, id: number, action: "accept" | "waitlist" | "reject", reason?: string | null) {
  requireOrganizer(actor);
  immediate(db(), (tx) => {
    const app = loadApplication(tx, id);
    if (!app) throw new NotFoundError("application");
    const ended = editionEnded(getEdition(app.editionId));
    if (!organizerDecisions(app.status, ended).includes(action)) {
      // Only an accepted participant of an ended edition is frozen; any other refusal is the life cycle's.
      throw ended && app.status === "accepted"
        ? new RuleError("errors.editionEndedDecision")
        : new RuleError(decisionRefusal(app.status), { action, status: app.status });
    }
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
