/**
 * Editions (DESIGN.md): one run of the programme with its dates, application window (dates read in
 * the edition's time zone, inclusive), per-country quotas, mode and themes.
 */
import { asc, desc, eq } from "drizzle-orm";
import { db, immediate, t } from "../db.server";
import { MEMBER_COUNTRY_CODES } from "../domain/countries";
import { todayIn } from "../domain/dates";
import type { EditionInput } from "../forms/edition";
import type { Actor } from "./actor";
import { requireOrganizer } from "./actor";
import { recordAudit } from "./audit.server";
import { NotFoundError } from "./errors";
import { carryOverAdjustments } from "./evaluation/adjustments.server";

export type Edition = typeof t.editions.$inferSelect;

/** Where the edition's application window stands today (in the edition's zone). */
export function windowState(e: Pick<Edition, "applicationsOpenOn" | "applicationsCloseOn" | "timeZone">, now = new Date()) {
  const today = todayIn(e.timeZone, now);
  if (today < e.applicationsOpenOn) return "not_open" as const;
  if (today > e.applicationsCloseOn) return "closed" as const;
  return "open" as const;
}

/** Editions whose window is open today, soonest start first (public). */
export function listOpenEditions(now = new Date()) {
  return db()
    .select()
    .from(t.editions)
    .orderBy(asc(t.editions.startsOn))
    .all()
    .filter((e) => windowState(e, now) === "open");
}

/** Every edition, newest first (anyone signed in may see the list; details are scoped elsewhere). */
export function listEditions() {
  return db().select().from(t.editions).orderBy(desc(t.editions.startsOn)).all();
}

/** One edition or NotFoundError. */
export function getEdition(id: number): Edition {
  const e = db().select().from(t.editions).where(eq(t.editions.id, id)).get();
  if (!e) throw new NotFoundError("edition");
  return e;
}

/** Quotas as { CC: n } (countries without a row have no quota). */
export function getQuotas(editionId: number): Record<string, number> {
  const rows = db().select().from(t.editionQuotas).where(eq(t.editionQuotas.editionId, editionId)).all();
  return Object.fromEntries(rows.map((r) => [r.countryCode, r.quota]));
}

function quotaRows(editionId: number, input: EditionInput) {
  return MEMBER_COUNTRY_CODES.flatMap((c) => {
    const q = input[`quota_${c}`];
    return q === undefined ? [] : [{ editionId, countryCode: c, quota: q }];
  });
}

function values(input: EditionInput) {
  return {
    name: input.name,
    ordinal: input.ordinal,
    mode: input.mode,
    hostCountries: input.hostCountries,
    startsOn: input.startsOn,
    endsOn: input.endsOn,
    applicationsOpenOn: input.applicationsOpenOn,
    applicationsCloseOn: input.applicationsCloseOn,
    timeZone: input.timeZone,
    themes: input.themes,
    description: input.description ?? "",
  };
}

/** Organizer only: creates an edition with its quotas; returns its id. */
export function createEdition(actor: Actor, input: EditionInput): number {
  requireOrganizer(actor);
  return immediate(db(), (tx) => {
    const id = tx.insert(t.editions).values(values(input)).returning({ id: t.editions.id }).get().id;
    const rows = quotaRows(id, input);
    if (rows.length) tx.insert(t.editionQuotas).values(rows).run();
    recordAudit(actor, { entityType: "edition", entityId: id, action: "create", toState: "created" }, tx);
    // Open plan adjustments of earlier editions become this edition's checklist (evaluation).
    carryOverAdjustments(id, tx);
    return id;
  });
}

/** Organizer only: replaces an edition's fields and quotas. NotFoundError for an unknown id. */
export function updateEdition(actor: Actor, id: number, input: EditionInput): void {
  requireOrganizer(actor);
  immediate(db(), (tx) => {
    const before = tx.select().from(t.editions).where(eq(t.editions.id, id)).get();
    if (!before) throw new NotFoundError("edition");
    tx.update(t.editions).set({ ...values(input), updatedAt: new Date().toISOString() }).where(eq(t.editions.id, id)).run();
    tx.delete(t.editionQuotas).where(eq(t.editionQuotas.editionId, id)).run();
    const rows = quotaRows(id, input);
    if (rows.length) tx.insert(t.editionQuotas).values(rows).run();
    recordAudit(actor, { entityType: "edition", entityId: id, action: "update", details: { before: { ...before } } }, tx);
  });
}
