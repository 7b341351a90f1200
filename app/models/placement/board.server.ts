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
 * Seats held by placements outside the instance (e.g. a participant left out of the run who still
 * holds an offer) are taken off the visit's capacity, so a run never overbooks. A withdrawn (or
 * rejected after acceptance) application holds no seat: its placements are cancelled in the
 * transaction that changes its status (applications/release.server.ts).
 */
import { inArray } from "drizzle-orm";
import { db, immediate, t, type Db } from "../../db.server";
import { compareModes, runPlacement, type ModeComparison, type PlacementInstance, type PlacementMode, type PlacementResult } from "../../domain/placement";
import type { PlacementStatus } from "../../../db/schema/hosts";
import type { Actor } from "../actor";
import { requireOrganizer } from "../actor";
import { recordAudit } from "../audit.server";
import { RuleError } from "../errors";
import { buildInstance, fingerprint, loadBoardData, type Excluded } from "./instance.server";

export { buildInstance } from "./instance.server";

export type DiffRow = {
  applicationId: number;
  kind: "new" | "moved" | "removed" | "same" | "locked";
  from: number | null;
  to: number | null;
};

/** The proposal against the current placements, per participant of the run. */
export function diffProposal(instance: PlacementInstance, result: PlacementResult, seatOf: Map<number, { visitId: number }>): DiffRow[] {
  const out: DiffRow[] = [];
  for (const p of instance.participants) {
    const appId = Number(p.id);
    const from = seatOf.get(appId)?.visitId ?? null;
    const toRaw = result.assignment[p.id];
    const to = toRaw == null ? null : Number(toRaw);
    const kind: DiffRow["kind"] = instance.locked?.[p.id] ? "locked" : from === to ? "same" : from === null ? "new" : to === null ? "removed" : "moved";
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
    const replaced = data.placements.filter(({ p }) => p.status === "proposed" && !p.locked && !unchanged.has(p.applicationId)).map(({ p }) => p);
    if (replaced.length)
      tx.delete(t.placements)
        .where(
          inArray(
            t.placements.id,
            replaced.map((p) => p.id),
          ),
        )
        .run();
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
