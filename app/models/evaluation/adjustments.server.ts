/**
 * Plan adjustments: a change to the programme's plan recorded with the evidence it rests on
 * (indicators, responses, pulse days), shown in the edition's log. When a new edition is created,
 * the open adjustments of earlier editions are carried over to it as a checklist
 * (carryOverAdjustments, called from createEdition; idempotent).
 */
import { and, asc, eq, inArray, isNull, lt, ne } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { db as defaultDb, immediate, t, type Db } from "../../db.server";
import type { AdjustmentEvidence } from "../../../db/schema/evaluation";
import type { Actor } from "../actor";
import { requireOrganizer } from "../actor";
import { recordAudit } from "../audit.server";
import { FieldErrors, NotFoundError } from "../errors";

export type AdjustmentInput = { what: string; why: string; indicatorIds: number[]; responseIds: number[]; pulseDays: string[] };

/** Organizer: records an adjustment of the edition's plan; returns its id. */
export function recordAdjustment(actor: Actor, editionId: number, input: AdjustmentInput): number {
  requireOrganizer(actor);
  return immediate(defaultDb(), (tx) => {
    if (!tx.select().from(t.editions).where(eq(t.editions.id, editionId)).get()) throw new NotFoundError("edition");
    const known = new Set(
      tx
        .select({ id: t.indicators.id })
        .from(t.indicators)
        .all()
        .map((r) => r.id),
    );
    if (input.indicatorIds.some((i) => !known.has(i))) throw FieldErrors.one("indicatorIds", "errors.invalid");
    if (input.responseIds.length) {
      const ok = tx
        .select({ id: t.surveyResponses.id })
        .from(t.surveyResponses)
        .innerJoin(t.editionSurveys, eq(t.editionSurveys.id, t.surveyResponses.surveyId))
        .where(and(inArray(t.surveyResponses.id, input.responseIds), eq(t.editionSurveys.editionId, editionId)))
        .all();
      if (ok.length !== new Set(input.responseIds).size) throw FieldErrors.one("responseIds", "evaluation.errors.responseIds");
    }
    const evidence: AdjustmentEvidence = {
      indicatorIds: [...new Set(input.indicatorIds)],
      responseIds: [...new Set(input.responseIds)],
      pulseDays: [...new Set(input.pulseDays)].sort(),
    };
    const id = tx
      .insert(t.planAdjustments)
      .values({ editionId, what: input.what, why: input.why, evidence, createdBy: actor.id })
      .returning({ id: t.planAdjustments.id })
      .get().id;
    recordAudit(actor, { entityType: "plan_adjustment", entityId: id, action: "record", toState: "open", details: { editionId } }, tx);
    return id;
  });
}

/** Organizer: ticks off (done), drops or reopens an adjustment or checklist item. */
export function setAdjustmentStatus(actor: Actor, editionId: number, id: number, status: "open" | "done" | "dropped"): void {
  requireOrganizer(actor);
  immediate(defaultDb(), (tx) => {
    const row = tx
      .select()
      .from(t.planAdjustments)
      .where(and(eq(t.planAdjustments.id, id), eq(t.planAdjustments.editionId, editionId)))
      .get();
    if (!row) throw new NotFoundError("adjustment");
    if (row.status === status) return;
    tx.update(t.planAdjustments)
      .set({ status, closedAt: status === "open" ? null : new Date().toISOString() })
      .where(eq(t.planAdjustments.id, id))
      .run();
    recordAudit(actor, { entityType: "plan_adjustment", entityId: id, action: "status", fromState: row.status, toState: status }, tx);
  });
}

/** The edition's adjustments (its own and the carried-over checklist), with their origin edition. */
export function listAdjustments(editionId: number) {
  const from = alias(t.planAdjustments, "from_adj");
  const fromEdition = alias(t.editions, "from_edition");
  return defaultDb()
    .select({ a: t.planAdjustments, by: t.users.displayName, fromEditionId: fromEdition.id, fromEditionName: fromEdition.name })
    .from(t.planAdjustments)
    .leftJoin(t.users, eq(t.users.id, t.planAdjustments.createdBy))
    .leftJoin(from, eq(from.id, t.planAdjustments.carriedFromId))
    .leftJoin(fromEdition, eq(fromEdition.id, from.editionId))
    .where(eq(t.planAdjustments.editionId, editionId))
    .orderBy(asc(t.planAdjustments.id))
    .all()
    .map((r) => ({ ...r.a, by: r.by, fromEditionId: r.fromEditionId, fromEditionName: r.fromEditionName }));
}

/**
 * Carries the open adjustments of editions that started before `newEditionId` into it as open
 * checklist items. An adjustment is carried once: items already carried somewhere are skipped
 * (their copy carries on), and the unique (edition, carried_from) index makes a rerun harmless.
 * Returns how many were carried. Pass `tx` to run inside the caller's transaction.
 */
export function carryOverAdjustments(newEditionId: number, tx?: Db): number {
  const run = (d: Db) => {
    const ed = d.select().from(t.editions).where(eq(t.editions.id, newEditionId)).get();
    if (!ed) throw new NotFoundError("edition");
    const carried = new Set(
      d
        .select({ id: t.planAdjustments.carriedFromId })
        .from(t.planAdjustments)
        .all()
        .map((r) => r.id)
        .filter((x): x is number => x !== null),
    );
    const open = d
      .select({ a: t.planAdjustments })
      .from(t.planAdjustments)
      .innerJoin(t.editions, eq(t.editions.id, t.planAdjustments.editionId))
      .where(and(eq(t.planAdjustments.status, "open"), ne(t.planAdjustments.editionId, newEditionId), lt(t.editions.startsOn, ed.startsOn)))
      .orderBy(asc(t.planAdjustments.id))
      .all()
      .map((r) => r.a)
      .filter((a) => !carried.has(a.id));
    for (const a of open) {
      d.insert(t.planAdjustments)
        .values({ editionId: newEditionId, what: a.what, why: a.why, evidence: a.evidence, carriedFromId: a.id, createdBy: a.createdBy })
        .onConflictDoNothing()
        .run();
    }
    return open.length;
  };
  return tx ? run(tx) : immediate(defaultDb(), run);
}

/** Open items of an edition (for counts). */
export function openAdjustmentCount(editionId: number): number {
  return defaultDb()
    .select({ id: t.planAdjustments.id })
    .from(t.planAdjustments)
    .where(and(eq(t.planAdjustments.editionId, editionId), eq(t.planAdjustments.status, "open"), isNull(t.planAdjustments.closedAt)))
    .all().length;
}
