/**
 * Exchange visits (docs/design.md "exchange visit"): scheduled by a site's host coordinators (or the
 * organizers) for an edition, edited and cancelled under rules checked inside one BEGIN
 * IMMEDIATE transaction with their write:
 * - only a vetted site may offer a visit, in an edition hosted in the site's country (not online);
 * - arrival and departure lie inside the edition's dates;
 * - capacity never drops below the placements already offered or accepted, nor the per-country
 *   cap below the most offered/accepted participants of one country;
 * - moving the dates may not leave accepted participants outside their availability, nor
 *   training sessions outside the visit (visitDateMoveBlockers);
 * - overlapping visits at one site never need more beds than the site has.
 * Out-of-scope visits are NotFoundError (404).
 */
import { and, asc, eq, inArray, ne, sql } from "drizzle-orm";
import { db, immediate, t, type Db } from "../../db.server";
import { formatDate, todayIn } from "../../domain/dates";
import { formatInterval } from "../../domain/training/display";
import { pickField, siteNames, type Translations } from "../../domain/local-text";
import { displayName } from "../../domain/names";
import { checkBeds, type BedVisit } from "../../domain/visits";
import type { VisitInput } from "../../forms/visit";
import type { Actor } from "../actor";
import { recordAudit } from "../audit.server";
import { visitTrainingsOutside } from "../training/conflicts.server";
import { FieldErrors, NotFoundError, RuleError } from "../errors";
import { requireHostArea, scopedSiteIds, siteInScope, type HostSite } from "./sites.server";

export type Visit = typeof t.exchangeVisits.$inferSelect;

/** Placements that count against capacity once sent: offered and accepted (a floor for edits). */
const OFFERED_OR_ACCEPTED = ["offered", "accepted"] as const;
/** Placements that hold a seat (docs/design.md: proposed, offered, accepted). */
const SEAT_HOLDING = ["proposed", "offered", "accepted"] as const;

/** The visit and its site when in the actor's scope, else NotFoundError. */
export function visitInScope(actor: Actor, visitId: number, tx: Db = db()): { visit: Visit; site: HostSite } {
  requireHostArea(actor);
  const visit = Number.isInteger(visitId) ? tx.select().from(t.exchangeVisits).where(eq(t.exchangeVisits.id, visitId)).get() : undefined;
  if (!visit) throw new NotFoundError("visit");
  try {
    return { visit, site: siteInScope(actor, visit.hostSiteId, tx) };
  } catch {
    throw new NotFoundError("visit");
  }
}

/** A short label naming a visit in messages: its title (or #id) and dates. */
export function visitLabel(v: Pick<Visit, "id" | "title" | "arrivalOn" | "departureOn">): string {
  return `${v.title || `#${v.id}`} (${v.arrivalOn} – ${v.departureOn})`;
}

export type MoveBlocker =
  | { kind: "participant"; applicationId: number; name: string; availableFrom: string | null; availableTo: string | null }
  | { kind: "training"; id: number; title: string; startsAt: string; endsAt: string; timeZone: string };

/**
 * What refuses moving visit `visitId` to [arrivalOn, departureOn]: accepted participants whose
 * availability (application availableFrom/availableTo, open ends allowed) would not cover the
 * new dates, and training sessions of the visit that would fall outside them. Runs inside the
 * caller's transaction.
 */
export function visitDateMoveBlockers(tx: Db, visitId: number, arrivalOn: string, departureOn: string): MoveBlocker[] {
  const blockers: MoveBlocker[] = [];
  const accepted = tx
    .select({
      applicationId: t.applications.id,
      givenName: t.applications.givenName,
      familyName: t.applications.familyName,
      givenNameLatin: t.applications.givenNameLatin,
      familyNameLatin: t.applications.familyNameLatin,
      nameOrder: t.applications.nameOrder,
      availableFrom: t.applications.availableFrom,
      availableTo: t.applications.availableTo,
    })
    .from(t.placements)
    .innerJoin(t.applications, eq(t.applications.id, t.placements.applicationId))
    .where(and(eq(t.placements.visitId, visitId), eq(t.placements.status, "accepted")))
    .all();
  for (const a of accepted) {
    const outside = (a.availableFrom && arrivalOn < a.availableFrom) || (a.availableTo && departureOn > a.availableTo);
    if (outside) {
      blockers.push({ kind: "participant", applicationId: a.applicationId, name: displayName(a), availableFrom: a.availableFrom, availableTo: a.availableTo });
    }
  }

  // docs/design.md invariant 4: a training session lies inside its visit's dates (venue-local days).
  for (const r of visitTrainingsOutside(tx, visitId, arrivalOn, departureOn)) {
    blockers.push({ kind: "training", id: r.id, title: r.title, startsAt: r.startsAt, endsAt: r.endsAt, timeZone: r.timeZone });
  }

  return blockers;
}

/**
 * One blocker as the reader writes it (issue 12, items 14 and 18): a participant's availability as
 * dates in `locale`, a training session in its venue's local time with the zone's name, never raw
 * ISO strings or UTC instants.
 */
export function blockerText(b: MoveBlocker, locale: string): string {
  if (b.kind === "participant") {
    const d = (x: string | null) => (x ? formatDate(x, locale) : "…");
    return `${b.name} (${d(b.availableFrom)} – ${d(b.availableTo)})`;
  }
  return `${b.title} (${formatInterval(b.startsAt, b.endsAt, b.timeZone, { locale })})`;
}

function seatCounts(tx: Db, visitId: number) {
  const rows = tx
    .select({ country: t.applications.nationality, n: sql<number>`count(*)` })
    .from(t.placements)
    .innerJoin(t.applications, eq(t.applications.id, t.placements.applicationId))
    .where(and(eq(t.placements.visitId, visitId), inArray(t.placements.status, [...OFFERED_OR_ACCEPTED])))
    .groupBy(t.applications.nationality)
    .all();
  return { total: rows.reduce((s, r) => s + r.n, 0), maxPerCountry: rows.reduce((m, r) => Math.max(m, r.n), 0) };
}

/** Checks the edition (exists, not online, hosted in the site's country) and the dates inside it. */
function checkEdition(tx: Db, site: HostSite, input: Pick<VisitInput, "editionId" | "arrivalOn" | "departureOn">) {
  const edition = tx.select().from(t.editions).where(eq(t.editions.id, input.editionId)).get();
  if (!edition) throw FieldErrors.one("editionId", "errors.invalid");
  if (edition.mode === "online") throw FieldErrors.one("editionId", "hosts.errors.editionOnline");
  if (!edition.hostCountries.includes(site.countryCode)) throw FieldErrors.one("editionId", "hosts.errors.editionNotHere");
  const range = JSON.stringify({ from: edition.startsOn, to: edition.endsOn });
  const errors: Record<string, string[]> = {};
  if (input.arrivalOn < edition.startsOn || input.arrivalOn > edition.endsOn) errors.arrivalOn = [`hosts.errors.outsideEdition|${range}`];
  if (input.departureOn > edition.endsOn || input.departureOn < edition.startsOn) errors.departureOn = [`hosts.errors.outsideEdition|${range}`];
  if (Object.keys(errors).length) throw new FieldErrors(errors);
  return edition;
}

/** Refuses when overlapping non-cancelled visits at the site would need more beds than it has. */
function checkSiteBeds(tx: Db, site: HostSite, candidate: BedVisit) {
  const others = tx
    .select({
      id: t.exchangeVisits.id,
      title: t.exchangeVisits.title,
      arrivalOn: t.exchangeVisits.arrivalOn,
      departureOn: t.exchangeVisits.departureOn,
      capacity: t.exchangeVisits.capacity,
    })
    .from(t.exchangeVisits)
    .where(and(eq(t.exchangeVisits.hostSiteId, site.id), ne(t.exchangeVisits.status, "cancelled")))
    .all();
  const res = checkBeds(candidate, others, site.beds);
  if (res.ok) return;
  const params = { night: res.night, beds: res.beds, need: res.peak, visits: res.overlapping.map(visitLabel).join("; ") };
  throw new RuleError(res.overlapping.length ? "hosts.errors.bedsOverlap" : "hosts.errors.bedsExceeded", params);
}

function visitValues(input: VisitInput) {
  return {
    title: input.title ?? "",
    arrivalOn: input.arrivalOn,
    departureOn: input.departureOn,
    capacity: input.capacity,
    perCountryCap: input.perCountryCap,
    themes: input.themes,
    languages: input.languages,
    interpreterLanguages: input.interpreterLanguages,
    homestay: input.homestay,
    notes: input.notes ?? "",
    // Left out when the form sent no translation inputs, so stored ones are kept.
    ...(input.tr ? { translations: input.tr } : {}),
  };
}

/** Schedules a visit at a vetted site in scope; returns its id. */
export function createVisit(actor: Actor, siteId: number, input: VisitInput): number {
  return immediate(db(), (tx) => {
    const site = siteInScope(actor, siteId, tx);
    if (site.vettingStatus !== "vetted") throw new RuleError("hosts.errors.siteNotVetted");
    checkEdition(tx, site, input);
    checkSiteBeds(tx, site, { id: -1, title: input.title ?? "", arrivalOn: input.arrivalOn, departureOn: input.departureOn, capacity: input.capacity });
    const id = tx
      .insert(t.exchangeVisits)
      .values({ ...visitValues(input), editionId: input.editionId, hostSiteId: siteId })
      .returning({ id: t.exchangeVisits.id })
      .get().id;
    recordAudit(
      actor,
      { entityType: "exchange_visit", entityId: id, action: "create", toState: "planned", details: { siteId, editionId: input.editionId } },
      tx,
    );
    return id;
  });
}

/**
 * Changes a planned visit (its edition stays). Refuses a capacity below the offered/accepted
 * placements, a per-country cap below the largest offered/accepted delegation, dates that leave
 * accepted participants or training sessions outside, and more beds than the site has.
 */
export function updateVisit(actor: Actor, visitId: number, input: VisitInput): void {
  immediate(db(), (tx) => {
    const { visit, site } = visitInScope(actor, visitId, tx);
    if (visit.status === "cancelled") throw new RuleError("hosts.errors.visitCancelled");
    checkEdition(tx, site, { ...input, editionId: visit.editionId });
    const seats = seatCounts(tx, visitId);
    const errors: Record<string, string[]> = {};
    if (input.capacity < seats.total) errors.capacity = [`hosts.errors.capacityFloor|${JSON.stringify({ count: seats.total })}`];
    if (input.perCountryCap < seats.maxPerCountry) errors.perCountryCap = [`hosts.errors.capFloor|${JSON.stringify({ count: seats.maxPerCountry })}`];
    if (Object.keys(errors).length) throw new FieldErrors(errors);
    if (input.arrivalOn !== visit.arrivalOn || input.departureOn !== visit.departureOn) {
      const blockers = visitDateMoveBlockers(tx, visitId, input.arrivalOn, input.departureOn);
      if (blockers.length)
        throw new RuleError("hosts.errors.moveBlocked", { names: blockers.map((b) => blockerText(b, actor.locale)).join("; "), count: blockers.length });
    }
    checkSiteBeds(tx, site, { id: visitId, title: input.title ?? "", arrivalOn: input.arrivalOn, departureOn: input.departureOn, capacity: input.capacity });
    tx.update(t.exchangeVisits)
      .set({ ...visitValues(input), updatedAt: new Date().toISOString() })
      .where(eq(t.exchangeVisits.id, visitId))
      .run();
    recordAudit(actor, { entityType: "exchange_visit", entityId: visitId, action: "update", details: { before: { ...visit }, after: visitValues(input) } }, tx);
  });
}

/**
 * Cancels a planned visit with a reason. Its proposed placements are cancelled with it. A visit
 * with offered or accepted participants is cancelled only by an organizer (docs/design.md: placements
 * are cancelled by an organizer), who thereby cancels those placements too (each audited).
 */
export function cancelVisit(actor: Actor, visitId: number, reason: string): void {
  immediate(db(), (tx) => {
    const { visit } = visitInScope(actor, visitId, tx);
    if (visit.status === "cancelled") throw new RuleError("hosts.errors.visitCancelled");
    const holding = tx
      .select({ id: t.placements.id, status: t.placements.status })
      .from(t.placements)
      .where(and(eq(t.placements.visitId, visitId), inArray(t.placements.status, [...SEAT_HOLDING])))
      .all();
    if (!actor.isOrganizer && holding.some((p) => p.status !== "proposed")) throw new RuleError("hosts.errors.cancelHasParticipants");
    const at = new Date().toISOString();
    for (const p of holding) {
      tx.update(t.placements).set({ status: "cancelled", updatedAt: at }).where(eq(t.placements.id, p.id)).run();
      recordAudit(
        actor,
        { entityType: "placement", entityId: p.id, action: "cancel", fromState: p.status, toState: "cancelled", reason: `visit cancelled: ${reason}` },
        tx,
      );
    }
    tx.update(t.exchangeVisits).set({ status: "cancelled", cancelReason: reason, updatedAt: at }).where(eq(t.exchangeVisits.id, visitId)).run();
    recordAudit(actor, { entityType: "exchange_visit", entityId: visitId, action: "cancel", fromState: visit.status, toState: "cancelled", reason }, tx);
  });
}

const visitColumns = {
  id: t.exchangeVisits.id,
  editionId: t.exchangeVisits.editionId,
  editionName: t.editions.name,
  hostSiteId: t.exchangeVisits.hostSiteId,
  title: t.exchangeVisits.title,
  arrivalOn: t.exchangeVisits.arrivalOn,
  departureOn: t.exchangeVisits.departureOn,
  capacity: t.exchangeVisits.capacity,
  perCountryCap: t.exchangeVisits.perCountryCap,
  themes: t.exchangeVisits.themes,
  languages: t.exchangeVisits.languages,
  interpreterLanguages: t.exchangeVisits.interpreterLanguages,
  homestay: t.exchangeVisits.homestay,
  status: t.exchangeVisits.status,
  seatsTaken: sql<number>`(select count(*) from placements p where p.visit_id = "exchange_visits"."id" and p.status in ('proposed','offered','accepted'))`,
  visitTranslations: t.exchangeVisits.translations,
  editionTranslations: t.editions.translations,
};

/**
 * A visit row for a reader of `lng` (issue 11 item 8): `title` and `editionName` in their language,
 * else English, else the first given, with `titleLang`/`editionLang` for the `lang` attribute; the
 * translations themselves stay on the server.
 */
export function localizeVisitRow<
  R extends { title: string; editionName: string; visitTranslations: Visit["translations"]; editionTranslations: Translations<"name"> },
>(row: R, lng: string) {
  const { visitTranslations, editionTranslations, ...rest } = row;
  const title = pickField(row.title, visitTranslations, "title", lng);
  const edition = pickField(row.editionName, editionTranslations, "name", lng);
  return { ...rest, title: title.text, titleLang: title.lang, editionName: edition.text, editionLang: edition.lang };
}

/** A site's visits (all editions), by arrival, titles for a reader of `lng`. Scope checked. */
export function listSiteVisits(actor: Actor, siteId: number, lng = "en") {
  siteInScope(actor, siteId);
  return db()
    .select(visitColumns)
    .from(t.exchangeVisits)
    .innerJoin(t.editions, eq(t.editions.id, t.exchangeVisits.editionId))
    .where(eq(t.exchangeVisits.hostSiteId, siteId))
    .orderBy(asc(t.exchangeVisits.arrivalOn))
    .all()
    .map((r) => localizeVisitRow(r, lng));
}

/**
 * Planned visits at the actor's sites whose departure is today or later (site zone), for a reader
 * of `lng`; `site` is the site's name picked for the reader (`siteNames`), the site's own
 * translations stay here.
 */
export function listUpcomingVisits(actor: Actor, lng = "en", now = new Date()) {
  requireHostArea(actor);
  const ids = scopedSiteIds(actor);
  if (!ids.length) return [];
  return db()
    .select({
      ...visitColumns,
      siteName: t.hostSites.name,
      siteNameLatin: t.hostSites.nameLatin,
      siteCountry: t.hostSites.countryCode,
      siteTranslations: t.hostSites.translations,
      timeZone: t.hostSites.timeZone,
    })
    .from(t.exchangeVisits)
    .innerJoin(t.editions, eq(t.editions.id, t.exchangeVisits.editionId))
    .innerJoin(t.hostSites, eq(t.hostSites.id, t.exchangeVisits.hostSiteId))
    .where(and(inArray(t.exchangeVisits.hostSiteId, ids), eq(t.exchangeVisits.status, "planned")))
    .orderBy(asc(t.exchangeVisits.arrivalOn))
    .all()
    .filter((v) => v.departureOn >= todayIn(v.timeZone, now))
    .map(({ siteTranslations, siteCountry, ...r }) => ({
      ...localizeVisitRow(r, lng),
      site: siteNames({ name: r.siteName, nameLatin: r.siteNameLatin, countryCode: siteCountry, translations: siteTranslations }, lng),
    }));
}

/** One visit in scope with its site and edition. */
export function getVisit(actor: Actor, visitId: number) {
  const { visit, site } = visitInScope(actor, visitId);
  const edition = db().select().from(t.editions).where(eq(t.editions.id, visit.editionId)).get()!;
  return { visit, site, edition };
}

/**
 * A visit's organizer-written texts (title, notes) and its edition's name for a reader of `lng`,
 * each `{ text, lang }` (issue 11 item 8: their language, else English, else the first given).
 */
export function visitShownTexts(
  visit: Pick<Visit, "title" | "notes" | "translations">,
  edition: { name: string; translations: Translations<"name"> },
  lng: string,
) {
  return {
    title: pickField(visit.title, visit.translations, "title", lng),
    notes: pickField(visit.notes, visit.translations, "notes", lng),
    editionName: pickField(edition.name, edition.translations, "name", lng),
  };
}

/** Editions a visit can be scheduled in at `site`: hosted in its country, not online, not over. */
export function editionsForSite(site: HostSite, now = new Date()) {
  const today = todayIn(site.timeZone, now);
  return db()
    .select()
    .from(t.editions)
    .orderBy(asc(t.editions.startsOn))
    .all()
    .filter((e) => e.mode !== "online" && e.hostCountries.includes(site.countryCode) && e.endsOn >= today);
}
