/**
 * Editions (docs/design.md): one run of the programme with its dates, application window (dates read in
 * the edition's time zone, inclusive), per-country quotas, mode and themes.
 */
import { and, asc, desc, eq, inArray, ne, sql } from "drizzle-orm";
import { db, immediate, preparedQuery, t, type Db } from "../../db.server";
import { QUOTA_STATUSES } from "../../domain/application-lifecycle";
import { MEMBER_COUNTRY_CODES } from "../../domain/countries";
import { todayIn } from "../../domain/dates";
import type { EditionInput } from "../../forms/edition";
import type { Actor } from "../actor";
import { requireOrganizer } from "../actor";
import { recordAudit } from "../audit.server";
import { FieldErrors, messageKey, NotFoundError } from "../errors";
import { carryOverAdjustments } from "../evaluation/adjustments.server";

export type Edition = typeof t.editions.$inferSelect;

/** Where the edition's application window stands today (in the edition's zone). */
export function windowState(e: Pick<Edition, "applicationsOpenOn" | "applicationsCloseOn" | "timeZone">, now = new Date()) {
  const today = todayIn(e.timeZone, now);
  if (today < e.applicationsOpenOn) return "not_open" as const;
  if (today > e.applicationsCloseOn) return "closed" as const;
  return "open" as const;
}

/** Editions whose window is open today, soonest start first (public). */
const editionsByStart = preparedQuery((d) => d.select().from(t.editions).orderBy(asc(t.editions.startsOn)).prepare());

export function listOpenEditions(now = new Date()) {
  return editionsByStart()
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
    // Left out when the form sent no translation inputs, so stored ones are kept.
    ...(input.tr ? { translations: input.tr } : {}),
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

/**
 * Refuses an edit that would leave the edition's exchange visits or training sessions outside its
 * dates (docs/design.md invariant 4), or set a country's quota below the places its applications
 * already hold. Throws FieldErrors naming the visits, sessions or the count.
 */
function assertEditionChangeKeepsRecords(tx: Db, id: number, input: EditionInput) {
  const errors: Record<string, string[]> = {};
  const visits = tx
    .select({ id: t.exchangeVisits.id, title: t.exchangeVisits.title, arrivalOn: t.exchangeVisits.arrivalOn, departureOn: t.exchangeVisits.departureOn })
    .from(t.exchangeVisits)
    .where(and(eq(t.exchangeVisits.editionId, id), ne(t.exchangeVisits.status, "cancelled")))
    .all()
    .filter((v) => v.arrivalOn < input.startsOn || v.departureOn > input.endsOn);
  const sessions = tx
    .select({
      title: t.trainingSessions.title,
      startsAt: t.trainingSessions.startsAt,
      endsAt: t.trainingSessions.endsAt,
      timeZone: t.trainingSessions.timeZone,
    })
    .from(t.trainingSessions)
    .where(and(eq(t.trainingSessions.editionId, id), ne(t.trainingSessions.status, "cancelled")))
    .all()
    .filter((s) => todayIn(s.timeZone, new Date(s.startsAt)) < input.startsOn || todayIn(s.timeZone, new Date(s.endsAt)) > input.endsOn);
  if (visits.length) {
    const names = visits.map((v) => `${v.title || `#${v.id}`} (${v.arrivalOn} – ${v.departureOn})`).join(", ");
    errors.startsOn = [messageKey("errors.editionDatesExcludeVisits", { names })];
  }
  if (sessions.length) {
    const names =
      sessions
        .slice(0, 5)
        .map((s) => s.title)
        .join(", ") + (sessions.length > 5 ? ` (+${sessions.length - 5})` : "");
    errors.endsOn = [messageKey("errors.editionDatesExcludeTrainings", { names })];
  }
  const held = tx
    .select({ country: t.applications.nationality, n: sql<number>`count(*)` })
    .from(t.applications)
    .where(and(eq(t.applications.editionId, id), inArray(t.applications.status, QUOTA_STATUSES)))
    .groupBy(t.applications.nationality)
    .all();
  for (const h of held) {
    const q = h.country ? input[`quota_${h.country}` as keyof EditionInput] : undefined;
    if (typeof q === "number" && q < h.n) errors[`quota_${h.country}`] = [messageKey("errors.quotaBelowHeld", { count: h.n })];
  }
  if (Object.keys(errors).length) throw new FieldErrors(errors);
}

/** Organizer only: replaces an edition's fields and quotas. NotFoundError for an unknown id. */
export function updateEdition(actor: Actor, id: number, input: EditionInput): void {
  requireOrganizer(actor);
  immediate(db(), (tx) => {
    const before = tx.select().from(t.editions).where(eq(t.editions.id, id)).get();
    if (!before) throw new NotFoundError("edition");
    assertEditionChangeKeepsRecords(tx, id, input);
    tx.update(t.editions)
      .set({ ...values(input), updatedAt: new Date().toISOString() })
      .where(eq(t.editions.id, id))
      .run();
    tx.delete(t.editionQuotas).where(eq(t.editionQuotas.editionId, id)).run();
    const rows = quotaRows(id, input);
    if (rows.length) tx.insert(t.editionQuotas).values(rows).run();
    recordAudit(actor, { entityType: "edition", entityId: id, action: "update", details: { before: { ...before } } }, tx);
  });
}
