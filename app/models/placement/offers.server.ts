/**
 * Placement offers, the participant's side (docs/design.md "Life cycles": proposed -> offered ->
 * accepted | declined | expired): the offers of the signed-in participant, accepting and
 * declining them, and the expiry of offers whose reply-by date has passed.
 *
 * The reply-by date is date-only and read in the visit site's zone (host_sites.time_zone): an
 * offer can be answered until the end of that day there, and expires from the next day on.
 *
 * Never overbooked (docs/design.md invariant 1): accepting checks and writes in one BEGIN IMMEDIATE
 * transaction. An offer already holds its seat; accepting still re-checks that the visit's
 * accepted placements stay within its capacity and per-country cap, and that the participant has
 * no overlapping accepted placement (invariant 3), so no interleaving of simultaneous accepts
 * (nor an overbooked state left by an import or an older version) can put a visit over.
 *
 * This module keeps its imports light (drizzle, the schema, dates, audit): the concurrency test
 * loads it in 50 worker threads, each with its own connection (`acceptOfferWith`).
 */
import { and, desc, eq, inArray, ne, sql } from "drizzle-orm";
import { db, immediate, preparedQuery, t, type Db } from "../../db.server";
import { todayIn } from "../../domain/dates";
import { log } from "../../log.server";
import type { Actor } from "../actor";
import { recordAudit } from "../audit.server";
import { NotFoundError, RuleError } from "../errors";

/** Statuses a participant sees (a proposal is the organizers' draft, not shown to them). */
export const PARTICIPANT_VISIBLE = ["offered", "accepted", "declined", "expired", "cancelled"] as const;

function loadOne(tx: Db, placementId: number) {
  if (!Number.isInteger(placementId)) return undefined;
  return tx
    .select({
      p: t.placements,
      userId: t.applications.userId,
      nationality: t.applications.nationality,
      editionId: t.applications.editionId,
      visit: t.exchangeVisits,
      timeZone: t.hostSites.timeZone,
    })
    .from(t.placements)
    .innerJoin(t.applications, eq(t.applications.id, t.placements.applicationId))
    .innerJoin(t.exchangeVisits, eq(t.exchangeVisits.id, t.placements.visitId))
    .innerJoin(t.hostSites, eq(t.hostSites.id, t.exchangeVisits.hostSiteId))
    .where(eq(t.placements.id, placementId))
    .get();
}

/** Is the offer past its reply-by date at `now` (the day after reply-by has begun in the site's zone)? */
export function isPastReplyBy(replyBy: string | null, timeZone: string, now: Date): boolean {
  return !!replyBy && todayIn(timeZone, now) > replyBy;
}

function markExpired(tx: Db, placementId: number, replyBy: string | null, now: Date) {
  const at = now.toISOString();
  const r = tx
    .update(t.placements)
    .set({ status: "expired", updatedAt: at })
    .where(and(eq(t.placements.id, placementId), eq(t.placements.status, "offered")))
    .run();
  if (r.changes)
    recordAudit(null, { entityType: "placement", entityId: placementId, action: "expire", fromState: "offered", toState: "expired", details: { replyBy } }, tx);
  return r.changes;
}

export type AcceptOutcome = { ok: true } | { ok: false; notFound?: true; key: string; params?: Record<string, string | number> };

/**
 * The participant `userId` accepts their offer `placementId`, on the connection `handle`
 * (its own BEGIN IMMEDIATE transaction). Returns the outcome instead of throwing, so callers on
 * other connections (worker threads in the concurrency test) can count winners.
 */
export function acceptOfferWith(handle: Db, userId: number, placementId: number, now: Date = new Date()): AcceptOutcome {
  let expired = false;
  const out = immediate(handle, (tx): AcceptOutcome => {
    const row = loadOne(tx, placementId);
    if (!row || row.userId !== userId || row.p.status === "proposed") return { ok: false, notFound: true, key: "placement" };
    if (row.p.status !== "offered") return { ok: false, key: "placement.errors.notOffered", params: { status: row.p.status } };
    if (isPastReplyBy(row.p.replyBy, row.timeZone, now)) {
      markExpired(tx, placementId, row.p.replyBy, now);
      expired = true;
      return { ok: false, key: "placement.errors.offerExpired" };
    }
    const others = tx
      .select({ id: t.placements.id, nationality: t.applications.nationality })
      .from(t.placements)
      .innerJoin(t.applications, eq(t.applications.id, t.placements.applicationId))
      .where(and(eq(t.placements.visitId, row.visit.id), eq(t.placements.status, "accepted"), ne(t.placements.id, placementId)))
      .all();
    if (others.length >= row.visit.capacity) return { ok: false, key: "placement.errors.visitFull", params: { count: row.visit.capacity } };
    const sameCountry = others.filter((o) => o.nationality === row.nationality).length;
    if (sameCountry >= row.visit.perCountryCap) return { ok: false, key: "placement.errors.countryCapReached", params: { count: row.visit.perCountryCap } };
    // Invariant 3: no two overlapping accepted placements of one person (any edition).
    const mine = tx
      .select({ arrivalOn: t.exchangeVisits.arrivalOn, departureOn: t.exchangeVisits.departureOn })
      .from(t.placements)
      .innerJoin(t.applications, eq(t.applications.id, t.placements.applicationId))
      .innerJoin(t.exchangeVisits, eq(t.exchangeVisits.id, t.placements.visitId))
      .where(and(eq(t.applications.userId, userId), eq(t.placements.status, "accepted"), ne(t.placements.id, placementId)))
      .all();
    // Date-only inclusive stays overlap when they share a day.
    if (mine.some((m) => m.arrivalOn <= row.visit.departureOn && row.visit.arrivalOn <= m.departureOn)) return { ok: false, key: "placement.errors.overlap" };
    const at = now.toISOString();
    tx.update(t.placements).set({ status: "accepted", respondedAt: at, updatedAt: at }).where(eq(t.placements.id, placementId)).run();
    recordAudit({ id: userId }, { entityType: "placement", entityId: placementId, action: "accept", fromState: "offered", toState: "accepted" }, tx);
    return { ok: true };
  });
  if (expired) log.info({ placementId }, "offer expired on reply");
  return out;
}

/** Participant: accepts their own offer. NotFound for another's offer; RuleError when refused. */
export function acceptOffer(actor: Actor, placementId: number, now: Date = new Date()): void {
  const r = acceptOfferWith(db(), actor.id, placementId, now);
  if (r.ok) return;
  if (r.notFound) throw new NotFoundError("placement");
  throw new RuleError(r.key, r.params);
}

/** Participant: declines their own offer (an optional reason is kept in the audit event). The seat is free again. */
export function declineOffer(actor: Actor, placementId: number, reason?: string | null, now: Date = new Date()): void {
  let refusal: RuleError | undefined;
  immediate(db(), (tx) => {
    const row = loadOne(tx, placementId);
    if (!row || row.userId !== actor.id || row.p.status === "proposed") throw new NotFoundError("placement");
    if (row.p.status !== "offered") throw new RuleError("placement.errors.notOffered", { status: row.p.status });
    if (isPastReplyBy(row.p.replyBy, row.timeZone, now)) {
      markExpired(tx, placementId, row.p.replyBy, now);
      refusal = new RuleError("placement.errors.offerExpired");
      return;
    }
    const at = now.toISOString();
    tx.update(t.placements).set({ status: "declined", respondedAt: at, updatedAt: at }).where(eq(t.placements.id, placementId)).run();
    recordAudit(
      actor,
      { entityType: "placement", entityId: placementId, action: "decline", fromState: "offered", toState: "declined", reason: reason?.trim() || null },
      tx,
    );
  });
  if (refusal) throw refusal;
}

/**
 * Expires every offer whose reply-by date has passed at `now` (in its site's zone): offered ->
 * expired, audited with no actor. Idempotent (only rows still offered change); returns how many
 * expired. Reads first and takes the write lock only when something is due.
 */
export function expireOffers(now: Date = new Date(), handle: Db = db()): number {
  const due = (tx: Db) =>
    tx
      .select({ id: t.placements.id, replyBy: t.placements.replyBy, timeZone: t.hostSites.timeZone })
      .from(t.placements)
      .innerJoin(t.exchangeVisits, eq(t.exchangeVisits.id, t.placements.visitId))
      .innerJoin(t.hostSites, eq(t.hostSites.id, t.exchangeVisits.hostSiteId))
      .where(eq(t.placements.status, "offered"))
      .all()
      .filter((r) => isPastReplyBy(r.replyBy, r.timeZone, now));
  if (due(handle).length === 0) return 0;
  return immediate(handle, (tx) => due(tx).reduce((n, r) => n + markExpired(tx, r.id, r.replyBy, now), 0));
}

let timer: ReturnType<typeof setInterval> | undefined;

/** Starts the periodic expiry (server.ts): once now, then every `minutes`. */
export function startOfferExpiry(minutes = Number(process.env.OFFER_EXPIRY_INTERVAL_MINUTES) || 15) {
  if (timer) return;
  const tick = () => {
    try {
      const n = expireOffers();
      if (n) log.info({ expired: n }, "placement offers expired");
    } catch (e) {
      log.error({ error: e instanceof Error ? e.message : String(e) }, "offer expiry failed");
    }
  };
  tick();
  timer = setInterval(tick, minutes * 60_000);
  timer.unref?.();
}

export function stopOfferExpiry() {
  if (timer) clearInterval(timer);
  timer = undefined;
}

const ownPlacements = preparedQuery((d) =>
  d
    .select({
      id: t.placements.id,
      status: t.placements.status,
      replyBy: t.placements.replyBy,
      applicationId: t.placements.applicationId,
      editionName: t.editions.name,
      visitTitle: t.exchangeVisits.title,
      visitTranslations: t.exchangeVisits.translations,
      arrivalOn: t.exchangeVisits.arrivalOn,
      departureOn: t.exchangeVisits.departureOn,
      siteName: t.hostSites.name,
      siteNameLatin: t.hostSites.nameLatin,
      siteTranslations: t.hostSites.translations,
      countryCode: t.hostSites.countryCode,
    })
    .from(t.placements)
    .innerJoin(t.applications, eq(t.applications.id, t.placements.applicationId))
    .innerJoin(t.editions, eq(t.editions.id, t.applications.editionId))
    .innerJoin(t.exchangeVisits, eq(t.exchangeVisits.id, t.placements.visitId))
    .innerJoin(t.hostSites, eq(t.hostSites.id, t.exchangeVisits.hostSiteId))
    .where(and(eq(t.applications.userId, sql.placeholder("userId")), inArray(t.placements.status, [...PARTICIPANT_VISIBLE])))
    .orderBy(desc(t.exchangeVisits.arrivalOn), desc(t.placements.id))
    .prepare(),
);

/** The participant's placements (offers and their answers) for "My applications": open offers first, then by arrival, latest first. */
export function listOwnPlacements(actor: Actor) {
  return ownPlacements()
    .all({ userId: actor.id })
    .sort((a, b) => Number(b.status === "offered") - Number(a.status === "offered"));
}

/** Participant: one of their own placements with what they need to decide. NotFound otherwise. */
export function getOwnPlacement(actor: Actor, placementId: number, now: Date = new Date()) {
  expireOffers(now);
  const row = Number.isInteger(placementId)
    ? db()
        .select({
          p: t.placements,
          userId: t.applications.userId,
          editionName: t.editions.name,
          editionTranslations: t.editions.translations,
          visit: t.exchangeVisits,
          site: {
            name: t.hostSites.name,
            nameLatin: t.hostSites.nameLatin,
            translations: t.hostSites.translations,
            countryCode: t.hostSites.countryCode,
            province: t.hostSites.province,
            district: t.hostSites.district,
            timeZone: t.hostSites.timeZone,
            accommodation: t.hostSites.accommodation,
          },
        })
        .from(t.placements)
        .innerJoin(t.applications, eq(t.applications.id, t.placements.applicationId))
        .innerJoin(t.editions, eq(t.editions.id, t.applications.editionId))
        .innerJoin(t.exchangeVisits, eq(t.exchangeVisits.id, t.placements.visitId))
        .innerJoin(t.hostSites, eq(t.hostSites.id, t.exchangeVisits.hostSiteId))
        .where(eq(t.placements.id, placementId))
        .get()
    : undefined;
  if (!row || row.userId !== actor.id || row.p.status === "proposed") throw new NotFoundError("placement");
  return { ...row, today: todayIn(row.site.timeZone, now) };
}
