/**
 * What trainings are made of, kept by organizers: venues (with their IANA zone, defaulting from
 * the host site's zone or the country's first zone; Indonesia has three), trainers (with
 * languages), interpreters (with language pairs) and public-holiday overrides for countries
 * the shared sources lack (KH, LA, MM after 2028) or one-off days. Organizers only (NotFoundError otherwise).
 */
import { and, asc, eq } from "drizzle-orm";
import { db, immediate, t } from "../../db.server";
import { defaultTimeZone, isMemberCountry } from "../../domain/countries";
import { assertTimeZone } from "../../domain/training";
import { parseLanguagePairs, type HolidayInput, type InterpreterInput, type TrainerInput, type VenueInput } from "../../forms/training";
import { requireOrganizer, type Actor } from "../actor";
import { recordAudit } from "../audit.server";
import { FieldErrors, NotFoundError } from "../errors";

export function listResources(actor: Actor) {
  requireOrganizer(actor);
  const tx = db();
  return {
    venues: tx.select().from(t.venues).orderBy(asc(t.venues.name)).all(),
    trainers: tx.select().from(t.trainers).orderBy(asc(t.trainers.name)).all(),
    interpreters: tx.select().from(t.interpreters).orderBy(asc(t.interpreters.name)).all(),
    holidays: tx.select().from(t.holidayOverrides).orderBy(asc(t.holidayOverrides.date)).all(),
    sites: tx
      .select({
        id: t.hostSites.id,
        name: t.hostSites.nameLatin,
        /** Name parts for `siteNameShown` (the page shows the name in the reader's language). */
        parts: { name: t.hostSites.name, nameLatin: t.hostSites.nameLatin, countryCode: t.hostSites.countryCode, translations: t.hostSites.translations },
        countryCode: t.hostSites.countryCode,
        timeZone: t.hostSites.timeZone,
      })
      .from(t.hostSites)
      .orderBy(asc(t.hostSites.nameLatin))
      .all(),
  };
}

/** Adds a venue; country and zone default from the host site (zone: then the country's default). */
export function createVenue(actor: Actor, input: VenueInput): number {
  requireOrganizer(actor);
  return immediate(db(), (tx) => {
    const site = input.hostSiteId ? tx.select().from(t.hostSites).where(eq(t.hostSites.id, input.hostSiteId)).get() : undefined;
    if (input.hostSiteId && !site) throw FieldErrors.one("hostSiteId", "errors.invalid");
    const country = input.countryCode || site?.countryCode;
    if (!country || !isMemberCountry(country)) throw FieldErrors.one("countryCode", "errors.required");
    const zone = input.timeZone || (site && site.countryCode === country ? site.timeZone : defaultTimeZone(country));
    try {
      assertTimeZone(zone);
    } catch {
      throw FieldErrors.one("timeZone", "training.errors.zone");
    }
    const id = tx
      .insert(t.venues)
      .values({
        name: input.name,
        address: input.address ?? "",
        countryCode: country,
        timeZone: zone,
        hostSiteId: site?.id ?? null,
        capacity: input.capacity ?? null,
      })
      .returning({ id: t.venues.id })
      .get().id;
    recordAudit(actor, { entityType: "venue", entityId: id, action: "create", details: { name: input.name, zone } }, tx);
    return id;
  });
}

export function createTrainer(actor: Actor, input: TrainerInput): number {
  requireOrganizer(actor);
  return db()
    .insert(t.trainers)
    .values({ name: input.name, organisation: input.organisation ?? "", languages: input.languages, email: input.email ?? "" })
    .returning({ id: t.trainers.id })
    .get().id;
}

export function createInterpreter(actor: Actor, input: InterpreterInput): number {
  requireOrganizer(actor);
  return db()
    .insert(t.interpreters)
    .values({ name: input.name, languagePairs: parseLanguagePairs(input.pairs) ?? [], email: input.email ?? "" })
    .returning({ id: t.interpreters.id })
    .get().id;
}

export function addHoliday(actor: Actor, input: HolidayInput): void {
  requireOrganizer(actor);
  immediate(db(), (tx) => {
    if (!isMemberCountry(input.countryCode)) throw FieldErrors.one("countryCode", "errors.invalid");
    const dup = tx
      .select({ id: t.holidayOverrides.id })
      .from(t.holidayOverrides)
      .where(and(eq(t.holidayOverrides.countryCode, input.countryCode), eq(t.holidayOverrides.date, input.date), eq(t.holidayOverrides.name, input.name)))
      .get();
    if (dup) return;
    const id = tx
      .insert(t.holidayOverrides)
      .values({ ...input, createdBy: actor.id })
      .returning({ id: t.holidayOverrides.id })
      .get().id;
    recordAudit(actor, { entityType: "holiday_override", entityId: id, action: "create", details: { ...input } }, tx);
  });
}

export function removeHoliday(actor: Actor, id: number): void {
  requireOrganizer(actor);
  immediate(db(), (tx) => {
    const row = tx.select().from(t.holidayOverrides).where(eq(t.holidayOverrides.id, id)).get();
    if (!row) return;
    tx.delete(t.holidayOverrides).where(eq(t.holidayOverrides.id, id)).run();
    recordAudit(actor, { entityType: "holiday_override", entityId: id, action: "delete", details: { ...row } }, tx);
  });
}

export type ResourceKind = "venue" | "trainer" | "interpreter";
const TABLE = { venue: t.venues, trainer: t.trainers, interpreter: t.interpreters } as const;

/**
 * Retires (or, with `retired` false, restores) a venue, trainer or interpreter (issue 12 item 20):
 * kept for the trainings that have it and for history, no longer offered for new trainings.
 * Audited; an unknown id is NotFoundError (404).
 */
export function setRetired(actor: Actor, kind: ResourceKind, id: number, retired: boolean, now = new Date()): void {
  requireOrganizer(actor);
  immediate(db(), (tx) => {
    const table = TABLE[kind];
    const row = Number.isInteger(id) ? tx.select().from(table).where(eq(table.id, id)).get() : undefined;
    if (!row) throw new NotFoundError(kind);
    if ((row.retiredAt !== null) === retired) return;
    tx.update(table)
      .set({ retiredAt: retired ? now.toISOString() : null, updatedAt: now.toISOString() })
      .where(eq(table.id, id))
      .run();
    recordAudit(actor, { entityType: kind, entityId: id, action: retired ? "retire" : "restore", details: { name: row.name } }, tx);
  });
}

/** Edits a venue (name, address, capacity; its place and zone stay, trainings depend on them). Audited. */
export function updateVenue(actor: Actor, id: number, input: Pick<VenueInput, "name" | "address" | "capacity">): void {
  requireOrganizer(actor);
  immediate(db(), (tx) => {
    const row = Number.isInteger(id) ? tx.select().from(t.venues).where(eq(t.venues.id, id)).get() : undefined;
    if (!row) throw new NotFoundError("venue");
    const next = { name: input.name, address: input.address ?? "", capacity: input.capacity ?? null };
    tx.update(t.venues)
      .set({ ...next, updatedAt: new Date().toISOString() })
      .where(eq(t.venues.id, id))
      .run();
    recordAudit(
      actor,
      { entityType: "venue", entityId: id, action: "update", details: { from: { name: row.name, address: row.address, capacity: row.capacity }, to: next } },
      tx,
    );
  });
}

/** Edits a trainer (name, organisation, languages, e-mail). Audited. */
export function updateTrainer(actor: Actor, id: number, input: TrainerInput): void {
  requireOrganizer(actor);
  immediate(db(), (tx) => {
    const row = Number.isInteger(id) ? tx.select().from(t.trainers).where(eq(t.trainers.id, id)).get() : undefined;
    if (!row) throw new NotFoundError("trainer");
    const next = { name: input.name, organisation: input.organisation ?? "", languages: input.languages, email: input.email ?? row.email };
    tx.update(t.trainers)
      .set({ ...next, updatedAt: new Date().toISOString() })
      .where(eq(t.trainers.id, id))
      .run();
    recordAudit(
      actor,
      {
        entityType: "trainer",
        entityId: id,
        action: "update",
        details: { from: { name: row.name, organisation: row.organisation, languages: row.languages }, to: next },
      },
      tx,
    );
  });
}

/** Edits an interpreter (name, language pairs, e-mail). Audited. */
export function updateInterpreter(actor: Actor, id: number, input: InterpreterInput): void {
  requireOrganizer(actor);
  immediate(db(), (tx) => {
    const row = Number.isInteger(id) ? tx.select().from(t.interpreters).where(eq(t.interpreters.id, id)).get() : undefined;
    if (!row) throw new NotFoundError("interpreter");
    const next = { name: input.name, languagePairs: parseLanguagePairs(input.pairs) ?? [], email: input.email ?? row.email };
    tx.update(t.interpreters)
      .set({ ...next, updatedAt: new Date().toISOString() })
      .where(eq(t.interpreters.id, id))
      .run();
    recordAudit(
      actor,
      { entityType: "interpreter", entityId: id, action: "update", details: { from: { name: row.name, languagePairs: row.languagePairs }, to: next } },
      tx,
    );
  });
}
