/**
 * The organizer's placement board (issue 4): the edition's accepted participants against its
 * planned exchange visits, the placement engine run on them (app/domain/placement), and saving
 * the engine's proposal.
 *
 * The engine instance is built from the database (`buildInstance`):
 * - participants: applications of the edition with status accepted; preferences are the ranked
 *   preferredHostCountries (`{country}` entries), languages the application's language codes,
 *   availability availableFrom/To (an open end is open: 0000-01-01 / 9999-12-31);
 * - visits: planned exchange visits of the edition (host country = the site's country);
 * - locked: placements an organizer fixed (locked) and every offered or accepted placement: the
 *   engine keeps them and places the others around them;
 * - left out of a run (shown on the board, placeable by hand): participants who declined or let
 *   an offer expire and hold no seat, and applications without a nationality.
 * Seats held by placements outside the instance (e.g. an application withdrawn after its offer)
 * are taken off the visit's capacity, so a run never overbooks.
 */
import crypto from "node:crypto";
import { and, asc, eq, inArray } from "drizzle-orm";
import { db, immediate, t, type Db } from "../db.server";
import {
  compareModes,
  runPlacement,
  type ModeComparison,
  type Participant,
  type PlacementInstance,
  type PlacementMode,
  type PlacementResult,
  type Visit as EngineVisit,
} from "../domain/placement";
import { displayName, latinName, sortKey } from "../domain/names";
import type { PlacementStatus } from "../../db/schema/hosts";
import type { Actor } from "./actor";
import { requireOrganizer } from "./actor";
import { recordAudit } from "./audit.server";
import { NotFoundError, RuleError } from "./errors";

export const SEATS: PlacementStatus[] = ["proposed", "offered", "accepted"];
const OPEN_FROM = "0000-01-01";
const OPEN_TO = "9999-12-31";

type AppRow = typeof t.applications.$inferSelect;
type VisitRow = typeof t.exchangeVisits.$inferSelect;

/** The engine's view of an application (null when it lacks a nationality). */
export function toParticipant(a: Pick<AppRow, "id" | "nationality" | "gender" | "languages" | "availableFrom" | "availableTo" | "preferredHostCountries" | "themes">): Participant | null {
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
    .select({ visit: t.exchangeVisits, site: { id: t.hostSites.id, name: t.hostSites.name, nameLatin: t.hostSites.nameLatin, countryCode: t.hostSites.countryCode, timeZone: t.hostSites.timeZone } })
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
  const seatOf = new Map<number, typeof data.placements[number]["p"]>();
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

export type DiffRow = {
  applicationId: number;
  kind: "new" | "moved" | "removed" | "same" | "locked";
  from: number | null;
  to: number | null;
};

/** The proposal against the current placements, per participant of the run. */
export function diffProposal(
  instance: PlacementInstance,
  result: PlacementResult,
  seatOf: Map<number, { visitId: number }>,
): DiffRow[] {
  const out: DiffRow[] = [];
  for (const p of instance.participants) {
    const appId = Number(p.id);
    const from = seatOf.get(appId)?.visitId ?? null;
    const toRaw = result.assignment[p.id];
    const to = toRaw == null ? null : Number(toRaw);
    const kind: DiffRow["kind"] = instance.locked?.[p.id]
      ? "locked"
      : from === to
        ? "same"
        : from === null
          ? "new"
          : to === null
            ? "removed"
            : "moved";
    out.push({ applicationId: appId, kind, from, to });
  }
  return out;
}

export type EngineRun = {
  mode: PlacementMode;
  acceptUnranked: boolean;
  result: PlacementResult;
  comparison: ModeComparison;
  diff: DiffRow[];
  excluded: Excluded[];
  /** Why each kept placement is kept: "locked" by an organizer, or its status (offered, accepted). */
  kept: Record<string, "locked" | PlacementStatus>;
  fingerprint: string;
  summary: { participants: number; placed: number; unplaced: number; firstChoices: number; kept: number; changes: number };
};

/**
 * Organizer: runs the engine on the edition's board in `mode` (read only). A state the engine
 * cannot satisfy (nobody eligible, a lock over capacity) comes back as unplaced participants with
 * their reasons, never as an exception; an instance the validator refuses is a RuleError.
 */
export function runBoardEngine(actor: Actor, editionId: number, mode: PlacementMode, acceptUnranked = true, tx: Db = db()): EngineRun {
  requireOrganizer(actor);
  const { instance, excluded, seatOf } = buildInstance(editionId, { acceptUnranked }, tx);
  const run = runPlacement(instance, { mode });
  if (!run.ok) throw new RuleError("placement.errors.badInstance", { issues: run.issues.map((i) => `${i.path}: ${i.message}`).join("; ") });
  const result = run.result;
  const comparison = compareModes(run.instance);
  const diff = diffProposal(instance, result, seatOf);
  return {
    mode,
    acceptUnranked,
    result,
    comparison,
    diff,
    excluded,
    kept: Object.fromEntries(
      Object.keys(instance.locked ?? {}).map((pid) => {
        const seat = seatOf.get(Number(pid))!;
        return [pid, seat.locked ? "locked" : seat.status];
      }),
    ),
    fingerprint: fingerprint(instance, result.assignment),
    summary: {
      participants: instance.participants.length,
      placed: result.objective.placed,
      unplaced: result.objective.unplaced,
      firstChoices: result.explanations.filter((e) => e.status === "placed" && e.rank === 1).length,
      kept: diff.filter((d) => d.kind === "locked").length,
      changes: diff.filter((d) => d.kind === "new" || d.kind === "moved" || d.kind === "removed").length,
    },
  };
}

/**
 * Organizer: saves the engine's proposal in one BEGIN IMMEDIATE transaction: unlocked proposed
 * placements of the edition are replaced by the proposal's (status proposed); locked, offered
 * and accepted ones are kept. `expected` is the fingerprint of the proposal the organizer saw: if
 * the board changed meanwhile, RuleError "placement.errors.boardChanged" and nothing is written.
 */
export function saveProposal(actor: Actor, editionId: number, mode: PlacementMode, acceptUnranked: boolean, expected?: string | null) {
  requireOrganizer(actor);
  return immediate(db(), (tx) => {
    const run = runBoardEngine(actor, editionId, mode, acceptUnranked, tx);
    if (expected && expected !== run.fingerprint) throw new RuleError("placement.errors.boardChanged");
    const data = loadBoardData(editionId, tx);
    const unchanged = new Set(run.diff.filter((d) => d.kind === "same").map((d) => d.applicationId));
    const replaced = data.placements
      .filter(({ p }) => p.status === "proposed" && !p.locked && !unchanged.has(p.applicationId))
      .map(({ p }) => p);
    if (replaced.length) tx.delete(t.placements).where(inArray(t.placements.id, replaced.map((p) => p.id))).run();
    let added = 0;
    for (const d of run.diff) {
      if (d.kind === "locked" || d.kind === "same" || d.to === null) continue;
      tx.insert(t.placements).values({ visitId: d.to, applicationId: d.applicationId, status: "proposed", createdBy: actor.id }).run();
      added += 1;
    }
    recordAudit(
      actor,
      {
        entityType: "edition",
        entityId: editionId,
        action: "placement_proposal_saved",
        details: {
          mode,
          acceptUnranked,
          placed: run.summary.placed,
          unplaced: run.summary.unplaced,
          replaced: replaced.length,
          added,
          kept: run.summary.kept,
          changes: run.diff.filter((x) => x.kind !== "same" && x.kind !== "locked"),
        },
      },
      tx,
    );
    return { added, replaced: replaced.length, kept: run.summary.kept };
  });
}

/** Display helpers shared by the board's loader. */
export function personOf(a: Pick<AppRow, "givenName" | "familyName" | "givenNameLatin" | "familyNameLatin" | "nameOrder">) {
  return { name: displayName(a) || latinName(a), latin: latinName(a), sort: sortKey(a) };
}
