/**
 * Host sites, the organizers' side (docs/design.md "host site"): every site with its vetting status,
 * vetting (pending → vetted | suspended, with notes and the date of the last check; a
 * suspension of a site with upcoming visits needs a confirmation step), and coordinator
 * assignment. Anyone but an organizer gets NotFoundError (404).
 */
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { db, immediate, t, type Db } from "../../db.server";
import { todayIn } from "../../domain/dates";
import { displayName, foldForSearch, latinName } from "../../domain/names";
import type { VettingInput } from "../../forms/host-site";
import type { Actor } from "../actor";
import { requireOrganizer } from "../actor";
import { recordAudit } from "../audit.server";
import { FieldErrors } from "../errors";
import { normalizeEmail } from "../accounts/accounts.server";
import { SEAT_HOLDING } from "../../../db/schema/hosts";
import { siteInScope, type HostSite } from "./sites.server";
import { localizeVisitRow } from "./visits.server";

export type SiteFilters = { status?: string | null; country?: string | null; q?: string | null };

/** Organizer: every site with its vetting status, filtered, with counts of coordinators and visits. */
export function listSitesForAdmin(actor: Actor, filters: SiteFilters = {}) {
  requireOrganizer(actor);
  const where = [];
  if (filters.status) where.push(eq(t.hostSites.vettingStatus, filters.status as HostSite["vettingStatus"]));
  if (filters.country) where.push(eq(t.hostSites.countryCode, filters.country));
  const rows = db()
    .select({
      id: t.hostSites.id,
      name: t.hostSites.name,
      nameLatin: t.hostSites.nameLatin,
      translations: t.hostSites.translations,
      countryCode: t.hostSites.countryCode,
      province: t.hostSites.province,
      beds: t.hostSites.beds,
      vettingStatus: t.hostSites.vettingStatus,
      lastCheckedOn: t.hostSites.lastCheckedOn,
      coordinators: sql<number>`(select count(*) from host_site_coordinators c where c.host_site_id = "host_sites"."id")`,
      visits: sql<number>`(select count(*) from exchange_visits v where v.host_site_id = "host_sites"."id" and v.status <> 'cancelled')`,
    })
    .from(t.hostSites)
    .where(where.length ? and(...where) : undefined)
    .orderBy(asc(t.hostSites.countryCode), asc(t.hostSites.nameLatin))
    .all();
  const q = filters.q ? foldForSearch(filters.q) : "";
  // The search also finds a site by a translated name (issue 11).
  const names = (r: (typeof rows)[number]) => Object.values(r.translations?.name ?? {}).join(" ");
  return q ? rows.filter((r) => foldForSearch(`${r.name} ${r.nameLatin} ${names(r)} ${r.province}`).includes(q)) : rows;
}

/**
 * Upcoming (departure today or later in the site's zone), non-cancelled visits of a site with
 * the participants holding a seat (placements proposed, offered or accepted).
 */
export function upcomingVisitsWithParticipants(siteId: number, tx: Db = db(), now = new Date(), lng = "en") {
  const site = tx.select().from(t.hostSites).where(eq(t.hostSites.id, siteId)).get();
  if (!site) return [];
  const today = todayIn(site.timeZone, now);
  const visits = tx
    .select({
      id: t.exchangeVisits.id,
      title: t.exchangeVisits.title,
      arrivalOn: t.exchangeVisits.arrivalOn,
      departureOn: t.exchangeVisits.departureOn,
      capacity: t.exchangeVisits.capacity,
      editionName: t.editions.name,
      visitTranslations: t.exchangeVisits.translations,
      editionTranslations: t.editions.translations,
    })
    .from(t.exchangeVisits)
    .innerJoin(t.editions, eq(t.editions.id, t.exchangeVisits.editionId))
    .where(and(eq(t.exchangeVisits.hostSiteId, siteId), eq(t.exchangeVisits.status, "planned"), sql`${t.exchangeVisits.departureOn} >= ${today}`))
    .orderBy(asc(t.exchangeVisits.arrivalOn))
    .all();
  // Titles and edition names for a reader of `lng` (issue 11 item 8), translations left on the server.
  return visits
    .map((row) => localizeVisitRow(row, lng))
    .map((v) => ({
      ...v,
      participants: tx
        .select({
          placementId: t.placements.id,
          status: t.placements.status,
          givenName: t.applications.givenName,
          familyName: t.applications.familyName,
          givenNameLatin: t.applications.givenNameLatin,
          familyNameLatin: t.applications.familyNameLatin,
          nameOrder: t.applications.nameOrder,
          country: t.applications.nationality,
        })
        .from(t.placements)
        .innerJoin(t.applications, eq(t.applications.id, t.placements.applicationId))
        .where(and(eq(t.placements.visitId, v.id), inArray(t.placements.status, SEAT_HOLDING)))
        .orderBy(asc(t.placements.id))
        .all()
        .map((p) => ({ placementId: p.placementId, status: p.status, country: p.country, name: displayName(p), nameLatin: latinName(p) })),
    }));
}

export type VetResult = { done: true } | { done: false; affected: ReturnType<typeof upcomingVisitsWithParticipants> };

/**
 * Organizer: sets a site's vetting status, notes and last check date (default today in the
 * site's zone), with an audit event. Suspending a site that has upcoming visits is done only
 * with `confirm: "yes"`; without it, nothing is written and the affected visits and
 * participants are returned for the confirmation step.
 */
export function vetSite(actor: Actor, siteId: number, input: VettingInput, now = new Date(), lng = "en"): VetResult {
  requireOrganizer(actor);
  return immediate(db(), (tx) => {
    const before = siteInScope(actor, siteId, tx);
    if (input.vettingStatus === "suspended" && before.vettingStatus !== "suspended" && input.confirm !== "yes") {
      const affected = upcomingVisitsWithParticipants(siteId, tx, now, lng);
      if (affected.length) return { done: false, affected };
    }
    const lastCheckedOn = input.lastCheckedOn || todayIn(before.timeZone, now);
    const notes = input.vettingNotes ?? "";
    tx.update(t.hostSites)
      .set({ vettingStatus: input.vettingStatus, vettingNotes: notes, lastCheckedOn, updatedAt: new Date().toISOString() })
      .where(eq(t.hostSites.id, siteId))
      .run();
    recordAudit(
      actor,
      {
        entityType: "host_site",
        entityId: siteId,
        action: before.vettingStatus === input.vettingStatus ? "vetting_check" : "vetting",
        fromState: before.vettingStatus,
        toState: input.vettingStatus,
        reason: notes || null,
        details: { lastCheckedOn, previousNotes: before.vettingNotes },
      },
      tx,
    );
    return { done: true };
  });
}

/** Organizer: makes an existing host coordinator (by e-mail) a coordinator of the site. */
export function addCoordinator(actor: Actor, siteId: number, email: string): void {
  requireOrganizer(actor);
  immediate(db(), (tx) => {
    siteInScope(actor, siteId, tx);
    const user = tx
      .select()
      .from(t.users)
      .where(eq(t.users.email, normalizeEmail(email)))
      .get();
    const isHost =
      user &&
      !user.disabledAt &&
      tx
        .select({ id: t.roleGrants.id })
        .from(t.roleGrants)
        .where(and(eq(t.roleGrants.userId, user.id), eq(t.roleGrants.role, "host_coordinator")))
        .get();
    if (!user || !isHost) throw FieldErrors.one("email", "hosts.errors.notHostCoordinator");
    const exists = tx
      .select({ id: t.hostSiteCoordinators.userId })
      .from(t.hostSiteCoordinators)
      .where(and(eq(t.hostSiteCoordinators.hostSiteId, siteId), eq(t.hostSiteCoordinators.userId, user.id)))
      .get();
    if (exists) return;
    tx.insert(t.hostSiteCoordinators).values({ hostSiteId: siteId, userId: user.id }).run();
    recordAudit(actor, { entityType: "host_site", entityId: siteId, action: "add_coordinator", details: { userId: user.id } }, tx);
  });
}

/** Organizer: removes a coordinator from the site. */
export function removeCoordinator(actor: Actor, siteId: number, userId: number): void {
  requireOrganizer(actor);
  immediate(db(), (tx) => {
    siteInScope(actor, siteId, tx);
    const r = tx
      .delete(t.hostSiteCoordinators)
      .where(and(eq(t.hostSiteCoordinators.hostSiteId, siteId), eq(t.hostSiteCoordinators.userId, userId)))
      .run();
    if (r.changes) recordAudit(actor, { entityType: "host_site", entityId: siteId, action: "remove_coordinator", details: { userId } }, tx);
  });
}
