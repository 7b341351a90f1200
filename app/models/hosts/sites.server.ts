/**
 * Host sites (docs/design.md "host site"): scope (which sites a host coordinator may see and change)
 * and the profile kept by its host coordinators. The organizers' side (vetting, the list of
 * sites, coordinator assignment) is app/models/hosts/site-admin.server.ts.
 * A host coordinator sees and changes only the sites they coordinate; anything else
 * is NotFoundError (404). Organizers see all.
 */
import { and, asc, eq, inArray } from "drizzle-orm";
import { db, immediate, t, type Db } from "../../db.server";
import ct from "countries-and-timezones";
import { countryTimeZones, defaultTimeZone } from "../../domain/countries";
import { DIETARY_ABILITIES, normalizePhone, type HostSiteInput } from "../../forms/host-site.server";
import type { Actor } from "../actor";
import { recordAudit } from "../audit.server";
import { NotFoundError } from "../errors";
import { normalizeEmail } from "../accounts/accounts.server";

export type HostSite = typeof t.hostSites.$inferSelect;

/** Only host coordinators and organizers have the host pages. */
export function requireHostArea(actor: Actor): void {
  if (!actor.isHostCoordinator && !actor.isOrganizer) throw new NotFoundError("host page");
}

/** Whether `actor` coordinates `siteId` (organizers: always true). */
export function coordinates(actor: Actor, siteId: number, tx: Db = db()): boolean {
  if (actor.isOrganizer) return true;
  if (!actor.isHostCoordinator) return false;
  return !!tx
    .select({ id: t.hostSiteCoordinators.hostSiteId })
    .from(t.hostSiteCoordinators)
    .where(and(eq(t.hostSiteCoordinators.hostSiteId, siteId), eq(t.hostSiteCoordinators.userId, actor.id)))
    .get();
}

/** The site when it is in the actor's scope, else NotFoundError. */
export function siteInScope(actor: Actor, siteId: number, tx: Db = db()): HostSite {
  requireHostArea(actor);
  const site = Number.isInteger(siteId) ? tx.select().from(t.hostSites).where(eq(t.hostSites.id, siteId)).get() : undefined;
  if (!site || !coordinates(actor, siteId, tx)) throw new NotFoundError("host site");
  return site;
}

/** Ids of the sites the actor coordinates (organizers: every site). */
export function scopedSiteIds(actor: Actor, tx: Db = db()): number[] {
  if (actor.isOrganizer)
    return tx
      .select({ id: t.hostSites.id })
      .from(t.hostSites)
      .all()
      .map((r) => r.id);
  if (!actor.isHostCoordinator) return [];
  return tx
    .select({ id: t.hostSiteCoordinators.hostSiteId })
    .from(t.hostSiteCoordinators)
    .where(eq(t.hostSiteCoordinators.userId, actor.id))
    .all()
    .map((r) => r.id);
}

/** The sites of the host page: those the actor coordinates (organizers: all), by name. */
export function listMySites(actor: Actor) {
  requireHostArea(actor);
  const ids = scopedSiteIds(actor);
  if (!ids.length) return [];
  return db().select().from(t.hostSites).where(inArray(t.hostSites.id, ids)).orderBy(asc(t.hostSites.nameLatin)).all();
}

/** The coordinators of a site (id, name, e-mail). Scope is the caller's job. */
export function siteCoordinators(siteId: number, tx: Db = db()) {
  return tx
    .select({ id: t.users.id, displayName: t.users.displayName, email: t.users.email })
    .from(t.hostSiteCoordinators)
    .innerJoin(t.users, eq(t.users.id, t.hostSiteCoordinators.userId))
    .where(eq(t.hostSiteCoordinators.hostSiteId, siteId))
    .orderBy(asc(t.users.displayName))
    .all();
}

/** One site in scope with its coordinators. */
export function getSite(actor: Actor, siteId: number) {
  const site = siteInScope(actor, siteId);
  return { site, coordinators: siteCoordinators(siteId) };
}

/**
 * The zone a new site gets when none is chosen: the country's own canonical zone where it has one
 * (Asia/Ho_Chi_Minh for VN, whose first listed zone is the shared Asia/Bangkok), else the
 * country's default.
 */
export function siteDefaultZone(countryCode: string): string {
  const own = countryTimeZones(countryCode).find((z) => ct.getTimezone(z)?.countries?.[0] === countryCode);
  return own ?? defaultTimeZone(countryCode);
}

function values(input: HostSiteInput) {
  const known = new Set<string>(DIETARY_ABILITIES);
  const other = (input.dietaryOther ?? "")
    .split(/[,;\n]/)
    .map((s) => s.trim())
    .filter((s) => s && !known.has(s));
  return {
    name: input.name,
    nameLatin: input.nameLatin,
    countryCode: input.countryCode,
    province: input.province,
    district: input.district ?? "",
    timeZone: input.timeZone || siteDefaultZone(input.countryCode),
    latitude: input.latitude ?? null,
    longitude: input.longitude ?? null,
    description: input.description ?? "",
    themes: input.themes,
    languages: input.languages,
    interpreters: input.interpreters.filter((r) => r.name).map((r) => ({ name: r.name!, languages: [...new Set(r.languages)] })),
    accommodation: input.accommodation,
    beds: input.beds,
    dietaryAbilities: [...new Set([...input.dietaryAbilities, ...other])],
    accessibility: input.accessibility ?? "",
    // Left out when the form sent no translation inputs, so stored ones are kept.
    ...(input.tr ? { translations: input.tr } : {}),
    contacts: input.contacts
      .filter((r) => r.name)
      .map((r) => ({
        name: r.name!,
        ...(r.role ? { role: r.role } : {}),
        ...(r.phone ? { phone: normalizePhone(r.phone, input.countryCode) } : {}),
        ...(r.email ? { email: normalizeEmail(r.email) } : {}),
      })),
  };
}

/** The profile as form values (for the edit page). */
export function siteFormValues(site: HostSite) {
  const known = new Set<string>(DIETARY_ABILITIES);
  return {
    name: site.name,
    nameLatin: site.nameLatin,
    countryCode: site.countryCode,
    province: site.province,
    district: site.district,
    timeZone: site.timeZone,
    latitude: site.latitude ?? "",
    longitude: site.longitude ?? "",
    description: site.description,
    themes: site.themes,
    languages: site.languages,
    interpreters: site.interpreters,
    accommodation: site.accommodation,
    beds: String(site.beds),
    dietaryAbilities: site.dietaryAbilities.filter((d) => known.has(d)),
    dietaryOther: site.dietaryAbilities.filter((d) => !known.has(d)).join(", "),
    accessibility: site.accessibility,
    tr: site.translations,
    contacts: site.contacts,
  };
}

/**
 * Creates a site (pending). A host coordinator becomes its coordinator; an organizer assigns
 * coordinators afterwards. Returns the id.
 */
export function createSite(actor: Actor, input: HostSiteInput): number {
  requireHostArea(actor);
  return immediate(db(), (tx) => {
    const id = tx
      .insert(t.hostSites)
      .values({ ...values(input), vettingStatus: "pending" })
      .returning({ id: t.hostSites.id })
      .get().id;
    if (actor.isHostCoordinator) tx.insert(t.hostSiteCoordinators).values({ hostSiteId: id, userId: actor.id }).run();
    recordAudit(actor, { entityType: "host_site", entityId: id, action: "create", toState: "pending" }, tx);
    return id;
  });
}

/** Replaces a site's profile (not its vetting). NotFoundError outside scope. */
export function updateSite(actor: Actor, siteId: number, input: HostSiteInput): void {
  immediate(db(), (tx) => {
    const before = siteInScope(actor, siteId, tx);
    tx.update(t.hostSites)
      .set({ ...values(input), updatedAt: new Date().toISOString() })
      .where(eq(t.hostSites.id, siteId))
      .run();
    recordAudit(actor, { entityType: "host_site", entityId: siteId, action: "update", details: { before: { ...before } } }, tx);
  });
}
