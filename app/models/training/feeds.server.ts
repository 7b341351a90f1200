/**
 * Calendar feeds (issue 5): a personal iCalendar feed per participant (per accepted application)
 * and one per exchange visit, each at a secret, revocable URL `/feeds/<token>.ics`. Revoking
 * makes the old URL answer 404 at once and issues a new one. Built with the pure feed builders
 * (TZID + VTIMEZONE, VALUE=DATE arrival/departure, stable UIDs, STATUS:CANCELLED).
 *
 * Only the SHA-256 of a token is stored (issue 13, finding 4): the URL is shown once, when it is
 * made (rotate*Feed returns it), and a lost URL is replaced by making a new one. SHA-256 without
 * salt is enough here because tokens are 192 random bits, not something a person chose. URLs are
 * built from APP_URL, never from the request's Host header.
 */
import { createHash, randomBytes } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import { db, immediate, t, type Db } from "../../db.server";
import { languageName } from "../../domain/vocabulary";
import { pickField, shownName, siteNameShown, visitTitleShown } from "../../domain/local-text";
import { matchLanguage } from "../../domain/languages";
import { translatorFor } from "../../i18n.server";
import { buildParticipantFeed, buildVisitFeed, type FeedItem } from "../../domain/training";
import type { Actor } from "../actor";
import { recordAudit } from "../audit.server";
import { NotFoundError } from "../errors";
import { planOf, visitWithSiteColumns, type ItineraryVisit } from "./itinerary.server";
import { listTrainingRows, type TrainingListRow } from "./list.server";
import { visitInScope } from "../hosts/visits.server";
import { getEnv } from "../../env.server";

const TOKEN_RE = /^[A-Za-z0-9_-]{20,64}$/;

function newToken(): string {
  return randomBytes(24).toString("base64url");
}

/** The stored form of a feed token: SHA-256, hex. */
export function feedTokenHash(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** The public URL of a feed token, from APP_URL (e.g. https://vlx.example.org/feeds/<token>.ics). */
export function feedUrl(token: string): string {
  return `${getEnv().appUrl.replace(/\/+$/, "")}/feeds/${token}.ics`;
}

/** Whether a feed URL is live, and since when (ISO); the URL itself is not kept. */
export type FeedState = { active: boolean; since: string | null };

type Owner = { kind: "participant"; applicationId: number } | { kind: "visit"; visitId: number };

function activeFeed(tx: Db, owner: Owner): FeedState {
  const cond =
    owner.kind === "participant"
      ? and(eq(t.calendarFeedTokens.kind, "participant"), eq(t.calendarFeedTokens.applicationId, owner.applicationId))
      : and(eq(t.calendarFeedTokens.kind, "visit"), eq(t.calendarFeedTokens.visitId, owner.visitId));
  const row = tx
    .select({ createdAt: t.calendarFeedTokens.createdAt })
    .from(t.calendarFeedTokens)
    .where(and(cond, isNull(t.calendarFeedTokens.revokedAt)))
    .get();
  return { active: !!row, since: row?.createdAt ?? null };
}

function issue(tx: Db, actor: Actor, owner: Owner): string {
  const token = newToken();
  tx.insert(t.calendarFeedTokens)
    .values({
      tokenHash: feedTokenHash(token),
      kind: owner.kind,
      applicationId: owner.kind === "participant" ? owner.applicationId : null,
      visitId: owner.kind === "visit" ? owner.visitId : null,
      createdBy: actor.id,
    })
    .run();
  return token;
}

function revokeAll(tx: Db, owner: Owner) {
  const cond =
    owner.kind === "participant"
      ? and(eq(t.calendarFeedTokens.kind, "participant"), eq(t.calendarFeedTokens.applicationId, owner.applicationId))
      : and(eq(t.calendarFeedTokens.kind, "visit"), eq(t.calendarFeedTokens.visitId, owner.visitId));
  tx.update(t.calendarFeedTokens)
    .set({ revokedAt: new Date().toISOString() })
    .where(and(cond, isNull(t.calendarFeedTokens.revokedAt)))
    .run();
}

/** The actor's own accepted application, else NotFoundError. */
function ownApplication(tx: Db, actor: Actor, applicationId: number) {
  const app = Number.isInteger(applicationId)
    ? tx
        .select({
          id: t.applications.id,
          editionId: t.applications.editionId,
          editionName: t.editions.name,
          nationality: t.applications.nationality,
          userId: t.applications.userId,
          status: t.applications.status,
        })
        .from(t.applications)
        .innerJoin(t.editions, eq(t.editions.id, t.applications.editionId))
        .where(eq(t.applications.id, applicationId))
        .get()
    : undefined;
  if (!app || app.userId !== actor.id || app.status !== "accepted") throw new NotFoundError("application");
  return app;
}

/** Whether the participant has a live feed URL for one of their accepted applications (NotFoundError otherwise). */
export function participantFeedState(actor: Actor, applicationId: number): FeedState {
  const tx = db();
  ownApplication(tx, actor, applicationId);
  return activeFeed(tx, { kind: "participant", applicationId });
}

/**
 * Revokes the participant's feed URL (if any) and issues a new one; returns the new token, the
 * only time it is available (show it, build the URL with feedUrl).
 */
export function rotateParticipantFeed(actor: Actor, applicationId: number): string {
  return immediate(db(), (tx) => {
    ownApplication(tx, actor, applicationId);
    const owner: Owner = { kind: "participant", applicationId };
    revokeAll(tx, owner);
    recordAudit(actor, { entityType: "calendar_feed", entityId: applicationId, action: "revoke", details: { kind: "participant" } }, tx);
    return issue(tx, actor, owner);
  });
}

/** Whether the visit has a live feed URL (host coordinators of the site and organizers; NotFoundError otherwise). */
export function visitFeedState(actor: Actor, visitId: number): FeedState {
  const tx = db();
  visitInScope(actor, visitId, tx);
  return activeFeed(tx, { kind: "visit", visitId });
}

/** Revokes the visit's feed URL (if any) and issues a new one; returns the new token (shown once). */
export function rotateVisitFeed(actor: Actor, visitId: number): string {
  return immediate(db(), (tx) => {
    visitInScope(actor, visitId, tx);
    const owner: Owner = { kind: "visit", visitId };
    revokeAll(tx, owner);
    recordAudit(actor, { entityType: "calendar_feed", entityId: visitId, action: "revoke", details: { kind: "visit" } }, tx);
    return issue(tx, actor, owner);
  });
}

/**
 * The feed's reader: the language of its texts (issue 11): organizer-written titles picked for
 * `lng` (their language, else English, else the first given), fixed words translated with `tr`.
 */
type Reader = { lng: string; tr: ReturnType<typeof translatorFor> };

function readerOf(locale: string | null | undefined): Reader {
  const lng = matchLanguage(locale ?? "") ?? "en";
  return { lng, tr: translatorFor(lng) };
}

function trainingItem(r: TrainingListRow, { lng, tr }: Reader): FeedItem {
  const title = pickField(r.title, r.translations, "title", lng);
  const description = pickField(r.description, r.translations, "description", lng);
  const lines = [
    description.text,
    tr("training.feed.text.language", { language: languageName(r.deliveryLanguage, lng) }),
    r.trainers.length ? tr("training.feed.text.trainers", { names: r.trainers.join(", ") }) : "",
    r.interpreters.length ? tr("training.feed.text.interpreters", { names: r.interpreters.join(", ") }) : "",
    r.onlineUrl ? tr("training.feed.text.online", { url: r.onlineUrl }) : "",
  ].filter(Boolean);
  return {
    kind: "training",
    id: r.id,
    title: title.text,
    // The description starts with the organizer's text when there is one; a venue's name has no
    // known language (""), the word "Online" is the reader's.
    lang: { summary: title.lang, description: description.text ? description.lang : lng, location: r.venueName ? "" : lng },
    start: r.startsAt,
    end: r.endsAt,
    venueZone: r.timeZone,
    status: r.status,
    updatedAt: r.updatedAt,
    revision: r.revision,
    location: r.venueName ?? (r.onlineUrl ? tr("training.feed.text.onlineLocation") : null),
    description: lines.join("\n"),
    onlineUrl: r.onlineUrl,
  };
}

function visitItems(v: ItineraryVisit, { lng, tr }: Reader): FeedItem[] {
  const site = siteNameShown({ name: v.siteName, nameLatin: v.siteNameLatin, countryCode: v.countryCode, translations: v.siteTranslations }, lng);
  const where = `${site.text}, ${v.province}`;
  const title = visitTitleShown(v.title, v.translations, site, lng);
  // The summary is a sentence in the reader's language around the visit's name.
  const lang = { summary: lng, location: site.lang };
  return [
    {
      kind: "all-day",
      uidKind: "arrival",
      id: v.id,
      title: tr("training.feed.text.arrival", { title: title.text }),
      date: v.arrivalOn,
      updatedAt: v.updatedAt,
      location: where,
      lang,
    },
    {
      kind: "all-day",
      uidKind: "departure",
      id: v.id,
      title: tr("training.feed.text.departure", { title: title.text }),
      date: v.departureOn,
      updatedAt: v.updatedAt,
      location: where,
      lang,
    },
  ];
}

/**
 * The feed behind a token: `{ body, filename }`, or NotFoundError for an unknown or revoked
 * token. Output depends only on the data (no clock reads), so the same data gives the same bytes.
 */
export function renderFeed(token: string): { body: string; filename: string } {
  if (!TOKEN_RE.test(token)) throw new NotFoundError("feed");
  const tx = db();
  const row = tx
    .select()
    .from(t.calendarFeedTokens)
    .where(eq(t.calendarFeedTokens.tokenHash, feedTokenHash(token)))
    .get();
  if (!row || row.revokedAt) throw new NotFoundError("feed");
  if (row.kind === "participant" && row.applicationId !== null) {
    const app = tx
      .select({
        id: t.applications.id,
        editionId: t.applications.editionId,
        editionName: t.editions.name,
        editionTranslations: t.editions.translations,
        nationality: t.applications.nationality,
        status: t.applications.status,
        displayName: t.users.displayName,
        locale: t.users.locale,
      })
      .from(t.applications)
      .innerJoin(t.editions, eq(t.editions.id, t.applications.editionId))
      .innerJoin(t.users, eq(t.users.id, t.applications.userId))
      .where(eq(t.applications.id, row.applicationId))
      .get();
    if (!app || app.status !== "accepted") throw new NotFoundError("feed");
    // The participant's own saved language.
    const reader = readerOf(app.locale);
    const plan = planOf(tx, app);
    const items: FeedItem[] = [
      ...plan.visits.flatMap((v) => visitItems(v, reader)),
      // Waiting-list places are not in the calendar until a seat is given.
      ...plan.trainings.filter((r) => r.enrolment !== "waitlisted").map((r) => trainingItem(r, reader)),
    ];
    const edition = shownName({ name: app.editionName, translations: app.editionTranslations }, reader.lng).name;
    return {
      body: buildParticipantFeed({
        participantName: `${app.displayName} – ${edition}`,
        items,
        options: { ttlSeconds: 3600, language: reader.lng },
      }),
      filename: `vlx-itinerary-${app.id}.ics`,
    };
  }
  if (row.kind === "visit" && row.visitId !== null) {
    const v = tx
      .select({ ...visitWithSiteColumns, status: t.exchangeVisits.status })
      .from(t.exchangeVisits)
      .innerJoin(t.hostSites, eq(t.hostSites.id, t.exchangeVisits.hostSiteId))
      .where(eq(t.exchangeVisits.id, row.visitId))
      .get();
    if (!v) throw new NotFoundError("feed");
    // A visit's feed is read by whoever made its address (a host coordinator): their language.
    const maker = row.createdBy ? tx.select({ locale: t.users.locale }).from(t.users).where(eq(t.users.id, row.createdBy)).get() : undefined;
    const reader = readerOf(maker?.locale);
    const trainings = listTrainingRows(tx, { visitId: v.id }).filter((r) => r.status !== "draft");
    const items = [...(v.status === "cancelled" ? [] : visitItems(v, reader)), ...trainings.map((r) => trainingItem(r, reader))];
    const site = siteNameShown({ name: v.siteName, nameLatin: v.siteNameLatin, countryCode: v.countryCode, translations: v.siteTranslations }, reader.lng);
    return {
      body: buildVisitFeed({
        visitTitle: visitTitleShown(v.title, v.translations, site, reader.lng).text,
        items,
        options: { ttlSeconds: 3600, language: reader.lng },
      }),
      filename: `vlx-visit-${v.id}.ics`,
    };
  }
  throw new NotFoundError("feed");
}
