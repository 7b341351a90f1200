/**
 * Pilot villages: organizers create and edit them (country, place, coordinates inside the
 * country, households, population, languages, time zone, local partner). Every write is audited.
 */
import { eq } from "drizzle-orm";
import { db as defaultDb, immediate, t } from "../../db.server";
import { defaultTimeZone } from "../../domain/countries";
import type { VillageInput } from "../../forms/pilots";
import { requireOrganizer, type Actor } from "../actor";
import { recordAudit } from "../audit.server";
import { FieldErrors, NotFoundError } from "../errors";

export type VillageRow = typeof t.pilotVillages.$inferSelect;

function values(v: VillageInput) {
  return {
    name: v.name,
    nameLatin: v.nameLatin ?? "",
    countryCode: v.countryCode,
    province: v.province,
    district: v.district ?? "",
    latitude: v.latitude ?? null,
    longitude: v.longitude ?? null,
    households: v.households ?? null,
    population: v.population ?? null,
    languages: [...new Set(v.languages)],
    timeZone: v.timeZone || defaultTimeZone(v.countryCode),
    localPartner: v.localPartner ?? "",
  };
}

/** Organizer: creates a pilot village; returns its id. */
export function createVillage(actor: Actor, input: VillageInput): number {
  requireOrganizer(actor);
  return immediate(defaultDb(), (tx) => {
    const id = tx.insert(t.pilotVillages).values(values(input)).returning({ id: t.pilotVillages.id }).get().id;
    recordAudit(actor, { entityType: "pilot_village", entityId: id, action: "create", details: { countryCode: input.countryCode } }, tx);
    return id;
  });
}

/**
 * Organizer: updates a pilot village. Its country may change only while it has no project
 * (a project's amounts are in the currency of the country it was created in).
 */
export function updateVillage(actor: Actor, id: number, input: VillageInput): void {
  requireOrganizer(actor);
  immediate(defaultDb(), (tx) => {
    const row = tx.select().from(t.pilotVillages).where(eq(t.pilotVillages.id, id)).get();
    if (!row) throw new NotFoundError("pilot village");
    if (row.countryCode !== input.countryCode && tx.select({ id: t.pilotProjects.id }).from(t.pilotProjects).where(eq(t.pilotProjects.villageId, id)).get()) {
      throw FieldErrors.one("countryCode", "pilots.errors.countryLocked");
    }
    const next = values(input);
    const changed = Object.keys(next).filter((k) => JSON.stringify(next[k as keyof typeof next]) !== JSON.stringify(row[k as keyof VillageRow]));
    if (!changed.length) return;
    tx.update(t.pilotVillages)
      .set({ ...next, updatedAt: new Date().toISOString() })
      .where(eq(t.pilotVillages.id, id))
      .run();
    recordAudit(actor, { entityType: "pilot_village", entityId: id, action: "update", details: { changed } }, tx);
  });
}

/** Organizer: one village as stored (for the edit form). */
export function getVillage(actor: Actor, id: number): VillageRow {
  requireOrganizer(actor);
  const row = defaultDb().select().from(t.pilotVillages).where(eq(t.pilotVillages.id, id)).get();
  if (!row) throw new NotFoundError("pilot village");
  return row;
}

/** Organizer: every village, for the project form's village choice. */
export function listVillageChoices(actor: Actor) {
  requireOrganizer(actor);
  return defaultDb()
    .select({
      id: t.pilotVillages.id,
      name: t.pilotVillages.name,
      nameLatin: t.pilotVillages.nameLatin,
      countryCode: t.pilotVillages.countryCode,
      province: t.pilotVillages.province,
    })
    .from(t.pilotVillages)
    .all();
}
