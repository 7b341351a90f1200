/**
 * Applications (DESIGN.md "application", "Life cycles"): the applicant's use cases and the shared
 * core other roles build on.
 *
 * Applicant use cases (scope: the actor's own applications; anything else is NotFoundError):
 * startApplication, saveDraft, submitApplication, withdrawApplication, getOwnApplication,
 * listOwnApplications.
 *
 * Shared core: `applicationValues(input)` (the columns an ApplicationInput writes),
 * `transitionApplication(tx, actor, app, action, role, reason?)` (the only way a status changes)
 * and `notifyStatusChange(applicationId)` (mails the applicant).
 */
import { and, desc, eq } from "drizzle-orm";
import type { StatusViewData } from "../components/application/StatusView";
import { countryName, defaultNameOrder, defaultTimeZone } from "../domain/countries";
import { formatDate, todayIn } from "../domain/dates";
import { displayName, latinName, searchText } from "../domain/names";
import { languageName } from "../domain/vocabulary";
import { db, immediate, t, type Db } from "../db.server";
import { nextStatus, TRANSITIONS, type ActingRole, type ApplicationAction } from "../domain/application-lifecycle";
import { getEnv } from "../env.server";
import type { ApplicationInput } from "../forms/application";
import { translatorFor } from "../i18n.server";
import { sendMail } from "../mail.server";
import type { Actor } from "./actor";
import { auditTrail, recordAudit } from "./audit.server";
import { getEdition, windowState, type Edition } from "./editions.server";
import { FieldErrors, NotFoundError, RuleError } from "./errors";

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
    sensitiveConsentAt: hasNeeds && input.sensitiveConsent ? consentAt ?? new Date().toISOString() : null,
    emergencyContactName: input.emergencyContactName,
    emergencyContactRelation: input.emergencyContactRelation,
    emergencyContactPhone: input.emergencyContactPhone,
    phone: input.phone,
    motivation: input.motivation,
    updatedAt: new Date().toISOString(),
  };
}

/** Themes must be among the edition's (the form only offers those). */
function checkThemes(input: ApplicationInput, edition: Edition) {
  const bad = input.themes.filter((th) => !edition.themes.includes(th));
  if (bad.length) throw FieldErrors.one("themes", "errors.invalid");
}

/** The edition has not ended yet (in its zone): withdrawal is allowed until then. */
function editionRunning(edition: Edition, now = new Date()) {
  return todayIn(edition.timeZone, now) <= edition.endsOn;
}

/** RuleError errors.windowClosed, or errors.windowNotOpen with the opening date. */
function windowError(edition: Edition): never {
  if (windowState(edition) === "closed") throw new RuleError("errors.windowClosed");
  throw new RuleError("errors.windowNotOpen", { date: edition.applicationsOpenOn });
}

function loadOwn(tx: Db, actor: Actor, id: number): Application {
  const app = tx
    .select()
    .from(t.applications)
    .where(and(eq(t.applications.id, id), eq(t.applications.userId, actor.id)))
    .get();
  if (!app) throw new NotFoundError("application");
  return app;
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
 * reason). Mailing the applicant is left to the caller, after the transaction commits:
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
  return to;
}

/**
 * The actor's application to `editionId`, created as an empty draft when there is none yet
 * (one per person and edition: the unique index makes a concurrent second start return the first).
 * A new one can only be started while the window is open (RuleError otherwise); an existing one
 * is returned whatever the window. NotFoundError for an unknown edition.
 */
export function startApplication(actor: Actor, editionId: number): Application {
  const edition = getEdition(editionId);
  return immediate(db(), (tx) => {
    const find = () =>
      tx
        .select()
        .from(t.applications)
        .where(and(eq(t.applications.editionId, editionId), eq(t.applications.userId, actor.id)))
        .get();
    const existing = find();
    if (existing) return existing;
    if (windowState(edition) !== "open") windowError(edition);
    const created = tx
      .insert(t.applications)
      .values({ editionId, userId: actor.id, status: "draft" })
      .onConflictDoNothing()
      .returning()
      .get();
    if (!created) return find()!;
    recordAudit(actor, { entityType: APPLICATION_ENTITY, entityId: created.id, action: "create", toState: "draft" }, tx);
    return created;
  });
}

/** The actor's application to an edition, or null (no side effect). */
export function findOwnApplicationForEdition(actor: Actor, editionId: number): Application | null {
  return (
    db()
      .select()
      .from(t.applications)
      .where(and(eq(t.applications.editionId, editionId), eq(t.applications.userId, actor.id)))
      .get() ?? null
  );
}

/**
 * Saves the answers of a draft (lenient validation already done by draftSchema). Atomic.
 * NotFoundError when not the actor's; RuleError("apply.errors.notEditable") once submitted.
 */
export function saveDraft(actor: Actor, applicationId: number, input: ApplicationInput): void {
  immediate(db(), (tx) => {
    const app = loadOwn(tx, actor, applicationId);
    if (app.status !== "draft") throw new RuleError("apply.errors.notEditable");
    checkThemes(input, getEdition(app.editionId));
    tx.update(t.applications).set(applicationValues(input, app.sensitiveConsentAt)).where(eq(t.applications.id, app.id)).run();
  });
}

/**
 * Saves the answers and submits (strict validation already done by submitSchema), in one
 * BEGIN IMMEDIATE transaction: window open (RuleError otherwise, nothing written), status
 * draft → submitted, audit event. Submitting an application that is already submitted does
 * nothing and reports `already: true` (double click, back and resubmit), so callers simply show
 * the status page. NotFoundError when not the actor's.
 */
export function submitApplication(actor: Actor, applicationId: number, input: ApplicationInput): { id: number; already: boolean } {
  return immediate(db(), (tx) => {
    const app = loadOwn(tx, actor, applicationId);
    if (app.status === "submitted") return { id: app.id, already: true };
    const edition = getEdition(app.editionId);
    if (windowState(edition) !== "open") windowError(edition);
    if (app.status !== "draft") throw new RuleError("errors.transition", { action: "submit", status: app.status });
    checkThemes(input, edition);
    tx.update(t.applications).set(applicationValues(input, app.sensitiveConsentAt)).where(eq(t.applications.id, app.id)).run();
    transitionApplication(tx, actor, app, "submit", "applicant");
    return { id: app.id, already: false };
  });
}

/**
 * Withdraws the actor's application (any status the life cycle allows, before the edition ends).
 * NotFoundError when not the actor's; RuleError when not allowed.
 */
export function withdrawApplication(actor: Actor, applicationId: number): void {
  immediate(db(), (tx) => {
    const app = loadOwn(tx, actor, applicationId);
    const edition = getEdition(app.editionId);
    if (!editionRunning(edition)) throw new RuleError("apply.errors.editionOver");
    transitionApplication(tx, actor, app, "withdraw", "applicant");
  });
}

/** The actor's application with its edition; NotFoundError for anyone else's. */
export function getOwnApplication(actor: Actor, id: number) {
  const app = loadOwn(db(), actor, id);
  return { application: app, edition: getEdition(app.editionId) };
}

/** The actor's applications, newest first, with the edition's name and window. */
export function listOwnApplications(actor: Actor) {
  return db()
    .select({
      id: t.applications.id,
      status: t.applications.status,
      updatedAt: t.applications.updatedAt,
      submittedAt: t.applications.submittedAt,
      editionId: t.editions.id,
      editionName: t.editions.name,
      startsOn: t.editions.startsOn,
      endsOn: t.editions.endsOn,
      applicationsOpenOn: t.editions.applicationsOpenOn,
      applicationsCloseOn: t.editions.applicationsCloseOn,
      timeZone: t.editions.timeZone,
    })
    .from(t.applications)
    .innerJoin(t.editions, eq(t.editions.id, t.applications.editionId))
    .where(eq(t.applications.userId, actor.id))
    .orderBy(desc(t.applications.id))
    .all();
}

/** Whether the applicant may still edit and submit (a draft, window open). */
export function canEdit(app: Pick<Application, "status">, edition: Edition, now = new Date()) {
  return app.status === "draft" && windowState(edition, now) === "open";
}

/** Whether the applicant may withdraw now. */
export function canWithdraw(app: Pick<Application, "status">, edition: Edition, now = new Date()) {
  return nextStatus(app.status, "withdraw", "applicant") !== null && editionRunning(edition, now);
}

/**
 * Mails the applicant the application's current status (mail.status, in the applicant's own
 * locale) with the reason, if any, and a link to the status page. Call after the transaction
 * that changed the status has committed. Never throws for a delivery failure (sendMail).
 */
export async function notifyStatusChange(applicationId: number): Promise<void> {
  const row = db()
    .select({ app: t.applications, user: t.users, editionName: t.editions.name })
    .from(t.applications)
    .innerJoin(t.users, eq(t.users.id, t.applications.userId))
    .innerJoin(t.editions, eq(t.editions.id, t.applications.editionId))
    .where(eq(t.applications.id, applicationId))
    .get();
  if (!row) throw new NotFoundError("application");
  const tr = translatorFor(row.user.locale);
  const status = tr(`statuses.${row.app.status}`);
  await sendMail({
    to: row.user.email,
    subject: tr("mail.status.subject", { edition: row.editionName, status }),
    text: tr("mail.status.body", {
      name: row.user.displayName,
      edition: row.editionName,
      status,
      reason: row.app.statusReason ? `${tr("common.reason")}: ${row.app.statusReason}\n` : "",
      link: `${getEnv().appUrl}/me/applications/${row.app.id}`,
    }),
  });
}

/** The applicant's status page data (StatusView) for the actor's application `id` in `lng` (NotFoundError otherwise). */
export function applicationStatusView(actor: Actor, id: number, lng: string): StatusViewData {
  const { application: a, edition } = getOwnApplication(actor, id);
  // The applicant's own zone (or their country's), not the host edition's.
  const zone = actor.timeZone ?? (a.nationality ? defaultTimeZone(a.nationality) : edition.timeZone);
  const when = new Intl.DateTimeFormat(lng, {
    year: "numeric",
    month: "short",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZone: zone,
    timeZoneName: "short",
  });
  const name = a;
  return {
    application: {
      id: a.id,
      status: a.status,
      statusReason: a.statusReason,
      name: a.givenName ? displayName(name) : "",
      latinName: latinName(name),
      birthDate: a.birthDate,
      birthDateText: formatDate(a.birthDate, lng, "long"),
      nationality: a.nationality ? countryName(a.nationality, lng) : "",
      place: [a.village, a.district, a.province].filter(Boolean).join(", "),
      position: a.position,
      languages: a.languages.map((l) => `${languageName(l.code, lng)} (${translatorFor(lng)(`levels.${l.level}`)})`),
      themes: a.themes,
      hostCountries: a.preferredHostCountries.map((c) => countryName(c, lng)),
      availability: a.availableFrom && a.availableTo ? `${formatDate(a.availableFrom, lng)} – ${formatDate(a.availableTo, lng)}` : "",
    },
    edition: { id: edition.id, name: edition.name, dates: `${formatDate(edition.startsOn, lng)} – ${formatDate(edition.endsOn, lng)}` },
    trail: auditTrail(APPLICATION_ENTITY, a.id).map((e) => ({ ...e, when: when.format(new Date(e.at)) })),
    canEdit: canEdit(a, edition),
    canWithdraw: canWithdraw(a, edition),
  };
}

