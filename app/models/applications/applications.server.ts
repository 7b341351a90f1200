/**
 * Applications (docs/design.md "application", "Life cycles"): the applicant's use cases.
 *
 * Applicant use cases (scope: the actor's own applications; anything else is NotFoundError):
 * startApplication, saveDraft, submitApplication, withdrawApplication, getOwnApplication,
 * listOwnApplications.
 *
 * The shared core other roles build on (`applicationValues`, `transitionApplication`,
 * `notifyStatusChange`) is app/models/applications/core.server.ts, re-exported here.
 */
import { showsStatusBadge } from "~/domain/application-history";
import { pickField } from "../../domain/local-text";
import { and, desc, eq, sql } from "drizzle-orm";
import type { StatusViewData } from "../../components/application/StatusView";
import { countryName, defaultTimeZone } from "../../domain/countries";
import { formatDate, todayIn } from "../../domain/dates";
import { displayName, latinName } from "../../domain/names";
import { languageName } from "../../domain/vocabulary";
import { db, immediate, preparedQuery, t, type Db } from "../../db.server";
import { nextStatus } from "../../domain/application-lifecycle";
import type { ApplicationInput } from "../../forms/application";
import { translatorFor } from "../../i18n.server";
import type { Actor } from "../actor";
import { auditTrail, recordAudit } from "../audit.server";
import { APPLICATION_ENTITY, applicationValues, transitionApplication, type Application } from "./core.server";
import { getEdition, windowState, type Edition } from "../editions/editions.server";
import type { AnswerValue } from "../../domain/questions";
import { saveAnswers, type QuestionWithVersion } from "./questions.server";
import { FieldErrors, NotFoundError, RuleError } from "../errors";

export { APPLICATION_ENTITY, applicationValues, notifyStatusChange, transitionApplication, type Application } from "./core.server";

/**
 * The edition's own questions answered with the form (issue 15): the questions the answers were
 * parsed against (domain/questions.ts parseAnswers) and the parsed values.
 */
export type Answers = { questions: QuestionWithVersion[]; values: Map<number, AnswerValue | null> };

/** Only questions of the application's own edition are written (a form posted for another edition writes none). */
const questionsOf = (answers: Answers, editionId: number) => answers.questions.filter((q) => q.editionId === editionId);

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
    const created = tx.insert(t.applications).values({ editionId, userId: actor.id, status: "draft" }).onConflictDoNothing().returning().get();
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
export function saveDraft(actor: Actor, applicationId: number, input: ApplicationInput, answers?: Answers): void {
  immediate(db(), (tx) => {
    const app = loadOwn(tx, actor, applicationId);
    if (app.status !== "draft") throw new RuleError("apply.errors.notEditable");
    checkThemes(input, getEdition(app.editionId));
    tx.update(t.applications).set(applicationValues(input, app.sensitiveConsentAt)).where(eq(t.applications.id, app.id)).run();
    if (answers) saveAnswers(tx, app.id, questionsOf(answers, app.editionId), answers.values);
  });
}

/**
 * Saves the answers and submits (strict validation already done by submitSchema), in one
 * BEGIN IMMEDIATE transaction: window open (RuleError otherwise, nothing written), status
 * draft → submitted, audit event. Submitting an application that is already submitted does
 * nothing and reports `already: true` (double click, back and resubmit), so callers simply show
 * the status page. NotFoundError when not the actor's.
 */
export function submitApplication(actor: Actor, applicationId: number, input: ApplicationInput, answers?: Answers): { id: number; already: boolean } {
  return immediate(db(), (tx) => {
    const app = loadOwn(tx, actor, applicationId);
    if (app.status === "submitted") return { id: app.id, already: true };
    const edition = getEdition(app.editionId);
    if (windowState(edition) !== "open") windowError(edition);
    if (app.status !== "draft") throw new RuleError("errors.transition", { action: "submit", status: app.status });
    checkThemes(input, edition);
    tx.update(t.applications).set(applicationValues(input, app.sensitiveConsentAt)).where(eq(t.applications.id, app.id)).run();
    if (answers) saveAnswers(tx, app.id, questionsOf(answers, app.editionId), answers.values);
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

const ownApplications = preparedQuery((d) =>
  d
    .select({
      id: t.applications.id,
      status: t.applications.status,
      updatedAt: t.applications.updatedAt,
      submittedAt: t.applications.submittedAt,
      editionId: t.editions.id,
      editionName: t.editions.name,
      editionTranslations: t.editions.translations,
      startsOn: t.editions.startsOn,
      endsOn: t.editions.endsOn,
      applicationsOpenOn: t.editions.applicationsOpenOn,
      applicationsCloseOn: t.editions.applicationsCloseOn,
      timeZone: t.editions.timeZone,
    })
    .from(t.applications)
    .innerJoin(t.editions, eq(t.editions.id, t.applications.editionId))
    .where(eq(t.applications.userId, sql.placeholder("userId")))
    .orderBy(desc(t.applications.id))
    .prepare(),
);

/** The actor's applications, newest first, with the edition's name and window. */
export function listOwnApplications(actor: Actor) {
  return ownApplications().all({ userId: actor.id });
}

/** Whether the applicant may still edit and submit (a draft, window open). */
export function canEdit(app: Pick<Application, "status">, edition: Edition, now = new Date()) {
  return app.status === "draft" && windowState(edition, now) === "open";
}

/** Whether the applicant may withdraw now. */
export function canWithdraw(app: Pick<Application, "status">, edition: Edition, now = new Date()) {
  return nextStatus(app.status, "withdraw", "applicant") !== null && editionRunning(edition, now);
}

/** The applicant's status page data (StatusView) for the actor's application `id` in `lng` (NotFoundError otherwise). */
export function applicationStatusView(actor: Actor, id: number, lng: string): StatusViewData {
  const { application: a, edition } = getOwnApplication(actor, id);
  const tr = translatorFor(lng);
  // The applicant's own zone (or their country's), not the host edition's.
  const zone = actor.timeZone ?? (a.nationality ? defaultTimeZone(a.nationality) : edition.timeZone);
  const when = new Intl.DateTimeFormat(lng, {
    calendar: "gregory",
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
      languages: a.languages.map((l) => `${languageName(l.code, lng)} (${tr(`levels.${l.level}`)})`),
      themes: a.themes,
      hostCountries: a.preferredHostCountries.map((c) => countryName(c, lng)),
      availability: a.availableFrom && a.availableTo ? `${formatDate(a.availableFrom, lng)} – ${formatDate(a.availableTo, lng)}` : "",
    },
    edition: {
      id: edition.id,
      name: pickField(edition.name, edition.translations, "name", lng).text,
      lang: pickField(edition.name, edition.translations, "name", lng).lang,
      dates: `${formatDate(edition.startsOn, lng)} – ${formatDate(edition.endsOn, lng)}`,
    },
    trail: auditTrail(APPLICATION_ENTITY, a.id).map((e) => ({ ...e, when: when.format(new Date(e.at)), badge: showsStatusBadge(e.action, e.toState) })),
    canEdit: canEdit(a, edition),
    canWithdraw: canWithdraw(a, edition),
    placement: a.status === "accepted" ? currentPlacement(a.id, lng) : null,
  };
}

/**
 * An accepted application's offer waiting for an answer, else its accepted place (latest first),
 * so the status page says what is true now ("an offer is waiting", not "an offer will come";
 * new-user findings). Null when neither exists. `replyBy` is formatted for `lng`.
 */
function currentPlacement(applicationId: number, lng: string) {
  const rows = db()
    .select({ id: t.placements.id, status: t.placements.status, replyBy: t.placements.replyBy })
    .from(t.placements)
    .where(and(eq(t.placements.applicationId, applicationId), sql`${t.placements.status} in ('offered', 'accepted')`))
    .orderBy(desc(t.placements.id))
    .all();
  const p = rows.find((r) => r.status === "offered") ?? rows[0];
  return p ? { id: p.id, status: p.status as "offered" | "accepted", replyBy: p.replyBy ? formatDate(p.replyBy, lng, "long") : "" } : null;
}
