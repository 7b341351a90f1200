/**
 * The placement engine's instance of an edition (issue 4), built from the database: see
 * app/models/placement/board.server.ts for what goes into it. Also the board's loaders read
 * through `loadBoardData`, and the proposal's fingerprint.
 */
import crypto from "node:crypto";
import { and, asc, eq, inArray } from "drizzle-orm";
import { db, t, type Db } from "../../db.server";
import { type Participant, type PlacementInstance, type Visit as EngineVisit } from "../../domain/placement";
import { displayName, latinName, sortKey } from "../../domain/names";
import type { PlacementStatus } from "../../../db/schema/hosts";
import { NotFoundError } from "../errors";

export const SEATS: PlacementStatus[] = ["proposed", "offered", "accepted"];
const OPEN_FROM = "0000-01-01";
const OPEN_TO = "9999-12-31";

type AppRow = typeof t.applications.$inferSelect;
type VisitRow = typeof t.exchangeVisits.$inferSelect;

/** The engine's view of an application (null when it lacks a nationality). */
export function toParticipant(
  a: Pick<AppRow, "id" | "nationality" | "gender" | "languages" | "availableFrom" | "availableTo" | "preferredHostCountries" | "themes">,
): Participant | null {
  if (!a.nationality || !/^[A-Z]{2}$/.test(a.nationality)) return null;
  return {
    id: String(a.id),
    country: a.nationality,
    gender: a.gender ?? "undisclosed",
    languages: [...new Set(a.languages.map((l) => l.code).filter((c) => /^[a-z]{2}$/.test(c)))],
    availability: { from: a.availableFrom || OPEN_FROM, to: a.availableTo || OPEN_TO },
    preferences: a.preferredHostCountries.filter((c) => /^[A-Z]{2}$/.test(c)).map((country) => ({ country })),
    themes: a.themes,
  };
}

/** The engine's view of a visit. */
export function toEngineVisit(v: VisitRow, hostCountry: string, capacity = v.capacity): EngineVisit {
  return {
    id: String(v.id),
    hostCountry,
    arrival: v.arrivalOn,
    departure: v.departureOn,
    capacity: Math.max(0, capacity),
    countryCap: v.perCountryCap,
    languages: v.languages.filter((c) => /^[a-z]{2}$/.test(c)),
    interpreterLanguages: v.interpreterLanguages.filter((c) => /^[a-z]{2}$/.test(c)),
    themes: v.themes,
  };
}

export function loadEdition(editionId: number, tx: Db = db()) {
  const edition = Number.isInteger(editionId) ? tx.select().from(t.editions).where(eq(t.editions.id, editionId)).get() : undefined;
  if (!edition) throw new NotFoundError("edition");
  return edition;
}

/** Everything the board and the engine need about an edition, read in one go. */
export function loadBoardData(editionId: number, tx: Db = db()) {
  const edition = loadEdition(editionId, tx);
  const visits = tx
    .select({
      visit: t.exchangeVisits,
      site: {
        id: t.hostSites.id,
        name: t.hostSites.name,
        nameLatin: t.hostSites.nameLatin,
        countryCode: t.hostSites.countryCode,
        timeZone: t.hostSites.timeZone,
      },
    })
    .from(t.exchangeVisits)
    .innerJoin(t.hostSites, eq(t.hostSites.id, t.exchangeVisits.hostSiteId))
    .where(eq(t.exchangeVisits.editionId, editionId))
    .orderBy(asc(t.exchangeVisits.arrivalOn), asc(t.exchangeVisits.id))
    .all();
  const apps = tx
    .select()
    .from(t.applications)
    .where(and(eq(t.applications.editionId, editionId), inArray(t.applications.status, ["accepted", "waitlisted"])))
    .all();
  const placements = tx
    .select({ p: t.placements, appStatus: t.applications.status, nationality: t.applications.nationality, gender: t.applications.gender })
    .from(t.placements)
    .innerJoin(t.exchangeVisits, eq(t.exchangeVisits.id, t.placements.visitId))
    .innerJoin(t.applications, eq(t.applications.id, t.placements.applicationId))
    .where(eq(t.exchangeVisits.editionId, editionId))
    .orderBy(asc(t.placements.id))
    .all();
  return { edition, visits, accepted: apps.filter((a) => a.status === "accepted"), waitlisted: apps.filter((a) => a.status === "waitlisted"), placements };
}
export type BoardData = ReturnType<typeof loadBoardData>;

export type Excluded = { applicationId: number; why: "declined" | "expired" | "no_country" };

/**
 * The engine instance of an edition, built from the database (see the module doc), with the
 * participants left out of the run and why. Pure over `data`, so the save and the run agree.
 */
export function instanceFrom(data: BoardData, options: { acceptUnranked?: boolean } = {}) {
  const planned = data.visits.filter((v) => v.visit.status === "planned");
  const plannedIds = new Set(planned.map((v) => v.visit.id));
  const acceptedIds = new Set(data.accepted.map((a) => a.id));
  const seatOf = new Map<number, (typeof data.placements)[number]["p"]>();
  const lastOf = new Map<number, PlacementStatus>();
  for (const { p } of data.placements) {
    lastOf.set(p.applicationId, p.status);
    if (SEATS.includes(p.status)) seatOf.set(p.applicationId, p);
  }

  const participants: Participant[] = [];
  const excluded: Excluded[] = [];
  for (const a of data.accepted) {
    const p = toParticipant(a);
    if (!p) {
      excluded.push({ applicationId: a.id, why: "no_country" });
      continue;
    }
    const seat = seatOf.get(a.id);
    const last = lastOf.get(a.id);
    if (!seat && (last === "declined" || last === "expired")) {
      excluded.push({ applicationId: a.id, why: last });
      continue;
    }
    participants.push(p);
  }
  const inRun = new Set(participants.map((p) => p.id));

  // Seats held outside the run (applications no longer accepted, participants left out).
  const foreign = new Map<number, number>();
  const locked: Record<string, string> = {};
  for (const [appId, p] of seatOf) {
    const kept = inRun.has(String(appId)) && plannedIds.has(p.visitId);
    if (!kept) {
      if (!acceptedIds.has(appId) || !inRun.has(String(appId))) foreign.set(p.visitId, (foreign.get(p.visitId) ?? 0) + 1);
      continue;
    }
    if (p.locked || p.status === "offered" || p.status === "accepted") locked[String(appId)] = String(p.visitId);
  }
  const visits = planned.map((v) => toEngineVisit(v.visit, v.site.countryCode, v.visit.capacity - (foreign.get(v.visit.id) ?? 0)));
  const instance: PlacementInstance = {
    participants,
    visits,
    locked,
    options: { acceptUnranked: options.acceptUnranked ?? true, seed: data.edition.id },
  };
  return { instance, excluded, seatOf };
}

/** `buildInstance(editionId)`: the engine instance of an edition as the database has it now. */
export function buildInstance(editionId: number, options: { acceptUnranked?: boolean } = {}, tx: Db = db()) {
  return instanceFrom(loadBoardData(editionId, tx), options);
}

/** A short fingerprint of a proposal: the save refuses if the board changed since it was shown. */
export function fingerprint(instance: PlacementInstance, assignment: Record<string, string | null>): string {
  const h = crypto.createHash("sha256");
  h.update(JSON.stringify(Object.entries(assignment).sort(([a], [b]) => a.localeCompare(b))));
  h.update(JSON.stringify(instance.locked ?? {}));
  return h.digest("hex").slice(0, 16);
}

/** Display helpers shared by the board's loader. */
export function personOf(a: Pick<AppRow, "givenName" | "familyName" | "givenNameLatin" | "familyNameLatin" | "nameOrder">) {
  return { name: displayName(a) || latinName(a), latin: latinName(a), sort: sortKey(a) };
}
